"""The documented rules: rollovers, schedules, the tenant application, scoping, input checks and
blueprints. Every response passes through the spec validator (the `http` fixture).

Seeded tenants by index n: n % 7 == 3 has an active rollover; n % 5 == 4 a completed one; every
tenant an upcoming one on the next free July 1; n % 4 == 1 has a pending
application update ('updating'); n % 6 == 5 has a paused collection schedule; n % 4 == 0 has a
schedule of type 'unspecified'; n % 9 == 0 has a pending ingestion; the collection schedule's
hour is 2 + n % 5.
"""

from __future__ import annotations

import datetime as dt
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


def rollover(sandbox: SandboxHandle, n: int, status: str = "upcoming", **extra: Any) -> Json:
    """A rollover request body for the n-th tenant (its cloud and actor)."""
    mine = tenant(sandbox, n)
    body = {"type": "new_year", "status": status, "cloud_id": mine["cloud"]["id"]}
    return body | {"actor_id": mine["actor_id"]} | extra


def now_utc(sandbox: SandboxHandle) -> dt.datetime:
    """The sandbox clock, in whole seconds."""
    return dt.datetime.fromtimestamp(int(sandbox.state.now()), dt.UTC)


def next_july(sandbox: SandboxHandle, years: int = 0) -> dt.datetime:
    """July 1, 00:00 UTC, on or after the sandbox's now, `years` later."""
    now = now_utc(sandbox)
    year = now.year if dt.datetime(now.year, 7, 1, tzinfo=dt.UTC) >= now else now.year + 1
    return dt.datetime(year + years, 7, 1, tzinfo=dt.UTC)


def stamp(moment: dt.datetime) -> str:
    """A date-time as the sandbox writes it."""
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def window(start: dt.datetime) -> tuple[str, str]:
    """(start_date, end_date) of a 14-day rollover from `start`."""
    return stamp(start), stamp(start + dt.timedelta(days=14))


# -- rollovers -----------------------------------------------------------------------------


async def test_an_upcoming_rollover_takes_the_next_free_july_first(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    me = actor(sandbox, 1)  # a seeded upcoming rollover on the next July 1
    (seeded,) = page_of(await http.get(ROLLOVERS, auth=me))
    assert (seeded["status"], seeded["name"]) == ("upcoming", f"New Year {next_july(sandbox).year}")
    assert (seeded["start_date"], seeded["end_date"]) == window(next_july(sandbox))

    # name and dates in a request are ignored: the sandbox derives them
    ignored = {
        "name": "mine",
        "start_date": "2099-01-01T00:00:00Z",
        "end_date": "2099-02-01T00:00:00Z",
    }
    made = data_of(await http.post(ROLLOVERS, auth=me, json=rollover(sandbox, 1, **ignored)))
    following = next_july(sandbox, 1)
    assert (made["start_date"], made["end_date"]) == window(following)
    assert made["name"] == f"New Year {following.year}"
    assert (made["type"], made["status"], made["status_change_failure_count"]) == (
        "new_year",
        "upcoming",
        0,
    )
    assert made["metadata"] == {"created": {"by": "api"}, "updated": None}
    assert not {"cloud_id", "actor_id", "failure_reason"} & set(made)  # write-only / unset
    assert sandbox.state.world.rollover_targets[made["id"]] == {
        "cloud_id": tenant(sandbox, 1)["cloud"]["id"],
        "actor_id": tenant(sandbox, 1)["actor_id"],
    }
    third = data_of(await http.post(ROLLOVERS, auth=me, json=rollover(sandbox, 1)))
    assert third["start_date"] == stamp(next_july(sandbox, 2))
    assert (await http.get(f"{ROLLOVERS}/count", auth=me)).json() == 3


async def test_active_and_completed_rollovers_are_placed_at_now(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    me = actor(sandbox, 1)
    (upcoming,) = page_of(await http.get(ROLLOVERS, auth=me))  # late in June, it would overlap
    assert (await http.delete(f"{ROLLOVERS}/{upcoming['id']}", auth=me)).status_code == 204
    sandbox.advance_clock(0.5)
    before = now_utc(sandbox)
    active = data_of(await http.post(ROLLOVERS, auth=me, json=rollover(sandbox, 1, "active")))
    start = dt.datetime.fromisoformat(active["start_date"])
    assert before <= start <= now_utc(sandbox)
    assert start.microsecond == 0
    assert active["end_date"] == stamp(start + dt.timedelta(days=14))
    assert active["name"] == f"New Year {start.year}"
    assert data_of(await http.get(f"{V2}/tenant/state", auth=me))["rollover_mode_enabled"]

    two = actor(sandbox, 2)
    completed = data_of(
        await http.post(ROLLOVERS, auth=two, json=rollover(sandbox, 2, "completed"))
    )
    end = dt.datetime.fromisoformat(completed["end_date"])
    assert completed["start_date"] == stamp(end - dt.timedelta(days=14))
    assert before <= end <= now_utc(sandbox)


async def test_rollover_conflicts_are_deterministic(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    me = actor(sandbox, 3)  # n % 7 == 3: an active rollover since 3 days, an upcoming one
    seeded = page_of(await http.get(ROLLOVERS, auth=me))
    by_status = {r["status"]: r for r in seeded}
    active, upcoming = by_status["active"], by_status["upcoming"]

    second = error_body(
        await http.post(ROLLOVERS, auth=me, json=rollover(sandbox, 3, "active")), 409
    )
    assert "rollover mode" in second["message"]
    assert second["details"] == f"alreadyInRolloverMode: rollover {active['id']} is active"
    ended = error_body(
        await http.post(ROLLOVERS, auth=me, json=rollover(sandbox, 3, "completed")), 409
    )
    assert "overlap" in ended["message"]
    assert active["id"] in str(ended["details"])

    # cancel the upcoming one (it keeps its window), take that July 1 with a new one, and
    # bring the first back: the windows overlap
    cancelled = data_of(
        await http.put(
            f"{ROLLOVERS}/{upcoming['id']}", auth=me, json=rollover(sandbox, 3, "cancelled")
        )
    )
    assert (cancelled["status"], cancelled["start_date"]) == ("cancelled", upcoming["start_date"])
    assert cancelled["name"] == upcoming["name"]
    assert cancelled["metadata"]["updated"] == {"by": "api"}
    taker = data_of(await http.post(ROLLOVERS, auth=me, json=rollover(sandbox, 3)))
    assert taker["start_date"] == upcoming["start_date"]
    back = error_body(
        await http.put(f"{ROLLOVERS}/{upcoming['id']}", auth=me, json=rollover(sandbox, 3)), 409
    )
    assert "overlap" in back["message"]
    assert taker["id"] in str(back["details"])
    assert data_of(await http.get(f"{ROLLOVERS}/{upcoming['id']}", auth=me)) == cancelled
    assert (await http.get(f"{ROLLOVERS}/count", auth=me)).json() == len(seeded) + 1


async def test_an_update_derives_again_only_when_the_rule_changes(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    me = actor(sandbox, 1)
    (upcoming,) = page_of(await http.get(ROLLOVERS, auth=me))
    path = f"{ROLLOVERS}/{upcoming['id']}"
    metadata = {"created": {"by": "someone"}, "note": "kept"}
    same = data_of(
        await http.put(path, auth=me, json=rollover(sandbox, 1, "failed", metadata=metadata))
    )
    assert {k: same[k] for k in ("name", "start_date", "end_date")} == {
        k: upcoming[k] for k in ("name", "start_date", "end_date")
    }
    assert same["metadata"] == metadata | {"updated": {"by": "api"}}
    assert same["updated_at"] >= upcoming["updated_at"]

    started = data_of(await http.put(path, auth=me, json=rollover(sandbox, 1, "active")))
    assert started["start_date"] < upcoming["start_date"]  # now, not July 1
    assert started["metadata"] == same["metadata"]  # kept when not sent
    async with httpx.AsyncClient(base_url=sandbox.base_url) as raw:  # the spec's enum lacks it
        body = rollover(sandbox, 1, "active", type="mid_year")
        renamed = data_of(await raw.put(path, auth=me, json=body))
    year = dt.datetime.fromisoformat(renamed["start_date"]).year
    assert renamed["name"] == f"Mid Year {year}"
    back = data_of(await http.put(path, auth=me, json=rollover(sandbox, 1, "upcoming")))
    assert (back["start_date"], back["type"]) == (upcoming["start_date"], "new_year")
    assert sandbox.state.world.rollover_targets[upcoming["id"]] == {
        "cloud_id": tenant(sandbox, 1)["cloud"]["id"],
        "actor_id": tenant(sandbox, 1)["actor_id"],
    }
    without_actor = rollover(sandbox, 1)
    del without_actor["actor_id"]
    data_of(await http.put(path, auth=me, json=without_actor))
    assert sandbox.state.world.rollover_targets[upcoming["id"]] == {
        "cloud_id": tenant(sandbox, 1)["cloud"]["id"]
    }


async def test_any_type_and_status_are_taken(sandbox: SandboxHandle) -> None:
    """Unknown values are kept (outside the validating client: the spec's response enums do
    not list them), and follow the rule of an upcoming rollover."""
    async with httpx.AsyncClient(base_url=sandbox.base_url) as raw:
        body = rollover(sandbox, 1, "paused", type="summer_school")
        made = data_of(await raw.post(ROLLOVERS, auth=actor(sandbox, 1), json=body))
    assert (made["type"], made["status"]) == ("summer_school", "paused")
    assert made["name"] == f"Summer School {next_july(sandbox, 1).year}"
    assert made["start_date"] == stamp(next_july(sandbox, 1))


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
    assert upcoming["id"] not in sandbox.state.world.rollover_targets
    error_body(await http.get(f"{ROLLOVERS}/{upcoming['id']}", auth=me), 404)
    error_body(await http.delete(f"{ROLLOVERS}/{upcoming['id']}", auth=me), 404)
    assert (await http.get(f"{ROLLOVERS}/count", auth=me)).json() == len(seeded) - 1

    # a tenant without an active rollover is not in rollover mode
    other = data_of(await http.get(f"{V2}/tenant/state", auth=actor(sandbox, 1)))
    assert other["rollover_mode_enabled"] is False


async def test_rollover_input_is_checked(sandbox: SandboxHandle, http: httpx.AsyncClient) -> None:
    me = actor(sandbox, 1)
    base = rollover(sandbox, 1)
    cases: list[tuple[Json, tuple[str, ...]]] = [
        ({k: v for k, v in base.items() if k != "type"}, ("type", "required")),
        ({k: v for k, v in base.items() if k != "status"}, ("status", "required")),
        ({k: v for k, v in base.items() if k != "cloud_id"}, ("cloud_id", "required")),
        (base | {"type": ""}, ("type", "non-empty")),
        (base | {"status": 5}, ("status", "5")),
        (base | {"cloud_id": "c-1"}, ("cloud_id", "c-1")),
        (base | {"cloud_id": None}, ("cloud_id", "UUID")),
        (base | {"actor_id": None}, ("actor_id", "UUID")),
        (base | {"metadata": []}, ("metadata",)),
        (base | {"metadata": {"created": 5}}, ("metadata.created",)),
    ]
    for body, words in cases:
        message = error_body(await http.post(ROLLOVERS, auth=me, json=body), 400)["message"]
        assert all(word in message for word in words), (body, message)
    seeded = list(sandbox.state.world.rollovers[tenant(sandbox, 1)["id"]])
    assert (await http.get(f"{ROLLOVERS}/count", auth=me)).json() == len(seeded)
    only_required = {k: base[k] for k in ("type", "status", "cloud_id")}
    nulls = {"metadata": {"created": None, "updated": None}}  # the docs' request example
    assert (
        data_of(await http.post(ROLLOVERS, auth=me, json=only_required | nulls))["metadata"]
        == (nulls["metadata"])
    )


async def test_rollovers_sort(sandbox: SandboxHandle, http: httpx.AsyncClient) -> None:
    me = actor(sandbox, 4)  # n % 5 == 4: a completed rollover two years back, an upcoming one
    for _ in range(2):
        data_of(await http.post(ROLLOVERS, auth=me, json=rollover(sandbox, 4)))
    stored = page_of(await http.get(ROLLOVERS, auth=me))
    assert len(stored) == 4
    ascending = page_of(await http.get(ROLLOVERS, auth=me, params={"sort": "start_date"}))
    starts = [r["start_date"] for r in ascending]
    assert starts == sorted(starts)
    descending = page_of(await http.get(ROLLOVERS, auth=me, params={"sort": "-name"}))
    names = [r["name"] for r in descending]
    assert names == sorted(names, reverse=True)
    by_status = page_of(await http.get(ROLLOVERS, auth=me, params={"sort": "status"}))
    assert [r["status"] for r in by_status] == ["completed"] + ["upcoming"] * 3
    for unknown in ("bogus", "-failure_reason", "metadata", "cloud_id"):  # absent or odd: no 500
        listed = page_of(await http.get(ROLLOVERS, auth=me, params={"sort": unknown}))
        if unknown != "metadata":
            assert [r["id"] for r in listed] == [r["id"] for r in stored], unknown
    for bad in ("Name", "-", "name;drop", "start-date", "1name", "name\n"):
        refused = error_body(await http.get(ROLLOVERS, auth=me, params={"sort": bad}), 400)
        assert "sort" in refused["message"], bad


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


async def test_scoping_updates_need_a_name_and_null_clears_a_text(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    me = actor(sandbox, 1)
    base = f"{V2}/tenant/scoping/schools"
    (made,) = data_of(
        await http.post(
            base, auth=me, json={"data": [{"name": "A", "local_id": "7", "keywords": "k"}]}
        )
    )
    path = f"{base}/{made['id']}"
    for body, words in [
        ({"local_id": None}, "name is required"),
        ({"name": None}, "name must be a non-empty string"),
        ({"name": "A", "account_id": "nope"}, "account_id must be a UUID"),
        ({"name": "A", "tenant_id": 5}, "tenant_id must be a UUID"),
        ({"name": "A", "school_id": None}, "school_id must be a UUID"),
    ]:
        assert words in error_body(await http.put(path, auth=me, json=body), 400)["message"]
    assert data_of(await http.get(path, auth=me)) == made
    cleared = data_of(await http.put(path, auth=me, json={"name": "A", "local_id": None}))
    assert "local_id" not in cleared
    assert (cleared["keywords"], cleared["school_id"]) == ("k", made["school_id"])
    assert data_of(await http.get(path, auth=me)) == cleared
    mine = tenant(sandbox, 1)
    given = {"name": "B", "account_id": mine["account"]["id"], "tenant_id": mine["id"]}
    assert data_of(await http.put(path, auth=me, json=given))["name"] == "B"


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
    # style: form, explode: false: literal commas separate the items (%2C would be in one)
    by_name = page_of(await http.get(f"{V2}/tenants?integrations=lms-bridge,nurse-desk", auth=dev))
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
