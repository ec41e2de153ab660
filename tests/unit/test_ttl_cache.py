"""AsyncTTLCache with a fake clock: TTL, LRU bound, single flight, failures, cancellation."""

from __future__ import annotations

import asyncio

import pytest

from kimono_interop import AsyncTTLCache


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Source:
    """A fetch that counts its calls, can be held at a gate, and can fail."""

    def __init__(self) -> None:
        self.calls = 0
        self.gate: asyncio.Event | None = None
        self.error: Exception | None = None

    async def fetch(self) -> object:
        self.calls += 1
        if self.gate is not None:
            await self.gate.wait()
        if self.error is not None:
            raise self.error
        return object()


def make(ttl: float = 60.0, max_entries: int = 10) -> tuple[AsyncTTLCache[str, object], Clock]:
    clock = Clock()
    return AsyncTTLCache(ttl=ttl, max_entries=max_entries, clock=clock), clock


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def test_a_fresh_value_is_served_until_the_ttl_passes() -> None:
    cache, clock = make(ttl=60)
    source = Source()
    first = await cache.get("t", source.fetch)
    clock.now += 59.9
    assert await cache.get("t", source.fetch) is first
    assert source.calls == 1
    clock.now += 0.2
    assert await cache.get("t", source.fetch) is not first
    assert source.calls == 2


async def test_refresh_bypasses_the_cached_value() -> None:
    cache, _ = make()
    source = Source()
    first = await cache.get("t", source.fetch)
    second = await cache.get("t", source.fetch, refresh=True)
    assert second is not first
    assert await cache.get("t", source.fetch) is second
    assert source.calls == 2


async def test_concurrent_cold_gets_share_one_fetch() -> None:
    cache, _ = make()
    source = Source()
    source.gate = asyncio.Event()
    waiters = [asyncio.ensure_future(cache.get("t", source.fetch)) for _ in range(20)]
    await settle()
    source.gate.set()
    values = await asyncio.gather(*waiters)
    assert source.calls == 1
    assert all(value is values[0] for value in values)


async def test_a_failure_reaches_every_waiter_and_is_not_cached() -> None:
    cache, _ = make()
    source = Source()
    source.gate = asyncio.Event()
    source.error = RuntimeError("boom")
    waiters = [asyncio.ensure_future(cache.get("t", source.fetch)) for _ in range(5)]
    await settle()
    source.gate.set()
    results = await asyncio.gather(*waiters, return_exceptions=True)
    assert all(isinstance(r, RuntimeError) and str(r) == "boom" for r in results)
    assert source.calls == 1
    assert "t" not in cache
    source.error = None
    await cache.get("t", source.fetch)
    assert source.calls == 2


async def test_a_cancelled_first_caller_does_not_break_the_others() -> None:
    cache, _ = make()
    source = Source()
    source.gate = asyncio.Event()
    first = asyncio.ensure_future(cache.get("t", source.fetch))
    await settle()
    others = [asyncio.ensure_future(cache.get("t", source.fetch)) for _ in range(3)]
    await settle()
    first.cancel()
    await settle()
    source.gate.set()
    values = await asyncio.gather(*others)
    assert first.cancelled()
    assert all(value is values[0] for value in values)
    assert source.calls == 1
    assert await cache.get("t", source.fetch) is values[0]  # and it was cached


async def test_all_callers_cancelled_leaves_no_unretrieved_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    cache, _ = make()
    source = Source()
    source.gate = asyncio.Event()
    source.error = RuntimeError("nobody listens")
    waiter = asyncio.ensure_future(cache.get("t", source.fetch))
    await settle()
    waiter.cancel()
    source.gate.set()
    await settle()
    assert waiter.cancelled()
    assert "never retrieved" not in caplog.text
    assert "t" not in cache


async def test_invalidate_during_a_fetch_keeps_its_result_out() -> None:
    cache, _ = make()
    source = Source()
    source.gate = asyncio.Event()
    waiter = asyncio.ensure_future(cache.get("t", source.fetch))
    await settle()
    cache.invalidate("t")
    source.gate.set()
    await waiter
    assert "t" not in cache
    assert len(cache) == 0


async def test_least_recently_used_goes_first() -> None:
    cache, _ = make(max_entries=2)
    source = Source()
    a = await cache.get("a", source.fetch)
    await cache.get("b", source.fetch)
    assert await cache.get("a", source.fetch) is a  # a is now the most recently used
    await cache.get("c", source.fetch)
    assert "a" in cache
    assert "b" not in cache
    assert "c" in cache
    assert len(cache) == 2


async def test_clear_and_len() -> None:
    cache, _ = make()
    source = Source()
    for key in "xyz":
        await cache.get(key, source.fetch)
    assert len(cache) == 3
    cache.clear()
    assert len(cache) == 0
    assert "x" not in cache


async def test_ttl_zero_caches_nothing_but_still_shares_a_fetch() -> None:
    cache, _ = make(ttl=0)
    source = Source()
    source.gate = asyncio.Event()
    waiters = [asyncio.ensure_future(cache.get("t", source.fetch)) for _ in range(4)]
    await settle()
    source.gate.set()
    await asyncio.gather(*waiters)
    assert source.calls == 1
    source.gate = None
    await cache.get("t", source.fetch)
    assert source.calls == 2


@pytest.mark.parametrize(
    ("name", "ttl", "max_entries"),
    [
        ("ttl", -1, 5),
        ("ttl", "60", 5),
        ("ttl", True, 5),
        ("max_entries", 60, 0),
        ("max_entries", 60, 1.5),
    ],
)
def test_bad_settings_name_themselves(name: str, ttl: object, max_entries: object) -> None:
    with pytest.raises(ValueError, match=name):
        AsyncTTLCache(ttl=ttl, max_entries=max_entries)  # type: ignore[arg-type]
