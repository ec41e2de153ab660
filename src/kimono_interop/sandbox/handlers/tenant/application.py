"""``/tenant/application``: the tenant application, and its auth setup workflow: it may be
updated only while ``auth_state_pending`` is ``updating`` (409 otherwise), and only its
``auth_message``, ``auth_props_pending`` and ``auth_state_pending`` (to ``confirmed`` or
``error``) change."""

from __future__ import annotations

from starlette.responses import Response

from kimono_interop.sandbox.errors import bad_request, conflict
from kimono_interop.sandbox.http import Call, no_content, single
from kimono_interop.sandbox.parsing import enum_field, string_map_field, text_field
from kimono_interop.sandbox.quoting import shorten

AUTH_STATES = ("unspecified", "updating", "confirmed", "error")
AUTH_STATES_SETTABLE = ("confirmed", "error")


async def get_application(call: Call) -> Response:
    """getTenantApplication."""
    return single(call.state.world.applications[call.tenant_id])


async def update_application(call: Call) -> Response:
    """updateTenantApplication: every field checked before the workflow's 409."""
    application = call.state.world.applications[call.tenant_id]
    body = call.json_object()
    target = enum_field(body, "auth_state_pending", AUTH_STATES)
    if target is not None and target not in AUTH_STATES_SETTABLE:
        raise bad_request(
            f"auth_state_pending can only be set to 'confirmed' or 'error', got {shorten(target)}"
        )
    message = text_field(body, "auth_message")
    props = string_map_field(body, "auth_props_pending")
    if application["auth_state_pending"] != "updating":
        raise conflict(
            "the application can only be updated while auth_state_pending is 'updating'",
            details=f"auth_state_pending is {shorten(application['auth_state_pending'])}",
        )
    if target is not None:
        application["auth_state_pending"] = target
    if message is not None:
        application["auth_message"] = message
    if props is not None:
        application["auth_props_pending"] = props
    return no_content()
