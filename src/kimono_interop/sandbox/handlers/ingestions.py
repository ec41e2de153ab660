"""``/ingestions``: a developer sees every tenant's ingestions, an actor its tenant's."""

from __future__ import annotations

from starlette.responses import JSONResponse, Response

from kimono_interop.sandbox.errors import not_found
from kimono_interop.sandbox.http import Call, single
from kimono_interop.sandbox.state import ACTOR
from kimono_interop.sandbox.world import Json

PENDING_STATES = ("preparing", "scheduled", "executing")
"""Ingestion states that count as pending (a mass change is pending; a run is refused)."""


def is_pending(ingestion: Json) -> bool:
    """Whether `ingestion` has not finished."""
    return bool(ingestion.get("has_pending_task")) or ingestion["state"] in PENDING_STATES


def visible(call: Call) -> list[Json]:
    """The ingestions the caller may see."""
    world = call.state.world
    if call.principal.kind == ACTOR:
        return list(world.ingestions[call.tenant_id].values())
    return [i for per_tenant in world.ingestions.values() for i in per_tenant.values()]


async def list_ingestions(call: Call) -> Response:
    """listIngestions."""
    return call.page(visible(call))


async def count_ingestions(call: Call) -> Response:
    """countIngestions: a bare integer."""
    return JSONResponse(len(visible(call)))


async def find_ingestion(call: Call) -> Response:
    """findIngestion: 404 for another tenant's when an actor asks."""
    key = call.path_uuid()
    for ingestion in visible(call):
        if ingestion["id"] == key:
            return single(ingestion)
    raise not_found("ingestion", key)
