"""Pagination cannot hang, loop or wander: links are followed only on the client's origin, a
walk that does not advance raises, and a walk can resume where it stopped."""

from __future__ import annotations

from typing import Any

import pytest

from kimono_interop import PageLink, PaginationError
from tests.faults.conftest import API_KEY, ClientFactory, cloud
from tests.faults.server import FaultServer, Reply

LIST = "/v2/interop/clouds"


def page(server: FaultServer, ids: range, next_url: str | None) -> Reply:
    items = [cloud(id=f"6f7a1c2e-0000-4000-8000-{n:012d}", name=f"c{n}") for n in ids]
    return Reply(json={"data": items, "paging": {"next": next_url}})


def link(server: FaultServer, page_number: int, **extra: Any) -> str:
    query = "&".join(f"{k}={v}" for k, v in {"page": page_number, **extra}.items())
    return f"{server.base_url}{LIST}?{query}"


async def test_a_link_to_another_origin_is_refused_and_gets_no_credentials(
    server: FaultServer, make_client: ClientFactory
) -> None:
    server.default = page(server, range(2), "http://example.com")  # what a mock answers
    with pytest.raises(PaginationError, match="another origin"):
        await make_client().clouds.list().collect()
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    "other",
    [
        lambda s: s.base_url.replace("http://", "https://") + LIST + "?page=1",
        lambda s: f"http://127.0.0.1:{s.port + 1}{LIST}?page=1",
        lambda s: f"http://localhost:{s.port}{LIST}?page=1",
    ],
    ids=["scheme", "port", "host"],
)
async def test_scheme_port_and_host_all_count_as_origin(
    server: FaultServer, make_client: ClientFactory, other: Any
) -> None:
    server.enqueue(page(server, range(2), other(server)))
    with pytest.raises(PaginationError, match="another origin"):
        await make_client().clouds.list().collect()


async def test_the_same_link_twice_raises(server: FaultServer, make_client: ClientFactory) -> None:
    same = link(server, 1, cursor="abc")
    server.enqueue(page(server, range(0, 2), same), page(server, range(2, 4), same))
    with pytest.raises(PaginationError, match="repeats a link"):
        await make_client().clouds.list().collect()
    assert len(server.requests) == 2


async def test_a_page_number_that_does_not_grow_raises(
    server: FaultServer, make_client: ClientFactory
) -> None:
    server.enqueue(page(server, range(2), link(server, 0)))
    with pytest.raises(PaginationError, match="would not advance"):
        await make_client().clouds.list().collect()


async def test_a_page_that_repeats_the_previous_items_raises(
    server: FaultServer, make_client: ClientFactory
) -> None:
    server.enqueue(
        page(server, range(2), link(server, 1)),
        page(server, range(2), link(server, 2)),
    )
    with pytest.raises(PaginationError, match="repeats the previous page's items"):
        await make_client().clouds.list().collect()


async def test_a_link_with_extra_parameters_is_followed_as_given(
    server: FaultServer, make_client: ClientFactory
) -> None:
    server.route(
        "GET",
        LIST,
        [
            page(server, range(0, 2), link(server, 1, cursor="x1")),
            page(server, range(2, 4), None),
        ],
    )
    clouds = await make_client().clouds.list().collect()
    assert [c.name for c in clouds] == ["c0", "c1", "c2", "c3"]
    assert "/v2/interop/clouds?page=1&cursor=x1" in [r.target for r in server.requests]


async def test_a_walk_resumes_from_a_page(server: FaultServer, make_client: ClientFactory) -> None:
    server.enqueue(page(server, range(0, 2), link(server, 1)))
    client = make_client()
    first = await client.clouds.list()
    assert first.next == PageLink(1)
    server.enqueue(page(server, range(2, 4), None))
    rest = await client.clouds.list(start=first.next).collect()
    assert [c.name for c in rest] == ["c2", "c3"]
    assert server.requests[-1].query["page"] == ["1"]


async def test_resuming_from_a_link_follows_it(
    server: FaultServer, make_client: ClientFactory
) -> None:
    server.enqueue(page(server, range(0, 2), link(server, 1, cursor="x1")))
    client = make_client()
    first = await client.clouds.list()
    assert first.next is not None
    assert first.next.url is not None
    server.enqueue(page(server, range(2, 4), None))
    await client.clouds.list(start=first.next).collect()
    assert server.requests[-1].target == "/v2/interop/clouds?page=1&cursor=x1"
    assert server.requests[-1].header("authorization") is not None
    assert API_KEY not in server.requests[-1].target


async def test_list_filters_go_out_as_the_spec_serializes_them(
    server: FaultServer, make_client: ClientFactory
) -> None:
    # style: form, explode: false: literal commas between items, a comma inside one is %2C
    server.default = Reply(json={"data": [], "paging": {"next": None}})
    accounts = ["6f7a1c2e-0000-4000-8000-00000000000a", "6f7a1c2e-0000-4000-8000-00000000000b"]
    await (
        make_client()
        .tenants.list(accounts=accounts, integrations=["Roster, v2", "a&b=c", "é"], page_size=5)
        .collect()
    )
    [request] = server.requests
    path, _, query = request.target.partition("?")
    assert path == "/v2/interop/tenants"
    assert sorted(query.split("&")) == [
        f"accounts={accounts[0]},{accounts[1]}",
        "integrations=Roster%2C%20v2,a%26b%3Dc,%C3%A9",
        "page=0",
        "page_size=5",
    ]
