"""The sandbox's in-memory world: seeded data, knobs, counters and the server clock.

Resources are kept as JSON-ready dicts in the API's own shapes, in insertion order, so list
endpoints page through them deterministically. Everything derives from one `random.Random(seed)`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import secrets
import time
import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kimono_interop.sandbox.quoting import shorten

Json = dict[str, Any]

EPOCH = dt.datetime(2025, 8, 1, 12, 0, tzinfo=dt.UTC)
"""Seeded timestamps are spread over the months after this instant."""

TOWNS = (
    "Springfield", "Riverside", "Fairview", "Madison", "Georgetown", "Clinton", "Franklin",
    "Greenville", "Bristol", "Salem", "Ashland", "Oakdale", "Milton", "Hudson", "Dover",
    "Lexington", "Marion", "Newport", "Oxford", "Burlington", "Arlington", "Chester",
    "Kingston", "Lebanon", "Manchester", "Clayton", "Dayton", "Auburn", "Jackson", "Monroe",
)  # fmt: skip
DISTRICT_KINDS = ("Unified School District", "Public Schools", "Independent School District")
SCHOOL_KINDS = ("Elementary School", "Middle School", "High School", "Academy")
COURSES = ("Algebra I", "Geometry", "Biology", "US History", "English 9", "Chemistry", "Art")
ACCOUNT_NAMES = ("Acme Learning", "Brightpath EdTech", "Coral Classroom", "Delta Gradebooks")
INTEGRATION_NAMES = ("roster-sync", "gradebook-sync", "lms-bridge", "library-link", "nurse-desk")


LATEST_CLOCK = dt.datetime(9999, 1, 1, tzinfo=dt.UTC).timestamp()
"""The server clock stays before this: later moments have no RFC 3339 form (year > 9999)."""


def iso(moment: dt.datetime) -> str:
    """RFC 3339 with a Z, as the API writes date-times."""
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_iso(text: str) -> dt.datetime | None:
    """A timezone-aware datetime from RFC 3339 text, or None when it is not one."""
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


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
_SECONDS = {"latency", "token_lifetime", "slow_delay"}


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
        if int(value) != value or value < (
            1 if name in ("max_page_size", "rate_limit_every") else 0
        ):
            raise ValueError(
                f"{name} must be a {'positive' if name == 'max_page_size' else 'non-negative'} integer, got {shorten(value)}"
            )
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
    """``developer`` or ``actor``."""
    tenant_id: str | None = None


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
    schedules: dict[str, dict[str, Json]] = field(default_factory=dict)
    ingestions: dict[str, dict[str, Json]] = field(default_factory=dict)


class SandboxState:
    """The world plus what the server tracks about itself: knobs, counters, clock, keys."""

    def __init__(
        self,
        *,
        seed: int = 1,
        api_key: str | None = None,
        tenants: int = 300,
        knobs: Knobs | None = None,
    ) -> None:
        """Seed `tenants` tenants deterministically from `seed`."""
        if isinstance(tenants, bool) or not isinstance(tenants, int) or tenants < 1:
            raise ValueError(f"tenants must be a positive integer, got {shorten(tenants)}")
        self.seed = seed
        self.api_key = api_key or f"sbx_{secrets.token_urlsafe(18)}"
        self.knobs = knobs or Knobs()
        self.counters: Counter[str] = Counter()
        self.served = 0
        self.clock_offset = 0.0
        self.token_key = secrets.token_bytes(32)
        self.rng = random.Random(seed)
        self.world = World()
        today = dt.datetime.fromtimestamp(self.now(), dt.UTC).replace(
            hour=4, minute=0, second=0, microsecond=0
        )
        Seeder(self.rng, self.world, today=today).seed(tenants)

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
        """Zero the per-operation counters and the request count that rate limiting uses."""
        self.counters.clear()
        self.served = 0

    def new_id(self) -> str:
        """A fresh resource id (random, not from the seed: seeded data stays stable)."""
        return str(uuid.uuid4())


class Seeder:
    """Builds realistic data from `rng`: accounts, clouds, integrations, tenants.

    The same seed gives the same data, except that rollover dates are placed around `today`
    so that their statuses (completed, active, upcoming) stay true whenever the sandbox runs.
    """

    def __init__(self, rng: random.Random, world: World, *, today: dt.datetime) -> None:
        self.rng = rng
        self.world = world
        self.today = today
        self.town_offset = 0

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def moment(self, *, days: float = 120.0) -> str:
        return iso(EPOCH + dt.timedelta(seconds=self.rng.uniform(0, days * 86400)))

    def base(self, account_id: str, tenant_id: str | None = None) -> Json:
        created = self.moment()
        data: Json = {"id": self.uuid(), "created_at": created, "updated_at": created}
        data["account_id"] = account_id
        if tenant_id is not None:
            data["tenant_id"] = tenant_id
        return data

    def secret(self) -> str:
        return "".join(self.rng.choices("abcdefghijkmnpqrstuvwxyz23456789", k=32))

    def seed(self, tenant_count: int) -> None:
        self.town_offset = self.rng.randrange(len(TOWNS))
        accounts = [self.account(name) for name in ACCOUNT_NAMES]
        clouds = [self.cloud(account, n) for account in accounts for n in (1, 2)]
        integrations = [self.integration(accounts[0]["id"], name) for name in INTEGRATION_NAMES]
        for cloud in clouds:
            self.connector_actor(cloud)
        for n in range(tenant_count):
            cloud = clouds[n % len(clouds)]
            integration = integrations[(n // len(clouds)) % len(integrations)]
            self.tenant(n, cloud, integration)

    def account(self, name: str) -> Json:
        account: Json = {
            "id": self.uuid(),
            "name": name,
            "public_id": name.lower().replace(" ", "-"),
            "timezone": self.rng.choice(("America/New_York", "America/Chicago", "America/Denver")),
            "userdata": None,
        }
        self.world.accounts[account["id"]] = account
        return account

    def cloud(self, account: Json, n: int) -> Json:
        cloud = self.base(account["id"]) | {
            "name": f"{account['name']} Cloud {n}",
            "userdata": f"region-{n}",
            "generation": self.rng.randint(1, 4),
            "env": {"id": self.uuid(), "name": "production" if n == 1 else "staging"},
        }
        self.world.clouds[cloud["id"]] = cloud
        return cloud

    def integration(self, account_id: str, name: str) -> Json:
        integration = self.base(account_id) | {
            "name": name,
            "title": name.replace("-", " ").title(),
            "version": None,
        }
        self.world.integrations[integration["id"]] = integration
        self.world.versions[integration["id"]] = {}
        states = ("released", "released", "beta", "development")
        for index in range(self.rng.randint(2, 4)):
            version = f"1.{index}.0"
            entry = self.base(account_id) | {
                "integration_id": integration["id"],
                "version": version,
                "title": f"{integration['title']} {version}",
                "release_state": states[index],
            }
            self.world.versions[integration["id"]][version] = entry
            self.world.blueprints[(integration["id"], version)] = blueprint_xml(name, version)
        integration["version"] = "1.0.0"
        return integration

    def actor(self, cloud: Json, name: str, actor_type: str, auth_type: str) -> Json:
        actor = self.base(cloud["account_id"]) | {
            "name": name,
            "type": actor_type,
            "connector_type": "sis" if actor_type == "connector" else None,
            "cloud_id": cloud["id"],
            "auth": {
                "type": auth_type,
                "client_id": f"{auth_type}-{self.uuid()[:8]}",
                "client_secret": self.secret(),
                "updated_at": self.moment(),
            },
        }
        self.world.actors[actor["id"]] = actor
        return actor

    def connector_actor(self, cloud: Json) -> None:
        self.actor(cloud, f"{cloud['name']} SIS connector", "connector", "oauth2")

    def tenant(self, n: int, cloud: Json, integration: Json) -> None:
        auth_type = "basic" if n % 3 == 2 else "oauth2"
        town = TOWNS[(n + self.town_offset) % len(TOWNS)]
        name = f"{town} {DISTRICT_KINDS[(n // len(TOWNS)) % len(DISTRICT_KINDS)]} #{n + 1}"
        actor = self.actor(cloud, f"{integration['name']} @ {name}", "integration", auth_type)
        account = self.world.accounts[cloud["account_id"]]
        tenant_id = self.uuid()
        self.world.tenants[tenant_id] = {
            "id": tenant_id,
            "name": name,
            "actor_id": actor["id"],
            "account": {k: account[k] for k in ("id", "name", "public_id", "timezone", "userdata")},
            "cloud": {k: cloud[k] for k in ("id", "name", "generation", "env")},
            "integration": {k: integration[k] for k in ("id", "name", "version")},
            "license": {"status": "active", "valid_from": self.moment(), "valid_to": None},
            "status": self.status(),
            "sis_status": self.status(),
            "auth": dict(actor["auth"]),
            "app_auth": {
                "scheme": "oauth2",
                "client_id": f"app-{n}",
                "client_secret": self.secret(),
            },
            "lti_developer_id": None,
        }
        self.world.credentials[actor["auth"]["client_id"]] = (
            actor["auth"]["client_secret"],
            tenant_id,
        )
        self.tenant_data(n, tenant_id, cloud["account_id"], cloud["id"], actor["id"])

    def status(self) -> Json:
        op_state = self.rng.choice(("running", "running", "paused"))
        return {"op_state": op_state, "setup_state": "complete", "last_sync_at": self.moment()}

    def tenant_data(
        self, n: int, tenant_id: str, account_id: str, cloud_id: str, actor_id: str
    ) -> None:
        world = self.world
        world.schools[tenant_id] = {}
        for index in range(self.rng.randint(0, 4)):
            school = self.base(account_id, tenant_id) | {
                "school_id": self.uuid(),
                "school_ref_id": f"SCH-{n}-{index}",
                "name": f"{TOWNS[(n + index) % len(TOWNS)]} {self.rng.choice(SCHOOL_KINDS)}",
                "local_id": str(100 + index),
                "keywords": None,
                "selected": self.rng.random() < 0.7,
            }
            world.schools[tenant_id][school["id"]] = school
        world.courses[tenant_id] = {}
        for index in range(self.rng.randint(0, 3)):
            course = self.base(account_id, tenant_id) | {
                "course_id": self.uuid(),
                "course_ref_id": f"CRS-{n}-{index}",
                "school_id": self.uuid(),
                "school_ref_id": None,
                "name": COURSES[(n + index) % len(COURSES)],
                "local_id": None,
                "keywords": None,
                "selected": True,
            }
            world.courses[tenant_id][course["id"]] = course
        world.applications[tenant_id] = self.application(n, tenant_id, account_id)
        world.rollovers[tenant_id] = self.rollovers(n, tenant_id, account_id, cloud_id, actor_id)
        world.schedules[tenant_id] = self.schedules(n, tenant_id, account_id)
        world.ingestions[tenant_id] = self.ingestions(n, tenant_id, account_id)

    def application(self, n: int, tenant_id: str, account_id: str) -> Json:
        updating = n % 4 == 1
        return {
            "account_id": account_id,
            "tenant_id": tenant_id,
            "deliver_tasks": True,
            "validate_tasks": n % 5 == 0,
            "auth_type": "oauth2" if n % 2 else "api_key",
            "auth_state": "confirmed" if n % 4 != 1 else "unspecified",
            "options": {"sync_grades": "true", "term_filter": "current"},
            "auth_props": {"host": f"https://lms{n}.example.edu"},
            "auth_session_id_pending": self.uuid() if updating else None,
            "auth_message": None,
            "auth_props_pending": {"host": f"https://lms{n}.example.edu"} if updating else {},
            "auth_state_pending": "updating" if updating else "unspecified",
        }

    def rollovers(
        self, n: int, tenant_id: str, account_id: str, cloud_id: str, actor_id: str
    ) -> dict[str, Json]:
        found: dict[str, Json] = {}
        year = self.today.year
        next_july = dt.datetime(year + (self.today.month >= 7), 7, 1, 4, 0, tzinfo=dt.UTC)
        plans = [(f"{next_july.year} new year", next_july, 14, "upcoming")]
        if n % 7 == 3:
            plans.insert(0, ("Current rollover", self.today - dt.timedelta(days=3), 14, "active"))
        if n % 5 == 4:
            last_july = next_july.replace(year=next_july.year - 2)
            plans.insert(0, (f"{last_july.year} new year", last_july, 14, "completed"))
        for name, start, days, status in plans:
            rollover = self.base(account_id, tenant_id) | {
                "name": name,
                "type": "new_year",
                "start_date": iso(start),
                "end_date": iso(start + dt.timedelta(days=days)),
                "metadata": {"created": {"by": "sandbox"}, "updated": None},
                "status": status,
                "status_change_failure_count": 0,
                "failure_reason": None,
                "cloud_id": cloud_id,
                "actor_id": actor_id,
            }
            found[rollover["id"]] = rollover
        return found

    def schedules(self, n: int, tenant_id: str, account_id: str) -> dict[str, Json]:
        found: dict[str, Json] = {}
        kinds = [("collection", n % 6 != 5, 2 + n % 5)]
        if n % 4 == 0:
            kinds.append(("unspecified", True, 12))
        for kind, enabled, hour in kinds:
            schedule = self.base(account_id, tenant_id) | {
                "type": kind,
                "last_executed_at": self.moment(),
                "enabled": enabled,
                "hour": hour,
                "days": "MON,TUE,WED,THU,FRI",
                "metadata": None,
            }
            found[schedule["id"]] = schedule
        return found

    def ingestions(self, n: int, tenant_id: str, account_id: str) -> dict[str, Json]:
        found: dict[str, Json] = {}
        for index in range(self.rng.randint(1, 3)):
            pending = n % 9 == 0 and index == 0
            ingestion = self.base(account_id, tenant_id) | {
                "type": self.rng.choice(("collection", "bulk_load", "event_bundle", "mirror")),
                "state": "executing"
                if pending
                else self.rng.choice(("success", "success", "failed")),
                "started_at": self.moment(),
                "external_import_ids": [f"imp-{n}-{index}"],
                "has_pending_task": pending,
                "mass_change_details": [self.mass_change() for _ in range(self.rng.randint(0, 2))],
                "metadata": {"scheduled": None},
            }
            found[ingestion["id"]] = ingestion
        return found

    def mass_change(self) -> Json:
        adds, updates, deletes = (self.rng.randint(0, 400) for _ in range(3))
        return {
            "objectType": self.rng.randint(1, 12),
            "objectSubtype": 0,
            "objectCount": adds + updates + deletes,
            "adds": adds,
            "updates": updates,
            "deletes": deletes,
        }


def blueprint_xml(name: str, version: str) -> str:
    """A small, well-formed integration blueprint."""
    return (
        f'<IntegrationBlueprint name="{name}" version="{version}">'
        '<Sync objects="students,teachers,sections"/></IntegrationBlueprint>'
    )
