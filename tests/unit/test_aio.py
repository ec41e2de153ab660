"""shielded(): asyncio.shield's guarantees, at one future and one callback per caller."""

from __future__ import annotations

import asyncio
import gc
import logging

import pytest

from kimono_interop._aio import shielded


async def test_a_done_future_is_its_own_result() -> None:
    inner = asyncio.get_running_loop().create_future()
    inner.set_result(7)
    assert shielded(inner) is inner
    assert await shielded(inner) == 7


async def test_every_waiter_gets_the_result_or_the_error() -> None:
    inner: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    waiters = [asyncio.ensure_future(wait(inner)) for _ in range(3)]
    await asyncio.sleep(0)
    inner.set_result(3)
    assert await asyncio.gather(*waiters) == [3, 3, 3]

    failing: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    waiter = asyncio.ensure_future(wait(failing))
    await asyncio.sleep(0)
    failing.set_exception(LookupError("gone"))
    with pytest.raises(LookupError, match="gone"):
        await waiter


async def test_a_cancelled_waiter_does_not_cancel_the_inner_future() -> None:
    inner: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    cancelled, kept = asyncio.ensure_future(wait(inner)), asyncio.ensure_future(wait(inner))
    await asyncio.sleep(0)
    cancelled.cancel()
    with pytest.raises(asyncio.CancelledError):
        await cancelled
    assert not inner.cancelled()
    inner.set_result(1)
    assert await kept == 1


async def test_a_cancelled_inner_future_cancels_its_waiters() -> None:
    inner: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    waiter = asyncio.ensure_future(wait(inner))
    await asyncio.sleep(0)
    inner.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiter


async def test_a_failure_nobody_waits_for_is_not_logged_as_lost(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def fail() -> int:
        await asyncio.sleep(0)
        raise LookupError("nobody listens")

    inner = asyncio.ensure_future(fail())
    waiter = asyncio.ensure_future(wait(inner))
    await asyncio.sleep(0)
    waiter.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiter
    await asyncio.sleep(0.01)
    with caplog.at_level(logging.ERROR, logger="asyncio"):
        del inner, waiter
        gc.collect()
    assert "never retrieved" not in caplog.text


async def wait(inner: asyncio.Future[int]) -> int:
    return await shielded(inner)
