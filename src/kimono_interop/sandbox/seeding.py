"""The seeded world: four accounts, eight clouds, five integrations, and `n` tenants, each with
its actor credentials, scoping, application, rollovers, schedules and ingestions.

Everything derives from one ``random.Random(seed)``: the same seed gives the same world, except
that rollover dates are placed around `today` so that their statuses (completed, active,
upcoming) stay true whenever the sandbox runs. What a tenant has depends on its index `n`:
n % 7 == 3 has an active rollover; n % 5 == 4 a completed one; n % 4 == 1 a pending
application update (``updating``); n % 6 == 5 a paused collection schedule; n % 4 == 0 also a
schedule of type ``unspecified``; n % 9 == 0 a pending ingestion; n % 3 == 2 Basic actor
credentials (OAuth2 otherwise); the collection schedule's hour is 2 + n % 5.
"""

from __future__ import annotations

import datetime as dt
import random

from kimono_interop.sandbox.rollover_rule import DURATION, next_free_july, rollover_name
from kimono_interop.sandbox.world import Json, World, iso

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

_SECRET_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"
# uuid.UUID(int=n, version=4) without the UUID object: clear the version and variant bits, set
# version 4 and the RFC 4122 variant (the same strings, several times faster).
_UUID_CLEAR = ((1 << 128) - 1) & ~((0xC000 << 48) | (0xF000 << 64))
_UUID_V4 = (0x8000 << 48) | (4 << 76)


def seed_world(seed: int, tenants: int, *, today: dt.datetime) -> World:
    """A world of `tenants` tenants from `seed` (rollovers placed around `today`)."""
    world = World()
    Seeder(random.Random(seed), world, today=today).seed(tenants)
    return world


def blueprint_xml(name: str, version: str) -> str:
    """A small, well-formed integration blueprint."""
    return (
        f'<IntegrationBlueprint name="{name}" version="{version}">'
        '<Sync objects="students,teachers,sections"/></IntegrationBlueprint>'
    )


class Seeder:
    """Builds realistic data from `rng` into `world`."""

    def __init__(self, rng: random.Random, world: World, *, today: dt.datetime) -> None:
        self.rng = rng
        self.world = world
        self.today = today
        self.town_offset = 0

    def uuid(self) -> str:
        digits = f"{(self.rng.getrandbits(128) & _UUID_CLEAR) | _UUID_V4:032x}"
        return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"

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
        return "".join(self.rng.choices(_SECRET_ALPHABET, k=32))

    def seed(self, tenant_count: int) -> None:
        self.town_offset = self.rng.randrange(len(TOWNS))
        accounts = [self.account(name) for name in ACCOUNT_NAMES]
        clouds = [self.cloud(account, n) for account in accounts for n in (1, 2)]
        integrations = [self.integration(accounts[0]["id"], name) for name in INTEGRATION_NAMES]
        for cloud in clouds:
            self.actor(cloud, f"{cloud['name']} SIS connector", "connector", "oauth2")
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
            "version": "1.0.0",
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
        return integration

    def actor(self, cloud: Json, name: str, actor_type: str, auth_type: str) -> Json:
        actor = self.base(cloud["account_id"]) | {"name": name, "type": actor_type}
        if actor_type == "connector":
            actor["connector_type"] = "sis"
        actor["cloud_id"] = cloud["id"]
        actor["auth"] = {
            "type": auth_type,
            "client_id": f"{auth_type}-{self.uuid()[:8]}",
            "client_secret": self.secret(),
            "updated_at": self.moment(),
        }
        self.world.actors[actor["id"]] = actor
        return actor

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
            "account": dict(account),
            "cloud": {k: cloud[k] for k in ("id", "name", "generation", "env")},
            "integration": {k: integration[k] for k in ("id", "name", "version")},
            "license": {"status": "active", "valid_from": self.moment()},
            "status": self.status(),
            "sis_status": self.status(),
            "auth": dict(actor["auth"]),
            "app_auth": {
                "scheme": "oauth2",
                "client_id": f"app-{n}",
                "client_secret": self.secret(),
            },
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
                "selected": self.rng.random() < 0.7,
            }
            world.schools[tenant_id][school["id"]] = school
        world.courses[tenant_id] = {}
        for index in range(self.rng.randint(0, 3)):
            course = self.base(account_id, tenant_id) | {
                "course_id": self.uuid(),
                "course_ref_id": f"CRS-{n}-{index}",
                "school_id": self.uuid(),
                "name": COURSES[(n + index) % len(COURSES)],
                "selected": True,
            }
            world.courses[tenant_id][course["id"]] = course
        world.applications[tenant_id] = self.application(n, tenant_id, account_id)
        world.rollovers[tenant_id] = self.rollovers(n, tenant_id, account_id, cloud_id, actor_id)
        world.schedules[tenant_id] = self.schedules(n, tenant_id, account_id)
        world.ingestions[tenant_id] = self.ingestions(n, tenant_id, account_id)

    def application(self, n: int, tenant_id: str, account_id: str) -> Json:
        updating = n % 4 == 1
        application: Json = {
            "account_id": account_id,
            "tenant_id": tenant_id,
            "deliver_tasks": True,
            "validate_tasks": n % 5 == 0,
            "auth_type": "oauth2" if n % 2 else "api_key",
            "auth_state": "confirmed" if n % 4 != 1 else "unspecified",
            "options": {"sync_grades": "true", "term_filter": "current"},
            "auth_props": {"host": f"https://lms{n}.example.edu"},
        }
        if updating:
            application["auth_session_id_pending"] = self.uuid()
        application["auth_props_pending"] = (
            {"host": f"https://lms{n}.example.edu"} if updating else {}
        )
        application["auth_state_pending"] = "updating" if updating else "unspecified"
        return application

    def rollovers(
        self, n: int, tenant_id: str, account_id: str, cloud_id: str, actor_id: str
    ) -> dict[str, Json]:
        """A ``new_year`` rollover per tenant on the next free July 1 (the rule's ``upcoming``),
        after a completed one two years before it and an active one started 3 days ago."""
        plans: list[tuple[dt.datetime, str]] = []
        if n % 5 == 4:
            next_july, _ = next_free_july(self.today, [])
            plans.append((next_july.replace(year=next_july.year - 2), "completed"))
        if n % 7 == 3:
            plans.append((self.today - dt.timedelta(days=3), "active"))
        busy = [(start, start + DURATION) for start, _ in plans]
        upcoming, _ = next_free_july(self.today, busy)
        plans.append((upcoming, "upcoming"))
        found: dict[str, Json] = {}
        for start, status in plans:
            rollover = self.base(account_id, tenant_id) | {
                "name": rollover_name("new_year", start),
                "type": "new_year",
                "start_date": iso(start),
                "end_date": iso(start + DURATION),
                "metadata": {"created": {"by": "sandbox"}, "updated": None},
                "status": status,
                "status_change_failure_count": 0,
            }
            found[rollover["id"]] = rollover
            self.world.rollover_targets[rollover["id"]] = {
                "cloud_id": cloud_id,
                "actor_id": actor_id,
            }
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
