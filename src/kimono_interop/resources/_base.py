"""What every namespace shares: its client's pipeline, and lists as pagers."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Hashable, Sequence
from typing import Generic, Protocol, TypeVar

import httpx
from kimono_interop_client.models import Paging
from kimono_interop_client.types import UNSET, RequestArgs, Unset

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
        parse: Callable[[httpx.Response, object], ListEnvelope[T]],
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
        parse: Callable[[httpx.Response, object], ListEnvelope[T]],
    ) -> None:
        self._pipeline = pipeline
        self._build = build
        self._parse = parse
        self.origin = pipeline.settings.base

    def url_of(self, number: int, page_size: int | None) -> str:
        """The URL a request for page `number` is sent to."""
        return self._pipeline.url_of(self._build(number, _size(page_size)))

    def asks_for(self, link: httpx.URL, number: int, page_size: int | None) -> bool:
        """Whether following `link` sends exactly what a request for page `number` would."""
        args = self._build(number, _size(page_size))
        if link.path != self.origin.path.rstrip("/") + args["url"]:
            return False
        expected = sorted((name, _query_value(v)) for name, v in args.get("params", {}).items())
        return sorted(link.params.multi_items()) == expected

    async def fetch(self, link: PageLink, page_size: int | None) -> _ListPage[T]:
        """The page at `link` (its URL as the server gave it, or its page number), unparsed."""
        args = self._build(link.number, _size(page_size))
        request, response = await self._pipeline.send(args, url=link.url)
        return _ListPage(self._pipeline, request, response, self._parse)


class _ListPage(Generic[T]):
    """A list page as it arrived: its end told from the decoded JSON, its items parsed later."""

    def __init__(
        self,
        pipeline: Pipeline,
        request: httpx.Request,
        response: httpx.Response,
        parse: Callable[[httpx.Response, object], ListEnvelope[T]],
    ) -> None:
        self._pipeline = pipeline
        self._request = request
        self._response = response
        self._parse = parse
        self._body: object = UNSET
        self._ends: bool | None = None

    def ends_walk(self) -> bool:
        """Whether ``paging.next`` is null, or, without paging, ``data`` is empty (or the body
        is not an object at all: the parse raises there)."""
        if self._ends is None:
            peeked: object = _trailing_paging(self._response.content)
            if peeked is None:  # paging elsewhere, or none: decode it all (and keep it)
                peeked = self._body = _decoded(self._response.content)
            self._ends = _body_ends_walk(peeked)
        return self._ends

    def result(self) -> PageResult[T]:
        """The parsed page (APIResponseValidationError when the body does not match the spec)."""
        decoded, self._body = self._body, UNSET  # the items need not stay twice in memory
        body = self._pipeline.parse(
            self._request, self._response, lambda response: self._parse(response, decoded)
        )
        items = list(body.data)
        paging = body.paging
        if isinstance(paging, Unset) or isinstance(paging.next_, Unset):
            return PageResult(items, paging_present=False, next_url=None, fingerprint=_ids(items))
        return PageResult(items, True, paging.next_, _ids(items))


def _decoded(content: bytes) -> object:
    """The JSON of a body; UNSET when it is not JSON (the parse then says what is wrong)."""
    try:
        return json.loads(content)
    except (ValueError, RecursionError):
        return UNSET


_KEY = b'"paging"'
_TAIL = re.compile(r"\s*:\s*")
_DECODER = json.JSONDecoder()


def _trailing_paging(content: bytes) -> dict[str, object] | None:
    """``{"paging": {"next": ...}}`` when the body ends with its top-level ``paging``, read
    without decoding the items before it (a page's end is told before any request is sent).

    Sound for any JSON document: an unescaped quote, ``paging``, a quote and a colon can only
    be the key ``paging`` (quotes inside a string are escaped), and a member whose value is
    followed only by the document's last ``}`` belongs to the top-level object. None when the
    body is not of that shape (the caller then decodes it all).
    """
    at = content.rfind(_KEY)
    if at < 0 or _escaped(content, at):
        return None
    try:
        text = content[at + len(_KEY) :].decode()
        colon = _TAIL.match(text)
        if colon is None:
            return None
        value, end = _DECODER.raw_decode(text, colon.end())
    except (ValueError, RecursionError):
        return None
    if type(value) is not dict or "next" not in value or text[end:].strip() != "}":
        return None  # without paging.next, the end depends on the items: decode them all
    return {"paging": value}


def _escaped(content: bytes, at: int) -> bool:
    """Whether the character at `at` follows an odd run of backslashes (is escaped)."""
    run = 0
    while at > run and content[at - run - 1] == 0x5C:
        run += 1
    return run % 2 == 1


def _body_ends_walk(body: object) -> bool:
    """Whether a decoded list body ends the walk: ``paging.next`` null, or, without paging,
    ``data`` empty. True for a body that is not even an object (its parse raises there)."""
    if type(body) is not dict:
        return True
    paging = body.get("paging")
    if type(paging) is dict and "next" in paging:
        return paging["next"] is None
    return not body.get("data")


def _size(page_size: int | None) -> int | Unset:
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
