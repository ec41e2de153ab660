"""Narrow tests of kimono_interop._exceptions: classes, messages, error bodies and snapshots."""

from __future__ import annotations

import gzip
import json

import httpx
import pytest

from kimono_interop._exceptions import (
    LOGGED_QUERY_PARAMS,
    MASK,
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    InsecureTransportError,
    InteropError,
    InvalidArgumentError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    error_class_for_status,
    error_from_response,
    mask_body,
    mask_headers,
    redact_url,
    redacted_target,
    shorten,
    snapshot_request,
    snapshot_response,
)

API = "https://api.example.test"
CLOUD_URL = f"{API}/v2/interop/clouds/c-1?secret_token=hunter2&page=2&email=a%40b.test"
BEARER = "Bearer live-bearer-token-value"


def make_response(
    status: int,
    body: bytes | str | object = b"",
    *,
    headers: dict[str, str] | None = None,
    method: str = "GET",
    url: str = CLOUD_URL,
    operation_id: str | None = None,
) -> httpx.Response:
    if isinstance(body, str):
        content = body.encode()
    elif isinstance(body, bytes):
        content = body
    else:
        content = json.dumps(body).encode()
    extensions = {} if operation_id is None else {"operation_id": operation_id}
    request = httpx.Request(method, url, extensions=extensions)
    return httpx.Response(status, content=content, headers=headers, request=request)


def snap(response: httpx.Response) -> httpx.Response:
    return snapshot_response(response, response.request)


# -- classes per status -------------------------------------------------------------------------


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
        (502, ServerError),
        (503, ServerError),
        (504, ServerError),
        (520, ServerError),
        (599, ServerError),
        (402, APIStatusError),
        (418, APIStatusError),
        (422, APIStatusError),
    ],
)
def test_error_class_per_status(status: int, cls: type[APIStatusError]) -> None:
    assert error_class_for_status(status) is cls
    error = error_from_response(snap(make_response(status)))
    assert type(error) is cls
    assert error.status_code == status
    assert isinstance(error, InteropError)


def test_hierarchy() -> None:
    for cls in (
        InvalidArgumentError,
        ClientClosedError,
        InsecureTransportError,
        PaginationError,
        APIConnectionError,
        APIResponseValidationError,
        APIStatusError,
    ):
        assert issubclass(cls, InteropError)
    assert issubclass(APITimeoutError, APIConnectionError)
    # an argument check is caught by code that expects either builtin
    assert issubclass(InvalidArgumentError, ValueError)
    assert issubclass(InvalidArgumentError, TypeError)


# -- messages -----------------------------------------------------------------------------------


def test_message_names_method_path_operation_code_and_request_id_but_not_query() -> None:
    body = {"code": "not_found", "message": "Cloud not found", "details": "body-only-detail"}
    response = make_response(404, body, headers={"x-request-id": "req-7"}, operation_id="findCloud")
    error = error_from_response(snap(response))
    assert str(error) == (
        "404 Not Found on GET /v2/interop/clouds/c-1 (findCloud): Cloud not found "
        "(code=not_found) [request id 'req-7']"
    )
    for leaked in ("hunter2", "secret_token", "page=2", "a@b.test", "body-only-detail"):
        assert leaked not in str(error)
        assert leaked not in repr(error)


def test_message_without_code_operation_or_request_id() -> None:
    error = error_from_response(snap(make_response(500, b"", method="POST")))
    assert str(error) == (
        "500 Internal Server Error on POST /v2/interop/clouds/c-1: Internal Server Error"
    )


def test_message_without_request() -> None:
    error = error_from_response(httpx.Response(503))
    assert str(error) == "503 Service Unavailable: Service Unavailable"


def test_unregistered_status_has_a_message() -> None:
    error = error_from_response(snap(make_response(520)))
    assert error.message == "HTTP 520"
    assert str(error).startswith("520 on GET /v2/interop/clouds/c-1: HTTP 520")


def test_huge_request_id_is_quoted_shortened() -> None:
    error = error_from_response(snap(make_response(500, headers={"x-request-id": "r" * 100_000})))
    assert error.request_id == "r" * 100_000
    assert len(str(error)) < 300


# -- ErrorType bodies ---------------------------------------------------------------------------


def test_bare_error_type_body() -> None:
    body = {
        "status": 404,
        "code": "not_found",
        "message": "Cloud not found",
        "ext_message": "no cloud c-1",
        "details": "see docs",
    }
    error = error_from_response(snap(make_response(404, body, headers={"X-Request-Id": "req-7"})))
    assert (error.code, error.message, error.ext_message, error.details) == (
        "not_found",
        "Cloud not found",
        "no cloud c-1",
        "see docs",
    )
    assert error.request_id == "req-7"


def test_error_type_under_error_key() -> None:
    body = {"error": {"code": "conflict", "message": "Already exists"}, "other": 1}
    error = error_from_response(snap(make_response(409, body)))
    assert (error.code, error.message, error.ext_message, error.details) == (
        "conflict",
        "Already exists",
        None,
        None,
    )
    assert error.request_id is None


def test_non_string_fields_become_json_text() -> None:
    body = {"code": 42, "message": "Invalid", "details": {"field": "name", "at": [1, 2]}}
    error = error_from_response(snap(make_response(400, body)))
    assert error.code == "42"
    assert error.details == '{"at": [1, 2], "field": "name"}'


def test_empty_and_null_fields_are_absent() -> None:
    body = {"code": "", "message": None, "ext_message": "", "details": None}
    error = error_from_response(snap(make_response(400, body)))
    assert (error.code, error.ext_message, error.details) == (None, None, None)
    assert error.message == "Bad Request"


def test_huge_message_is_capped() -> None:
    error = error_from_response(snap(make_response(400, {"message": "m" * 1_000_000})))
    assert len(error.message) == 2000
    assert error.message.endswith("...")


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<html><body>Bad gateway</body></html>",
        b"not json {",
        b"[1, 2, 3]",
        b'"just a string"',
        b"null",
        b'{"error": 5}',
        b'{"error": null}',
        b'{"unrelated": true}',
        b"\xff\xfe\x00garbage",
        b"[" * 100_000,
    ],
)
def test_unusual_bodies_fall_back_to_reason_phrase(body: bytes) -> None:
    error = error_from_response(snap(make_response(502, body)))
    assert type(error) is ServerError
    assert error.message == "Bad Gateway"
    assert error.code is None


def test_rate_limit_keeps_retry_after() -> None:
    error = error_from_response(snap(make_response(429)), retry_after=7.0)
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 7.0
    assert isinstance(missing := error_from_response(snap(make_response(429))), RateLimitError)
    assert missing.retry_after is None


# -- OAuth error bodies -------------------------------------------------------------------------

OAUTH = {"error": "invalid_client", "error_description": "Client authentication failed"}


@pytest.mark.parametrize("status", [400, 401, 403])
def test_oauth_error_of_token_request_is_authentication_error(status: int) -> None:
    response = make_response(status, OAUTH, method="POST", url=f"{API}/oauth/token")
    error = error_from_response(snap(response), token_request=True)
    assert type(error) is AuthenticationError
    assert error.status_code == status
    assert error.code == "invalid_client"
    assert error.message == "the OAuth2 token request failed: Client authentication failed"
    assert "POST /oauth/token" in str(error)
    assert "(code=invalid_client)" in str(error)


def test_oauth_error_without_description_uses_reason_phrase() -> None:
    response = make_response(400, {"error": "invalid_grant"}, method="POST")
    error = error_from_response(snap(response), token_request=True)
    assert type(error) is AuthenticationError
    assert error.code == "invalid_grant"
    assert error.message == "the OAuth2 token request failed: Bad Request"


def test_token_endpoint_server_error_stays_server_error() -> None:
    error = error_from_response(snap(make_response(503, OAUTH)), token_request=True)
    assert type(error) is ServerError
    assert error.message.startswith("the OAuth2 token request failed: ")


def test_token_request_failure_without_oauth_body_keeps_status_class() -> None:
    error = error_from_response(snap(make_response(404, b"nope")), token_request=True)
    assert type(error) is NotFoundError
    assert error.message == "the OAuth2 token request failed: Not Found"


def test_oauth_shaped_body_outside_token_request_keeps_status_class() -> None:
    error = error_from_response(snap(make_response(400, OAUTH)))
    assert type(error) is BadRequestError
    assert error.code == "invalid_client"
    assert error.message == "Client authentication failed"


# -- connection and validation errors -----------------------------------------------------------


def test_connection_errors_hold_a_request_snapshot() -> None:
    request = snapshot_request(httpx.Request("GET", CLOUD_URL))
    error = APITimeoutError("request timed out", request=request)
    assert isinstance(error, APIConnectionError)
    assert error.request is request
    assert error.message == str(error) == "request timed out"
    assert APIConnectionError("x").request is None


def test_response_validation_error_fields() -> None:
    response = snap(make_response(200, b"{}", headers={"x-request-id": "rid-1"}))
    error = APIResponseValidationError(
        "listClouds: bad body", response=response, problem="data: is required"
    )
    assert (error.status_code, error.problem, error.request_id) == (
        200,
        "data: is required",
        "rid-1",
    )
    assert error.message == "listClouds: bad body"
    assert str(error) == "listClouds: bad body [request id 'rid-1']"


# -- snapshots: headers, URLs, bodies -----------------------------------------------------------


def test_mask_headers_masks_credentials_and_cookies_only() -> None:
    headers = httpx.Headers(
        [
            ("Authorization", BEARER),
            ("Proxy-Authorization", "Basic cHJveHk6cHc="),
            ("Cookie", "session=abc"),
            ("Set-Cookie", "a=1"),
            ("Set-Cookie", "b=2"),
            ("X-API-Key", "k-123"),
            ("Accept", "application/json"),
            ("X-Request-Id", "rid"),
        ]
    )
    masked = mask_headers(headers)
    assert masked.multi_items() == [
        ("authorization", MASK),
        ("proxy-authorization", MASK),
        ("cookie", MASK),
        ("set-cookie", MASK),
        ("set-cookie", MASK),
        ("x-api-key", MASK),
        ("accept", "application/json"),
        ("x-request-id", "rid"),
    ]
    assert headers["Authorization"] == BEARER  # the original is untouched


def test_redact_url_keeps_only_allowlisted_values() -> None:
    url = httpx.URL(
        f"{API}/v2/x?page=2&page_size=50&sort=-name&email=a%40b.test&token=s3cr3t"
        "&replace=true&include_credentials=false&generation=3&filter=a&filter=b"
    )
    redacted = redact_url(url)
    assert redacted.params.multi_items() == [
        ("page", "2"),
        ("page_size", "50"),
        ("sort", "-name"),
        ("email", "REDACTED"),
        ("token", "REDACTED"),
        ("replace", "true"),
        ("include_credentials", "false"),
        ("generation", "3"),
        ("filter", "REDACTED"),
        ("filter", "REDACTED"),
    ]
    assert (redacted.scheme, redacted.host, redacted.path) == ("https", "api.example.test", "/v2/x")
    assert {"page", "page_size"} <= LOGGED_QUERY_PARAMS


def test_redact_url_without_query_is_unchanged() -> None:
    url = httpx.URL(f"{API}/v2/x")
    assert redact_url(url) is url
    assert redacted_target(url) == "/v2/x"


def test_redacted_target_is_path_and_redacted_query() -> None:
    url = httpx.URL(f"{API}/v2/x?page=1&api_key=k")
    assert redacted_target(url) == "/v2/x?page=1&api_key=REDACTED"


def test_snapshot_request_drops_body_and_masks() -> None:
    request = httpx.Request(
        "POST",
        CLOUD_URL,
        headers={"Authorization": BEARER, "X-Trace": "t-1"},
        content=b'{"client_secret": "in-the-body"}',
        extensions={"operation_id": "createCloud", "timeout": {"read": 1.0}},
    )
    copy = snapshot_request(request)
    assert copy is not request
    assert copy.method == "POST"
    assert copy.headers["authorization"] == MASK
    assert copy.headers["x-trace"] == "t-1"
    assert copy.content == b""
    assert copy.url.params["secret_token"] == "REDACTED"
    assert copy.url.params["page"] == "2"
    assert copy.extensions == {"operation_id": "createCloud"}
    assert request.headers["authorization"] == BEARER


def test_snapshot_response_masks_everything_and_keeps_no_history() -> None:
    request = httpx.Request("GET", CLOUD_URL, headers={"Authorization": BEARER})
    earlier = httpx.Response(302, headers={"Location": "/elsewhere"}, request=request)
    body = {"data": {"client_secret": "shh", "name": "n"}}
    response = httpx.Response(
        401,
        json=body,
        headers={"Set-Cookie": "sid=1", "X-Request-Id": "rid"},
        request=request,
        history=[earlier],
    )
    copy = snapshot_response(response, request)
    assert copy.status_code == 401
    assert copy.history == []
    assert copy.headers["set-cookie"] == MASK
    assert copy.headers["x-request-id"] == "rid"
    assert json.loads(copy.content) == {"data": {"client_secret": MASK, "name": "n"}}
    assert copy.request.headers["authorization"] == MASK
    assert copy.request.url.params["secret_token"] == "REDACTED"


def test_snapshot_of_an_unread_response_has_no_body() -> None:
    request = httpx.Request("GET", CLOUD_URL)
    response = httpx.Response(500, stream=httpx.ByteStream(b'{"message": "unseen"}'))
    copy = snapshot_response(response, request)
    assert copy.content == b""
    assert error_from_response(copy).message == "Internal Server Error"


def test_snapshot_of_a_content_encoded_response() -> None:
    request = httpx.Request("GET", CLOUD_URL)
    wire = gzip.compress(b'{"message": "compressed"}')
    response = httpx.Response(
        503, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(wire), request=request
    )
    response.read()
    copy = snapshot_response(response, request)
    assert error_from_response(copy).message == "compressed"


# -- masking secret fields in bodies ------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"client_secret": "s"}, {"client_secret": MASK}),
        ({"Password": "p", "passwd": "p"}, {"Password": MASK, "passwd": MASK}),
        ({"apiKey": "k", "api_key": "k"}, {"apiKey": MASK, "api_key": MASK}),
        ({"access_token": "t", "name": "token"}, {"access_token": MASK, "name": "token"}),
        ({"auth_props": {"a": 1}}, {"auth_props": MASK}),
        ({"data": {"nested": {"client_secret": 5}}}, {"data": {"nested": {"client_secret": MASK}}}),
        (
            {"data": [{"id": 1, "token": "t1"}, {"id": 2, "token": "t2"}]},
            {"data": [{"id": 1, "token": MASK}, {"id": 2, "token": MASK}]},
        ),
        ([{"authorization": "Basic x"}], [{"authorization": MASK}]),
    ],
)
def test_mask_body_masks_secret_named_fields(body: object, expected: object) -> None:
    assert json.loads(mask_body(json.dumps(body).encode())) == expected


def test_mask_body_without_secrets_is_unchanged() -> None:
    content = b'{"data": [{"id": 1, "name": "n"}], "paging": {"next": null}}'
    assert mask_body(content) is content


@pytest.mark.parametrize(
    ("content", "secret"),
    [
        (b'{"data": {"client_secret": "abc', b"abc"),
        (b'{"data": {"client_secret": "abc"', b"abc"),
        (b'{"password": "p\\"q", "x": ', b'p\\"q'),
        (b'{"api_key": 123456, "name": "n', b"123456"),
        (b'{"token": "tkn"} <- trailing bytes make this invalid JSON', b"tkn"),
        (b'[{"token": "t1"}, {"token": "t2"', b"t2"),
    ],
)
def test_mask_body_masks_secrets_in_non_json_and_truncated_bodies(
    content: bytes, secret: bytes
) -> None:
    masked = mask_body(content)
    assert secret not in masked
    assert MASK.encode() in masked


def test_mask_body_masks_truncated_secrets_but_keeps_the_rest() -> None:
    assert mask_body(b'{"name": "n", "data": {"client_secret": "abc') == (
        b'{"name": "n", "data": {"client_secret": "***"'
    )


def test_mask_body_masks_a_secret_object_in_a_truncated_body() -> None:
    masked = mask_body(b'{"auth_props": {"client_secret": "abc')
    assert b"abc" not in masked


def test_mask_body_leaves_a_null_secret_null() -> None:
    assert json.loads(mask_body(b'{"client_secret": null}')) == {"client_secret": None}


# -- shorten ------------------------------------------------------------------------------------


def test_shorten_caps_a_10_mb_repr() -> None:
    text = shorten("x" * 10_000_000)
    assert len(text) == 80
    assert text.startswith("'xxx")
    assert text.endswith("...")


def test_shorten_keeps_short_values_and_takes_a_limit() -> None:
    assert shorten("abc") == "'abc'"
    assert shorten(None) == "None"
    assert shorten(b"x" * 50, limit=10) == "b'xxxxx..."
    assert len(shorten(list(range(1_000_000)), limit=20)) == 20
