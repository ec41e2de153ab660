"""Every command acting as a tenant (``tenant ...``, ``ingestions --tenant ...``) as a
subprocess, by tenant id, by exact name and with the tenant's own client credentials."""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from kimono_interop import InteropClient
from tests.cli.conftest import Cli, Served, as_json, dicts, masked, sdk_as_tenant, tenants_by_index

UPDATING = 1
"""The seed's tenant 1 (OAuth2): an application update pending, 4 schools, 3 courses, one
enabled collection schedule, no active rollover and no pending ingestion."""


def auth_form(auth: dict[str, Any]) -> dict[str, str]:
    """The client credentials of a tenant's ``auth``, as a token request's form fields."""
    return {"client_id": auth["client_id"], "client_secret": auth["client_secret"]}


def chains(*steps: Callable[[], None]) -> None:
    """Run independent sequences of commands side by side; re-raise the first failure."""
    with ThreadPoolExecutor(max_workers=3) as pool:
        for future in [pool.submit(step) for step in steps]:
            future.result()


def test_reads_match_the_sdk(cli: Cli, sandbox: Served) -> None:
    info = tenants_by_index(sandbox)[UPDATING]
    tid = str(info.id)

    async def expected(actor: InteropClient) -> dict[str, Any]:
        return {
            "info": await actor.tenant.get(),
            "state": await actor.tenant.state(),
            "application": await actor.tenant.application.get(),
            "schools": await actor.tenant.scoping.schools.list().collect(),
            "courses": await actor.tenant.scoping.courses.list().collect(),
            "rollovers": await actor.tenant.rollovers.list(sort="-start_date").collect(),
            "schedules": await actor.tenant.schedules.list().collect(),
            "ingestions": await actor.ingestions.list().collect(),
        }

    sdk_says = sdk_as_tenant(sandbox, tid, expected)
    schools, courses = sdk_says["schools"], sdk_says["courses"]
    rollovers, schedules = sdk_says["rollovers"], sdk_says["schedules"]
    ingestions = sdk_says["ingestions"]
    auth = info.to_dict()["auth"]
    token = httpx.post(
        sandbox.base_url + "/oauth/token",
        data={"grant_type": "client_credentials", **auth_form(auth)},
        timeout=10,
    ).json()["access_token"]
    tenant = ["tenant", "--tenant", tid]
    results = cli.many(
        ["tenant", "--tenant", info.name, "get", "--output", "json"],
        [*tenant, "state", "--output", "json"],
        [*tenant, "application", "get", "--output", "json", "--show-secrets"],
        [*tenant, "scoping", "schools", "list", "--output", "json"],
        [*tenant, "scoping", "schools", "get", str(schools[0].id), "--output", "json"],
        [*tenant, "scoping", "courses", "list", "--output", "jsonl"],
        [*tenant, "scoping", "courses", "get", str(courses[-1].id), "--output", "json"],
        [*tenant, "rollovers", "list", "--sort", "-start_date", "--output", "json"],
        [*tenant, "rollovers", "get", str(rollovers[0].id), "--output", "json"],
        [*tenant, "rollovers", "count"],
        [*tenant, "schedules", "list"],
        [*tenant, "schedules", "get", str(schedules[0].id), "--output", "json"],
        [*tenant, "schedules", "count", "--output", "csv"],
        ["ingestions", "--tenant", tid, "list", "--output", "json"],
        ["ingestions", "-t", tid, "count"],
        ["ingestions", "-t", tid, "get", str(ingestions[0].id), "--output", "json"],
        ["tenant", "--bearer-token", token, "state", "--output", "json"],
    )
    for result in results:
        result.ok()
    assert results[0].json() == masked(as_json(sdk_says["info"]))
    assert results[1].json() == as_json(sdk_says["state"])
    assert results[2].json() == as_json(sdk_says["application"])
    assert results[3].json() == dicts(schools)
    assert results[4].json() == as_json(schools[0])
    assert results[5].lines() == dicts(courses)
    assert results[6].json() == as_json(courses[-1])
    assert results[7].json() == dicts(rollovers)
    assert results[8].json() == as_json(rollovers[0])
    assert results[9].lines() == [{"count": len(rollovers)}]
    assert results[10].lines() == dicts(schedules)
    assert results[11].json() == as_json(schedules[0])
    assert results[12].out == f"count\n{len(schedules)}\n"
    assert results[13].json() == dicts(ingestions)
    assert results[14].lines() == [{"count": len(ingestions)}]
    assert results[15].json() == as_json(ingestions[0])
    assert results[16].json() == results[1].json()
    assert token not in results[16].out + results[16].err


def test_writes(cli: Cli, sandbox: Served, tmp_path: Path) -> None:
    tenants = tenants_by_index(sandbox)
    info = tenants[UPDATING]
    tid = str(info.id)
    cloud_id = str(info.to_dict()["cloud"]["id"])
    basic = next(t for t in tenants if str(t.to_dict()["auth"]["type"]) == "basic")
    oauth = info.to_dict()["auth"]
    by_client = ["tenant", "--client-id", oauth["client_id"], "--client-secret"]
    by_client.append(oauth["client_secret"])
    tenant = ["tenant", "-t", tid]

    def sdk_list(what: str) -> list[Any]:
        async def run(actor: InteropClient) -> list[Any]:
            namespace = getattr(actor.tenant.scoping, what)
            return list(await namespace.list().collect())

        return sdk_as_tenant(sandbox, tid, run)

    def schools() -> None:
        added = cli(
            *by_client, "scoping", "schools", "create", "--append", "--name", "B", "-o", "json"
        ).ok()
        [school] = added.json()
        assert school["name"] == "B"
        assert len(sdk_list("schools")) == 5
        updated = cli(
            *tenant,
            "scoping",
            "schools",
            "update",
            school["id"],
            "--json",
            '{"name": "B2", "selected": false}',
            "-o",
            "json",
        ).ok()
        assert (updated.json()["name"], updated.json()["selected"]) == ("B2", False)
        assert (
            cli(*tenant, "scoping", "schools", "delete", school["id"])
            .ok()
            .err.startswith("Deleted school")
        )
        assert len(sdk_list("schools")) == 4
        assert cli(*tenant, "scoping", "schools", "clear").ok().err == "Deleted every school.\n"
        assert sdk_list("schools") == []

    def courses() -> None:
        items = tmp_path / "courses.jsonl"
        items.write_text('{"name": "Algebra II"}\n{"name": "Poetry", "selected": false}\n')
        created = cli(*tenant, "scoping", "courses", "create", "--file", str(items), "-o", "json")
        names = [course["name"] for course in created.ok().json()]
        assert names == ["Algebra II", "Poetry"]
        assert [course.name for course in sdk_list("courses")] == names
        first = created.json()[0]["id"]
        renamed = cli(*tenant, "scoping", "courses", "update", first, "--name", "Algebra III")
        assert renamed.ok().lines()[0]["name"] == "Algebra III"
        cli(*tenant, "scoping", "courses", "delete", first).ok()
        cli(*tenant, "scoping", "courses", "clear").ok()
        assert sdk_list("courses") == []

    def rollovers() -> None:
        base = [*tenant, "rollovers"]
        target = ["--type", "new_year", "--cloud-id", cloud_id]
        created = cli(*base, "create", *target, "--status", "upcoming", "-o", "json")
        rollover = created.ok().json()
        assert (rollover["type"], rollover["status"]) == ("new_year", "upcoming")
        metadata = json.dumps({"created": {"by": "cli"}, "updated": None})
        updated = cli(
            *base,
            "update",
            rollover["id"],
            *target,
            "--status",
            "cancelled",
            "--metadata",
            metadata,
        )
        assert updated.ok().lines()[0]["status"] == "cancelled"
        assert updated.lines()[0]["metadata"]["created"] == {"by": "cli"}
        assert cli(*base, "delete", rollover["id"]).ok().err.startswith("Deleted rollover")
        assert cli(*base, "get", rollover["id"]).code == 4

    def schedules() -> None:
        base = [*tenant, "schedules"]
        schedule = cli(*base, "create", "--hour", "5", "-o", "json").ok().json()
        assert (schedule["hour"], schedule["enabled"]) == (5, True)
        assert cli(*base, "run", schedule["id"]).ok().err.startswith("Queued a run")
        assert cli(*base, "update", schedule["id"], "--disabled").ok().err.startswith("Paused")
        paused = cli(*base, "run", schedule["id"])
        assert paused.failed(5).startswith("kimono-interop tenant schedules run: error: 409")
        assert cli(*base, "delete", schedule["id"]).ok().err.startswith("Deleted schedule")
        remaining = sdk_as_tenant(sandbox, tid, lambda a: a.tenant.schedules.list().collect())
        assert schedule["id"] not in {str(s.id) for s in remaining}

    def application() -> None:
        base = [*tenant, "application", "update"]
        done = cli(
            *base,
            "--auth-state-pending",
            "confirmed",
            "--auth-message",
            "connected",
            "--auth-props-pending",
            "host=https://lms.example.edu",
        )
        assert done.ok().err == "Updated the tenant's application.\n"
        got = as_json(sdk_as_tenant(sandbox, tid, lambda a: a.tenant.application.get()))
        assert (got["auth_state_pending"], got["auth_message"]) == ("confirmed", "connected")
        assert got["auth_props_pending"] == {"host": "https://lms.example.edu"}
        again = cli(*base, "--auth-message", "again")
        assert again.failed(5).endswith("details: auth_state_pending is 'confirmed'")
        as_basic = cli("tenant", "--tenant", str(basic.id), "state", "-o", "json")
        assert set(as_basic.ok().json()) >= {"rollover_mode_enabled", "setup_mode_enabled"}

    chains(schools, courses, rollovers, schedules, application)
