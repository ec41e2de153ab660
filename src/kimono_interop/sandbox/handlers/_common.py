"""What the handlers share: creating, touching and finding stored resources."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.responses import Response

from kimono_interop.sandbox.errors import not_found
from kimono_interop.sandbox.http import Call
from kimono_interop.sandbox.world import Json

Handler = Callable[[Call], Awaitable[Response]]


def touch(resource: Json, call: Call) -> None:
    """Set `resource`'s ``updated_at`` to the server clock."""
    resource["updated_at"] = call.state.now_iso()


def new_resource(call: Call, *, account_id: str, tenant_id: str | None = None) -> Json:
    """The base members of a new resource: a fresh id, timestamps, account (and tenant)."""
    now = call.state.now_iso()
    data: Json = {"id": call.state.new_id(), "created_at": now, "updated_at": now}
    data["account_id"] = account_id
    if tenant_id is not None:
        data["tenant_id"] = tenant_id
    return data


def new_tenant_resource(call: Call) -> Json:
    """The base members of a new resource of the caller's tenant."""
    tenant = call.state.world.tenants[call.tenant_id]
    return new_resource(call, account_id=tenant["account"]["id"], tenant_id=call.tenant_id)


def owned(call: Call, items: dict[str, Json], what: str) -> Json:
    """The item the path's id names among `items` (one tenant's), or 404."""
    key = call.path_uuid()
    item = items.get(key)
    if item is None:
        raise not_found(what, key)
    return item


def developer_account(call: Call) -> str:
    """The developer's account: the first seeded one."""
    return next(iter(call.state.world.accounts))
