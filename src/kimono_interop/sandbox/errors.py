"""Error answers: every failure of an API operation becomes an ``ErrorType`` body (``status``,
``code``, ``message``, ``ext_message``, ``details``) whose message names the bad value."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.responses import JSONResponse

from kimono_interop.sandbox.quoting import shorten


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
    """An ``ErrorType`` JSON response (its five members always present; the spec lets
    ``ext_message`` and ``details`` be null)."""
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
