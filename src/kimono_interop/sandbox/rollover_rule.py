"""How the sandbox derives a rollover's name, start_date and end_date (the service derives them;
a request cannot set them). The rule, as :mod:`kimono_interop.sandbox.handlers.tenant.rollovers`
documents it:

- every rollover lasts :data:`ROLLOVER_DAYS` days;
- ``active``: it starts at the sandbox clock's now, in whole seconds;
- ``completed``: it ends at now (so it started 14 days before);
- any other status (``upcoming``, ``cancelled``, ``failed``, or one the sandbox does not know):
  it starts on the earliest July 1, 00:00 UTC, on or after now whose 14 days overlap no other
  live rollover of the tenant (live: neither ``cancelled`` nor ``failed``);
- its name is its type in title case and its start year: ``new_year`` in 2026 is
  ``New Year 2026``.

Windows are half-open: one ending at the instant another starts does not overlap it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kimono_interop.sandbox.world import Json, parse_iso

ROLLOVER_DAYS = 14
"""How long every derived rollover lasts."""

DURATION = dt.timedelta(days=ROLLOVER_DAYS)

NOT_LIVE = ("cancelled", "failed")
"""Statuses of rollovers that block no window."""

LAST_YEAR = 9999
"""The last year an RFC 3339 date-time can name."""

Window = tuple[dt.datetime, dt.datetime]


class NoFreeWindow(Exception):
    """Every July 1 up to the year 9999 is taken."""


def is_live(rollover: Json) -> bool:
    """Whether `rollover` blocks its window (it is neither cancelled nor failed)."""
    return rollover["status"] not in NOT_LIVE


def rule_of(status: str) -> str:
    """Which placement a status takes: ``now``, ``ended`` or ``calendar``."""
    return {"active": "now", "completed": "ended"}.get(status, "calendar")


def window_of(rollover: Json) -> Window:
    """A stored rollover's [start, end) window."""
    start, end = parse_iso(rollover["start_date"]), parse_iso(rollover["end_date"])
    assert start is not None, rollover
    assert end is not None, rollover
    return start, end


def overlaps(window: Window, other: Window) -> bool:
    """Whether two half-open windows share an instant."""
    return window[0] < other[1] and other[0] < window[1]


def july_first(year: int) -> dt.datetime:
    """July 1, 00:00 UTC of `year`."""
    return dt.datetime(year, 7, 1, tzinfo=dt.UTC)


def next_free_july(now: dt.datetime, busy: Iterable[Window]) -> Window:
    """The earliest July 1 on or after `now` whose 14 days overlap none of `busy`."""
    taken = list(busy)
    year = now.year if july_first(now.year) >= now else now.year + 1
    while year <= LAST_YEAR:
        window = (july_first(year), july_first(year) + DURATION)
        if not any(overlaps(window, other) for other in taken):
            return window
        year += 1
    raise NoFreeWindow(f"every July 1 from {now.year} to {LAST_YEAR} is taken")


def derive_window(status: str, now: dt.datetime, busy: Iterable[Window]) -> Window:
    """The window the rule gives a rollover of `status`, `busy` being the other live ones."""
    now = now.replace(microsecond=0)
    rule = rule_of(status)
    if rule == "now":
        return now, now + DURATION
    if rule == "ended":
        return now - DURATION, now
    return next_free_july(now, busy)


def rollover_name(rollover_type: str, start: dt.datetime) -> str:
    """The derived name: the type in title case and the start year (``New Year 2026``)."""
    words = rollover_type.replace("_", " ").split()
    label = " ".join(word[:1].upper() + word[1:] for word in words) or "Rollover"
    return f"{label} {start.year}"
