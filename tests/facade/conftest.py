"""Fixtures for the SDK over real loopback HTTP against the sandbox.

One sandbox serves the whole package (in the package's event loop) and is reset before each
test to a small world: :data:`TENANTS` tenants of seed :data:`SEED`, unless the test asks for
more with ``@pytest.mark.tenants(n)``. Every request the SDK sends and every response it gets
pass through a transport that validates them against the spec (the SDK's own requests, not only
the sandbox's answers). After each test, the secret scan looks through every log record and
exception of the test for the sandbox's secrets: its API key, every actor's secret, every token
it issued.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from openapi_core import OpenAPI
from openapi_core.validation.request.exceptions import InvalidRequestBody

from kimono_interop import ApiKey, InteropClient, RetryPolicy
from kimono_interop.models import AccountRef, ActorAuth, IntegrationRef, TenantInfo
from kimono_interop.sandbox import SandboxHandle, run_sandbox
from tests.conftest import SPEC_PATH
from tests.openapi_check import HttpxOpenAPIRequest, HttpxOpenAPIResponse
from tests.secret_scan import SecretScan
from tests.transports import chosen_transport

SEED = 7
TENANTS = 20
"""The tenants of each test's world unless it asks for more (the seed's rules repeat every 2 to
9 tenants, so 20 hold every kind of tenant)."""
FAST_RETRIES = RetryPolicy(max_retries=2, backoff_initial=0.001, backoff_max=0.005)
HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run this package's async tests in the package's event loop, the shared sandbox's."""
    package_loop = pytest.mark.asyncio(loop_scope="package")
    for item in items:
        if HERE in item.path.parents and pytest_asyncio.is_async_test(item):
            item.add_marker(package_loop, append=False)


@pytest.fixture(scope="session")
def openapi() -> OpenAPI:
    """The spec, loaded once."""
    return OpenAPI.from_file_path(str(SPEC_PATH))


class SpecValidatingTransport(httpx.AsyncBaseTransport):
    """Validates each request the SDK sends, and the response, against the spec."""

    def __init__(self, inner: httpx.AsyncBaseTransport, openapi: OpenAPI) -> None:
        self.inner = inner
        self.openapi = openapi
        self.validated = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Validate `request` (a spec violation fails the test), send it, validate the answer."""
        if not request.url.path.startswith("/_sandbox"):
            self._validate_request(request)
        response = await self.inner.handle_async_request(request)
        await response.aread()
        if not request.url.path.startswith("/_sandbox"):
            self.openapi.validate_response(
                HttpxOpenAPIRequest(request), HttpxOpenAPIResponse(response)
            )
        self.validated += 1
        return response

    def _validate_request(self, request: httpx.Request) -> None:
        try:
            self.openapi.validate_request(HttpxOpenAPIRequest(request))
        except InvalidRequestBody:
            # openapi-core parses an XML body into an Element and then checks it against
            # `type: string`: a blueprint can never pass. The SDK checks blueprints itself.
            if "xml" not in request.headers.get("content-type", ""):
                raise

    async def aclose(self) -> None:
        """Close the wrapped transport."""
        await self.inner.aclose()


@pytest_asyncio.fixture(scope="package", loop_scope="package")
async def shared_sandbox() -> AsyncIterator[SandboxHandle]:
    """The package's one sandbox (use `sandbox`: it is reset for each test)."""
    async with run_sandbox(seed=SEED, tenants=TENANTS, max_page_size=50, retry_after=0) as handle:
        yield handle


@pytest_asyncio.fixture(loop_scope="package")
async def sandbox(
    shared_sandbox: SandboxHandle, request: pytest.FixtureRequest
) -> AsyncIterator[SandboxHandle]:
    """The shared sandbox, reset to a fresh world (``@pytest.mark.tenants(n)`` for more)."""
    marker = request.node.get_closest_marker("tenants")
    tenants = TENANTS if marker is None else int(marker.args[0])
    assert await shared_sandbox.wait_idle(5.0, connections=False), "a request never finished"
    shared_sandbox.reset(seed=SEED, tenants=tenants)
    shared_sandbox.knobs.update({"max_page_size": 50, "retry_after": 0})
    yield shared_sandbox


@pytest.fixture(autouse=True)
def secret_scan(request: pytest.FixtureRequest) -> Iterator[SecretScan]:
    """Nothing the SDK logs or raises may hold the sandbox's secrets (scanned after the test)."""
    scan = SecretScan()
    handle: SandboxHandle | None = None
    if "sandbox" in request.fixturenames:
        handle = request.getfixturevalue("sandbox")
    collecting = scan.start()
    next(collecting)
    try:
        yield scan
    finally:
        next(collecting, None)
    if handle is not None:
        scan.add_basic(handle.api_key, handle.api_key)
        for client_id, (secret, _) in handle.state.world.credentials.items():
            scan.add_basic(client_id, secret)
        scan.add(*handle.state.issued_tokens)
    found = scan.findings()
    assert not found, "secrets leaked:\n" + "\n".join(found)


@pytest_asyncio.fixture(loop_scope="package")
async def interop(sandbox: SandboxHandle, openapi: OpenAPI) -> AsyncIterator[InteropClient]:
    """A developer client (API key, fast retries) whose traffic is validated against the spec."""
    transport = SpecValidatingTransport(chosen_transport(), openapi)
    async with InteropClient(
        auth=ApiKey(sandbox.api_key),
        base_url=sandbox.base_url,
        retry_policy=FAST_RETRIES,
        transport=transport,
    ) as client:
        yield client


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "tenants(n): the test's sandbox world has n tenants")


def count(sandbox: Any, operation_id: str) -> int:
    """How many requests for this operation reached the sandbox."""
    return int(sandbox.counters.get(operation_id, 0))


async def tenant_of_type(interop: InteropClient, auth_type: str) -> TenantInfo:
    """The first tenant whose actor credentials are of this type."""
    async for info in interop.tenants.list():
        if isinstance(info.auth, ActorAuth) and str(info.auth.type_).lower() == auth_type:
            return info
    raise AssertionError(f"the sandbox has no {auth_type} tenant")


def account_id(info: TenantInfo) -> str:
    """The id of the tenant's account."""
    assert isinstance(info.account, AccountRef)
    return str(info.account.id)


def integration_name(info: TenantInfo) -> str:
    """The name of the tenant's integration."""
    assert isinstance(info.integration, IntegrationRef)
    return str(info.integration.name)
