"""`make bench`: speed and memory targets of the SDK, measured against the local sandbox.

The sandbox runs in the same process and event loop, so the numbers include the server's own
work: they are a floor for the client, and the targets are set with that in mind. Exits 1 when a
target is missed.
"""

from __future__ import annotations

import asyncio
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from typing import Any

from kimono_interop import ApiKey, InteropClient
from kimono_interop.sandbox import run_sandbox

# (name, measured value, target, unit); lower is better for every target.
Result = tuple[str, float, float, str]


async def timed(work: Callable[[], Awaitable[Any]]) -> float:
    """Seconds one await of `work` takes."""
    start = time.perf_counter()
    await work()
    return time.perf_counter() - start


async def bench_pagination(interop: InteropClient) -> list[Result]:
    """Walking every tenant, sequentially and with prefetch, and the pager's memory peak."""
    sequential = await timed(lambda: interop.tenants.list(page_size=25).collect())
    prefetched = await timed(lambda: interop.tenants.list(page_size=25, prefetch=4).collect())
    tracemalloc.start()
    async for _ in interop.tenants.list(page_size=25, prefetch=4):
        pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return [
        ("walk all tenants, 25 per page", sequential, 2.0, "s"),
        ("walk all tenants, prefetch=4", prefetched, 2.0, "s"),
        ("memory peak while streaming tenants", peak / 2**20, 8.0, "MiB"),
    ]


async def bench_tenant_fan_out(interop: InteropClient, sandbox: Any) -> list[Result]:
    """Every tenant's application, concurrently: cold (one token + one GET each), then warm."""
    tenants = await interop.tenants.list().collect()
    actors = [interop.for_tenant(info) for info in tenants]
    sandbox.reset_counters()
    cold = await timed(lambda: asyncio.gather(*(a.tenant.application.get() for a in actors)))
    requests_cold = sandbox.counters.get("getTenantApplication", 0)
    sandbox.reset_counters()
    warm = await timed(lambda: asyncio.gather(*(a.tenant.application.get() for a in actors)))
    requests_warm = sandbox.counters.get("getTenantApplication", 0)
    return [
        (f"cold application fan-out, {len(actors)} tenants", cold, 10.0, "s"),
        ("requests per tenant, cold", requests_cold / len(actors), 1.0, "req"),
        ("warm application fan-out (cache)", warm, 0.5, "s"),
        ("requests, warm", float(requests_warm), 0.0, "req"),
    ]


async def main() -> int:
    """Run every benchmark and compare with its target."""
    async with (
        run_sandbox(seed=1, max_page_size=100) as sandbox,
        InteropClient(auth=ApiKey(sandbox.api_key), base_url=sandbox.base_url) as interop,
    ):
        results = await bench_pagination(interop)
        results += await bench_tenant_fan_out(interop, sandbox)
    missed = 0
    for name, value, target, unit in results:
        ok = value <= target
        missed += not ok
        print(f"{'ok  ' if ok else 'MISS'} {name:<44} {value:10.3f} {unit:<4} (target <= {target})")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
