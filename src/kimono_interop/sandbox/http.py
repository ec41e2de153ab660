"""The sandbox's HTTP plumbing: errors, request parsing, paging and the OAuth2 tokens.

Every failure becomes an ``ErrorType`` body (``status``, ``code``, ``message``,
``ext_message``, ``details``); every check names the bad value.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from kimono_interop.sandbox.state import Json, Principal, SandboxState, parse_iso


class ApiError(Exception):
    """An error answer: status, code, message and optional details."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        details: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = dict(headers or {})

    def response(self) -> JSONResponse:
        """The ErrorType response for this error."""
        return error_response(
            self.status, self.code, self.message, details=self.details, headers=self.headers
        )


def error_response(
    status: int,
    code: str,
    message: str,
    *,
    details: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """An ``ErrorType`` JSON response."""
    body = {"status": status, "code": code, "message": message, "ext_message": None}
    body["details"] = details
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def bad_request(message: str) -> ApiError:
    """400 with a message that names the bad value."""
    return ApiError(400, "bad_request", message)


def not_found(what: str, key: str) -> ApiError:
    """404 for an unknown id."""
    return ApiError(404, "not_found", f"no {what} with id {key!r}")


def conflict(message: str, details: str | None = None) -> ApiError:
    """409 with what conflicts."""
    return ApiError(409, "conflict", message, details=details)


def single(data: Any) -> JSONResponse:
    """The single-object envelope ``{data, error}``."""
    return JSONResponse({"data": data, "error": None})


def no_content() -> Response:
    """204 No Content."""
    return Response(status_code=204)


@dataclass
class Call:
    """One request to an operation: who sent it, its parameters and the world it acts on."""

    request: Request
    state: SandboxState
    principal: Principal
    body: bytes

    @property
    def tenant_id(self) -> str:
        """The tenant whose actor credentials authenticated this call."""
        assert self.principal.tenant_id is not None
        return self.principal.tenant_id

    def path_uuid(self, name: str = "id") -> str:
        """A path parameter that must be a UUID (404 otherwise: no such resource)."""
        raw = str(self.request.path_params[name])
        try:
            return str(uuid.UUID(raw))
        except ValueError:
            raise ApiError(404, "not_found", f"{name} {raw!r} is not a valid id") from None

    def query(self, name: str) -> str | None:
        """A query parameter's raw value, if present."""
        return self.request.query_params.get(name)

    def query_int(self, name: str, *, minimum: int) -> int | None:
        """An integer query parameter of at least `minimum`."""
        raw = self.query(name)
        if raw is None:
            return None
        try:
            value = int(raw)
        except ValueError:
            raise bad_request(f"{name} must be an integer, got {raw!r}") from None
        if value < minimum:
            raise bad_request(f"{name} must be at least {minimum}, got {value}")
        return value

    def query_bool(self, name: str, *, default: bool) -> bool:
        """A boolean query parameter (``true``/``false``)."""
        raw = self.query(name)
        if raw is None:
            return default
        if raw.lower() not in ("true", "false"):
            raise bad_request(f"{name} must be true or false, got {raw!r}")
        return raw.lower() == "true"

    def query_list(self, name: str) -> list[str] | None:
        """A comma-separated list query parameter."""
        raw = self.query(name)
        if raw is None:
            return None
        values = [part.strip() for part in raw.split(",") if part.strip()]
        if not values:
            raise bad_request(f"{name} must list at least one value, got {raw!r}")
        return values

    def json_object(self) -> Json:
        """The body as a JSON object (400 when it is not one)."""
        if not self.body.strip():
            raise bad_request("the request body is empty: a JSON object is expected")
        try:
            payload = json.loads(self.body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise bad_request(f"the request body is not valid JSON: {exc}") from None
        if not isinstance(payload, dict):
            raise bad_request(
                f"the request body must be a JSON object, got {type(payload).__name__}"
            )
        return payload

    def page(self, items: Sequence[Json]) -> JSONResponse:
        """One page of `items` in the list envelope, as the API pages: from 0, capped."""
        page = self.query_int("page", minimum=0) or 0
        asked = self.query_int("page_size", minimum=1)
        cap = self.state.knobs.max_page_size
        size = cap if asked is None else min(asked, cap)
        chunk = list(items[page * size : (page + 1) * size])
        body: Json = {"data": chunk}
        if self.state.knobs.paging == "next":
            more = (page + 1) * size < len(items)
            following = self.request.url.include_query_params(page=page + 1)
            body["paging"] = {"next": str(following) if more else None}
        return JSONResponse(body)


# -- field checks on JSON bodies ----------------------------------------------------------


def text_field(
    body: Json, name: str, *, required: bool = False, nullable: bool = False
) -> str | None:
    """A string field; `required` ones must be non-empty."""
    if name not in body or (body[name] is None and nullable):
        if required:
            raise bad_request(f"{name} is required")
        return None
    value = body[name]
    if not isinstance(value, str) or (required and not value.strip()):
        raise bad_request(f"{name} must be a non-empty string, got {value!r}")
    return value


def bool_field(body: Json, name: str, *, required: bool = False) -> bool | None:
    """A boolean field."""
    if name not in body:
        if required:
            raise bad_request(f"{name} is required")
        return None
    value = body[name]
    if not isinstance(value, bool):
        raise bad_request(f"{name} must be true or false, got {value!r}")
    return value


def int_field(
    body: Json,
    name: str,
    *,
    low: int | None = None,
    high: int | None = None,
    required: bool = False,
) -> int | None:
    """An integer field within [low, high]."""
    if name not in body:
        if required:
            raise bad_request(f"{name} is required")
        return None
    value = body[name]
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad_request(f"{name} must be an integer, got {value!r}")
    if (low is not None and value < low) or (high is not None and value > high):
        raise bad_request(f"{name} must be between {low} and {high}, got {value}")
    return value


def enum_field(body: Json, name: str, allowed: Sequence[str]) -> str | None:
    """A field that must be one of `allowed`."""
    if name not in body:
        return None
    value = body[name]
    if value not in allowed:
        raise bad_request(f"{name} must be one of {', '.join(allowed)}; got {value!r}")
    return str(value)


def uuid_field(body: Json, name: str) -> str | None:
    """A UUID string field."""
    if name not in body or body[name] is None:
        return None
    value = body[name]
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise bad_request(f"{name} must be a UUID, got {value!r}") from None


def datetime_field(body: Json, name: str) -> str:
    """A required RFC 3339 date-time with a timezone."""
    value = body.get(name)
    moment = parse_iso(value) if isinstance(value, str) else None
    if moment is None:
        raise bad_request(f"{name} must be an RFC 3339 date-time with a timezone, got {value!r}")
    return value  # type: ignore[return-value]


def string_map_field(body: Json, name: str) -> dict[str, str] | None:
    """An object of string values."""
    if name not in body:
        return None
    value = body[name]
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise bad_request(f"{name} must be an object of strings, got {value!r}")
    return value


# -- credentials ---------------------------------------------------------------------------


def basic_credentials(header: str) -> tuple[str, str] | None:
    """(user, password) from a Basic Authorization header, or None."""
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic" or not encoded:
        return None
    try:
        user, sep, password = base64.b64decode(encoded, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return (user, password) if sep else None


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def issue_token(state: SandboxState, client_id: str, tenant_id: str) -> tuple[str, int]:
    """An HS256 JWT for this actor and its lifetime in seconds."""
    lifetime = max(1, round(state.knobs.token_lifetime))
    issued = int(state.now())
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = {"sub": client_id, "tenant_id": tenant_id, "iat": issued, "exp": issued + lifetime}
    payload = _b64(json.dumps(claims).encode())
    signature = hmac.new(state.token_key, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64(signature)}", lifetime


def verify_token(state: SandboxState, token: str) -> Json | None:
    """The claims of a token this sandbox signed and that has not expired, else None."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    expected = hmac.new(state.token_key, f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256)
    try:
        if not hmac.compare_digest(_unb64(parts[2]), expected.digest()):
            return None
        claims = json.loads(_unb64(parts[1]))
    except (ValueError, binascii.Error):
        return None
    if not isinstance(claims, dict) or not isinstance(claims.get("exp"), int):
        return None
    return claims if claims["exp"] > state.now() else None


def authenticate(state: SandboxState, header: str | None) -> Principal:
    """Who sent the request: the developer's API key, an actor's Basic or bearer token."""
    if not header:
        raise ApiError(401, "unauthorized", "missing Authorization header")
    pair = basic_credentials(header)
    if pair is not None:
        user, password = pair
        if user == state.api_key and password == state.api_key:
            return Principal("developer")
        known = state.world.credentials.get(user)
        if known is not None and hmac.compare_digest(known[0], password):
            return Principal("actor", tenant_id=known[1])
        raise ApiError(401, "unauthorized", "invalid credentials")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token:
        claims = verify_token(state, token.strip())
        if claims is None:
            raise ApiError(401, "invalid_token", "the bearer token is invalid or has expired")
        return Principal("actor", tenant_id=str(claims["tenant_id"]))
    raise ApiError(401, "unauthorized", "unsupported Authorization scheme")
