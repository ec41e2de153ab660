"""Unit tests for kimono_interop.errors."""

from __future__ import annotations

import json

import httpx
import pytest

from kimono_interop.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InteropError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    error_from_response,
)

CLOUD_URL = "https://api.example.test/v2/interop/clouds/c-1?secret_token=hunter2&page=2"


def make_response(
    status: int,
    body: bytes | str | object = b"",
    *,
    headers: dict[str, str] | None = None,
    method: str = "GET",
    url: str = CLOUD_URL,
) -> httpx.Response:
    if isinstance(body, str):
        content = body.encode()
    elif isinstance(body, bytes):
        content = body
    else:
        content = json.dumps(body).encode()
    request = httpx.Request(method, url)
    return httpx.Response(status, content=content, headers=headers, request=request)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (429, RateLimitError),
        (500, ServerError),
        (503, ServerError),
        (520, ServerError),
        (418, APIStatusError),
    ],
)
def test_error_class_per_status(status: int, cls: type[APIStatusError]) -> None:
    error = error_from_response(make_response(status))
    assert type(error) is cls
    assert error.status_code == status
    assert isinstance(error, InteropError)


def test_bare_error_body_is_parsed() -> None:
    body = {
        "status": 404,
        "code": "not_found",
        "message": "Cloud not found",
        "ext_message": "no cloud c-1",
        "details": "see docs",
    }
    error = error_from_response(make_response(404, body, headers={"x-request-id": "req-7"}))
    assert (error.code, error.message, error.ext_message, error.details) == (
        "not_found",
        "Cloud not found",
        "no cloud c-1",
        "see docs",
    )
    assert error.request_id == "req-7"


def test_wrapped_error_body_is_parsed() -> None:
    body = {"error": {"code": "conflict", "message": "Already exists"}, "other": 1}
    error = error_from_response(make_response(409, body))
    assert (error.code, error.message, error.ext_message, error.details) == (
        "conflict",
        "Already exists",
        None,
        None,
    )
    assert error.request_id is None


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<html><body>Bad gateway</body></html>",
        b"not json {",
        b"[1, 2, 3]",
        b'"just a string"',
        b'{"error": "flat string"}',
        b'{"unrelated": true}',
        b"\xff\xfe\x00garbage",
    ],
)
def test_unusual_bodies_fall_back_to_reason_phrase(body: bytes) -> None:
    error = error_from_response(make_response(502, body))
    assert type(error) is ServerError
    assert error.message == "Bad Gateway"
    assert error.code is None


def test_non_string_details_become_text() -> None:
    body = {"message": "Invalid", "details": {"field": "name"}}
    error = error_from_response(make_response(400, body))
    assert error.details == '{"field": "name"}'


def test_str_has_method_path_message_code_but_no_query_or_body() -> None:
    body = {"code": "not_found", "message": "Cloud not found", "details": "body-only-detail"}
    error = error_from_response(make_response(404, body))
    assert (
        str(error)
        == "404 Not Found on GET /v2/interop/clouds/c-1: Cloud not found (code=not_found)"
    )
    assert "hunter2" not in str(error)
    assert "hunter2" not in repr(error)
    assert "body-only-detail" not in str(error)


def test_str_without_code() -> None:
    error = error_from_response(make_response(500, b"", method="POST"))
    assert str(error) == (
        "500 Internal Server Error on POST /v2/interop/clouds/c-1: Internal Server Error"
    )


def test_error_without_request_still_formats() -> None:
    response = httpx.Response(503, content=b"")
    error = error_from_response(response)
    assert str(error) == "503 Service Unavailable: Service Unavailable"


def test_unread_streaming_response_does_not_raise() -> None:
    response = httpx.Response(
        500,
        stream=httpx.ByteStream(b'{"message": "unseen"}'),
        request=httpx.Request("GET", CLOUD_URL),
    )
    error = error_from_response(response)
    assert error.message == "Internal Server Error"


def test_rate_limit_retry_after() -> None:
    error = error_from_response(make_response(429, b"", headers={"retry-after": "7"}))
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 7.0
    missing = error_from_response(make_response(429, b""))
    assert isinstance(missing, RateLimitError)
    assert missing.retry_after is None


def test_connection_errors() -> None:
    request = httpx.Request("GET", CLOUD_URL)
    error = APITimeoutError("request timed out", request=request)
    assert isinstance(error, APIConnectionError)
    assert isinstance(error, InteropError)
    assert error.request is request
    assert str(error) == "request timed out"
    assert APIConnectionError("x").request is None
