"""The sandbox's ASGI app: routing, authentication, fault injection, counters, control.

Each API request is counted under its operation id as it arrives, then meets the fault knobs
(latency, dropped connections, 429 every Nth request, injected failures, slow responses), then
authentication, then its handler. ``/_sandbox/...`` endpoints read and change the knobs, the
counters and the clock at run time; they are neither counted nor faulted.

Every answer is JSON, errors an ``ErrorType``: a request target over :data:`MAX_TARGET_LENGTH`
bytes gets 414, headers over :data:`MAX_HEADERS_SIZE` bytes 431, a method a path does not take
405 with ``Allow``, and an unexpected exception 500 with code ``internal_error``.
"""

from __future__ import annotations

import asyncio
import logging
import math
import urllib.parse
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kimono_interop.sandbox.http import (
    ApiError,
    Call,
    authenticate,
    bad_request,
    basic_credentials,
    error_response,
    issue_token,
    parse_json,
    secrets_equal,
)
from kimono_interop.sandbox.operations import ACTOR, ANYONE, DEVELOPER, OPERATIONS, Operation
from kimono_interop.sandbox.quoting import clip, shorten
from kimono_interop.sandbox.state import SandboxState

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Endpoint = Callable[[Request], Awaitable[Response]]

TOKEN_OPERATION = "oauthToken"
"""The counter name of ``POST /oauth/token``."""

MAX_TARGET_LENGTH = 16 * 1024
"""The longest request target (path and query string, in bytes) served; longer ones get 414."""

MAX_HEADERS_SIZE = 64 * 1024
"""The most header bytes (names and values) a request may carry; more get 431."""

_RAW_SEND = "kimono_sandbox.raw_send"

logger = logging.getLogger("kimono_interop.sandbox")


def create_app(state: SandboxState) -> ASGIApp:
    """The sandbox as an ASGI app serving `state`."""
    routes = _api_routes(state)
    routes.append(_route("/oauth/token", {"POST": _token_endpoint(state)}))
    routes += _control_routes(state)
    app = Starlette(
        routes=routes,
        exception_handlers={
            HTTPException: _http_exception,  # type: ignore[dict-item]
            Exception: _internal_error,
        },
    )
    return _Guard(app)


class _Guard:
    """Outermost ASGI layer: the size limits, the catch-all, and the server's own `send`.

    The raw `send` lets a fault drop the connection. The catch-all logs an unexpected exception
    and answers 500 ``internal_error`` when nothing was sent yet (Starlette's error middleware
    has already answered with :func:`_internal_error` when the exception came through it); the
    connection stays usable. A client that went away mid-request is no error: nobody is left
    to answer.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope[_RAW_SEND] = send
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            refusal = oversized(scope)
            if refusal is not None:
                await refusal(scope, receive, tracked)
                return
            await self.app(scope, receive, tracked)
        except ClientDisconnect:
            return
        except Exception:
            logger.exception("unexpected error answering %s %s", scope["method"], scope["path"])
            if not started:
                await internal_error_response()(scope, receive, send)


def oversized(scope: Scope) -> Response | None:
    """414 or 431 when the request's target or headers exceed the sandbox's limits, else None."""
    target = len(scope.get("raw_path", b"")) + len(scope.get("query_string", b""))
    if target > MAX_TARGET_LENGTH:
        return error_response(
            414,
            "uri_too_long",
            f"the request target is {target} bytes long; the limit is {MAX_TARGET_LENGTH}",
        )
    headers = sum(len(name) + len(value) for name, value in scope.get("headers", []))
    if headers > MAX_HEADERS_SIZE:
        return error_response(
            431,
            "headers_too_large",
            f"the request headers are {headers} bytes long; the limit is {MAX_HEADERS_SIZE}",
        )
    return None


def internal_error_response() -> JSONResponse:
    """The answer to a request whose handling failed unexpectedly: 500 ``internal_error``."""
    return error_response(500, "internal_error", "the sandbox failed to answer this request")


async def _internal_error(_: Request, exc: Exception) -> Response:
    return internal_error_response()


async def _http_exception(request: Request, exc: HTTPException) -> Response:
    if exc.status_code == 404:
        return error_response(404, "not_found", f"no such path: {shorten(request.url.path)}")
    return error_response(exc.status_code, "error", str(exc.detail), headers=exc.headers)


# -- routing -------------------------------------------------------------------------------


class MethodDispatch:
    """One path's endpoints by method, as one ASGI app: HEAD is served as GET, and any other
    method gets 405 with an ``Allow`` header naming the methods the path takes."""

    def __init__(self, path: str, endpoints: Mapping[str, Endpoint]) -> None:
        self.path = path
        self.endpoints = dict(endpoints)
        if "GET" in self.endpoints:
            self.endpoints.setdefault("HEAD", self.endpoints["GET"])
        self.allow = ", ".join(sorted(self.endpoints))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        endpoint = self.endpoints.get(request.method)
        if endpoint is None:
            response: Response = error_response(
                405,
                "method_not_allowed",
                f"{clip(request.method)} is not allowed on {self.path}; allowed: {self.allow}",
                headers={"Allow": self.allow},
            )
        else:
            response = await endpoint(request)
        await response(scope, receive, send)


def _route(path: str, endpoints: Mapping[str, Endpoint]) -> Route:
    """A route that matches `path` whatever the method (so a concrete path beats a template
    that follows it, as OpenAPI matches paths) and dispatches on the method itself."""
    return Route(path, MethodDispatch(path, endpoints))


def _api_routes(state: SandboxState) -> list[Route]:
    """One route per path of the API, in the order the operations list their paths."""
    by_path: dict[str, dict[str, Endpoint]] = {}
    for operation in OPERATIONS:
        by_path.setdefault(operation.path, {})[operation.method] = _endpoint(state, operation)
    return [_route(path, endpoints) for path, endpoints in by_path.items()]


# -- the API -------------------------------------------------------------------------------


async def drop_connection(request: Request) -> None:
    """Close the client's TCP connection without answering (a real dropped connection)."""
    raw_send = request.scope.get(_RAW_SEND)
    transport = getattr(getattr(raw_send, "__self__", None), "transport", None)
    if transport is None:
        raise RuntimeError("this ASGI server does not expose its transport: cannot drop")
    transport.abort()
    for _ in range(3):  # let the server notice the disconnect before the handler returns
        await asyncio.sleep(0)


async def apply_faults(state: SandboxState, request: Request) -> Response | None:
    """What the fault knobs do to this request: a response to send instead, or None."""
    knobs = state.knobs
    if knobs.latency > 0:
        await asyncio.sleep(knobs.latency)
    if knobs.drop_next > 0:
        knobs.drop_next -= 1
        await drop_connection(request)
        return Response(status_code=499)
    retry_after = {} if knobs.retry_after is None else {"Retry-After": _seconds(knobs.retry_after)}
    if knobs.rate_limit_every and state.served % knobs.rate_limit_every == 0:
        return error_response(429, "too_many_requests", "rate limit exceeded", headers=retry_after)
    if knobs.fail_next > 0:
        knobs.fail_next -= 1
        status = knobs.fail_status
        headers = retry_after if status in (429, 503) else {}
        return error_response(
            status, "injected_failure", f"injected failure ({status})", headers=headers
        )
    if knobs.slow_next > 0:
        knobs.slow_next -= 1
        await asyncio.sleep(knobs.slow_delay)
    return None


def _seconds(value: float) -> str:
    return str(math.ceil(value))


def _endpoint(state: SandboxState, operation: Operation) -> Endpoint:
    async def endpoint(request: Request) -> Response:
        state.counters[operation.operation_id] += 1
        state.served += 1
        faulted = await apply_faults(state, request)
        if faulted is not None:
            return faulted
        try:
            principal = authenticate(state, request.headers.get("authorization"))
            _check_audience(operation, principal.kind)
            call = Call(
                request=request, state=state, principal=principal, body=await request.body()
            )
            return await operation.handler(call)
        except ApiError as error:
            return error.response()

    endpoint.__name__ = operation.operation_id
    return endpoint


def _check_audience(operation: Operation, kind: str) -> None:
    if operation.audience == ANYONE or operation.audience == kind:
        return
    if operation.audience == DEVELOPER:
        raise ApiError(
            403,
            "forbidden",
            f"{operation.operation_id} needs the developer API key, not actor credentials",
        )
    assert operation.audience == ACTOR
    raise ApiError(
        403,
        "forbidden",
        f"{operation.operation_id} needs a tenant actor's credentials, not the API key",
    )


def _token_endpoint(state: SandboxState) -> Endpoint:
    async def token(request: Request) -> Response:
        state.counters[TOKEN_OPERATION] += 1
        state.served += 1
        faulted = await apply_faults(state, request)
        if faulted is not None:
            return faulted
        try:
            return await _grant(state, request)
        except ApiError as error:
            return error.response()

    return token


async def _grant(state: SandboxState, request: Request) -> Response:
    """OAuth2 client credentials: form fields, or client id and secret in Basic auth."""
    if "application/x-www-form-urlencoded" not in request.headers.get("content-type", ""):
        raise bad_request("the token request must be application/x-www-form-urlencoded")
    form = {
        name: values[-1]
        for name, values in urllib.parse.parse_qs(
            (await request.body()).decode("utf-8", "replace")
        ).items()
    }
    grant_type = form.get("grant_type")
    if grant_type != "client_credentials":
        raise ApiError(
            400,
            "unsupported_grant_type",
            f"grant_type must be client_credentials, got {shorten(grant_type)}",
        )
    client_id, client_secret = form.get("client_id"), form.get("client_secret")
    basic = basic_credentials(request.headers.get("authorization", ""))
    if basic is not None and client_id is None:
        client_id, client_secret = basic
    known = state.world.credentials.get(str(client_id)) if client_id else None
    if known is None or not secrets_equal(str(client_secret or ""), known[0]):
        raise ApiError(401, "invalid_client", "unknown client_id or wrong client_secret")
    access_token, lifetime = issue_token(state, str(client_id), known[1])
    body = {"access_token": access_token, "token_type": "bearer", "expires_in": lifetime}
    return JSONResponse(body, headers={"Cache-Control": "no-store"})


# -- control -------------------------------------------------------------------------------


async def _json_object(request: Request) -> dict[str, Any]:
    """A control request's body as a JSON object (400 ApiError otherwise)."""
    payload = parse_json(await request.body())
    if not isinstance(payload, dict):
        raise bad_request(f"expected a JSON object, got {type(payload).__name__}")
    return payload


def _control_routes(state: SandboxState) -> list[Route]:
    """``/_sandbox``: health, knobs, counters and the clock, for tests and benchmarks."""

    async def health(_: Request) -> Response:
        return JSONResponse(
            {"status": "ok", "seed": state.seed, "tenants": len(state.world.tenants)}
        )

    async def knobs(request: Request) -> Response:
        if request.method == "PATCH":
            try:
                state.knobs.update(await _json_object(request))
            except ApiError as error:
                return error.response()
            except ValueError as exc:
                return error_response(400, "bad_request", str(exc))
        return JSONResponse(state.knobs.as_dict())

    async def counters(request: Request) -> Response:
        if request.method == "DELETE":
            state.reset_counters()
        return JSONResponse(dict(state.counters))

    async def clock(request: Request) -> Response:
        if request.method == "POST":
            try:
                state.advance_clock((await _json_object(request))["advance"])
            except ApiError as error:
                return error.response()
            except (ValueError, KeyError) as exc:
                return error_response(400, "bad_request", f'expected {{"advance": seconds}}: {exc}')
        return JSONResponse({"now": state.now(), "offset": state.clock_offset})

    return [
        _route("/_sandbox/health", {"GET": health}),
        _route("/_sandbox/knobs", {"GET": knobs, "PATCH": knobs}),
        _route("/_sandbox/counters", {"GET": counters, "DELETE": counters}),
        _route("/_sandbox/clock", {"GET": clock, "POST": clock}),
    ]
