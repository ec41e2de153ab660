"""``POST /oauth/token`` (operation ``oauthToken``): the OAuth2 client credentials grant of
RFC 6749 section 4.4, without a scope.

A form-encoded ``grant_type=client_credentials`` with ``client_id`` and ``client_secret``, or with
the client id and secret as HTTP Basic credentials instead, gets ``{"access_token",
"token_type": "bearer", "expires_in"}`` with ``Cache-Control: no-store``; the token lives
``token_lifetime`` seconds of the sandbox clock. Errors are RFC 6749 section 5.2 bodies,
``{"error": ..., "error_description": ...}``:

- 400 ``invalid_request``: the body is not ``application/x-www-form-urlencoded`` UTF-8, a
  request parameter (``grant_type``, ``client_id``, ``client_secret``, ``scope``) is repeated,
  ``grant_type`` is missing, or the client authenticates twice (Basic credentials and a
  ``client_secret`` in the form, or a form ``client_id`` that is not the Basic user);
- 400 ``unsupported_grant_type``: a ``grant_type`` other than ``client_credentials``;
- 401 ``invalid_client``: no client credentials, an unknown client id, a wrong secret, or
  malformed Basic credentials (with ``WWW-Authenticate: Basic`` when the client tried Basic).

As RFC 6749 section 3.2 says, other parameters are ignored (repeated ones too), and a parameter
sent without a value counts as omitted.

Rate limiting and server errors (the fault knobs) answer as every operation does, with an
``ErrorType``; an injected 400 or 401 takes the RFC 6749 shape.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Mapping

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from kimono_interop.sandbox.auth import basic_credentials, issue_token, secrets_equal
from kimono_interop.sandbox.errors import error_response
from kimono_interop.sandbox.parsing import media_type
from kimono_interop.sandbox.quoting import shorten
from kimono_interop.sandbox.state import SandboxState

FORM = "application/x-www-form-urlencoded"
REQUEST_PARAMETERS = frozenset({"grant_type", "client_id", "client_secret", "scope"})
"""The parameters of a client credentials token request (RFC 6749 sections 2.3.1 and 4.4.2);
the sandbox issues no scope, and ignores one."""
BASIC_CHALLENGE = {"WWW-Authenticate": 'Basic realm="kimono-sandbox"'}


class TokenError(Exception):
    """A token request's error: status, RFC 6749 error code and description."""

    def __init__(
        self,
        status: int,
        error: str,
        description: str,
        *,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(description)
        self.status = status
        self.error = error
        self.description = description
        self.headers = dict(headers or {})

    def response(self) -> JSONResponse:
        """The RFC 6749 section 5.2 error response."""
        return token_error_response(self.status, self.error, self.description, self.headers)


def token_error_response(
    status: int, error: str, description: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    """``{"error", "error_description"}`` with `status` (``no-store``, like a token)."""
    body = {"error": error, "error_description": description}
    return JSONResponse(
        body, status_code=status, headers={"Cache-Control": "no-store", **(headers or {})}
    )


def fault_response(
    status: int, code: str, message: str, headers: Mapping[str, str]
) -> JSONResponse:
    """An injected failure of the token endpoint: RFC 6749's shape for 400 and 401 (the spec's
    statuses for token errors), an ``ErrorType`` otherwise."""
    if status == 400:
        return token_error_response(status, "invalid_request", message, headers)
    if status == 401:
        return token_error_response(status, "invalid_client", message, headers)
    return error_response(status, code, message, headers=headers)


async def grant(state: SandboxState, request: Request) -> Response:
    """Answer one token request: a token, or a :class:`TokenError`'s response."""
    try:
        form = _form(request.headers.get("content-type"), await request.body())
        _check_grant_type(form.get("grant_type"))
        client_id, tenant_id = _client(state, form, request.headers.get("authorization"))
    except TokenError as error:
        return error.response()
    access_token, lifetime = issue_token(state, client_id, tenant_id)
    body = {"access_token": access_token, "token_type": "bearer", "expires_in": lifetime}
    return JSONResponse(body, headers={"Cache-Control": "no-store"})


def _invalid_request(description: str) -> TokenError:
    return TokenError(400, "invalid_request", description)


def _form(content_type: str | None, body: bytes) -> dict[str, str]:
    """The form's request parameters with a value (each given once); the rest is ignored."""
    if content_type is None or media_type(content_type) != FORM:
        got = "no content-type" if content_type is None else f"content-type {shorten(content_type)}"
        raise _invalid_request(f"the token request must be {FORM}, got {got}")
    try:
        pairs = urllib.parse.parse_qsl(
            body.decode("utf-8"), keep_blank_values=True, encoding="utf-8", errors="strict"
        )
    except UnicodeDecodeError:
        raise _invalid_request("the token request is not UTF-8 text once decoded") from None
    form: dict[str, str] = {}
    given: set[str] = set()
    for name, value in pairs:
        if name not in REQUEST_PARAMETERS:
            continue  # unrecognized: ignored, even repeated (RFC 6749 section 3.2)
        if name in given:
            raise _invalid_request(f"{shorten(name)} is given more than once; give it once")
        given.add(name)
        if value:  # sent without a value: as if omitted (RFC 6749 section 3.2)
            form[name] = value
    return form


def _check_grant_type(grant_type: str | None) -> None:
    if grant_type is None:
        raise _invalid_request("grant_type is required: send grant_type=client_credentials")
    if grant_type != "client_credentials":
        raise TokenError(
            400,
            "unsupported_grant_type",
            f"grant_type must be client_credentials, got {shorten(grant_type)}",
        )


def _client(state: SandboxState, form: dict[str, str], header: str | None) -> tuple[str, str]:
    """(client id, its tenant id) of an authenticated client."""
    client_id, secret = form.get("client_id"), form.get("client_secret")
    tried_basic = header is not None and header.partition(" ")[0].lower() == "basic"
    challenge = BASIC_CHALLENGE if tried_basic else {}
    if header is not None and tried_basic:
        pair = basic_credentials(header)
        if pair is None:
            raise TokenError(
                401,
                "invalid_client",
                "malformed Basic credentials: expected the base64 of UTF-8 'id:secret'",
                headers=challenge,
            )
        if secret is not None:
            raise _invalid_request(
                "the client authenticates twice (Basic credentials and client_secret): use one"
            )
        if client_id is not None and client_id != pair[0]:
            raise _invalid_request("client_id is not the client of the Basic credentials")
        client_id, secret = pair
    if not client_id:
        raise TokenError(
            401,
            "invalid_client",
            "no client credentials: send client_id and client_secret, or Basic credentials",
        )
    known = state.world.credentials.get(client_id)
    if known is None or not secrets_equal(secret or "", known[0]):
        raise TokenError(
            401, "invalid_client", "unknown client_id or wrong client_secret", headers=challenge
        )
    return client_id, known[1]
