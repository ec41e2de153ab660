"""Raw HTTP/1.1 over a loopback socket, for requests no HTTP client would send: broken framing,
bytes outside ASCII, over-long heads. A connection the server resets raises
``ConnectionResetError`` while reading, so a test that reads to the end proves a clean close.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

READ_TIMEOUT = 10.0


@dataclass(frozen=True)
class RawResponse:
    """One response as read off the wire (header names lower-cased)."""

    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        """The body as JSON."""
        return json.loads(self.body)


def request(
    method: str,
    target: str | bytes,
    *,
    headers: Mapping[str, str | bytes] | None = None,
    body: bytes | None = None,
    close: bool = True,
) -> bytes:
    """A request's bytes: Host, `headers`, Content-Length when there is a `body`, and
    ``Connection: close`` unless `close` is false (then the connection is kept alive)."""
    raw_target = target.encode("ascii") if isinstance(target, str) else target
    lines = [method.encode("ascii") + b" " + raw_target + b" HTTP/1.1", b"Host: sandbox"]
    fields = dict(headers or {})
    if body is not None and not any(k.lower() == "transfer-encoding" for k in fields):
        fields.setdefault("Content-Length", str(len(body)))
    if close:
        fields["Connection"] = "close"
    for name, value in fields.items():
        lines.append(
            name.encode("ascii") + b": " + (value if isinstance(value, bytes) else value.encode())
        )
    return b"\r\n".join(lines) + b"\r\n\r\n" + (body or b"")


class RawConnection:
    """One TCP connection to the sandbox."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, base_url: str) -> RawConnection:
        """Connect to the server at `base_url`."""
        where = urlsplit(base_url)
        reader, writer = await asyncio.open_connection(where.hostname, where.port)
        return cls(reader, writer)

    async def send(self, data: bytes, *, half_close: bool = False) -> None:
        """Write `data`; `half_close` then shuts down the sending side."""
        self.writer.write(data)
        await self.writer.drain()
        if half_close:
            self.writer.write_eof()

    async def response(self) -> RawResponse:
        """Read one response (the sandbox always frames them with Content-Length)."""
        head = await asyncio.wait_for(self.reader.readuntil(b"\r\n\r\n"), READ_TIMEOUT)
        status, headers = _head(head)
        length = int(headers.get("content-length", "0"))
        body = await asyncio.wait_for(self.reader.readexactly(length), READ_TIMEOUT)
        return RawResponse(status, headers, body)

    async def rest(self) -> list[RawResponse]:
        """Read every response until the server closes (a reset raises)."""
        data = await asyncio.wait_for(self.reader.read(), READ_TIMEOUT)
        return parse_responses(data)

    async def close(self) -> None:
        """Close our side."""
        self.writer.close()
        with contextlib.suppress(OSError):
            await self.writer.wait_closed()


def _head(head: bytes) -> tuple[int, dict[str, str]]:
    status_line, *lines = head.decode("latin-1").rstrip("\r\n").split("\r\n")
    version, status, *_ = status_line.split(" ", 2)
    assert version == "HTTP/1.1", status_line
    headers: dict[str, str] = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(status), headers


def parse_responses(data: bytes) -> list[RawResponse]:
    """Every response in `data`, each framed by Content-Length."""
    responses: list[RawResponse] = []
    while data:
        head, separator, rest = data.partition(b"\r\n\r\n")
        assert separator, f"an incomplete response head: {data[:200]!r}"
        status, headers = _head(head + separator)
        assert "transfer-encoding" not in headers, headers
        length = int(headers["content-length"])
        assert len(rest) >= length, f"a truncated body: {rest!r}"
        responses.append(RawResponse(status, headers, rest[:length]))
        data = rest[length:]
    return responses


async def exchange(base_url: str, data: bytes, *, half_close: bool = False) -> list[RawResponse]:
    """Send `data` on a new connection and read every response until the server closes."""
    connection = await RawConnection.open(base_url)
    try:
        await connection.send(data, half_close=half_close)
        return await connection.rest()
    finally:
        await connection.close()


def error_of(response: RawResponse, status: int) -> dict[str, Any]:
    """Assert `response` is an ErrorType JSON answer with `status`; its body."""
    assert response.status == status, (response.status, response.body[:300])
    assert response.headers["content-type"].startswith("application/json"), response.headers
    body = response.json()
    assert isinstance(body, dict)
    assert set(body) == {"status", "code", "message", "ext_message", "details"}, body
    assert body["status"] == status
    assert isinstance(body["code"], str)
    assert body["code"]
    assert isinstance(body["message"], str)
    assert body["message"]
    return body
