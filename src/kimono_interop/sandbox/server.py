"""Serving the sandbox: in this event loop on a free loopback port, or from the shell.

async with run_sandbox(seed=1, tenants=20) as sandbox:
    async with InteropClient(auth=ApiKey(sandbox.api_key), base_url=sandbox.base_url) as c:
        ...
    sandbox.knobs.fail_next = 2           # change behaviour at run time
    assert sandbox.counters["listClouds"] == 3
    assert sandbox.peak_in_flight <= 4    # the most API requests handled at once
    assert await sandbox.wait_idle()      # no request in flight, no connection left open
    sandbox.reset()                       # the same world again, for the next test

One running sandbox can serve many tests: :meth:`SandboxHandle.reset` re-seeds it between them.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import socket
import time
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import uvicorn

from kimono_interop.sandbox.app import create_app
from kimono_interop.sandbox.protocol import MAX_HEAD_SIZE, SandboxH11Protocol
from kimono_interop.sandbox.state import Knobs, SandboxState

DEFAULT_HOST = "127.0.0.1"


class ListenError(OSError):
    """The sandbox cannot listen where it was asked to (its message is one line)."""

    def __str__(self) -> str:
        return self.strerror or super().__str__()


class SandboxHandle:
    """A running sandbox: where it listens, its API key, and live access to its state."""

    def __init__(self, state: SandboxState, base_url: str) -> None:
        self.state = state
        self.base_url = base_url

    def __repr__(self) -> str:
        return f"SandboxHandle(base_url={self.base_url!r}, seed={self.state.seed!r})"

    @property
    def api_key(self) -> str:
        """The developer API key (HTTP Basic, as user and password)."""
        return self.state.api_key

    @property
    def knobs(self) -> Knobs:
        """The live knobs: assign to change behaviour for the next requests."""
        return self.state.knobs

    @property
    def counters(self) -> Counter[str]:
        """Requests served so far, by operation id (``oauthToken`` for the token endpoint)."""
        return self.state.counters

    @property
    def in_flight(self) -> int:
        """API requests (token endpoint included) being handled right now."""
        return self.state.in_flight

    @property
    def peak_in_flight(self) -> int:
        """The most API requests handled at once since the counters were last reset."""
        return self.state.peak_in_flight

    @property
    def open_connections(self) -> int:
        """Client connections the server holds open right now (idle keep-alive ones too)."""
        return self.state.open_connections

    @property
    def issued_tokens(self) -> set[str]:
        """Every access token the token endpoint issued since start or the last reset."""
        return self.state.issued_tokens

    def reset_counters(self) -> None:
        """Zero the counters (and the request count that ``rate_limit_every`` uses) and the
        peak of requests in flight."""
        self.state.reset_counters()

    def reset(self, *, seed: int | None = None, tenants: int | None = None) -> None:
        """Start over without restarting the server: re-seed the world (the same seed gives the
        same world; by default the last seed and tenant count), put the knobs back to their
        start values, zero the counters and the clock offset, forget issued tokens."""
        self.state.reset(seed=seed, tenants=tenants)

    def advance_clock(self, seconds: float) -> None:
        """Move the server's clock forward: tokens issued before may now be expired."""
        self.state.advance_clock(seconds)

    async def wait_idle(self, seconds: float = 1.0, *, connections: bool = True) -> bool:
        """Wait until no API request is in flight and (unless `connections` is false) no
        client connection is open; False when `seconds` pass first. A connection a client
        closed is gone an instant later: wait for it rather than reading
        :attr:`open_connections` at once."""
        deadline = time.monotonic() + seconds
        while self.in_flight or (connections and self.open_connections):
            if time.monotonic() >= deadline:
                return False
            await asyncio.sleep(0.005)
        return True


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket; port 0 picks a free one. :class:`ListenError` when it cannot."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY on accepted sockets only when the listener
    # says its protocol is TCP; without it Nagle and delayed ACKs add ~40 ms to each response.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ListenError(exc.errno, f"port {port} is already in use on {host}") from None
        reason = exc.strerror or str(exc)
        raise ListenError(exc.errno, f"cannot listen on {host} port {port}: {reason}") from None
    sock.set_inheritable(True)
    return sock


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


@contextlib.asynccontextmanager
async def run_sandbox(
    *,
    seed: int = 1,
    api_key: str | None = None,
    tenants: int = 300,
    host: str = DEFAULT_HOST,
    port: int = 0,
    **knobs: Any,
) -> AsyncIterator[SandboxHandle]:
    """Serve a seeded sandbox in this event loop until the block ends.

    `knobs` set :class:`Knobs` fields at start (``max_page_size=50``, ``latency=0.01``, ...);
    :meth:`SandboxHandle.reset` puts them back to these values. Port 0 (the default) picks a
    free loopback port; the handle's `base_url` says which. A port in use raises
    :class:`ListenError` ("port N is already in use on HOST").
    """
    settings = Knobs()
    settings.update(knobs)
    state = SandboxState(seed=seed, api_key=api_key, tenants=tenants, knobs=settings)
    sock = bind_socket(host, port)
    config = uvicorn.Config(
        create_app(state),
        http=SandboxH11Protocol,
        h11_max_incomplete_event_size=MAX_HEAD_SIZE,
        log_level=logging.WARNING,
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=2,
    )
    server = uvicorn.Server(config)
    state.count_connections = lambda: len(server.server_state.connections)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        await _until_started(server, task)
        yield SandboxHandle(state, _url(host, sock.getsockname()[1]))
    finally:
        server.should_exit = True
        with contextlib.suppress(asyncio.CancelledError):
            await task
        sock.close()
        state.count_connections = lambda: 0


async def _until_started(server: uvicorn.Server, task: asyncio.Task[None]) -> None:
    while not server.started:
        if task.done():
            task.result()
            raise RuntimeError("the sandbox server stopped before it started")
        await asyncio.sleep(0.005)
