"""The fault server does what each action says, seen from httpx and from raw sockets."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import httpx
import pytest

from tests.faults import (
    BadRequest,
    CloseBeforeResponse,
    Drip,
    FaultServer,
    Raw,
    Reply,
    ResetBeforeResponse,
    ResetMidBody,
    Stall,
    Truncate,
)

SHORT = 0.05
"""A read timeout the stalls outlast."""


@pytest.fixture
async def server() -> AsyncIterator[FaultServer]:
    """A fresh server; fails the test if the server itself saw an unexpected error."""
    async with FaultServer() as fault_server:
        yield fault_server
        assert fault_server.errors == []


@pytest.fixture
async def client(server: FaultServer) -> AsyncIterator[httpx.AsyncClient]:
    """A plain httpx client pointed at the server, with short timeouts."""
    async with httpx.AsyncClient(base_url=server.base_url, timeout=1.0) as http:
        yield http


async def raw_exchange(server: FaultServer, data: bytes) -> bytes:
    """Send `data` on a fresh connection and return everything received until the server closes."""
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    try:
        writer.write(data)
        async with asyncio.timeout(1):
            return await reader.read()
    finally:
        writer.close()
        await writer.wait_closed()


def causes(error: BaseException) -> list[type[BaseException]]:
    """The types of `error` and of every exception it was raised from."""
    chain: list[type[BaseException]] = []
    current: BaseException | None = error
    while current is not None:
        chain.append(type(current))
        current = current.__cause__ or current.__context__
    return chain


# Responses


async def test_default_reply_is_an_empty_json_data_object(client: httpx.AsyncClient) -> None:
    response = await client.get("/anything")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"data": {}}


async def test_reply_round_trips_status_headers_and_body(
    server: FaultServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(
        Reply(status=502, body=b"<html>bad gateway</html>", headers={"Content-Type": "text/html"}),
        Reply(status=299, headers=[("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")]),
        Reply(json=[1, None, "x"], headers={"Retry-After": "3"}),
    )
    html, empty, listing = [await client.get("/") for _ in range(3)]
    assert (html.status_code, html.text) == (502, "<html>bad gateway</html>")
    assert html.headers["content-type"] == "text/html"
    assert (empty.status_code, empty.content, empty.reason_phrase) == (299, b"", "Unknown")
    assert empty.headers.get_list("set-cookie") == ["a=1", "b=2"]
    assert listing.json() == [1, None, "x"]
    assert listing.headers["retry-after"] == "3"
    assert server.remaining == 0


async def test_reply_content_length_override_is_sent_as_is(server: FaultServer) -> None:
    server.enqueue(Reply(body=b"abc", content_length=2))
    received = await raw_exchange(server, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert received.endswith(b"Content-Length: 2\r\n\r\nabc")


async def test_reply_delay_postpones_the_response(
    server: FaultServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(Reply(delay=SHORT * 2))
    with pytest.raises(httpx.ReadTimeout):
        await client.get("/", timeout=SHORT)


def test_actions_reject_contradictory_settings() -> None:
    with pytest.raises(ValueError, match="body or json"):
        Reply(body=b"x", json={})
    with pytest.raises(ValueError, match="declared_length"):
        Truncate(body=b"abc", declared_length=3)
    with pytest.raises(ValueError, match="withhold"):
        Stall(body=b"abc", after_headers=True, after_bytes=3)


# Faults


async def test_truncate_makes_httpx_raise_remote_protocol_error(
    server: FaultServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(Truncate(body=b'{"data": {', declared_length=100))
    async with client.stream("GET", "/") as response:
        assert response.headers["content-length"] == "100"
        with pytest.raises(httpx.RemoteProtocolError, match="received 10 bytes, expected 100"):
            await response.aread()


async def test_truncate_sends_the_short_body_then_a_clean_close(server: FaultServer) -> None:
    server.enqueue(Truncate(body=b"abc"))
    received = await raw_exchange(server, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert received.endswith(b"Content-Length: 4\r\n\r\nabc")


async def test_reset_mid_body_makes_httpx_raise_read_error_after_the_partial_body(
    server: FaultServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(ResetMidBody(body=b"0123456789" * 10, after_bytes=40))
    received = bytearray()

    async def read_body(response: httpx.Response) -> None:
        async for chunk in response.aiter_raw():
            received.extend(chunk)

    async with client.stream("GET", "/") as response:
        assert response.status_code == 200
        with pytest.raises(httpx.ReadError) as caught:
            await read_body(response)
    assert type(caught.value) is httpx.ReadError
    assert ConnectionResetError in causes(caught.value)
    assert bytes(received) == b"0123456789" * 4


async def test_reset_before_response_makes_httpx_raise_read_error(
    server: FaultServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(ResetBeforeResponse())
    with pytest.raises(httpx.ReadError) as caught:
        await client.post("/x", json={"a": 1})
    assert type(caught.value) is httpx.ReadError
    assert [request.json() for request in server.requests] == [{"a": 1}]


async def test_close_before_response_makes_httpx_raise_remote_protocol_error(
    server: FaultServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(CloseBeforeResponse())
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        await client.get("/")
    assert len(server.requests) == 1


async def test_stall_before_headers_makes_a_read_timeout(
    server: FaultServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(Stall())
    with pytest.raises(httpx.ReadTimeout):
        await client.get("/", timeout=SHORT)


async def test_stall_after_headers_times_out_while_reading_the_body(
    server: FaultServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(Stall(after_headers=True, after_bytes=3))
    async with client.stream("GET", "/", timeout=SHORT) as response:
        assert response.status_code == 200
        with pytest.raises(httpx.ReadTimeout):
            await response.aread()


async def test_stall_ends_when_the_client_hangs_up(
    server: FaultServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(Stall())  # forever, but httpx drops the connection on its timeout
    with pytest.raises(httpx.ReadTimeout):
        await client.get("/", timeout=SHORT)
    await server.wait_until(lambda: server.open_connections == 0)


async def test_stall_with_seconds_closes_afterwards(
    server: FaultServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(Stall(seconds=0.01))
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        await client.get("/")


async def test_drip_delivers_the_whole_body_slowly(
    server: FaultServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(Drip(body=b"abcdef", chunk=2, interval=0.01))
    started = time.monotonic()
    response = await client.get("/", timeout=0.5)
    assert response.content == b"abcdef"
    assert time.monotonic() - started >= 0.03


async def test_raw_sends_bytes_verbatim(server: FaultServer, client: httpx.AsyncClient) -> None:
    server.enqueue(
        Raw(data=b"HTTP/1.1 200 OK\r\n\r\nbody until close"), Raw(data=b"nonsense\r\n\r\n")
    )
    assert (await client.get("/")).content == b"body until close"
    with pytest.raises(httpx.RemoteProtocolError, match="illegal status line"):
        await client.get("/")


# Scripting


async def test_routes_take_precedence_over_the_queue_until_used_up(
    server: FaultServer, client: httpx.AsyncClient
) -> None:
    server.route("POST", "/oauth/token", [Reply(status=500), Reply(json={"access_token": "t"})])
    server.route("*", "/any", [Reply(status=204)])
    server.enqueue(Reply(status=418), Reply(status=503))
    statuses = [
        (await client.get("/oauth/token")).status_code,  # other method: the queue
        (await client.post("/oauth/token?x=1")).status_code,
        (await client.post("/oauth/token")).status_code,
        (await client.delete("/any")).status_code,
        (await client.post("/oauth/token")).status_code,  # route used up: the queue
        (await client.post("/oauth/token")).status_code,  # everything used up: the default
    ]
    assert statuses == [418, 500, 200, 204, 503, 200]
    assert server.remaining == 0
    assert len(server.requests_to("/oauth/token", method="POST")) == 4


async def test_requests_are_recorded_with_their_bodies(
    server: FaultServer, client: httpx.AsyncClient
) -> None:
    await client.post(
        "/oauth/token?scope=a&scope=b",
        data={"grant_type": "client_credentials"},
        headers={"X-Request-Id": "r1"},
    )
    await client.put("/items/1", json={"name": "x"})
    await client.get("/items")
    token, put, get = server.requests
    assert (token.method, token.target, token.path) == (
        "POST",
        "/oauth/token?scope=a&scope=b",
        "/oauth/token",
    )
    assert token.query == {"scope": ["a", "b"]}
    assert token.form() == {"grant_type": "client_credentials"}
    assert token.header("x-request-id") == token.header("X-REQUEST-ID") == "r1"
    assert ("X-Request-Id", "r1") in token.headers
    assert token.header("missing") is None
    assert (put.method, put.json()) == ("PUT", {"name": "x"})
    assert (get.body, get.version) == (b"", "HTTP/1.1")
    assert server.requests_to("/items") == [get]


async def test_chunked_request_bodies_are_read(
    server: FaultServer, client: httpx.AsyncClient
) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for part in (b"hello ", b"", b"chunked ", b"world"):
            yield part

    await client.post("/upload", content=chunks())
    await client.get("/after")  # the same connection: the chunked framing was consumed exactly
    upload, after = server.requests
    assert upload.header("transfer-encoding") == "chunked"
    assert upload.body == b"hello chunked world"
    assert after.path == "/after"
    assert server.connections_accepted == 1


async def test_raw_chunked_body_with_extensions_and_trailers(server: FaultServer) -> None:
    await raw_exchange(
        server,
        b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        b"3;ext=1\r\nabc\r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n",
    )
    assert server.requests[0].body == b"abc0123456789"


# Connections


async def test_keep_alive_serves_two_requests_on_one_connection(
    server: FaultServer, client: httpx.AsyncClient
) -> None:
    await client.get("/one")
    await client.post("/two", content=b"x")
    assert server.connections_accepted == 1
    assert [request.connection for request in server.requests] == [1, 1]


async def test_connection_close_from_either_side_ends_the_connection(
    server: FaultServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(Reply(close=True))
    first = await client.get("/")
    await client.get("/", headers={"Connection": "close"})
    await client.get("/")
    assert first.headers["connection"] == "close"
    assert [request.connection for request in server.requests] == [1, 2, 3]


async def test_http_1_0_requests_are_not_kept_alive(server: FaultServer) -> None:
    received = await raw_exchange(server, b"GET / HTTP/1.0\r\n\r\n")
    assert received.startswith(b"HTTP/1.1 200 OK\r\n")
    assert received.endswith(b'{"data": {}}')


async def test_open_connections_drop_to_zero_after_the_client_closes(server: FaultServer) -> None:
    async with httpx.AsyncClient(base_url=server.base_url, timeout=1.0) as http:
        await asyncio.gather(*(http.get(f"/{index}") for index in range(3)))
        assert server.open_connections == server.connections_accepted == 3
    await server.wait_until(lambda: server.open_connections == 0)


async def test_a_leaked_connection_stays_open_at_the_server(server: FaultServer) -> None:
    http = httpx.AsyncClient(base_url=server.base_url, timeout=1.0)
    await http.get("/")
    await asyncio.sleep(0.01)
    assert server.open_connections == 1
    await http.aclose()
    await server.wait_until(lambda: server.open_connections == 0)


async def test_malformed_requests_get_400_and_are_recorded_as_errors(server: FaultServer) -> None:
    received = await raw_exchange(server, b"NONSENSE\r\n\r\n")
    assert received.startswith(b"HTTP/1.1 400 Bad Request\r\n")
    assert [type(error) for error in server.errors] == [BadRequest]
    server.errors.clear()


async def test_exit_drops_connections_and_cancels_stalled_handlers() -> None:
    async with FaultServer([Stall(), Stall(after_headers=True)]) as server:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        http = httpx.AsyncClient(base_url=server.base_url, timeout=1.0)
        request = asyncio.create_task(http.get("/"))
        await server.wait_until(lambda: len(server.requests) == 2)
    assert server.open_connections == 0
    assert asyncio.all_tasks() == {asyncio.current_task(), request}
    with pytest.raises(httpx.RemoteProtocolError):
        await request
    await http.aclose()
    assert await reader.read() == b""
    writer.close()
    await writer.wait_closed()
    assert asyncio.all_tasks() == {asyncio.current_task()}
