"""The 51 operations of the Interop API v2, each a handler over the sandbox's world.

`OPERATIONS` lists them as (method, path, operation id, who may call, handler). Developer
operations need the API key; tenant operations need a tenant actor's credentials and act on
that actor's tenant; ingestions answer both (a developer sees every tenant's).
"""

from __future__ import annotations

import copy
import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.responses import JSONResponse, Response

from kimono_interop.sandbox.http import (
    INT32_MAX,
    ApiError,
    Call,
    bad_request,
    bool_field,
    conflict,
    datetime_field,
    enum_field,
    int_field,
    no_content,
    not_found,
    single,
    string_map_field,
    text_field,
    uuid_field,
)
from kimono_interop.sandbox.quoting import shorten
from kimono_interop.sandbox.state import Json, parse_iso

Handler = Callable[[Call], Awaitable[Response]]

DEVELOPER = "developer"
ACTOR = "actor"
ANYONE = "anyone"

RELEASE_STATES = ("unspecified", "development", "beta", "released", "deprecated")
ROLLOVER_TYPES = ("new_year",)
ROLLOVER_STATUSES = ("upcoming", "active", "completed", "failed", "cancelled")
ROLLOVER_SORT_FIELDS = ("name", "start_date", "end_date", "created_at", "status")
AUTH_STATES_SETTABLE = ("confirmed", "error")
AUTH_STATES = ("unspecified", "updating", "confirmed", "error")
BLUEPRINT_ROOTS = ("Blueprint", "IntegrationBlueprint")
PENDING_INGESTION_STATES = ("preparing", "scheduled", "executing")


@dataclass(frozen=True)
class Operation:
    """One route: method, path template, operation id, who may call it, and its handler."""

    method: str
    path: str
    operation_id: str
    audience: str
    handler: Handler


def _touch(resource: Json, call: Call) -> None:
    resource["updated_at"] = call.state.now_iso()


def _new_resource(call: Call, *, account_id: str, tenant_id: str | None = None) -> Json:
    now = call.state.now_iso()
    data: Json = {"id": call.state.new_id(), "created_at": now, "updated_at": now}
    data["account_id"] = account_id
    if tenant_id is not None:
        data["tenant_id"] = tenant_id
    return data


def _owned(call: Call, items: dict[str, Json], what: str) -> Json:
    """The item the path's id names among `items` (one tenant's), or 404."""
    key = call.path_uuid()
    item = items.get(key)
    if item is None:
        raise not_found(what, key)
    return item


def _developer_account(call: Call) -> str:
    return next(iter(call.state.world.accounts))


# -- actors and clouds ---------------------------------------------------------------------


async def list_actors(call: Call) -> Response:
    return call.page(list(call.state.world.actors.values()))


def _public_cloud(cloud: Json) -> Json:
    return {k: v for k, v in cloud.items() if k != "env"}


async def list_clouds(call: Call) -> Response:
    return call.page([_public_cloud(c) for c in call.state.world.clouds.values()])


async def create_cloud(call: Call) -> Response:
    body = call.json_object()
    name = text_field(body, "name", required=True)
    userdata = text_field(body, "userdata", nullable=True)
    generation = int_field(body, "generation", low=0, high=INT32_MAX)
    cloud = _new_resource(call, account_id=_developer_account(call)) | {
        "name": name,
        "userdata": userdata,
        "generation": 1 if generation is None else generation,
        "env": {"id": call.state.new_id(), "name": "production"},
    }
    call.state.world.clouds[cloud["id"]] = cloud
    return single(_public_cloud(cloud))


async def search_clouds(call: Call) -> Response:
    name, userdata = call.query("name"), call.query("userdata")
    generation = call.query_int("generation", minimum=0)
    found = [
        _public_cloud(c)
        for c in call.state.world.clouds.values()
        if (name is None or c["name"] == name)
        and (userdata is None or c["userdata"] == userdata)
        and (generation is None or c["generation"] == generation)
    ]
    return call.page(found)


def _cloud(call: Call) -> Json:
    key = call.path_uuid()
    cloud = call.state.world.clouds.get(key)
    if cloud is None:
        raise not_found("cloud", key)
    return cloud


async def find_cloud(call: Call) -> Response:
    return single(_public_cloud(_cloud(call)))


async def delete_cloud(call: Call) -> Response:
    cloud = _cloud(call)
    users = [
        t["name"] for t in call.state.world.tenants.values() if t["cloud"]["id"] == cloud["id"]
    ]
    if users:
        raise conflict(f"cloud {cloud['id']} still serves {len(users)} tenants", details=users[0])
    del call.state.world.clouds[cloud["id"]]
    for key in [k for k, a in call.state.world.actors.items() if a["cloud_id"] == cloud["id"]]:
        del call.state.world.actors[key]
    return no_content()


async def list_actors_by_cloud(call: Call) -> Response:
    cloud = _cloud(call)
    with_credentials = call.query_bool("include_credentials", default=False)
    actors = [a for a in call.state.world.actors.values() if a["cloud_id"] == cloud["id"]]
    if not with_credentials:
        actors = [{k: v for k, v in a.items() if k != "auth"} for a in actors]
    return call.page(actors)


# -- integrations and versions -------------------------------------------------------------


async def list_integrations(call: Call) -> Response:
    name = call.query("name")
    found = [i for i in call.state.world.integrations.values() if name is None or i["name"] == name]
    return call.page(found)


async def create_integration(call: Call) -> Response:
    body = call.json_object()
    name = text_field(body, "name", required=True)
    if any(i["name"] == name for i in call.state.world.integrations.values()):
        raise conflict(f"an integration named {shorten(name)} already exists")
    integration = _new_resource(call, account_id=_developer_account(call)) | {
        "name": name,
        "title": text_field(body, "title"),
        "version": text_field(body, "version"),
    }
    call.state.world.integrations[integration["id"]] = integration
    call.state.world.versions[integration["id"]] = {}
    return single(integration)


def _integration(call: Call) -> Json:
    key = call.path_uuid()
    integration = call.state.world.integrations.get(key)
    if integration is None:
        raise not_found("integration", key)
    return integration


async def find_integration(call: Call) -> Response:
    return single(_integration(call))


async def update_integration(call: Call) -> Response:
    integration = _integration(call)
    body = call.json_object()
    changes = {name: text_field(body, name) for name in ("title", "version")}
    changes["name"] = text_field(body, "name", required="name" in body)
    taken = {i["name"] for i in call.state.world.integrations.values() if i is not integration}
    if changes["name"] in taken:
        raise conflict(f"an integration named {shorten(changes['name'])} already exists")
    integration.update({k: v for k, v in changes.items() if k in body})
    _touch(integration, call)
    return no_content()


async def delete_integration(call: Call) -> Response:
    integration = _integration(call)
    world = call.state.world
    if any(t["integration"]["id"] == integration["id"] for t in world.tenants.values()):
        raise conflict(f"integration {shorten(integration['name'])} still has tenants")
    del world.integrations[integration["id"]]
    for version in world.versions.pop(integration["id"], {}):
        world.blueprints.pop((integration["id"], version), None)
    return no_content()


async def list_integration_versions(call: Call) -> Response:
    integration = _integration(call)
    return call.page(list(call.state.world.versions[integration["id"]].values()))


def parse_blueprint(call: Call) -> tuple[str, str | None, str | None]:
    """(the XML text, its version attribute, its title attribute); 400 when malformed."""
    content_type = call.request.headers.get("content-type", "")
    if "xml" not in content_type and "octet-stream" not in content_type:
        raise ApiError(
            415,
            "unsupported_media_type",
            f"a blueprint is application/xml, got {shorten(content_type)}",
        )
    try:
        text = call.body.decode("utf-8")
        root = ET.fromstring(text)  # noqa: S314 - the sandbox parses its own test input
    except (UnicodeDecodeError, ET.ParseError) as exc:
        raise bad_request(f"the blueprint is not well-formed XML: {exc}") from None
    if root.tag not in BLUEPRINT_ROOTS:
        raise bad_request(
            f"the blueprint's root must be <Blueprint> or <IntegrationBlueprint>, got <{root.tag}>"
        )
    return text, root.get("version"), root.get("title")


async def create_integration_version(call: Call) -> Response:
    integration = _integration(call)
    text, version, title = parse_blueprint(call)
    if not version:
        raise bad_request("the blueprint's root has no version attribute")
    versions = call.state.world.versions[integration["id"]]
    if version in versions:
        raise conflict(
            f"version {shorten(version)} of {shorten(integration['name'])} already exists"
        )
    entry = _new_resource(call, account_id=integration["account_id"]) | {
        "integration_id": integration["id"],
        "version": version,
        "title": title,
        "release_state": "development",
    }
    versions[version] = entry
    call.state.world.blueprints[(integration["id"], version)] = text
    return single(entry)


def _version(call: Call) -> tuple[Json, Json]:
    integration = _integration(call)
    version = str(call.request.path_params["version"])
    entry = call.state.world.versions[integration["id"]].get(version)
    if entry is None:
        raise ApiError(
            404, "not_found", f"{shorten(integration['name'])} has no version {shorten(version)}"
        )
    return integration, entry


async def update_integration_version(call: Call) -> Response:
    integration, entry = _version(call)
    body = call.json_object()
    release_state = enum_field(body, "release_state", RELEASE_STATES)
    title = text_field(body, "title")
    renamed = text_field(body, "version", required="version" in body)
    versions = call.state.world.versions[integration["id"]]
    if renamed is not None and renamed != entry["version"]:
        if renamed in versions:
            raise conflict(f"version {shorten(renamed)} already exists")
        blueprint = call.state.world.blueprints.pop((integration["id"], entry["version"]))
        del versions[entry["version"]]
        entry["version"] = renamed
        versions[renamed] = entry
        call.state.world.blueprints[(integration["id"], renamed)] = blueprint
    if release_state is not None:
        entry["release_state"] = release_state
    if "title" in body:
        entry["title"] = title
    _touch(entry, call)
    return no_content()


async def delete_integration_version(call: Call) -> Response:
    integration, entry = _version(call)
    del call.state.world.versions[integration["id"]][entry["version"]]
    call.state.world.blueprints.pop((integration["id"], entry["version"]), None)
    return no_content()


async def update_integration_blueprint(call: Call) -> Response:
    integration, entry = _version(call)
    text, version, title = parse_blueprint(call)
    if version is not None and version != entry["version"]:
        raise bad_request(
            f"the blueprint says version {shorten(version)}, the path {shorten(entry['version'])}"
        )
    call.state.world.blueprints[(integration["id"], entry["version"])] = text
    if title is not None:
        entry["title"] = title
    _touch(entry, call)
    return single(entry)


# -- tenants -------------------------------------------------------------------------------


async def list_tenants(call: Call) -> Response:
    accounts = call.query_list("accounts", unique=True)
    integrations = call.query_list("integrations", unique=True)
    if accounts is not None:
        for account in accounts:
            _check_uuid("accounts", account)
    found = [
        t
        for t in call.state.world.tenants.values()
        if (accounts is None or t["account"]["id"] in accounts)
        and (
            integrations is None
            or {t["integration"]["id"], t["integration"]["name"]} & set(integrations)
        )
    ]
    return call.page(found)


def _check_uuid(name: str, value: str) -> None:
    if uuid_field({name: value}, name) is None:
        raise bad_request(f"{name} must list UUIDs, got {shorten(value)}")


async def find_tenant(call: Call) -> Response:
    key = call.path_uuid()
    tenant = call.state.world.tenants.get(key)
    if tenant is None:
        raise not_found("tenant", key)
    return single(tenant)


async def get_tenant(call: Call) -> Response:
    return single(call.state.world.tenants[call.tenant_id])


async def get_tenant_state(call: Call) -> Response:
    world, tenant_id = call.state.world, call.tenant_id
    rollovers = world.rollovers[tenant_id].values()
    tenant = world.tenants[tenant_id]
    pending = any(_is_pending(i) for i in world.ingestions[tenant_id].values())
    return single(
        {
            "rollover_mode_enabled": any(r["status"] == "active" for r in rollovers),
            "synchronization_suspended": tenant["status"]["op_state"] == "paused",
            "setup_mode_enabled": tenant["status"]["setup_state"] != "complete",
            "mass_change_pending": pending,
        }
    )


# -- scoping -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scoping:
    """Handlers for one scoping collection: schools or courses."""

    kind: str
    ref_fields: tuple[str, ...]
    text_fields: tuple[str, ...]

    def items(self, call: Call) -> dict[str, Json]:
        world = call.state.world
        table = world.schools if self.kind == "school" else world.courses
        return table[call.tenant_id]

    def build(self, call: Call, raw: Any, where: str, *, keep: Json | None = None) -> Json:
        if not isinstance(raw, dict):
            raise bad_request(f"{where} must be an object, got {shorten(raw)}")
        tenant = call.state.world.tenants[call.tenant_id]
        item = (
            keep
            if keep is not None
            else _new_resource(call, account_id=tenant["account"]["id"], tenant_id=call.tenant_id)
        )
        for name in self.ref_fields:
            if name in raw and raw[name] is None:
                raise bad_request(f"{where}.{name} must be a UUID, got null")
            item[name] = (
                uuid_field(raw, name) if name in raw else item.get(name, call.state.new_id())
            )
        for name in self.text_fields:
            value = text_field(raw, name, nullable=True)
            item[name] = value if name in raw else item.get(name)
        selected = bool_field(raw, "selected")
        item["selected"] = selected if selected is not None else item.get("selected", True)
        if not item.get("name"):
            raise bad_request(f"{where}.name is required")
        _touch(item, call)
        return item

    async def list(self, call: Call) -> Response:
        return call.page(list(self.items(call).values()))

    async def create(self, call: Call) -> Response:
        replace = call.query_bool("replace", default=True)
        body = call.json_object()
        data = body.get("data")
        if not isinstance(data, list):
            raise bad_request(f"data must be a list of {self.kind}s, got {shorten(data)}")
        built = [self.build(call, raw, f"data[{n}]") for n, raw in enumerate(data)]
        items = self.items(call)
        if replace:
            items.clear()
        for item in built:
            items[item["id"]] = item
        return single(built)

    async def clear(self, call: Call) -> Response:
        self.items(call).clear()
        return no_content()

    def one(self, call: Call) -> Json:
        return _owned(call, self.items(call), f"scoping {self.kind}")

    async def find(self, call: Call) -> Response:
        return single(self.one(call))

    async def update(self, call: Call) -> Response:
        item = self.one(call)
        changed = self.build(call, call.json_object(), "the body", keep=copy.deepcopy(item))
        item.update(changed)
        return single(item)

    async def delete(self, call: Call) -> Response:
        del self.items(call)[self.one(call)["id"]]
        return no_content()


SCHOOLS = Scoping("school", ("school_id",), ("school_ref_id", "name", "local_id", "keywords"))
COURSES = Scoping(
    "course",
    ("course_id", "school_id"),
    ("course_ref_id", "school_ref_id", "name", "local_id", "keywords"),
)


# -- application ---------------------------------------------------------------------------


async def get_application(call: Call) -> Response:
    return single(call.state.world.applications[call.tenant_id])


async def update_application(call: Call) -> Response:
    application = call.state.world.applications[call.tenant_id]
    body = call.json_object()
    target = enum_field(body, "auth_state_pending", AUTH_STATES)
    if target is not None and target not in AUTH_STATES_SETTABLE:
        raise bad_request(
            f"auth_state_pending can only be set to 'confirmed' or 'error', got {shorten(target)}"
        )
    message = text_field(body, "auth_message")
    props = string_map_field(body, "auth_props_pending")
    if application["auth_state_pending"] != "updating":
        raise conflict(
            "the application can only be updated while auth_state_pending is 'updating'",
            details=f"auth_state_pending is {shorten(application['auth_state_pending'])}",
        )
    if target is not None:
        application["auth_state_pending"] = target
    if "auth_message" in body:
        application["auth_message"] = message
    if props is not None:
        application["auth_props_pending"] = props
    return no_content()


# -- rollovers -----------------------------------------------------------------------------


def _rollovers(call: Call) -> dict[str, Json]:
    return call.state.world.rollovers[call.tenant_id]


def _rollover(call: Call) -> Json:
    return _owned(call, _rollovers(call), "rollover")


def _span(rollover: Json) -> tuple[dt.datetime, dt.datetime]:
    return _moment(rollover["start_date"]), _moment(rollover["end_date"])


def _moment(text: str) -> dt.datetime:
    moment = parse_iso(text)
    if moment is None:
        raise bad_request(f"{shorten(text)} is not an RFC 3339 date-time")
    return moment


async def list_rollovers(call: Call) -> Response:
    items = list(_rollovers(call).values())
    sort = call.query("sort")
    if sort is not None:
        name = sort.removeprefix("-")
        if name not in ROLLOVER_SORT_FIELDS:
            raise bad_request(
                f"sort must be one of {', '.join(ROLLOVER_SORT_FIELDS)} (optionally with '-'), got {shorten(sort)}"
            )
        items.sort(key=lambda r: (r[name] is None, r[name] or ""), reverse=sort.startswith("-"))
    return call.page(items)


async def count_rollovers(call: Call) -> Response:
    return JSONResponse(len(_rollovers(call)))


def _rollover_fields(call: Call, body: Json, *, exclude: str | None) -> Json:
    start, end = datetime_field(body, "start_date"), datetime_field(body, "end_date")
    fields: Json = {"start_date": start, "end_date": end}
    begins, ends = _moment(start), _moment(end)
    if ends <= begins:
        raise bad_request(f"end_date {end} must be after start_date {start}")
    for other in _rollovers(call).values():
        if other["id"] == exclude or other["status"] in ("cancelled", "failed"):
            continue
        other_start, other_end = _span(other)
        if begins < other_end and other_start < ends:
            raise conflict(
                "the rollover overlaps another rollover",
                details=f"overlaps {shorten(other['name'])} ({other['id']})",
            )
    fields["type"] = enum_field(body, "type", ROLLOVER_TYPES) or "new_year"
    if "name" in body:
        fields["name"] = text_field(body, "name", nullable=True)
    status = enum_field(body, "status", ROLLOVER_STATUSES)
    if status is not None:
        fields["status"] = status
    for name in ("cloud_id", "actor_id"):
        if name in body:
            fields[name] = uuid_field(body, name)
    if "metadata" in body:
        fields["metadata"] = _rollover_metadata(body["metadata"])
    return fields


def _rollover_metadata(metadata: Any) -> Json:
    """Rollover metadata: an object whose ``created`` and ``updated`` are objects or null."""
    if not isinstance(metadata, dict):
        raise bad_request(f"metadata must be an object, got {shorten(metadata)}")
    for name in ("created", "updated"):
        value = metadata.get(name)
        if value is not None and not isinstance(value, dict):
            raise bad_request(f"metadata.{name} must be an object or null, got {shorten(value)}")
    return metadata


async def create_rollover(call: Call) -> Response:
    fields = _rollover_fields(call, call.json_object(), exclude=None)
    tenant = call.state.world.tenants[call.tenant_id]
    begins, _ = _span(fields)
    rollover = _new_resource(call, account_id=tenant["account"]["id"], tenant_id=call.tenant_id) | {
        "name": None,
        "metadata": {"created": {"by": "api"}, "updated": None},
        "status": "upcoming" if begins.timestamp() > call.state.now() else "active",
        "status_change_failure_count": 0,
        "failure_reason": None,
        "cloud_id": tenant["cloud"]["id"],
        "actor_id": tenant["actor_id"],
    }
    rollover.update(fields)
    _rollovers(call)[rollover["id"]] = rollover
    return single(rollover)


async def find_rollover(call: Call) -> Response:
    return single(_rollover(call))


async def update_rollover(call: Call) -> Response:
    rollover = _rollover(call)
    rollover.update(_rollover_fields(call, call.json_object(), exclude=rollover["id"]))
    rollover["metadata"] = dict(rollover.get("metadata") or {}) | {"updated": {"by": "api"}}
    _touch(rollover, call)
    return single(rollover)


async def delete_rollover(call: Call) -> Response:
    rollover = _rollover(call)
    if rollover["status"] == "active":
        raise conflict(
            "an active rollover cannot be deleted", details=f"rollover {rollover['id']} is active"
        )
    del _rollovers(call)[rollover["id"]]
    return no_content()


# -- schedules -----------------------------------------------------------------------------


def _schedules(call: Call) -> dict[str, Json]:
    return call.state.world.schedules[call.tenant_id]


def _schedule(call: Call) -> Json:
    return _owned(call, _schedules(call), "schedule")


async def list_schedules(call: Call) -> Response:
    return call.page(list(_schedules(call).values()))


async def count_schedules(call: Call) -> Response:
    return JSONResponse(len(_schedules(call)))


async def create_schedule(call: Call) -> Response:
    body = call.json_object()
    hour = int_field(body, "hour", low=0, high=23, required=True)
    extra = sorted(set(body) - {"hour"})
    if extra:
        raise bad_request(f"only hour may be given when creating a schedule, got {shorten(extra)}")
    if any(s["hour"] == hour and s["type"] == "collection" for s in _schedules(call).values()):
        raise conflict(f"a collection schedule at hour {hour} already exists")
    tenant = call.state.world.tenants[call.tenant_id]
    schedule = _new_resource(call, account_id=tenant["account"]["id"], tenant_id=call.tenant_id) | {
        "type": "collection",
        "last_executed_at": None,
        "enabled": True,
        "hour": hour,
        "days": None,
        "metadata": None,
    }
    _schedules(call)[schedule["id"]] = schedule
    return single(schedule)


async def find_schedule(call: Call) -> Response:
    return single(_schedule(call))


async def update_schedule(call: Call) -> Response:
    schedule = _schedule(call)
    body = call.json_object()
    enabled = bool_field(body, "enabled", required=True)
    extra = sorted(set(body) - {"enabled"})
    if extra:
        raise bad_request(f"only enabled may be updated, got {shorten(extra)}")
    schedule["enabled"] = enabled
    _touch(schedule, call)
    return no_content()


async def delete_schedule(call: Call) -> Response:
    del _schedules(call)[_schedule(call)["id"]]
    return no_content()


def _is_pending(ingestion: Json) -> bool:
    return bool(ingestion["has_pending_task"]) or ingestion["state"] in PENDING_INGESTION_STATES


async def run_schedule(call: Call) -> Response:
    schedule = _schedule(call)
    if call.body.strip():
        call.json_object()  # the body, when sent, must be a JSON object (its fields are unused)
    if schedule["type"] != "collection":
        raise bad_request(f"a {shorten(schedule['type'])} schedule cannot be run on demand")
    if not schedule["enabled"]:
        raise conflict("the schedule was not run", details="the schedule is paused")
    pending = [i for i in call.state.world.ingestions[call.tenant_id].values() if _is_pending(i)]
    if pending:
        raise conflict(
            "the schedule was not run", details=f"ingestion {pending[0]['id']} is pending"
        )
    tenant = call.state.world.tenants[call.tenant_id]
    ingestion = _new_resource(
        call, account_id=tenant["account"]["id"], tenant_id=call.tenant_id
    ) | {
        "type": "collection",
        "state": "scheduled",
        "started_at": None,
        "external_import_ids": [],
        "has_pending_task": True,
        "mass_change_details": [],
        "metadata": {"scheduled": {"schedule_id": schedule["id"], "on_demand": True}},
    }
    call.state.world.ingestions[call.tenant_id][ingestion["id"]] = ingestion
    schedule["last_executed_at"] = call.state.now_iso()
    return no_content()


# -- ingestions ----------------------------------------------------------------------------


def _ingestions(call: Call) -> list[Json]:
    world = call.state.world
    if call.principal.kind == ACTOR:
        return list(world.ingestions[call.tenant_id].values())
    return [i for per_tenant in world.ingestions.values() for i in per_tenant.values()]


async def list_ingestions(call: Call) -> Response:
    return call.page(_ingestions(call))


async def count_ingestions(call: Call) -> Response:
    return JSONResponse(len(_ingestions(call)))


async def find_ingestion(call: Call) -> Response:
    key = call.path_uuid()
    for ingestion in _ingestions(call):
        if ingestion["id"] == key:
            return single(ingestion)
    raise not_found("ingestion", key)


# -- the route table -----------------------------------------------------------------------

V2 = "/v2/interop"
_S, _C = f"{V2}/tenant/scoping/schools", f"{V2}/tenant/scoping/courses"

OPERATIONS: tuple[Operation, ...] = (
    Operation("GET", f"{V2}/actors", "listActors", DEVELOPER, list_actors),
    Operation("GET", f"{V2}/clouds", "listClouds", DEVELOPER, list_clouds),
    Operation("POST", f"{V2}/clouds", "createCloud", DEVELOPER, create_cloud),
    Operation("GET", f"{V2}/clouds/search", "searchClouds", DEVELOPER, search_clouds),
    Operation("GET", f"{V2}/clouds/{{id}}", "findCloud", DEVELOPER, find_cloud),
    Operation("DELETE", f"{V2}/clouds/{{id}}", "deleteCloud", DEVELOPER, delete_cloud),
    Operation("GET", f"{V2}/clouds/{{id}}/actors", "listActorsByCloud", DEVELOPER, list_actors_by_cloud),
    Operation("GET", f"{V2}/integrations", "listIntegrations", DEVELOPER, list_integrations),
    Operation("POST", f"{V2}/integrations", "createIntegration", DEVELOPER, create_integration),
    Operation("GET", f"{V2}/integrations/{{id}}", "findIntegration", DEVELOPER, find_integration),
    Operation("PATCH", f"{V2}/integrations/{{id}}", "updateIntegration", DEVELOPER, update_integration),
    Operation("DELETE", f"{V2}/integrations/{{id}}", "deleteIntegration", DEVELOPER, delete_integration),
    Operation("GET", f"{V2}/integrations/{{id}}/versions", "listIntegrationVersions", DEVELOPER, list_integration_versions),
    Operation("POST", f"{V2}/integrations/{{id}}/versions", "createIntegrationVersion", DEVELOPER, create_integration_version),
    Operation("PATCH", f"{V2}/integrations/{{id}}/versions/{{version}}", "updateIntegrationVersion", DEVELOPER, update_integration_version),
    Operation("DELETE", f"{V2}/integrations/{{id}}/versions/{{version}}", "deleteIntegrationVersion", DEVELOPER, delete_integration_version),
    Operation("PUT", f"{V2}/integrations/{{id}}/versions/{{version}}/blueprint", "updateIntegrationBlueprint", DEVELOPER, update_integration_blueprint),
    Operation("GET", f"{V2}/tenants", "listInteropTenants", DEVELOPER, list_tenants),
    Operation("GET", f"{V2}/tenants/{{id}}", "findInteropTenant", DEVELOPER, find_tenant),
    Operation("GET", f"{V2}/tenant", "getTenant", ACTOR, get_tenant),
    Operation("GET", f"{V2}/tenant/state", "getTenantState", ACTOR, get_tenant_state),
    Operation("GET", _S, "listScopingSchools", ACTOR, SCHOOLS.list),
    Operation("POST", _S, "createScopingSchools", ACTOR, SCHOOLS.create),
    Operation("DELETE", _S, "deleteScopingSchools", ACTOR, SCHOOLS.clear),
    Operation("GET", f"{_S}/{{id}}", "findScopingSchool", ACTOR, SCHOOLS.find),
    Operation("PUT", f"{_S}/{{id}}", "updateScopingSchool", ACTOR, SCHOOLS.update),
    Operation("DELETE", f"{_S}/{{id}}", "deleteScopingSchool", ACTOR, SCHOOLS.delete),
    Operation("GET", _C, "listScopingCourses", ACTOR, COURSES.list),
    Operation("POST", _C, "createScopingCourses", ACTOR, COURSES.create),
    Operation("DELETE", _C, "deleteScopingCourses", ACTOR, COURSES.clear),
    Operation("GET", f"{_C}/{{id}}", "findScopingCourse", ACTOR, COURSES.find),
    Operation("PUT", f"{_C}/{{id}}", "updateScopingCourse", ACTOR, COURSES.update),
    Operation("DELETE", f"{_C}/{{id}}", "deleteScopingCourse", ACTOR, COURSES.delete),
    Operation("GET", f"{V2}/tenant/application", "getTenantApplication", ACTOR, get_application),
    Operation("PATCH", f"{V2}/tenant/application", "updateTenantApplication", ACTOR, update_application),
    Operation("GET", f"{V2}/tenant/rollovers", "listRollovers", ACTOR, list_rollovers),
    Operation("POST", f"{V2}/tenant/rollovers", "createRollover", ACTOR, create_rollover),
    Operation("GET", f"{V2}/tenant/rollovers/count", "countRollovers", ACTOR, count_rollovers),
    Operation("GET", f"{V2}/tenant/rollovers/{{id}}", "findRollover", ACTOR, find_rollover),
    Operation("PUT", f"{V2}/tenant/rollovers/{{id}}", "updateRollover", ACTOR, update_rollover),
    Operation("DELETE", f"{V2}/tenant/rollovers/{{id}}", "deleteRollover", ACTOR, delete_rollover),
    Operation("GET", f"{V2}/tenant/schedules", "listSchedules", ACTOR, list_schedules),
    Operation("POST", f"{V2}/tenant/schedules", "createSchedule", ACTOR, create_schedule),
    Operation("GET", f"{V2}/tenant/schedules/count", "countSchedules", ACTOR, count_schedules),
    Operation("GET", f"{V2}/tenant/schedules/{{id}}", "findSchedule", ACTOR, find_schedule),
    Operation("PATCH", f"{V2}/tenant/schedules/{{id}}", "updateSchedule", ACTOR, update_schedule),
    Operation("DELETE", f"{V2}/tenant/schedules/{{id}}", "deleteSchedule", ACTOR, delete_schedule),
    Operation("POST", f"{V2}/tenant/schedules/{{id}}/run", "runSchedule", ACTOR, run_schedule),
    Operation("GET", f"{V2}/ingestions", "listIngestions", ANYONE, list_ingestions),
    Operation("GET", f"{V2}/ingestions/count", "countIngestions", ANYONE, count_ingestions),
    Operation("GET", f"{V2}/ingestions/{{id}}", "findIngestion", ANYONE, find_ingestion),
)  # fmt: skip
