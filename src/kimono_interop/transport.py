"""Transport policies: retries with backoff and Retry-After, and redacted request logging.

`retry_delay` is a pure function deciding whether and when to retry one outcome;
`PolicyTransport` wraps another httpx transport and applies it to every request.
"""

from __future__ import annotations

import asyncio
import logging
import math
import random as _random
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import attrs
import httpx

__all__ = [
    "LOGGED_QUERY_PARAMS",
    "PolicyTransport",
    "RetryPolicy",
    "parse_retry_after",
    "retry_delay",
]

IDEMPOTENT_METHODS = frozenset({"GET", "PUT", "DELETE", "HEAD", "OPTIONS"})
"""Methods retried on any transport error and on the transient statuses."""

RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
"""Statuses an idempotent request is retried on."""

LOGGED_QUERY_PARAMS = frozenset(
    {"page", "page_size", "sort", "replace", "include_credentials", "generation"}
)
"""Query parameters whose values appear in logs; all others are shown as REDACTED."""

_UNSENT_ERRORS: tuple[type[Exception], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)


def _non_negative_int(_: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{attribute.name} must be a non-negative int, got {value!r}")


def _as_number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return math.nan
    return float(value)


def _non_negative_number(_: object, attribute: attrs.Attribute[float], value: object) -> None:
    number = _as_number(value)
    if not math.isfinite(number) or number < 0:
        raise ValueError(f"{attribute.name} must be a non-negative number, got {value!r}")


def _fraction(_: object, attribute: attrs.Attribute[float], value: object) -> None:
    if not 0 <= _as_number(value) <= 1:
        raise ValueError(f"{attribute.name} must be between 0 and 1, got {value!r}")


@attrs.frozen
class RetryPolicy:
    """How often and how long to wait before resending a failed request.

    `max_retries` resends at most; waits grow as ``backoff_initial * 2**attempt`` up to
    `backoff_max`, each varied by up to ±`jitter` of itself. A Retry-After longer than
    `retry_after_max` is not waited for: the error status goes to the caller instead.
    """

    max_retries: int = attrs.field(default=2, validator=_non_negative_int)
    backoff_initial: float = attrs.field(default=0.5, validator=_non_negative_number)
    backoff_max: float = attrs.field(default=8.0, validator=_non_negative_number)
    retry_after_max: float = attrs.field(default=60.0, validator=_non_negative_number)
    jitter: float = attrs.field(default=0.25, validator=_fraction)


def is_retryable(method: str, *, status: int | None, error: Exception | None) -> bool:
    """Whether this outcome of a `method` request may be resent at all."""
    idempotent = method.upper() in IDEMPOTENT_METHODS
    if error is not None:
        allowed = httpx.TransportError if idempotent else _UNSENT_ERRORS
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
    random: Callable[[], float] = _random.random,
) -> float | None:
    """Seconds to wait before resending, or None to stop and surface the outcome.

    `attempt` counts from 0 (the first send). Pass the response `status` or the raised
    `error`, and the parsed Retry-After seconds when the response had one.
    """
    if attempt >= policy.max_retries:
        return None
    if not is_retryable(method, status=status, error=error):
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
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return max((when - now).total_seconds(), 0.0)


def redacted_target(url: httpx.URL) -> str:
    """The URL's path and query, with values of non-allowlisted parameters REDACTED."""
    if not url.query:
        return url.path
    pairs = [
        f"{name}={value if name in LOGGED_QUERY_PARAMS else 'REDACTED'}"
        for name, value in url.params.multi_items()
    ]
    return f"{url.path}?{'&'.join(pairs)}"


def _utc_now() -> datetime:
    return datetime.now(UTC)


class PolicyTransport(httpx.AsyncBaseTransport):
    """Wraps a transport with retries (per `RetryPolicy`) and one DEBUG log per attempt."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        *,
        policy: RetryPolicy,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        logger: logging.Logger = logging.getLogger("kimono_interop"),  # noqa: B008
        owns_inner: bool = True,
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        """Wrap `inner`; `sleep` and `now` are injectable for tests."""
        self._inner = inner
        self._policy = policy
        self._sleep = sleep
        self._logger = logger
        self._owns_inner = owns_inner
        self._now = now

    @property
    def policy(self) -> RetryPolicy:
        """The retry policy applied to every request."""
        return self._policy

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request`, resending transient failures as the policy allows."""
        await request.aread()
        attempt = 0
        while True:
            started = time.perf_counter()
            try:
                response = await self._inner.handle_async_request(request)
            except httpx.TransportError as exc:
                self._log(request, attempt, started, outcome=type(exc).__name__)
                delay = self._delay(request, attempt, error=exc)
                if delay is None:
                    raise
            else:
                self._log(request, attempt, started, outcome=response.status_code)
                delay = self._delay(request, attempt, response=response)
                if delay is None:
                    return response
                await response.aclose()
            await self._sleep(delay)
            attempt += 1

    def _delay(
        self,
        request: httpx.Request,
        attempt: int,
        *,
        response: httpx.Response | None = None,
        error: Exception | None = None,
    ) -> float | None:
        retry_after = None
        if response is not None:
            retry_after = parse_retry_after(response.headers.get("retry-after"), now=self._now())
        return retry_delay(
            self._policy,
            method=request.method,
            attempt=attempt,
            status=response.status_code if response is not None else None,
            error=error,
            retry_after=retry_after,
        )

    def _log(
        self, request: httpx.Request, attempt: int, started: float, *, outcome: int | str
    ) -> None:
        if not self._logger.isEnabledFor(logging.DEBUG):
            return
        elapsed_ms = round((time.perf_counter() - started) * 1000.0, 1)
        target = redacted_target(request.url)
        self._logger.debug(
            "%s %s -> %s in %.1f ms (attempt %d)",
            request.method,
            target,
            outcome,
            elapsed_ms,
            attempt + 1,
            extra={
                "http_method": request.method,
                "http_target": target,
                "http_outcome": outcome,
                "elapsed_ms": elapsed_ms,
                "attempt": attempt + 1,
            },
        )

    async def aclose(self) -> None:
        """Close the wrapped transport when this one owns it."""
        if self._owns_inner:
            await self._inner.aclose()
