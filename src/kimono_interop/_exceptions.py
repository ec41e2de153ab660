"""Every exception the SDK raises, and what an exception may hold.

All of them derive from :class:`InteropError`. Messages name what failed (the operation, method
and path, never the query string) and, when the server sent one, its request id. An exception
keeps a *snapshot* of the request and response, never the live objects: credentials headers are
masked, request bodies are dropped, query values outside an allowlist are redacted, secret fields
in response bodies are masked, and there is no redirect or token-exchange history. No exception
chains to an httpx exception that holds the live request.

This module depends on nothing else of the SDK's.
"""

from __future__ import annotations

import json
import re
from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "InsecureTransportError",
    "InteropError",
    "InvalidArgumentError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServerError",
]

LOGGED_QUERY_PARAMS = frozenset(
    {"page", "page_size", "sort", "replace", "include_credentials", "generation"}
)
"""Query parameters whose values may appear in logs and exceptions; others show REDACTED."""

MASK = "***"
_SECRET_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"}
)
_SECRET_KEY = re.compile(r"secret|password|passwd|token|api_?key|auth_props|authorization", re.I)
_SECRET_PAIR = re.compile(
    rb'("(?:[^"\\]|\\.)*(?:secret|password|passwd|token|api_?key|auth_props|authorization)'
    rb'(?:[^"\\]|\\.)*"\s*:\s*)([{\[].*|"(?:[^"\\]|\\.)*"?|[^\s,}\]]*)',
    re.I | re.S,
)
"""A secret-named key and its value in a body that is not valid JSON; an object or array under
such a key is masked to the end of the body (where it ends cannot be known)."""
_ENCODING_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


def shorten(value: object, limit: int = 80) -> str:
    """``repr(value)``, cut to `limit` characters with an ellipsis: for quoting bad values."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


# -- snapshots: what an exception may hold ---------------------------------------------------


def redact_url(url: httpx.URL) -> httpx.URL:
    """`url` with the values of query parameters outside the allowlist replaced by REDACTED."""
    if not url.query:
        return url
    params = [
        (name, value if name in LOGGED_QUERY_PARAMS else "REDACTED")
        for name, value in url.params.multi_items()
    ]
    return url.copy_with(params=params)


def redacted_target(url: httpx.URL) -> str:
    """The path and redacted query of `url`, as logs show it."""
    return redact_url(url).raw_path.decode("ascii", "replace")


def mask_headers(headers: httpx.Headers) -> httpx.Headers:
    """A copy of `headers` with credentials and cookies masked."""
    return httpx.Headers(
        [
            (name, MASK if name.lower() in _SECRET_HEADERS else value)
            for name, value in headers.multi_items()
        ]
    )


def mask_body(content: bytes) -> bytes:
    """A response body with the values of secret-named fields masked, parsed or not."""
    if not _SECRET_PAIR.search(content):
        return content
    try:
        parsed = json.loads(content)
    except (ValueError, RecursionError):
        return _SECRET_PAIR.sub(rb'\1"' + MASK.encode() + rb'"', content)
    return json.dumps(_mask_json(parsed)).encode()


def _mask_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            key: MASK if _SECRET_KEY.search(str(key)) and item is not None else _mask_json(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_mask_json(item) for item in value]
    return value


def snapshot_request(request: httpx.Request) -> httpx.Request:
    """A copy of `request` safe to keep: method, redacted URL, masked headers, no body."""
    snapshot = httpx.Request(
        request.method, redact_url(request.url), headers=mask_headers(request.headers)
    )
    operation = request.extensions.get("operation_id")
    if operation:
        snapshot.extensions["operation_id"] = operation
    return snapshot


def decoded_headers(headers: httpx.Headers) -> httpx.Headers:
    """`headers` of a response whose body is kept decoded: no encoding or length headers."""
    return httpx.Headers(
        [(n, v) for n, v in headers.multi_items() if n.lower() not in _ENCODING_HEADERS]
    )


def snapshot_response(response: httpx.Response, request: httpx.Request) -> httpx.Response:
    """A read copy of `response` safe to keep: masked headers and body, no history.

    The body is kept decoded, so the encoding and length headers are dropped with it.
    """
    try:
        content = response.content
    except httpx.ResponseNotRead:
        content = b""
    return httpx.Response(
        response.status_code,
        headers=mask_headers(decoded_headers(response.headers)),
        content=mask_body(content),
        request=snapshot_request(request),
    )


# -- the hierarchy ----------------------------------------------------------------------------


class InteropError(Exception):
    """Base class of every exception the SDK raises."""


class InvalidArgumentError(InteropError, ValueError, TypeError):
    """An argument failed its check; nothing was sent. The message names the argument."""


class ClientClosedError(InteropError):
    """The client (or the root client it derives from) is closed."""


class InsecureTransportError(InteropError):
    """Credentials would travel over plain ``http://`` to a host other than loopback."""


class PaginationError(InteropError):
    """A list's paging links cannot be followed safely (another origin, or no progress)."""


class APIConnectionError(InteropError):
    """The request never produced a complete response (refused, reset, DNS, truncated, ...)."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        """Record `message` and, when known, a snapshot of the `request` that failed."""
        super().__init__(message)
        self.message = message
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out (connecting, writing, reading, or waiting for the pool)."""


class APIResponseValidationError(InteropError):
    """A success response whose body does not match the spec.

    `status_code`, `response` (a snapshot, secrets masked) and `request_id` describe it; the
    problem (which field, what was wrong) is the ``__cause__`` and `problem`.
    """

    def __init__(self, message: str, *, response: httpx.Response, problem: str) -> None:
        """Build from a `response` snapshot and the `problem` found in its body."""
        self.status_code = response.status_code
        self.response = response
        self.problem = problem
        self.request_id = response.headers.get("x-request-id")
        self.message = message
        super().__init__(_with_request_id(message, self.request_id))


class APIStatusError(InteropError):
    """The service answered with an error status.

    `status_code`, the ``ErrorType`` fields (`code`, `message`, `ext_message`, `details`),
    `request_id` and `response` (a snapshot, secrets masked) describe it.
    """

    status_code: int
    code: str | None
    message: str
    ext_message: str | None
    details: str | None
    response: httpx.Response
    request_id: str | None

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        code: str | None = None,
        ext_message: str | None = None,
        details: str | None = None,
    ) -> None:
        """Build from a read `response` (a snapshot) and the fields parsed from its body."""
        self.status_code = response.status_code
        self.code = code
        self.message = message
        self.ext_message = ext_message
        self.details = details
        self.response = response
        self.request_id = response.headers.get("x-request-id")
        super().__init__(self._summary())

    def _summary(self) -> str:
        reason = self.response.reason_phrase or httpx.codes.get_reason_phrase(self.status_code)
        head = f"{self.status_code} {reason}".rstrip()
        request = self.response._request  # the snapshot's request, when it has one
        if request is not None:
            operation = request.extensions.get("operation_id")
            head += f" on {request.method} {request.url.path}"
            if operation:
                head += f" ({operation})"
        text = f"{head}: {self.message}"
        if self.code:
            text += f" (code={self.code})"
        return _with_request_id(text, self.request_id)


class BadRequestError(APIStatusError):
    """400 Bad Request: the request was malformed or failed validation."""


class AuthenticationError(APIStatusError):
    """401 Unauthorized, or a token endpoint's OAuth error: credentials missing, wrong or expired."""


class PermissionDeniedError(APIStatusError):
    """403 Forbidden: the credentials may not do this."""


class NotFoundError(APIStatusError):
    """404 Not Found: no such resource."""


class ConflictError(APIStatusError):
    """409 Conflict: the resource's state forbids this change."""


class RateLimitError(APIStatusError):
    """429 Too Many Requests; `retry_after` holds the Retry-After seconds when the server sent it."""

    retry_after: float | None = None


class ServerError(APIStatusError):
    """A 5xx status (including non-standard ones such as 520): the service failed."""


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


def error_class_for_status(status_code: int) -> type[APIStatusError]:
    """The exception class for an error status."""
    if status_code >= 500:
        return ServerError
    return _STATUS_CLASSES.get(status_code, APIStatusError)


def error_from_response(
    snapshot: httpx.Response, *, retry_after: float | None = None, token_request: bool = False
) -> APIStatusError:
    """The exception for an error response, from its read `snapshot`.

    Reads the body as an ``ErrorType`` (bare or under ``"error"``) or an OAuth error
    (``{"error": "invalid_client", "error_description": ...}``), else falls back to the reason
    phrase. A token endpoint's OAuth error is an :class:`AuthenticationError` whatever its status.
    """
    fields = _error_fields(snapshot)
    reason = snapshot.reason_phrase or httpx.codes.get_reason_phrase(snapshot.status_code)
    message = fields.get("message") or reason or f"HTTP {snapshot.status_code}"
    cls = error_class_for_status(snapshot.status_code)
    if token_request:
        message = f"the OAuth2 token request failed: {message}"
        if fields.get("oauth") and snapshot.status_code < 500:
            cls = AuthenticationError
    error = cls(
        message,
        response=snapshot,
        code=fields.get("code"),
        ext_message=fields.get("ext_message"),
        details=fields.get("details"),
    )
    if isinstance(error, RateLimitError):
        error.retry_after = retry_after
    return error


def _error_fields(response: httpx.Response) -> dict[str, str]:
    try:
        body = json.loads(response.content)
    except (ValueError, RecursionError):
        return {}
    if isinstance(body, dict) and isinstance(body.get("error"), str):
        oauth = {"code": body["error"], "oauth": "yes"}
        if body.get("error_description"):
            oauth["message"] = _as_text(body["error_description"])
        return oauth
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        body = body["error"]
    if not isinstance(body, dict):
        return {}
    names = ("code", "message", "ext_message", "details")
    return {name: _as_text(body[name]) for name in names if body.get(name) not in (None, "")}


def _as_text(value: object, limit: int = 2000) -> str:
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, default=str)
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


def _with_request_id(text: str, request_id: str | None) -> str:
    return f"{text} [request id {shorten(request_id, 80)}]" if request_id else text
