"""``/actors``: every actor installed in the developer's Interop Clouds."""

from __future__ import annotations

from starlette.responses import Response

from kimono_interop.sandbox.http import Call


async def list_actors(call: Call) -> Response:
    """listActors: every actor, with its credentials."""
    return call.page(list(call.state.world.actors.values()))
