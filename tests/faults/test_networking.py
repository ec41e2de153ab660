"""Networking the caller controls: proxies from the environment or given, a client of one's own,
and OpenTelemetry's httpx instrumentation, all without losing the SDK's retries and auth."""

from __future__ import annotations

import httpx
import pytest
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from kimono_interop import APIConnectionError, ApiKey, InteropClient
from tests.faults.conftest import API_KEY, FAST, ID, ClientFactory, cloud
from tests.faults.server import FaultServer, Reply

NOWHERE = "http://localhost:9"
"""A base URL nothing listens on: a request that succeeds went through the proxy."""


@pytest.fixture
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


@pytest.mark.default_pool
async def test_the_environment_proxy_is_used(
    server: FaultServer, make_client: ClientFactory, no_proxy_env: pytest.MonkeyPatch
) -> None:
    no_proxy_env.setenv("HTTP_PROXY", server.base_url)
    server.default = Reply(json={"data": cloud()})
    assert (await make_client(base_url=NOWHERE).clouds.get(ID)).name == "Acme Cloud"
    (request,) = server.requests
    assert request.target == f"{NOWHERE}/v2/interop/clouds/{ID}"  # absolute form: a proxy request


@pytest.mark.default_pool
async def test_no_proxy_bypasses_it(
    server: FaultServer, make_client: ClientFactory, no_proxy_env: pytest.MonkeyPatch
) -> None:
    no_proxy_env.setenv("HTTP_PROXY", server.base_url)
    no_proxy_env.setenv("NO_PROXY", "localhost")
    with pytest.raises(APIConnectionError):
        await make_client(base_url=NOWHERE).clouds.get(ID)
    assert server.requests == []


async def test_trust_env_false_ignores_the_environment(
    server: FaultServer, make_client: ClientFactory, no_proxy_env: pytest.MonkeyPatch
) -> None:
    no_proxy_env.setenv("HTTP_PROXY", server.base_url)
    with pytest.raises(APIConnectionError):
        await make_client(base_url=NOWHERE, trust_env=False).clouds.get(ID)
    assert server.requests == []


async def test_an_explicit_proxy_is_used(
    server: FaultServer, make_client: ClientFactory, no_proxy_env: pytest.MonkeyPatch
) -> None:
    server.default = Reply(json={"data": cloud()})
    await make_client(base_url=NOWHERE, proxy=server.base_url).clouds.get(ID)
    assert server.requests[0].target.startswith(NOWHERE)


async def test_a_client_of_ones_own_keeps_retries_and_auth(server: FaultServer) -> None:
    seen: list[str] = []

    async def record(request: httpx.Request) -> None:
        seen.append(request.method)

    server.enqueue(Reply(status=503, headers={"Retry-After": "0"}), Reply(json={"data": cloud()}))
    async with (
        httpx.AsyncClient(event_hooks={"request": [record]}) as mine,
        InteropClient(
            auth=ApiKey(API_KEY), base_url=server.base_url, http_client=mine, retry_policy=FAST
        ) as interop,
    ):
        assert (await interop.clouds.get(ID)).name == "Acme Cloud"
        assert not mine.is_closed  # the SDK does not close a client it did not create
    assert seen == ["GET", "GET"]
    assert all(
        r.header(
            "authorization",
        )
        is not None
        for r in server.requests
    )


async def test_opentelemetry_httpx_instrumentation_sees_every_attempt(
    server: FaultServer,
) -> None:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    server.enqueue(Reply(status=503, headers={"Retry-After": "0"}), Reply(json={"data": cloud()}))
    async with httpx.AsyncClient() as http:
        HTTPXClientInstrumentor.instrument_client(http, tracer_provider=provider)
        async with InteropClient(
            auth=ApiKey(API_KEY), base_url=server.base_url, http_client=http, retry_policy=FAST
        ) as interop:
            await interop.clouds.get(ID)
    spans = exporter.get_finished_spans()
    attributes = [dict(span.attributes or {}) for span in spans]
    statuses = [a.get("http.status_code", a.get("http.response.status_code")) for a in attributes]
    assert statuses == [503, 200]
    assert all(span.name == "GET" for span in spans)
