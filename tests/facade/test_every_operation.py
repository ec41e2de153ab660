"""Every operation of the API, through the SDK, against the sandbox: one step per operation.

:data:`STEPS` names the operation each step sends; the step runs it through the facade and the
test checks the sandbox served exactly that operation. The contributing checklist test
(``tests/spec/test_contract.py``) checks that STEPS covers every operation of the spec, so an
operation added to the spec, generated and served but never called from the facade fails.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from kimono_interop import InteropClient
from kimono_interop.models import TenantInfo
from kimono_interop.sandbox import SandboxHandle

BLUEPRINT = '<IntegrationBlueprint version="{v}" title="Walk {v}"><Sync/></IntegrationBlueprint>'


@dataclass
class Walk:
    """What the steps share: the clients and the ids they create."""

    interop: InteropClient
    actor: InteropClient
    info: TenantInfo
    ids: dict[str, Any] = field(default_factory=dict)


Step = tuple[str, Callable[[Walk], Awaitable[Any]]]


async def _create_cloud(w: Walk) -> None:
    w.ids["cloud"] = (await w.interop.clouds.create(name="Walk Cloud", generation=3)).id


async def _create_integration(w: Walk) -> None:
    w.ids["integration"] = (await w.interop.integrations.create(name="walk-sync")).id


async def _create_school(w: Walk) -> None:
    schools = await w.actor.tenant.scoping.schools.create([{"name": "Walk School"}])
    w.ids["school"] = schools[0].id


async def _create_course(w: Walk) -> None:
    courses = await w.actor.tenant.scoping.courses.create([{"name": "Walk Course"}])
    w.ids["course"] = courses[0].id


async def _create_rollover(w: Walk) -> None:
    assert w.info.cloud
    rollover = await w.actor.tenant.rollovers.create(
        type="new_year", status="upcoming", cloud_id=w.info.cloud.id
    )
    w.ids["rollover"] = rollover.id


async def _update_rollover(w: Walk) -> None:
    assert w.info.cloud
    await w.actor.tenant.rollovers.update(
        w.ids["rollover"], type="new_year", status="cancelled", cloud_id=w.info.cloud.id
    )


async def _list_schedules(w: Walk) -> None:
    used = {s.hour for s in await w.actor.tenant.schedules.list().collect()}
    w.ids["free_hour"] = next(h for h in range(24) if h not in used)


async def _create_schedule(w: Walk) -> None:
    schedule = await w.actor.tenant.schedules.create(hour=w.ids["free_hour"])
    w.ids["schedule"] = schedule.id


async def _first_ingestion(w: Walk) -> None:
    ingestions = await w.actor.ingestions.list().collect()
    assert ingestions
    w.ids["ingestion"] = ingestions[0].id


STEPS: tuple[Step, ...] = (
    ("listActors", lambda w: w.interop.actors.list().collect()),
    ("listClouds", lambda w: w.interop.clouds.list().collect()),
    ("createCloud", _create_cloud),
    ("searchClouds", lambda w: w.interop.clouds.search(name="Walk Cloud").collect()),
    ("findCloud", lambda w: w.interop.clouds.get(w.ids["cloud"])),
    ("listActorsByCloud", lambda w: w.interop.clouds.actors(w.ids["cloud"]).collect()),
    ("deleteCloud", lambda w: w.interop.clouds.delete(w.ids["cloud"])),
    ("listIntegrations", lambda w: w.interop.integrations.list().collect()),
    ("createIntegration", _create_integration),
    ("findIntegration", lambda w: w.interop.integrations.get(w.ids["integration"])),
    ("updateIntegration", lambda w: w.interop.integrations.update(w.ids["integration"], title="Walk")),
    ("createIntegrationVersion", lambda w: w.interop.integrations.versions.create(w.ids["integration"], BLUEPRINT.format(v="1.0"))),
    ("listIntegrationVersions", lambda w: w.interop.integrations.versions.list(w.ids["integration"]).collect()),
    ("updateIntegrationVersion", lambda w: w.interop.integrations.versions.update(w.ids["integration"], "1.0", release_state="beta")),
    ("updateIntegrationBlueprint", lambda w: w.interop.integrations.versions.put_blueprint(w.ids["integration"], "1.0", BLUEPRINT.format(v="1.0"))),
    ("deleteIntegrationVersion", lambda w: w.interop.integrations.versions.delete(w.ids["integration"], "1.0")),
    ("deleteIntegration", lambda w: w.interop.integrations.delete(w.ids["integration"])),
    ("listInteropTenants", lambda w: w.interop.tenants.list().collect()),
    ("findInteropTenant", lambda w: w.interop.tenants.get(w.info.id)),
    ("oauthToken", lambda w: w.actor.tenant.get()),
    ("getTenant", lambda w: w.actor.tenant.get()),
    ("getTenantState", lambda w: w.actor.tenant.state()),
    ("createScopingSchools", _create_school),
    ("listScopingSchools", lambda w: w.actor.tenant.scoping.schools.list().collect()),
    ("findScopingSchool", lambda w: w.actor.tenant.scoping.schools.get(w.ids["school"])),
    ("updateScopingSchool", lambda w: w.actor.tenant.scoping.schools.update(w.ids["school"], {"name": "Renamed", "selected": False})),
    ("deleteScopingSchool", lambda w: w.actor.tenant.scoping.schools.delete(w.ids["school"])),
    ("deleteScopingSchools", lambda w: w.actor.tenant.scoping.schools.clear()),
    ("createScopingCourses", _create_course),
    ("listScopingCourses", lambda w: w.actor.tenant.scoping.courses.list().collect()),
    ("findScopingCourse", lambda w: w.actor.tenant.scoping.courses.get(w.ids["course"])),
    ("updateScopingCourse", lambda w: w.actor.tenant.scoping.courses.update(w.ids["course"], {"name": "Renamed"})),
    ("deleteScopingCourse", lambda w: w.actor.tenant.scoping.courses.delete(w.ids["course"])),
    ("deleteScopingCourses", lambda w: w.actor.tenant.scoping.courses.clear()),
    ("getTenantApplication", lambda w: w.actor.tenant.application.get()),
    ("updateTenantApplication", lambda w: w.actor.tenant.application.update(auth_state_pending="confirmed", auth_message="walked")),
    ("createRollover", _create_rollover),
    ("listRollovers", lambda w: w.actor.tenant.rollovers.list(sort="-start_date").collect()),
    ("countRollovers", lambda w: w.actor.tenant.rollovers.count()),
    ("findRollover", lambda w: w.actor.tenant.rollovers.get(w.ids["rollover"])),
    ("updateRollover", _update_rollover),
    ("deleteRollover", lambda w: w.actor.tenant.rollovers.delete(w.ids["rollover"])),
    ("listSchedules", _list_schedules),
    ("createSchedule", _create_schedule),
    ("countSchedules", lambda w: w.actor.tenant.schedules.count()),
    ("findSchedule", lambda w: w.actor.tenant.schedules.get(w.ids["schedule"])),
    ("updateSchedule", lambda w: w.actor.tenant.schedules.update(w.ids["schedule"], enabled=True)),
    ("runSchedule", lambda w: w.actor.tenant.schedules.run(w.ids["schedule"])),
    ("deleteSchedule", lambda w: w.actor.tenant.schedules.delete(w.ids["schedule"])),
    ("listIngestions", _first_ingestion),
    ("countIngestions", lambda w: w.actor.ingestions.count()),
    ("findIngestion", lambda w: w.actor.ingestions.get(w.ids["ingestion"])),
)  # fmt: skip
"""(the operation a step sends, the step), in an order where each step's ids exist."""

OPERATIONS_WALKED = frozenset(operation for operation, _ in STEPS)


async def test_every_operation_goes_through_the_sdk(
    interop: InteropClient, sandbox: SandboxHandle
) -> None:
    # Seeded tenant 1 (see the sandbox's seeding): OAuth2 credentials, so the token endpoint is
    # part of the walk; a pending application update; no pending ingestion, so a run can start.
    info = (await interop.tenants.list().collect(limit=2))[1]
    assert info.auth
    assert str(info.auth.type_) == "oauth2"
    walk = Walk(interop, interop.for_tenant(info), info)
    sandbox.reset_counters()  # the actor has no token yet: its first call (the oauthToken step) fetches it
    for operation, step in STEPS:
        before = dict(sandbox.counters)
        await step(walk)
        served = {op for op, n in sandbox.counters.items() if n > before.get(op, 0)}
        if operation == "oauthToken":
            assert "oauthToken" in served, served
        else:
            assert operation in served, (operation, served)
            assert served <= {operation, "oauthToken"}, (operation, served)
    assert uuid.UUID(str(walk.ids["cloud"]))
