"""``/tenant/schedules``: the tenant's collection schedules. A schedule is created from its
``hour`` only (0-23, UTC; any other field is 400; a second collection schedule at that hour is
409) and updated on ``enabled`` only. A run on demand (204) queues a ``scheduled`` collection
ingestion and sets ``last_executed_at``; another type of schedule is 400, a paused schedule or
a pending ingestion 409 with details. A schedule that never ran has no ``last_executed_at``."""

from __future__ import annotations

from starlette.responses import JSONResponse, Response

from kimono_interop.sandbox.errors import bad_request, conflict
from kimono_interop.sandbox.handlers._common import new_tenant_resource, owned, touch
from kimono_interop.sandbox.handlers.ingestions import is_pending
from kimono_interop.sandbox.http import Call, no_content, single
from kimono_interop.sandbox.parsing import bool_field, int_field
from kimono_interop.sandbox.quoting import shorten
from kimono_interop.sandbox.world import Json


def schedules_of(call: Call) -> dict[str, Json]:
    """The caller's tenant's schedules."""
    return call.state.world.schedules[call.tenant_id]


def schedule_of(call: Call) -> Json:
    """The schedule the path's id names, or 404."""
    return owned(call, schedules_of(call), "schedule")


async def list_schedules(call: Call) -> Response:
    """listSchedules."""
    return call.page(list(schedules_of(call).values()))


async def count_schedules(call: Call) -> Response:
    """countSchedules: a bare integer."""
    return JSONResponse(len(schedules_of(call)))


async def create_schedule(call: Call) -> Response:
    """createSchedule: a collection schedule at ``hour``, enabled."""
    body = call.json_object()
    hour = int_field(body, "hour", low=0, high=23, required=True)
    extra = sorted(set(body) - {"hour"})
    if extra:
        raise bad_request(f"only hour may be given when creating a schedule, got {shorten(extra)}")
    if any(s["hour"] == hour and s["type"] == "collection" for s in schedules_of(call).values()):
        raise conflict(f"a collection schedule at hour {hour} already exists")
    schedule = new_tenant_resource(call) | {"type": "collection", "enabled": True, "hour": hour}
    schedules_of(call)[schedule["id"]] = schedule
    return single(schedule)


async def find_schedule(call: Call) -> Response:
    """findSchedule."""
    return single(schedule_of(call))


async def update_schedule(call: Call) -> Response:
    """updateSchedule: pause (``enabled: false``) or resume it."""
    schedule = schedule_of(call)
    body = call.json_object()
    enabled = bool_field(body, "enabled", required=True)
    extra = sorted(set(body) - {"enabled"})
    if extra:
        raise bad_request(f"only enabled may be updated, got {shorten(extra)}")
    schedule["enabled"] = enabled
    touch(schedule, call)
    return no_content()


async def delete_schedule(call: Call) -> Response:
    """deleteSchedule."""
    del schedules_of(call)[schedule_of(call)["id"]]
    return no_content()


async def run_schedule(call: Call) -> Response:
    """runSchedule: queue a collection now (a body, when sent, must be a JSON object)."""
    schedule = schedule_of(call)
    if call.body.strip():
        call.json_object()
    if schedule["type"] != "collection":
        raise bad_request(f"a {shorten(schedule['type'])} schedule cannot be run on demand")
    if not schedule["enabled"]:
        raise conflict("the schedule was not run", details="the schedule is paused")
    ingestions = call.state.world.ingestions[call.tenant_id]
    pending = [i for i in ingestions.values() if is_pending(i)]
    if pending:
        raise conflict(
            "the schedule was not run", details=f"ingestion {pending[0]['id']} is pending"
        )
    ingestion = new_tenant_resource(call) | {
        "type": "collection",
        "state": "scheduled",
        "external_import_ids": [],
        "has_pending_task": True,
        "mass_change_details": [],
        "metadata": {"scheduled": {"schedule_id": schedule["id"], "on_demand": True}},
    }
    ingestions[ingestion["id"]] = ingestion
    schedule["last_executed_at"] = call.state.now_iso()
    return no_content()
