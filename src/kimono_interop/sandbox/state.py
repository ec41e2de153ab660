"""The sandbox's state: the seeded world, knobs, counters, gauges, the server clock and keys.

One :class:`SandboxState` serves many tests: :meth:`SandboxState.reset` re-seeds the world (the
same seed gives the same world) and puts the knobs, counters, clock and issued tokens back to
where they started, without restarting the server.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
import time
import uuid
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from kimono_interop.sandbox.quoting import shorten
from kimono_interop.sandbox.seeding import seed_world
from kimono_interop.sandbox.world import LATEST_CLOCK, Json, World, iso, parse_iso

__all__ = [
    "ACTOR",
    "DEVELOPER",
    "Json",
    "Knobs",
    "Principal",
    "SandboxState",
    "World",
    "iso",
    "parse_iso",
]

DEVELOPER = "developer"
"""A principal authenticated with the developer API key."""

ACTOR = "actor"
"""A principal authenticated with one tenant's actor credentials."""


@dataclass
class Knobs:
    """What tests and benchmarks tune at start and at run time."""

    latency: float = 0.0
    """Seconds added to every API request."""
    token_lifetime: float = 3600.0
    """Seconds an OAuth2 access token lives (``expires_in``)."""
    max_page_size: int = 100
    """The most items a list page holds, whatever ``page_size`` asks for."""
    paging: str = "next"
    """``next``: lists carry ``paging.next``; ``none``: no paging object (as newer docs show)."""
    rate_limit_every: int | None = None
    """Answer every Nth request with 429 (None: never)."""
    retry_after: float | None = 1.0
    """Seconds sent in ``Retry-After`` with 429 and injected failures (None: no header)."""
    fail_next: int = 0
    """Answer the next N requests with `fail_status` (a burst of 503s by default)."""
    fail_status: int = 503
    """Status of injected failures."""
    drop_next: int = 0
    """Close the connection without answering for the next N requests."""
    slow_next: int = 0
    """Delay the next N responses by `slow_delay` seconds."""
    slow_delay: float = 1.0
    """Seconds a slow response waits."""

    def update(self, changes: Mapping[str, Any]) -> None:
        """Set knobs by name, each checked; a bad name or value raises ValueError."""
        known = {f.name for f in dataclasses.fields(self)}
        unknown = sorted(set(changes) - known)
        if unknown:
            raise ValueError(
                f"unknown knob {shorten(unknown[0])}; known: {', '.join(sorted(known))}"
            )
        checked = {name: _checked_knob(name, value) for name, value in changes.items()}
        for name, value in checked.items():  # all checked first: a bad value changes nothing
            setattr(self, name, value)

    def as_dict(self) -> Json:
        """Every knob and its value."""
        return dataclasses.asdict(self)


_COUNTS = {"max_page_size", "fail_next", "drop_next", "slow_next", "fail_status"}


def _checked_knob(name: str, value: Any) -> Any:
    if name == "paging":
        if value not in ("next", "none"):
            raise ValueError(f"paging must be 'next' or 'none', got {shorten(value)}")
        return value
    optional = name in ("rate_limit_every", "retry_after")
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number, got {shorten(value)}")
    if name in _COUNTS or name == "rate_limit_every":
        positive = name in ("max_page_size", "rate_limit_every")
        if int(value) != value or value < (1 if positive else 0):
            kind = "positive" if positive else "non-negative"
            raise ValueError(f"{name} must be a {kind} integer, got {shorten(value)}")
        if name == "fail_status" and not 400 <= value <= 599:
            raise ValueError(f"fail_status must be an error status (400-599), got {shorten(value)}")
        return int(value)
    if value < 0 or (name == "token_lifetime" and value == 0):
        raise ValueError(f"{name} must be a positive number of seconds, got {shorten(value)}")
    return float(value)


@dataclass
class Principal:
    """Who a request authenticated as: the developer (API key) or one tenant's actor."""

    kind: str
    """:data:`DEVELOPER` or :data:`ACTOR`."""
    tenant_id: str | None = None


def check_seed(seed: Any) -> int:
    """`seed` when it is an integer (ValueError otherwise)."""
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValueError(f"seed must be an integer, got {shorten(seed)}")
    return seed


def check_tenants(tenants: Any) -> int:
    """`tenants` when it is a positive integer (ValueError otherwise)."""
    if isinstance(tenants, bool) or not isinstance(tenants, int) or tenants < 1:
        raise ValueError(f"tenants must be a positive integer, got {shorten(tenants)}")
    return tenants


class SandboxState:
    """The world plus what the server tracks about itself: knobs, counters, gauges, clock, keys."""

    def __init__(
        self,
        *,
        seed: int = 1,
        api_key: str | None = None,
        tenants: int = 300,
        knobs: Knobs | None = None,
    ) -> None:
        """Seed `tenants` tenants deterministically from `seed`; `knobs` are the start values."""
        self.api_key = api_key or f"sbx_{secrets.token_urlsafe(18)}"
        self.knobs = knobs or Knobs()
        self.start_knobs = Knobs(**self.knobs.as_dict())
        """The knobs as they were at start: :meth:`reset` puts them back."""
        self.counters: Counter[str] = Counter()
        self.served = 0
        self.in_flight = 0
        """API requests (token endpoint included) being handled right now."""
        self.peak_in_flight = 0
        """The most API requests in flight at once since the counters were last reset."""
        self.count_connections: Callable[[], int] = lambda: 0
        """How many client connections the server holds open (set by the server serving this
        state; 0 when none does)."""
        self.seed = 0
        self.tenant_count = 0
        self.clock_offset = 0.0
        self.token_key = b""
        self.issued_tokens: set[str] = set()
        """Every access token the token endpoint issued since start or the last reset."""
        self.world = World()
        self.reset(seed=check_seed(seed), tenants=check_tenants(tenants))

    def reset(self, *, seed: int | None = None, tenants: int | None = None) -> None:
        """Start over: re-seed the world (from `seed` and with `tenants` tenants when given, else
        as last seeded), put the knobs back to their start values, zero the counters and the
        clock offset, and forget issued tokens (which stop being valid). The API key stays."""
        seed = self.seed if seed is None else check_seed(seed)
        tenants = self.tenant_count if tenants is None else check_tenants(tenants)
        for name, value in self.start_knobs.as_dict().items():
            setattr(self.knobs, name, value)
        self.reset_counters()
        self.clock_offset = 0.0
        self.token_key = secrets.token_bytes(32)
        self.issued_tokens = set()
        today = dt.datetime.fromtimestamp(self.now(), dt.UTC).replace(
            hour=4, minute=0, second=0, microsecond=0
        )
        self.world = seed_world(seed, tenants, today=today)
        self.seed, self.tenant_count = seed, tenants

    def now(self) -> float:
        """The server's clock in epoch seconds; `advance_clock` moves it forward."""
        return time.time() + self.clock_offset

    def now_iso(self) -> str:
        """The server's clock as an RFC 3339 timestamp."""
        return iso(dt.datetime.fromtimestamp(self.now(), dt.UTC))

    def advance_clock(self, seconds: float) -> None:
        """Move the server clock forward (tokens expire sooner as seen by the server)."""
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not seconds >= 0:
            raise ValueError(f"seconds must be a non-negative number, got {shorten(seconds)}")
        if not seconds < LATEST_CLOCK - self.now():
            raise ValueError(
                f"seconds would move the clock into the year 9999, got {shorten(seconds)}"
            )
        self.clock_offset += float(seconds)

    def reset_counters(self) -> None:
        """Zero the per-operation counters, the request count that rate limiting uses and the
        peak of requests in flight (which restarts from those in flight now)."""
        self.counters.clear()
        self.served = 0
        self.peak_in_flight = self.in_flight

    def request_started(self) -> None:
        """An API request is being handled: count it in flight."""
        self.in_flight += 1
        self.peak_in_flight = max(self.peak_in_flight, self.in_flight)

    def request_finished(self) -> None:
        """An API request was answered (or abandoned)."""
        self.in_flight -= 1

    @property
    def open_connections(self) -> int:
        """How many client connections the server serving this state holds open right now."""
        return self.count_connections()

    def gauges(self) -> dict[str, int]:
        """``in_flight``, ``peak_in_flight`` and ``open_connections``, now."""
        return {
            "in_flight": self.in_flight,
            "peak_in_flight": self.peak_in_flight,
            "open_connections": self.open_connections,
        }

    def new_id(self) -> str:
        """A fresh resource id (random, not from the seed: seeded data stays stable)."""
        return str(uuid.uuid4())
