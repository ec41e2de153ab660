"""``/tenants``: the developer's tenants (TenantInfo, with actor credentials), filtered by
account ids and by integration ids or names."""

from __future__ import annotations

from starlette.responses import Response

from kimono_interop.sandbox.errors import not_found
from kimono_interop.sandbox.http import Call, single
from kimono_interop.sandbox.parsing import uuid_field


async def list_tenants(call: Call) -> Response:
    """listInteropTenants: ``accounts`` (UUIDs) and ``integrations`` (ids or names), each a
    comma-separated list of distinct, non-empty values (literal commas separate them; ``%2C``
    is a comma inside a value)."""
    accounts = call.query_list("accounts", unique=True)
    integrations = call.query_list("integrations", unique=True)
    for account in accounts or ():
        uuid_field({"accounts": account}, "accounts")  # 400 unless a UUID
    wanted = set(integrations or ())
    found = [
        t
        for t in call.state.world.tenants.values()
        if (accounts is None or t["account"]["id"] in accounts)
        and (integrations is None or {t["integration"]["id"], t["integration"]["name"]} & wanted)
    ]
    return call.page(found)


async def find_tenant(call: Call) -> Response:
    """findInteropTenant."""
    key = call.path_uuid()
    tenant = call.state.world.tenants.get(key)
    if tenant is None:
        raise not_found("tenant", key)
    return single(tenant)
