"""AsyncPager over an in-memory fetch: walk rules, prefetch window, failures, input checks."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable

import pytest

from kimono_interop import InteropError
from kimono_interop.pagination import AsyncPager, PageResult, next_page

ITEMS = list(range(23))


class FakeList:
    """A list endpoint: `cap` items per page at most, with or without paging.next."""

    def __init__(self, items: list[int], *, cap: int = 1000, paging: bool = True) -> None:
        self.items = items
        self.cap = cap
        self.paging = paging
        self.requested: list[int] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.fail_on: set[int] = set()
        self.gate: asyncio.Event | None = None

    async def fetch(self, page: int, page_size: int | None) -> PageResult[int]:
        self.requested.append(page)
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if self.gate is not None:
                await self.gate.wait()
            await asyncio.sleep(0)
            if page in self.fail_on:
                raise InteropError(f"page {page} failed")
            size = min(page_size or self.cap, self.cap)
            chunk = self.items[page * size : (page + 1) * size]
            if not self.paging:
                return PageResult(chunk, paging_present=False, next_url=None)
            more = (page + 1) * size < len(self.items)
            url = f"http://x/v2/interop/tenants?page={page + 1}&page_size={size}" if more else None
            return PageResult(chunk, paging_present=True, next_url=url)
        finally:
            self.in_flight -= 1


@pytest.mark.parametrize("paging", [True, False])
@pytest.mark.parametrize(("page_size", "cap"), [(5, 1000), (5, 3), (100, 7), (23, 1000)])
async def test_every_item_once_in_order(paging: bool, page_size: int, cap: int) -> None:
    source = FakeList(ITEMS, cap=cap, paging=paging)
    assert [item async for item in AsyncPager(source.fetch, page_size=page_size)] == ITEMS


async def test_a_short_page_does_not_end_a_walk_without_paging() -> None:
    source = FakeList(ITEMS, cap=10, paging=False)
    assert await AsyncPager(source.fetch, page_size=50).collect() == ITEMS
    assert source.requested == [0, 1, 2, 3]  # 10, 10, 3, then the empty page that ends it


async def test_paging_next_null_ends_without_an_extra_request() -> None:
    source = FakeList(ITEMS, cap=10)
    assert await AsyncPager(source.fetch, page_size=50).collect() == ITEMS
    assert source.requested == [0, 1, 2]


async def test_pages_are_numbered() -> None:
    source = FakeList(ITEMS)
    pages = [page async for page in AsyncPager(source.fetch, page_size=10).pages()]
    assert [(page.number, len(page.items)) for page in pages] == [(0, 10), (1, 10), (2, 3)]


async def test_paging_next_may_jump_ahead() -> None:
    async def fetch(page: int, page_size: int | None) -> PageResult[str]:
        if page == 0:
            return PageResult(["a"], paging_present=True, next_url="/v2/interop/clouds?page=5")
        return PageResult([f"p{page}"], paging_present=True, next_url=None)

    assert await AsyncPager(fetch).collect() == ["a", "p5"]


@pytest.mark.parametrize("link", ["/x?page=0", "/x?page=-3", "/x?page=two"])
async def test_a_bad_paging_next_raises(link: str) -> None:
    async def fetch(page: int, page_size: int | None) -> PageResult[int]:
        return PageResult([page], paging_present=True, next_url=link)

    with pytest.raises(InteropError, match="page"):
        await AsyncPager(fetch).collect()


def test_next_page_rules() -> None:
    assert next_page(PageResult([1], paging_present=True, next_url=None), 4) is None
    assert next_page(PageResult([], paging_present=False, next_url=None), 4) is None
    assert next_page(PageResult([1], paging_present=False, next_url=None), 4) == 5
    assert next_page(PageResult([], paging_present=True, next_url="/x?page=5"), 4) == 5
    assert next_page(PageResult([1], paging_present=True, next_url="/x"), 4) == 5


async def test_collect_limit_stops_fetching() -> None:
    source = FakeList(ITEMS)
    assert await AsyncPager(source.fetch, page_size=5).collect(limit=7) == ITEMS[:7]
    assert source.requested == [0, 1]


async def test_keep_filters_but_an_all_filtered_page_does_not_end_the_walk() -> None:
    source = FakeList(ITEMS, paging=False)
    pager = AsyncPager(source.fetch, page_size=5, keep=lambda n: n >= 12)
    assert await pager.collect() == ITEMS[12:]
    pages = [page.items async for page in pager.pages()]
    assert pages[:2] == [[], []]


@pytest.mark.parametrize("paging", [True, False])
@pytest.mark.parametrize("prefetch", [2, 4])
async def test_prefetch_keeps_order_and_bounds_the_window(paging: bool, prefetch: int) -> None:
    source = FakeList(ITEMS, paging=paging)
    source.gate = asyncio.Event()
    pager = AsyncPager(source.fetch, page_size=2, prefetch=prefetch)
    task = asyncio.ensure_future(pager.collect())
    for _ in range(5):
        await asyncio.sleep(0)
    assert source.in_flight == prefetch  # it fetches ahead, but no further than the window
    source.gate.set()
    assert await task == ITEMS
    assert source.most_in_flight <= prefetch


async def test_prefetch_past_the_end_is_cancelled_and_its_errors_ignored() -> None:
    source = FakeList(ITEMS[:4], paging=True)
    source.fail_on = {3, 4, 5}
    assert await AsyncPager(source.fetch, page_size=2, prefetch=4).collect() == ITEMS[:4]


async def consume_into(seen: list[int], pager: AsyncPager[int]) -> None:
    """Append every item of `pager` to `seen` (kept when the walk raises)."""
    async for item in pager:
        seen.append(item)


@pytest.mark.parametrize("paging", [True, False])
@pytest.mark.parametrize("prefetch", [1, 3])
async def test_a_failing_page_raises_and_never_ends_the_walk(paging: bool, prefetch: int) -> None:
    source = FakeList(ITEMS, paging=paging)
    source.fail_on = {2}
    seen: list[int] = []
    with pytest.raises(InteropError, match="page 2 failed"):
        await consume_into(seen, AsyncPager(source.fetch, page_size=5, prefetch=prefetch))
    assert seen == ITEMS[:10]


async def test_breaking_out_cancels_what_was_fetched_ahead(
    caplog: pytest.LogCaptureFixture,
) -> None:
    source = FakeList(ITEMS)
    source.fail_on = {2, 3}
    walk = AsyncPager(source.fetch, page_size=5, prefetch=4).__aiter__()
    assert await anext(walk) == 0
    await walk.aclose()  # type: ignore[attr-defined]
    await asyncio.sleep(0)
    gc.collect()
    await asyncio.sleep(0)
    assert source.in_flight == 0
    assert "never retrieved" not in caplog.text


async def test_each_iteration_is_a_fresh_walk() -> None:
    source = FakeList(ITEMS)
    pager = AsyncPager(source.fetch, page_size=10)
    assert await pager.collect() == await pager.collect()
    assert source.requested == [0, 1, 2, 0, 1, 2]


async def test_start_page() -> None:
    source = FakeList(ITEMS)
    assert await AsyncPager(source.fetch, page_size=10, start_page=2).collect() == ITEMS[20:]


async def noop(page: int, page_size: int | None) -> PageResult[int]:
    raise AssertionError("no fetch may happen")


BAD: list[tuple[str, Callable[[], object]]] = [
    ("page_size", lambda: AsyncPager(noop, page_size=0)),
    ("page_size", lambda: AsyncPager(noop, page_size=-1)),
    ("page_size", lambda: AsyncPager(noop, page_size=True)),
    ("page_size", lambda: AsyncPager(noop, page_size="3")),  # type: ignore[arg-type]
    ("prefetch", lambda: AsyncPager(noop, prefetch=0)),
    ("prefetch", lambda: AsyncPager(noop, prefetch=True)),
    ("start_page", lambda: AsyncPager(noop, start_page=-1)),
    ("start_page", lambda: AsyncPager(noop, start_page="0")),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("name", "build"), BAD)
def test_bad_arguments_name_themselves(name: str, build: Callable[[], object]) -> None:
    with pytest.raises(ValueError, match=name):
        build()


@pytest.mark.parametrize("limit", [0, -2, True])
async def test_a_bad_limit_raises_before_fetching(limit: int) -> None:
    with pytest.raises(ValueError, match="limit"):
        await AsyncPager(noop).collect(limit=limit)
