"""asyncio helpers shared by the pipeline, the token store and the cache.

A fan-out of thousands of tenants parks thousands of callers on these awaits at once, and
every object a parked caller holds is one more for the garbage collector to walk on each full
collection, so they allocate as little as asyncio allows.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T")
F = TypeVar("F", bound="asyncio.Future[Any]")

CALLBACK_CONTEXT = contextvars.Context()
"""An empty context for done callbacks that read no context variable (asyncio would otherwise
copy the caller's context for each one)."""


def shielded(inner: asyncio.Future[T]) -> asyncio.Future[T]:
    """What ``asyncio.shield(inner)`` gives, with one future and one callback per caller.

    Await it: a cancelled caller stops waiting and `inner` runs on; its outcome is still
    retrieved, so a failure nobody waits for any more is not logged as never retrieved.
    """
    if inner.done():
        return inner
    waiter: asyncio.Future[T] = inner.get_loop().create_future()
    inner.add_done_callback(partial(_relay, waiter), context=CALLBACK_CONTEXT)
    return waiter


def _relay(waiter: asyncio.Future[T], inner: asyncio.Future[T]) -> None:
    if inner.cancelled():
        if not waiter.done():
            waiter.cancel()
        return
    error = inner.exception()
    if waiter.done():
        return
    if error is not None:
        waiter.set_exception(error)
    else:
        waiter.set_result(inner.result())


def on_done(future: F, callback: Callable[[F], None]) -> None:
    """``future.add_done_callback(callback)`` for a callback that reads no context variable."""
    future.add_done_callback(callback, context=CALLBACK_CONTEXT)


def retrieve_exception(future: asyncio.Future[Any]) -> None:
    """Mark a future's failure as seen, so one every waiter abandoned is not logged as lost."""
    if not future.cancelled():
        future.exception()
