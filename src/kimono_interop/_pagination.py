"""Walking paged list endpoints: items, pages, prefetch, and no silent early ends.

A list endpoint answers ``{data, paging: {next}}``. The pager follows ``paging.next`` when the
server sends it; when it does not, it walks page numbers until a page comes back empty. A short
page never ends the walk by itself: the server may cap ``page_size`` below what was asked.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx

from kimono_interop.errors import InteropError

T = TypeVar("T")


@dataclass(frozen=True)
class PageResult(Generic[T]):
    """One fetched page as the endpoint gave it: its items and what it said about the next."""

    items: list[T]
    paging_present: bool
    """Whether the response carried ``paging.next`` at all (``null`` included)."""
    next_url: str | None
    """The ``paging.next`` link; ``None`` on the last page or when paging was absent."""


@dataclass(frozen=True)
class Page(Generic[T]):
    """A page of items, numbered from 0 as the API numbers them."""

    number: int
    items: list[T]


FetchPage = Callable[[int, int | None], Awaitable[PageResult[T]]]
"""Fetches page `number` with `page_size` (``None``: the server's default)."""


def page_number_of(next_url: str, current: int) -> int:
    """The page a ``paging.next`` link points at; it must lie after `current`."""
    raw = httpx.URL(next_url).params.get("page")
    if raw is None:
        return current + 1
    try:
        number = int(raw)
    except ValueError:
        raise InteropError(f"paging.next has a non-numeric page {raw!r}") from None
    if number <= current:
        raise InteropError(f"paging.next points back to page {number} from page {current}")
    return number


def next_page(result: PageResult[T], current: int) -> int | None:
    """The number of the page after `current`, or ``None`` when `result` was the last."""
    if result.paging_present:
        return None if result.next_url is None else page_number_of(result.next_url, current)
    return current + 1 if result.items else None


def _positive(name: str, value: int | None, *, allow_none: bool) -> None:
    if value is None and allow_none:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")


class AsyncPager(Generic[T]):
    """Every item of a paged list: ``async for item in pager``, ``pages()``, ``collect()``.

    `prefetch` is how many pages may be fetched or held at once, the one being consumed
    included: 1 walks strictly one page at a time; N keeps up to N-1 requests in flight ahead
    of the consumer. A page that fails raises from the iteration; the walk never ends early.
    Each iteration starts a fresh walk from `start_page`.
    """

    def __init__(
        self,
        fetch: FetchPage[T],
        *,
        page_size: int | None = None,
        prefetch: int = 1,
        start_page: int = 0,
        keep: Callable[[T], bool] | None = None,
    ) -> None:
        """Page with `fetch`; `keep`, when given, filters items client-side."""
        _positive("page_size", page_size, allow_none=True)
        _positive("prefetch", prefetch, allow_none=False)
        if isinstance(start_page, bool) or not isinstance(start_page, int) or start_page < 0:
            raise ValueError(f"start_page must be a non-negative integer, got {start_page!r}")
        self._fetch = fetch
        self._page_size = page_size
        self._prefetch = prefetch
        self._start_page = start_page
        self._keep = keep

    def __repr__(self) -> str:
        return f"AsyncPager(page_size={self._page_size!r}, prefetch={self._prefetch!r})"

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items()

    async def _items(self) -> AsyncGenerator[T, None]:
        async for page in self.pages():
            for item in page.items:
                yield item

    async def pages(self) -> AsyncIterator[Page[T]]:
        """Every page in order, items filtered by `keep`."""
        async for number, result in self._walk():
            items = result.items
            if self._keep is not None:
                items = [item for item in items if self._keep(item)]
            yield Page(number=number, items=items)

    async def collect(self, limit: int | None = None) -> list[T]:
        """All items in a list, or the first `limit`; stops fetching once it has them."""
        _positive("limit", limit, allow_none=True)
        collected: list[T] = []
        if limit is None:
            async for item in self:
                collected.append(item)
            return collected
        walk = self._items()
        try:
            async for item in walk:
                collected.append(item)
                if len(collected) >= limit:
                    break
        finally:
            await walk.aclose()
        return collected

    async def _walk(self) -> AsyncIterator[tuple[int, PageResult[T]]]:
        """(page number, result) for each page, fetched up to `prefetch` at a time."""
        window: deque[tuple[int, asyncio.Task[PageResult[T]]]] = deque()
        upcoming: int | None = self._start_page
        try:
            while True:
                while upcoming is not None and len(window) < self._prefetch:
                    window.append((upcoming, asyncio.ensure_future(self._fetch_page(upcoming))))
                    upcoming += 1
                if not window:
                    return
                number, task = window.popleft()
                result = await task
                following = next_page(result, number)
                if following is None:
                    _cancel_all(window)
                    upcoming = None
                elif following != number + 1:
                    _cancel_all(window)  # the server jumped: what was guessed is wrong
                    upcoming = following
                yield number, result
        finally:
            _cancel_all(window)

    async def _fetch_page(self, number: int) -> PageResult[T]:
        return await self._fetch(number, self._page_size)


def _cancel_all(window: deque[tuple[int, asyncio.Task[PageResult[T]]]]) -> None:
    """Cancel pages fetched ahead that will not be used; their errors do not matter."""
    while window:
        _, task = window.popleft()
        task.cancel()
        task.add_done_callback(_swallow)


def _swallow(task: asyncio.Task[Any]) -> None:
    if not task.cancelled():
        task.exception()
