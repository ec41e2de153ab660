"""Token failures are shared by every request waiting on that fetch, and say what failed."""

from __future__ import annotations

import asyncio

import pytest

from kimono_interop import (
    APIConnectionError,
    AuthenticationError,
    ClientCredentials,
    InteropError,
    ServerError,
)
from tests.faults.conftest import (
    ACCESS_TOKEN,
    CLIENT_ID,
    CLIENT_SECRET,
    ID,
    ClientFactory,
    cloud,
    token_reply,
)
from tests.faults.server import FaultServer, Reply, ResetBeforeResponse

TOKEN = "/oauth/token"


async def test_a_token_is_fetched_once_for_concurrent_requests(
    server: FaultServer, make_client: ClientFactory, oauth: ClientCredentials
) -> None:
    server.route("POST", TOKEN, [Reply(json=token_reply())])
    server.default = Reply(json={"data": cloud()})
    client = make_client(auth=oauth)

    await asyncio.gather(*(client.clouds.get(ID) for _ in range(50)))

    token_requests = server.requests_to(TOKEN)
    assert len(token_requests) == 1
    assert token_requests[0].form() == {
        "grant_type": "client_credentials",
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
    }
    api = [r for r in server.requests if r.path != TOKEN]
    assert {r.header("authorization") for r in api} == {f"Bearer {ACCESS_TOKEN}"}


async def test_a_failing_token_endpoint_fails_every_waiter_with_one_request_per_round(
    server: FaultServer, make_client: ClientFactory, oauth: ClientCredentials
) -> None:
    server.route("POST", TOKEN, [Reply(status=500, json={"message": "down"})] * 10)
    client = make_client(auth=oauth)

    results = await asyncio.gather(
        *(client.clouds.get(ID) for _ in range(200)), return_exceptions=True
    )

    assert all(isinstance(result, ServerError) for result in results)
    assert "OAuth2 token request failed" in str(results[0])
    assert len(server.requests_to(TOKEN)) == 3  # one per attempt round: max_retries=2
    assert len(server.requests) == 3  # no API request went out without a token


async def test_the_next_call_after_a_failed_fetch_tries_again(
    server: FaultServer, make_client: ClientFactory, oauth: ClientCredentials
) -> None:
    server.route("POST", TOKEN, [Reply(status=503)] * 3 + [Reply(json=token_reply())])
    server.default = Reply(json={"data": cloud()})
    client = make_client(auth=oauth)
    with pytest.raises(ServerError):
        await client.clouds.get(ID)
    assert (await client.clouds.get(ID)).name == "Acme Cloud"
    assert len(server.requests_to(TOKEN)) == 4


async def test_a_reset_on_the_token_request_says_it_was_the_token_request(
    server: FaultServer, make_client: ClientFactory, oauth: ClientCredentials
) -> None:
    server.route("POST", TOKEN, [ResetBeforeResponse()] * 3)
    with pytest.raises(APIConnectionError, match=r"OAuth2 token request failed: POST /oauth/token"):
        await make_client(auth=oauth).clouds.get(ID)


@pytest.mark.parametrize("status", [400, 401])
async def test_an_oauth_error_body_is_an_authentication_error_with_its_code(
    server: FaultServer, make_client: ClientFactory, oauth: ClientCredentials, status: int
) -> None:
    body = {"error": "invalid_client", "error_description": "Client authentication failed"}
    server.route("POST", TOKEN, [Reply(status=status, json=body)])
    with pytest.raises(AuthenticationError) as caught:
        await make_client(auth=oauth).clouds.get(ID)
    assert caught.value.code == "invalid_client"
    assert caught.value.status_code == status
    assert "Client authentication failed" in str(caught.value)
    assert len(server.requests_to(TOKEN)) == 1  # an OAuth error is final


async def test_a_token_response_without_a_token_is_a_validation_error(
    server: FaultServer, make_client: ClientFactory, oauth: ClientCredentials
) -> None:
    server.route("POST", TOKEN, [Reply(json={"token_type": "bearer"})])
    with pytest.raises(InteropError, match=r"oauthToken: .* access_token: is required but missing"):
        await make_client(auth=oauth).clouds.get(ID)


async def test_a_401_refreshes_the_token_once(
    server: FaultServer, make_client: ClientFactory, oauth: ClientCredentials
) -> None:
    server.route("POST", TOKEN, [Reply(json=token_reply("old-token")), Reply(json=token_reply())])
    server.enqueue(Reply(status=401, json={"message": "expired"}), Reply(json={"data": cloud()}))
    assert (await make_client(auth=oauth).clouds.get(ID)).name == "Acme Cloud"
    api = [r.header("authorization") for r in server.requests if r.path != TOKEN]
    assert api == ["Bearer old-token", f"Bearer {ACCESS_TOKEN}"]


async def test_a_cancelled_first_caller_does_not_cancel_the_shared_fetch(
    server: FaultServer, make_client: ClientFactory, oauth: ClientCredentials
) -> None:
    server.route("POST", TOKEN, [Reply(json=token_reply(), delay=0.05)])
    server.default = Reply(json={"data": cloud()})
    client = make_client(auth=oauth)
    first = asyncio.ensure_future(client.clouds.get(ID))
    await asyncio.sleep(0.01)
    second = asyncio.ensure_future(client.clouds.get(ID))
    first.cancel()
    assert (await second).name == "Acme Cloud"
    assert len(server.requests_to(TOKEN)) == 1
