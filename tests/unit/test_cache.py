"""Narrow tests of kimono_interop.cache.AsyncTTLCache with a hand-moved clock and held fetches."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator
from typing import Any

import pytest

from kimono_interop._cache import AsyncTTLCache


class FakeClock:
    """Seconds that only move when the test says so."""

    def __init__(self, start: float = 500.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Fetcher:
    """A fetch that counts calls, returns a new object each time, can be held and can fail."""

    def __init__(self, *, held: bool = False, error: Exception | None = None) -> None:
        self.calls = 0
        self.gate: asyncio.Event | None = asyncio.Event() if held else None
        self.error = error
        self.returned: list[object] = []

    async def __call__(self) -> object:
        self.calls += 1
        if self.gate is not None:
            await self.gate.wait()
        if self.error is not None:
            raise self.error
        value = object()
        self.returned.append(value)
        return value

    def release(self) -> None:
        assert self.gate is not None
        self.gate.set()


async def must_not_fetch() -> object:
    raise AssertionError("fetch called for a value that should have been cached")


def make(ttl: float = 60.0, max_entries: int = 10) -> tuple[AsyncTTLCache[str, object], FakeClock]:
    clock = FakeClock()
    return AsyncTTLCache(ttl=ttl, max_entries=max_entries, clock=clock), clock


async def settle(rounds: int = 10) -> None:
    """Let every ready task run."""
    for _ in range(rounds):
        await asyncio.sleep(0)


def start(cache: AsyncTTLCache[str, object], key: str, fetch: Fetcher) -> asyncio.Task[object]:
    return asyncio.ensure_future(cache.get(key, fetch))


@pytest.fixture
async def loop_errors() -> AsyncIterator[list[dict[str, Any]]]:
    """What the running loop reports to its exception handler (e.g. lost exceptions)."""
    loop = asyncio.get_running_loop()
    seen: list[dict[str, Any]] = []
    previous = loop.get_exception_handler()
    loop.set_exception_handler(lambda _loop, context: seen.append(context))
    yield seen
    loop.set_exception_handler(previous)


# --- hits, expiry, refresh -----------------------------------------------------------------


async def test_a_fresh_hit_returns_the_same_object_without_fetching() -> None:
    cache, clock = make(ttl=60)
    fetch = Fetcher()
    first = await cache.get("t", fetch)
    assert first is fetch.returned[0]
    clock.advance(30)
    assert await cache.get("t", must_not_fetch) is first
    assert fetch.calls == 1


async def test_a_value_expires_after_ttl_and_is_fetched_again() -> None:
    cache, clock = make(ttl=10)
    fetch = Fetcher()
    first = await cache.get("t", fetch)
    clock.advance(9.999)
    assert await cache.get("t", fetch) is first
    assert fetch.calls == 1
    clock.advance(0.001)  # exactly ttl after the store: stale
    assert "t" not in cache
    second = await cache.get("t", fetch)
    assert second is not first
    assert fetch.calls == 2
    assert await cache.get("t", fetch) is second
    assert fetch.calls == 2


async def test_refresh_bypasses_a_fresh_value_and_caches_the_new_one() -> None:
    cache, _ = make()
    fetch = Fetcher()
    first = await cache.get("t", fetch)
    second = await cache.get("t", fetch, refresh=True)
    assert second is not first
    assert fetch.calls == 2
    assert await cache.get("t", must_not_fetch) is second


async def test_a_cached_none_is_still_a_hit() -> None:
    cache: AsyncTTLCache[str, int | None] = AsyncTTLCache(ttl=60, max_entries=2, clock=FakeClock())
    calls = 0

    async def fetch_none() -> int | None:
        nonlocal calls
        calls += 1
        return None

    assert await cache.get("t", fetch_none) is None
    assert await cache.get("t", fetch_none) is None
    assert calls == 1


async def test_keys_are_cached_separately() -> None:
    cache, _ = make()
    fetch = Fetcher()
    a = await cache.get("a", fetch)
    b = await cache.get("b", fetch)
    assert a is not b
    assert await cache.get("a", must_not_fetch) is a
    assert await cache.get("b", must_not_fetch) is b


# --- single flight -------------------------------------------------------------------------


async def test_concurrent_cold_gets_share_one_fetch() -> None:
    cache, _ = make()
    fetch = Fetcher(held=True)
    waiters = [start(cache, "t", fetch) for _ in range(10)]
    await settle()
    assert fetch.calls == 1
    assert not any(waiter.done() for waiter in waiters)
    fetch.release()
    values = await asyncio.gather(*waiters)
    assert fetch.calls == 1
    assert all(value is fetch.returned[0] for value in values)
    assert await cache.get("t", must_not_fetch) is fetch.returned[0]


async def test_a_failing_fetch_reaches_every_waiter_and_caches_nothing() -> None:
    cache, _ = make()
    boom = RuntimeError("upstream down")
    fetch = Fetcher(held=True, error=boom)
    waiters = [start(cache, "t", fetch) for _ in range(5)]
    await settle()
    fetch.release()
    outcomes = await asyncio.gather(*waiters, return_exceptions=True)
    assert all(outcome is boom for outcome in outcomes)
    assert fetch.calls == 1
    assert "t" not in cache
    assert len(cache) == 0

    recovered = Fetcher()
    value = await cache.get("t", recovered)
    assert recovered.calls == 1
    assert value is recovered.returned[0]
    assert "t" in cache


async def test_the_first_caller_cancelled_does_not_cancel_the_fetch() -> None:
    cache, _ = make()
    fetch = Fetcher(held=True)
    first = start(cache, "t", fetch)
    await settle()
    others = [start(cache, "t", fetch) for _ in range(3)]
    await settle()
    first.cancel()
    await settle()
    assert first.cancelled()
    fetch.release()
    values = await asyncio.gather(*others)
    assert all(value is fetch.returned[0] for value in values)
    assert fetch.calls == 1
    assert "t" in cache
    assert await cache.get("t", must_not_fetch) is fetch.returned[0]


async def test_a_joining_caller_cancelled_does_not_cancel_the_fetch() -> None:
    cache, _ = make()
    fetch = Fetcher(held=True)
    first = start(cache, "t", fetch)
    await settle()
    joiner = start(cache, "t", fetch)
    await settle()
    joiner.cancel()
    await settle()
    assert joiner.cancelled()
    fetch.release()
    assert await first is fetch.returned[0]
    assert fetch.calls == 1
    assert "t" in cache


async def test_all_callers_cancelled_the_fetch_still_completes_and_is_cached(
    loop_errors: list[dict[str, Any]],
) -> None:
    cache, _ = make()
    fetch = Fetcher(held=True)
    waiters = [start(cache, "t", fetch) for _ in range(3)]
    await settle()
    for waiter in waiters:
        waiter.cancel()
    await settle()
    assert all(waiter.cancelled() for waiter in waiters)
    fetch.release()
    await settle()
    assert "t" in cache
    assert await cache.get("t", must_not_fetch) is fetch.returned[0]
    del waiters
    gc.collect()
    await settle()
    assert loop_errors == []


async def test_all_callers_cancelled_then_the_fetch_fails_without_noise(
    loop_errors: list[dict[str, Any]],
) -> None:
    cache, _ = make()
    fetch = Fetcher(held=True, error=RuntimeError("nobody is listening"))
    waiters = [start(cache, "t", fetch) for _ in range(3)]
    await settle()
    for waiter in waiters:
        waiter.cancel()
    await settle()
    fetch.release()
    await settle()
    assert fetch.calls == 1
    assert "t" not in cache
    assert len(cache) == 0
    del waiters
    gc.collect()
    await settle()
    assert loop_errors == []


async def test_invalidate_during_a_flight_keeps_its_result_out_of_the_cache() -> None:
    cache, _ = make()
    fetch = Fetcher(held=True)
    waiter = start(cache, "t", fetch)
    await settle()
    cache.invalidate("t")
    fetch.release()
    value = await waiter
    assert value is fetch.returned[0]  # the waiter still gets its value
    assert "t" not in cache
    assert len(cache) == 0
    again = Fetcher()
    assert await cache.get("t", again) is again.returned[0]
    assert again.calls == 1


async def test_a_get_after_invalidate_starts_a_new_flight_whose_value_wins() -> None:
    cache, _ = make()
    old = Fetcher(held=True)
    new = Fetcher(held=True)
    old_waiter = start(cache, "t", old)
    await settle()
    cache.invalidate("t")
    new_waiter = start(cache, "t", new)
    await settle()
    assert new.calls == 1
    new.release()
    assert await new_waiter is new.returned[0]
    old.release()
    assert await old_waiter is old.returned[0]
    assert await cache.get("t", must_not_fetch) is new.returned[0]


async def test_refresh_during_a_flight_caches_the_newer_fetch() -> None:
    cache, _ = make()
    old = Fetcher(held=True)
    new = Fetcher(held=True)
    old_waiter = start(cache, "t", old)
    await settle()
    new_waiter = asyncio.ensure_future(cache.get("t", new, refresh=True))
    await settle()
    assert new.calls == 1
    new.release()
    await new_waiter
    old.release()
    await old_waiter
    assert await cache.get("t", must_not_fetch) is new.returned[0]


# --- invalidate, clear, LRU, len, in -------------------------------------------------------


async def test_invalidate_forgets_a_value() -> None:
    cache, _ = make()
    fetch = Fetcher()
    await cache.get("a", fetch)
    await cache.get("b", fetch)
    cache.invalidate("a")
    cache.invalidate("missing")  # no error
    assert "a" not in cache
    assert "b" in cache
    assert len(cache) == 1
    await cache.get("a", fetch)
    assert fetch.calls == 3


async def test_clear_forgets_every_value_and_every_flight() -> None:
    cache, _ = make()
    fetch = Fetcher()
    await cache.get("a", fetch)
    await cache.get("b", fetch)
    held = Fetcher(held=True)
    waiter = start(cache, "c", held)
    await settle()
    cache.clear()
    assert len(cache) == 0
    assert "a" not in cache
    assert "b" not in cache
    held.release()
    assert await waiter is held.returned[0]
    assert "c" not in cache
    assert len(cache) == 0
    await cache.get("a", fetch)
    assert fetch.calls == 3


async def test_lru_bound_evicts_the_least_recently_used_key() -> None:
    cache, _ = make(max_entries=2)
    fetch = Fetcher()
    a = await cache.get("a", fetch)
    await cache.get("b", fetch)
    assert await cache.get("a", must_not_fetch) is a  # touch a: b is now least recent
    await cache.get("c", fetch)
    assert len(cache) == 2
    assert "a" in cache
    assert "b" not in cache
    assert "c" in cache


async def test_lru_without_a_touch_evicts_the_oldest() -> None:
    cache, _ = make(max_entries=2)
    fetch = Fetcher()
    await cache.get("a", fetch)
    b = await cache.get("b", fetch)
    assert "a" in cache  # `in` is not a use: it does not change the order
    await cache.get("c", fetch)
    assert "a" not in cache
    assert await cache.get("b", must_not_fetch) is b
    assert "c" in cache


async def test_refresh_counts_as_a_use_for_lru() -> None:
    cache, _ = make(max_entries=2)
    fetch = Fetcher()
    await cache.get("a", fetch)
    await cache.get("b", fetch)
    await cache.get("a", fetch, refresh=True)
    await cache.get("c", fetch)
    assert "a" in cache
    assert "b" not in cache


async def test_len_counts_stored_keys_and_in_checks_freshness() -> None:
    cache, clock = make(ttl=10)
    fetch = Fetcher()
    assert len(cache) == 0
    assert "a" not in cache
    await cache.get("a", fetch)
    clock.advance(5)
    await cache.get("b", fetch)
    assert len(cache) == 2
    assert "a" in cache
    assert "b" in cache
    assert "zzz" not in cache
    clock.advance(6)  # a is stale, b is not
    assert "a" not in cache
    assert "b" in cache
    assert len(cache) == 2  # stale but not yet swept
    await cache.get("a", fetch)  # sweeps and refetches a
    assert fetch.calls == 3
    assert "a" in cache


# --- ttl = 0 -------------------------------------------------------------------------------


async def test_ttl_zero_caches_nothing() -> None:
    cache, _ = make(ttl=0)
    fetch = Fetcher()
    first = await cache.get("t", fetch)
    second = await cache.get("t", fetch)
    assert first is not second
    assert fetch.calls == 2
    assert len(cache) == 0
    assert "t" not in cache


async def test_ttl_zero_still_shares_one_fetch_among_concurrent_gets() -> None:
    cache, _ = make(ttl=0)
    fetch = Fetcher(held=True)
    waiters = [start(cache, "t", fetch) for _ in range(4)]
    await settle()
    fetch.release()
    values = await asyncio.gather(*waiters)
    assert fetch.calls == 1
    assert all(value is fetch.returned[0] for value in values)
    assert len(cache) == 0
    later = Fetcher()
    await cache.get("t", later)
    assert later.calls == 1


# --- argument checks -----------------------------------------------------------------------


@pytest.mark.parametrize("ttl", [-1, -0.5, True, False, "3", None])
def test_bad_ttl_raises(ttl: Any) -> None:
    with pytest.raises(ValueError, match="ttl"):
        AsyncTTLCache(ttl=ttl, max_entries=1)


def test_nan_ttl_raises() -> None:
    with pytest.raises(ValueError, match="ttl"):
        AsyncTTLCache(ttl=float("nan"), max_entries=1)


@pytest.mark.parametrize("max_entries", [0, -1, True, "3", 1.5, None])
def test_bad_max_entries_raises(max_entries: Any) -> None:
    with pytest.raises(ValueError, match="max_entries"):
        AsyncTTLCache(ttl=1, max_entries=max_entries)


def test_boundary_values_are_accepted() -> None:
    cache: AsyncTTLCache[str, int] = AsyncTTLCache(ttl=0, max_entries=1)
    assert repr(cache) == "AsyncTTLCache(ttl=0.0, max_entries=1, size=0)"
    assert len(AsyncTTLCache(ttl=0.5, max_entries=1)) == 0
