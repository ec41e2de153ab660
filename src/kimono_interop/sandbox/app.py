"""The sandbox's ASGI app: routing, authentication, fault injection, counters and gauges.

Each API request (the token endpoint included) is counted under its operation id as it
arrives and held in flight (``SandboxState.in_flight``, ``peak_in_flight``) until its answer is
sent; it then meets the fault knobs (latency, dropped connections, 429 every Nth request,
injected failures, slow responses), then authentication, then its handler. The ``/_sandbox``
control endpoints (:mod:`kimono_interop.sandbox.control`) are neither counted nor faulted.

Every answer is JSON, errors an ``ErrorType`` (the token endpoint's own errors follow RFC 6749):
a request target over :data:`MAX_TARGET_LENGTH` bytes gets 414, headers over
:data:`MAX_HEADERS_SIZE` bytes 431, a method a path does not take 405 with ``Allow``, and an
unexpected exception 500 with code ``internal_error``.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Callable, Mapping

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kimono_interop.sandbox import oauth
from kimono_interop.sandbox.auth import authenticate
from kimono_interop.sandbox.control import control_routes
from kimono_interop.sandbox.errors import ApiError, error_response
from kimono_interop.sandbox.http import Call
from kimono_interop.sandbox.operations import ACTOR, ANYONE, DEVELOPER, OPERATIONS, Operation
from kimono_interop.sandbox.quoting import shorten
from kimono_interop.sandbox.routing import ASGIApp, Endpoint, Message, Receive, Scope, Send, route
from kimono_interop.sandbox.state import SandboxState

TOKEN_OPERATION = "oauthToken"
"""The counter name (and the spec's operation id) of ``POST /oauth/token``."""

TOKEN_PATH = "/oauth/token"
"""The token endpoint, on the API's host, outside ``/v2/interop``."""

MAX_TARGET_LENGTH = 16 * 1024
"""The longest request target (path and query string, in bytes) served; longer ones get 414."""

MAX_HEADERS_SIZE = 64 * 1024
"""The most header bytes (names and values) a request may carry; more get 431."""

_RAW_SEND = "kimono_sandbox.raw_send"

logger = logging.getLogger("kimono_interop.sandbox")


def create_app(state: SandboxState) -> ASGIApp:
    """The sandbox as an ASGI app serving `state`."""
    routes = _api_routes(state)
    routes.append(route(TOKEN_PATH, {"POST": _token_endpoint(state)}, state))
    routes += control_routes(state)
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


def _api_routes(state: SandboxState) -> list[Route]:
    """One route per path of the API, in the order the operations list their paths."""
    by_path: dict[str, dict[str, Endpoint]] = {}
    for operation in OPERATIONS:
        by_path.setdefault(operation.path, {})[operation.method] = _endpoint(state, operation)
    return [route(path, endpoints, state) for path, endpoints in by_path.items()]


# -- the API -------------------------------------------------------------------------------

FaultAnswer = Callable[[int, str, str, Mapping[str, str]], Response]
"""How an injected failure answers: (status, code, message, headers) -> response."""


def _error_type(status: int, code: str, message: str, headers: Mapping[str, str]) -> Response:
    return error_response(status, code, message, headers=headers)


async def drop_connection(request: Request) -> None:
    """Close the client's TCP connection without answering (a real dropped connection)."""
    raw_send = request.scope.get(_RAW_SEND)
    transport = getattr(getattr(raw_send, "__self__", None), "transport", None)
    if transport is None:
        raise RuntimeError("this ASGI server does not expose its transport: cannot drop")
    transport.abort()
    for _ in range(3):  # let the server notice the disconnect before the handler returns
        await asyncio.sleep(0)


async def apply_faults(
    state: SandboxState, request: Request, answer: FaultAnswer = _error_type
) -> Response | None:
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
        return answer(429, "too_many_requests", "rate limit exceeded", retry_after)
    if knobs.fail_next > 0:
        knobs.fail_next -= 1
        status = knobs.fail_status
        headers = retry_after if status in (429, 503) else {}
        return answer(status, "injected_failure", f"injected failure ({status})", headers)
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
        faulted = await apply_faults(state, request, oauth.fault_response)
        if faulted is not None:
            return faulted
        return await oauth.grant(state, request)

    return token
