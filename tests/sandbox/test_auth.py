"""Credentials: OAuth2 tokens (reuse, expiry, lifetime knob, refusals), Basic actor credentials,
the developer API key, and which kind of credentials each family of operations takes."""

from __future__ import annotations

from typing import Any

import httpx

from kimono_interop.sandbox import SandboxHandle, run_sandbox
from tests.sandbox.conftest import (
    SANDBOX_OPTIONS,
    Json,
    SpecChecker,
    actor,
    data_of,
    developer,
    error_body,
    page_of,
    tenant,
    token_error,
    validating_client,
)

V2 = "/v2/interop"
TOKEN = "/oauth/token"


def form(sandbox: SandboxHandle, n: int, **changes: str) -> dict[str, str]:
    """The token request of the n-th tenant's actor."""
    auth = tenant(sandbox, n)["auth"]
    fields = {
        "client_id": auth["client_id"],
        "client_secret": auth["client_secret"],
        "grant_type": "client_credentials",
    }
    return fields | changes


async def token_of(http: httpx.AsyncClient, sandbox: SandboxHandle, n: int) -> Json:
    """A token response for the n-th tenant's actor (asserted 200)."""
    response = await http.post(TOKEN, data=form(sandbox, n))
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    body: Json = response.json()
    return body


def bearer(token: Json) -> dict[str, str]:
    """The Authorization header for a token response."""
    return {"authorization": f"Bearer {token['access_token']}"}


async def test_a_token_is_reused_until_it_expires(
    sandbox: SandboxHandle, http: httpx.AsyncClient, checker: SpecChecker
) -> None:
    token = await token_of(http, sandbox, 0)
    assert set(token) == {"access_token", "token_type", "expires_in"}
    assert token["token_type"] == "bearer"
    assert token["expires_in"] == 3600
    assert isinstance(token["access_token"], str)
    assert token["access_token"].count(".") == 2

    mine = tenant(sandbox, 0)["id"]
    for _ in range(3):
        assert data_of(await http.get(f"{V2}/tenant", headers=bearer(token)))["id"] == mine
    own = page_of(await http.get(f"{V2}/ingestions", headers=bearer(token)))
    assert {i["tenant_id"] for i in own} == {mine}

    sandbox.advance_clock(3600 - 5)
    assert (await http.get(f"{V2}/tenant", headers=bearer(token))).status_code == 200
    sandbox.advance_clock(6)
    expired = error_body(await http.get(f"{V2}/tenant", headers=bearer(token)), 401)
    assert expired["code"] == "invalid_token"
    assert "expired" in expired["message"]

    fresh = await token_of(http, sandbox, 0)
    assert data_of(await http.get(f"{V2}/tenant", headers=bearer(fresh)))["id"] == mine
    assert sandbox.counters["oauthToken"] == 2
    assert checker.statuses("getTenant") == {200, 401}


async def test_the_token_lifetime_knob_sets_expires_in(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    sandbox.knobs.token_lifetime = 120
    short = await token_of(http, sandbox, 0)
    assert short["expires_in"] == 120

    patched = await http.patch("/_sandbox/knobs", json={"token_lifetime": 30})
    assert patched.status_code == 200
    assert patched.json()["token_lifetime"] == 30.0
    shorter = await token_of(http, sandbox, 1)
    assert shorter["expires_in"] == 30

    sandbox.advance_clock(31)
    error_body(await http.get(f"{V2}/tenant", headers=bearer(shorter)), 401)
    assert (await http.get(f"{V2}/tenant", headers=bearer(short))).status_code == 200
    sandbox.advance_clock(90)
    error_body(await http.get(f"{V2}/tenant", headers=bearer(short)), 401)


async def test_bad_token_requests_are_refused(
    sandbox: SandboxHandle, http: httpx.AsyncClient, checker: SpecChecker
) -> None:
    """RFC 6749 section 5.2 bodies, validated against the spec like every other answer."""
    wrong = token_error(await http.post(TOKEN, data=form(sandbox, 0, client_secret="nope")), 401)
    assert wrong["error"] == "invalid_client"
    unknown = token_error(await http.post(TOKEN, data=form(sandbox, 0, client_id="who")), 401)
    assert unknown["error"] == "invalid_client"
    # another tenant's secret does not fit
    other_secret = tenant(sandbox, 1)["auth"]["client_secret"]
    token_error(await http.post(TOKEN, data=form(sandbox, 0, client_secret=other_secret)), 401)
    anonymous = token_error(await http.post(TOKEN, data={"grant_type": "client_credentials"}), 401)
    assert anonymous["error"] == "invalid_client"

    grant = token_error(await http.post(TOKEN, data=form(sandbox, 0, grant_type="password")), 400)
    assert grant["error"] == "unsupported_grant_type"
    assert "password" in grant["error_description"]
    no_grant = {k: v for k, v in form(sandbox, 0).items() if k != "grant_type"}
    missing = token_error(await http.post(TOKEN, data=no_grant), 400)
    assert missing["error"] == "invalid_request"
    assert "grant_type" in missing["error_description"]
    as_json = token_error(await http.post(TOKEN, json=form(sandbox, 0)), 400)
    assert as_json["error"] == "invalid_request"
    assert "x-www-form-urlencoded" in as_json["error_description"]

    # the client may send its id and secret as HTTP Basic instead of form fields
    via_basic = await http.post(
        TOKEN, data={"grant_type": "client_credentials"}, auth=actor(sandbox, 0)
    )
    assert via_basic.status_code == 200
    assert via_basic.json()["token_type"] == "bearer"
    assert sandbox.counters["oauthToken"] == 8
    assert checker.statuses("oauthToken") == {200, 400, 401}


async def test_malformed_token_requests_are_invalid_request(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    fields = form(sandbox, 0)
    form_type = {"content-type": "application/x-www-form-urlencoded"}
    cases: list[tuple[dict[str, Any], str]] = [
        ({"content": b"grant_type=client_credentials&grant_type=x", "headers": form_type}, "once"),
        ({"content": b"grant_type=%FF", "headers": form_type}, "UTF-8"),
        ({"content": b"grant_type=client_credentials", "headers": {}}, "content-type"),
        ({"data": fields, "auth": actor(sandbox, 0)}, "twice"),
        (
            {
                "data": {"grant_type": "client_credentials", "client_id": "x"},
                "auth": actor(sandbox, 0),
            },
            "client_id",
        ),
    ]
    for request, words in cases:
        refused = token_error(await http.post(TOKEN, **request), 400)
        assert refused["error"] == "invalid_request"
        assert words in refused["error_description"], (request, refused)
    assert sandbox.issued_tokens == set()


async def test_unrecognized_token_parameters_are_ignored_and_empty_ones_omitted(
    sandbox: SandboxHandle, http: httpx.AsyncClient, checker: SpecChecker
) -> None:
    """RFC 6749 section 3.2: the server MUST ignore unrecognized parameters (repeated ones too:
    only request parameters may not repeat), and a parameter sent without a value is treated as
    omitted. Found by Schemathesis: a TokenRequest with an extra array field (valid: the schema
    takes extra fields), form-encoded as that field twice, was refused with 400."""
    form_type = {"content-type": "application/x-www-form-urlencoded"}
    fields = "&".join(f"{name}={value}" for name, value in form(sandbox, 0).items())
    extra = await http.post(TOKEN, content=f"x=1&{fields}&x=2&y=".encode(), headers=form_type)
    assert extra.status_code == 200, extra.text
    empty = b"grant_type=client_credentials&client_id=&client_secret=&scope="
    via_basic = await http.post(TOKEN, content=empty, headers=form_type, auth=actor(sandbox, 0))
    assert via_basic.status_code == 200, via_basic.text  # not "authenticates twice"
    missing = await http.post(TOKEN, content=f"{fields}&grant_type=".encode(), headers=form_type)
    refused = token_error(missing, 400)  # a request parameter given twice, even empty once
    assert refused["error"] == "invalid_request"
    assert "once" in refused["error_description"]
    blank = b"grant_type=&x=1"
    refused = token_error(await http.post(TOKEN, content=blank, headers=form_type), 400)
    assert refused["error"] == "invalid_request"  # not unsupported_grant_type: it is missing
    assert "grant_type is required" in refused["error_description"]
    assert checker.statuses("oauthToken") == {200, 400}


async def test_a_failed_basic_client_gets_a_challenge(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    grant = {"grant_type": "client_credentials"}
    client_id = tenant(sandbox, 0)["auth"]["client_id"]
    wrong = await http.post(TOKEN, data=grant, auth=(client_id, "nope"))
    assert token_error(wrong, 401)["error"] == "invalid_client"
    assert wrong.headers["www-authenticate"].startswith("Basic ")
    garbage = await http.post(TOKEN, data=grant, headers={"authorization": "Basic !!"})
    assert "malformed" in token_error(garbage, 401)["error_description"]
    assert garbage.headers["www-authenticate"].startswith("Basic ")
    in_form = await http.post(TOKEN, data=form(sandbox, 0, client_secret="nope"))
    assert "www-authenticate" not in in_form.headers


async def test_issued_tokens_are_recorded_and_forgotten_on_reset(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    first, second = await token_of(http, sandbox, 0), await token_of(http, sandbox, 1)
    assert sandbox.issued_tokens == {first["access_token"], second["access_token"]}
    assert sandbox.state.issued_tokens is sandbox.issued_tokens
    sandbox.reset()
    assert sandbox.issued_tokens == set()
    stale = error_body(await http.get(f"{V2}/tenant", headers=bearer(first)), 401)
    assert stale["code"] == "invalid_token"  # a reset invalidates the tokens issued before


async def test_injected_token_failures_take_the_spec_shape(
    sandbox: SandboxHandle, http: httpx.AsyncClient, checker: SpecChecker
) -> None:
    for status in (400, 401):
        sandbox.knobs.fail_status = status
        sandbox.knobs.fail_next = 1
        injected = token_error(await http.post(TOKEN, data=form(sandbox, 0)), status)
        assert injected["error_description"] == f"injected failure ({status})"
    sandbox.knobs.fail_status = 503
    sandbox.knobs.fail_next = 1
    assert error_body(await http.post(TOKEN, data=form(sandbox, 0)), 503)["code"] == (
        "injected_failure"
    )
    sandbox.knobs.rate_limit_every = 1
    error_body(await http.post(TOKEN, data=form(sandbox, 0)), 429)
    assert checker.statuses("oauthToken") == {400, 401, 429, 503}


async def test_each_family_takes_its_own_kind_of_credentials(
    sandbox: SandboxHandle, http: httpx.AsyncClient, checker: SpecChecker
) -> None:
    dev = developer(sandbox)
    token = await token_of(http, sandbox, 0)

    on_tenant = error_body(await http.get(f"{V2}/tenant", auth=dev), 403)
    assert "getTenant" in on_tenant["message"]
    assert on_tenant["code"] == "forbidden"
    for credentials in ({"auth": actor(sandbox, 0)}, {"headers": bearer(token)}):
        refused = error_body(await http.get(f"{V2}/clouds", **credentials), 403)
        assert "listClouds" in refused["message"]

    # Basic actor credentials work for a tenant of either auth type
    types = {tenant(sandbox, n)["auth"]["type"]: n for n in range(3)}
    assert set(types) == {"oauth2", "basic"}
    for n in types.values():
        assert (
            data_of(await http.get(f"{V2}/tenant", auth=actor(sandbox, n)))["id"]
            == (tenant(sandbox, n)["id"])
        )

    # ingestions take both: the developer sees every tenant's, the actor its own
    everyone = (await http.get(f"{V2}/ingestions/count", auth=dev)).json()
    own = (await http.get(f"{V2}/ingestions/count", headers=bearer(token))).json()
    assert own == len(sandbox.state.world.ingestions[tenant(sandbox, 0)["id"]])
    assert everyone > own > 0
    scheme = {"authorization": "Digest abc"}
    assert "scheme" in error_body(await http.get(f"{V2}/clouds", headers=scheme), 401)["message"]
    assert checker.statuses("listClouds") == {401, 403}


async def test_a_given_api_key_lists_tenants_with_their_credentials(checker: SpecChecker) -> None:
    async with run_sandbox(**(SANDBOX_OPTIONS | {"api_key": "k-123", "tenants": 12})) as sandbox:
        assert sandbox.api_key == "k-123"
        async with validating_client(sandbox.base_url, checker) as http:
            listed = page_of(await http.get(f"{V2}/tenants", auth=("k-123", "k-123")))
            assert len(listed) == 12
            for info in listed:
                assert info["auth"]["client_id"]
                assert info["auth"]["client_secret"]
                assert info["auth"]["type"] in ("oauth2", "basic")
            first = listed[0]["auth"]
            mine = await http.get(f"{V2}/tenant", auth=(first["client_id"], first["client_secret"]))
            assert data_of(mine)["id"] == listed[0]["id"]
            error_body(await http.get(f"{V2}/tenants", auth=("k-124", "k-124")), 401)
            error_body(await http.get(f"{V2}/tenants", auth=("k-123", "")), 401)
    assert checker.statuses("listInteropTenants") == {200, 401}
