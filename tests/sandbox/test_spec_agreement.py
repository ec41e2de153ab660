"""The sandbox takes what the spec allows and refuses what it does not (found by fuzzing the
sandbox with Schemathesis): int32 parameters, unique list items, integral floats as integers,
``minLength: 1`` strings. Every response passes through the spec validator (the `http` fixture).
"""

from __future__ import annotations

import re
from urllib.parse import quote

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
)

V2 = "/v2/interop"
CLOUDS = f"{V2}/clouds"
INT32_MAX = 2_147_483_647
BEYOND_INT32 = ["2147483648", "99999999999999999999", "9" * 5000, "-2147483649"]


# -- int32 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "name"),
    [
        (CLOUDS, "page"),
        (CLOUDS, "page_size"),
        (f"{V2}/tenants", "page"),
        (f"{V2}/tenant/rollovers", "page_size"),
        (f"{CLOUDS}/search", "generation"),
    ],
)
async def test_int32_query_parameters_refuse_values_beyond_int32(
    sandbox: SandboxHandle, http: httpx.AsyncClient, path: str, name: str
) -> None:
    auth = actor(sandbox, 1) if "/tenant/" in path else developer(sandbox)
    for value in BEYOND_INT32:
        refused = error_body(await http.get(path, auth=auth, params={name: value}), 400)
        assert name in refused["message"]
        assert len(refused["message"]) < 200  # the 5000 digits are not echoed in full
    served = await http.get(path, auth=auth, params={name: str(INT32_MAX)})
    assert served.status_code == 200, served.text


async def test_integer_query_parameters_are_plain_ascii_digits(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    """Python's int() takes the first four; an int32 query parameter takes none."""
    for value in ["1_0", "\u0663", " 1", "1 ", "1.0", "0x1", "1e2", ""]:
        answer = await http.get(CLOUDS, auth=developer(sandbox), params={"page": value})
        assert "page must be an integer" in error_body(answer, 400)["message"], value


# -- uniqueItems ---------------------------------------------------------------------------


def tenants_filtered(**lists: list[str]) -> str:
    """listInteropTenants' path with list filters as the spec serializes them (``style: form,
    explode: false``): the items joined by literal commas, each item percent-encoded."""
    query = "&".join(
        f"{name}={','.join(quote(item, safe='') for item in items)}"
        for name, items in lists.items()
    )
    return f"{V2}/tenants?{query}"


async def test_the_tenant_filters_refuse_a_repeated_value(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    dev = developer(sandbox)
    account = next(iter(sandbox.state.world.accounts))
    for name, listed, repeated in [
        ("accounts", [account, account], account),
        ("integrations", ["lms-bridge", "nurse-desk", "lms-bridge"], "lms-bridge"),
    ]:
        refused = error_body(await http.get(tenants_filtered(**{name: listed}), auth=dev), 400)
        assert name in refused["message"]
        assert repeated in refused["message"]
        assert "more than once" in refused["message"]
    two = page_of(
        await http.get(tenants_filtered(integrations=["gradebook-sync", "lms-bridge"]), auth=dev)
    )
    assert {t["integration"]["name"] for t in two} == {"gradebook-sync", "lms-bridge"}


# -- integral floats -----------------------------------------------------------------------


async def test_an_integral_float_is_taken_as_that_integer(
    sandbox: SandboxHandle, http: httpx.AsyncClient, checker: SpecChecker
) -> None:
    """JSON Schema counts 6.0 as an integer; 6.5, booleans and strings are still refused, and
    the range still holds (generation is an int32, hour 0 to 23)."""
    dev, me = developer(sandbox), actor(sandbox, 1)  # tenant 1's collection schedule: hour 3
    answer = await http.post(CLOUDS, auth=dev, json={"name": "six", "generation": 6.0})
    assert data_of(answer)["generation"] == 6
    assert re.search(r'"generation":6[,}]', answer.text)  # an integer, as the spec says
    largest = {"name": "max", "generation": float(INT32_MAX)}
    assert data_of(await http.post(CLOUDS, auth=dev, json=largest))["generation"] == INT32_MAX
    schedule = await http.post(f"{V2}/tenant/schedules", auth=me, json={"hour": 6.0})
    assert data_of(schedule)["hour"] == 6
    assert re.search(r'"hour":6[,}]', schedule.text)
    assert {"createCloud", "createSchedule"} <= checker.operations()

    for value in (6.5, True, "6", None, [6]):
        cloud = await http.post(CLOUDS, auth=dev, json={"name": "x", "generation": value})
        assert "generation must be an integer" in error_body(cloud, 400)["message"], value
        hour = await http.post(f"{V2}/tenant/schedules", auth=me, json={"hour": value})
        assert "hour must be an integer" in error_body(hour, 400)["message"], value
    for value in (INT32_MAX + 1, float(INT32_MAX + 1), 10**40, 1e300):
        cloud = await http.post(CLOUDS, auth=dev, json={"name": "x", "generation": value})
        assert "generation must be between" in error_body(cloud, 400)["message"], value
    hour = await http.post(f"{V2}/tenant/schedules", auth=me, json={"hour": 24.0})
    assert "hour must be between 0 and 23" in error_body(hour, 400)["message"]


# -- minLength: 1 --------------------------------------------------------------------------


async def test_a_name_of_whitespace_is_a_name_and_only_an_empty_one_is_refused(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    """``minLength: 1`` and nothing more: whitespace is kept as given, not stripped."""
    dev = developer(sandbox)
    integrations = f"{V2}/integrations"
    for name in ("\u00a0", " ", "\t", "\u2003 "):
        assert data_of(await http.post(CLOUDS, auth=dev, json={"name": name}))["name"] == name
        created = data_of(await http.post(integrations, auth=dev, json={"name": name}))
        assert created["name"] == name
        renamed = await http.patch(
            f"{integrations}/{created['id']}", auth=dev, json={"name": name + "2"}
        )
        assert renamed.status_code == 204, renamed.text
        assert sandbox.state.world.integrations[created["id"]]["name"] == name + "2"

    other = next(iter(sandbox.state.world.integrations))
    for method, path in [
        ("POST", CLOUDS),
        ("POST", integrations),
        ("PATCH", f"{integrations}/{other}"),
    ]:
        refused = error_body(await http.request(method, path, auth=dev, json={"name": ""}), 400)
        assert "name must be a non-empty string" in refused["message"]


# -- list parameters: minLength 1, kept as sent ----------------------------------------------


async def test_list_parameters_refuse_an_empty_value_and_keep_the_rest_as_sent(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    dev = developer(sandbox)
    for listed in ("lms-bridge,", ",lms-bridge", "lms-bridge,,nurse-desk", ""):
        refused = error_body(await http.get(f"{V2}/tenants?integrations={listed}", auth=dev), 400)
        assert "integrations lists an empty value" in refused["message"], listed
    padded = await http.get(f"{V2}/tenants", auth=dev, params={"integrations": " lms-bridge"})
    assert page_of(padded) == []  # " lms-bridge" is not "lms-bridge": values are not stripped
    named = data_of(await http.post(f"{V2}/integrations", auth=dev, json={"name": " "}))
    assert named["name"] == " "
    account = next(iter(sandbox.state.world.accounts))
    refused = error_body(
        await http.get(f"{V2}/tenants", auth=dev, params={"accounts": f" {account}"}), 400
    )
    assert "accounts must be a UUID" in refused["message"]


async def test_a_percent_encoded_comma_belongs_to_its_list_item(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    """``style: form, explode: false`` with reserved characters percent-encoded (OpenAPI's
    default): literal commas separate the items, ``%2C`` is a comma inside one. Found by
    Schemathesis: ``integrations`` of ``["a,,b", ...]``, sent as ``a%2C%2Cb,...``, was split
    into an empty item and refused with 400."""
    dev = developer(sandbox)
    created = data_of(await http.post(f"{V2}/integrations", auth=dev, json={"name": "a,,b"}))
    assert created["name"] == "a,,b"
    mixed = page_of(await http.get(tenants_filtered(integrations=["a,,b", "lms-bridge"]), auth=dev))
    assert mixed
    assert {t["integration"]["name"] for t in mixed} == {"lms-bridge"}
    one_value = await http.get(f"{V2}/tenants?integrations=lms-bridge%2Cnurse-desk", auth=dev)
    assert page_of(one_value) == []  # the integration named "lms-bridge,nurse-desk": none
    account, other = list(sandbox.state.world.accounts)[:2]
    refused = await http.get(f"{V2}/tenants?accounts={account}%2C{other}", auth=dev)
    assert "accounts must be a UUID" in error_body(refused, 400)["message"]
    both = page_of(await http.get(tenants_filtered(accounts=[account, other]), auth=dev))
    assert {t["account"]["id"] for t in both} == {account, other}


@pytest.mark.tenants(40)
async def test_next_links_keep_list_filters_as_sent(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    """``paging.next`` repeats the request's query as it was sent, with the next page number:
    re-encoding it would turn the separating commas into ``%2C``, one item."""
    dev = developer(sandbox)
    wanted = ["roster-sync", "lms-bridge"]
    url: str | None = tenants_filtered(integrations=wanted) + "&page_size=3"
    found: list[Json] = []
    while url is not None:
        body = (await http.get(url, auth=dev)).json()
        found += body["data"]
        url = body["paging"]["next"]
        assert url is None or ",lms-bridge&" in url, url
    expected = [
        t["id"] for t in sandbox.state.world.tenants.values() if t["integration"]["name"] in wanted
    ]
    assert len(expected) > 3
    assert [t["id"] for t in found] == expected


# -- nulls: absent values are absent keys -----------------------------------------------------


async def test_values_not_set_are_left_out_not_null(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    """The spec allows null in none of these: a value not set is a member left out."""
    dev, me = developer(sandbox), actor(sandbox, 1)
    cloud = data_of(await http.post(CLOUDS, auth=dev, json={"name": "bare", "userdata": None}))
    assert "userdata" not in cloud
    integration = data_of(await http.post(f"{V2}/integrations", auth=dev, json={"name": "bare"}))
    assert not {"title", "version"} & set(integration)
    version = data_of(
        await http.post(
            f"{V2}/integrations/{integration['id']}/versions",
            auth=dev,
            content=b'<Blueprint version="1"/>',
            headers={"content-type": "application/xml"},
        )
    )
    assert "title" not in version
    connector, member = (
        next(a for a in sandbox.state.world.actors.values() if a["type"] == kind)
        for kind in ("connector", "integration")
    )
    assert connector["connector_type"] == "sis"
    assert "connector_type" not in member
    info = data_of(await http.get(f"{V2}/tenant", auth=me))
    assert "lti_developer_id" not in info
    assert "valid_to" not in info["license"]
    assert "userdata" not in info["account"]
    idle = data_of(await http.get(f"{V2}/tenant/application", auth=actor(sandbox, 0)))
    assert not {"auth_session_id_pending", "auth_message"} & set(idle)
    schedule = data_of(await http.post(f"{V2}/tenant/schedules", auth=me, json={"hour": 9}))
    assert not {"last_executed_at", "days", "metadata"} & set(schedule)
    course = data_of(
        await http.post(
            f"{V2}/tenant/scoping/courses", auth=me, json={"data": [{"name": "Only a name"}]}
        )
    )[0]
    assert not {"course_ref_id", "school_id", "school_ref_id", "local_id", "keywords"} & set(course)
