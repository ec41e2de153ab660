"""The client's own promises: closed means closed, credentials never go out in clear text by
accident, and nothing the SDK hands out carries a secret or the token exchange."""

from __future__ import annotations

import logging

import pytest

from kimono_interop import (
    ApiKey,
    ClientClosedError,
    ClientCredentials,
    InsecureTransportError,
    InteropClient,
    InvalidArgumentError,
    NotFoundError,
)
from kimono_interop.models import TenantInfo
from tests.faults.conftest import (
    ACCESS_TOKEN,
    API_KEY,
    CLIENT_SECRET,
    ID,
    ClientFactory,
    cloud,
    token_reply,
)
from tests.faults.server import FaultServer, Reply

TENANT = TenantInfo.from_dict(
    {
        "id": ID,
        "name": "Springfield USD",
        "actor_id": ID,
        "account": {"id": ID, "name": "Acme"},
        "cloud": {"id": ID, "name": "Acme Cloud"},
        "integration": {"id": ID, "name": "roster-sync"},
        "auth": {"type": "oauth2", "client_id": "c1", "client_secret": CLIENT_SECRET},
    }
)


async def test_a_closed_root_client_raises_client_closed_error(
    server: FaultServer, make_client: ClientFactory
) -> None:
    client = make_client()
    derived = client.with_options(timeout=1.0)
    actor = client.for_tenant(TENANT)
    await client.aclose()
    for closed in (client, derived, actor):
        with pytest.raises(ClientClosedError, match="closed"):
            await closed.clouds.get(ID)
    assert server.requests == []


async def test_a_closed_derived_client_raises_and_the_root_goes_on(
    server: FaultServer, make_client: ClientFactory
) -> None:
    server.default = Reply(json={"data": cloud()})
    client = make_client()
    actor = client.for_tenant(TENANT)
    await actor.aclose()
    with pytest.raises(ClientClosedError):
        await actor.clouds.get(ID)
    assert (await client.clouds.get(ID)).name == "Acme Cloud"
    assert client.for_tenant(TENANT) is not actor  # a closed client is not handed out again


def test_plain_http_to_another_host_is_refused() -> None:
    with pytest.raises(InsecureTransportError, match="clear text"):
        InteropClient(auth=ApiKey(API_KEY), base_url="http://api.example.com")
    InteropClient(auth=ApiKey(API_KEY), base_url="http://api.example.com", allow_insecure_http=True)
    InteropClient(auth=ApiKey(API_KEY), base_url="http://localhost:9")


def test_a_token_url_over_plain_http_is_refused() -> None:
    credentials = ClientCredentials("c1", CLIENT_SECRET, "http://idp.example.com/token")
    with pytest.raises(InsecureTransportError, match="token_url"):
        InteropClient(auth=credentials, base_url="https://api.example.com")


async def test_an_error_after_a_token_exchange_holds_no_secret_and_no_history(
    server: FaultServer, make_client: ClientFactory
) -> None:
    server.route("POST", "/oauth/token", [Reply(json=token_reply())])
    server.default = Reply(status=404, json={"message": "no such cloud", "code": "not_found"})
    client = make_client(auth=ClientCredentials("c1", CLIENT_SECRET))

    with pytest.raises(NotFoundError) as caught:
        await client.clouds.get(ID)

    error = caught.value
    assert error.response.history == []
    assert error.response.request.headers["authorization"] == "***"
    assert error.response.request.content == b""
    for text in (
        str(error),
        repr(error),
        repr(error.response.headers),
        str(error.response.request.url),
    ):
        assert CLIENT_SECRET not in text
        assert ACCESS_TOKEN not in text
    assert error.__cause__ is None
    assert error.__context__ is None


async def test_httpx_logs_nothing_of_our_requests(
    server: FaultServer, make_client: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    server.default = Reply(json={"data": [], "paging": {"next": None}})
    with caplog.at_level(logging.DEBUG):
        await make_client().clouds.search(name="secret-ish", userdata="private").collect()
    httpx_records = [r for r in caplog.records if r.name == "httpx"]
    assert httpx_records == []
    ours = [r.getMessage() for r in caplog.records if r.name == "kimono_interop"]
    assert ours
    assert all("private" not in line and "secret-ish" not in line for line in ours)
    assert "userdata=REDACTED" in ours[0]


async def test_bad_values_are_quoted_shortened(make_client: ClientFactory) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        await make_client().clouds.get("x" * 10_000_000)
    assert len(str(caught.value)) < 300
