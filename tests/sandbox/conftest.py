"""Fixtures for the sandbox's own tests: one seeded sandbox on loopback for the whole package,
reset before each test, and plain httpx clients whose every API response (the token endpoint's
too) is validated against ``openapi/interop-v2.yaml`` with openapi-core.

The sandbox is started once for this package, in the package's event loop (every async test of
this directory runs in it), and :meth:`SandboxHandle.reset` gives each test the same small world
(:data:`TENANTS` tenants of seed :data:`SEED`, the start knobs, zeroed counters and clock); a
test that needs more tenants says so with ``@pytest.mark.tenants(n)``.

openapi-core has no httpx contrib, so :class:`HttpxOpenAPIRequest` and
:class:`HttpxOpenAPIResponse` implement its ``Request`` and ``Response`` protocols. The sandbox
listens on loopback while the spec declares only the production server, so the request adapter
reports the spec's server as its ``host_url``: the path, method and body are the real ones.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from openapi_core import OpenAPI
from openapi_core.templating.paths.finders import APICallPathFinder

from kimono_interop.sandbox import OPERATIONS, TOKEN_OPERATION, SandboxHandle, run_sandbox
from tests.conftest import SPEC_PATH
from tests.openapi_check import HttpxOpenAPIRequest, HttpxOpenAPIResponse, spec_server_url

SEED = 7
TENANTS = 20
"""The tenants each test's world has, unless it asks for more with ``@pytest.mark.tenants(n)``
(the tests' tenant indexes stay below 6; the seed's rules repeat every 2 to 9 tenants)."""
SANDBOX_OPTIONS: dict[str, Any] = {"seed": SEED, "max_page_size": 50, "retry_after": 0}
TOKEN_PATH = "/oauth/token"
HERE = Path(__file__).parent

Json = dict[str, Any]


def _path_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    body = "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(body)


def _routes() -> tuple[tuple[re.Pattern[str], dict[str, str]], ...]:
    by_path: dict[str, dict[str, str]] = {}
    for op in OPERATIONS:
        by_path.setdefault(op.path, {})[op.method] = op.operation_id
    by_path[TOKEN_PATH] = {"POST": TOKEN_OPERATION}
    return tuple((_path_regex(path), methods) for path, methods in by_path.items())


ROUTES: tuple[tuple[re.Pattern[str], dict[str, str]], ...] = _routes()
"""(path pattern, operation id by method), in the sandbox's routing order, the token endpoint
(``oauthToken``) last."""

OPERATION_IDS: frozenset[str] = frozenset(op.operation_id for op in OPERATIONS)


def operation_for(method: str, path: str) -> str | None:
    """The operation id a request goes to, as the sandbox routes it, or None.

    The first path that matches decides, whatever the method (a method it does not take is a
    405, not an operation), as OpenAPI matches a concrete path before a template.
    """
    for pattern, operations in ROUTES:
        if pattern.fullmatch(path):
            return operations.get(method.upper())
    return None


@dataclass(frozen=True)
class Checked:
    """One response that was validated against the spec."""

    operation_id: str
    method: str
    path: str
    status: int


class SpecChecker:
    """Validates responses of API operations against the spec and remembers which it checked."""

    def __init__(self, openapi: OpenAPI) -> None:
        self.openapi = openapi
        self.finder = APICallPathFinder(openapi.spec)
        self.checked: list[Checked] = []

    def spec_operation_id(self, method: str, path: str) -> str:
        """The operationId the spec gives this method and path."""
        found = self.finder.find(method.lower(), f"{spec_server_url()}{path}")
        return str(found.operation["operationId"])

    def check(self, response: httpx.Response) -> str | None:
        """Validate `response` (read) when it answers an operation of the spec (the API's and
        ``oauthToken``); its operation id.

        Responses of ``/_sandbox/...`` are outside the spec: None. A response that does not
        match the spec raises openapi-core's validation error.
        """
        request = response.request
        operation_id = operation_for(request.method, request.url.path)
        if operation_id is None:
            return None
        spec_operation = self.spec_operation_id(request.method, request.url.path)
        assert spec_operation == operation_id, (request.method, request.url.path)
        self.openapi.validate_response(HttpxOpenAPIRequest(request), HttpxOpenAPIResponse(response))
        self.checked.append(
            Checked(operation_id, request.method, request.url.path, response.status_code)
        )
        return operation_id

    async def hook(self, response: httpx.Response) -> None:
        """An httpx response event hook: read the body, then validate."""
        await response.aread()
        self.check(response)

    def statuses(self, operation_id: str) -> set[int]:
        """The statuses validated so far for this operation."""
        return {c.status for c in self.checked if c.operation_id == operation_id}

    def operations(self) -> set[str]:
        """The operation ids validated so far."""
        return {c.operation_id for c in self.checked}


@pytest.fixture(scope="session")
def openapi() -> OpenAPI:
    """The spec, loaded (and checked) once per session."""
    return OpenAPI.from_file_path(str(SPEC_PATH))


@pytest.fixture
def checker(openapi: OpenAPI) -> SpecChecker:
    """This test's validator (each test has its own record of what it validated)."""
    return SpecChecker(openapi)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "tenants(n): the test's sandbox world has n tenants (default: TENANTS)"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run this package's async tests in the package's event loop, the shared sandbox's."""
    package_loop = pytest.mark.asyncio(loop_scope="package")
    for item in items:
        if HERE in item.path.parents and pytest_asyncio.is_async_test(item):
            item.add_marker(package_loop, append=False)


@pytest_asyncio.fixture(scope="package", loop_scope="package")
async def shared_sandbox() -> AsyncIterator[SandboxHandle]:
    """The package's one sandbox (use `sandbox`: it is reset for each test); it stops when the
    last test of ``tests/sandbox`` is done."""
    async with run_sandbox(tenants=TENANTS, **SANDBOX_OPTIONS) as handle:
        yield handle


@pytest_asyncio.fixture(loop_scope="package")
async def sandbox(
    shared_sandbox: SandboxHandle, request: pytest.FixtureRequest
) -> AsyncIterator[SandboxHandle]:
    """The shared sandbox, reset to a fresh world of seed SEED: TENANTS tenants, or as many as
    the test's ``tenants`` marker says. Requests a previous test left running finish first."""
    marker = request.node.get_closest_marker("tenants")
    tenants = TENANTS if marker is None else int(marker.args[0])
    assert await shared_sandbox.wait_idle(5.0, connections=False), "a request never finished"
    shared_sandbox.reset(seed=SEED, tenants=tenants)
    yield shared_sandbox


def validating_client(base_url: str, checker: SpecChecker, **options: Any) -> httpx.AsyncClient:
    """A plain httpx client whose every response passes through `checker`."""
    options.setdefault("timeout", 10.0)
    return httpx.AsyncClient(base_url=base_url, event_hooks={"response": [checker.hook]}, **options)


@pytest_asyncio.fixture(loop_scope="package")
async def http(sandbox: SandboxHandle, checker: SpecChecker) -> AsyncIterator[httpx.AsyncClient]:
    """A validating client for the `sandbox` fixture (no credentials: pass `auth=` per call)."""
    async with validating_client(sandbox.base_url, checker) as client:
        yield client


# -- credentials ---------------------------------------------------------------------------


def developer(sandbox: SandboxHandle) -> httpx.BasicAuth:
    """The developer API key as HTTP Basic (user and password)."""
    return httpx.BasicAuth(sandbox.api_key, sandbox.api_key)


def tenant(sandbox: SandboxHandle, n: int) -> Json:
    """The n-th seeded tenant (seeding order; the rules of the seed depend on n)."""
    return list(sandbox.state.world.tenants.values())[n]


def actor(sandbox: SandboxHandle, n: int) -> httpx.BasicAuth:
    """The n-th tenant's actor credentials as HTTP Basic."""
    auth = tenant(sandbox, n)["auth"]
    return httpx.BasicAuth(auth["client_id"], auth["client_secret"])


def error_body(response: httpx.Response, status: int) -> Json:
    """Assert `response` is an ErrorType answer with `status`; its body."""
    assert response.status_code == status, (response.status_code, response.text)
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert isinstance(body, dict)
    assert set(body) == {"status", "code", "message", "ext_message", "details"}, body
    assert body["status"] == status
    assert isinstance(body["code"], str)
    assert body["code"]
    assert isinstance(body["message"], str)
    assert body["message"]
    return body


def token_error(response: httpx.Response, status: int) -> Json:
    """Assert `response` is an RFC 6749 section 5.2 error with `status`; its body."""
    assert response.status_code == status, (response.status_code, response.text)
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert isinstance(body, dict)
    assert set(body) == {"error", "error_description"}, body
    assert isinstance(body["error"], str)
    assert isinstance(body["error_description"], str)
    assert body["error_description"]
    return body


def data_of(response: httpx.Response, status: int = 200) -> Any:
    """Assert a ``{data, error: null}`` answer with `status`; its data."""
    assert response.status_code == status, (response.status_code, response.text)
    body = response.json()
    assert isinstance(body, dict), body
    assert set(body) == {"data", "error"}, body
    assert body["error"] is None
    return body["data"]


def page_of(response: httpx.Response) -> list[Json]:
    """Assert a list envelope ``{data: [...], paging?}``; its items."""
    assert response.status_code == 200, (response.status_code, response.text)
    body = response.json()
    assert isinstance(body, dict), body
    assert isinstance(body["data"], list), body
    assert set(body) <= {"data", "paging"}
    items: list[Json] = body["data"]
    return items
