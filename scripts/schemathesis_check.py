"""`make fuzz`: Schemathesis against the sandbox, once per kind of credentials.

Starts ``python -m kimono_interop.sandbox`` on a free loopback port and runs ``schemathesis run``
on ``openapi/interop-v2.yaml`` against it three times:

- ``developer``: the developer operations (clouds, actors, integrations, tenants), ingestions and
  the token endpoint, with the developer API key (HTTP Basic);
- ``oauth2``: the ``/tenant/...`` operations and ingestions as a tenant actor with OAuth2
  credentials, sending the bearer token ``POST /oauth/token`` gives for them;
- ``basic``: the same operations as a tenant actor with Basic credentials.

Every check, every phase (examples, coverage, fuzzing, stateful), positive and negative data, a
fixed seed, one worker and at most ``--max-examples`` cases per operation and phase; no example
database and no cache, so a run replays nothing from an earlier one. Seed data comes from the
live sandbox: the ids of its clouds, integrations, versions, tenants and ingestions, and of the
actor's scoping items, rollovers and schedules, go to Schemathesis as dictionaries for the
``{id}`` and ``{version}`` path parameters (drawn with probability :data:`KNOWN_ID_PROBABILITY`,
generated otherwise), and the token endpoint gets a real client id and secret the same way.
Each actor run acts as the seeded tenant that reaches the most (:func:`fitness`).
:mod:`schemathesis_hooks` (``scripts/schemathesis_hooks.py``) sends the credentials, resets the
sandbox to the same seed before each operation's tests (so the seed ids exist whatever earlier
tests deleted) and makes positive blueprint bodies well-formed XML (the spec's ``format: binary``
cannot say so).

Exit status: 0 when every run passed, 1 when a check failed (or a warning in
:data:`FAIL_ON_WARNINGS` was raised), 2 when the sandbox could not start or its seed data does
not fit a run.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import tomli_w

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "interop-v2.yaml"
HOOKS = ROOT / "scripts" / "schemathesis_hooks.py"

SEED = 1
"""Both the sandbox's seed and Schemathesis's."""
TENANTS = 20
API_KEY = "sbx_fuzz_developer_key"
MAX_EXAMPLES = 50
"""Test cases per operation and phase (Schemathesis's ``max-examples``)."""
KNOWN_ID_PROBABILITY = 0.75
"""How often a path id is one the sandbox has (otherwise Schemathesis generates one)."""
REQUEST_TIMEOUT = 10.0

V2 = "/v2/interop"
DEVELOPER_PATHS = rf"^(/oauth/token|{V2}/(actors|clouds|integrations|tenants|ingestions)(/|$))"
TENANT_PATHS = rf"^{V2}/(tenant|ingestions)(/|$)"

SCOPING = ("schools", "courses")

FAIL_ON_WARNINGS = ["missing_auth"]
"""Warnings that fail the run: credentials that stopped working leave every operation at 401
and the run testing nothing. (``missing_test_data`` is shown, not failed on: deleteCloud answers
404 or 409 to every seeded id, since every seeded Cloud serves tenants, and whether Schemathesis
calls that missing data depends on its seed. The seed data is checked here instead: a run
without Scoping ids is refused, see :data:`FIT`.)"""

# -- the sandbox -------------------------------------------------------------------------------


@dataclass
class Sandbox:
    """A sandbox process and the client that seeds the runs from it."""

    base_url: str
    process: subprocess.Popen[str]
    log: Path
    client: httpx.Client = field(init=False)

    def __post_init__(self) -> None:
        self.client = httpx.Client(base_url=self.base_url, timeout=REQUEST_TIMEOUT)

    def reset(self) -> None:
        """A fresh world of SEED (knobs, counters, clock and tokens back to their start)."""
        answer = self.client.post("/_sandbox/reset", json={"seed": SEED, "tenants": TENANTS})
        answer.raise_for_status()

    def items(self, path: str, auth: httpx.BasicAuth, **params: Any) -> list[dict[str, Any]]:
        """Every item of a list operation, following ``paging.next``."""
        found: list[dict[str, Any]] = []
        url: str | None = path
        query: dict[str, Any] | None = dict(params)
        while url is not None:
            answer = self.client.get(url, auth=auth, params=query)
            answer.raise_for_status()
            body = answer.json()
            found += body["data"]
            url, query = (body.get("paging") or {}).get("next"), None
        return found


@contextmanager
def running_sandbox(workdir: Path) -> Iterator[Sandbox]:
    """``python -m kimono_interop.sandbox`` on a free loopback port, stopped at the end."""
    log = workdir / "sandbox.log"
    command = [
        *(sys.executable, "-m", "kimono_interop.sandbox"),
        *("--port", "0", "--seed", str(SEED), "--api-key", API_KEY, "--tenants", str(TENANTS)),
    ]
    with log.open("w") as errors:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            command, stdout=subprocess.PIPE, stderr=errors, text=True, cwd=ROOT
        )
    try:
        base_url = _base_url(process)
        yield Sandbox(base_url, process, log)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _base_url(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    for line in process.stdout:
        found = re.search(r"KIMONO_BASE_URL=(\S+)", line)
        if found:
            return found.group(1)
    print(f"error: the sandbox exited ({process.wait()}) before serving", file=sys.stderr)
    raise SystemExit(2)


# -- seed data ---------------------------------------------------------------------------------


@dataclass
class Profile:
    """One Schemathesis run: which operations, with which credentials, over which seed data."""

    name: str
    paths: str
    user: str
    """The API key (developer), or the actor's client id."""
    password: str
    """The API key (developer), or the actor's client secret."""
    dictionaries: dict[str, list[str]] = field(default_factory=dict)
    bindings: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    """(operation path regex, {parameter: dictionary name})."""

    def bind(self, path_regex: str, parameters: Mapping[str, tuple[str, Sequence[str]]]) -> None:
        """Draw each parameter of the operations under `path_regex` from its known values."""
        names: dict[str, str] = {}
        for parameter, (dictionary, values) in parameters.items():
            if values:
                self.dictionaries[dictionary] = sorted(set(values))
                names[parameter] = dictionary
        if names:
            self.bindings.append((path_regex, names))


def developer_profile(sandbox: Sandbox) -> Profile:
    """The developer's run: its seed data is every id the API key can list."""
    key = httpx.BasicAuth(API_KEY, API_KEY)
    profile = Profile("developer", DEVELOPER_PATHS, API_KEY, API_KEY)
    clouds = [c["id"] for c in sandbox.items(f"{V2}/clouds", key)]
    integrations = sandbox.items(f"{V2}/integrations", key)
    versions = [
        v["version"]
        for i in integrations
        for v in sandbox.items(f"{V2}/integrations/{i['id']}/versions", key)
    ]
    tenants = sandbox.items(f"{V2}/tenants", key)
    ingestions = [i["id"] for i in sandbox.items(f"{V2}/ingestions", key)]
    integration_ids = [i["id"] for i in integrations]
    profile.bind(rf"^{V2}/clouds/\{{id\}}", {"path.id": ("clouds", clouds)})
    profile.bind(
        rf"^{V2}/integrations/\{{id\}}",
        {"path.id": ("integrations", integration_ids), "path.version": ("versions", versions)},
    )
    profile.bind(rf"^{V2}/tenants/\{{id\}}$", {"path.id": ("tenants", [t["id"] for t in tenants])})
    profile.bind(rf"^{V2}/ingestions/\{{id\}}$", {"path.id": ("ingestions", ingestions)})
    oauth2 = next(t["auth"] for t in tenants if t["auth"]["type"] == "oauth2")
    profile.bind(
        "^/oauth/token$",
        {
            "body.client_id": ("client_ids", [oauth2["client_id"]]),
            "body.client_secret": ("client_secrets", [oauth2["client_secret"]]),
        },
    )
    return profile


def actor_profile(sandbox: Sandbox, auth_type: str) -> Profile:
    """A tenant actor's run, as the seeded tenant with `auth_type` credentials that lets the
    most operations succeed (see :func:`fitness`); its seed data is every id its actor lists."""
    key = httpx.BasicAuth(API_KEY, API_KEY)
    candidates = [t["auth"] for t in sandbox.items(f"{V2}/tenants", key)]
    credentials = max(
        (c for c in candidates if c["type"] == auth_type),
        key=lambda c: fitness(sandbox, httpx.BasicAuth(c["client_id"], c["client_secret"])),
    )
    actor = httpx.BasicAuth(credentials["client_id"], credentials["client_secret"])
    if fitness(sandbox, actor) < FIT:
        print(
            f"error: no seeded tenant with {auth_type} credentials has scoping items",
            file=sys.stderr,
        )
        raise SystemExit(2)
    profile = Profile(
        auth_type, TENANT_PATHS, credentials["client_id"], credentials["client_secret"]
    )
    tenant = f"{V2}/tenant"
    for resource in ("scoping/schools", "scoping/courses", "rollovers", "schedules"):
        ids = [item["id"] for item in sandbox.items(f"{tenant}/{resource}", actor)]
        name = resource.rpartition("/")[2]
        profile.bind(rf"^{tenant}/{resource}/\{{id\}}", {"path.id": (name, ids)})
    ingestions = [i["id"] for i in sandbox.items(f"{V2}/ingestions", actor)]
    profile.bind(rf"^{V2}/ingestions/\{{id\}}$", {"path.id": ("ingestions", ingestions)})
    return profile


FIT = 100
"""The least fitness a tenant needs: it has Scoping Schools and Courses (their ids seed the
``{id}`` operations; a run without them fails on ``missing_test_data``)."""


def fitness(sandbox: Sandbox, actor: httpx.BasicAuth) -> int:
    """How much of the API a tenant's actor reaches: Scoping Schools and Courses to find,
    update and delete (:data:`FIT`), schedules runSchedule can run now, and an application
    awaiting its auth update (updateTenantApplication succeeds once).

    Runnable schedules are all of type ``collection``: runSchedule answers another type 400, as
    the spec documents, and Schemathesis counts any 400 to a schema-valid request as a failure
    (the spec uses 400 for what the schedule is, not for what the request says)."""
    tenant = f"{V2}/tenant"
    score = FIT if all(sandbox.items(f"{tenant}/scoping/{kind}", actor) for kind in SCOPING) else 0
    pending = any(
        i.get("has_pending_task") or i["state"] in ("preparing", "scheduled", "executing")
        for i in sandbox.items(f"{V2}/ingestions", actor)
    )
    schedules = sandbox.items(f"{tenant}/schedules", actor)
    runnable = all(s["type"] == "collection" for s in schedules) and any(
        s["enabled"] for s in schedules
    )
    score += 2 if runnable and not pending else 0
    application = sandbox.client.get(f"{tenant}/application", auth=actor).json()["data"]
    return score + (1 if application["auth_state_pending"] == "updating" else 0)


# -- the configuration -------------------------------------------------------------------------


def config_for(profile: Profile, *, seed: int, max_examples: int) -> dict[str, Any]:
    """The ``schemathesis.toml`` of one run."""
    operations: list[dict[str, Any]] = [
        {
            "include-path-regex": path_regex,
            "parameters": {
                parameter: {"dictionary": dictionary, "probability": KNOWN_ID_PROBABILITY}
                for parameter, dictionary in names.items()
            },
        }
        for path_regex, names in profile.bindings
    ]
    return {
        "seed": seed,
        "workers": 1,
        "continue-on-failure": True,
        "request-timeout": REQUEST_TIMEOUT,
        "hooks": str(HOOKS),
        "cache": {"enabled": False},
        "generation": {"database": "none", "max-examples": max_examples, "mode": "all"},
        "checks": {"enabled": True},
        "phases": {"enabled": True},
        "warnings": {"fail-on": FAIL_ON_WARNINGS},
        "output": {"truncation": {"enabled": False}},
        "dictionaries": {name: {"values": values} for name, values in profile.dictionaries.items()},
        "operations": operations,
    }


# -- running -----------------------------------------------------------------------------------


def run_schemathesis(sandbox: Sandbox, profile: Profile, args: argparse.Namespace) -> int:
    """One ``schemathesis run`` in its own directory; its exit status."""
    workdir = Path(args.workdir) / profile.name
    workdir.mkdir(parents=True, exist_ok=True)
    config = workdir / "schemathesis.toml"
    config.write_text(
        tomli_w.dumps(config_for(profile, seed=args.seed, max_examples=args.max_examples))
    )
    command = [
        *(sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "--no-color"),
        *("run", str(args.spec), "--url", sandbox.base_url),
        *("--include-path-regex", profile.paths),
        *("--checks", "all", "--phases", "examples,coverage,fuzzing,stateful", "--mode", "all"),
    ]
    print(f"\n=== schemathesis: {profile.name} ({config}) ===", flush=True)
    started = time.monotonic()
    environment = os.environ | {
        "KIMONO_FUZZ_SANDBOX": sandbox.base_url,
        "KIMONO_FUZZ_SEED": str(SEED),
        "KIMONO_FUZZ_TENANTS": str(TENANTS),
        "KIMONO_FUZZ_PROFILE": profile.name,
        "KIMONO_FUZZ_USER": profile.user,
        "KIMONO_FUZZ_PASSWORD": profile.password,
        "PYTHONHASHSEED": "0",
    }
    status = subprocess.call(command, cwd=workdir, env=environment)  # noqa: S603 - our own
    print(f"=== {profile.name}: exit {status} in {time.monotonic() - started:.1f}s ===", flush=True)
    return status


PROFILE_NAMES = ("developer", "oauth2", "basic")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED, help="Schemathesis's seed")
    parser.add_argument("--max-examples", type=int, default=MAX_EXAMPLES)
    parser.add_argument(
        "--only", choices=PROFILE_NAMES, action="append", help="run only this profile"
    )
    parser.add_argument("--workdir", help="keep configs and reports here (default: a temp dir)")
    parser.add_argument("--spec", type=Path, default=SPEC, help="the spec (default: %(default)s)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="schemathesis-") as scratch:
        args.workdir = args.workdir or scratch
        Path(args.workdir).mkdir(parents=True, exist_ok=True)
        with running_sandbox(Path(args.workdir)) as sandbox:
            failed: list[str] = []
            for name in args.only or PROFILE_NAMES:
                sandbox.reset()
                if name == "developer":
                    profile = developer_profile(sandbox)
                else:
                    profile = actor_profile(sandbox, name)
                if run_schemathesis(sandbox, profile, args) != 0:
                    failed.append(name)
            log = sandbox.log.read_text()
        if failed and log.strip():
            print(f"\n=== the sandbox's log ===\n{log}", flush=True)
    runs = args.only or PROFILE_NAMES
    if failed:
        print(f"\nschemathesis failed: {', '.join(failed)}", file=sys.stderr)
    print(f"\nschemathesis: {len(runs) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
