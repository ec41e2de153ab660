"""Exceptions raised by the SDK, one class per notable HTTP status.

Messages name the method, the path (never the query string) and the service's error
message and code; they never include request or response bodies, headers or secrets.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import httpx

from kimono_interop.transport import parse_retry_after

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InteropError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServerError",
    "error_from_response",
]


class InteropError(Exception):
    """Base class of every exception the SDK raises."""


class APIConnectionError(InteropError):
    """The request never produced a response (connection refused, reset, DNS, ...)."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        """Record `message` and, when known, the `request` that failed."""
        super().__init__(message)
        self.message = message
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out before a response arrived."""


class APIStatusError(InteropError):
    """The service answered with an error status (4xx or 5xx)."""

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
        """Build from a read `response` and the fields parsed from its body."""
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
        try:
            request = self.response.request
        except RuntimeError:
            request = None
        if request is not None:
            head += f" on {request.method} {request.url.path}"
        text = f"{head}: {self.message}"
        if self.code:
            text += f" (code={self.code})"
        return text


class BadRequestError(APIStatusError):
    """400 Bad Request: the request was malformed or failed validation."""


class AuthenticationError(APIStatusError):
    """401 Unauthorized: credentials missing, wrong or expired."""


class PermissionDeniedError(APIStatusError):
    """403 Forbidden: the credentials may not do this."""


class NotFoundError(APIStatusError):
    """404 Not Found: no such resource."""


class ConflictError(APIStatusError):
    """409 Conflict: the resource's state forbids this change."""


class RateLimitError(APIStatusError):
    """429 Too Many Requests; `retry_after` holds the Retry-After seconds when given."""

    @property
    def retry_after(self) -> float | None:
        """Seconds the service asked to wait (Retry-After, seconds or HTTP date), if it did."""
        return parse_retry_after(self.response.headers.get("retry-after"), now=datetime.now(UTC))


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
    """The exception class for an HTTP error status."""
    if status_code >= 500:
        return ServerError
    return _STATUS_CLASSES.get(status_code, APIStatusError)


def error_from_response(response: httpx.Response) -> APIStatusError:
    """The exception for an error `response` whose body has been read.

    Accepts a bare error object ``{status, code, message, ext_message, details}``, one
    wrapped as ``{"error": {...}}``, or any other body (HTML, empty, not JSON), in which
    case the message falls back to the reason phrase.
    """
    fields = _error_fields(response)
    reason = response.reason_phrase or httpx.codes.get_reason_phrase(response.status_code)
    message = fields.get("message") or reason or f"HTTP {response.status_code}"
    cls = error_class_for_status(response.status_code)
    return cls(
        message,
        response=response,
        code=fields.get("code"),
        ext_message=fields.get("ext_message"),
        details=fields.get("details"),
    )


def _error_fields(response: httpx.Response) -> dict[str, str]:
    body = _json_body(response)
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        body = body["error"]
    if not isinstance(body, dict):
        return {}
    names = ("code", "message", "ext_message", "details")
    return {name: _as_text(body[name]) for name in names if body.get(name) not in (None, "")}


def _json_body(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content)
    except (ValueError, RuntimeError):
        return None


def _as_text(value: object) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, default=str)
