"""Narrow tests of kimono_interop._pagination.AsyncPager over an in-memory PageSource."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence

import httpx
import pytest

from kimono_interop import _pagination as pagination
from kimono_interop._exceptions import InteropError, InvalidArgumentError, PaginationError
from kimono_interop._pagination import Arrival, AsyncPager, Page, PageLink, PageResult
from kimono_interop._pipeline import (
    FairLimiter,
    Shared,
    TransportSender,
    exchange,
    finish_exchanges_on_cancel,
)

BASE = "https://api.example.test"
LIST = f"{BASE}/v2/items"

NextLink = Callable[[int], str | None]


class Source:
    """Pages of ints, by number; answers with or without ``paging.next``.

    `links` maps a page number to its ``paging.next`` (a page without an entry links nowhere);
    None means the list has no paging object at all. Pages listed in `fail` raise; fetches of
    pages from `hold_from` on wait for `gate`.
    """

    origin = httpx.URL(BASE)

    def __init__(
        self,
        pages: Sequence[Sequence[int]] | Mapping[int, Sequence[int]],
        *,
        links: Mapping[int, str | None] | NextLink | None = None,
        fail: Mapping[int, Exception] | None = None,
        hold_from: int | None = None,
    ) -> None:
        self.pages = dict(enumerate(pages)) if isinstance(pages, Sequence) else dict(pages)
        self.links = links
        self.fail = dict(fail or {})
        self.hold_from = hold_from
        self.gate = asyncio.Event()
        self.fetched: list[PageLink] = []
        self.page_sizes: list[int | None] = []
        self.tasks: list[asyncio.Task[object]] = []
        self.finish_flags: list[bool] = []
        self.active = 0
        self.peak = 0

    def url_for(self, number: int, page_size: int | None) -> httpx.URL:
        params: dict[str, int] = {"page": number}
        if page_size is not None:
            params["page_size"] = page_size
        return httpx.URL(LIST, params=params)

    def url_of(self, number: int, page_size: int | None) -> str:
        return str(self.url_for(number, page_size))

    def asks_for(self, link: httpx.URL, number: int, page_size: int | None) -> bool:
        predicted = self.url_for(number, page_size)
        return link.path == predicted.path and sorted(link.params.multi_items()) == sorted(
            predicted.params.multi_items()
        )

    async def fetch(self, link: PageLink, page_size: int | None) -> Arrival[int]:
        self.fetched.append(link)
        self.page_sizes.append(page_size)
        task = asyncio.current_task()
        assert task is not None
        self.tasks.append(task)
        self.finish_flags.append(finish_exchanges_on_cancel.get())
        self.active += 1
        self.peak = max(self.peak, self.active)
        try:
            for _ in range(3):  # stay in flight a while, so look-ahead fetches overlap
                await asyncio.sleep(0)
            if self.hold_from is not None and link.number >= self.hold_from:
                await self.gate.wait()
            if link.number in self.fail:
                raise self.fail[link.number]
            items = list(self.pages.get(link.number, []))
        finally:
            self.active -= 1
        if self.links is None:
            return PageResult(items, paging_present=False, next_url=None, fingerprint=tuple(items))
        following = self.links(link.number) if callable(self.links) else self.links.get(link.number)
        return PageResult(items, True, following, tuple(items))

    @property
    def numbers(self) -> list[int]:
        return [link.number for link in self.fetched]

    def tasks_of(self, pages: Callable[[int], bool]) -> list[asyncio.Task[object]]:
        """The tasks that fetched the pages `pages` accepts."""
        return [
            task for link, task in zip(self.fetched, self.tasks, strict=True) if pages(link.number)
        ]

    def all_done(self) -> bool:
        return all(task.done() for task in self.tasks)


class LazyPage:
    """An arrived page whose parse (``result()``) is observed."""

    def __init__(self, page: Arrival[int], on_parse: Callable[[], None]) -> None:
        self._page = page
        self._on_parse = on_parse

    def ends_walk(self) -> bool:
        return self._page.ends_walk()

    def result(self) -> PageResult[int]:
        self._on_parse()
        return self._page.result()


def numbered_links(last: int) -> NextLink:
    """``paging.next`` as the page-number request would be, up to page `last`."""
    return lambda number: f"{LIST}?page={number + 1}" if number < last else None


def pages_of(count: int, size: int = 2) -> list[list[int]]:
    return [list(range(n * size, n * size + size)) for n in range(count)]


async def walk_pages(pager: AsyncPager[int]) -> list[Page[int]]:
    return [page async for page in pager.pages()]


# -- walks --------------------------------------------------------------------------------------


async def test_unlinked_walk_reads_until_an_empty_page_short_pages_included() -> None:
    source = Source([[1, 2, 3], [4], [5, 6]])
    assert [item async for item in AsyncPager(source)] == [1, 2, 3, 4, 5, 6]
    assert source.numbers == [0, 1, 2, 3]


async def test_an_empty_page_ends_an_unlinked_walk() -> None:
    source = Source([[1], [], [3]])
    assert await AsyncPager(source).collect() == [1]
    assert source.numbers == [0, 1]


async def test_linked_walk_follows_next_until_null() -> None:
    source = Source([[1, 2], [3], [4, 5]], links=numbered_links(2))
    pages = await walk_pages(AsyncPager(source))
    assert [(p.number, p.items) for p in pages] == [(0, [1, 2]), (1, [3]), (2, [4, 5])]
    assert [p.next for p in pages] == [PageLink(1), PageLink(2), None]
    assert source.numbers == [0, 1, 2]


async def test_a_linked_empty_page_with_a_next_link_does_not_end_the_walk() -> None:
    source = Source([[1], [], [3]], links=numbered_links(2))
    assert await AsyncPager(source).collect() == [1, 3]


async def test_null_next_ends_even_a_full_page() -> None:
    source = Source([[1, 2], [3, 4]], links={})
    assert await AsyncPager(source, prefetch=3).collect() == [1, 2]


async def test_page_size_is_passed_to_every_fetch() -> None:
    source = Source(pages_of(2))
    await AsyncPager(source, page_size=2).collect()
    assert source.page_sizes == [2, 2, 2]


async def test_each_iteration_is_a_fresh_walk() -> None:
    source = Source(pages_of(2))
    pager = AsyncPager(source)
    assert await pager.collect() == await pager.collect() == [0, 1, 2, 3]


# -- look-ahead ---------------------------------------------------------------------------------


@pytest.mark.parametrize("prefetch", [1, 2, 4])
async def test_prefetch_window_is_bounded(prefetch: int) -> None:
    source = Source(pages_of(12))
    seen_active: list[int] = []
    async for _ in AsyncPager(source, prefetch=prefetch):
        seen_active.append(source.active)
        await asyncio.sleep(0)
    assert source.peak == prefetch  # reached, never exceeded
    assert max(seen_active) <= prefetch
    assert sorted(source.numbers[:13]) == list(range(13))  # each page once, none skipped


async def test_a_batch_of_requests_sends_its_furthest_page_first() -> None:
    # were page 3 the last, it would come back no later than pages 0-2, and stop the window
    # before their arrivals asked past the end
    source = Source(pages_of(4))
    assert await AsyncPager(source, prefetch=4).collect() == list(range(8))
    assert source.numbers[:4] == [3, 2, 1, 0]


async def test_a_batch_that_comes_back_in_pieces_sends_its_next_requests_together(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pagination, "_REGROUP", 60.0)  # the batch's end, not the clock, decides

    class Straggling(Source):
        async def fetch(self, link: PageLink, page_size: int | None) -> Arrival[int]:
            page = await super().fetch(link, page_size)
            if link.number in (2, 3):  # half the batch comes back some loop steps late
                for _ in range(10):
                    await asyncio.sleep(0)
            return page

    source = Straggling(pages_of(8))
    assert await AsyncPager(source, prefetch=4).collect() == list(range(16))
    # pages 0-1 back first did not send 4-5 alone: 4-7 left as one batch, furthest first
    assert source.numbers[:8] == [3, 2, 1, 0, 7, 6, 5, 4]


async def test_a_batch_waits_for_its_stragglers_only_briefly() -> None:
    source = Source(pages_of(20), hold_from=2)  # pages 2 and 3 never come back by themselves
    pager = AsyncPager(source, prefetch=4)
    pages = pager.pages()
    await pages.__anext__()
    await asyncio.sleep(0.02)  # ten times the regrouping wait
    assert sorted(source.numbers) == [0, 1, 2, 3, 4, 5]  # 4-5 went out once the wait ran out
    await pages.aclose()


async def test_look_ahead_requests_go_out_before_the_consumer_parses_a_page() -> None:
    parsed_while: list[list[int]] = []

    class Lazy(Source):
        async def fetch(self, link: PageLink, page_size: int | None) -> Arrival[int]:
            page = await super().fetch(link, page_size)
            return LazyPage(page, lambda: parsed_while.append(list(self.numbers)))

    source = Lazy(pages_of(6), links=numbered_links(5))
    assert await AsyncPager(source, prefetch=2).collect() == list(range(12))
    # page 1 confirmed that links follow page numbers; from then on, a page is parsed only
    # once the requests its arrival sent have started
    for number, started in enumerate(parsed_while[2:4], start=2):
        assert number + 2 in started, (number, started)


@pytest.mark.parametrize("prefetch", [2, 4])
async def test_an_arrived_page_sends_the_next_request_before_the_consumer_reaches_it(
    prefetch: int,
) -> None:
    """While the consumer is away, arrived pages keep sending requests, up to 2 x `prefetch`
    pages held ahead of it (the old window stopped at `prefetch`, waiting for the consumer)."""
    source = Source(pages_of(20))
    pages = AsyncPager(source, prefetch=prefetch).pages()
    await pages.__anext__()  # the consumer holds page 0 and does not come back for a while
    for _ in range(40):
        await asyncio.sleep(0)
    assert len(source.numbers) == 1 + 2 * prefetch  # page 0, then 2 x prefetch held ahead
    assert source.active == 0  # all arrived: nothing more is asked until the consumer takes one
    await pages.__anext__()
    for _ in range(40):
        await asyncio.sleep(0)
    assert len(source.numbers) == 2 + 2 * prefetch
    await pages.aclose()


@pytest.mark.parametrize("prefetch", [2, 4])
@pytest.mark.parametrize("linked", [False, True])
async def test_at_most_prefetch_minus_one_fetches_past_the_last_page(
    prefetch: int, linked: bool
) -> None:
    count = 6
    source = Source(pages_of(count), links=numbered_links(count - 1) if linked else None)
    assert await AsyncPager(source, prefetch=prefetch).collect() == list(range(count * 2))
    last = count - 1 if linked else count  # an unlinked walk ends on the empty page
    past = [n for n in source.numbers if n > last]
    assert len(past) <= prefetch - 1
    assert source.all_done()


async def test_look_ahead_fetches_finish_exchanges_on_cancel() -> None:
    source = Source(pages_of(3))
    await AsyncPager(source, prefetch=2).collect()
    assert source.finish_flags
    assert all(source.finish_flags)
    assert finish_exchanges_on_cancel.get() is False


# -- links: origin and progress -----------------------------------------------------------------


@pytest.mark.parametrize(
    "link",
    [
        "http://api.example.test/v2/items?page=1",
        "https://evil.example/v2/items?page=1",
        "https://api.example.test:8443/v2/items?page=1",
        "//evil.example/v2/items?page=1",
    ],
)
async def test_a_link_to_another_origin_is_refused_before_any_fetch(link: str) -> None:
    source = Source(pages_of(3), links={0: link})
    with pytest.raises(PaginationError, match="another origin"):
        await AsyncPager(source, prefetch=3).collect()
    assert all(fetched.url is None for fetched in source.fetched)
    assert source.all_done()


@pytest.mark.parametrize(
    "link",
    ["/v2/items?page=1", "https://API.example.test:443/v2/items?page=1", "?page=1"],
)
async def test_a_link_on_the_same_origin_is_followed(link: str) -> None:
    source = Source(pages_of(2), links={0: link})
    assert await AsyncPager(source).collect() == [0, 1, 2, 3]


async def test_the_same_link_twice_is_refused() -> None:
    source = Source(pages_of(5), links=lambda _: "/v2/items?cursor=abc")
    with pytest.raises(PaginationError, match="repeats a link already followed"):
        await AsyncPager(source).collect()
    assert len(source.fetched) == 2


@pytest.mark.parametrize("link", [f"{LIST}?page=0", f"{LIST}?page=1&x=1", f"{LIST}?page=-3"])
async def test_a_page_number_that_does_not_grow_is_refused(link: str) -> None:
    source = Source(pages_of(5), links={0: f"{LIST}?page=1", 1: link})
    with pytest.raises(PaginationError, match="would not advance"):
        await AsyncPager(source).collect()
    assert source.numbers == [0, 1, 2]  # page 2: the one request kept ahead; nothing after


async def test_a_non_numeric_page_is_refused() -> None:
    source = Source(pages_of(2), links={0: f"{LIST}?page=two"})
    with pytest.raises(PaginationError, match="non-numeric page"):
        await AsyncPager(source).collect()


@pytest.mark.parametrize("linked", [False, True])
async def test_a_page_repeating_the_previous_pages_items_is_refused(linked: bool) -> None:
    source = Source([[1, 2], [1, 2], [3]], links=numbered_links(2) if linked else None)
    with pytest.raises(PaginationError, match="repeats the previous page's items"):
        await AsyncPager(source, prefetch=2).collect()
    assert source.all_done()


async def test_the_same_items_after_an_empty_page_are_not_a_repeat() -> None:
    source = Source([[1], [], [1]], links=numbered_links(2))
    assert await AsyncPager(source).collect() == [1, 1]


async def test_a_server_jump_to_another_page_number_is_followed() -> None:
    source = Source(
        {0: [1], 1: [99], 2: [99], 5: [5], 6: [6]},
        links={0: f"{LIST}?page=5", 5: f"{LIST}?page=6"},
    )
    pages = await walk_pages(AsyncPager(source, prefetch=3))
    assert [(p.number, p.items) for p in pages] == [(0, [1]), (5, [5]), (6, [6])]
    assert pages[0].next == PageLink(5)
    assert source.all_done()


async def test_a_link_that_differs_from_the_page_request_is_followed_by_url() -> None:
    odd = f"{LIST}?page=1&cursor=xyz"
    source = Source(pages_of(4), links={0: "/v2/items?page=1&cursor=xyz", 1: f"{LIST}?page=2"})
    pages = await walk_pages(AsyncPager(source, prefetch=3))
    assert pages[0].next == PageLink(1, odd)
    by_url = [link for link in source.fetched if link.url is not None]
    assert by_url == [PageLink(1, odd)]
    assert [(p.number, p.items) for p in pages] == [(0, [0, 1]), (1, [2, 3]), (2, [4, 5])]


async def test_a_link_with_another_page_size_is_followed_by_url() -> None:
    source = Source(pages_of(2), links={0: f"{LIST}?page=1&page_size=50"})
    first = await AsyncPager(source, page_size=2)
    assert first.next == PageLink(1, f"{LIST}?page=1&page_size=50")


# -- resume, first page, closing ----------------------------------------------------------------


async def test_resume_from_a_pages_next_link() -> None:
    source = Source(pages_of(4), links={0: f"{LIST}?page=1&cursor=c1", 1: f"{LIST}?page=2"})
    first = await AsyncPager(source)
    assert first.next is not None
    source.fetched.clear()
    rest = await AsyncPager(source, start=first.next).collect()
    assert rest == [2, 3, 4, 5]
    assert source.fetched[0] == PageLink(1, f"{LIST}?page=1&cursor=c1")


async def test_resume_from_a_page_number() -> None:
    source = Source(pages_of(4))
    first = await AsyncPager(source)
    assert first.next == PageLink(1)
    assert await AsyncPager(source, start=first.next).collect() == [2, 3, 4, 5, 6, 7]
    assert await AsyncPager(source, start=3).collect() == [6, 7]


async def test_await_pager_gives_the_first_page_alone() -> None:
    source = Source(pages_of(5))
    page = await AsyncPager(source, prefetch=4, keep=lambda item: item > 0)
    assert page == Page(number=0, items=[1], next=PageLink(1))
    assert source.numbers == [0]


async def test_await_pager_on_the_last_page() -> None:
    page = await AsyncPager(Source([[1]], links={}))
    assert page.next is None


async def test_collect_with_a_limit_leaves_no_fetch_running(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pagination, "_REGROUP", 60.0)  # pages 0-1 wait for 2-3 throughout
    source = Source(pages_of(20), hold_from=2)  # look-ahead past page 1 never ends by itself
    assert await AsyncPager(source, prefetch=4).collect(limit=3) == [0, 1, 2]
    assert sorted(source.numbers) == [0, 1, 2, 3]  # look-ahead was under way ...
    assert source.all_done()  # ... and is over when collect returns
    assert all(task.cancelled() for task in source.tasks_of(lambda number: number >= 2))


async def test_collect_with_a_limit_asks_for_no_page_it_cannot_need() -> None:
    source = Source(pages_of(20, size=10))
    got = await AsyncPager(source, page_size=10, prefetch=4).collect(limit=15)
    assert got == list(range(15))
    assert sorted(source.numbers) == [0, 1]  # 2 full pages hold 15 items: no look-ahead past


async def test_collect_with_a_limit_reads_on_when_pages_come_short() -> None:
    source = Source(pages_of(20, size=4))  # the server caps page_size=10 at 4
    got = await AsyncPager(source, page_size=10, prefetch=4).collect(limit=15)
    assert got == list(range(15))
    assert sorted(source.numbers)[:4] == [0, 1, 2, 3]
    assert max(source.numbers) <= 4


async def test_async_with_closes_a_walk_left_open() -> None:
    source = Source(pages_of(10), hold_from=1)
    pager = AsyncPager(source, prefetch=3)
    async with pager:
        items = aiter(pager)
        await anext(items)
        await asyncio.sleep(0)
        assert not source.all_done()  # look-ahead still waiting
    assert source.all_done()
    assert all(task.cancelled() for task in source.tasks_of(lambda number: number >= 1))


async def test_async_with_closes_a_walk_abandoned_by_break() -> None:
    source = Source(pages_of(10), hold_from=1)
    pager = AsyncPager(source, prefetch=3)
    async with pager:
        async for _ in pager:
            break
    assert source.all_done()


async def test_aclose_closes_abandoned_page_walks() -> None:
    source = Source(pages_of(10), hold_from=1)
    pager = AsyncPager(source, prefetch=3)
    pages = pager.pages()
    await pages.__anext__()
    await asyncio.sleep(0)
    assert not source.all_done()
    await pager.aclose()
    assert source.all_done()


class RemoteSource(Source):
    """A Source whose every fetch first makes an exchange through a pool that waits for `gate`."""

    def __init__(self, pages: Sequence[Sequence[int]]) -> None:
        super().__init__(pages)
        self.exchanged: list[str] = []

        async def slow(request: httpx.Request) -> httpx.Response:
            await self.gate.wait()
            self.exchanged.append(request.url.params["page"])
            return httpx.Response(200)

        transport = httpx.MockTransport(slow)
        self.shared = Shared(sender=TransportSender(transport, owned=True), limiter=FairLimiter(8))

    async def fetch(self, link: PageLink, page_size: int | None) -> Arrival[int]:
        await exchange(self.shared, httpx.Request("GET", self.url_for(link.number, page_size)))
        return await super().fetch(link, page_size)


async def test_closing_a_walk_waits_for_its_started_exchanges() -> None:
    source = RemoteSource(pages_of(10))
    source.gate.set()
    pager = AsyncPager(source, prefetch=3)
    pages = pager.pages()
    await pages.__anext__()
    source.gate.clear()
    for _ in range(5):
        await asyncio.sleep(0)
    closing = asyncio.ensure_future(pager.aclose())
    for _ in range(5):
        await asyncio.sleep(0)
    assert not closing.done()  # the look-ahead exchanges are under way: they finish first
    source.gate.set()
    await closing
    # page 0, then what the window asked ahead: at most 3 in flight and 3 arrived unconsumed
    assert sorted(source.exchanged) == [str(n) for n in range(len(source.exchanged))]
    assert 4 <= len(source.exchanged) <= 1 + 2 * 3
    assert source.shared.detached == set()
    assert source.shared.limiter.held == 0


async def test_a_cancelled_consumer_returns_after_the_walks_exchanges_ended() -> None:
    source = RemoteSource(pages_of(10))
    consumer = asyncio.ensure_future(AsyncPager(source, prefetch=2).collect())
    for _ in range(5):
        await asyncio.sleep(0)
    consumer.cancel()
    for _ in range(5):
        await asyncio.sleep(0)
    assert not consumer.done()
    source.gate.set()
    with pytest.raises(asyncio.CancelledError):
        await consumer
    assert sorted(source.exchanged) == ["0", "1"]
    assert source.shared.detached == set()
    assert source.shared.limiter.held == 0


# -- failures and filtering ---------------------------------------------------------------------


@pytest.mark.parametrize("prefetch", [1, 3])
async def test_a_failing_page_raises_and_never_ends_the_walk_early(prefetch: int) -> None:
    failure = InteropError("page 2 broke")
    source = Source(pages_of(5), fail={2: failure})
    got: list[int] = []

    async def consume() -> None:
        async for item in AsyncPager(source, prefetch=prefetch):
            got.append(item)

    with pytest.raises(InteropError) as info:
        await consume()
    assert info.value is failure
    assert got == [0, 1, 2, 3]
    assert source.all_done()


async def test_a_failing_look_ahead_past_the_end_is_not_raised() -> None:
    source = Source([[1], []], fail={2: InteropError("beyond the end")})
    assert await AsyncPager(source, prefetch=4).collect() == [1]


async def test_keep_filters_items_but_not_the_walk() -> None:
    source = Source([[1, 3], [2, 5], [4]])
    pager = AsyncPager(source, keep=lambda item: item % 2 == 0)
    assert await pager.collect() == [2, 4]
    pages = await walk_pages(pager)
    # a page filtered empty does not end the walk; the empty page at the end does
    assert [p.items for p in pages] == [[], [2], [4], []]


# -- arguments ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"page_size": 0}, "page_size"),
        ({"page_size": -1}, "page_size"),
        ({"page_size": True}, "page_size"),
        ({"page_size": "10"}, "page_size"),
        ({"page_size": 2.0}, "page_size"),
        ({"prefetch": 0}, "prefetch"),
        ({"prefetch": None}, "prefetch"),
        ({"prefetch": False}, "prefetch"),
        ({"start": -1}, "start"),
        ({"start": "0"}, "start"),
        ({"start": True}, "start"),
        ({"start": None}, "start"),
    ],
)
def test_bad_arguments_name_the_argument(kwargs: dict[str, object], name: str) -> None:
    with pytest.raises(InvalidArgumentError, match=rf"^{name} must be a"):
        AsyncPager(Source([]), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("limit", [-1, "3", 1.5, True])
async def test_bad_collect_limit(limit: object) -> None:
    source = Source(pages_of(2))
    with pytest.raises(InvalidArgumentError, match=r"^limit must be"):
        await AsyncPager(source).collect(limit)  # type: ignore[arg-type]
    assert source.fetched == []


def test_repr() -> None:
    pager = AsyncPager(Source([]), page_size=5, prefetch=2, start=3)
    assert repr(pager) == "AsyncPager(page_size=5, prefetch=2, start=PageLink(number=3, url=None))"
