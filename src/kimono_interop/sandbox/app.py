"""The sandbox's ASGI app: routing, authentication, fault injection, counters, control.

Each API request is counted under its operation id as it arrives, then meets the fault knobs
(latency, dropped connections, 429 every Nth request, injected failures, slow responses), then
authentication, then its handler. ``/_sandbox/...`` endpoints read and change the knobs, the
counters and the clock at run time; they are neither counted nor faulted.
"""

from __future__ import annotations

import asyncio
import hmac
import math
import urllib.parse
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
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
)
from kimono_interop.sandbox.operations import ACTOR, ANYONE, DEVELOPER, OPERATIONS, Operation
from kimono_interop.sandbox.state import SandboxState

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

TOKEN_OPERATION = "oauthToken"
"""The counter name of ``POST /oauth/token``."""

_RAW_SEND = "kimono_sandbox.raw_send"


def create_app(state: SandboxState) -> Callable[[Scope, Receive, Send], Awaitable[None]]:
    """The sandbox as an ASGI app serving `state`."""
    routes = [Route(op.path, _endpoint(state, op), methods=[op.method]) for op in OPERATIONS]
    routes.append(Route("/oauth/token", _token_endpoint(state), methods=["POST"]))
    routes += _control_routes(state)
    app = Starlette(
        routes=routes,
        exception_handlers={HTTPException: _http_exception},  # type: ignore[dict-item]
    )
    return _KeepRawSend(app)


class _KeepRawSend:
    """Outermost ASGI layer: keeps the server's own `send` so a fault can drop the connection."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        scope[_RAW_SEND] = send
        await self.app(scope, receive, send)


async def _http_exception(_: Request, exc: HTTPException) -> Response:
    codes = {404: "not_found", 405: "method_not_allowed"}
    return error_response(exc.status_code, codes.get(exc.status_code, "error"), str(exc.detail))


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


def _endpoint(
    state: SandboxState, operation: Operation
) -> Callable[[Request], Awaitable[Response]]:
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


def _token_endpoint(state: SandboxState) -> Callable[[Request], Awaitable[Response]]:
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
            f"grant_type must be client_credentials, got {grant_type!r}",
        )
    client_id, client_secret = form.get("client_id"), form.get("client_secret")
    basic = basic_credentials(request.headers.get("authorization", ""))
    if basic is not None and client_id is None:
        client_id, client_secret = basic
    known = state.world.credentials.get(str(client_id)) if client_id else None
    if known is None or not hmac.compare_digest(known[0], str(client_secret or "")):
        raise ApiError(401, "invalid_client", "unknown client_id or wrong client_secret")
    access_token, lifetime = issue_token(state, str(client_id), known[1])
    body = {"access_token": access_token, "token_type": "bearer", "expires_in": lifetime}
    return JSONResponse(body, headers={"Cache-Control": "no-store"})


def _control_routes(state: SandboxState) -> list[Route]:
    """``/_sandbox``: health, knobs, counters and the clock, for tests and benchmarks."""

    async def health(_: Request) -> Response:
        return JSONResponse(
            {"status": "ok", "seed": state.seed, "tenants": len(state.world.tenants)}
        )

    async def knobs(request: Request) -> Response:
        if request.method == "PATCH":
            try:
                state.knobs.update(await request.json())
            except (ValueError, AttributeError) as exc:
                return error_response(400, "bad_request", str(exc))
        return JSONResponse(state.knobs.as_dict())

    async def counters(request: Request) -> Response:
        if request.method == "DELETE":
            state.reset_counters()
        return JSONResponse(dict(state.counters))

    async def clock(request: Request) -> Response:
        if request.method == "POST":
            try:
                payload = await request.json()
                state.advance_clock(payload["advance"])
            except (ValueError, KeyError, TypeError) as exc:
                return error_response(400, "bad_request", f'expected {{"advance": seconds}}: {exc}')
        return JSONResponse({"now": state.now(), "offset": state.clock_offset})

    return [
        Route("/_sandbox/health", health, methods=["GET"]),
        Route("/_sandbox/knobs", knobs, methods=["GET", "PATCH"]),
        Route("/_sandbox/counters", counters, methods=["GET", "DELETE"]),
        Route("/_sandbox/clock", clock, methods=["GET", "POST"]),
    ]
