"""Walking paged lists: items, pages, look-ahead, and walks that cannot hang, loop or wander.

A list answers ``{data, paging: {next}}``. The pager follows ``paging.next`` as the server gives
it, but only on the client's own origin; when there is no paging object it walks page numbers
until a page comes back empty (a short page never ends the walk: the server may cap
``page_size``). A link seen twice, a page number that does not grow, or a page that repeats the
previous page's items raises :class:`PaginationError`. Every :class:`Page` says where the next
one starts, and ``list(start=page.next)`` resumes there.

With ``prefetch=N`` up to N pages are requested ahead, by page number. Look-ahead requests are
never cut short: when a walk ends, breaks off or is cancelled, requests still waiting for a
connection are dropped and those already sent run to their end before the walk's ``aclose()``
returns, so no request of a walk outlives it and the pool never keeps a connection checked out.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncGenerator, Callable, Generator, Hashable
from contextlib import aclosing
from dataclasses import dataclass
from types import TracebackType
from typing import Generic, Protocol, Self, TypeVar

import httpx

from kimono_interop._exceptions import InvalidArgumentError, PaginationError, shorten
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


class PageSource(Protocol[T]):
    """Fetches the pages of one list: by page number, or by a link followed as is."""

    @property
    def origin(self) -> httpx.URL:
        """The client's base URL: links elsewhere are refused."""
        ...

    def asks_for(self, link: httpx.URL, number: int, page_size: int | None) -> bool:
        """Whether following `link` sends exactly what a request for page `number` would."""
        ...

    async def fetch(self, link: PageLink, page_size: int | None) -> PageResult[T]:
        """The page at `link` (its `url` when it has one, else its page number)."""
        ...


def _check_count(name: str, value: object, *, allow_none: bool, minimum: int = 1) -> None:
    if value is None and allow_none:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        kind = "positive" if minimum == 1 else "non-negative"
        raise InvalidArgumentError(f"{name} must be a {kind} int, got {shorten(value)}")


def _start_link(start: object) -> PageLink:
    if isinstance(start, PageLink):
        return start
    _check_count("start", start, allow_none=False, minimum=0)
    return PageLink(start)  # type: ignore[arg-type]


@dataclass
class _Slot(Generic[T]):
    link: PageLink
    task: asyncio.Task[PageResult[T]]


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
        _check_count("page_size", page_size, allow_none=True)
        _check_count("prefetch", prefetch, allow_none=False)
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
        _check_count("limit", limit, allow_none=True, minimum=0)
        collected: list[T] = []
        if limit == 0:
            return collected
        async with aclosing(self._items()) as items:
            async for item in items:
                collected.append(item)
                if limit is not None and len(collected) >= limit:
                    break
        return collected

    async def first_page(self) -> Page[T]:
        """The first page alone (one request, whatever `prefetch` says)."""
        result = await self._source.fetch(self._start, self._page_size)
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

    async def _items(self) -> AsyncGenerator[T, None]:
        async with aclosing(self._pages()) as pages:
            async for page in pages:
                for item in page.items:
                    yield item

    async def _pages(self) -> AsyncGenerator[Page[T], None]:
        async with aclosing(self._walk()) as walk:
            async for link, result, following in walk:
                yield self._page(link, result, following)

    def _page(self, link: PageLink, result: PageResult[T], following: PageLink | None) -> Page[T]:
        items = result.items
        if self._keep is not None:
            items = [item for item in items if self._keep(item)]
        return Page(number=link.number, items=items, next=following)

    async def _walk(
        self,
    ) -> AsyncGenerator[tuple[PageLink, PageResult[T], PageLink | None], None]:
        window: deque[_Slot[T]] = deque()
        upcoming: PageLink | None = self._start
        speculate = self._start.url is None
        seen: set[str] = set()
        previous: Hashable | None = None
        try:
            while True:
                upcoming = self._fill(window, upcoming, speculate)
                if not window:
                    return
                slot = window.popleft()
                result = await slot.task
                following = self._follow(slot.link, result, seen, previous)
                previous = result.fingerprint if result.items else None
                if following is None:
                    await _drain(window)
                    upcoming = None
                elif window and window[0].link.number == following.number and following.url is None:
                    pass  # the page asked ahead is the one the server points at
                else:
                    await _drain(window)
                    upcoming = following
                    speculate = following.url is None
                if window or upcoming is not None:
                    upcoming = self._fill(window, upcoming, speculate)
                yield slot.link, result, following
        finally:
            await _drain(window)

    def _fill(
        self, window: deque[_Slot[T]], upcoming: PageLink | None, speculate: bool
    ) -> PageLink | None:
        """Request pages ahead up to the prefetch limit; returns the next page not yet asked."""
        limit = self._prefetch if speculate else 1
        while upcoming is not None and len(window) < limit:
            task = asyncio.ensure_future(self._fetch(upcoming))
            window.append(_Slot(upcoming, task))
            upcoming = PageLink(upcoming.number + 1) if speculate else None
        return upcoming

    async def _fetch(self, link: PageLink) -> PageResult[T]:
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


async def _drain(window: deque[_Slot[T]]) -> None:
    """Stop the pages asked ahead: unsent requests are dropped, sent ones run to their end."""
    tasks = [slot.task for slot in window]
    window.clear()
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.wait(tasks)
    for task in tasks:
        if not task.cancelled():
            task.exception()
