"""When to resend a request: the retry policy, backoff, and Retry-After.

Pure functions of one attempt's outcome; the request pipeline applies them.
"""

from __future__ import annotations

import math
import random as _random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from kimono_interop import _validation as check
from kimono_interop._exceptions import InvalidArgumentError, shorten

IDEMPOTENT_METHODS = frozenset({"GET", "PUT", "DELETE", "HEAD", "OPTIONS"})
"""Methods resent on any connection failure and on the transient statuses."""

RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
"""Statuses an idempotent request is resent on."""

UNSENT_ERRORS: tuple[type[Exception], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)
"""Failures after which the request surely never reached the server."""


def _check_fraction(name: str, value: object) -> None:
    if not 0 <= check.real_number(value) <= 1:
        raise InvalidArgumentError(f"{name} must be between 0 and 1, got {shorten(value)}")


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to wait before resending a failed request.

    `max_retries` resends at most; waits grow as ``backoff_initial * 2**attempt`` up to
    `backoff_max`, each varied by up to ±`jitter` of itself. A Retry-After longer than
    `retry_after_max` is not waited for: the error goes to the caller instead.

    GET, PUT and DELETE are resent on connection failures (the response body included),
    timeouts, 408, 429, 500, 502, 503 and 504; POST and PATCH only on 429 and on failures
    that prove the request never reached the server (connect errors and timeouts, pool timeouts).
    """

    max_retries: int = 2
    backoff_initial: float = 0.5
    backoff_max: float = 8.0
    retry_after_max: float = 60.0
    jitter: float = 0.25

    def __post_init__(self) -> None:
        check.as_non_negative_int("max_retries", self.max_retries)
        for name in ("backoff_initial", "backoff_max", "retry_after_max"):
            check.as_seconds(name, getattr(self, name))
        _check_fraction("jitter", self.jitter)


def is_retryable(
    method: str, *, status: int | None, error: Exception | None, idempotent: bool | None = None
) -> bool:
    """Whether this outcome of a `method` request may be resent at all.

    `idempotent` overrides the method's own rule (an OAuth2 token request is a POST that is
    safe to resend).
    """
    if idempotent is None:
        idempotent = method.upper() in IDEMPOTENT_METHODS
    if error is not None:
        allowed = httpx.TransportError if idempotent else UNSENT_ERRORS
        return isinstance(error, allowed)
    if status is None:
        return False
    return status in RETRYABLE_STATUSES if idempotent else status == 429


def backoff_delay(
    policy: RetryPolicy, attempt: int, random: Callable[[], float] = _random.random
) -> float:
    """Exponential backoff for `attempt` (from 0), capped and jittered."""
    base = min(policy.backoff_initial * 2.0 ** min(attempt, 64), policy.backoff_max)
    spread = policy.jitter * (2.0 * random() - 1.0)
    return max(0.0, base * (1.0 + spread))


def retry_delay(
    policy: RetryPolicy,
    *,
    method: str,
    attempt: int,
    status: int | None = None,
    error: Exception | None = None,
    retry_after: float | None = None,
    idempotent: bool | None = None,
    random: Callable[[], float] = _random.random,
) -> float | None:
    """Seconds to wait before resending, or None to stop and surface the outcome.

    `attempt` counts from 0 (the first send). Pass the response `status` or the raised
    `error`, and the parsed Retry-After seconds when the response had one.
    """
    if attempt >= policy.max_retries:
        return None
    if not is_retryable(method, status=status, error=error, idempotent=idempotent):
        return None
    if retry_after is not None:
        return None if retry_after > policy.retry_after_max else max(retry_after, 0.0)
    return backoff_delay(policy, attempt, random)


def parse_retry_after(value: str | None, *, now: datetime) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP-date; None if unparsable."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        return _seconds_until_date(text, now)
    if not math.isfinite(seconds):
        return None
    return max(seconds, 0.0)


def _seconds_until_date(text: str, now: datetime) -> float | None:
    from email.utils import parsedate_to_datetime  # rare: only for an HTTP-date Retry-After

    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return max((when - now).total_seconds(), 0.0)
