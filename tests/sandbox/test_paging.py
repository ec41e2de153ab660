"""Paging: every list walked at several page sizes and caps, with ``paging.next`` links and
without them; every item exactly once, in order. Every page passes the spec validator."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from kimono_interop.sandbox import SandboxHandle
from tests.sandbox.conftest import (
    Json,
    SpecChecker,
    actor,
    developer,
    error_body,
    page_of,
    validating_client,
)

V2 = "/v2/interop"
TENANTS = 130  # more than the largest cap, so every cap takes several pages
CAPS = (10, 50, 100)
PAGE_SIZES: tuple[int | None, ...] = (7, 50, 1000, None)


async def walk_next(
    http: httpx.AsyncClient, sandbox: SandboxHandle, path: str, auth: Any, params: dict[str, Any]
) -> list[list[Json]]:
    """Follow ``paging.next`` (absolute URLs) from the first page until it is null."""
    pages: list[list[Json]] = []
    response = await http.get(path, auth=auth, params=params)
    while True:
        pages.append(page_of(response))
        following = response.json()["paging"]["next"]
        if following is None:
            return pages
        assert following.startswith(f"{sandbox.base_url}{path}?"), following
        assert len(pages) < 500, "paging.next never ends"
        response = await http.get(following, auth=auth)


async def walk_numbers(
    http: httpx.AsyncClient, path: str, auth: Any, params: dict[str, Any]
) -> list[list[Json]]:
    """Request page 0, 1, ... until a page comes back empty (that page is not returned)."""
    pages: list[list[Json]] = []
    for number in range(500):
        response = await http.get(path, auth=auth, params=params | {"page": number})
        assert "paging" not in response.json()
        items = page_of(response)
        if not items:
            return pages
        pages.append(items)
    raise AssertionError("pages never ran out")


def check_pages(pages: list[list[Json]], expected: list[Json], size: int) -> None:
    """Every item once, in order; every page full but the last."""
    assert [item["id"] for page in pages for item in page] == [item["id"] for item in expected]
    assert all(len(page) == size for page in pages[:-1])
    assert 1 <= len(pages[-1]) <= size
    assert len(pages) == -(-len(expected) // size)


@pytest.mark.tenants(TENANTS)
@pytest.mark.parametrize("paging", ["next", "none"])
async def test_tenants_walk_at_every_size_and_cap(
    paging: str, sandbox: SandboxHandle, checker: SpecChecker
) -> None:
    sandbox.knobs.paging = paging
    expected = list(sandbox.state.world.tenants.values())
    assert len(expected) == TENANTS
    dev = developer(sandbox)
    async with validating_client(sandbox.base_url, checker) as http:
        for cap in CAPS:
            sandbox.knobs.max_page_size = cap
            for asked in PAGE_SIZES:
                params = {} if asked is None else {"page_size": asked}
                size = cap if asked is None else min(asked, cap)
                if paging == "next":
                    pages = await walk_next(http, sandbox, f"{V2}/tenants", dev, params)
                else:
                    pages = await walk_numbers(http, f"{V2}/tenants", dev, params)
                check_pages(pages, expected, size)
    assert checker.operations() == {"listInteropTenants"}


@pytest.mark.tenants(TENANTS)
async def test_next_links_keep_the_filters(sandbox: SandboxHandle, checker: SpecChecker) -> None:
    dev = developer(sandbox)
    params = {"integrations": "roster-sync", "page_size": 4}
    async with validating_client(sandbox.base_url, checker) as http:
        pages = await walk_next(http, sandbox, f"{V2}/tenants", dev, params)
    assert len(checker.checked) == len(pages) > 1
    expected = [
        t for t in sandbox.state.world.tenants.values() if t["integration"]["name"] == "roster-sync"
    ]
    check_pages(pages, expected, 4)


@pytest.mark.tenants(TENANTS)
@pytest.mark.parametrize("paging", ["next", "none"])
async def test_every_other_list_walks_completely(
    paging: str, sandbox: SandboxHandle, checker: SpecChecker
) -> None:
    sandbox.knobs.paging = paging
    sandbox.knobs.max_page_size = 10
    world = sandbox.state.world
    dev, me = developer(sandbox), actor(sandbox, 0)
    mine = next(iter(world.tenants))
    cloud = next(iter(world.clouds))
    integration = next(iter(world.integrations))
    lists: list[tuple[str, Any, list[Json]]] = [
        (f"{V2}/actors", dev, list(world.actors.values())),
        (f"{V2}/clouds", dev, list(world.clouds.values())),
        (f"{V2}/clouds/search", dev, list(world.clouds.values())),
        (
            f"{V2}/clouds/{cloud}/actors",
            dev,
            [a for a in world.actors.values() if a["cloud_id"] == cloud],
        ),
        (f"{V2}/integrations", dev, list(world.integrations.values())),
        (
            f"{V2}/integrations/{integration}/versions",
            dev,
            list(world.versions[integration].values()),
        ),
        (f"{V2}/ingestions", dev, [i for t in world.ingestions.values() for i in t.values()]),
        (f"{V2}/ingestions", me, list(world.ingestions[mine].values())),
        (f"{V2}/tenant/scoping/schools", me, list(world.schools[mine].values())),
        (f"{V2}/tenant/scoping/courses", me, list(world.courses[mine].values())),
        (f"{V2}/tenant/rollovers", me, list(world.rollovers[mine].values())),
        (f"{V2}/tenant/schedules", me, list(world.schedules[mine].values())),
    ]
    async with validating_client(sandbox.base_url, checker) as http:
        for path, auth, expected in lists:
            params = {"page_size": 3}
            if paging == "next":
                pages = await walk_next(http, sandbox, path, auth, params)
            else:
                pages = await walk_numbers(http, path, auth, params)
            if expected:
                check_pages(pages, expected, 3)
            else:  # an empty list is one empty page with links, or no page at all without
                assert pages == ([[]] if paging == "next" else [])
    assert len(checker.operations()) == 11


async def test_bad_page_parameters_are_400(
    sandbox: SandboxHandle, http: httpx.AsyncClient, checker: SpecChecker
) -> None:
    dev, me = developer(sandbox), actor(sandbox, 1)
    for path, auth in ((f"{V2}/tenants", dev), (f"{V2}/tenant/rollovers", me)):
        cases: list[tuple[dict[str, Any], str]] = [
            ({"page_size": 0}, "page_size must be at least 1"),
            ({"page_size": -5}, "page_size"),
            ({"page": -1}, "page must be at least 0"),
            ({"page": "first"}, "page must be an integer"),
        ]
        for params, words in cases:
            message = error_body(await http.get(path, auth=auth, params=params), 400)["message"]
            assert words in message, (params, message)
    beyond = page_of(await http.get(f"{V2}/tenants", auth=dev, params={"page": 99}))
    assert beyond == []
    assert checker.statuses("listInteropTenants") == {200, 400}
