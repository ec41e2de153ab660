"""Raw responses of successful calls, per-attempt hooks, and extra headers."""

from __future__ import annotations

import pytest

from kimono_interop import APIResponse, Attempt, InvalidArgumentError
from tests.faults.conftest import ID, ClientFactory, cloud
from tests.faults.server import FaultServer, Reply


async def test_with_raw_response_gives_status_headers_and_request_id(
    server: FaultServer, make_client: ClientFactory
) -> None:
    server.enqueue(
        Reply(status=503, headers={"Retry-After": "0"}),
        Reply(json={"data": cloud()}, headers={"X-Request-Id": "req-42", "X-Extra": "1"}),
    )
    client = make_client()
    raw = await client.with_raw_response(client.clouds.get, ID)
    assert isinstance(raw, APIResponse)
    assert raw.parsed.name == "Acme Cloud"
    assert raw.status_code == 200
    assert raw.request_id == "req-42"
    assert raw.headers["x-extra"] == "1"
    assert raw.http_response.request.headers["authorization"] == "***"


async def test_with_raw_response_works_for_a_first_page(
    server: FaultServer, make_client: ClientFactory
) -> None:
    server.enqueue(Reply(json={"data": [cloud()], "paging": {"next": None}}))
    client = make_client()
    raw = await client.with_raw_response(client.clouds.list().first_page)
    assert [c.name for c in raw.parsed.items] == ["Acme Cloud"]
    assert raw.status_code == 200


async def test_with_raw_response_needs_a_request(make_client: ClientFactory) -> None:
    async def nothing() -> int:
        return 1

    with pytest.raises(InvalidArgumentError, match="sent no API request"):
        await make_client().with_raw_response(nothing)


async def test_every_attempt_reaches_the_hooks(
    server: FaultServer, make_client: ClientFactory
) -> None:
    seen: list[Attempt] = []
    server.enqueue(Reply(status=503, headers={"Retry-After": "0"}), Reply(json={"data": cloud()}))
    await make_client(on_attempt=seen.append).clouds.get(ID)
    assert [(a.attempt, a.operation_id) for a in seen] == [(1, "findCloud"), (2, "findCloud")]
    assert [a.response.status_code for a in seen if a.response is not None] == [503, 200]
    assert all(a.elapsed >= 0 for a in seen)
    assert seen[0].request.headers["authorization"] == "***"


async def test_extra_headers_go_out_with_every_request(
    server: FaultServer, make_client: ClientFactory
) -> None:
    server.default = Reply(json={"data": cloud()})
    client = make_client(headers={"X-Driver": "roster-sync/2.1"})
    await client.clouds.get(ID)
    await client.with_options(headers={"X-Trace": "abc"}).clouds.get(ID)
    assert server.requests[0].header("x-driver") == "roster-sync/2.1"
    assert server.requests[1].header("x-driver") == "roster-sync/2.1"
    assert server.requests[1].header("x-trace") == "abc"
    assert server.requests[0].header("x-trace") is None
