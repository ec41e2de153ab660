"""A pool that lasts: a thousand walks of every kind leave no connection checked out.

Walks with prefetch 1, 4 and 8 run 25 at a time against the sandbox: complete ones, ones cut
short by ``collect(limit=...)``, ones broken off by the consumer (closed with ``aclosing``), ones
whose consumer is cancelled mid-walk, and ones whose pages fail. Afterwards the pool holds no
connection checked out (every one idle or closed), the server holds open only the connections the
pool keeps idle, and no request of any walk is still running.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio

from kimono_interop import ApiKey, InteropClient, RetryPolicy, ServerError
from kimono_interop._pipeline import pool_state

WALKS = {"default": 1000, "httpx": 300}
"""Walks per transport: httpx's own is four times slower here, and 300 walks already poisoned its
pool before the pipeline stopped cancelling exchanges half-way."""
KINDS = ("complete", "limit", "break", "cancel", "fail")
PREFETCH = (1, 4, 8)
POOL = 20


@pytest_asyncio.fixture(loop_scope="package", params=["default", "httpx"])
async def pooled(
    sandbox: Any, request: pytest.FixtureRequest
) -> AsyncIterator[tuple[InteropClient, int]]:
    """A client with a small pool and no retries, so a failing page fails its walk: on the
    default transport, and on httpx's own (whose pool a cancelled close used to poison)."""
    sandbox.reset(tenants=12)
    sandbox.knobs.update({"max_page_size": 4})
    limits = httpx.Limits(max_connections=POOL, max_keepalive_connections=POOL)
    transport = httpx.AsyncHTTPTransport(limits=limits) if request.param == "httpx" else None
    async with InteropClient(
        auth=ApiKey(sandbox.api_key),
        base_url=sandbox.base_url,
        max_connections=POOL,
        retry_policy=RetryPolicy(max_retries=0),
        transport=transport,
    ) as client:
        yield client, WALKS[request.param]


async def walk(client: InteropClient, sandbox: Any, kind: str, prefetch: int) -> None:
    """One walk over the 12 tenants (3 pages of 4), ended the way `kind` says."""
    pager = client.tenants.list(prefetch=prefetch)
    if kind == "complete":
        assert len(await pager.collect()) == 12
    elif kind == "limit":
        assert len(await pager.collect(limit=5)) == 5
    elif kind == "break":
        async with contextlib.aclosing(pager.pages()) as pages:
            async for _ in pages:
                break
    elif kind == "cancel":
        task = asyncio.ensure_future(pager.collect())
        await asyncio.sleep(0.001)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    else:
        sandbox.knobs.fail_next += 1
        with contextlib.suppress(ServerError):
            await pager.collect()


async def test_a_thousand_walks_leave_no_connection_checked_out(
    pooled: tuple[InteropClient, int], sandbox: Any
) -> None:
    client, walks = pooled
    plan = list(itertools.islice(itertools.cycle(itertools.product(KINDS, PREFETCH)), walks))
    failing = [step for step in plan if step[0] == "fail"]
    others = [step for step in plan if step[0] != "fail"]
    for start in range(0, len(others), 25):  # concurrent walks share the pool
        batch = others[start : start + 25]
        await asyncio.gather(*(walk(client, sandbox, kind, prefetch) for kind, prefetch in batch))
    for kind, prefetch in failing:  # one at a time: the injected failure must hit this walk
        await walk(client, sandbox, kind, prefetch)

    shared = client._state.shared
    assert shared.detached == set()  # no request of any walk is still running
    state = pool_state(shared)
    assert state["active"] == 0
    assert state["in_flight"] == 0
    assert state["idle"] + state["closed"] == state["connections"]
    assert state["connections"] <= POOL
    await asyncio.sleep(0.05)  # let the server notice connections the client closed
    assert sandbox.open_connections == state["idle"]
    assert sandbox.in_flight == 0
    assert sandbox.peak_in_flight <= POOL


async def test_no_request_of_a_walk_runs_after_collect_returns(
    pooled: tuple[InteropClient, int], sandbox: Any
) -> None:
    client, _ = pooled
    sandbox.knobs.update({"latency": 0.02})
    assert len(await client.tenants.list(prefetch=8).collect(limit=1)) == 1
    assert sandbox.in_flight == 0
    assert client._state.shared.detached == set()
    assert pool_state(client._state.shared)["active"] == 0
