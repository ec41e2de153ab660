"""The documented rules: rollovers, schedules, the tenant application, scoping, input checks and
blueprints. Every response passes through the spec validator (the `http` fixture).

Seeded tenants by index n: n % 7 == 3 has an active 2025 rollover; n % 4 == 1 has a pending
application update ('updating'); n % 6 == 5 has a paused collection schedule; n % 4 == 0 has a
schedule of type 'unspecified'; n % 9 == 0 has a pending ingestion; the collection schedule's
hour is 2 + n % 5.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from kimono_interop.sandbox import SandboxHandle
from tests.sandbox.conftest import (
    Json,
    SpecChecker,
    actor,
    data_of,
    developer,
    error_body,
    page_of,
    tenant,
)

V2 = "/v2/interop"
ROLLOVERS = f"{V2}/tenant/rollovers"
SCHEDULES = f"{V2}/tenant/schedules"
APPLICATION = f"{V2}/tenant/application"
XML = {"content-type": "application/xml"}


def span(start: str, end: str, **extra: Any) -> Json:
    """A rollover request body."""
    return {"start_date": start, "end_date": end, **extra}


# -- rollovers -----------------------------------------------------------------------------


async def test_rollovers_may_not_overlap_on_create_or_update(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    me = actor(sandbox, 3)
    seeded = page_of(await http.get(ROLLOVERS, auth=me))
    by_status = {r["status"]: r for r in seeded}
    active, upcoming = by_status["active"], by_status["upcoming"]

    for existing in (active, upcoming):
        clash = error_body(
            await http.post(
                ROLLOVERS, auth=me, json=span(existing["start_date"], existing["end_date"])
            ),
            409,
        )
        assert existing["id"] in str(clash["details"])
    inside = error_body(
        await http.post(
            ROLLOVERS,
            auth=me,
            json=span(active["start_date"], "2099-01-01T00:00:00Z", name="spans two years"),
        ),
        409,
    )
    assert "overlap" in inside["message"]
    assert (await http.get(f"{ROLLOVERS}/count", auth=me)).json() == len(seeded)

    created = data_of(
        await http.post(
            ROLLOVERS, auth=me, json=span("2099-07-01T00:00:00Z", "2099-07-15T00:00:00Z")
        )
    )
    assert created["status"] == "upcoming"
    own = f"{ROLLOVERS}/{created['id']}"

    moved_onto = error_body(
        await http.put(own, auth=me, json=span(upcoming["start_date"], upcoming["end_date"])),
        409,
    )
    assert upcoming["id"] in str(moved_onto["details"])
    unchanged = data_of(await http.get(own, auth=me))
    assert unchanged["start_date"] == "2099-07-01T00:00:00Z"

    # overlapping only its own former span is fine (an update excludes itself)
    shifted = data_of(
        await http.put(own, auth=me, json=span("2099-07-05T00:00:00Z", "2099-07-20T00:00:00Z"))
    )
    assert (shifted["start_date"], shifted["end_date"]) == (
        "2099-07-05T00:00:00Z",
        "2099-07-20T00:00:00Z",
    )

    # a cancelled rollover no longer blocks its span
    cancelled = data_of(
        await http.put(
            own,
            auth=me,
            json=span("2099-07-05T00:00:00Z", "2099-07-20T00:00:00Z", status="cancelled"),
        )
    )
    assert cancelled["status"] == "cancelled"
    again = await http.post(
        ROLLOVERS, auth=me, json=span("2099-07-06T00:00:00Z", "2099-07-08T00:00:00Z")
    )
    assert data_of(again)["status"] == "upcoming"


async def test_an_active_rollover_cannot_be_deleted(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    me = actor(sandbox, 3)
    seeded = page_of(await http.get(ROLLOVERS, auth=me))
    active = next(r for r in seeded if r["status"] == "active")
    upcoming = next(r for r in seeded if r["status"] == "upcoming")
    state = data_of(await http.get(f"{V2}/tenant/state", auth=me))
    assert state["rollover_mode_enabled"] is True

    refused = error_body(await http.delete(f"{ROLLOVERS}/{active['id']}", auth=me), 409)
    assert "active" in refused["message"]
    assert active["id"] in str(refused["details"])
    assert data_of(await http.get(f"{ROLLOVERS}/{active['id']}", auth=me)) == active

    assert (await http.delete(f"{ROLLOVERS}/{upcoming['id']}", auth=me)).status_code == 204
    error_body(await http.get(f"{ROLLOVERS}/{upcoming['id']}", auth=me), 404)
    error_body(await http.delete(f"{ROLLOVERS}/{upcoming['id']}", auth=me), 404)
    assert (await http.get(f"{ROLLOVERS}/count", auth=me)).json() == len(seeded) - 1

    # a tenant without an active rollover is not in rollover mode
    other = data_of(await http.get(f"{V2}/tenant/state", auth=actor(sandbox, 1)))
    assert other["rollover_mode_enabled"] is False


async def test_rollover_input_is_checked(sandbox: SandboxHandle, http: httpx.AsyncClient) -> None:
    me = actor(sandbox, 1)
    cases: list[tuple[Json, tuple[str, ...]]] = [
        (
            span("2099-01-01T00:00:00Z", "2099-01-05T00:00:00Z", type="old_year"),
            ("type", "old_year"),
        ),
        (span("2099-01-01T00:00:00Z", "2099-01-05T00:00:00Z", status="done"), ("status", "done")),
        (span("yesterday", "2099-01-05T00:00:00Z"), ("start_date", "yesterday")),
        (span("2099-01-01T00:00:00", "2099-01-05T00:00:00Z"), ("start_date", "timezone")),
        ({"end_date": "2099-01-05T00:00:00Z"}, ("start_date",)),
        (span("2099-01-05T00:00:00Z", "2099-01-01T00:00:00Z"), ("end_date", "after")),
        (span("2099-01-01T00:00:00Z", "2099-01-05T00:00:00Z", cloud_id="c-1"), ("cloud_id",)),
        (span("2099-01-01T00:00:00Z", "2099-01-05T00:00:00Z", metadata=[]), ("metadata",)),
    ]
    for body, words in cases:
        message = error_body(await http.post(ROLLOVERS, auth=me, json=body), 400)["message"]
        assert all(word in message for word in words), (body, message)
    seeded = list(sandbox.state.world.rollovers[tenant(sandbox, 1)["id"]])
    assert (await http.get(f"{ROLLOVERS}/count", auth=me)).json() == len(seeded)


async def test_rollovers_sort(sandbox: SandboxHandle, http: httpx.AsyncClient) -> None:
    me = actor(sandbox, 4)  # n % 5 == 4: completed 2024 and upcoming 2026
    for name in ("2030 new year", "2028 new year"):
        year = name[:4]
        made = await http.post(
            ROLLOVERS,
            auth=me,
            json=span(f"{year}-07-01T00:00:00Z", f"{year}-07-09T00:00:00Z", name=name),
        )
        assert data_of(made)["name"] == name
    ascending = page_of(await http.get(ROLLOVERS, auth=me, params={"sort": "start_date"}))
    starts = [r["start_date"] for r in ascending]
    assert starts == sorted(starts)
    assert len(starts) == 4
    descending = page_of(await http.get(ROLLOVERS, auth=me, params={"sort": "-name"}))
    names = [r["name"] for r in descending]
    assert names == sorted(names, reverse=True)
    bogus = error_body(await http.get(ROLLOVERS, auth=me, params={"sort": "bogus"}), 400)
    assert "sort" in bogus["message"]
    assert "bogus" in bogus["message"]


# -- schedules -----------------------------------------------------------------------------


async def test_schedule_create_takes_only_an_hour(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    me = actor(sandbox, 1)  # a collection schedule at hour 3
    made = data_of(await http.post(SCHEDULES, auth=me, json={"hour": 0}))
    assert (made["hour"], made["type"], made["enabled"]) == (0, "collection", True)
    made = data_of(await http.post(SCHEDULES, auth=me, json={"hour": 23}))
    assert made["hour"] == 23

    cases: list[tuple[Json, tuple[str, ...]]] = [
        ({"hour": 8, "enabled": False}, ("enabled",)),
        ({"hour": 8, "days": "MON", "type": "collection"}, ("days", "type")),
        ({"hour": 24}, ("hour", "24")),
        ({"hour": -1}, ("hour", "-1")),
        ({"hour": "8"}, ("hour", "integer")),
        ({"hour": True}, ("hour", "integer")),
        ({}, ("hour", "required")),
    ]
    for body, words in cases:
        message = error_body(await http.post(SCHEDULES, auth=me, json=body), 400)["message"]
        assert all(word in message for word in words), (body, message)

    for hour in (3, 0):  # the seeded one, and one made above
        duplicate = error_body(await http.post(SCHEDULES, auth=me, json={"hour": hour}), 409)
        assert f"hour {hour}" in duplicate["message"]
    assert (await http.get(f"{SCHEDULES}/count", auth=me)).json() == 3


async def test_schedule_update_takes_only_enabled(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    me = actor(sandbox, 1)
    schedule = page_of(await http.get(SCHEDULES, auth=me))[0]
    path = f"{SCHEDULES}/{schedule['id']}"
    cases: list[tuple[Json, tuple[str, ...]]] = [
        ({"enabled": False, "hour": 4}, ("hour",)),
        ({"hour": 4}, ("enabled",)),
        ({"enabled": "no"}, ("enabled", "'no'")),
        ({}, ("enabled", "required")),
    ]
    for body, words in cases:
        message = error_body(await http.patch(path, auth=me, json=body), 400)["message"]
        assert all(word in message for word in words), (body, message)
    assert data_of(await http.get(path, auth=me)) == schedule

    assert (await http.patch(path, auth=me, json={"enabled": False})).status_code == 204
    paused = data_of(await http.get(path, auth=me))
    assert paused["enabled"] is False
    assert paused["hour"] == schedule["hour"]
    assert (await http.delete(path, auth=me)).status_code == 204
    error_body(await http.get(path, auth=me), 404)
    assert (await http.get(f"{SCHEDULES}/count", auth=me)).json() == 0


async def test_running_a_schedule(sandbox: SandboxHandle, http: httpx.AsyncClient) -> None:
    me = actor(sandbox, 1)
    schedule = page_of(await http.get(SCHEDULES, auth=me))[0]
    run = f"{SCHEDULES}/{schedule['id']}/run"

    # paused: 409 with details
    await http.patch(f"{SCHEDULES}/{schedule['id']}", auth=me, json={"enabled": False})
    paused = error_body(await http.post(run, auth=me, json={}), 409)
    assert "paused" in str(paused["details"])
    await http.patch(f"{SCHEDULES}/{schedule['id']}", auth=me, json={"enabled": True})

    before = (await http.get(f"{V2}/ingestions/count", auth=me)).json()
    first = await http.post(run, auth=me, json={})
    assert first.status_code == 204
    state = data_of(await http.get(f"{V2}/tenant/state", auth=me))
    assert state["mass_change_pending"] is True
    assert (await http.get(f"{V2}/ingestions/count", auth=me)).json() == before + 1
    ran = data_of(await http.get(f"{SCHEDULES}/{schedule['id']}", auth=me))
    assert ran["last_executed_at"] != schedule["last_executed_at"]

    second = error_body(await http.post(run, auth=me), 409)  # no body is fine too
    assert "pending" in str(second["details"])
    assert (await http.get(f"{V2}/ingestions/count", auth=me)).json() == before + 1

    error_body(await http.post(run, auth=me, json=[1]), 400)  # a body must be an object


async def test_run_refusals_from_the_seed(
    sandbox: SandboxHandle, http: httpx.AsyncClient, checker: SpecChecker
) -> None:
    # tenant 0: an 'unspecified' schedule cannot run on demand; its collection one has a
    # pending ingestion from the seed
    zero = actor(sandbox, 0)
    schedules = page_of(await http.get(SCHEDULES, auth=zero))
    kinds = {s["type"]: s for s in schedules}
    other = error_body(
        await http.post(f"{SCHEDULES}/{kinds['unspecified']['id']}/run", auth=zero, json={}), 400
    )
    assert "unspecified" in other["message"]
    pending = error_body(
        await http.post(f"{SCHEDULES}/{kinds['collection']['id']}/run", auth=zero, json={}), 409
    )
    assert "pending" in str(pending["details"])

    # tenant 5: its collection schedule is paused from the seed
    five = actor(sandbox, 5)
    (paused,) = page_of(await http.get(SCHEDULES, auth=five))
    assert paused["enabled"] is False
    refused = error_body(await http.post(f"{SCHEDULES}/{paused['id']}/run", auth=five), 409)
    assert refused["details"] == "the schedule is paused"
    assert checker.statuses("runSchedule") == {400, 409}


# -- the tenant application ----------------------------------------------------------------


async def test_application_updates_only_while_updating(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    me = actor(sandbox, 1)
    before = data_of(await http.get(APPLICATION, auth=me))
    assert before["auth_state_pending"] == "updating"
    for target in ("updating", "unspecified", "bogus"):
        message = error_body(
            await http.patch(APPLICATION, auth=me, json={"auth_state_pending": target}), 400
        )["message"]
        assert "auth_state_pending" in message
        assert target in message
    wrong_types: list[Json] = [{"auth_message": 5}, {"auth_props_pending": {"host": 1}}]
    for body in wrong_types:
        message = error_body(await http.patch(APPLICATION, auth=me, json=body), 400)["message"]
        assert next(iter(body)) in message
    assert data_of(await http.get(APPLICATION, auth=me)) == before

    change = {
        "auth_state_pending": "confirmed",
        "auth_message": "all good",
        "auth_props_pending": {"host": "https://new.example.edu"},
    }
    assert (await http.patch(APPLICATION, auth=me, json=change)).status_code == 204
    after = data_of(await http.get(APPLICATION, auth=me))
    assert {k: after[k] for k in change} == change

    closed = error_body(
        await http.patch(APPLICATION, auth=me, json={"auth_state_pending": "error"}), 409
    )
    assert "updating" in closed["message"]
    assert "confirmed" in str(closed["details"])

    # tenant 5 is updating too and may go to 'error'; tenant 0 is not updating at all
    five = actor(sandbox, 5)
    patched = await http.patch(APPLICATION, auth=five, json={"auth_state_pending": "error"})
    assert patched.status_code == 204
    assert data_of(await http.get(APPLICATION, auth=five))["auth_state_pending"] == "error"
    idle = error_body(
        await http.patch(APPLICATION, auth=actor(sandbox, 0), json={"auth_message": "x"}), 409
    )
    assert "unspecified" in str(idle["details"])


# -- scoping -------------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "ref"), [("schools", "school_id"), ("courses", "course_id")])
async def test_scoping_bulk_create_replace_append_and_delete(
    kind: str, ref: str, sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    me = actor(sandbox, 1)
    base = f"{V2}/tenant/scoping/{kind}"

    async def ids() -> list[str]:
        return [i["id"] for i in page_of(await http.get(base, auth=me))]

    replaced = data_of(
        await http.post(
            base, auth=me, params={"replace": "true"}, json={"data": [{"name": "A"}, {"name": "B"}]}
        )
    )
    assert [i["name"] for i in replaced] == ["A", "B"]
    assert await ids() == [i["id"] for i in replaced]

    appended = data_of(
        await http.post(
            base,
            auth=me,
            params={"replace": "false"},
            json={"data": [{"name": "C", "local_id": "9", "selected": False}]},
        )
    )
    (c,) = appended
    assert (c["name"], c["local_id"], c["selected"]) == ("C", "9", False)
    assert await ids() == [replaced[0]["id"], replaced[1]["id"], c["id"]]

    # a failing bulk create changes nothing
    failures: list[tuple[Json, str]] = [
        ({"data": {"name": "D"}}, "data must be a list"),
        ({"data": [{"name": "D"}, {"local_id": "1"}]}, "data[1].name is required"),
        ({"data": [{"name": "D", ref: "nope"}]}, ref),
        ({"data": [{"name": "D", "selected": "yes"}]}, "selected"),
        ({"data": [{"name": 7}]}, "name"),
        ({"data": ["D"]}, "data[0] must be an object"),
    ]
    for body, words in failures:
        message = error_body(await http.post(base, auth=me, json=body), 400)["message"]
        assert words in message, (body, message)
    bad_flag = error_body(
        await http.post(base, auth=me, params={"replace": "maybe"}, json={"data": []}), 400
    )
    assert "replace" in bad_flag["message"]
    assert len(await ids()) == 3

    item = f"{base}/{c['id']}"
    assert data_of(await http.get(item, auth=me)) == c
    updated = data_of(await http.put(item, auth=me, json={"name": "C2", "keywords": "k"}))
    assert (updated["id"], updated["name"], updated["keywords"], updated[ref]) == (
        c["id"],
        "C2",
        "k",
        c[ref],
    )
    assert data_of(await http.get(item, auth=me))["name"] == "C2"
    assert (await http.delete(item, auth=me)).status_code == 204
    error_body(await http.get(item, auth=me), 404)
    error_body(await http.delete(item, auth=me), 404)
    error_body(await http.put(item, auth=me, json={"name": "gone"}), 404)
    assert "not-a-uuid" in error_body(await http.get(f"{base}/not-a-uuid", auth=me), 404)["message"]

    defaulted = data_of(await http.post(base, auth=me, json={"data": [{"name": "Only"}]}))
    assert await ids() == [defaulted[0]["id"]]  # replace defaults to true

    assert (await http.delete(base, auth=me)).status_code == 204
    assert await ids() == []
    # another tenant's scoping is untouched
    assert page_of(await http.get(base, auth=actor(sandbox, 2))) == list(
        getattr(sandbox.state.world, kind)[tenant(sandbox, 2)["id"]].values()
    )


# -- malformed input -----------------------------------------------------------------------


async def test_malformed_bodies_and_wrong_types_are_400_naming_the_problem(
    sandbox: SandboxHandle, http: httpx.AsyncClient, checker: SpecChecker
) -> None:
    dev = developer(sandbox)
    json_type = {"content-type": "application/json"}
    raw_cases: list[tuple[bytes, tuple[str, ...]]] = [
        (b"{not json", ("not valid JSON",)),
        (b"[1, 2]", ("JSON object", "list")),
        (b"", ("empty",)),
        (b'{"name": 5}', ("name", "5")),
        (b'{"name": ""}', ("name",)),
        (b'{"name": "x", "generation": "two"}', ("generation", "two")),
        (b'{"name": "x", "userdata": 3}', ("userdata",)),
    ]
    for content, words in raw_cases:
        message = error_body(
            await http.post(f"{V2}/clouds", auth=dev, content=content, headers=json_type), 400
        )["message"]
        assert all(word in message for word in words), (content, message)

    integration = next(iter(sandbox.state.world.integrations))
    missing = error_body(await http.post(f"{V2}/integrations", auth=dev, json={}), 400)
    assert "name is required" in missing["message"]
    version = f"{V2}/integrations/{integration}/versions/1.0.0"
    shipped = error_body(
        await http.patch(version, auth=dev, json={"release_state": "shipped"}), 400
    )
    assert "release_state" in shipped["message"]
    assert "shipped" in shipped["message"]
    unchanged = sandbox.state.world.versions[integration]["1.0.0"]["release_state"]
    assert unchanged == "released"
    error_body(
        await http.patch(f"{V2}/integrations/{integration}/versions/9.9.9", auth=dev, json={}), 404
    )

    query_cases: list[tuple[str, dict[str, str], str]] = [
        (f"{V2}/clouds/search", {"generation": "x"}, "generation"),
        (f"{V2}/clouds/search", {"generation": "-1"}, "generation"),
        (f"{V2}/tenants", {"accounts": "nope"}, "accounts"),
        (f"{V2}/tenants", {"accounts": ","}, "accounts"),
        (f"{V2}/clouds", {"page": "abc"}, "page"),
        (f"{V2}/actors", {"page_size": "big"}, "page_size"),
    ]
    for path, params, word in query_cases:
        message = error_body(await http.get(path, auth=dev, params=params), 400)["message"]
        assert word in message, (path, params, message)
    cloud = next(iter(sandbox.state.world.clouds))
    flag = error_body(
        await http.get(
            f"{V2}/clouds/{cloud}/actors", auth=dev, params={"include_credentials": "maybe"}
        ),
        400,
    )
    assert "include_credentials" in flag["message"]
    assert {"createCloud", "createIntegration", "updateIntegrationVersion"} <= checker.operations()


async def test_tenant_filters(sandbox: SandboxHandle, http: httpx.AsyncClient) -> None:
    dev = developer(sandbox)
    world = sandbox.state.world
    account = next(iter(world.accounts))
    by_account = page_of(await http.get(f"{V2}/tenants", auth=dev, params={"accounts": account}))
    expected = [t["id"] for t in world.tenants.values() if t["account"]["id"] == account]
    assert [t["id"] for t in by_account] == expected
    assert expected
    by_name = page_of(
        await http.get(f"{V2}/tenants", auth=dev, params={"integrations": "lms-bridge,nurse-desk"})
    )
    assert by_name
    assert {t["integration"]["name"] for t in by_name} <= {"lms-bridge", "nurse-desk"}
    assert len(by_name) == sum(
        t["integration"]["name"] in ("lms-bridge", "nurse-desk") for t in world.tenants.values()
    )


# -- blueprints ----------------------------------------------------------------------------


async def test_blueprints(sandbox: SandboxHandle, http: httpx.AsyncClient) -> None:
    dev = developer(sandbox)
    integration = next(iter(sandbox.state.world.integrations))
    versions = f"{V2}/integrations/{integration}/versions"

    bad: list[tuple[bytes, tuple[str, ...]]] = [
        (b'<IntegrationBlueprint version="3.0.0"><Sync>', ("well-formed",)),
        (b"not xml at all", ("well-formed",)),
        (b'<Foo version="3.0.0"/>', ("root", "<Foo>")),
        (b'<Blueprint name="x"/>', ("version",)),
        (b"\xff\xfe<Blueprint/>", ("well-formed",)),
    ]
    for content, words in bad:
        message = error_body(
            await http.post(versions, auth=dev, content=content, headers=XML), 400
        )["message"]
        assert all(word in message for word in words), (content, message)

    made = data_of(
        await http.post(
            versions, auth=dev, content=b'<Blueprint version="3.1.4" title="Pi"/>', headers=XML
        )
    )
    assert (made["version"], made["title"], made["integration_id"]) == ("3.1.4", "Pi", integration)
    duplicate = error_body(
        await http.post(versions, auth=dev, content=b'<Blueprint version="3.1.4"/>', headers=XML),
        409,
    )
    assert "3.1.4" in duplicate["message"]
    seeded = error_body(
        await http.post(
            versions, auth=dev, content=b'<IntegrationBlueprint version="1.0.0"/>', headers=XML
        ),
        409,
    )
    assert "1.0.0" in seeded["message"]
    listed = [v["version"] for v in page_of(await http.get(versions, auth=dev))]
    assert listed.count("3.1.4") == 1
    assert listed[-1] == "3.1.4"

    put = f"{versions}/3.1.4/blueprint"
    mismatch = error_body(
        await http.put(put, auth=dev, content=b'<Blueprint version="9.9.9"/>', headers=XML), 400
    )
    assert "9.9.9" in mismatch["message"]
    error_body(await http.put(put, auth=dev, content=b"<Other/>", headers=XML), 400)
    kept = data_of(await http.put(put, auth=dev, content=b"<Blueprint/>", headers=XML))
    assert (kept["version"], kept["title"]) == ("3.1.4", "Pi")
    assert sandbox.state.world.blueprints[(integration, "3.1.4")] == "<Blueprint/>"

    renamed = await http.patch(f"{versions}/3.1.4", auth=dev, json={"version": "1.0.0"})
    assert "1.0.0" in error_body(renamed, 409)["message"]
