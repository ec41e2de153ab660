"""Narrow tests of kimono_interop._retry: the retry rules, backoff, Retry-After, validation."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from kimono_interop._exceptions import InvalidArgumentError
from kimono_interop._retry import (
    RetryPolicy,
    backoff_delay,
    is_retryable,
    parse_retry_after,
    retry_delay,
)

NOW = datetime(2026, 11, 22, 12, 0, 0, tzinfo=UTC)
NO_JITTER = RetryPolicy(jitter=0.0)

IDEMPOTENT = ["GET", "PUT", "DELETE", "HEAD", "OPTIONS", "get", "put", "delete"]
NON_IDEMPOTENT = ["POST", "PATCH", "post", "patch"]

Outcome = Exception | int

# Failures that prove the request never reached the server, and 429: resent for every method.
RETRIED_FOR_ALL: list[Outcome] = [
    httpx.ConnectError("refused"),
    httpx.ConnectTimeout("connect"),
    httpx.PoolTimeout("pool"),
    429,
]
# Failures after the request may have been acted on, and transient statuses: idempotent only.
RETRIED_FOR_IDEMPOTENT_ONLY: list[Outcome] = [
    httpx.ReadTimeout("read"),
    httpx.WriteTimeout("write"),
    httpx.ReadError("body read failed"),  # the response body broke off while being read
    httpx.WriteError("write"),
    httpx.RemoteProtocolError("peer closed"),
    httpx.ProxyError("proxy"),
    408,
    500,
    502,
    503,
    504,
]
NEVER_RETRIED: list[Outcome] = [
    200,
    201,
    400,
    401,
    403,
    404,
    409,
    422,
    501,
    505,
    520,
    httpx.DecodingError("bad gzip"),
    httpx.TooManyRedirects("loop"),
    ValueError("not an httpx error"),
    OSError("raw socket error"),
]


def delay_for(method: str, outcome: Outcome, *, idempotent: bool | None = None) -> float | None:
    if isinstance(outcome, int):
        return retry_delay(
            NO_JITTER, method=method, attempt=0, status=outcome, idempotent=idempotent
        )
    return retry_delay(NO_JITTER, method=method, attempt=0, error=outcome, idempotent=idempotent)


# -- the rules table ----------------------------------------------------------------------------


@pytest.mark.parametrize("method", IDEMPOTENT + NON_IDEMPOTENT)
@pytest.mark.parametrize("outcome", RETRIED_FOR_ALL, ids=repr)
def test_retried_for_every_method(method: str, outcome: Outcome) -> None:
    assert delay_for(method, outcome) == 0.5


@pytest.mark.parametrize("outcome", RETRIED_FOR_IDEMPOTENT_ONLY, ids=repr)
@pytest.mark.parametrize("method", IDEMPOTENT)
def test_idempotent_methods_retried(method: str, outcome: Outcome) -> None:
    assert delay_for(method, outcome) == 0.5


@pytest.mark.parametrize("outcome", RETRIED_FOR_IDEMPOTENT_ONLY, ids=repr)
@pytest.mark.parametrize("method", NON_IDEMPOTENT)
def test_post_and_patch_not_retried_once_possibly_sent(method: str, outcome: Outcome) -> None:
    assert delay_for(method, outcome) is None


@pytest.mark.parametrize("outcome", RETRIED_FOR_IDEMPOTENT_ONLY, ids=repr)
def test_idempotent_override_makes_a_post_resendable(outcome: Outcome) -> None:
    # an OAuth2 token request is a POST that is safe to resend
    assert delay_for("POST", outcome, idempotent=True) == 0.5


@pytest.mark.parametrize("outcome", [500, 503, httpx.ReadError("x")], ids=repr)
def test_idempotent_false_override_stops_a_get(outcome: Outcome) -> None:
    assert delay_for("GET", outcome, idempotent=False) is None
    assert delay_for("GET", 429, idempotent=False) == 0.5


@pytest.mark.parametrize("method", IDEMPOTENT + NON_IDEMPOTENT)
@pytest.mark.parametrize("outcome", NEVER_RETRIED, ids=repr)
def test_never_retried(method: str, outcome: Outcome) -> None:
    assert delay_for(method, outcome) is None
    assert delay_for(method, outcome, idempotent=True) is None


def test_no_outcome_is_not_retryable() -> None:
    assert is_retryable("GET", status=None, error=None) is False
    assert retry_delay(NO_JITTER, method="GET", attempt=0) is None


def test_error_wins_over_status() -> None:
    # an error with a stale retryable status: the error decides
    assert is_retryable("POST", status=503, error=httpx.ConnectError("x")) is True
    assert is_retryable("POST", status=429, error=httpx.ReadError("x")) is False


# -- attempts and backoff -----------------------------------------------------------------------


def test_stops_at_max_retries() -> None:
    policy = RetryPolicy(max_retries=2, jitter=0.0)
    assert retry_delay(policy, method="GET", attempt=0, status=503) == 0.5
    assert retry_delay(policy, method="GET", attempt=1, status=503) == 1.0
    assert retry_delay(policy, method="GET", attempt=2, status=503) is None
    zero = RetryPolicy(max_retries=0)
    assert retry_delay(zero, method="GET", attempt=0, status=503) is None
    assert retry_delay(zero, method="GET", attempt=0, status=429, retry_after=1.0) is None


def test_backoff_doubles_then_caps() -> None:
    policy = RetryPolicy(max_retries=10, backoff_initial=0.25, backoff_max=3.0, jitter=0.0)
    assert [backoff_delay(policy, n) for n in range(6)] == [0.25, 0.5, 1.0, 2.0, 3.0, 3.0]


def test_huge_attempt_does_not_overflow() -> None:
    assert backoff_delay(NO_JITTER, 10**9) == 8.0


def test_zero_backoff_is_zero() -> None:
    policy = RetryPolicy(backoff_initial=0.0, jitter=1.0)
    assert backoff_delay(policy, 3, random=lambda: 1.0) == 0.0


@pytest.mark.parametrize(("draw", "expected"), [(0.0, 0.75), (0.5, 1.0), (1.0, 1.25)])
def test_jitter_is_plus_or_minus_a_fraction_of_the_wait(draw: float, expected: float) -> None:
    policy = RetryPolicy(jitter=0.25)
    assert backoff_delay(policy, 1, random=lambda: draw) == pytest.approx(expected)
    assert retry_delay(
        policy, method="GET", attempt=1, status=503, random=lambda: draw
    ) == pytest.approx(expected)


def test_full_jitter_never_goes_negative() -> None:
    policy = RetryPolicy(jitter=1.0)
    assert backoff_delay(policy, 0, random=lambda: 0.0) == 0.0
    assert backoff_delay(policy, 0, random=lambda: 1.0) == pytest.approx(1.0)


def test_real_random_stays_within_bounds_and_varies() -> None:
    policy = RetryPolicy(max_retries=5, jitter=0.25)
    delays = [backoff_delay(policy, 2) for _ in range(300)]
    assert all(1.5 <= d <= 2.5 for d in delays)
    assert len(set(delays)) > 1


# -- Retry-After --------------------------------------------------------------------------------


def test_retry_after_replaces_backoff() -> None:
    assert retry_delay(NO_JITTER, method="POST", attempt=0, status=429, retry_after=12.0) == 12.0
    assert retry_delay(NO_JITTER, method="GET", attempt=1, status=503, retry_after=0.0) == 0.0


def test_retry_after_is_not_jittered() -> None:
    delay = retry_delay(
        RetryPolicy(jitter=1.0),
        method="GET",
        attempt=0,
        status=503,
        retry_after=7.0,
        random=lambda: 1.0,
    )
    assert delay == 7.0


def test_retry_after_beyond_max_surfaces_the_error() -> None:
    policy = RetryPolicy(retry_after_max=60.0)
    assert retry_delay(policy, method="GET", attempt=0, status=503, retry_after=60.0) == 60.0
    assert retry_delay(policy, method="GET", attempt=0, status=503, retry_after=60.5) is None
    zero = RetryPolicy(retry_after_max=0.0)
    assert retry_delay(zero, method="GET", attempt=0, status=429, retry_after=1.0) is None


def test_negative_retry_after_waits_nothing() -> None:
    assert retry_delay(NO_JITTER, method="GET", attempt=0, status=503, retry_after=-5.0) == 0.0


def test_retry_after_never_makes_an_outcome_retryable() -> None:
    assert retry_delay(NO_JITTER, method="POST", attempt=0, status=503, retry_after=1.0) is None
    assert retry_delay(NO_JITTER, method="GET", attempt=0, status=400, retry_after=1.0) is None


def http_date(moment: datetime) -> str:
    return moment.strftime("%a, %d %b %Y %H:%M:%S GMT")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5", 5.0),
        (" 2.5 ", 2.5),
        ("0", 0.0),
        ("-3", 0.0),
        (http_date(NOW + timedelta(seconds=30)), 30.0),
        (http_date(NOW - timedelta(seconds=90)), 0.0),
        ("Sun, 22 Nov 2026 12:00:10 -0000", 10.0),  # a date without a real zone: taken as UTC
        (None, None),
        ("", None),
        ("   ", None),
        ("soon", None),
        ("5 seconds", None),
        ("nan", None),
        ("inf", None),
        ("-inf", None),
        ("1e999", None),
        ("Sun, 99 Foo 2026", None),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == expected


def test_parse_retry_after_accepts_a_naive_now() -> None:
    naive = NOW.replace(tzinfo=None)
    assert parse_retry_after(http_date(NOW + timedelta(seconds=4)), now=naive) == 4.0


# -- RetryPolicy validation ---------------------------------------------------------------------


def test_policy_defaults() -> None:
    policy = RetryPolicy()
    assert (policy.max_retries, policy.backoff_initial, policy.backoff_max) == (2, 0.5, 8.0)
    assert (policy.retry_after_max, policy.jitter) == (60.0, 0.25)


def test_policy_accepts_edge_values() -> None:
    policy = RetryPolicy(max_retries=0, backoff_initial=0, backoff_max=0, retry_after_max=0)
    assert policy.max_retries == 0
    assert RetryPolicy(jitter=0).jitter == 0
    assert RetryPolicy(jitter=1).jitter == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("max_retries", -1),
        ("max_retries", 1.5),
        ("max_retries", True),
        ("max_retries", "2"),
        ("max_retries", None),
        ("backoff_initial", -0.1),
        ("backoff_initial", "0.5"),
        ("backoff_initial", False),
        ("backoff_max", math.nan),
        ("backoff_max", math.inf),
        ("retry_after_max", -1),
        ("retry_after_max", None),
        ("jitter", 1.5),
        ("jitter", -0.1),
        ("jitter", math.nan),
        ("jitter", True),
        ("jitter", "0.1"),
    ],
)
def test_policy_validation_names_the_field(field: str, value: object) -> None:
    with pytest.raises(InvalidArgumentError, match=rf"^{field} must be") as info:
        RetryPolicy(**{field: value})  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)


def test_policy_validation_quotes_a_huge_value_shortened() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        RetryPolicy(max_retries="x" * 10_000_000)  # type: ignore[arg-type]
    assert len(str(info.value)) < 200


@pytest.mark.parametrize("field", ["backoff_max", "jitter"])
def test_policy_rejects_an_int_too_large_for_a_float(field: str) -> None:
    with pytest.raises(InvalidArgumentError, match=field):
        RetryPolicy(**{field: 10**400})


def test_policy_is_frozen() -> None:
    policy = RetryPolicy()
    with pytest.raises(AttributeError):
        policy.max_retries = 5  # type: ignore[misc]


def test_a_number_too_large_for_a_float_is_refused_by_name() -> None:
    with pytest.raises(InvalidArgumentError, match=r"^backoff_max must be"):
        RetryPolicy(backoff_max=10**400)
