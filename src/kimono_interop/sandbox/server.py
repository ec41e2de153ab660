"""Serving the sandbox: in this process on a free loopback port, or from the shell.

async with run_sandbox(seed=1) as sandbox:
    async with InteropClient(auth=ApiKey(sandbox.api_key), base_url=sandbox.base_url) as c:
        ...
    sandbox.knobs.fail_next = 2           # change behaviour at run time
    assert sandbox.counters["listClouds"] == 3
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import uvicorn

from kimono_interop.sandbox.app import create_app
from kimono_interop.sandbox.protocol import MAX_HEAD_SIZE, SandboxH11Protocol
from kimono_interop.sandbox.state import Knobs, SandboxState

DEFAULT_HOST = "127.0.0.1"


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

    def reset_counters(self) -> None:
        """Zero the counters (and the request count that ``rate_limit_every`` uses)."""
        self.state.reset_counters()

    def advance_clock(self, seconds: float) -> None:
        """Move the server's clock forward: tokens issued before may now be expired."""
        self.state.advance_clock(seconds)


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket; port 0 picks a free one."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY on accepted sockets only when the listener
    # says its protocol is TCP; without it Nagle and delayed ACKs add ~40 ms to each response.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
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

    `knobs` set :class:`Knobs` fields at start (``max_page_size=50``, ``latency=0.01``, ...).
    Port 0 (the default) picks a free loopback port; the handle's `base_url` says which.
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
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        await _until_started(server, task)
        yield SandboxHandle(state, _url(host, sock.getsockname()[1]))
    finally:
        server.should_exit = True
        with contextlib.suppress(asyncio.CancelledError):
            await task
        sock.close()


async def _until_started(server: uvicorn.Server, task: asyncio.Task[None]) -> None:
    while not server.started:
        if task.done():
            task.result()
            raise RuntimeError("the sandbox server stopped before it started")
        await asyncio.sleep(0.005)
