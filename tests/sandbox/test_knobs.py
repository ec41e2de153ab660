"""Knobs (latency, rate limits, injected failures, dropped connections, slow responses), the
counters, the clock and the ``/_sandbox`` control endpoints; and the server's socket."""

from __future__ import annotations

import asyncio
import socket
import time
from collections import Counter

import httpx
import pytest

from kimono_interop.sandbox import Knobs, SandboxHandle, SandboxState
from kimono_interop.sandbox import server as sandbox_server
from tests.sandbox.conftest import (
    SpecChecker,
    actor,
    developer,
    error_body,
    page_of,
)

CLOUDS = "/v2/interop/clouds"


async def test_latency_delays_every_api_request(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    dev = developer(sandbox)
    sandbox.knobs.latency = 0.05
    for request in (http.get(CLOUDS, auth=dev), http.get(CLOUDS)):  # even refused ones
        started = time.monotonic()
        await request
        assert time.monotonic() - started >= 0.05


async def test_every_nth_request_is_rate_limited(
    sandbox: SandboxHandle, http: httpx.AsyncClient, checker: SpecChecker
) -> None:
    dev = developer(sandbox)
    await http.get(CLOUDS, auth=dev)  # served before the counting starts
    sandbox.knobs.rate_limit_every = 3
    sandbox.reset_counters()
    statuses: list[int] = []
    for n in range(9):
        response = await http.get(CLOUDS, auth=dev)
        statuses.append(response.status_code)
        if response.status_code == 429:
            body = error_body(response, 429)
            assert body["code"] == "too_many_requests"
            assert response.headers["retry-after"] == "0"
        else:
            assert "retry-after" not in response.headers, n
    assert statuses == [200, 200, 429] * 3
    assert sandbox.counters["listClouds"] == 9  # limited requests are counted too

    sandbox.knobs.retry_after = 2.5
    await http.get(CLOUDS, auth=dev)
    await http.get(CLOUDS, auth=dev)
    limited = await http.get(CLOUDS, auth=dev)
    assert limited.status_code == 429
    assert limited.headers["retry-after"] == "3"
    assert checker.statuses("listClouds") == {200, 429}


async def test_fail_next_answers_failures_then_recovers(
    sandbox: SandboxHandle, http: httpx.AsyncClient, checker: SpecChecker
) -> None:
    dev = developer(sandbox)
    sandbox.knobs.fail_next = 2
    for _ in range(2):
        failed = error_body(await http.get(CLOUDS, auth=dev), 503)
        assert failed["code"] == "injected_failure"
    assert sandbox.knobs.fail_next == 0
    assert (await http.get(CLOUDS, auth=dev)).status_code == 200

    sandbox.knobs.fail_status = 520
    sandbox.knobs.fail_next = 1
    odd = await http.get(CLOUDS, auth=dev)
    assert error_body(odd, 520)["message"] == "injected failure (520)"
    assert "retry-after" not in odd.headers
    assert (await http.get(CLOUDS, auth=dev)).status_code == 200
    assert checker.statuses("listClouds") == {200, 503, 520}


async def test_retry_after_accompanies_injected_503s(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    sandbox.knobs.retry_after = 1
    sandbox.knobs.fail_next = 1
    failed = await http.get(CLOUDS, auth=developer(sandbox))
    assert failed.status_code == 503
    assert failed.headers["retry-after"] == "1"
    sandbox.knobs.retry_after = None
    sandbox.knobs.fail_next = 1
    bare = await http.get(CLOUDS, auth=developer(sandbox))
    assert bare.status_code == 503
    assert "retry-after" not in bare.headers


async def test_a_dropped_connection_then_success(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    dev = developer(sandbox)
    sandbox.knobs.drop_next = 1
    with pytest.raises(httpx.TransportError) as raised:
        await http.get(CLOUDS, auth=dev)
    assert isinstance(raised.value, httpx.RemoteProtocolError | httpx.ReadError)
    assert sandbox.knobs.drop_next == 0
    assert (await http.get(CLOUDS, auth=dev)).status_code == 200
    assert sandbox.counters["listClouds"] == 2


async def test_a_slow_response_times_out_then_success(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    dev = developer(sandbox)
    sandbox.knobs.slow_delay = 0.3
    sandbox.knobs.slow_next = 1
    with pytest.raises(httpx.ReadTimeout):
        await http.get(CLOUDS, auth=dev, timeout=0.1)
    assert sandbox.knobs.slow_next == 0
    assert (await http.get(CLOUDS, auth=dev, timeout=0.1)).status_code == 200


async def test_control_endpoints_are_neither_faulted_nor_counted(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    sandbox.knobs.fail_next = 1
    sandbox.knobs.rate_limit_every = 1
    for path in ("/_sandbox/health", "/_sandbox/knobs", "/_sandbox/counters", "/_sandbox/clock"):
        assert (await http.get(path)).status_code == 200, path
    assert sandbox.knobs.fail_next == 1
    assert sandbox.counters == Counter()
    assert sandbox.state.served == 0


async def test_counters_count_each_operation_exactly(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    dev, me = developer(sandbox), actor(sandbox, 0)
    await http.get(CLOUDS, auth=dev)
    sandbox.reset_counters()
    assert sandbox.counters == Counter()
    for _ in range(3):
        await http.get(CLOUDS, auth=dev)
    await http.get("/v2/interop/tenant", auth=me)
    await http.get("/v2/interop/tenant")  # refused, still counted
    await http.get("/v2/interop/tenant/rollovers/count", auth=me)
    await http.post("/oauth/token", data={"grant_type": "client_credentials"})
    await http.get("/_sandbox/health")
    await http.get("/v2/interop/nowhere", auth=dev)  # no operation
    expected = {"listClouds": 3, "getTenant": 2, "countRollovers": 1, "oauthToken": 1}
    assert dict(sandbox.counters) == expected
    idle = {"in_flight": 0, "peak_in_flight": 1, "open_connections": 1}  # this client's
    assert (await http.get("/_sandbox/counters")).json() == expected | idle

    cleared = await http.delete("/_sandbox/counters")
    assert cleared.status_code == 200
    assert cleared.json() == idle | {"peak_in_flight": 0}
    assert sandbox.counters == Counter()
    assert sandbox.state.served == 0
    assert sandbox.peak_in_flight == 0
    await http.get(CLOUDS, auth=dev)
    assert (await http.get("/_sandbox/counters")).json() == {"listClouds": 1} | idle


async def test_in_flight_and_peak_count_concurrent_api_requests(sandbox: SandboxHandle) -> None:
    """The token endpoint counts too, refused requests too; control requests do not."""
    assert await sandbox.wait_idle()
    sandbox.knobs.latency = 0.05
    seen: list[int] = []
    limits = httpx.Limits(max_connections=4)
    async with httpx.AsyncClient(base_url=sandbox.base_url, limits=limits) as client:

        async def watch() -> None:
            for _ in range(20):
                seen.append(sandbox.in_flight)
                await asyncio.sleep(0.005)

        requests = [client.get(CLOUDS, auth=developer(sandbox)) for _ in range(5)]
        requests += [client.get(CLOUDS), client.post("/oauth/token", data={})]
        watcher = asyncio.create_task(watch())
        answers = await asyncio.gather(*requests, client.get("/_sandbox/health"))
        await watcher
        assert [a.status_code for a in answers] == [200] * 5 + [401, 400, 200]
        assert sandbox.open_connections == 4  # the client's pool, kept alive
        assert sandbox.in_flight == 0
    assert sandbox.peak_in_flight == 4  # the client never had more than 4 connections
    assert max(seen) == 4
    assert await sandbox.wait_idle()
    assert sandbox.open_connections == 0
    sandbox.reset_counters()
    assert sandbox.peak_in_flight == 0


async def test_a_request_the_client_abandons_leaves_flight_when_answered(
    sandbox: SandboxHandle,
) -> None:
    sandbox.knobs.slow_delay = 0.2
    sandbox.knobs.slow_next = 1
    async with httpx.AsyncClient(base_url=sandbox.base_url) as client:
        with pytest.raises(httpx.ReadTimeout):
            await client.get(CLOUDS, auth=developer(sandbox), timeout=0.05)
        assert sandbox.in_flight == 1
    assert not await sandbox.wait_idle(0.05)  # still sleeping
    assert await sandbox.wait_idle(2.0)
    assert (sandbox.in_flight, sandbox.peak_in_flight) == (0, 1)


async def test_reset_starts_over(sandbox: SandboxHandle, http: httpx.AsyncClient) -> None:
    """Knobs back to their start values, counters, clock and tokens gone, the same world."""
    first_tenant = next(iter(sandbox.state.world.tenants))
    me = actor(sandbox, 0)
    await http.post(CLOUDS, auth=developer(sandbox), json={"name": "scratch"})
    await http.delete("/v2/interop/tenant/scoping/schools", auth=me)
    sandbox.knobs.latency = 0.01
    sandbox.knobs.max_page_size = 3
    sandbox.advance_clock(60)
    sandbox.reset()
    assert sandbox.knobs.as_dict() == Knobs(max_page_size=50, retry_after=0).as_dict()
    assert (sandbox.counters, sandbox.state.served, sandbox.state.clock_offset) == (Counter(), 0, 0)
    assert next(iter(sandbox.state.world.tenants)) == first_tenant
    assert len(sandbox.state.world.clouds) == 8
    assert sandbox.state.world.schools == SandboxState(seed=7, tenants=20).world.schools

    sandbox.reset(seed=8, tenants=3)
    assert len(sandbox.state.world.tenants) == 3
    assert first_tenant not in sandbox.state.world.tenants
    assert (await http.get("/_sandbox/health")).json() == {"status": "ok", "seed": 8, "tenants": 3}
    sandbox.reset()  # the last seed and size
    assert (sandbox.state.seed, len(sandbox.state.world.tenants)) == (8, 3)


async def test_the_reset_endpoint(sandbox: SandboxHandle, http: httpx.AsyncClient) -> None:
    sandbox.knobs.fail_next = 5
    answer = await http.post("/_sandbox/reset", json={"seed": 3, "tenants": 4})
    assert answer.json() == {"status": "ok", "seed": 3, "tenants": 4}
    assert sandbox.knobs.fail_next == 0
    assert list(sandbox.state.world.tenants) == list(SandboxState(seed=3, tenants=4).world.tenants)
    assert (await http.post("/_sandbox/reset")).json()["tenants"] == 4  # no body: as before
    assert (await http.post("/_sandbox/reset", json={})).json()["seed"] == 3
    rejected: list[tuple[object, str]] = [
        ({"tenants": 0}, "tenants"),
        ({"tenants": "many"}, "tenants"),
        ({"seed": 1.5}, "seed"),
        ({"seed": True}, "seed"),
        ({"size": 4}, "size"),
        ([1], "object"),
    ]
    for body, word in rejected:
        refused = error_body(await http.post("/_sandbox/reset", json=body), 400)
        assert word in refused["message"], (body, refused)
    assert (sandbox.state.seed, len(sandbox.state.world.tenants)) == (3, 4)
    assert sandbox.counters == Counter()


async def test_knobs_endpoint_reads_and_changes_the_knobs(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    shown = (await http.get("/_sandbox/knobs")).json()
    assert shown == sandbox.knobs.as_dict()
    assert (shown["max_page_size"], shown["retry_after"], shown["paging"]) == (50, 0, "next")

    changed = await http.patch("/_sandbox/knobs", json={"max_page_size": 5, "paging": "none"})
    assert changed.status_code == 200
    assert changed.json() == sandbox.knobs.as_dict()
    assert (sandbox.knobs.max_page_size, sandbox.knobs.paging) == (5, "none")
    listed = await http.get("/v2/interop/tenants", auth=developer(sandbox))
    assert len(page_of(listed)) == 5
    assert "paging" not in listed.json()

    rejected: list[tuple[object, str]] = [
        ({"bogus": 1}, "bogus"),
        ({"paging": "sometimes"}, "paging"),
        ({"max_page_size": 0}, "max_page_size"),
        ({"max_page_size": 2.5}, "max_page_size"),
        ({"latency": "fast"}, "latency"),
        ({"latency": -1}, "latency"),
        ({"token_lifetime": 0}, "token_lifetime"),
        ({"fail_status": 200}, "fail_status"),
        ({"fail_next": True}, "fail_next"),
        ({"rate_limit_every": 0}, "rate_limit_every"),
        ([1, 2], ""),
    ]
    for body, word in rejected:
        answer = error_body(await http.patch("/_sandbox/knobs", json=body), 400)
        assert word in answer["message"], (body, answer)
    error_body(
        await http.patch(
            "/_sandbox/knobs", content=b"{oops", headers={"content-type": "application/json"}
        ),
        400,
    )
    assert (sandbox.knobs.max_page_size, sandbox.knobs.paging) == (5, "none")

    cleared = await http.patch("/_sandbox/knobs", json={"rate_limit_every": None})
    assert cleared.status_code == 200
    assert cleared.json()["rate_limit_every"] is None


async def test_a_rejected_knob_patch_changes_nothing(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    before = sandbox.knobs.as_dict()
    error_body(await http.patch("/_sandbox/knobs", json={"latency": 0.5, "bogus": 1}), 400)
    assert sandbox.knobs.as_dict() == before


async def test_the_clock_endpoint_advances_the_server_clock(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    before = (await http.get("/_sandbox/clock")).json()
    assert before["offset"] == 0
    assert abs(before["now"] - time.time()) < 60
    advanced = (await http.post("/_sandbox/clock", json={"advance": 100})).json()
    assert advanced["offset"] == 100
    assert advanced["now"] >= before["now"] + 100
    sandbox.advance_clock(0.5)
    assert (await http.get("/_sandbox/clock")).json()["offset"] == 100.5
    for body in ({"advance": -1}, {"advance": "soon"}, {}, [5], None):
        error_body(await http.post("/_sandbox/clock", json=body), 400)
    assert sandbox.state.clock_offset == 100.5
    with pytest.raises(ValueError, match="non-negative"):
        sandbox.advance_clock(-1)


async def test_health(sandbox: SandboxHandle, http: httpx.AsyncClient) -> None:
    health = await http.get("/_sandbox/health")
    assert health.json() == {"status": "ok", "seed": 7, "tenants": 20}
    unknown = error_body(await http.get("/_sandbox/nothing"), 404)
    assert unknown["code"] == "not_found"
    wrong_method = error_body(await http.put("/_sandbox/health"), 405)
    assert wrong_method["code"] == "method_not_allowed"


async def test_accepted_connections_have_tcp_nodelay() -> None:
    listener = sandbox_server.bind_socket("127.0.0.1", 0)
    seen: list[int] = []

    async def accepted(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        sock = writer.get_extra_info("socket")
        seen.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
        writer.close()

    server = await asyncio.start_server(accepted, sock=listener)
    try:
        _, writer = await asyncio.open_connection(*listener.getsockname()[:2])
        for _ in range(100):
            if seen:
                break
            await asyncio.sleep(0.01)
        writer.close()
    finally:
        server.close()
        await server.wait_closed()
    assert seen
    assert seen[0] != 0
