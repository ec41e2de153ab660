"""Quickstart: browse clouds and tenants, then act as a few tenants.

Run against the local sandbox with `make demo`, or against any Interop API:
    KIMONO_BASE_URL=https://api.us2.kimonocloud.com KIMONO_API_KEY=... python examples/quickstart.py
"""

from __future__ import annotations

import asyncio
import os

from kimono_interop import ApiKey, ConflictError, InteropClient
from kimono_interop.models import TenantInfo


async def main(base_url: str, api_key: str) -> None:
    """Walk the API the way an integration driver does at start-up."""
    async with InteropClient(auth=ApiKey(api_key), base_url=base_url) as interop:
        print("Clouds:")
        async for cloud in interop.clouds.list():
            print(f"  {cloud.name:<32} generation {cloud.generation}")

        tenants = await interop.tenants.list(page_size=50).collect(limit=5)
        print(f"\nFirst {len(tenants)} tenants, each with its application (cached in memory):")
        for info in tenants:
            actor = interop.for_tenant(info)
            app = await actor.tenant.application.get()
            await actor.tenant.application.get()  # served from the cache: no request
            print(f"  {info.name:<40} auth {app.auth_type}, state {app.auth_state}")

        await show_rollovers(interop, tenants[0])
        await run_a_schedule(interop, tenants)


async def show_rollovers(interop: InteropClient, info: TenantInfo) -> None:
    """List a tenant's rollovers, then create one (the service derives its dates) and delete it."""
    actor = interop.for_tenant(info)
    print(f"\nRollovers of {info.name} ({await actor.tenant.rollovers.count()}):")
    async for rollover in actor.tenant.rollovers.list(sort="start_date"):
        print(f"  {rollover.name:<28} {rollover.status} {rollover.start_date:%Y-%m-%d}")
    if not info.cloud:  # optional fields are UNSET (falsy) when the API leaves them out
        print("  the tenant's cloud is unknown: no rollover created")
        return
    try:
        created = await actor.tenant.rollovers.create(
            type="new_year", status="upcoming", cloud_id=info.cloud.id
        )
    except ConflictError as exc:
        print(f"  could not create a rollover: {exc.message} ({exc.details})")
        return
    print(f"  created {created.name} from {created.start_date:%Y-%m-%d}, now deleting it")
    await actor.tenant.rollovers.delete(created.id)


async def run_a_schedule(interop: InteropClient, tenants: list[TenantInfo]) -> None:
    """Run a collection schedule now, on the first tenant that allows it."""
    print("\nRunning a collection schedule:")
    for info in tenants:
        actor = interop.for_tenant(info)
        async for schedule in actor.tenant.schedules.list():
            if schedule.type_ != "collection" or not schedule.enabled:
                continue
            try:
                await actor.tenant.schedules.run(schedule.id)
            except ConflictError as exc:
                print(f"  {info.name}: not run ({exc.details})")
                break
            print(f"  {info.name}: schedule at {schedule.hour:02d}:00 UTC queued")
            return
    print("  no tenant could run a schedule now")


if __name__ == "__main__":
    asyncio.run(main(os.environ["KIMONO_BASE_URL"], os.environ["KIMONO_API_KEY"]))
