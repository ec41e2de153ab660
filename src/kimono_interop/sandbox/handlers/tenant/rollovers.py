"""``/tenant/rollovers``: the tenant's school-year rollovers.

A create or update request sends ``type`` and ``status`` (any non-empty strings), ``cloud_id``
(a UUID; required) and optionally ``actor_id`` (a UUID) and ``metadata`` (an object whose
``created`` and ``updated`` are objects or null). ``cloud_id`` and ``actor_id`` are write-only:
kept in ``world.rollover_targets``, never served. A ``name``, ``start_date`` or ``end_date`` in a
request is ignored: the sandbox derives them by this rule.

- Every rollover lasts 14 days.
- ``active``: it starts at the sandbox clock's now, in whole seconds.
- ``completed``: it ends at now (it started 14 days before).
- Any other status (``upcoming``, ``cancelled``, ``failed``, or one the sandbox does not know):
  it starts on the earliest July 1, 00:00 UTC, on or after now whose 14 days overlap no other
  live rollover of the tenant (live: neither ``cancelled`` nor ``failed``).
- Its name is its type in title case and its start year: ``new_year`` from July 1, 2026 is
  ``New Year 2026``.
- An update derives name and dates again only when the type changes or the status moves to
  another of those three rules (into or out of ``active`` or ``completed``); otherwise the
  rollover keeps them (cancelling an upcoming rollover keeps its window, which then blocks
  nothing).

Conflicts (409): a second ``active`` rollover while one is active (details
``alreadyInRolloverMode: ...``), and a live rollover whose window overlaps another live one's
(windows are half-open). So, deterministically: creating an ``active`` rollover for a tenant
that has one (seeded tenants n % 7 == 3) is a 409, as is creating a ``completed`` one there; and
cancelling an upcoming rollover, creating another (which takes the freed July 1) and updating the
first back to ``upcoming`` is a 409. Deleting an active rollover is a 409 too.

Only ``active`` puts the tenant in rollover mode (getTenantState). ``sort`` takes any field name
(``^-?[a-z][a-z0-9_]*$``; ``-`` for descending): rollovers without the field come last in their
stored order, so an unknown field leaves the order as stored.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.responses import JSONResponse, Response

from kimono_interop.sandbox.errors import bad_request, conflict
from kimono_interop.sandbox.handlers._common import new_tenant_resource, owned, touch
from kimono_interop.sandbox.http import Call, no_content, single
from kimono_interop.sandbox.parsing import text_field, uuid_field
from kimono_interop.sandbox.quoting import shorten
from kimono_interop.sandbox.rollover_rule import (
    NoFreeWindow,
    Window,
    derive_window,
    is_live,
    overlaps,
    rollover_name,
    rule_of,
    window_of,
)
from kimono_interop.sandbox.world import Json, iso, without_none

SORT = re.compile(r"-?[a-z][a-z0-9_]*")
"""The spec's pattern for ``sort``: a field name, ``-`` first for descending."""


@dataclass(frozen=True)
class RolloverRequest:
    """A checked create or update body."""

    type: str
    status: str
    cloud_id: str
    actor_id: str | None
    metadata: Json | None

    def targets(self) -> Json:
        """The write-only members, as kept aside."""
        return without_none({"cloud_id": self.cloud_id, "actor_id": self.actor_id})


def rollovers_of(call: Call) -> dict[str, Json]:
    """The caller's tenant's rollovers."""
    return call.state.world.rollovers[call.tenant_id]


def rollover_of(call: Call) -> Json:
    """The rollover the path's id names, or 404."""
    return owned(call, rollovers_of(call), "rollover")


def parse_request(body: Json) -> RolloverRequest:
    """The request's members, each checked (400 naming the bad one)."""
    rollover_type = text_field(body, "type", required=True)
    status = text_field(body, "status", required=True)
    cloud_id = uuid_field(body, "cloud_id", required=True)
    assert rollover_type is not None
    assert status is not None
    assert cloud_id is not None
    metadata = check_metadata(body["metadata"]) if "metadata" in body else None
    return RolloverRequest(rollover_type, status, cloud_id, uuid_field(body, "actor_id"), metadata)


def check_metadata(metadata: Any) -> Json:
    """Rollover metadata: an object whose ``created`` and ``updated`` are objects or null."""
    if not isinstance(metadata, dict):
        raise bad_request(f"metadata must be an object, got {shorten(metadata)}")
    for name in ("created", "updated"):
        value = metadata.get(name)
        if value is not None and not isinstance(value, dict):
            raise bad_request(f"metadata.{name} must be an object or null, got {shorten(value)}")
    return metadata


def place(call: Call, request: RolloverRequest, kept: Json | None = None) -> Json:
    """The name and dates of a rollover `request` creates or (over `kept`) updates, after the
    conflict checks."""
    others = [r for r in rollovers_of(call).values() if kept is None or r["id"] != kept["id"]]
    same_rule = kept is not None and (
        kept["type"] == request.type and rule_of(kept["status"]) == rule_of(request.status)
    )
    if kept is not None and same_rule:
        window = window_of(kept)
        placed = {k: kept[k] for k in ("name", "start_date", "end_date")}
    else:
        window = _derive(call, request.status, [window_of(r) for r in others if is_live(r)])
        placed = {
            "name": rollover_name(request.type, window[0]),
            "start_date": iso(window[0]),
            "end_date": iso(window[1]),
        }
    check_conflicts(request.status, window, others)
    return placed


def _derive(call: Call, status: str, busy: list[Window]) -> Window:
    now = dt.datetime.fromtimestamp(call.state.now(), dt.UTC)
    try:
        return derive_window(status, now, busy)
    except NoFreeWindow as exc:
        raise conflict("the rollover overlaps another rollover", details=str(exc)) from None


def check_conflicts(status: str, window: Window, others: list[Json]) -> None:
    """409 for a second active rollover, or a live one overlapping another live one."""
    if status == "active":
        for other in others:
            if other["status"] == "active":
                raise conflict(
                    "the tenant is already in rollover mode",
                    details=f"alreadyInRolloverMode: rollover {other['id']} is active",
                )
    if status in ("cancelled", "failed"):
        return
    for other in others:
        if is_live(other) and overlaps(window, window_of(other)):
            raise conflict(
                "the rollover overlaps another rollover",
                details=f"overlaps {shorten(other['name'])} ({other['id']})",
            )


def sorted_by(items: list[Json], sort: str) -> list[Json]:
    """`items` sorted by the field `sort` names (``-`` first: descending); those without it
    last, in their order."""
    name = sort.removeprefix("-")
    present = [item for item in items if item.get(name) is not None]
    absent = [item for item in items if item.get(name) is None]
    present.sort(key=_sort_key(name), reverse=sort.startswith("-"))
    return present + absent


def _sort_key(name: str) -> Callable[[Json], tuple[int, Any]]:
    def key(item: Json) -> tuple[int, Any]:
        value = item[name]
        if isinstance(value, bool | int | float):
            return 0, value
        if isinstance(value, str):
            return 1, value
        return 2, json.dumps(value, sort_keys=True)  # objects and arrays: by their JSON

    return key


async def list_rollovers(call: Call) -> Response:
    """listRollovers: stored order, or sorted by ``sort`` (see the module's rule)."""
    items = list(rollovers_of(call).values())
    sort = call.query("sort")
    if sort is not None:
        if not SORT.fullmatch(sort):
            raise bad_request(
                "sort must be a field name (lower-case letters, digits and _), optionally "
                f"prefixed with '-'; got {shorten(sort)}"
            )
        items = sorted_by(items, sort)
    return call.page(items)


async def count_rollovers(call: Call) -> Response:
    """countRollovers: a bare integer."""
    return JSONResponse(len(rollovers_of(call)))


async def create_rollover(call: Call) -> Response:
    """createRollover: name and dates derived by the module's rule; 409 on a conflict."""
    request = parse_request(call.json_object())
    rollover = new_tenant_resource(call) | place(call, request)
    rollover |= {
        "type": request.type,
        "metadata": {"created": {"by": "api"}, "updated": None}
        if request.metadata is None
        else request.metadata,
        "status": request.status,
        "status_change_failure_count": 0,
    }
    rollovers_of(call)[rollover["id"]] = rollover
    call.state.world.rollover_targets[rollover["id"]] = request.targets()
    return single(rollover)


async def find_rollover(call: Call) -> Response:
    """findRollover."""
    return single(rollover_of(call))


async def update_rollover(call: Call) -> Response:
    """updateRollover: the same body as createRollover; name and dates are derived again only
    when the type or the status's rule changes (see the module's rule); 409 on a conflict."""
    rollover = rollover_of(call)
    request = parse_request(call.json_object())
    placed = place(call, request, rollover)
    metadata = request.metadata if request.metadata is not None else rollover.get("metadata", {})
    rollover.update(placed)
    rollover.update(type=request.type, status=request.status)
    rollover["metadata"] = dict(metadata) | {"updated": {"by": "api"}}
    touch(rollover, call)
    call.state.world.rollover_targets[rollover["id"]] = request.targets()
    return single(rollover)


async def delete_rollover(call: Call) -> Response:
    """deleteRollover: 409 for an active rollover."""
    rollover = rollover_of(call)
    if rollover["status"] == "active":
        raise conflict(
            "an active rollover cannot be deleted", details=f"rollover {rollover['id']} is active"
        )
    del rollovers_of(call)[rollover["id"]]
    call.state.world.rollover_targets.pop(rollover["id"], None)
    return no_content()
