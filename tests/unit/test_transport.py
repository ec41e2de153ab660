"""Unit tests for kimono_interop.transport."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from kimono_interop.transport import (
    PolicyTransport,
    RetryPolicy,
    parse_retry_after,
    retry_delay,
)

NOW = datetime(2026, 11, 22, 12, 0, 0, tzinfo=UTC)
NO_JITTER = RetryPolicy(jitter=0.0)


# --- RetryPolicy -----------------------------------------------------------------------


def test_policy_defaults() -> None:
    policy = RetryPolicy()
    assert (policy.max_retries, policy.backoff_initial, policy.backoff_max) == (2, 0.5, 8.0)
    assert (policy.retry_after_max, policy.jitter) == (60.0, 0.25)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("max_retries", -1),
        ("max_retries", 1.5),
        ("max_retries", True),
        ("backoff_initial", -0.1),
        ("backoff_max", float("nan")),
        ("retry_after_max", -1),
        ("jitter", 1.5),
        ("jitter", -0.1),
    ],
)
def test_policy_validation_names_field(field: str, value: object) -> None:
    with pytest.raises(ValueError, match=field):
        RetryPolicy(**{field: value})  # type: ignore[arg-type]


# --- retry_delay rules -----------------------------------------------------------------

IDEMPOTENT = ["GET", "PUT", "DELETE", "HEAD", "OPTIONS"]
NON_IDEMPOTENT = ["POST", "PATCH"]
REQUEST = httpx.Request("GET", "https://x.test/")

RETRIED_FOR_ALL: list[Exception | int] = [
    httpx.ConnectError("x"),
    httpx.ConnectTimeout("x"),
    httpx.PoolTimeout("x"),
    429,
]
RETRIED_FOR_IDEMPOTENT_ONLY: list[Exception | int] = [
    httpx.ReadTimeout("x"),
    httpx.WriteTimeout("x"),
    httpx.ReadError("x"),
    httpx.RemoteProtocolError("x"),
    408,
    500,
    502,
    503,
    504,
]
NEVER_RETRIED: list[Exception | int] = [400, 401, 404, 409, 501, 520, ValueError("x")]


def delay_for(method: str, outcome: Exception | int, attempt: int = 0) -> float | None:
    if isinstance(outcome, int):
        return retry_delay(NO_JITTER, method=method, attempt=attempt, status=outcome)
    return retry_delay(NO_JITTER, method=method, attempt=attempt, error=outcome)


@pytest.mark.parametrize("method", IDEMPOTENT + NON_IDEMPOTENT)
@pytest.mark.parametrize("outcome", RETRIED_FOR_ALL, ids=repr)
def test_retried_for_every_method(method: str, outcome: Exception | int) -> None:
    assert delay_for(method, outcome) == 0.5


@pytest.mark.parametrize("outcome", RETRIED_FOR_IDEMPOTENT_ONLY, ids=repr)
def test_idempotent_only_outcomes(outcome: Exception | int) -> None:
    for method in IDEMPOTENT:
        assert delay_for(method, outcome) == 0.5, method
        assert delay_for(method.lower(), outcome) == 0.5, method
    for method in NON_IDEMPOTENT:
        assert delay_for(method, outcome) is None, method


@pytest.mark.parametrize("method", IDEMPOTENT + NON_IDEMPOTENT)
@pytest.mark.parametrize("outcome", NEVER_RETRIED, ids=repr)
def test_never_retried(method: str, outcome: Exception | int) -> None:
    assert delay_for(method, outcome) is None


def test_success_and_no_outcome_not_retried() -> None:
    assert retry_delay(NO_JITTER, method="GET", attempt=0, status=200) is None
    assert retry_delay(NO_JITTER, method="GET", attempt=0) is None


def test_not_past_max_retries() -> None:
    policy = RetryPolicy(max_retries=2, jitter=0.0)
    assert retry_delay(policy, method="GET", attempt=1, status=503) == 1.0
    assert retry_delay(policy, method="GET", attempt=2, status=503) is None
    zero = RetryPolicy(max_retries=0)
    assert retry_delay(zero, method="GET", attempt=0, status=503) is None


def test_backoff_grows_and_caps() -> None:
    policy = RetryPolicy(max_retries=10, backoff_initial=0.5, backoff_max=3.0, jitter=0.0)
    delays = [retry_delay(policy, method="GET", attempt=n, status=503) for n in range(6)]
    assert delays == [0.5, 1.0, 2.0, 3.0, 3.0, 3.0]


def test_huge_attempt_does_not_overflow() -> None:
    policy = RetryPolicy(max_retries=10_000, jitter=0.0)
    assert retry_delay(policy, method="GET", attempt=5000, status=503) == 8.0


@pytest.mark.parametrize(("draw", "expected"), [(0.0, 0.75), (0.5, 1.0), (1.0, 1.25)])
def test_jitter_bounds(draw: float, expected: float) -> None:
    policy = RetryPolicy(jitter=0.25)
    delay = retry_delay(policy, method="GET", attempt=1, status=503, random=lambda: draw)
    assert delay == pytest.approx(expected)


def test_jitter_stays_within_bounds_with_real_random() -> None:
    policy = RetryPolicy(max_retries=5, jitter=0.25)
    delays = [retry_delay(policy, method="GET", attempt=2, status=503) for _ in range(500)]
    assert all(d is not None and 1.5 <= d <= 2.5 for d in delays)
    assert len(set(delays)) > 1


def test_retry_after_wins_over_backoff() -> None:
    delay = retry_delay(RetryPolicy(), method="POST", attempt=0, status=429, retry_after=12.0)
    assert delay == 12.0


def test_retry_after_over_cap_stops() -> None:
    policy = RetryPolicy(retry_after_max=60.0)
    assert retry_delay(policy, method="GET", attempt=0, status=503, retry_after=60.0) == 60.0
    assert retry_delay(policy, method="GET", attempt=0, status=503, retry_after=61.0) is None


def test_retry_after_does_not_make_unretryable_retryable() -> None:
    assert retry_delay(RetryPolicy(), method="POST", attempt=0, status=503, retry_after=1) is None


# --- parse_retry_after -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5", 5.0),
        (" 2.5 ", 2.5),
        ("0", 0.0),
        ("-3", 0.0),
        ("Sun, 22 Nov 2026 12:00:30 GMT", 30.0),
        ("Sun, 22 Nov 2026 11:59:00 GMT", 0.0),
        (None, None),
        ("", None),
        ("soon", None),
        ("nan", None),
        ("inf", None),
        ("Sun, 99 Foo 2026", None),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == expected


# --- PolicyTransport -------------------------------------------------------------------


class Recorder:
    """Fake sleep that records delays."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


class TrackingStream(httpx.AsyncByteStream):
    def __init__(self) -> None:
        self.closed = False

    async def __aiter__(self):  # type: ignore[no-untyped-def]
        yield b""

    async def aclose(self) -> None:
        self.closed = True


def scripted(
    outcomes: list[Exception | httpx.Response],
) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        outcome = outcomes[min(len(seen) - 1, len(outcomes) - 1)]
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    return httpx.MockTransport(handler), seen


def make_transport(
    inner: httpx.AsyncBaseTransport,
    sleep: Recorder,
    policy: RetryPolicy = NO_JITTER,
    **kwargs: object,
) -> PolicyTransport:
    return PolicyTransport(
        inner,
        policy=policy,
        sleep=sleep,
        now=lambda: NOW,
        **kwargs,  # type: ignore[arg-type]
    )


async def test_retries_then_succeeds() -> None:
    inner, seen = scripted([httpx.Response(503), httpx.Response(502), httpx.Response(200)])
    sleep = Recorder()
    async with httpx.AsyncClient(transport=make_transport(inner, sleep)) as client:
        response = await client.get("https://x.test/v2/interop/clouds")
    assert response.status_code == 200
    assert len(seen) == 3
    assert sleep.delays == [0.5, 1.0]


async def test_stops_after_max_retries_and_returns_last_response() -> None:
    inner, seen = scripted([httpx.Response(503, content=b"last")])
    sleep = Recorder()
    async with httpx.AsyncClient(transport=make_transport(inner, sleep)) as client:
        response = await client.get("https://x.test/a")
    assert response.status_code == 503
    assert response.content == b"last"
    assert len(seen) == 3
    assert sleep.delays == [0.5, 1.0]


async def test_reraises_last_exception() -> None:
    inner, seen = scripted([httpx.ConnectError("refused")])
    sleep = Recorder()
    async with httpx.AsyncClient(transport=make_transport(inner, sleep)) as client:
        with pytest.raises(httpx.ConnectError, match="refused"):
            await client.get("https://x.test/a")
    assert len(seen) == 3
    assert sleep.delays == [0.5, 1.0]


async def test_post_not_retried_on_read_timeout_but_on_connect_error() -> None:
    inner, seen = scripted([httpx.ReadTimeout("slow")])
    sleep = Recorder()
    async with httpx.AsyncClient(transport=make_transport(inner, sleep)) as client:
        with pytest.raises(httpx.ReadTimeout):
            await client.post("https://x.test/a", content=b"{}")
    assert len(seen) == 1
    assert sleep.delays == []

    inner, seen = scripted([httpx.ConnectError("x"), httpx.Response(201)])
    async with httpx.AsyncClient(transport=make_transport(inner, sleep)) as client:
        response = await client.post("https://x.test/a", content=b'{"a": 1}')
    assert response.status_code == 201
    assert [r.content for r in seen] == [b'{"a": 1}', b'{"a": 1}']


async def test_retry_after_header_used_and_cap_surfaces_429() -> None:
    inner, _ = scripted([httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(200)])
    sleep = Recorder()
    async with httpx.AsyncClient(transport=make_transport(inner, sleep)) as client:
        assert (await client.post("https://x.test/a")).status_code == 200
    assert sleep.delays == [7.0]

    date = (NOW + timedelta(seconds=20)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    inner, _ = scripted([httpx.Response(503, headers={"Retry-After": date}), httpx.Response(200)])
    sleep = Recorder()
    async with httpx.AsyncClient(transport=make_transport(inner, sleep)) as client:
        assert (await client.get("https://x.test/a")).status_code == 200
    assert sleep.delays == [20.0]

    inner, seen = scripted([httpx.Response(429, headers={"Retry-After": "3600"})])
    sleep = Recorder()
    async with httpx.AsyncClient(transport=make_transport(inner, sleep)) as client:
        assert (await client.get("https://x.test/a")).status_code == 429
    assert len(seen) == 1
    assert sleep.delays == []


async def test_discarded_responses_are_closed() -> None:
    streams = [TrackingStream(), TrackingStream(), TrackingStream()]
    statuses = [503, 500, 200]
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(statuses[calls - 1], stream=streams[calls - 1])

    transport = make_transport(httpx.MockTransport(handler), Recorder())
    response = await transport.handle_async_request(httpx.Request("GET", "https://x.test/a"))
    assert response.status_code == 200
    assert [s.closed for s in streams] == [True, True, False]


async def test_one_debug_record_per_attempt_with_redacted_query(
    caplog: pytest.LogCaptureFixture,
) -> None:
    inner, _ = scripted([httpx.Response(503), httpx.ConnectError("x"), httpx.Response(200)])
    logger = logging.getLogger("kimono_interop.test_transport")
    transport = make_transport(inner, Recorder(), logger=logger)
    url = "https://x.test/v2/interop/clouds?page=2&page_size=50&email=a@b.test&token=s3cr3t"
    with caplog.at_level(logging.DEBUG, logger=logger.name):
        async with httpx.AsyncClient(transport=transport) as client:
            await client.get(url, headers={"Authorization": "Bearer s3cr3t-header"})
    records = [r for r in caplog.records if r.name == logger.name]
    assert len(records) == 3
    assert all(r.levelno == logging.DEBUG for r in records)
    target = "/v2/interop/clouds?page=2&page_size=50&email=REDACTED&token=REDACTED"
    assert [r.__dict__["http_target"] for r in records] == [target] * 3
    assert [r.__dict__["http_outcome"] for r in records] == [503, "ConnectError", 200]
    assert [r.__dict__["attempt"] for r in records] == [1, 2, 3]
    assert all(r.__dict__["http_method"] == "GET" for r in records)
    assert all(isinstance(r.__dict__["elapsed_ms"], float) for r in records)
    text = "\n".join(r.getMessage() for r in records)
    assert "s3cr3t" not in text
    assert "a@b.test" not in text
    assert "GET /v2/interop/clouds?page=2" in records[0].getMessage()
    assert "attempt 1" in records[0].getMessage()


async def test_no_log_records_when_debug_disabled(caplog: pytest.LogCaptureFixture) -> None:
    inner, _ = scripted([httpx.Response(200)])
    logger = logging.getLogger("kimono_interop.test_transport_quiet")
    with caplog.at_level(logging.INFO, logger=logger.name):
        transport = make_transport(inner, Recorder(), logger=logger)
        await transport.handle_async_request(httpx.Request("GET", "https://x.test/a"))
    assert [r for r in caplog.records if r.name == logger.name] == []


class ClosingInner(httpx.AsyncBaseTransport):
    def __init__(self) -> None:
        self.closed = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(200)

    async def aclose(self) -> None:
        self.closed = True


@pytest.mark.parametrize("owns", [True, False])
async def test_aclose_closes_inner_only_when_owned(owns: bool) -> None:
    inner = ClosingInner()
    transport = make_transport(inner, Recorder(), owns_inner=owns)
    await transport.aclose()
    assert inner.closed is owns
