"""The ``/_sandbox`` control endpoints, for tests and benchmarks driving a sandbox over HTTP
(in another process, say). They are neither counted nor faulted, and take no credentials.

- ``GET /_sandbox/health``: ``{"status": "ok", "seed": ..., "tenants": ...}``.
- ``GET``/``PATCH /_sandbox/knobs``: the knobs; a PATCH sets those it names (all checked first:
  a bad name or value is 400 and changes nothing).
- ``GET``/``DELETE /_sandbox/counters``: requests served by operation id (camelCase, the token
  endpoint as ``oauthToken``), plus the gauges ``in_flight`` (API requests being handled now),
  ``peak_in_flight`` (the most at once since the counters were reset) and ``open_connections``
  (client connections the server holds open, this one included). DELETE zeroes the counters
  and the peak first.
- ``GET``/``POST /_sandbox/clock``: ``{"now", "offset"}``; POST ``{"advance": seconds}`` moves
  the server clock forward (tokens expire).
- ``POST /_sandbox/reset``: ``{"seed": int, "tenants": int}``, both optional (an empty body
  too): re-seed the world (the same seed gives the same world), put the knobs back to their
  start values, zero counters and clock offset, forget issued tokens; answers like health.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kimono_interop.sandbox.errors import ApiError, bad_request, error_response
from kimono_interop.sandbox.parsing import parse_json
from kimono_interop.sandbox.quoting import shorten
from kimono_interop.sandbox.routing import route
from kimono_interop.sandbox.state import SandboxState


async def _json_object(request: Request, *, empty: bool = False) -> dict[str, Any]:
    """A control request's body as a JSON object (400 ApiError otherwise); `empty` takes an
    empty body as ``{}``."""
    body = await request.body()
    if empty and not body.strip():
        return {}
    payload = parse_json(body)
    if not isinstance(payload, dict):
        raise bad_request(f"expected a JSON object, got {type(payload).__name__}")
    return payload


def control_routes(state: SandboxState) -> list[Route]:
    """``/_sandbox``: health, knobs, counters, the clock and reset."""

    def health_body() -> dict[str, Any]:
        return {"status": "ok", "seed": state.seed, "tenants": len(state.world.tenants)}

    async def health(_: Request) -> Response:
        return JSONResponse(health_body())

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
        return JSONResponse(dict(state.counters) | state.gauges())

    async def clock(request: Request) -> Response:
        if request.method == "POST":
            try:
                state.advance_clock((await _json_object(request))["advance"])
            except ApiError as error:
                return error.response()
            except (ValueError, KeyError) as exc:
                return error_response(400, "bad_request", f'expected {{"advance": seconds}}: {exc}')
        return JSONResponse({"now": state.now(), "offset": state.clock_offset})

    async def reset(request: Request) -> Response:
        try:
            body = await _json_object(request, empty=True)
            unknown = sorted(set(body) - {"seed", "tenants"})
            if unknown:
                raise bad_request(f"unknown field {shorten(unknown[0])}; known: seed, tenants")
            state.reset(seed=body.get("seed"), tenants=body.get("tenants"))
        except ApiError as error:
            return error.response()
        except ValueError as exc:
            return error_response(400, "bad_request", str(exc))
        return JSONResponse(health_body())

    return [
        route("/_sandbox/health", {"GET": health}),
        route("/_sandbox/knobs", {"GET": knobs, "PATCH": knobs}),
        route("/_sandbox/counters", {"GET": counters, "DELETE": counters}),
        route("/_sandbox/clock", {"GET": clock, "POST": clock}),
        route("/_sandbox/reset", {"POST": reset}),
    ]
