"""The sandbox's resources: JSON-ready dicts in the API's own shapes, and their timestamps.

A resource holds only the members it has: an absent value is an absent key, never ``None``
(the spec allows ``null`` only in ``paging.next``, the envelope's ``error``, the error body's
``ext_message``/``details`` and a rollover's ``metadata.created``/``updated``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

Json = dict[str, Any]

LATEST_CLOCK = dt.datetime(9999, 1, 1, tzinfo=dt.UTC).timestamp()
"""The server clock stays before this: later moments have no RFC 3339 form (year > 9999)."""


def iso(moment: dt.datetime) -> str:
    """RFC 3339 with a Z and milliseconds, as the API writes date-times."""
    if moment.tzinfo is not dt.UTC:
        moment = moment.astimezone(dt.UTC)
    return moment.isoformat(timespec="milliseconds")[:-6] + "Z"


def parse_iso(text: str) -> dt.datetime | None:
    """A timezone-aware datetime from RFC 3339 text, or None when it is not one."""
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def without_none(data: Json) -> Json:
    """`data` without its ``None`` members (a value not set is a member left out)."""
    return {key: value for key, value in data.items() if value is not None}


@dataclass
class World:
    """Every resource the sandbox serves, keyed by id, in insertion order."""

    accounts: dict[str, Json] = field(default_factory=dict)
    clouds: dict[str, Json] = field(default_factory=dict)
    actors: dict[str, Json] = field(default_factory=dict)
    integrations: dict[str, Json] = field(default_factory=dict)
    versions: dict[str, dict[str, Json]] = field(default_factory=dict)
    """integration id -> version string -> IntegrationVersion."""
    blueprints: dict[tuple[str, str], str] = field(default_factory=dict)
    tenants: dict[str, Json] = field(default_factory=dict)
    credentials: dict[str, tuple[str, str]] = field(default_factory=dict)
    """client_id -> (client_secret, tenant id)."""
    schools: dict[str, dict[str, Json]] = field(default_factory=dict)
    courses: dict[str, dict[str, Json]] = field(default_factory=dict)
    applications: dict[str, Json] = field(default_factory=dict)
    rollovers: dict[str, dict[str, Json]] = field(default_factory=dict)
    rollover_targets: dict[str, Json] = field(default_factory=dict)
    """rollover id -> the write-only ``cloud_id`` (and ``actor_id``) its last request sent."""
    schedules: dict[str, dict[str, Json]] = field(default_factory=dict)
    ingestions: dict[str, dict[str, Json]] = field(default_factory=dict)
