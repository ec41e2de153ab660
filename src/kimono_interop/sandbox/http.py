"""The sandbox's HTTP plumbing: errors, request parsing, paging and the OAuth2 tokens.

Every failure becomes an ``ErrorType`` body (``status``, ``code``, ``message``,
``ext_message``, ``details``); every check names the bad value.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import json
import math
import re
import urllib.parse
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from kimono_interop.sandbox.quoting import clip, shorten
from kimono_interop.sandbox.state import Json, Principal, SandboxState, parse_iso

INT32_MAX = 2**31 - 1
"""The largest ``format: int32`` integer of the spec (page, page_size, generation)."""

MAX_JSON_DEPTH = 64
"""How deeply a JSON request body may nest arrays and objects (deeper: 400)."""


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
    return ApiError(404, "not_found", f"no {what} with id {shorten(key)}")


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
    _query: dict[str, list[str]] | None = field(default=None, init=False, repr=False)

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
            raise ApiError(404, "not_found", f"{name} {shorten(raw)} is not a valid id") from None

    def query(self, name: str) -> str | None:
        """A query parameter's value, if present (400 when it is given more than once)."""
        if self._query is None:
            self._query = parse_query(self.request.scope.get("query_string", b""))
        values = self._query.get(name)
        if values is None:
            return None
        if len(values) > 1:
            raise bad_request(f"{name} is given {len(values)} times; give it once")
        return values[0]

    def query_int(self, name: str, *, minimum: int, maximum: int = INT32_MAX) -> int | None:
        """An integer query parameter within [minimum, maximum] (the spec's are all int32)."""
        raw = self.query(name)
        if raw is None:
            return None
        if not _INTEGER.fullmatch(raw):
            raise bad_request(f"{name} must be an integer, got {shorten(raw)}")
        value = _parse_int(raw)
        if value < minimum:
            raise bad_request(f"{name} must be at least {minimum}, got {shorten(raw)}")
        if value > maximum:
            raise bad_request(f"{name} must be at most {maximum}, got {shorten(raw)}")
        return value

    def query_bool(self, name: str, *, default: bool) -> bool:
        """A boolean query parameter (``true``/``false``)."""
        raw = self.query(name)
        if raw is None:
            return default
        if raw.lower() not in ("true", "false"):
            raise bad_request(f"{name} must be true or false, got {shorten(raw)}")
        return raw.lower() == "true"

    def query_list(self, name: str, *, unique: bool = False) -> list[str] | None:
        """A comma-separated list query parameter; `unique` ones may not repeat a value."""
        raw = self.query(name)
        if raw is None:
            return None
        values = [part.strip() for part in raw.split(",") if part.strip()]
        if not values:
            raise bad_request(f"{name} must list at least one value, got {shorten(raw)}")
        if unique:
            seen: set[str] = set()
            for value in values:
                if value in seen:
                    raise bad_request(f"{name} lists {shorten(value)} more than once")
                seen.add(value)
        return values

    def json_object(self) -> Json:
        """The body as a JSON object (400 when it is not one, or is not sent as JSON)."""
        declared = self.request.headers.get("content-type")
        if declared is not None and not is_json_media_type(declared):
            raise bad_request(
                f"the request body must be application/json, got content-type {shorten(declared)}"
            )
        payload = parse_json(self.body)
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


# -- parsing -------------------------------------------------------------------------------

_INTEGER = re.compile(r"[+-]?[0-9]+")


def _parse_int(text: str) -> int:
    """Sign and ASCII digits as an int; past 40 digits it saturates (far outside any range)."""
    if len(text.lstrip("+-").lstrip("0")) > 40:
        return -(10**40) if text.startswith("-") else 10**40
    return int(text)


def parse_query(raw: bytes) -> dict[str, list[str]]:
    """A query string's values by name, in order (400 when it is not UTF-8 once decoded)."""
    try:
        pairs = urllib.parse.parse_qsl(
            raw.decode("latin-1"), keep_blank_values=True, encoding="utf-8", errors="strict"
        )
    except UnicodeDecodeError as exc:
        raise bad_request(
            f"the query string is not valid UTF-8 once percent-decoded ({exc.reason})"
        ) from None
    values: dict[str, list[str]] = {}
    for name, value in pairs:
        values.setdefault(name, []).append(value)
    return values


def is_json_media_type(content_type: str) -> bool:
    """Whether a Content-Type names JSON (``application/json`` or ``application/...+json``)."""
    media = content_type.partition(";")[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


def parse_json(body: bytes) -> Any:
    """`body` as strict JSON (400 naming the problem otherwise).

    Strict: UTF-8, no ``NaN``/``Infinity``, only finite numbers, no lone surrogates in strings,
    and arrays and objects nested at most :data:`MAX_JSON_DEPTH` deep.
    """
    if not body.strip():
        raise bad_request("the request body is empty: a JSON object is expected")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise bad_request(
            f"the request body is not valid UTF-8: byte {exc.start} is {body[exc.start]:#04x}"
        ) from None
    try:
        payload = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except RecursionError:
        raise _too_deep() from None
    except ValueError as exc:
        raise bad_request(f"the request body is not valid JSON: {clip(str(exc))}") from None
    _check_json_tree(payload)
    return payload


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {clip(text)} is out of range")
    return value


def _too_deep() -> ApiError:
    return bad_request(f"the request body nests arrays and objects more than {MAX_JSON_DEPTH} deep")


def _check_json_tree(payload: Any) -> None:
    """400 when `payload` nests too deeply or holds a string that is not valid Unicode."""
    pending: list[tuple[Any, int]] = [(payload, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, str):
            _check_unicode(value)
            continue
        if not isinstance(value, dict | list):
            continue
        if depth > MAX_JSON_DEPTH:
            raise _too_deep()
        if isinstance(value, dict):
            for key in value:
                _check_unicode(key)
            value = list(value.values())
        pending.extend((child, depth + 1) for child in value)


def _check_unicode(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise bad_request(
            f"the request body has a string that is not Unicode text: {shorten(text)}"
        ) from None


# -- field checks on JSON bodies ----------------------------------------------------------


def text_field(
    body: Json, name: str, *, required: bool = False, nullable: bool = False
) -> str | None:
    """A string field; `required` ones must be non-empty (``minLength: 1``: whitespace counts)."""
    if name not in body or (body[name] is None and nullable):
        if required:
            raise bad_request(f"{name} is required")
        return None
    value = body[name]
    if not isinstance(value, str) or (required and not value):
        kind = "a non-empty string" if required else "a string"
        raise bad_request(f"{name} must be {kind}, got {shorten(value)}")
    return value


def bool_field(body: Json, name: str, *, required: bool = False) -> bool | None:
    """A boolean field."""
    if name not in body:
        if required:
            raise bad_request(f"{name} is required")
        return None
    value = body[name]
    if not isinstance(value, bool):
        raise bad_request(f"{name} must be true or false, got {shorten(value)}")
    return value


def int_field(
    body: Json,
    name: str,
    *,
    low: int | None = None,
    high: int | None = None,
    required: bool = False,
) -> int | None:
    """An integer field within [low, high]; like JSON Schema, ``6.0`` is the integer 6."""
    if name not in body:
        if required:
            raise bad_request(f"{name} is required")
        return None
    value = body[name]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad_request(f"{name} must be an integer, got {shorten(value)}")
    if (low is not None and value < low) or (high is not None and value > high):
        raise bad_request(f"{name} must be between {low} and {high}, got {shorten(value)}")
    return value


def enum_field(body: Json, name: str, allowed: Sequence[str]) -> str | None:
    """A field that must be one of `allowed`."""
    if name not in body:
        return None
    value = body[name]
    if value not in allowed:
        raise bad_request(f"{name} must be one of {', '.join(allowed)}; got {shorten(value)}")
    return str(value)


def uuid_field(body: Json, name: str) -> str | None:
    """A UUID string field."""
    if name not in body or body[name] is None:
        return None
    value = body[name]
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return str(uuid.UUID(value))
    raise bad_request(f"{name} must be a UUID, got {shorten(value)}")


def datetime_field(body: Json, name: str) -> str:
    """A required RFC 3339 date-time with a timezone."""
    value = body.get(name)
    moment = parse_iso(value) if isinstance(value, str) else None
    if moment is None:
        raise bad_request(
            f"{name} must be an RFC 3339 date-time with a timezone, got {shorten(value)}"
        )
    return value  # type: ignore[return-value]


def string_map_field(body: Json, name: str) -> dict[str, str] | None:
    """An object of string values."""
    if name not in body:
        return None
    value = body[name]
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise bad_request(f"{name} must be an object of strings, got {shorten(value)}")
    return value


# -- credentials ---------------------------------------------------------------------------


def basic_credentials(header: str) -> tuple[str, str] | None:
    """(user, password) from a Basic Authorization header; None when not Basic or malformed."""
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except ValueError:  # not base64 (binascii.Error), not ASCII, or not UTF-8 once decoded
        return None
    user, sep, password = decoded.partition(":")
    return (user, password) if sep else None


def secrets_equal(given: str, known: str) -> bool:
    """Compare a secret in constant time (any text: hmac refuses non-ASCII ``str``)."""
    return hmac.compare_digest(
        given.encode("utf-8", "surrogatepass"), known.encode("utf-8", "surrogatepass")
    )


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
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "basic":
        return _basic_principal(state, header)
    if scheme.lower() == "bearer" and token:
        claims = verify_token(state, token.strip())
        if claims is None:
            raise ApiError(401, "invalid_token", "the bearer token is invalid or has expired")
        return Principal("actor", tenant_id=str(claims["tenant_id"]))
    raise ApiError(401, "unauthorized", "unsupported Authorization scheme")


def _basic_principal(state: SandboxState, header: str) -> Principal:
    pair = basic_credentials(header)
    if pair is None:
        raise ApiError(
            401,
            "unauthorized",
            "malformed Basic credentials: expected the base64 of UTF-8 'user:password'",
        )
    user, password = pair
    if secrets_equal(user, state.api_key) and secrets_equal(password, state.api_key):
        return Principal("developer")
    known = state.world.credentials.get(user)
    if known is not None and secrets_equal(password, known[0]):
        return Principal("actor", tenant_id=known[1])
    raise ApiError(401, "unauthorized", "invalid credentials")
