"""``/tenant``: the tenant of the actor credentials in use, and its state. The modules of this
package serve the tenant's application, scoping, rollovers and schedules."""

from __future__ import annotations

from starlette.responses import Response

from kimono_interop.sandbox.handlers.ingestions import is_pending
from kimono_interop.sandbox.http import Call, single


async def get_tenant(call: Call) -> Response:
    """getTenant: the caller's TenantInfo."""
    return single(call.state.world.tenants[call.tenant_id])


async def get_tenant_state(call: Call) -> Response:
    """getTenantState: rollover mode is on while a rollover is ``active``; synchronization is
    suspended while the tenant is paused; a mass change is pending while an ingestion is."""
    world, tenant_id = call.state.world, call.tenant_id
    tenant = world.tenants[tenant_id]
    return single(
        {
            "rollover_mode_enabled": any(
                r["status"] == "active" for r in world.rollovers[tenant_id].values()
            ),
            "synchronization_suspended": tenant["status"]["op_state"] == "paused",
            "setup_mode_enabled": tenant["status"]["setup_state"] != "complete",
            "mass_change_pending": any(is_pending(i) for i in world.ingestions[tenant_id].values()),
        }
    )
