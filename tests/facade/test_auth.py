"""Credentials over loopback: token reuse, single flight, refresh on expiry and on 401, masking."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import httpx
import pytest

from kimono_interop import (
    ApiKey,
    AuthenticationError,
    BasicCredentials,
    BearerToken,
    ClientCredentials,
    InteropClient,
)
from kimono_interop.models import ActorAuth
from tests.facade.conftest import count, tenant_of_type


def actor_auth(info: Any) -> ActorAuth:
    assert isinstance(info.auth, ActorAuth)
    return info.auth


async def test_oauth2_tenant_token_is_fetched_once_and_reused(
    interop: InteropClient, sandbox: Any
) -> None:
    info = await tenant_of_type(interop, "oauth2")
    sandbox.reset_counters()
    actor = interop.for_tenant(info)
    for _ in range(3):
        await actor.tenant.state()
    again = interop.for_tenant(info)  # a new derived client shares the token store
    await again.tenant.get()
    assert count(sandbox, "oauthToken") == 1
    assert count(sandbox, "getTenantState") == 3


async def test_concurrent_requests_share_one_token_fetch(
    interop: InteropClient, sandbox: Any
) -> None:
    info = await tenant_of_type(interop, "oauth2")
    sandbox.reset_counters()
    actor = interop.for_tenant(info)
    states = await asyncio.gather(*(actor.tenant.state() for _ in range(25)))
    assert len(states) == 25
    assert count(sandbox, "oauthToken") == 1


async def test_token_is_refreshed_before_it_expires(interop: InteropClient, sandbox: Any) -> None:
    auth = actor_auth(await tenant_of_type(interop, "oauth2"))
    now = [1_000_000.0]
    credentials = ClientCredentials(
        str(auth.client_id), str(auth.client_secret), refresh_margin=30.0, clock=lambda: now[0]
    )
    actor = interop.with_auth(credentials)
    sandbox.reset_counters()
    await actor.tenant.state()
    now[0] += 3600.0 - 29.0  # inside the refresh margin of the sandbox's 3600 s tokens
    await actor.tenant.state()
    assert count(sandbox, "oauthToken") == 2
    assert count(sandbox, "getTenantState") == 2


async def test_a_401_drops_the_token_and_retries_once(interop: InteropClient, sandbox: Any) -> None:
    info = await tenant_of_type(interop, "oauth2")
    actor = interop.for_tenant(info)
    await actor.tenant.state()
    sandbox.reset_counters()
    sandbox.advance_clock(7200.0)  # the server now sees the cached token as expired
    state = await actor.tenant.state()
    assert state is not None
    assert count(sandbox, "oauthToken") == 1
    assert count(sandbox, "getTenantState") == 2


async def test_basic_tenant_and_bearer_token(interop: InteropClient, sandbox: Any) -> None:
    basic = actor_auth(await tenant_of_type(interop, "basic"))
    as_basic = interop.with_auth(BasicCredentials(str(basic.client_id), str(basic.client_secret)))
    assert (await as_basic.tenant.get()).auth is not None
    oauth = actor_auth(await tenant_of_type(interop, "oauth2"))
    async with httpx.AsyncClient(base_url=sandbox.base_url) as raw:
        token = (
            await raw.post(
                "/oauth/token",
                data={
                    "client_id": str(oauth.client_id),
                    "client_secret": str(oauth.client_secret),
                    "grant_type": "client_credentials",
                },
            )
        ).json()["access_token"]
    calls = 0

    async def provider() -> str:
        nonlocal calls
        calls += 1
        return str(token)

    fixed = interop.with_auth(BearerToken(str(token)))
    provided = interop.with_auth(BearerToken(provider))
    assert (await fixed.tenant.get()).id == (await provided.tenant.get()).id
    await provided.tenant.state()
    assert calls == 1


async def test_wrong_client_secret_raises_without_leaking(
    interop: InteropClient, sandbox: Any
) -> None:
    auth = actor_auth(await tenant_of_type(interop, "oauth2"))
    wrong = interop.with_auth(ClientCredentials(str(auth.client_id), "WRONG-SECRET-123"))
    with pytest.raises(AuthenticationError) as caught:
        await wrong.tenant.get()
    text = str(caught.value) + repr(caught.value) + repr(wrong) + repr(wrong.auth)
    assert "WRONG-SECRET-123" not in text
    assert caught.value.status_code == 401


async def test_secrets_never_reach_logs_repr_or_errors(
    interop: InteropClient, sandbox: Any, caplog: pytest.LogCaptureFixture
) -> None:
    info = await tenant_of_type(interop, "oauth2")
    secret = str(actor_auth(info).client_secret)
    caplog.set_level(logging.DEBUG, logger="kimono_interop")
    actor = interop.for_tenant(info)
    await actor.tenant.application.get()
    await interop.tenants.get(info.id)
    await interop.clouds.search(name="secret-looking-name").collect()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert caplog.records, "each attempt logs a DEBUG line"
    assert "GET" in logged
    assert "/v2/interop/tenant/application" in logged
    assert "secret-looking-name" not in logged  # query values outside the allowlist redacted
    for text in (logged, repr(actor), repr(actor.auth), repr(interop), repr(info)):
        assert secret not in text
        assert sandbox.api_key not in text
    assert repr(ApiKey("abc-key-xyz")).count("abc-key-xyz") == 0
