"""Routing by path, then by method: one ASGI app per path (:class:`MethodDispatch`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kimono_interop.sandbox.errors import error_response
from kimono_interop.sandbox.quoting import clip
from kimono_interop.sandbox.state import SandboxState

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Endpoint = Callable[[Request], Awaitable[Response]]


class MethodDispatch:
    """One path's endpoints by method, as one ASGI app: HEAD is served as GET, and any other
    method gets 405 with an ``Allow`` header naming the methods the path takes.

    With a `gauge`, a request to an endpoint is held in flight until its answer is sent."""

    def __init__(
        self, path: str, endpoints: Mapping[str, Endpoint], gauge: SandboxState | None = None
    ) -> None:
        self.path = path
        self.endpoints = dict(endpoints)
        if "GET" in self.endpoints:
            self.endpoints.setdefault("HEAD", self.endpoints["GET"])
        self.allow = ", ".join(sorted(self.endpoints))
        self.gauge = gauge

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        endpoint = self.endpoints.get(request.method)
        if endpoint is None:
            refusal = error_response(
                405,
                "method_not_allowed",
                f"{clip(request.method)} is not allowed on {self.path}; allowed: {self.allow}",
                headers={"Allow": self.allow},
            )
            await refusal(scope, receive, send)
            return
        if self.gauge is not None:
            self.gauge.request_started()
        try:
            await (await endpoint(request))(scope, receive, send)
        finally:
            if self.gauge is not None:
                self.gauge.request_finished()


def route(path: str, endpoints: Mapping[str, Endpoint], gauge: SandboxState | None = None) -> Route:
    """A route that matches `path` whatever the method (so a concrete path beats a template
    that follows it, as OpenAPI matches paths) and dispatches on the method itself."""
    return Route(path, MethodDispatch(path, endpoints, gauge))
