"""Narrow tests of kimono_interop._pipeline, one policy at a time, over httpx.MockTransport."""

from __future__ import annotations

import asyncio
import base64
import gzip
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from kimono_interop_client.errors import FieldError, ResponseBodyError
from kimono_interop_client.types import RequestArgs

from kimono_interop._credentials import (
    TOKEN_PATH,
    ApiKey,
    AuthSession,
    ClientCredentials,
    Credentials,
)
from kimono_interop._exceptions import (
    MASK,
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    AuthenticationError,
    ClientClosedError,
    InteropError,
    NotFoundError,
    RateLimitError,
    ServerError,
)
from kimono_interop._pipeline import (
    Attempt,
    AttemptHook,
    ClientSender,
    FairLimiter,
    Pipeline,
    Settings,
    Shared,
    TransportSender,
    exchange,
    finish_exchanges_on_cancel,
    raw_response_capture,
)
from kimono_interop._retry import RetryPolicy

BASE = "https://api.example.test"
NOW = datetime(2026, 11, 22, 12, 0, 0, tzinfo=UTC)
API_KEY = "k-0123456789-secret"
KEY_HEADER = "Basic " + base64.b64encode(f"{API_KEY}:{API_KEY}".encode()).decode()
CLIENT_SECRET = "client-secret-value"

Handler = (
    Callable[[httpx.Request], httpx.Response]
    | Callable[[httpx.Request], Coroutine[None, None, httpx.Response]]
)
"""What httpx.MockTransport accepts: a sync or an async handler."""


class Sleeps:
    """An injected sleep: records the waits, never waits; may run an action first."""

    def __init__(self) -> None:
        self.delays: list[float] = []
        self.action: Callable[[], Awaitable[None]] | None = None

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        if self.action is not None:
            await self.action()


class Recorder:
    """A MockTransport handler that records requests and answers from a script.

    Each answer is a response, an exception to raise, or a callable making one; the last
    answer repeats.
    """

    def __init__(self, *answers: httpx.Response | Exception | Handler) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers[min(len(self.requests) - 1, len(self.answers) - 1)]
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, httpx.Response):
            return answer
        made = answer(request)
        return made if isinstance(made, httpx.Response) else await made


def make_shared(handler: Handler, *, limit: int = 8) -> Shared:
    transport = httpx.MockTransport(handler)
    return Shared(sender=TransportSender(transport, owned=True), limiter=FairLimiter(limit))


def make_pipeline(
    handler: Handler,
    *,
    auth: Credentials | None = None,
    policy: RetryPolicy | None = None,
    hooks: Sequence[AttemptHook] = (),
    limit: int = 8,
) -> tuple[Pipeline, Sleeps]:
    settings = Settings(
        base_url=BASE,
        timeout=httpx.Timeout(5.0),
        policy=policy or RetryPolicy(jitter=0.0),
        headers={"User-Agent": "tests", "Accept": "application/json"},
        hooks=hooks,
    )
    sleeps = Sleeps()
    pipeline = Pipeline(
        make_shared(handler, limit=limit), settings, auth, sleep=sleeps, now=lambda: NOW
    )
    return pipeline, sleeps


def args(
    method: str = "GET",
    url: str = "/v2/interop/clouds",
    *,
    params: dict[str, Any] | None = None,
    json_body: Any = None,
    operation_id: str = "listClouds",
) -> RequestArgs:
    built: RequestArgs = {
        "method": method,
        "url": url,
        "extensions": {"operation_id": operation_id},
    }
    if params is not None:
        built["params"] = params
    if json_body is not None:
        built["json"] = json_body
    return built


def as_is(response: httpx.Response) -> httpx.Response:
    return response


async def send(pipeline: Pipeline, method: str = "GET", **kwargs: Any) -> httpx.Response:
    return await pipeline.call(args(method, **kwargs), as_is)


def exception_chain(error: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    todo: list[BaseException | None] = [error]
    while todo:
        current = todo.pop()
        if current is None or any(current is seen for seen in found):
            continue
        found.append(current)
        todo += [current.__cause__, current.__context__]
    return found


def assert_holds_no_live_request(error: BaseException, *secrets: str) -> None:
    """Nothing in the chain holds the live request, or shows a secret."""
    assert error.__context__ is None
    for link in exception_chain(error):
        assert getattr(link, "_request", None) is None, f"{link!r} holds a live request"
        request = getattr(link, "request", None) if isinstance(link, InteropError) else None
        if request is not None:
            assert request.headers.get("authorization") in (None, MASK)
            assert request.content == b""
        for secret in secrets:
            assert secret not in str(link)
            assert secret not in repr(link)
            assert secret not in str(getattr(link, "args", ""))


async def settle(rounds: int = 10) -> None:
    for _ in range(rounds):
        await asyncio.sleep(0)


# -- retries per method -------------------------------------------------------------------------


async def test_get_is_resent_on_transient_statuses_with_backoff() -> None:
    handler = Recorder(httpx.Response(503), httpx.Response(502), httpx.Response(200, json=[1]))
    pipeline, sleeps = make_pipeline(handler)
    response = await send(pipeline)
    assert response.json() == [1]
    assert len(handler.requests) == 3
    assert sleeps.delays == [0.5, 1.0]


async def test_retries_stop_at_max_and_the_last_response_is_the_error() -> None:
    handler = Recorder(
        httpx.Response(503, json={"message": "first"}),
        httpx.Response(500, json={"message": "last"}),
    )
    pipeline, sleeps = make_pipeline(handler)
    with pytest.raises(ServerError) as info:
        await send(pipeline)
    assert info.value.status_code == 500
    assert info.value.message == "last"
    assert len(handler.requests) == 3
    assert sleeps.delays == [0.5, 1.0]


@pytest.mark.parametrize("method", ["POST", "PATCH"])
async def test_post_and_patch_are_not_resent_on_5xx(method: str) -> None:
    handler = Recorder(httpx.Response(503), httpx.Response(200))
    pipeline, sleeps = make_pipeline(handler)
    with pytest.raises(ServerError):
        await send(pipeline, method, json_body={"name": "x"})
    assert len(handler.requests) == 1
    assert sleeps.delays == []


@pytest.mark.parametrize("method", ["PUT", "DELETE"])
async def test_put_and_delete_are_resent_on_read_timeouts(method: str) -> None:
    handler = Recorder(httpx.ReadTimeout("slow"), httpx.Response(204))
    pipeline, _ = make_pipeline(handler)
    assert (await send(pipeline, method)).status_code == 204
    assert len(handler.requests) == 2


async def test_post_is_not_resent_once_it_may_have_been_received() -> None:
    handler = Recorder(httpx.ReadTimeout("slow"), httpx.Response(201))
    pipeline, _ = make_pipeline(handler)
    with pytest.raises(APITimeoutError):
        await send(pipeline, "POST", json_body={"a": 1})
    assert len(handler.requests) == 1


async def test_post_is_resent_with_the_same_body_when_it_never_left() -> None:
    handler = Recorder(httpx.ConnectError("refused"), httpx.Response(201))
    pipeline, _ = make_pipeline(handler)
    assert (await send(pipeline, "POST", json_body={"a": 1})).status_code == 201
    assert [json.loads(r.content) for r in handler.requests] == [{"a": 1}, {"a": 1}]


async def test_post_is_resent_on_429_after_retry_after() -> None:
    handler = Recorder(httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(201))
    pipeline, sleeps = make_pipeline(handler)
    assert (await send(pipeline, "POST", json_body={})).status_code == 201
    assert sleeps.delays == [7.0]


async def test_retry_after_http_date_uses_the_injected_now() -> None:
    date = (NOW + timedelta(seconds=20)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    handler = Recorder(httpx.Response(503, headers={"Retry-After": date}), httpx.Response(200))
    pipeline, sleeps = make_pipeline(handler)
    await send(pipeline)
    assert sleeps.delays == [20.0]


async def test_retry_after_beyond_the_max_surfaces_at_once() -> None:
    handler = Recorder(httpx.Response(429, headers={"Retry-After": "3600"}))
    pipeline, sleeps = make_pipeline(handler)
    with pytest.raises(RateLimitError) as info:
        await send(pipeline)
    assert info.value.retry_after == 3600.0
    assert len(handler.requests) == 1
    assert sleeps.delays == []


async def test_a_custom_policy_is_used() -> None:
    handler = Recorder(httpx.Response(503))
    pipeline, sleeps = make_pipeline(
        handler, policy=RetryPolicy(max_retries=4, backoff_initial=0.1, backoff_max=0.3, jitter=0.0)
    )
    with pytest.raises(ServerError):
        await send(pipeline)
    assert len(handler.requests) == 5
    assert sleeps.delays == pytest.approx([0.1, 0.2, 0.3, 0.3])


# -- failures while reading the body ------------------------------------------------------------


class BrokenBody(httpx.AsyncByteStream):
    """A response body that breaks off after its first chunk."""

    def __init__(self) -> None:
        self.closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b'{"data": ['
        raise httpx.ReadError("connection reset while reading the body")

    async def aclose(self) -> None:
        self.closed = True


async def test_body_read_failure_is_retried_for_get() -> None:
    broken = BrokenBody()
    handler = Recorder(httpx.Response(200, stream=broken), httpx.Response(200, json={"data": []}))
    pipeline, sleeps = make_pipeline(handler)
    response = await send(pipeline)
    assert response.json() == {"data": []}
    assert len(handler.requests) == 2
    assert sleeps.delays == [0.5]
    assert broken.closed


async def test_body_read_failure_is_not_retried_for_post() -> None:
    broken = BrokenBody()
    handler = Recorder(httpx.Response(201, stream=broken), httpx.Response(201))
    pipeline, _ = make_pipeline(handler, auth=ApiKey(API_KEY))
    with pytest.raises(APIConnectionError) as info:
        await send(pipeline, "POST", json_body={"a": 1})
    assert type(info.value) is APIConnectionError
    assert "ReadError" in str(info.value)
    assert len(handler.requests) == 1
    assert broken.closed
    assert_holds_no_live_request(info.value, KEY_HEADER, API_KEY)


# -- error mapping ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raised", "expected"),
    [
        (httpx.ConnectError, APIConnectionError),
        (httpx.ConnectTimeout, APITimeoutError),
        (httpx.ReadTimeout, APITimeoutError),
        (httpx.WriteTimeout, APITimeoutError),
        (httpx.PoolTimeout, APITimeoutError),
        (httpx.ReadError, APIConnectionError),
        (httpx.RemoteProtocolError, APIConnectionError),
        (httpx.LocalProtocolError, APIConnectionError),
        (httpx.ProxyError, APIConnectionError),
        (httpx.UnsupportedProtocol, APIConnectionError),
        (httpx.TooManyRedirects, APIConnectionError),
    ],
)
async def test_httpx_errors_become_interop_errors_without_the_live_request(
    raised: type[httpx.RequestError], expected: type[APIConnectionError]
) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise raised("it broke", request=request)  # the original holds the live request

    pipeline, _ = make_pipeline(fail, auth=ApiKey(API_KEY), policy=RetryPolicy(max_retries=0))
    with pytest.raises(APIConnectionError) as info:
        await send(pipeline, params={"page": 1, "token": "q-secret"})
    error = info.value
    assert type(error) is expected
    verb = "timed out" if expected is APITimeoutError else "failed"
    assert str(error) == (
        f"the request {verb}: GET /v2/interop/clouds (listClouds): {raised.__name__}: it broke"
    )
    cause = error.__cause__
    assert isinstance(cause, httpx.RequestError)
    assert type(cause) is raised
    assert str(cause) == "it broke"
    with pytest.raises(RuntimeError, match="request property has not been set"):
        _ = cause.request  # a fresh copy: no request
    assert cause.__traceback__ is None
    assert error.request is not None
    assert error.request.headers["authorization"] == MASK
    assert error.request.url.params["token"] == "REDACTED"
    assert_holds_no_live_request(error, KEY_HEADER, API_KEY, "q-secret")


@pytest.mark.parametrize("raised", [RuntimeError("transport bug"), OSError(54, "reset by peer")])
async def test_a_non_httpx_transport_exception_becomes_a_connection_error(
    raised: Exception,
) -> None:
    handler = Recorder(raised)
    pipeline, sleeps = make_pipeline(handler, auth=ApiKey(API_KEY))
    with pytest.raises(APIConnectionError) as info:
        await send(pipeline)
    assert type(info.value) is APIConnectionError
    assert type(raised).__name__ in str(info.value)
    assert len(handler.requests) == 1  # not a known-transient failure: not resent
    assert sleeps.delays == []
    assert info.value.__cause__ is not raised
    assert_holds_no_live_request(info.value, KEY_HEADER, API_KEY)


async def test_an_exception_whose_constructor_differs_is_still_copied() -> None:
    class Odd(Exception):
        def __init__(self, code: int, request: httpx.Request) -> None:
            super().__init__(f"odd {code}")
            self._request = request

    def fail(request: httpx.Request) -> httpx.Response:
        raise Odd(7, request)

    pipeline, _ = make_pipeline(fail, auth=ApiKey(API_KEY))
    with pytest.raises(APIConnectionError, match="Odd: odd 7") as info:
        await send(pipeline)
    assert_holds_no_live_request(info.value, KEY_HEADER)


async def test_undecodable_body_is_a_validation_error_not_retried() -> None:
    garbage = httpx.Response(
        200, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(b"not gzip at all")
    )
    handler = Recorder(garbage, httpx.Response(200))
    pipeline, sleeps = make_pipeline(handler, auth=ApiKey(API_KEY))
    with pytest.raises(APIResponseValidationError) as info:
        await send(pipeline)
    error = info.value
    assert error.status_code == 200
    assert "cannot be decoded" in str(error)
    assert str(error).startswith("listClouds: the 200 response body does not match the spec")
    assert type(error.__cause__) is ValueError
    assert len(handler.requests) == 1
    assert sleeps.delays == []
    assert_holds_no_live_request(error, KEY_HEADER, API_KEY)


async def test_error_status_becomes_its_class_with_a_masked_snapshot() -> None:
    body = {"code": "not_found", "message": "Cloud not found", "client_secret": "leaked"}
    handler = Recorder(httpx.Response(404, json=body, headers={"X-Request-Id": "rid-9"}))
    pipeline, _ = make_pipeline(handler, auth=ApiKey(API_KEY))
    with pytest.raises(NotFoundError) as info:
        await send(pipeline, params={"email": "a@b.test"})
    error = info.value
    assert str(error) == (
        "404 Not Found on GET /v2/interop/clouds (listClouds): Cloud not found "
        "(code=not_found) [request id 'rid-9']"
    )
    assert json.loads(error.response.content)["client_secret"] == MASK
    assert error.response.request.headers["authorization"] == MASK
    assert error.response.request.url.params["email"] == "REDACTED"
    assert_holds_no_live_request(error, KEY_HEADER, API_KEY, "leaked", "a@b.test")


async def test_a_body_not_matching_the_spec_is_a_validation_error() -> None:
    def parse(response: httpx.Response) -> object:
        raise ResponseBodyError("listClouds", 200, FieldError("data[0].id", "expected a UUID"))

    pipeline, _ = make_pipeline(Recorder(httpx.Response(200, json={"data": [{"id": 1}]})))
    with pytest.raises(APIResponseValidationError) as info:
        await pipeline.call(args(), parse)
    error = info.value
    assert error.problem == "data[0].id: expected a UUID"
    assert isinstance(error.__cause__, FieldError)
    assert error.__context__ is None


async def test_content_encoded_error_response_maps_to_its_class() -> None:
    wire = gzip.compress(json.dumps({"message": "no such cloud"}).encode())
    response = httpx.Response(
        404, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(wire)
    )
    pipeline, _ = make_pipeline(Recorder(response))
    with pytest.raises(NotFoundError, match="no such cloud"):
        await send(pipeline)


async def test_content_encoded_success_with_hooks() -> None:
    wire = gzip.compress(b'{"data": []}')
    response = httpx.Response(
        200, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(wire)
    )
    seen: list[Attempt] = []
    pipeline, _ = make_pipeline(Recorder(response), hooks=[seen.append])
    assert (await send(pipeline)).json() == {"data": []}
    assert seen[0].response is not None
    assert seen[0].response.json() == {"data": []}


# -- credentials in the pipeline ----------------------------------------------------------------


class TokenServer:
    """A token endpoint and an API that accepts only `valid` bearer tokens."""

    def __init__(self) -> None:
        self.issued = 0
        self.valid: set[str] = set()
        self.token_requests: list[httpx.Request] = []
        self.api_auth: list[str | None] = []
        self.token_answers: list[httpx.Response | Exception] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == TOKEN_PATH:
            self.token_requests.append(request)
            if self.token_answers:
                answer = self.token_answers.pop(0)
                if isinstance(answer, Exception):
                    raise answer
                return answer
            self.issued += 1
            token = f"tok-{self.issued}"
            self.valid.add(token)
            return httpx.Response(200, json={"access_token": token, "expires_in": 3600})
        auth = request.headers.get("Authorization")
        self.api_auth.append(auth)
        if auth is None or auth.removeprefix("Bearer ") not in self.valid:
            return httpx.Response(401, json={"message": "bad token"})
        return httpx.Response(200, json={"ok": True})


def oauth() -> ClientCredentials:
    return ClientCredentials("client-1", CLIENT_SECRET).bind(BASE)


async def test_token_is_fetched_through_the_pipeline_unauthenticated() -> None:
    server = TokenServer()
    pipeline, _ = make_pipeline(server, auth=oauth())
    await send(pipeline)
    await send(pipeline)
    assert len(server.token_requests) == 1
    token_request = server.token_requests[0]
    assert "authorization" not in token_request.headers
    assert token_request.extensions["timeout"] == httpx.Timeout(5.0).as_dict()
    assert parse_qs(token_request.content.decode())["client_secret"] == [CLIENT_SECRET]
    assert server.api_auth == ["Bearer tok-1", "Bearer tok-1"]


async def test_401_refreshes_the_token_and_resends_once() -> None:
    server = TokenServer()
    pipeline, sleeps = make_pipeline(server, auth=oauth())
    await send(pipeline)
    server.valid = set()  # the server revokes tok-1
    response = await send(pipeline)
    assert response.status_code == 200
    assert server.api_auth == ["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"]
    assert len(server.token_requests) == 2
    assert sleeps.delays == []


async def test_a_second_401_is_the_error() -> None:
    server = TokenServer()

    def reject_all(request: httpx.Request) -> httpx.Response:
        response = server(request)
        server.valid = set()
        return response if request.url.path == TOKEN_PATH else httpx.Response(401)

    pipeline, sleeps = make_pipeline(reject_all, auth=oauth())
    with pytest.raises(AuthenticationError):
        await send(pipeline)
    assert server.api_auth == ["Bearer tok-1", "Bearer tok-2"]
    assert sleeps.delays == []


async def test_401_with_a_static_credential_is_not_resent() -> None:
    handler = Recorder(httpx.Response(401, json={"message": "bad key"}))
    pipeline, _ = make_pipeline(handler, auth=ApiKey(API_KEY))
    with pytest.raises(AuthenticationError, match="bad key"):
        await send(pipeline)
    assert len(handler.requests) == 1


async def test_token_request_is_resent_as_idempotent() -> None:
    server = TokenServer()
    server.token_answers = [httpx.ReadTimeout("slow"), httpx.Response(503)]
    pipeline, sleeps = make_pipeline(server, auth=oauth())
    assert (await send(pipeline)).status_code == 200
    assert len(server.token_requests) == 3  # a POST, resent after a read timeout and a 503
    assert sleeps.delays == [0.5, 1.0]
    assert server.api_auth == ["Bearer tok-1"]


async def test_token_request_oauth_error_says_it_was_the_token_request() -> None:
    server = TokenServer()
    server.token_answers = [
        httpx.Response(400, json={"error": "invalid_client", "error_description": "bad secret"})
    ]
    pipeline, sleeps = make_pipeline(server, auth=oauth())
    with pytest.raises(AuthenticationError) as info:
        await send(pipeline)
    error = info.value
    assert error.code == "invalid_client"
    assert str(error) == (
        "400 Bad Request on POST /oauth/token (oauthToken): the OAuth2 token request failed: "
        "bad secret (code=invalid_client)"
    )
    assert server.api_auth == []
    assert sleeps.delays == []
    assert_holds_no_live_request(error, CLIENT_SECRET)


async def test_token_request_connection_failure_says_it_was_the_token_request() -> None:
    server = TokenServer()
    server.token_answers = [httpx.ConnectError("refused")] * 3
    pipeline, sleeps = make_pipeline(server, auth=oauth())
    with pytest.raises(APIConnectionError) as info:
        await send(pipeline)
    assert str(info.value) == (
        "the OAuth2 token request failed: POST /oauth/token (oauthToken): ConnectError: refused"
    )
    assert len(server.token_requests) == 3
    assert sleeps.delays == [0.5, 1.0]
    assert server.api_auth == []
    assert_holds_no_live_request(info.value, CLIENT_SECRET)


async def test_token_response_that_is_not_a_token_is_a_validation_error() -> None:
    server = TokenServer()
    server.token_answers = [httpx.Response(200, text="<html>login</html>")]
    pipeline, _ = make_pipeline(server, auth=oauth())
    with pytest.raises(APIResponseValidationError) as info:
        await send(pipeline)
    assert str(info.value) == (
        "oauthToken: the 200 response body does not match the spec: "
        "the body is not valid JSON (JSONDecodeError)"
    )
    assert info.value.__context__ is None
    assert_holds_no_live_request(info.value, CLIENT_SECRET)


async def test_a_custom_credential_is_applied_on_every_attempt() -> None:
    class Counting(Credentials):
        def __init__(self) -> None:
            self.applied = 0

        @property
        def identity(self) -> str:
            return "counting"

        @property
        def fingerprint(self) -> str:
            return "0" * 16

        async def apply(self, request: httpx.Request, session: AuthSession) -> None:
            self.applied += 1
            request.headers["X-Auth"] = f"n{self.applied}"

    sent: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request.headers["X-Auth"])  # the same request object is resent
        return httpx.Response(503 if len(sent) == 1 else 200)

    pipeline, _ = make_pipeline(handler, auth=Counting())
    await send(pipeline)
    assert sent == ["n1", "n2"]


# -- closed clients -----------------------------------------------------------------------------


async def test_closed_shared_pool_refuses_requests() -> None:
    handler = Recorder(httpx.Response(200))
    pipeline, _ = make_pipeline(handler)
    await pipeline.shared.aclose()
    with pytest.raises(ClientClosedError):
        await send(pipeline)
    with pytest.raises(ClientClosedError):
        await pipeline.request_token({"method": "POST", "url": ""}, as_is, url=BASE + TOKEN_PATH)
    assert handler.requests == []


async def test_closed_pipeline_refuses_requests() -> None:
    handler = Recorder(httpx.Response(200))
    pipeline, _ = make_pipeline(handler)
    pipeline.closed = True
    with pytest.raises(ClientClosedError):
        await send(pipeline)
    assert handler.requests == []


async def test_closing_during_a_retry_wait_stops_the_retries() -> None:
    handler = Recorder(httpx.Response(503))
    pipeline, sleeps = make_pipeline(handler)
    sleeps.action = pipeline.shared.aclose
    with pytest.raises(ClientClosedError):
        await send(pipeline)
    assert len(handler.requests) == 1


# -- hooks and logging --------------------------------------------------------------------------


async def test_hooks_get_one_attempt_per_attempt() -> None:
    handler = Recorder(httpx.Response(503), httpx.ConnectError("refused"), httpx.Response(200))
    seen: list[Attempt] = []
    also: list[Attempt] = []
    pipeline, _ = make_pipeline(handler, auth=ApiKey(API_KEY), hooks=[seen.append, also.append])
    await send(pipeline, params={"page": 3, "email": "a@b.test"})
    assert seen == also
    assert [a.attempt for a in seen] == [1, 2, 3]
    assert [a.response.status_code if a.response else None for a in seen] == [503, None, 200]
    assert [a.error for a in seen] == [None, "ConnectError", None]
    for record in seen:
        assert record.operation_id == "listClouds"
        assert record.elapsed >= 0
        assert record.request.headers["authorization"] == MASK
        assert record.request.url.params["email"] == "REDACTED"
        assert record.request.url.params["page"] == "3"


async def test_a_raising_hook_is_logged_and_ignored(caplog: pytest.LogCaptureFixture) -> None:
    def broken(record: Attempt) -> None:
        raise RuntimeError("metrics backend down")

    after: list[Attempt] = []
    handler = Recorder(httpx.Response(200, json={"ok": 1}))
    pipeline, _ = make_pipeline(handler, hooks=[broken, after.append])
    with caplog.at_level(logging.ERROR, logger="kimono_interop"):
        response = await send(pipeline)
    assert response.json() == {"ok": 1}
    assert len(after) == 1
    [record] = [r for r in caplog.records if "on_attempt hook" in r.getMessage()]
    assert record.levelno == logging.ERROR
    assert record.exc_info is not None
    assert "metrics backend down" in str(record.exc_info[1])


async def test_one_debug_line_per_attempt_with_query_values_redacted(
    caplog: pytest.LogCaptureFixture,
) -> None:
    handler = Recorder(httpx.Response(503), httpx.ConnectError("x"), httpx.Response(200))
    pipeline, _ = make_pipeline(handler, auth=ApiKey(API_KEY))
    params = {"page": 2, "page_size": 50, "email": "a@b.test", "api_key": "q-secret"}
    with caplog.at_level(logging.DEBUG, logger="kimono_interop"):
        await send(pipeline, params=params)
    records = [r for r in caplog.records if r.name == "kimono_interop"]
    assert len(records) == 3
    target = "/v2/interop/clouds?page=2&page_size=50&email=REDACTED&api_key=REDACTED"
    assert [r.__dict__["http_target"] for r in records] == [target] * 3
    assert [r.__dict__["http_outcome"] for r in records] == [503, "ConnectError", 200]
    assert [r.__dict__["attempt"] for r in records] == [1, 2, 3]
    assert all(r.__dict__["operation_id"] == "listClouds" for r in records)
    assert records[0].getMessage().startswith(f"GET {target} -> 503 in ")
    assert records[0].getMessage().endswith("(attempt 1)")
    dumped = "\n".join(f"{r.getMessage()} {r.__dict__}" for r in records)
    for secret in ("a@b.test", "q-secret", API_KEY, KEY_HEADER):
        assert secret not in dumped


async def test_no_log_lines_above_debug(caplog: pytest.LogCaptureFixture) -> None:
    pipeline, _ = make_pipeline(Recorder(httpx.Response(200)))
    with caplog.at_level(logging.INFO, logger="kimono_interop"):
        await send(pipeline)
    assert [r for r in caplog.records if r.name == "kimono_interop"] == []


async def test_raw_response_capture_keeps_successes_with_a_snapshot_request() -> None:
    pipeline, _ = make_pipeline(Recorder(httpx.Response(200, json={"ok": 1})), auth=ApiKey(API_KEY))
    captured: list[httpx.Response] = []
    token = raw_response_capture.set(captured)
    try:
        await send(pipeline)
    finally:
        raw_response_capture.reset(token)
    [response] = captured
    assert response.json() == {"ok": 1}
    assert response.request.headers["authorization"] == MASK


# -- senders ------------------------------------------------------------------------------------


async def test_client_sender_uses_neither_the_clients_auth_nor_its_redirects() -> None:
    handler = Recorder(httpx.Response(302, headers={"Location": "/elsewhere"}))
    client = httpx.AsyncClient(
        auth=("client-user", "client-pw"), transport=httpx.MockTransport(handler)
    )
    sender = ClientSender(client, owned=False)
    request = httpx.Request("GET", f"{BASE}/v2/x", headers={"Authorization": "Bearer mine"})
    response = await sender.exchange(request)
    assert response.status_code == 302
    assert [r.headers["authorization"] for r in handler.requests] == ["Bearer mine"]
    await sender.aclose()
    assert not client.is_closed
    await ClientSender(client, owned=True).aclose()
    assert client.is_closed


async def test_transport_sender_closes_only_an_owned_transport() -> None:
    class Closing(httpx.AsyncBaseTransport):
        closed = False

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            return httpx.Response(200)

        async def aclose(self) -> None:
            self.closed = True

    borrowed, owned = Closing(), Closing()
    await TransportSender(borrowed, owned=False).aclose()
    await TransportSender(owned, owned=True).aclose()
    assert (borrowed.closed, owned.closed) == (False, True)


# -- FairLimiter --------------------------------------------------------------------------------


async def test_fair_limiter_serves_waiters_in_arrival_order() -> None:
    limiter = FairLimiter(1)
    await limiter.acquire()
    order: list[int] = []

    async def waiter(number: int) -> None:
        await limiter.acquire()
        order.append(number)
        await asyncio.sleep(0)
        limiter.release()

    tasks = [asyncio.ensure_future(waiter(n)) for n in range(10)]
    await settle()
    assert limiter.waiting == 10
    limiter.release()
    await asyncio.gather(*tasks)
    assert order == list(range(10))
    assert (limiter.held, limiter.waiting) == (0, 0)


async def test_fair_limiter_never_exceeds_its_limit() -> None:
    limiter = FairLimiter(3)
    active = peak = 0

    async def worker() -> None:
        nonlocal active, peak
        await limiter.acquire()
        active += 1
        peak = max(peak, active)
        for _ in range(3):
            await asyncio.sleep(0)
        active -= 1
        limiter.release()

    await asyncio.gather(*(worker() for _ in range(40)))
    assert peak == 3
    assert limiter.peak == 3
    assert limiter.held == 0


async def test_fair_limiter_skips_a_cancelled_waiter() -> None:
    limiter = FairLimiter(1)
    await limiter.acquire()
    order: list[str] = []

    async def waiter(name: str) -> None:
        await limiter.acquire()
        order.append(name)

    first, second = asyncio.ensure_future(waiter("first")), asyncio.ensure_future(waiter("second"))
    await settle()
    first.cancel()
    await settle()
    limiter.release()
    await second
    assert order == ["second"]
    assert limiter.held == 1
    limiter.release()
    assert limiter.held == 0


async def test_a_waiter_cancelled_as_it_is_handed_the_slot_passes_it_on() -> None:
    limiter = FairLimiter(1)
    await limiter.acquire()
    order: list[str] = []

    async def waiter(name: str) -> None:
        await limiter.acquire()
        order.append(name)

    first, second = asyncio.ensure_future(waiter("first")), asyncio.ensure_future(waiter("second"))
    await settle()
    limiter.release()  # hands the slot to `first` ...
    first.cancel()  # ... which is cancelled before it runs
    await settle()
    await second
    assert first.cancelled()
    assert order == ["second"]
    assert limiter.held == 1


# -- exchange(): cancellation -------------------------------------------------------------------


class HeldTransport:
    """A handler that blocks every exchange until `gate` opens."""

    def __init__(self) -> None:
        self.gate = asyncio.Event()
        self.started: list[str] = []
        self.finished: list[str] = []

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.started.append(request.url.path)
        await self.gate.wait()
        self.finished.append(request.url.path)
        return httpx.Response(200, text=request.url.path)


def get(path: str) -> httpx.Request:
    return httpx.Request("GET", BASE + path)


async def test_exchange_cancelled_while_waiting_for_a_slot_is_dropped() -> None:
    held = HeldTransport()
    shared = make_shared(held, limit=1)
    first = asyncio.ensure_future(exchange(shared, get("/first")))
    await settle()
    second = asyncio.ensure_future(exchange(shared, get("/second")))
    await settle()
    assert shared.limiter.waiting == 1
    second.cancel()
    with pytest.raises(asyncio.CancelledError):
        await second
    await settle()
    assert shared.detached == set()
    held.gate.set()
    assert (await first).text == "/first"
    assert (await exchange(shared, get("/third"))).text == "/third"
    assert held.started == ["/first", "/third"]  # the dropped exchange was never sent
    assert (shared.limiter.held, shared.limiter.waiting) == (0, 0)


async def test_exchanges_waiting_for_a_slot_hold_no_task_of_their_own() -> None:
    held = HeldTransport()
    shared = make_shared(held, limit=1)
    before = len(asyncio.all_tasks())
    callers = [asyncio.ensure_future(exchange(shared, get(f"/{n}"))) for n in range(50)]
    await settle()
    assert shared.limiter.waiting == 49
    assert len(asyncio.all_tasks()) - before == 50 + 1  # the callers, and the one exchange sent
    held.gate.set()
    assert [(await caller).text for caller in callers] == [f"/{n}" for n in range(50)]
    assert (shared.limiter.held, shared.limiter.waiting) == (0, 0)


async def test_exchange_cancelled_after_it_started_finishes_in_the_background() -> None:
    held = HeldTransport()
    shared = make_shared(held, limit=1)
    caller = asyncio.ensure_future(exchange(shared, get("/first")))
    await settle()
    assert held.started == ["/first"]
    caller.cancel()
    with pytest.raises(asyncio.CancelledError):
        await caller  # at once: the gate is still closed
    assert held.finished == []
    [background] = shared.detached
    assert not background.done()
    assert shared.limiter.held == 1
    held.gate.set()
    await settle()
    assert background.done()
    assert background.result().text == "/first"
    assert held.finished == ["/first"]
    assert shared.detached == set()
    assert shared.limiter.held == 0


async def test_exchange_with_finish_on_cancel_returns_after_the_exchange_ended() -> None:
    held = HeldTransport()
    shared = make_shared(held, limit=1)

    async def look_ahead() -> httpx.Response:
        finish_exchanges_on_cancel.set(True)
        return await exchange(shared, get("/ahead"))

    caller = asyncio.ensure_future(look_ahead())
    await settle()
    assert held.started == ["/ahead"]
    caller.cancel()
    await settle()
    assert not caller.done()
    caller.cancel()  # a second cancellation does not cut it short either
    await settle()
    assert not caller.done()
    held.gate.set()
    with pytest.raises(asyncio.CancelledError):
        await caller
    assert held.finished == ["/ahead"]
    assert shared.detached == set()
    assert shared.limiter.held == 0
    assert finish_exchanges_on_cancel.get() is False  # set only in the look-ahead's context


async def test_shared_aclose_ends_detached_exchanges() -> None:
    held = HeldTransport()
    shared = make_shared(held, limit=1)
    caller = asyncio.ensure_future(exchange(shared, get("/first")))
    await settle()
    caller.cancel()
    with pytest.raises(asyncio.CancelledError):
        await caller
    [background] = shared.detached
    await shared.aclose()
    assert background.cancelled()
    assert shared.closed
    assert shared.detached == set()
    assert shared.limiter.held == 0
