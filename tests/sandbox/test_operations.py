"""Every one of the 51 operations answers in its documented shape, and every response (success
and error) validates against the spec through the `checker` fixture."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from openapi_core.templating.responses.exceptions import ResponseNotFound
from openapi_core.validation.response.exceptions import InvalidData

from kimono_interop.sandbox import OPERATIONS, SandboxHandle
from kimono_interop.sandbox.operations import ACTOR, ANYONE, DEVELOPER
from tests.openapi_check import HttpxOpenAPIRequest, HttpxOpenAPIResponse
from tests.sandbox.conftest import (
    OPERATION_IDS,
    SpecChecker,
    actor,
    data_of,
    developer,
    error_body,
    page_of,
    tenant,
)

V2 = "/v2/interop"
XML = {"content-type": "application/xml"}
BASE_FIELDS = {"id", "created_at", "updated_at", "account_id"}


def blueprint(
    version: str, *, title: str | None = None, root: str = "IntegrationBlueprint"
) -> bytes:
    """A small blueprint document."""
    titled = f' title="{title}"' if title is not None else ""
    return (
        f'<{root} name="t" version="{version}"{titled}><Sync objects="students"/></{root}>'.encode()
    )


def is_uuid(value: Any) -> bool:
    """True when `value` is a UUID string."""
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return isinstance(value, str)


def test_operation_table_has_51_distinct_operations() -> None:
    assert len(OPERATIONS) == 51
    assert len(OPERATION_IDS) == 51
    assert {op.audience for op in OPERATIONS} == {DEVELOPER, ACTOR, ANYONE}


def test_checker_rejects_a_response_the_spec_forbids(checker: SpecChecker) -> None:
    """The validator is not vacuous: a tenant list whose data is not an array fails."""
    request = httpx.Request("GET", "http://127.0.0.1:1/v2/interop/tenants")
    bad = httpx.Response(200, json={"data": {"id": "x"}}, request=request)
    with pytest.raises(InvalidData, match="not valid"):
        checker.check(bad)
    undocumented = httpx.Response(418, json={"status": 418}, request=request)
    with pytest.raises(ResponseNotFound, match="418"):
        checker.check(undocumented)
    good = httpx.Response(200, json={"data": [], "paging": {"next": None}}, request=request)
    assert checker.check(good) == "listInteropTenants"


def test_adapters_expose_the_request_and_response() -> None:
    request = httpx.Request(
        "POST", "http://127.0.0.1:9/v2/interop/clouds?page=2&page=3", json={"name": "x"}
    )
    adapted = HttpxOpenAPIRequest(request)
    assert adapted.method == "post"
    assert adapted.path == "/v2/interop/clouds"
    assert adapted.parameters.query.getlist("page") == ["2", "3"]  # type: ignore[attr-defined]
    assert adapted.content_type == "application/json"
    assert adapted.body == b'{"name":"x"}'
    response = HttpxOpenAPIResponse(httpx.Response(204, request=request))
    assert response.status_code == 204
    assert response.data == b""


@pytest.mark.tenants(60)  # more actors and tenants than a page holds
async def test_every_operation_answers_in_its_documented_shape(
    sandbox: SandboxHandle, http: httpx.AsyncClient, checker: SpecChecker
) -> None:
    dev = developer(sandbox)
    world = sandbox.state.world

    # -- actors and clouds ------------------------------------------------------------------
    actors = page_of(await http.get(f"{V2}/actors", auth=dev))
    assert len(actors) == 50  # capped by max_page_size
    assert {"name", "type", "cloud_id", "auth"} <= set(actors[0])
    assert {"client_id", "client_secret"} <= set(actors[0]["auth"])

    clouds = page_of(await http.get(f"{V2}/clouds", auth=dev))
    assert [c["id"] for c in clouds] == list(world.clouds)
    seeded_cloud = clouds[0]["id"]

    created = data_of(
        await http.post(
            f"{V2}/clouds",
            auth=dev,
            json={"name": "Test Cloud", "userdata": "u-1", "generation": 2},
        )
    )
    assert set(created) >= BASE_FIELDS
    assert (created["name"], created["userdata"], created["generation"]) == ("Test Cloud", "u-1", 2)
    cloud_id = created["id"]

    found = page_of(await http.get(f"{V2}/clouds/search", auth=dev, params={"name": "Test Cloud"}))
    assert [c["id"] for c in found] == [cloud_id]
    by_generation = page_of(
        await http.get(f"{V2}/clouds/search", auth=dev, params={"generation": 2, "userdata": "u-1"})
    )
    assert [c["id"] for c in by_generation] == [cloud_id]

    assert data_of(await http.get(f"{V2}/clouds/{cloud_id}", auth=dev))["name"] == "Test Cloud"

    with_auth = page_of(
        await http.get(
            f"{V2}/clouds/{seeded_cloud}/actors",
            auth=dev,
            params={"include_credentials": "true"},
        )
    )
    assert with_auth
    assert all(a["cloud_id"] == seeded_cloud and "auth" in a for a in with_auth)
    without_auth = page_of(await http.get(f"{V2}/clouds/{seeded_cloud}/actors", auth=dev))
    assert [a["id"] for a in without_auth] == [a["id"] for a in with_auth]
    assert all("auth" not in a for a in without_auth)

    assert (await http.delete(f"{V2}/clouds/{cloud_id}", auth=dev)).status_code == 204
    error_body(await http.get(f"{V2}/clouds/{cloud_id}", auth=dev), 404)
    in_use = error_body(await http.delete(f"{V2}/clouds/{seeded_cloud}", auth=dev), 409)
    assert "tenants" in in_use["message"]

    # -- integrations and versions ----------------------------------------------------------
    integrations = page_of(await http.get(f"{V2}/integrations", auth=dev))
    assert [i["name"] for i in integrations] == [i["name"] for i in world.integrations.values()]
    named = page_of(await http.get(f"{V2}/integrations", auth=dev, params={"name": "lms-bridge"}))
    assert [i["name"] for i in named] == ["lms-bridge"]
    seeded_integration = integrations[0]["id"]

    integration = data_of(
        await http.post(f"{V2}/integrations", auth=dev, json={"name": "new-int", "title": "New"})
    )
    assert (integration["name"], integration["title"]) == ("new-int", "New")
    assert "version" not in integration  # not set: left out, never null
    integration_id = integration["id"]
    error_body(await http.post(f"{V2}/integrations", auth=dev, json={"name": "new-int"}), 409)
    assert data_of(await http.get(f"{V2}/integrations/{integration_id}", auth=dev))["id"] == (
        integration_id
    )
    patched = await http.patch(
        f"{V2}/integrations/{integration_id}", auth=dev, json={"title": "Renamed"}
    )
    assert patched.status_code == 204
    assert patched.content == b""
    assert data_of(await http.get(f"{V2}/integrations/{integration_id}", auth=dev))["title"] == (
        "Renamed"
    )

    seeded_versions = page_of(
        await http.get(f"{V2}/integrations/{seeded_integration}/versions", auth=dev)
    )
    assert seeded_versions
    assert all(v["integration_id"] == seeded_integration for v in seeded_versions)

    version = data_of(
        await http.post(
            f"{V2}/integrations/{integration_id}/versions",
            auth=dev,
            content=blueprint("2.0.0", title="Two"),
            headers=XML,
        )
    )
    assert (version["version"], version["title"], version["release_state"]) == (
        "2.0.0",
        "Two",
        "development",
    )
    path = f"{V2}/integrations/{integration_id}/versions/2.0.0"
    updated = await http.patch(path, auth=dev, json={"release_state": "beta", "title": "Beta"})
    assert updated.status_code == 204
    listed = page_of(await http.get(f"{V2}/integrations/{integration_id}/versions", auth=dev))
    assert [(v["version"], v["release_state"], v["title"]) for v in listed] == [
        ("2.0.0", "beta", "Beta")
    ]
    replaced = data_of(
        await http.put(
            f"{path}/blueprint", auth=dev, content=blueprint("2.0.0", title="Fresh"), headers=XML
        )
    )
    assert (replaced["version"], replaced["title"]) == ("2.0.0", "Fresh")
    assert world.blueprints[(integration_id, "2.0.0")] == blueprint("2.0.0", title="Fresh").decode()

    assert (await http.delete(path, auth=dev)).status_code == 204
    assert page_of(await http.get(f"{V2}/integrations/{integration_id}/versions", auth=dev)) == []
    assert (await http.delete(f"{V2}/integrations/{integration_id}", auth=dev)).status_code == 204
    error_body(await http.get(f"{V2}/integrations/{integration_id}", auth=dev), 404)
    error_body(await http.delete(f"{V2}/integrations/{seeded_integration}", auth=dev), 409)

    # -- tenants ----------------------------------------------------------------------------
    tenants = page_of(await http.get(f"{V2}/tenants", auth=dev))
    assert [t["id"] for t in tenants] == list(world.tenants)[:50]
    one = data_of(await http.get(f"{V2}/tenants/{tenants[1]['id']}", auth=dev))
    assert one == tenants[1]

    # -- the tenant of the actor credentials in use (tenant #1) -----------------------------
    me = actor(sandbox, 1)
    mine = tenant(sandbox, 1)
    assert data_of(await http.get(f"{V2}/tenant", auth=me))["id"] == mine["id"]
    state = data_of(await http.get(f"{V2}/tenant/state", auth=me))
    assert set(state) == {
        "rollover_mode_enabled",
        "synchronization_suspended",
        "setup_mode_enabled",
        "mass_change_pending",
    }
    assert all(isinstance(v, bool) for v in state.values())
    assert state["mass_change_pending"] is False

    for kind, ref in (("schools", "school_id"), ("courses", "course_id")):
        base = f"{V2}/tenant/scoping/{kind}"
        before = page_of(await http.get(base, auth=me))
        assert all(i["tenant_id"] == mine["id"] for i in before)
        made = data_of(await http.post(base, auth=me, json={"data": [{"name": f"New {kind}"}]}))
        assert isinstance(made, list)
        assert len(made) == 1
        item = made[0]
        assert is_uuid(item[ref])
        assert item["selected"] is True
        assert data_of(await http.get(f"{base}/{item['id']}", auth=me)) == item
        renamed = data_of(
            await http.put(
                f"{base}/{item['id']}", auth=me, json={"name": "Renamed", "selected": False}
            )
        )
        assert (renamed["id"], renamed["name"], renamed["selected"]) == (
            item["id"],
            "Renamed",
            False,
        )
        assert (await http.delete(f"{base}/{item['id']}", auth=me)).status_code == 204
        assert (await http.delete(base, auth=me)).status_code == 204
        assert page_of(await http.get(base, auth=me)) == []

    application = data_of(await http.get(f"{V2}/tenant/application", auth=me))
    assert application["tenant_id"] == mine["id"]
    assert application["auth_state_pending"] == "updating"
    confirmed = await http.patch(
        f"{V2}/tenant/application", auth=me, json={"auth_state_pending": "confirmed"}
    )
    assert confirmed.status_code == 204

    rollovers = f"{V2}/tenant/rollovers"
    seeded_rollovers = page_of(await http.get(rollovers, auth=me))
    assert seeded_rollovers
    request = {"type": "new_year", "status": "upcoming", "cloud_id": mine["cloud"]["id"]}
    rollover = data_of(await http.post(rollovers, auth=me, json=request))
    assert (rollover["status"], rollover["type"], rollover["tenant_id"]) == (
        "upcoming",
        "new_year",
        mine["id"],
    )
    assert rollover["name"].startswith("New Year ")
    assert (await http.get(f"{rollovers}/count", auth=me)).json() == len(seeded_rollovers) + 1
    assert data_of(await http.get(f"{rollovers}/{rollover['id']}", auth=me)) == rollover
    moved = data_of(
        await http.put(
            f"{rollovers}/{rollover['id']}", auth=me, json=request | {"status": "cancelled"}
        )
    )
    assert (moved["status"], moved["start_date"]) == ("cancelled", rollover["start_date"])
    assert moved["metadata"]["updated"] is not None
    assert (await http.delete(f"{rollovers}/{rollover['id']}", auth=me)).status_code == 204
    assert (await http.get(f"{rollovers}/count", auth=me)).json() == len(seeded_rollovers)

    schedules = f"{V2}/tenant/schedules"
    seeded_schedules = page_of(await http.get(schedules, auth=me))
    assert [s["hour"] for s in seeded_schedules] == [3]
    schedule = data_of(await http.post(schedules, auth=me, json={"hour": 10}))
    assert (schedule["type"], schedule["hour"], schedule["enabled"]) == ("collection", 10, True)
    assert (await http.get(f"{schedules}/count", auth=me)).json() == 2
    assert data_of(await http.get(f"{schedules}/{schedule['id']}", auth=me)) == schedule
    paused = await http.patch(f"{schedules}/{schedule['id']}", auth=me, json={"enabled": False})
    assert paused.status_code == 204
    assert data_of(await http.get(f"{schedules}/{schedule['id']}", auth=me))["enabled"] is False
    assert (await http.delete(f"{schedules}/{schedule['id']}", auth=me)).status_code == 204
    ran = await http.post(f"{schedules}/{seeded_schedules[0]['id']}/run", auth=me, json={})
    assert ran.status_code == 204
    assert ran.content == b""

    # -- ingestions: the actor sees its tenant's, the developer everyone's -------------------
    own = page_of(await http.get(f"{V2}/ingestions", auth=me))
    assert own
    assert all(i["tenant_id"] == mine["id"] for i in own)
    queued = [i for i in own if i.get("metadata", {}).get("scheduled")]
    assert [i["state"] for i in queued] == ["scheduled"]
    assert (await http.get(f"{V2}/ingestions/count", auth=me)).json() == len(own)
    assert data_of(await http.get(f"{V2}/ingestions/{own[0]['id']}", auth=me)) == own[0]
    total = sum(len(per_tenant) for per_tenant in world.ingestions.values())
    assert (await http.get(f"{V2}/ingestions/count", auth=dev)).json() == total
    other = next(iter(world.ingestions[tenant(sandbox, 0)["id"]]))
    assert data_of(await http.get(f"{V2}/ingestions/{other}", auth=dev))["id"] == other
    error_body(await http.get(f"{V2}/ingestions/{other}", auth=me), 404)  # not its tenant's

    # -- every operation was answered successfully and validated ----------------------------
    assert checker.operations() == OPERATION_IDS
    unanswered = {
        op_id for op_id in OPERATION_IDS if not any(200 <= s < 300 for s in checker.statuses(op_id))
    }
    assert unanswered == set()


def concrete(path: str) -> str:
    """A path template with its parameters filled in (a random id, version 1.0.0)."""
    return path.replace("{id}", str(uuid.uuid4())).replace("{version}", "1.0.0")


async def test_every_operation_refuses_missing_wrong_and_misdirected_credentials(
    sandbox: SandboxHandle, http: httpx.AsyncClient, checker: SpecChecker
) -> None:
    wrong = httpx.BasicAuth(sandbox.api_key, "not-the-key")
    bad_token = {"authorization": "Bearer not.a.token"}
    for operation in OPERATIONS:
        path = concrete(operation.path)
        missing = error_body(await http.request(operation.method, path), 401)
        assert "Authorization" in missing["message"]
        error_body(await http.request(operation.method, path, auth=wrong), 401)
        invalid = error_body(await http.request(operation.method, path, headers=bad_token), 401)
        assert invalid["code"] == "invalid_token"
        if operation.audience == ANYONE:
            continue
        misdirected = actor(sandbox, 0) if operation.audience == DEVELOPER else developer(sandbox)
        refused = error_body(await http.request(operation.method, path, auth=misdirected), 403)
        assert operation.operation_id in refused["message"], refused
    assert checker.operations() == OPERATION_IDS
    for operation in OPERATIONS:
        expected = {401} if operation.audience == ANYONE else {401, 403}
        assert checker.statuses(operation.operation_id) == expected, operation.operation_id


ID_OPERATIONS = [op for op in OPERATIONS if "{id}" in op.path]


async def test_unknown_and_malformed_ids_are_404(
    sandbox: SandboxHandle, http: httpx.AsyncClient, checker: SpecChecker
) -> None:
    assert len(ID_OPERATIONS) == 26
    for operation in ID_OPERATIONS:
        auth = actor(sandbox, 1) if operation.audience == ACTOR else developer(sandbox)
        body: dict[str, Any] = {}
        if operation.method in ("POST", "PUT", "PATCH"):
            body = {"content": b"{}", "headers": {"content-type": "application/json"}}
        for raw in (str(uuid.uuid4()), "not-a-uuid"):
            path = operation.path.replace("{id}", raw).replace("{version}", "1.0.0")
            answer = error_body(await http.request(operation.method, path, auth=auth, **body), 404)
            assert raw in answer["message"], (operation.operation_id, answer)
            assert answer["code"] == "not_found"
    assert {c.operation_id for c in checker.checked} == {op.operation_id for op in ID_OPERATIONS}
    assert {c.status for c in checker.checked} == {404}


async def test_a_non_xml_blueprint_is_415(sandbox: SandboxHandle) -> None:
    """The sandbox's behaviour, seen by a plain client."""
    integration = next(iter(sandbox.state.world.integrations))
    async with httpx.AsyncClient(base_url=sandbox.base_url) as raw:
        answer = await raw.post(
            f"{V2}/integrations/{integration}/versions",
            auth=developer(sandbox),
            content=blueprint("9.0.0"),
            headers={"content-type": "text/plain"},
        )
    body = error_body(answer, 415)
    assert "text/plain" in body["message"]


async def test_blueprints_are_taken_in_the_xml_media_types_only(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    integration = next(iter(sandbox.state.world.integrations))
    versions = f"{V2}/integrations/{integration}/versions"
    for n, media in enumerate(("text/xml", "application/xml; charset=utf-8", "application/bp+xml")):
        made = await http.post(
            versions,
            auth=developer(sandbox),
            content=blueprint(f"8.{n}"),
            headers={"content-type": media},
        )
        assert data_of(made)["version"] == f"8.{n}"
    for media in ("application/octet-stream", "application/xmlish", "text/plain; x=xml"):
        refused = await http.post(
            versions,
            auth=developer(sandbox),
            content=blueprint("9.9"),
            headers={"content-type": media},
        )
        assert error_body(refused, 415)["code"] == "unsupported_media_type", media


async def test_a_non_xml_blueprint_answer_is_documented(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    integration = next(iter(sandbox.state.world.integrations))
    answer = await http.post(
        f"{V2}/integrations/{integration}/versions",
        auth=developer(sandbox),
        content=blueprint("9.0.0"),
        headers={"content-type": "text/plain"},
    )
    assert error_body(answer, 415)["code"] == "unsupported_media_type"  # and it validated


async def test_a_null_school_id_is_refused(sandbox: SandboxHandle, http: httpx.AsyncClient) -> None:
    answer = await http.post(
        f"{V2}/tenant/scoping/schools",
        auth=actor(sandbox, 1),
        json={"data": [{"name": "Nameless", "school_id": None}]},
    )
    assert "school_id" in error_body(answer, 400)["message"]


async def test_rollover_metadata_of_the_wrong_shape_is_refused(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    answer = await http.post(
        f"{V2}/tenant/rollovers",
        auth=actor(sandbox, 1),
        json={
            "type": "new_year",
            "status": "upcoming",
            "cloud_id": tenant(sandbox, 1)["cloud"]["id"],
            "metadata": {"created": 5},
        },
    )
    assert "metadata.created" in error_body(answer, 400)["message"]
