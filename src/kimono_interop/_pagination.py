"""Walking paged lists: items, pages, look-ahead, and walks that cannot hang, loop or wander.

A list answers ``{data, paging: {next}}``. The pager follows ``paging.next`` as the server gives
it, but only on the client's own origin; when there is no paging object it walks page numbers
until a page comes back empty (a short page never ends the walk: the server may cap
``page_size``). A link seen twice, a page number that does not grow, or a page that repeats the
previous page's items raises :class:`PaginationError`. Every :class:`Page` says where the next
one starts, and ``list(start=page.next)`` resumes there.

With ``prefetch=N`` up to N requests are in flight ahead of the consumer, by page number: each
page that arrives sends the next request at once, and at most 2N pages are held. The requests
go out before anything is parsed: an arrived page is only looked at for its end (its trailing
``paging.next``), and its items are parsed when the consumer reaches it. A batch of requests
sends its furthest page first, and a batch that comes back in pieces waits briefly (2 ms at
most) to leave again as one, so that few requests go past the end. ``collect(limit=...)``
asks for no page that full pages of ``page_size`` would not need. Look-ahead requests are never cut short: when a walk ends, breaks
off or is cancelled, requests still waiting for a connection are dropped and those already sent
run to their end before the walk's ``aclose()`` returns, so no request of a walk outlives it and
the pool never keeps a connection checked out.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator, Hashable
from contextlib import aclosing
from dataclasses import dataclass
from types import TracebackType
from typing import Generic, Protocol, Self, TypeVar

import httpx

from kimono_interop import _validation as check
from kimono_interop._aio import retrieve_exception
from kimono_interop._exceptions import PaginationError, shorten
from kimono_interop._pipeline import finish_exchanges_on_cancel

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class PageLink:
    """Where a page starts: a page number, or the server's ``paging.next`` link (followed as is)."""

    number: int
    url: str | None = None


@dataclass(frozen=True)
class Page(Generic[T]):
    """A page of items, numbered from 0 as the API numbers them.

    `next` is where the following page starts (None on the last page): pass it as
    ``list(start=page.next)`` to resume a walk there.
    """

    number: int
    items: list[T]
    next: PageLink | None


@dataclass(frozen=True)
class PageResult(Generic[T]):
    """One fetched page as the endpoint gave it."""

    items: list[T]
    paging_present: bool
    """Whether the response carried ``paging.next`` (``null`` included)."""
    next_url: str | None
    """The ``paging.next`` link; None on the last page or when paging was absent."""
    fingerprint: Hashable | None = None
    """What identifies the page's items (their ids), to notice a page served twice."""

    def ends_walk(self) -> bool:
        """Whether this is the last page."""
        return self.next_url is None if self.paging_present else not self.items

    def result(self) -> PageResult[T]:
        """The page itself (it is parsed already)."""
        return self


class Arrival(Protocol[T]):
    """A page as it arrived: whether it ends the walk is cheap to tell; its items are parsed
    only when the consumer reaches it, so the look-ahead requests go out first."""

    def ends_walk(self) -> bool:
        """Whether the page is the last (when in doubt, True: the consumer's parse decides)."""
        ...

    def result(self) -> PageResult[T]:
        """The parsed page; raises if its body does not match the spec."""
        ...


class PageSource(Protocol[T]):
    """Fetches the pages of one list: by page number, or by a link followed as is."""

    @property
    def origin(self) -> httpx.URL:
        """The client's base URL: links elsewhere are refused."""
        ...

    def url_of(self, number: int, page_size: int | None) -> str:
        """The URL a request for page `number` is sent to."""
        ...

    def asks_for(self, link: httpx.URL, number: int, page_size: int | None) -> bool:
        """Whether following `link` sends exactly what a request for page `number` would."""
        ...

    async def fetch(self, link: PageLink, page_size: int | None) -> Arrival[T]:
        """The page at `link` (its `url` when it has one, else its page number)."""
        ...


def _count(name: str, value: object, *, minimum: int = 1) -> int | None:
    """None, or an int of at least `minimum` (1 or 0)."""
    if value is None:
        return None
    return check.as_positive_int(name, value) if minimum else check.as_non_negative_int(name, value)


def _start_link(start: object) -> PageLink:
    if isinstance(start, PageLink):
        return start
    return PageLink(check.as_non_negative_int("start", start))


@dataclass
class _Slot(Generic[T]):
    link: PageLink
    task: asyncio.Task[Arrival[T]]


class AsyncPager(Generic[T]):
    """Every item of a paged list: ``async for item in pager``, ``pages()``, ``collect()``.

    ``await pager`` gives the first page. `prefetch` is how many pages may be requested at once
    (1: strictly one after the other). A page that fails raises from the iteration; the walk
    never ends early as if it were done. Each iteration starts a fresh walk at `start`.
    ``async with pager:`` closes, on exit, every walk started from it.
    """

    def __init__(
        self,
        source: PageSource[T],
        *,
        page_size: int | None = None,
        prefetch: int = 1,
        start: int | PageLink = 0,
        keep: Callable[[T], bool] | None = None,
    ) -> None:
        """Walk `source`; `keep`, when given, filters items on the client."""
        _count("page_size", page_size)
        check.as_positive_int("prefetch", prefetch)
        self._source = source
        self._page_size = page_size
        self._prefetch = prefetch
        self._start = _start_link(start)
        self._keep = keep
        self._origin = _origin(source.origin)
        self._walks: set[AsyncGenerator[object, None]] = set()

    def __repr__(self) -> str:
        return (
            f"AsyncPager(page_size={self._page_size!r}, prefetch={self._prefetch!r}, "
            f"start={self._start!r})"
        )

    # -- public iteration -----------------------------------------------------------------

    def __aiter__(self) -> AsyncGenerator[T, None]:
        return self._track(self._items())

    def pages(self) -> AsyncGenerator[Page[T], None]:
        """Every page in order (items filtered by `keep`); ``aclose()`` it to end a walk early."""
        return self._track(self._pages())

    async def collect(self, limit: int | None = None) -> list[T]:
        """All items in a list, or the first `limit`; nothing of the walk runs afterwards."""
        _count("limit", limit, minimum=0)
        collected: list[T] = []
        if limit == 0:
            return collected
        async with aclosing(self._items(wanted=limit)) as items:
            async for item in items:
                collected.append(item)
                if limit is not None and len(collected) >= limit:
                    break
        return collected

    async def first_page(self) -> Page[T]:
        """The first page alone (one request, whatever `prefetch` says)."""
        result = (await self._source.fetch(self._start, self._page_size)).result()
        return self._page(self._start, result, self._follow(self._start, result, set(), None))

    def __await__(self) -> Generator[object, None, Page[T]]:
        return self.first_page().__await__()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """End every walk started from this pager that is still open."""
        walks, self._walks = self._walks, set()
        for walk in walks:
            await walk.aclose()

    # -- the walk -------------------------------------------------------------------------

    def _track(self, walk: AsyncGenerator[R, None]) -> AsyncGenerator[R, None]:
        self._walks = {w for w in self._walks if getattr(w, "ag_frame", None) is not None}
        self._walks.add(walk)
        return walk

    async def _items(self, *, wanted: int | None = None) -> AsyncGenerator[T, None]:
        async with aclosing(self._pages(wanted=wanted)) as pages:
            async for page in pages:
                for item in page.items:
                    yield item

    async def _pages(self, *, wanted: int | None = None) -> AsyncGenerator[Page[T], None]:
        budget = _Budget(wanted)
        async with aclosing(self._walk(budget)) as walk:
            async for link, result, following in walk:
                page = self._page(link, result, following)
                budget.delivered(page.number, len(page.items))
                yield page

    def _page(self, link: PageLink, result: PageResult[T], following: PageLink | None) -> Page[T]:
        items = result.items
        if self._keep is not None:
            items = [item for item in items if self._keep(item)]
        return Page(number=link.number, items=items, next=following)

    async def _walk(
        self, budget: _Budget
    ) -> AsyncGenerator[tuple[PageLink, PageResult[T], PageLink | None], None]:
        window = _Window(self._fetch, self._start, self._prefetch)
        seen: set[str] = set()
        previous: Hashable | None = None
        try:
            while True:
                if self._keep is None:  # filtered pages hold fewer items than page_size
                    window.last_wanted = budget.last_page(self._start.number, self._page_size)
                window.fill()
                slot = window.next_slot()
                if slot is None:
                    return
                arrival = await slot.task
                await window.let_requests_out()
                result = arrival.result()
                following = self._follow(slot.link, result, seen, previous)
                previous = result.fingerprint if result.items else None
                if following is None:
                    await window.drain(restart=None)
                elif window.expects(following):
                    window.numbers_confirmed = True
                else:
                    await window.drain(restart=following)  # the server jumped, or links a cursor
                window.fill()
                yield slot.link, result, following
        finally:
            await window.drain(restart=None)

    async def _fetch(self, link: PageLink) -> Arrival[T]:
        finish_exchanges_on_cancel.set(True)  # this task's own context: see _drain
        return await self._source.fetch(link, self._page_size)

    def _follow(
        self,
        link: PageLink,
        result: PageResult[T],
        seen: set[str],
        previous: Hashable | None,
    ) -> PageLink | None:
        """Where the page after `result` starts, or None when `result` was the last page."""
        if result.items and previous is not None and result.fingerprint == previous:
            raise PaginationError(
                f"page {link.number} repeats the previous page's items: the walk would never end"
            )
        if not result.paging_present:
            return PageLink(link.number + 1) if result.items else None
        if result.next_url is None:
            return None
        return self._check_link(link, result.next_url, seen)

    def _check_link(self, link: PageLink, next_url: str, seen: set[str]) -> PageLink:
        if next_url == self._source.url_of(link.number + 1, self._page_size):
            seen.add(next_url)  # the very request for the next page: nothing to check
            return PageLink(link.number + 1)
        try:
            url = httpx.URL(next_url)
            if url.is_relative_url:
                url = self._source.origin.join(url)
        except httpx.InvalidURL:
            raise PaginationError(f"paging.next is not a URL: {shorten(next_url)}") from None
        if _origin(url) != self._origin:
            raise PaginationError(
                f"paging.next points to another origin ({url.scheme}://{url.host}"
                f"{'' if url.port is None else f':{url.port}'}), not this client's: refused, "
                "and no credentials were sent there"
            )
        key = str(url)
        if key in seen:
            raise PaginationError(f"paging.next repeats a link already followed: {shorten(key)}")
        seen.add(key)
        number = _page_number(url, link.number)
        if self._source.asks_for(url, number, self._page_size):
            return PageLink(number)
        return PageLink(number, str(url))


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    default = {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host.lower(), url.port if url.port is not None else default


def _page_number(url: httpx.URL, current: int) -> int:
    raw = url.params.get("page")
    if raw is None:
        return current + 1
    try:
        number = int(raw)
    except ValueError:
        raise PaginationError(f"paging.next has a non-numeric page {shorten(raw)}") from None
    if number <= current:
        raise PaginationError(
            f"paging.next points to page {number} from page {current}: the walk would not advance"
        )
    return number


class _Budget:
    """How many items the consumer still wants (``collect(limit=...)``), to ask no page beyond."""

    def __init__(self, wanted: int | None) -> None:
        self._wanted = wanted
        self._last_read: int | None = None

    def delivered(self, number: int, items: int) -> None:
        """The consumer got page `number`, of `items` items."""
        self._last_read = number
        if self._wanted is not None:
            self._wanted -= items

    def last_page(self, start: int, page_size: int | None) -> int | None:
        """The last page number that may be needed (None: no bound), were pages full."""
        if self._wanted is None or page_size is None:
            return None
        last_read = start - 1 if self._last_read is None else self._last_read
        return last_read + max(1, -(-self._wanted // page_size))


def _ends_walk(task: asyncio.Task[Arrival[T]]) -> bool:
    """Whether an arrived page is the last one (or failed: the consumer raises there)."""
    if task.cancelled() or task.exception() is not None:
        return True
    return task.result().ends_walk()


_REGROUP = 0.002
"""Seconds the first page of a batch back waits for the rest before new requests go out."""


class _Window(Generic[T]):
    """The pages requested ahead of the consumer.

    Up to `limit` requests are in flight, and a page's arrival sends the next one at once (the
    consumer need not have reached it): the walk keeps `limit` requests going all the time, and
    holds at most 2 x `limit` pages ahead of the consumer. Pages are requested by number while
    the server's links follow page numbers; a link that does not (a cursor) is followed alone.
    Once an arrived page ends the walk (or fails), nothing more is asked.
    """

    def __init__(
        self, fetch: Callable[[PageLink], Awaitable[Arrival[T]]], start: PageLink, limit: int
    ) -> None:
        self._fetch = fetch
        self._limit = limit
        self._slots: deque[_Slot[T]] = deque()
        self._current: _Slot[T] | None = None
        """The page the consumer took last: until it has read it, its end counts too."""
        self._upcoming: PageLink | None = start
        self._by_number = start.url is None
        self._sent = False
        self.numbers_confirmed = False
        """Whether a page's link has matched the next page number (the window asks by number)."""
        self.last_wanted: int | None = None
        """The last page number the consumer may need (``collect(limit=...)``), if bounded."""
        self._batch_of: dict[asyncio.Task[Arrival[T]], set[asyncio.Task[Arrival[T]]]] = {}
        self._regrouping: asyncio.TimerHandle | None = None
        self._waiting_for: set[asyncio.Task[Arrival[T]]] = set()

    def fill(self) -> None:
        """Send requests until `limit` are in flight (or pages wait), unless the end is known."""
        taken = [slot for slot in (self._current, *self._slots) if slot is not None]
        if any(slot.task.done() and _ends_walk(slot.task) for slot in taken):
            self._upcoming = None  # an arrived page ends the walk (or failed): ask no more
        if self._regrouping is not None:
            return
        limit = self._limit if self._by_number else 1
        in_flight = sum(1 for slot in taken if not slot.task.done())
        links: list[PageLink] = []
        while self._upcoming is not None and len(self._slots) + len(links) < 2 * limit:
            if in_flight + len(links) >= limit or self._beyond_wanted(self._upcoming):
                break
            links.append(self._upcoming)
            self._upcoming = PageLink(self._upcoming.number + 1) if self._by_number else None
        # The furthest page goes out first: were it the last, it comes back no later than the
        # pages before it, and its arrival stops the window before theirs ask past the end.
        tasks = {link.number: self._start_fetch(link) for link in reversed(links)}
        self._slots.extend(_Slot(link, tasks[link.number]) for link in links)
        self._sent = self._sent or bool(links)
        if len(links) > 1:
            batch = set(tasks.values())
            for task in batch:
                self._batch_of[task] = batch

    def _beyond_wanted(self, link: PageLink) -> bool:
        wanted = self.last_wanted
        return wanted is not None and link.url is None and link.number > wanted

    def _start_fetch(self, link: PageLink) -> asyncio.Task[Arrival[T]]:
        task = asyncio.ensure_future(self._fetch(link))
        task.add_done_callback(self._arrived)
        return task

    async def let_requests_out(self) -> None:
        """Let the requests sent since the last call reach the wire before the consumer parses
        a page: a request takes two steps of the loop to go out (its task's first step starts
        its exchange, whose first step writes it), and the pages they follow wait for nobody.

        Only once a link has matched the page numbers: until then a look-ahead request may be
        one the server's first link (a cursor) makes useless, and it is dropped unsent.
        """
        if self._sent and self.numbers_confirmed:
            self._sent = False
            await asyncio.sleep(0)
            await asyncio.sleep(0)

    def _arrived(self, task: asyncio.Task[Arrival[T]]) -> None:
        """A page came back: keep the window full, unless it (or another) ends the walk.

        The first page of a batch back waits up to ``_REGROUP`` for the rest of its batch, so
        that their requests leave again together, furthest first (see fill()): a batch split
        for good would let its first half ask past the end before its second half says where
        the end is.
        """
        if _ends_walk(task):  # it may be the page the consumer awaits, no longer in the window
            self._upcoming = None
        batch = self._batch_of.pop(task, set())
        batch.discard(task)
        if batch and self._regrouping is None:
            loop = asyncio.get_running_loop()
            self._regrouping = loop.call_later(_REGROUP, self._regrouped)
            self._waiting_for = batch
        elif self._waiting_for is batch and not batch:
            self._regrouped()
            return
        self.fill()

    def _regrouped(self) -> None:
        if self._regrouping is not None:
            self._regrouping.cancel()
        self._regrouping = None
        self._waiting_for = set()
        self.fill()

    def next_slot(self) -> _Slot[T] | None:
        """The next page in order (requested, maybe still on its way), or None at the end."""
        self._current = self._slots.popleft() if self._slots else None
        return self._current

    def expects(self, following: PageLink) -> bool:
        """Whether the page the server points at is the next one already asked for."""
        if following.url is not None:
            return False
        if self._slots:
            return self._slots[0].link.number == following.number
        return self._upcoming is not None and self._upcoming.number == following.number

    async def drain(self, *, restart: PageLink | None) -> None:
        """Stop the pages asked ahead (unsent ones dropped, sent ones run to their end); carry
        on from `restart`, if given."""
        self._upcoming = None
        if self._regrouping is not None:
            self._regrouping.cancel()
            self._regrouping = None
        self._batch_of.clear()
        self._waiting_for = set()
        tasks = [slot.task for slot in self._slots]
        self._slots.clear()
        for task in tasks:
            task.remove_done_callback(self._arrived)
            task.cancel()
        if tasks:
            await asyncio.wait(tasks)
        for task in tasks:
            retrieve_exception(task)
        self._upcoming = restart
        self._by_number = restart is None or restart.url is None
