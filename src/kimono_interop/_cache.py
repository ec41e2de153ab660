"""An in-memory async cache with a TTL, an LRU bound and single-flight fetches.

Built for ``GET /tenant/application``, which the docs ask drivers to cache in memory: many
coroutines serving one tenant may ask at once, and only one request should go out.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

from kimono_interop import _validation as check
from kimono_interop._aio import on_done, retrieve_exception, shielded

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

Clock = Callable[[], float]


@dataclass(frozen=True)
class _Entry(Generic[V]):
    value: V
    expires_at: float


class AsyncTTLCache(Generic[K, V]):
    """Values by key for `ttl` seconds, at most `max_entries` keys (least recently used out).

    Concurrent cold ``get()`` calls for one key share a single fetch. A failed fetch reaches
    every caller waiting on it and caches nothing. A cancelled caller does not cancel the
    fetch the others wait on. An ``invalidate()`` during a fetch keeps that fetch's result
    out of the cache.
    """

    def __init__(self, *, ttl: float, max_entries: int, clock: Clock = time.monotonic) -> None:
        """`clock` gives seconds; inject a fake one in tests."""
        self._ttl = check.as_seconds("ttl", ttl)
        self._max_entries = check.as_positive_int("max_entries", max_entries)
        self._clock = clock
        self._entries: OrderedDict[K, _Entry[V]] = OrderedDict()
        self._flights: dict[K, asyncio.Future[V]] = {}

    def __repr__(self) -> str:
        return (
            f"AsyncTTLCache(ttl={self._ttl!r}, max_entries={self._max_entries!r}, size={len(self)})"
        )

    def __len__(self) -> int:
        """How many keys hold a value (fresh or not yet swept)."""
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        """Whether `key` has a fresh value."""
        entry = self._entries.get(key)  # type: ignore[arg-type]
        return entry is not None and entry.expires_at > self._clock()

    async def get(self, key: K, fetch: Callable[[], Awaitable[V]], *, refresh: bool = False) -> V:
        """The value for `key`: cached if fresh, else from `fetch` (one fetch per key at a time).

        `refresh` skips the cached value and starts a new fetch.
        """
        if not refresh:
            cached = self._fresh(key)
            if cached is not None:
                return cached.value
            flight = self._flights.get(key)
            if flight is not None:
                return await shielded(flight)
        flight = asyncio.ensure_future(self._fetch_and_store(key, fetch))
        on_done(flight, retrieve_exception)
        self._flights[key] = flight
        return await shielded(flight)

    def invalidate(self, key: K) -> None:
        """Forget `key`'s value; a fetch already under way will not store its result."""
        self._entries.pop(key, None)
        self._flights.pop(key, None)

    def clear(self) -> None:
        """Forget every value; fetches under way will not store their results."""
        self._entries.clear()
        self._flights.clear()

    def _fresh(self, key: K) -> _Entry[V] | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry.expires_at <= self._clock():
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return entry

    async def _fetch_and_store(self, key: K, fetch: Callable[[], Awaitable[V]]) -> V:
        me = asyncio.current_task()
        try:
            value = await fetch()
        finally:
            still_current = self._flights.get(key) is me
            if still_current:
                del self._flights[key]
        if still_current:
            self._store(key, value)
        return value

    def _store(self, key: K, value: V) -> None:
        if self._ttl <= 0:
            return
        self._entries[key] = _Entry(value, self._clock() + self._ttl)
        self._entries.move_to_end(key)
        while len(self._entries) > self._max_entries:
            self._entries.popitem(last=False)
