"""Fixtures for the SDK's behaviour over the fault server: a fresh server, clients pointed at it,
and the bodies the tests answer with."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest

from kimono_interop import ApiKey, ClientCredentials, InteropClient, RetryPolicy
from tests.faults.server import FaultServer
from tests.secret_scan import SecretScan
from tests.transports import chosen_transport, overridden

FAST = RetryPolicy(max_retries=2, backoff_initial=0.001, backoff_max=0.002, jitter=0.0)
"""Retries that wait a millisecond or two."""

API_KEY = "ak-" + uuid.uuid4().hex
CLIENT_ID = "client-" + uuid.uuid4().hex[:8]
CLIENT_SECRET = "cs-" + uuid.uuid4().hex
ACCESS_TOKEN = "at-" + uuid.uuid4().hex
SECRETS = (API_KEY, CLIENT_SECRET, ACCESS_TOKEN)
"""What the fault tests authenticate with: none of it may surface anywhere."""

ID = "6f7a1c2e-0000-4000-8000-000000000001"
ACCOUNT = "6f7a1c2e-0000-4000-8000-000000000002"
STAMP = "2025-08-01T12:00:00.000Z"


def cloud(**changes: Any) -> dict[str, Any]:
    """A valid Cloud as the API sends it."""
    return {
        "id": ID,
        "created_at": STAMP,
        "updated_at": STAMP,
        "account_id": ACCOUNT,
        "name": "Acme Cloud",
        "userdata": None,
        "generation": 2,
        **changes,
    }


def token_reply(token: str = ACCESS_TOKEN, expires_in: int = 3600) -> dict[str, Any]:
    """A token endpoint's success body."""
    return {"access_token": token, "token_type": "bearer", "expires_in": expires_in}


@pytest.fixture
async def server() -> AsyncIterator[FaultServer]:
    """A fresh fault server; fails the test if the server saw a request it could not parse."""
    async with FaultServer() as fault_server:
        yield fault_server
        assert fault_server.errors == []


ClientFactory = Callable[..., InteropClient]


@pytest.fixture
async def make_client(
    server: FaultServer, request: pytest.FixtureRequest
) -> AsyncIterator[ClientFactory]:
    """Builds clients on the server (API key, fast retries, short timeouts); closes them all.

    They use the transport under test (``tests.transports``) unless the test is marked
    ``default_pool`` (it tests how the SDK builds its own pool) or passes a pool option.
    """
    made: list[InteropClient] = []
    default_pool_only = request.node.get_closest_marker("default_pool") is not None

    def make(**options: Any) -> InteropClient:
        settings: dict[str, Any] = {
            "auth": ApiKey(API_KEY),
            "base_url": server.base_url,
            "retry_policy": FAST,
            "timeout": 0.5,
        }
        own_pool = {"transport", "http_client", "proxy", "verify", "trust_env"} & set(options)
        if overridden() and not own_pool and not default_pool_only:
            settings["transport"] = chosen_transport()
        settings.update(options)
        client = InteropClient(**settings)
        made.append(client)
        return client

    yield make
    for client in made:
        await client.aclose()


@pytest.fixture
def oauth() -> ClientCredentials:
    """Client credentials whose token comes from the server's /oauth/token."""
    return ClientCredentials(CLIENT_ID, CLIENT_SECRET)


@pytest.fixture(autouse=True)
def secret_scan() -> Iterator[SecretScan]:
    """Every fault test: nothing the SDK logged or raised may hold a secret the test used."""
    scan = SecretScan()
    scan.add(*SECRETS)
    scan.add_basic(API_KEY, API_KEY)
    scan.add_basic(CLIENT_ID, CLIENT_SECRET)
    yield from _scanning(scan)


def _scanning(scan: SecretScan) -> Iterator[SecretScan]:
    collecting = scan.start()
    next(collecting)
    try:
        yield scan
    finally:
        next(collecting, None)
    found = scan.findings()
    assert not found, "secrets leaked:\n" + "\n".join(found)
