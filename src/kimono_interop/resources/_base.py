"""What every namespace shares: its client's pipeline, and lists as pagers."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Generic, Protocol, TypeVar

import httpx
from kimono_interop_client.models import Paging
from kimono_interop_client.types import RequestArgs, Unset

from kimono_interop._pagination import AsyncPager, PageLink, PageResult
from kimono_interop._pipeline import Pipeline

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
E = TypeVar("E", bound="ListEnvelope[object]")


class ListEnvelope(Protocol[T_co]):
    """What every generated list response has: ``data`` and an optional ``paging``."""

    @property
    def data(self) -> Sequence[T_co]: ...

    @property
    def paging(self) -> Paging | Unset: ...


BuildPage = Callable[[int, int | Unset], RequestArgs]
"""Builds a list request for (page, page_size), the list's filters bound in."""


class Resource:
    """Base of every namespace: holds the pipeline of the client it belongs to."""

    def __init__(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline

    def _pager(
        self,
        build: BuildPage,
        parse: Callable[[httpx.Response], ListEnvelope[T]],
        *,
        page_size: int | None,
        prefetch: int,
        start: int | PageLink,
        keep: Callable[[T], bool] | None = None,
    ) -> AsyncPager[T]:
        """An AsyncPager over a list operation."""
        source = ListSource(self._pipeline, build, parse)
        return AsyncPager(source, page_size=page_size, prefetch=prefetch, start=start, keep=keep)


class ListSource(Generic[T]):
    """One list operation as a page source for :class:`AsyncPager`."""

    def __init__(
        self,
        pipeline: Pipeline,
        build: BuildPage,
        parse: Callable[[httpx.Response], ListEnvelope[T]],
    ) -> None:
        self._pipeline = pipeline
        self._build = build
        self._parse = parse
        self.origin = pipeline.settings.base

    def asks_for(self, link: httpx.URL, number: int, page_size: int | None) -> bool:
        """Whether following `link` sends exactly what a request for page `number` would."""
        args = self._build(number, _size(page_size))
        if link.path != self.origin.path.rstrip("/") + args["url"]:
            return False
        expected = sorted((name, _query_value(v)) for name, v in args.get("params", {}).items())
        return sorted(link.params.multi_items()) == expected

    async def fetch(self, link: PageLink, page_size: int | None) -> PageResult[T]:
        """The page at `link`: its URL as the server gave it, or its page number."""
        args = self._build(link.number, _size(page_size))
        body = await self._pipeline.call(args, self._parse, url=link.url)
        items = list(body.data)
        paging = body.paging
        if isinstance(paging, Unset) or isinstance(paging.next_, Unset):
            return PageResult(items, paging_present=False, next_url=None, fingerprint=_ids(items))
        return PageResult(items, True, paging.next_, _ids(items))


def _size(page_size: int | None) -> int | Unset:
    from kimono_interop_client.types import UNSET

    return UNSET if page_size is None else page_size


def _query_value(value: object) -> str:
    """A query parameter's value as a server reads it back (a list's items comma-joined)."""
    if isinstance(value, list | tuple):
        return ",".join(_query_value(item) for item in value)
    if value is True or value is False:
        return "true" if value else "false"
    return str(value)


def _ids(items: list[T]) -> Hashable:
    """What identifies a page's items: their ids, or their reprs when they have none."""
    ids = tuple(getattr(item, "id", None) for item in items)
    return ids if all(ids) else tuple(repr(item) for item in items)
