"""The benchmarks' stub of the Interop API: a raw asyncio HTTP/1.1 server with fixed latency.

Run in its own process by ``scripts/bench.py`` so that the client's CPU is measured alone. It
answers only what the benchmarks ask, building every body on the spot:

- ``POST /oauth/token``: a token named after the client_id (``token-<client_id>``);
- ``GET /v2/interop/tenant/application``: the caller's application (Bearer token required);
- ``GET /v2/interop/clouds/<id>``: one cloud;
- ``GET /v2/interop/clouds?page=N&page_size=S``: page N of ``--pages`` pages of ``S`` clouds,
  each with ``paging.next`` (``null`` on the last page; pages past it are empty). Every request
  gets new ids and timestamps, so no client-side cache can ever help;
- ``GET /_stats``: what was served since the last reset (no latency), as JSON:
  ``connections`` (connections opened that carried API requests), ``open`` (such connections
  open now), ``requests`` (API requests), ``token_requests``, ``token_clients`` (distinct
  client ids among them), ``api_requests`` (every API request but token requests),
  ``page_requests``, ``past_end`` (page requests past the last page), ``latency``, ``pages``;
- ``POST /_stats/reset``: zero the counters (``open`` is a gauge and stays);
- ``POST /_config?latency=S&pages=P``: change the latency (seconds) or page count from now on.

Connections whose first request is one of the ``/_...`` control requests are not counted.
Every API answer waits the latency first, concurrently for all requests.
Usage: ``python scripts/bench_stub.py --port 0 --latency 0.02`` prints ``PORT <n>`` when ready.
With ``--exit-with-stdin`` it also exits when its standard input closes, so a benchmark that dies
without stopping it (even by SIGKILL) never leaves it behind.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import threading
import urllib.parse
import uuid
from dataclasses import dataclass, field

STAMP = "2025-08-01T12:00:00.000Z"
ACCOUNT = str(uuid.UUID(int=1))


def cloud_json(n: int) -> str:
    """The JSON of ``cloud(n)``, written out directly: a page of them is built ~4x faster than
    by ``json.dumps``, so that the stub's own work per request (done one request after another
    when a burst falls due) stays small beside the client's."""
    digits = f"{10_000 + n:032x}"
    stamp = f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}:{n % 59:02d}.{n % 1000:03d}Z"
    return (
        f'{{"id":"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}",'
        f'"created_at":"{stamp}","updated_at":"{stamp}","account_id":"{ACCOUNT}",'
        f'"name":"Cloud {n}","userdata":"district-{n}","generation":2}}'
    )


def cloud(n: int) -> dict[str, object]:
    """Cloud number `n`, as the API sends it: its own id and timestamps (none repeat)."""
    stamp = f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}:{n % 59:02d}.{n % 1000:03d}Z"
    return {
        "id": str(uuid.UUID(int=10_000 + n)),
        "created_at": stamp,
        "updated_at": stamp,
        "account_id": ACCOUNT,
        "name": f"Cloud {n}",
        "userdata": f"district-{n}",
        "generation": 2,
    }


def application(tenant: str) -> dict[str, object]:
    """The tenant application of `tenant` (its tenant_id is ``uuid5(NAMESPACE_DNS, tenant)``)."""
    return {
        "data": {
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, tenant)),
            "created_at": STAMP,
            "updated_at": STAMP,
            "account_id": ACCOUNT,
            "tenant_id": str(uuid.uuid5(uuid.NAMESPACE_DNS, tenant)),
            "auth_type": "oauth2",
            "auth_state": "confirmed",
            "auth_state_pending": "unspecified",
        },
        "error": None,
    }


@dataclass
class Stats:
    """What the stub has served since the last reset."""

    connections: int = 0
    open: int = 0
    requests: int = 0
    token_requests: int = 0
    api_requests: int = 0
    page_requests: int = 0
    past_end: int = 0
    token_clients: set[str] = field(default_factory=set)

    def reset(self) -> None:
        """Zero every counter but the `open` gauge."""
        self.connections = self.requests = self.token_requests = 0
        self.api_requests = self.page_requests = self.past_end = 0
        self.token_clients = set()

    def as_dict(self) -> dict[str, int]:
        """The counters as JSON-ready numbers."""
        return {
            "connections": self.connections,
            "open": self.open,
            "requests": self.requests,
            "token_requests": self.token_requests,
            "token_clients": len(self.token_clients),
            "api_requests": self.api_requests,
            "page_requests": self.page_requests,
            "past_end": self.past_end,
        }


def response(status: int, body: bytes, *, close: bool = False) -> bytes:
    """A complete HTTP/1.1 response."""
    reason = {200: "OK", 401: "Unauthorized", 404: "Not Found"}.get(status, "OK")
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n"
    )
    if close:
        head += "Connection: close\r\n"
    return head.encode() + b"\r\n" + body


class Stub:
    """Routes, bodies and counters."""

    def __init__(self, latency: float, pages: int) -> None:
        self.latency = latency
        self.pages = pages
        self.one_cloud = json.dumps({"data": cloud(1), "error": None}).encode()
        self.served = 0
        self.stats = Stats()

    def page(self, number: int, size: int, base: str) -> bytes:
        """Page `number`; its items are new on every request, so no client cache ever helps."""
        self.served += 1
        self.stats.page_requests += 1
        if number >= self.pages:
            self.stats.past_end += 1
        first = self.served * 1_000_000 + number * size
        items = ",".join(cloud_json(first + i) for i in range(size)) if number < self.pages else ""
        more = number + 1 < self.pages
        following = f'"{base}/v2/interop/clouds?page={number + 1}&page_size={size}"'
        return f'{{"data":[{items}],"paging":{{"next":{following if more else "null"}}}}}'.encode()

    def control(self, method: str, target: str) -> bytes:
        """``/_stats``, ``/_stats/reset`` and ``/_config``: answered at once."""
        path, _, query = target.partition("?")
        params = dict(urllib.parse.parse_qsl(query))
        if method == "POST" and path == "/_stats/reset":
            self.stats.reset()
        elif method == "POST" and path == "/_config":
            if "latency" in params:
                self.latency = float(params["latency"])
            if "pages" in params:
                self.pages = int(params["pages"])
        elif path != "/_stats":
            return response(404, b'{"status": 404, "code": "not_found", "message": "no route"}')
        body = {**self.stats.as_dict(), "latency": self.latency, "pages": self.pages}
        return response(200, json.dumps(body).encode())

    def answer(self, method: str, target: str, headers: dict[str, str], body: bytes) -> bytes:
        """The response to one API request."""
        path, _, query = target.partition("?")
        params = dict(urllib.parse.parse_qsl(query))
        if method == "POST" and path == "/oauth/token":
            form = dict(urllib.parse.parse_qsl(body.decode()))
            client_id = form.get("client_id", "")
            self.stats.token_requests += 1
            self.stats.token_clients.add(client_id)
            token = {"access_token": f"token-{client_id}", "expires_in": 3600}
            return response(200, json.dumps(token).encode())
        self.stats.api_requests += 1
        if path == "/v2/interop/tenant/application":
            auth = headers.get("authorization", "")
            if not auth.startswith("Bearer token-"):
                return response(401, b'{"status": 401, "code": "unauthorized", "message": "no"}')
            return response(200, json.dumps(application(auth[13:])).encode())
        if path == "/v2/interop/clouds":
            base = f"http://{headers.get('host', 'localhost')}"
            size = int(params.get("page_size", "100"))
            return response(200, self.page(int(params.get("page", "0")), size, base))
        if path.startswith("/v2/interop/clouds/"):
            return response(200, self.one_cloud)
        return response(404, b'{"status": 404, "code": "not_found", "message": "no route"}')


async def serve_connection(
    stub: Stub, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    """Serve requests on one connection until the client closes it."""
    counted = False
    first = True
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, _ = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                if line:
                    name, _, value = line.partition(":")
                    headers[name.strip().lower()] = value.strip()
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            if target.startswith("/_"):
                first = False
                writer.write(stub.control(method, target))
                continue
            if first:
                first = False
                counted = True
                stub.stats.connections += 1
                stub.stats.open += 1
            stub.stats.requests += 1
            if stub.latency:
                await asyncio.sleep(stub.latency)
            writer.write(stub.answer(method, target, headers, body))
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        if counted:
            stub.stats.open -= 1
        writer.close()


def exit_when_stdin_closes() -> None:
    """Block until standard input reaches its end (the parent is gone), then exit at once."""
    sys.stdin.buffer.read()
    os._exit(0)


async def main() -> None:
    """Serve until killed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency", type=float, default=0.02)
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--exit-with-stdin", action="store_true")
    args = parser.parse_args()
    if args.exit_with_stdin:
        threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    stub = Stub(args.latency, args.pages)
    server = await asyncio.start_server(
        lambda r, w: serve_connection(stub, r, w), "127.0.0.1", args.port, backlog=4096
    )
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
