"""The tenant-application cache over loopback: one request per tenant, bounded, safe on failure."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from kimono_interop import ApiKey, ConflictError, InteropClient, RetryPolicy, ServerError
from tests.facade.conftest import FAST_RETRIES, count


async def first_tenants(interop: InteropClient, n: int) -> list[Any]:
    return await interop.tenants.list().collect(limit=n)


async def test_get_is_served_from_the_cache(interop: InteropClient, sandbox: Any) -> None:
    (info,) = await first_tenants(interop, 1)
    sandbox.reset_counters()
    first = await interop.for_tenant(info).tenant.application.get()
    second = await interop.for_tenant(info).tenant.application.get()
    assert second is first
    assert count(sandbox, "getTenantApplication") == 1
    await interop.for_tenant(info).tenant.application.get(refresh=True)
    assert count(sandbox, "getTenantApplication") == 2


async def test_concurrent_cold_gets_cost_one_request(interop: InteropClient, sandbox: Any) -> None:
    (info,) = await first_tenants(interop, 1)
    sandbox.reset_counters()
    actor = interop.for_tenant(info)
    apps = await asyncio.gather(*(actor.tenant.application.get() for _ in range(30)))
    assert all(app is apps[0] for app in apps)
    assert count(sandbox, "getTenantApplication") == 1


async def test_tenants_are_cached_separately(interop: InteropClient, sandbox: Any) -> None:
    tenants = await first_tenants(interop, 3)
    sandbox.reset_counters()
    apps = [await interop.for_tenant(t).tenant.application.get() for t in tenants]
    assert [str(a.tenant_id) for a in apps] == [str(t.id) for t in tenants]
    assert count(sandbox, "getTenantApplication") == 3


async def test_invalidate_and_update_drop_the_entry(interop: InteropClient, sandbox: Any) -> None:
    (info,) = await first_tenants(interop, 1)
    application = interop.for_tenant(info).tenant.application
    await application.get()
    application.invalidate()
    await application.get()
    sandbox.reset_counters()
    with pytest.raises(ConflictError):  # the first tenant is not 'updating': the update is refused
        await application.update(auth_state_pending="confirmed")
    await application.get()
    assert count(sandbox, "getTenantApplication") == 1


async def test_the_cache_is_bounded(sandbox: Any) -> None:
    async with InteropClient(
        auth=ApiKey(sandbox.api_key),
        base_url=sandbox.base_url,
        retry_policy=FAST_RETRIES,
        application_cache_size=2,
    ) as interop:
        a, b, c = await first_tenants(interop, 3)
        for info in (a, b, c):
            await interop.for_tenant(info).tenant.application.get()
        sandbox.reset_counters()
        await interop.for_tenant(c).tenant.application.get()
        await interop.for_tenant(b).tenant.application.get()
        assert count(sandbox, "getTenantApplication") == 0
        await interop.for_tenant(a).tenant.application.get()  # least recently used: evicted
        assert count(sandbox, "getTenantApplication") == 1


async def test_a_failed_fetch_reaches_every_waiter_and_is_not_cached(
    interop: InteropClient, sandbox: Any
) -> None:
    (info,) = await first_tenants(interop, 1)
    actor = interop.for_tenant(info).with_options(retry_policy=RetryPolicy(max_retries=0))
    await actor.tenant.state()  # fetch the token first: only the application request fails
    sandbox.reset_counters()
    sandbox.knobs.fail_next = 1
    results = await asyncio.gather(
        *(actor.tenant.application.get() for _ in range(10)), return_exceptions=True
    )
    assert all(isinstance(result, ServerError) for result in results)
    assert count(sandbox, "getTenantApplication") == 1
    assert (await actor.tenant.application.get()).tenant_id is not None
    assert count(sandbox, "getTenantApplication") == 2


async def test_a_cancelled_first_caller_does_not_break_the_others(
    interop: InteropClient, sandbox: Any
) -> None:
    (info,) = await first_tenants(interop, 1)
    actor = interop.for_tenant(info)
    await actor.tenant.state()
    sandbox.knobs.latency = 0.05
    sandbox.reset_counters()
    first = asyncio.create_task(actor.tenant.application.get())
    await asyncio.sleep(0.01)
    others = [asyncio.create_task(actor.tenant.application.get()) for _ in range(5)]
    first.cancel()
    apps = await asyncio.gather(*others)
    assert first.cancelled()
    assert all(app is apps[0] for app in apps)
    assert count(sandbox, "getTenantApplication") == 1
