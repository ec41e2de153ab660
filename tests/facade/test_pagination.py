"""Pagination over loopback: paging.next, no paging, a server page cap, prefetch, a failing page."""

from __future__ import annotations

from typing import Any

import pytest

from kimono_interop import InteropClient, RetryPolicy, ServerError
from tests.facade.conftest import account_id, count

pytestmark = pytest.mark.tenants(130)


async def all_tenant_ids(interop: InteropClient) -> list[str]:
    return [str(t.id) for t in await interop.tenants.list(page_size=50).collect()]


@pytest.mark.parametrize("paging", ["next", "none"])
@pytest.mark.parametrize(("page_size", "cap"), [(50, 50), (50, 7), (13, 50), (1000, 33)])
async def test_every_item_once_whatever_the_page_size_and_cap(
    interop: InteropClient, sandbox: Any, paging: str, page_size: int, cap: int
) -> None:
    expected = await all_tenant_ids(interop)
    assert len(expected) == len(set(expected))
    sandbox.knobs.paging = paging
    sandbox.knobs.max_page_size = cap
    sandbox.reset_counters()
    got = [str(t.id) for t in await interop.tenants.list(page_size=page_size).collect()]
    assert got == expected
    pages = -(-len(expected) // min(page_size, cap))
    # with paging.next the walk stops on next=null; without it, one empty page ends it
    assert count(sandbox, "listInteropTenants") == pages + (paging == "none")


async def test_pages_iterates_page_objects(interop: InteropClient, sandbox: Any) -> None:
    sandbox.knobs.max_page_size = 40
    numbers = [page.number async for page in interop.tenants.list(page_size=40).pages()]
    assert numbers == list(range(len(numbers)))
    assert len(numbers) > 2


@pytest.mark.parametrize("paging", ["next", "none"])
async def test_prefetch_keeps_order(interop: InteropClient, sandbox: Any, paging: str) -> None:
    expected = await all_tenant_ids(interop)
    sandbox.knobs.paging = paging
    got = [str(t.id) for t in await interop.tenants.list(page_size=20, prefetch=4).collect()]
    assert got == expected


async def test_collect_limit_stops_fetching(interop: InteropClient, sandbox: Any) -> None:
    sandbox.reset_counters()
    got = await interop.tenants.list(page_size=10).collect(limit=15)
    assert len(got) == 15
    assert count(sandbox, "listInteropTenants") == 2


@pytest.mark.parametrize("prefetch", [1, 3])
async def test_a_failing_page_raises_instead_of_ending(
    interop: InteropClient, sandbox: Any, prefetch: int
) -> None:
    no_retries = interop.with_options(retry_policy=RetryPolicy(max_retries=0))
    pager = no_retries.tenants.list(page_size=25, prefetch=prefetch)
    seen: list[str] = []

    async def consume() -> None:
        async for tenant in pager:
            seen.append(str(tenant.id))
            if len(seen) == 25:
                sandbox.knobs.fail_next = 5

    with pytest.raises(ServerError):
        await consume()
    sandbox.knobs.fail_next = 0
    assert 25 <= len(seen) < len(await all_tenant_ids(interop))


async def test_filters_apply_to_every_page(interop: InteropClient, sandbox: Any) -> None:
    tenants = await interop.tenants.list().collect()
    account = account_id(tenants[0])
    expected = [str(t.id) for t in tenants if account_id(t) == account]
    sandbox.knobs.max_page_size = 5
    got = [str(t.id) for t in await interop.tenants.list(accounts=[account], page_size=5).collect()]
    assert got == expected
    assert len(expected) > 5
