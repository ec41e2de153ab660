"""A fault-injecting HTTP/1.1 server on raw asyncio streams, for the SDK's behaviour tests.

An HTTP framework only ever writes well-formed responses. This server also produces what
broken servers and networks do: connections reset mid-body, bodies shorter than their
Content-Length, stalls, slow drips, bodies that are not JSON, and connections closed without
any response. It is scripted with actions, one consumed per request in arrival order::

    async with FaultServer() as server:
        server.enqueue(Reply(status=503, headers={"Retry-After": "0"}), Truncate(body=b"{"))
        server.route("POST", "/oauth/token", [ResetBeforeResponse()])
        ...  # point a client at server.base_url
        assert server.requests_to("/oauth/token")[0].form()["grant_type"] == "client_credentials"

A request whose method and path have a non-empty route queue takes the next action from it;
otherwise the global queue is used, and when that is empty, `FaultServer.default`.
"""

from __future__ import annotations

import abc
import asyncio
import contextlib
import json as jsonlib
import socket
import struct
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Final
from urllib.parse import parse_qs, parse_qsl

__all__ = [
    "Action",
    "BadRequest",
    "CloseBeforeResponse",
    "Drip",
    "FaultServer",
    "Headers",
    "Raw",
    "Reply",
    "Request",
    "ResetBeforeResponse",
    "ResetMidBody",
    "Stall",
    "Truncate",
    "Wire",
]

Headers = Mapping[str, str] | Sequence[tuple[str, str]]
"""Response headers: a mapping, or (name, value) pairs when a name repeats or order matters."""

_NO_JSON: Final[Any] = object()
_CLIENT_GONE = (ConnectionError, asyncio.IncompleteReadError)
_READ_SIZE = 65536


class BadRequest(Exception):
    """The client sent something this server cannot parse as an HTTP/1.1 request."""


@dataclass(frozen=True, kw_only=True)
class Request:
    """One request as received: `target` is the path with its query; `connection` numbers
    the connection that carried it (1 for the first accepted)."""

    method: str
    target: str
    version: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    connection: int

    @property
    def path(self) -> str:
        """The target without its query."""
        return self.target.partition("?")[0]

    @property
    def query(self) -> dict[str, list[str]]:
        """The query parameters, each with all its values."""
        return parse_qs(self.target.partition("?")[2], keep_blank_values=True)

    def header_values(self, name: str) -> list[str]:
        """Every value of the header `name` (case-insensitive), in order."""
        wanted = name.lower()
        return [value for key, value in self.headers if key.lower() == wanted]

    def header(self, name: str) -> str | None:
        """The header `name` (case-insensitive), repeated values joined by ", "; else None."""
        values = self.header_values(name)
        return ", ".join(values) if values else None

    def json(self) -> Any:
        """The body decoded as JSON."""
        return jsonlib.loads(self.body)

    def form(self) -> dict[str, str]:
        """The body decoded as application/x-www-form-urlencoded (last value wins)."""
        return dict(parse_qsl(self.body.decode("ascii"), keep_blank_values=True))

    @property
    def keep_alive(self) -> bool:
        """Whether the client lets the connection carry another request after this one."""
        tokens = {token.strip().lower() for token in (self.header("connection") or "").split(",")}
        if self.version == "HTTP/1.0":
            return "keep-alive" in tokens
        return "close" not in tokens


class Wire:
    """One accepted connection, as seen by the actions that answer on it."""

    def __init__(self, number: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.number = number
        self._reader = reader
        self._writer = writer

    async def read_request(self) -> Request:
        """The next request; raises IncompleteReadError when the client closes instead."""
        try:
            head = await self._reader.readuntil(b"\r\n\r\n")
        except asyncio.LimitOverrunError as exc:
            raise BadRequest("request head too large") from exc
        method, target, version, headers = _parse_head(head)
        body = await _read_body(self._reader, headers)
        return Request(
            method=method,
            target=target,
            version=version,
            headers=headers,
            body=body,
            connection=self.number,
        )

    async def send(self, data: bytes) -> None:
        """Write `data` and wait until the transport buffer has room again."""
        self._writer.write(data)
        await self._writer.drain()

    async def flush(self) -> None:
        """Wait until everything written has been handed to the kernel."""
        await self._writer.drain()
        while self._writer.transport.get_write_buffer_size():  # noqa: ASYNC110 - no event for this
            await asyncio.sleep(0.001)

    async def hangup(self, seconds: float | None) -> None:
        """Wait until the client closes its side or `seconds` pass; discards what it sends."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                while await self._reader.read(_READ_SIZE):
                    pass

    def reset(self) -> None:
        """Drop the connection with a TCP RST (SO_LINGER 0), discarding unsent data."""
        sock = self._writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self._writer.transport.abort()

    def abort(self) -> None:
        """Close at once, discarding unsent data (used at shutdown)."""
        self._writer.transport.abort()

    async def close(self) -> None:
        """Send what is buffered, then close with a FIN; a no-op once closed."""
        self._writer.close()
        with contextlib.suppress(Exception):
            await self._writer.wait_closed()


class Action(abc.ABC):
    """One scripted answer to one request."""

    @abc.abstractmethod
    async def perform(self, wire: Wire) -> bool:
        """Answer on `wire`; return True when the connection may carry another request."""


@dataclass(frozen=True, kw_only=True)
class _Response(Action):
    """A response head plus a body; `json`, when given, becomes the body."""

    status: int = 200
    body: bytes = b""
    headers: Headers = ()
    json: Any = _NO_JSON

    def __post_init__(self) -> None:
        if self.json is not _NO_JSON and self.body:
            raise ValueError("give body or json, not both")

    @property
    def payload(self) -> bytes:
        """The body bytes."""
        return self.body if self.json is _NO_JSON else jsonlib.dumps(self.json).encode()

    def head(self, content_length: int, *extra: tuple[str, str]) -> bytes:
        """Status line and headers; Content-Length and Content-Type added unless present."""
        pairs = list(self.headers.items() if isinstance(self.headers, Mapping) else self.headers)
        names = {name.lower() for name, _ in pairs}
        if self.json is not _NO_JSON and "content-type" not in names:
            pairs.append(("Content-Type", "application/json"))
        if "content-length" not in names:
            pairs.append(("Content-Length", str(content_length)))
        lines = [f"HTTP/1.1 {self.status} {_reason(self.status)}"]
        lines += [f"{name}: {value}" for name, value in [*pairs, *extra]]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


@dataclass(frozen=True, kw_only=True)
class Reply(_Response):
    """A well-formed response after `delay` seconds. `content_length` overrides the declared
    length; `close` adds ``Connection: close`` and closes the connection afterwards. The body
    is sent as given, even to a HEAD request."""

    content_length: int | None = None
    close: bool = False
    delay: float = 0.0

    async def perform(self, wire: Wire) -> bool:
        """Send the response."""
        if self.delay:
            await asyncio.sleep(self.delay)
        body = self.payload
        length = len(body) if self.content_length is None else self.content_length
        extra = [("Connection", "close")] if self.close else []
        await wire.send(self.head(length, *extra) + body)
        return not self.close


@dataclass(frozen=True, kw_only=True)
class Truncate(_Response):
    """Declares `declared_length` body bytes (default: one more than the body), sends the
    body, then closes gracefully."""

    declared_length: int | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.declared_length is not None and self.declared_length <= len(self.payload):
            raise ValueError("declared_length must exceed the body length")

    async def perform(self, wire: Wire) -> bool:
        """Send the short response and close."""
        declared = self.declared_length or len(self.payload) + 1
        await wire.send(self.head(declared) + self.payload)
        await wire.close()
        return False


@dataclass(frozen=True, kw_only=True)
class ResetMidBody(_Response):
    """Sends the head and the first `after_bytes` body bytes, then resets the connection."""

    after_bytes: int = 0

    async def perform(self, wire: Wire) -> bool:
        """Send part of the response, then RST."""
        body = self.payload
        await wire.send(self.head(len(body)) + body[: self.after_bytes])
        await wire.flush()
        wire.reset()
        return False


@dataclass(frozen=True, kw_only=True)
class ResetBeforeResponse(Action):
    """Reads the request, then resets the connection without answering."""

    async def perform(self, wire: Wire) -> bool:
        """RST at once."""
        wire.reset()
        return False


@dataclass(frozen=True, kw_only=True)
class CloseBeforeResponse(Action):
    """Reads the request, then closes the connection cleanly (FIN) without answering."""

    async def perform(self, wire: Wire) -> bool:
        """Close at once."""
        await wire.close()
        return False


@dataclass(frozen=True, kw_only=True)
class Stall(_Response):
    """Sends nothing, or with `after_headers` the head and the first `after_bytes` body bytes;
    then waits `seconds` (None: until shutdown) or until the client hangs up, and closes."""

    body: bytes = b'{"data": {}}'
    seconds: float | None = None
    after_headers: bool = False
    after_bytes: int = 0

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.after_headers and self.after_bytes >= len(self.payload):
            raise ValueError("a stall after the headers must withhold part of the body")

    async def perform(self, wire: Wire) -> bool:
        """Send the start, if any, then wait and close."""
        if self.after_headers:
            body = self.payload
            await wire.send(self.head(len(body)) + body[: self.after_bytes])
        await wire.hangup(self.seconds)
        await wire.close()
        return False


@dataclass(frozen=True, kw_only=True)
class Drip(_Response):
    """A well-formed response whose body is sent `chunk` bytes at a time, `interval` seconds
    apart."""

    chunk: int = 1
    interval: float = 0.01

    async def perform(self, wire: Wire) -> bool:
        """Send the head, then the body slowly."""
        body = self.payload
        await wire.send(self.head(len(body)))
        for start in range(0, len(body), self.chunk):
            await asyncio.sleep(self.interval)
            await wire.send(body[start : start + self.chunk])
        return True


@dataclass(frozen=True, kw_only=True)
class Raw(Action):
    """Sends `data` as is (a malformed status line, a body delimited by close, ...); then
    closes gracefully unless `close` is False."""

    data: bytes
    close: bool = True

    async def perform(self, wire: Wire) -> bool:
        """Send the bytes."""
        await wire.send(self.data)
        if self.close:
            await wire.close()
        return not self.close


class FaultServer:
    """A scripted HTTP/1.1 server on 127.0.0.1, started by ``async with`` in the running loop.

    `requests` records every request received; `errors` holds what went wrong on the server
    side (unparseable requests, bugs in actions), so tests can assert it stays empty.
    """

    def __init__(self, actions: Iterable[Action] = (), *, default: Action | None = None):
        self.default: Action = default if default is not None else Reply(json={"data": {}})
        self.requests: list[Request] = []
        self.errors: list[Exception] = []
        self.connections_accepted = 0
        self._queue: deque[Action] = deque(actions)
        self._routes: dict[tuple[str, str], deque[Action]] = {}
        self._wires: set[Wire] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._server: asyncio.Server | None = None
        self._port = 0

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self._port}"

    @property
    def port(self) -> int:
        """The listening port."""
        return self._port

    @property
    def open_connections(self) -> int:
        """Connections accepted and not yet closed."""
        return len(self._wires)

    @property
    def remaining(self) -> int:
        """Scripted actions not consumed yet, in the global queue and all routes."""
        return len(self._queue) + sum(len(queue) for queue in self._routes.values())

    def enqueue(self, *actions: Action) -> None:
        """Append actions to the global queue."""
        self._queue.extend(actions)

    def route(self, method: str, path: str, actions: Iterable[Action]) -> None:
        """Append actions for requests to `path` (no query) with `method` ("*": any method).
        They take precedence over the global queue until used up."""
        self._routes.setdefault((method.upper(), path), deque()).extend(actions)

    def requests_to(self, path: str, method: str | None = None) -> list[Request]:
        """The requests received for `path` (no query), optionally only with `method`."""
        return [
            request
            for request in self.requests
            if request.path == path and method in (None, request.method)
        ]

    async def wait_until(self, predicate: Callable[[], bool], within: float = 1.0) -> None:
        """Wait until `predicate()` holds, polling; raises TimeoutError after `within` seconds."""
        async with asyncio.timeout(within):
            while not predicate():  # noqa: ASYNC110 - the predicate may watch anything
                await asyncio.sleep(0.001)

    async def __aenter__(self) -> FaultServer:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self._port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Stop listening, drop every connection and wait for the handlers to finish."""
        server, self._server = self._server, None
        if server is None:
            return
        server.close()
        for wire in list(self._wires):
            wire.abort()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await server.wait_closed()

    def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._server is None:
            writer.transport.abort()
            return
        self.connections_accepted += 1
        wire = Wire(self.connections_accepted, reader, writer)
        self._wires.add(wire)
        task = asyncio.get_running_loop().create_task(self._serve(wire))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _serve(self, wire: Wire) -> None:
        try:
            await self._converse(wire)
        except _CLIENT_GONE:
            pass
        except BadRequest as exc:
            self.errors.append(exc)
            await _answer_bad_request(wire)
        except Exception as exc:
            self.errors.append(exc)
        finally:
            try:
                await wire.close()
            finally:
                self._wires.discard(wire)

    async def _converse(self, wire: Wire) -> None:
        while True:
            request = await wire.read_request()
            self.requests.append(request)
            if not await self._next_action(request).perform(wire) or not request.keep_alive:
                return

    def _next_action(self, request: Request) -> Action:
        for key in ((request.method, request.path), ("*", request.path)):
            queue = self._routes.get(key)
            if queue:
                return queue.popleft()
        return self._queue.popleft() if self._queue else self.default


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _parse_head(head: bytes) -> tuple[str, str, str, tuple[tuple[str, str], ...]]:
    request_line, *lines = head.decode("latin-1").split("\r\n")[:-2]
    parts = request_line.split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
        raise BadRequest(f"bad request line {request_line!r}")
    method, target, version = parts
    return method, target, version, tuple(_parse_header(line) for line in lines)


def _parse_header(line: str) -> tuple[str, str]:
    name, colon, value = line.partition(":")
    if not colon or not name or name != name.strip():
        raise BadRequest(f"bad header line {line!r}")
    return name, value.strip(" \t")


def _header(headers: Sequence[tuple[str, str]], name: str) -> str:
    return ", ".join(value for key, value in headers if key.lower() == name)


async def _read_body(reader: asyncio.StreamReader, headers: Sequence[tuple[str, str]]) -> bytes:
    if "chunked" in _header(headers, "transfer-encoding").lower():
        return await _read_chunked(reader)
    length = _header(headers, "content-length")
    if not length:
        return b""
    if not (length.isascii() and length.isdigit()):
        raise BadRequest(f"bad Content-Length {length!r}")
    return await reader.readexactly(int(length))


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    body = bytearray()
    while size := _chunk_size(await reader.readuntil(b"\r\n")):
        body += await reader.readexactly(size)
        if await reader.readexactly(2) != b"\r\n":
            raise BadRequest("chunk not followed by CRLF")
    while await reader.readuntil(b"\r\n") != b"\r\n":
        pass  # trailer fields, ignored
    return bytes(body)


def _chunk_size(line: bytes) -> int:
    try:
        return int(line.partition(b";")[0].strip(), 16)
    except ValueError:
        raise BadRequest(f"bad chunk size line {line!r}") from None


async def _answer_bad_request(wire: Wire) -> None:
    with contextlib.suppress(*_CLIENT_GONE):
        await wire.send(Reply(status=400, close=True).head(0, ("Connection", "close")))
