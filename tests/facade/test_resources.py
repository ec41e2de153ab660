"""Every namespace over real loopback HTTP against the sandbox: envelopes unwrapped, models out."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

import pytest

from kimono_interop import (
    ApiKey,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InteropClient,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
)
from kimono_interop.models import (
    Actor,
    ActorAuth,
    Cloud,
    Ingestion,
    IntegrationVersion,
    ReleaseState,
    Rollover,
    Schedule,
    ScopingSchool,
    ScopingSchoolInput,
    TenantApplication,
    TenantInfo,
    TenantState,
    Unset,
)
from tests.facade.conftest import account_id, integration_name, tenant_of_type

BLUEPRINT = (
    '<IntegrationBlueprint version="{v}" title="Roster sync {v}"><Sync/></IntegrationBlueprint>'
)


async def test_clouds_list_search_get_create_delete(interop: InteropClient, sandbox: Any) -> None:
    clouds = await interop.clouds.list().collect()
    assert clouds
    assert all(isinstance(cloud, Cloud) for cloud in clouds)
    first = clouds[0]
    assert (await interop.clouds.get(first.id)).name == first.name
    assert isinstance(first.name, str)
    found = await interop.clouds.search(name=first.name).collect()
    assert [cloud.id for cloud in found] == [c.id for c in clouds if c.name == first.name]
    created = await interop.clouds.create(name="Shelbyville Sandbox", userdata="u-1", generation=3)
    assert (created.name, created.userdata, created.generation) == ("Shelbyville Sandbox", "u-1", 3)
    assert (await interop.clouds.get(str(created.id))).id == created.id
    await interop.clouds.delete(created.id)
    with pytest.raises(NotFoundError) as caught:
        await interop.clouds.get(created.id)
    assert caught.value.status_code == 404


async def test_cloud_actors_carry_credentials_only_when_asked(interop: InteropClient) -> None:
    cloud = (await interop.clouds.list().collect(limit=1))[0]
    plain = await interop.clouds.actors(cloud.id).collect()
    with_creds = await interop.clouds.actors(cloud.id, include_credentials=True).collect()
    assert plain
    assert all(isinstance(actor, Actor) for actor in plain)
    assert all(isinstance(actor.auth, Unset) for actor in plain)
    assert all(
        isinstance(actor.auth, ActorAuth) and actor.auth.client_secret for actor in with_creds
    )
    assert len(await interop.actors.list().collect()) >= len(plain)


async def test_integrations_and_versions(interop: InteropClient, tmp_path: Path) -> None:
    integration = await interop.integrations.create(name="attendance-bridge", title="Attendance")
    assert integration.name == "attendance-bridge"
    await interop.integrations.update(integration.id, title="Attendance Bridge")
    assert (await interop.integrations.get(integration.id)).title == "Attendance Bridge"
    named = await interop.integrations.list(name="attendance-bridge").collect()
    assert [i.id for i in named] == [integration.id]

    versions = interop.integrations.versions
    from_text = await versions.create(integration.id, BLUEPRINT.format(v="1.0.0"))
    from_bytes = await versions.create(integration.id, BLUEPRINT.format(v="1.1.0").encode())
    path = tmp_path / "blueprint.xml"
    path.write_text(BLUEPRINT.format(v="2.0.0"))
    from_path = await versions.create(integration.id, path)
    assert [v.version for v in (from_text, from_bytes, from_path)] == ["1.0.0", "1.1.0", "2.0.0"]
    assert all(isinstance(v, IntegrationVersion) for v in (from_text, from_bytes, from_path))
    with pytest.raises(ConflictError):
        await versions.create(integration.id, BLUEPRINT.format(v="1.0.0"))

    await versions.update(integration.id, "1.1.0", release_state=ReleaseState.RELEASED)
    listed = {v.version: v for v in await versions.list(integration.id).collect()}
    assert listed["1.1.0"].release_state == ReleaseState.RELEASED
    replaced = await versions.put_blueprint(integration.id, "2.0.0", BLUEPRINT.format(v="2.0.0"))
    assert replaced.version == "2.0.0"
    await versions.delete(integration.id, "1.0.0")
    assert "1.0.0" not in {v.version for v in await versions.list(integration.id).collect()}
    await interop.integrations.delete(integration.id)
    with pytest.raises(NotFoundError):
        await interop.integrations.get(integration.id)


@pytest.mark.tenants(130)
async def test_tenants_list_filters_and_get(interop: InteropClient) -> None:
    tenants = await interop.tenants.list().collect()
    assert len(tenants) >= 100
    assert len({t.id for t in tenants}) == len(tenants)
    one = tenants[0]
    assert isinstance(one, TenantInfo)
    assert (await interop.tenants.get(one.id)).name == one.name
    account = account_id(one)
    by_account = await interop.tenants.list(accounts=[account]).collect()
    assert by_account
    assert {account_id(t) for t in by_account} == {account}
    assert len(by_account) == len([t for t in tenants if account_id(t) == account])
    name = integration_name(one)
    by_integration = await interop.tenants.list(integrations=[name]).collect()
    assert by_integration
    assert {integration_name(t) for t in by_integration} == {name}


async def test_tenant_namespace_as_an_actor(interop: InteropClient) -> None:
    info = await tenant_of_type(interop, "oauth2")
    actor = interop.for_tenant(info)
    assert (await actor.tenant.get()).id == info.id
    assert isinstance(await actor.tenant.state(), TenantState)
    app = await actor.tenant.application.get()
    assert isinstance(app, TenantApplication)
    assert str(app.tenant_id) == str(info.id)
    ingestions = await actor.ingestions.list().collect()
    assert ingestions
    assert all(isinstance(i, Ingestion) for i in ingestions)
    assert await actor.ingestions.count() == len(ingestions)
    assert (await actor.ingestions.get(ingestions[0].id)).id == ingestions[0].id


async def test_scoping_schools_replace_append_update_delete(interop: InteropClient) -> None:
    actor = interop.for_tenant(await tenant_of_type(interop, "basic"))
    schools = actor.tenant.scoping.schools
    items = [
        {"school_id": str(uuid.UUID(int=n)), "name": f"School {n}", "selected": True}
        for n in (1, 2, 3)
    ]
    created = await schools.create(items, replace=True)
    assert [s.name for s in created] == ["School 1", "School 2", "School 3"]
    assert all(isinstance(s, ScopingSchool) for s in created)
    appended = await schools.create(
        [ScopingSchoolInput(name="School 4", selected=False)], replace=False
    )
    assert len(appended) == 1
    listed = await schools.list().collect()
    assert sorted(str(s.name) for s in listed) == ["School 1", "School 2", "School 3", "School 4"]
    target = listed[0]
    updated = await schools.update(target.id, {"name": "Renamed", "selected": False})
    assert (updated.name, (await schools.get(target.id)).name) == ("Renamed", "Renamed")
    await schools.delete(target.id)
    with pytest.raises(NotFoundError):
        await schools.get(target.id)
    await schools.clear()
    assert await schools.list().collect() == []


async def test_scoping_courses_round_trip(interop: InteropClient) -> None:
    courses = interop.for_tenant(await tenant_of_type(interop, "oauth2")).tenant.scoping.courses
    created = await courses.create([{"name": "Algebra I", "course_ref_id": "ALG1"}])
    assert [c.course_ref_id for c in created] == ["ALG1"]
    assert [c.name for c in await courses.list().collect()] == ["Algebra I"]
    await courses.clear()
    assert await courses.list().collect() == []


async def test_rollovers_rules(interop: InteropClient) -> None:
    """Tenant 3 of the seed has an active rollover (seeded tenants n % 7 == 3 do)."""
    info = (await interop.tenants.list().collect(limit=4))[3]
    rollovers = interop.for_tenant(info).tenant.rollovers
    assert info.cloud
    cloud = info.cloud.id
    seeded = await rollovers.list().collect()
    (active,) = [r for r in seeded if r.status == "active"]
    with pytest.raises(ConflictError) as second_active:
        await rollovers.create(type="new_year", status="active", cloud_id=cloud)
    assert "alreadyInRolloverMode" in str(second_active.value.details)
    with pytest.raises(ConflictError):
        await rollovers.delete(active.id)

    before = await rollovers.count()
    created = await rollovers.create(type="new_year", status="upcoming", cloud_id=cloud)
    assert isinstance(created, Rollover)
    assert (created.type_, created.status) == ("new_year", "upcoming")
    assert (created.start_date.month, created.start_date.day) == (7, 1)  # the service's rule
    assert created.end_date - created.start_date == dt.timedelta(days=14)
    assert created.name == f"New Year {created.start_date.year}"
    assert await rollovers.count() == before + 1
    latest = (await rollovers.list(sort="-start_date").collect())[0]
    assert latest.id == created.id

    cancelled = await rollovers.update(
        created.id, type="new_year", status="cancelled", cloud_id=cloud
    )
    assert cancelled.status == "cancelled"
    await rollovers.delete(created.id)
    assert await rollovers.count() == before
    with pytest.raises(NotFoundError):
        await rollovers.get(created.id)


async def test_schedules_rules(interop: InteropClient, sandbox: Any) -> None:
    info = await tenant_of_type(interop, "basic")
    schedules = interop.for_tenant(info).tenant.schedules
    used = {s.hour for s in await schedules.list().collect()}
    hour = next(h for h in range(24) if h not in used)
    created = await schedules.create(hour=hour)
    assert isinstance(created, Schedule)
    assert (created.hour, created.type_, created.enabled) == (hour, "collection", True)
    with pytest.raises(ConflictError):
        await schedules.create(hour=hour)
    await schedules.update(created.id, enabled=False)
    assert (await schedules.get(created.id)).enabled is False
    with pytest.raises(ConflictError) as paused:
        await schedules.run(created.id)
    assert paused.value.details == "the schedule is paused"
    await schedules.update(created.id, enabled=True)
    count_before = await schedules.count()
    await schedules.delete(created.id)
    assert await schedules.count() == count_before - 1


async def test_a_schedule_runs_once_then_conflicts_on_the_pending_ingestion(
    interop: InteropClient,
) -> None:
    async for info in interop.tenants.list():
        schedules = interop.for_tenant(info).tenant.schedules
        runnable = [
            s for s in await schedules.list().collect() if s.type_ == "collection" and s.enabled
        ]
        if not runnable:
            continue
        try:
            await schedules.run(runnable[0].id)
        except ConflictError:
            continue
        with pytest.raises(ConflictError):
            await schedules.run(runnable[0].id)
        return
    pytest.fail("no tenant could run a schedule")


async def test_unspecified_schedule_cannot_run_on_demand(interop: InteropClient) -> None:
    async for info in interop.tenants.list():
        schedules = interop.for_tenant(info).tenant.schedules
        for schedule in await schedules.list().collect():
            if schedule.type_ != "collection":
                with pytest.raises(BadRequestError):
                    await schedules.run(schedule.id)
                return
    pytest.fail("the sandbox seeds no schedule that cannot run on demand")


async def test_application_update_workflow(interop: InteropClient) -> None:
    async for info in interop.tenants.list():
        actor = interop.for_tenant(info)
        app = await actor.tenant.application.get()
        if app.auth_state_pending != "updating":
            continue
        with pytest.raises(InvalidArgumentError, match="auth_state_pending"):
            await actor.tenant.application.update(auth_state_pending="updating")
        await actor.tenant.application.update(
            auth_state_pending="confirmed", auth_message="Connected", auth_props_pending={"k": "v"}
        )
        after = await actor.tenant.application.get()
        assert after.auth_state_pending == "confirmed"
        with pytest.raises(ConflictError):
            await actor.tenant.application.update(auth_state_pending="error")
        return
    pytest.fail("the sandbox seeds no tenant in the 'updating' state")


async def test_wrong_scope_and_wrong_key(interop: InteropClient, sandbox: Any) -> None:
    with pytest.raises(PermissionDeniedError):
        await interop.tenant.get()
    actor = interop.for_tenant(await tenant_of_type(interop, "basic"))
    with pytest.raises(PermissionDeniedError):
        await actor.clouds.list().collect()
    wrong = interop.with_auth(ApiKey("not-the-key"))
    with pytest.raises(AuthenticationError) as caught:
        await wrong.clouds.list().collect()
    assert "not-the-key" not in str(caught.value)
    assert caught.value.code
