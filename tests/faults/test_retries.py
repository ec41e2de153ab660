"""Retries cover the whole response: a failure while the body is read counts like any other.

GET, PUT and DELETE are resent after a reset or a stall mid-body; POST and PATCH are not (the
server may have acted). Every discarded response is closed, so no connection stays checked out.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from kimono_interop import (
    APIConnectionError,
    APITimeoutError,
    InteropClient,
    RateLimitError,
    ServerError,
)
from kimono_interop._pipeline import pool_state
from tests.faults.conftest import ID, STAMP, ClientFactory, cloud
from tests.faults.server import (
    CloseBeforeResponse,
    FaultServer,
    Reply,
    ResetMidBody,
    Stall,
    Truncate,
)

VERSION = {
    "id": ID,
    "created_at": STAMP,
    "updated_at": STAMP,
    "integration_id": ID,
    "version": "1.0",
    "release_state": "beta",
}
Call = Callable[[InteropClient], Awaitable[Any]]

IDEMPOTENT: dict[str, tuple[Call, dict[str, Any] | None]] = {
    "GET": (lambda c: c.clouds.get(ID), {"data": cloud()}),
    "PUT": (
        lambda c: c.integrations.versions.put_blueprint(ID, "1.0", '<Blueprint version="1.0"/>'),
        {"data": VERSION},
    ),
    "DELETE": (lambda c: c.clouds.delete(ID), None),
}
NOT_IDEMPOTENT: dict[str, Call] = {
    "POST": lambda c: c.clouds.create(name="Acme Cloud"),
    "PATCH": lambda c: c.integrations.update(ID, name="n"),
}
BODY = {"data": cloud(), "padding": "x" * 2000}
BODY_BYTES = json.dumps(BODY).encode()


def mid_body_faults() -> dict[str, Any]:
    return {
        "reset mid-body": ResetMidBody(json=BODY, after_bytes=100),
        "stall mid-body": Stall(body=BODY_BYTES, after_headers=True, after_bytes=100),
        "truncated body": Truncate(json=BODY, declared_length=10_000),
        "closed before the response": CloseBeforeResponse(),
    }


def _ok(body: dict[str, Any] | None) -> Reply:
    return Reply(json=body) if body is not None else Reply(status=204)


@pytest.mark.parametrize("method", list(IDEMPOTENT))
@pytest.mark.parametrize("fault", list(mid_body_faults()))
async def test_idempotent_requests_are_resent_after_a_failure_mid_body(
    server: FaultServer, make_client: ClientFactory, method: str, fault: str
) -> None:
    call, body = IDEMPOTENT[method]
    server.enqueue(mid_body_faults()[fault], _ok(body))
    client = make_client(timeout=0.2)

    await call(client)

    assert [r.method for r in server.requests] == [method, method]
    state = pool_state(client._state.shared)
    assert state["active"] == 0  # the discarded response was closed


@pytest.mark.parametrize("method", list(IDEMPOTENT))
async def test_a_body_that_keeps_failing_gives_up_after_the_retries(
    server: FaultServer, make_client: ClientFactory, method: str
) -> None:
    call, _ = IDEMPOTENT[method]
    server.enqueue(*(ResetMidBody(json=BODY, after_bytes=100) for _ in range(3)))
    with pytest.raises(APIConnectionError, match=f"{method} .*ReadError"):
        await call(make_client())
    assert len(server.requests) == 3  # the first send and max_retries=2 resends


@pytest.mark.parametrize("method", list(IDEMPOTENT))
async def test_a_stalled_body_times_out_after_the_retries(
    server: FaultServer, make_client: ClientFactory, method: str
) -> None:
    call, _ = IDEMPOTENT[method]
    server.enqueue(*(Stall(body=BODY_BYTES, after_headers=True, after_bytes=10) for _ in range(3)))
    with pytest.raises(APITimeoutError, match="ReadTimeout"):
        await call(make_client(timeout=0.05))
    assert len(server.requests) == 3


@pytest.mark.parametrize("method", list(NOT_IDEMPOTENT))
@pytest.mark.parametrize("fault", ["reset mid-body", "truncated body"])
async def test_post_and_patch_are_not_resent_after_a_failure_mid_body(
    server: FaultServer, make_client: ClientFactory, method: str, fault: str
) -> None:
    server.enqueue(mid_body_faults()[fault], Reply(json={"data": cloud()}))
    with pytest.raises(APIConnectionError):
        await NOT_IDEMPOTENT[method](make_client())
    assert len(server.requests) == 1


@pytest.mark.parametrize("method", list(NOT_IDEMPOTENT))
async def test_post_and_patch_are_not_resent_after_a_stall(
    server: FaultServer, make_client: ClientFactory, method: str
) -> None:
    server.enqueue(Stall(after_headers=False), Reply(json={"data": cloud()}))
    with pytest.raises(APITimeoutError):
        await NOT_IDEMPOTENT[method](make_client(timeout=0.05))
    assert len(server.requests) == 1


@pytest.mark.parametrize("method", list(NOT_IDEMPOTENT))
async def test_post_and_patch_are_resent_on_429(
    server: FaultServer, make_client: ClientFactory, method: str
) -> None:
    success = Reply(json={"data": cloud()}) if method == "POST" else Reply(status=204)
    server.enqueue(Reply(status=429, headers={"Retry-After": "0"}), success)
    await NOT_IDEMPOTENT[method](make_client())
    assert [r.method for r in server.requests] == [method, method]


@pytest.mark.parametrize("method", list(NOT_IDEMPOTENT))
async def test_a_429_that_persists_is_a_rate_limit_error_with_its_retry_after(
    server: FaultServer, make_client: ClientFactory, method: str
) -> None:
    server.default = Reply(status=429, headers={"Retry-After": "0"})
    with pytest.raises(RateLimitError) as caught:
        await NOT_IDEMPOTENT[method](make_client())
    assert caught.value.retry_after == 0.0
    assert len(server.requests) == 3


async def test_a_503_then_success_is_one_call(
    server: FaultServer, make_client: ClientFactory
) -> None:
    server.enqueue(Reply(status=503, json={"message": "busy"}), Reply(json={"data": cloud()}))
    assert (await make_client().clouds.get(ID)).name == "Acme Cloud"


async def test_a_server_error_after_the_retries_says_so(
    server: FaultServer, make_client: ClientFactory
) -> None:
    server.default = Reply(status=500, json={"status": 500, "code": "boom", "message": "down"})
    with pytest.raises(ServerError, match=r"500 .*findCloud.*down \(code=boom\)"):
        await make_client().clouds.get(ID)
    assert len(server.requests) == 3
