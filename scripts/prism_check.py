"""`make prism`: the SDK against Stoplight Prism's mock of the spec (a third party's reading).

Starts ``prism mock openapi/interop-v2.yaml`` (``@stoplight/prism-cli``, pinned in package.json)
on a free loopback port, in its static mode: every answer is built from the spec's examples and
schemas, the same on every run. Then:

1. ``examples/quickstart.py`` runs against it and must complete.
2. A walk calls every method of every facade namespace once, with plausible arguments, through
   an ``InteropClient`` with an API key and a client for the tenant the mock returns (its
   ``auth`` is OAuth2 client credentials, so the token endpoint is walked too). The namespaces
   and their methods are found by introspection: a method the walk does not call fails the
   check, so a new method cannot go untested here.
3. Every documented error answer: for each walk step that sends one operation, each error
   status the spec names for that operation is asked of the mock (``Prefer: code=N``, no
   retries); the SDK must raise the ``APIStatusError`` subclass of that status
   (``AuthenticationError`` for the token endpoint's OAuth errors, 400 and 401).

A walk call passes when it returns, or when it fails with a status the spec documents for the
operation it sent. A list walk that stops with ``PaginationError`` because ``paging.next``
points to another origin passes too: Prism answers the spec's example link, on the production
host, and the SDK follows links on its own origin only, by design (the quickstart, which must
complete, does not get this pass). Anything else fails: an SDK exception other than those (a
response the SDK cannot parse, an argument it refuses, ...), an undocumented status, or a
violation Prism reports (in its ``sl-violations`` header or its log): a request the SDK sent
that does not match the spec, which Prism answers with a documented 400 that would otherwise
pass.

Exit status: 0 when everything passed, 1 otherwise, 2 when Prism could not start.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import importlib.util
import inspect
import json
import socket
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kimono_interop import (
    ApiKey,
    APIStatusError,
    Attempt,
    AuthenticationError,
    BearerToken,
    ClientCredentials,
    InteropClient,
    PaginationError,
)
from kimono_interop._exceptions import error_class_for_status
from kimono_interop.resources._base import Resource

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "interop-v2.yaml"
PRISM = ROOT / "node_modules" / ".bin" / "prism"
QUICKSTART = ROOT / "examples" / "quickstart.py"

API_KEY = "prism-developer-key"
"""Any key: the mock checks that credentials are there and well-formed, not what they are."""
SOME_ID = "9b2d1c3e-7f4a-4e8b-9c1d-2a3b4c5d6e7f"
OTHER_ID = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"
VERSION = "1.0.0"
BLUEPRINT = (
    f'<IntegrationBlueprint version="{VERSION}" title="Prism walk"><Sync/></IntegrationBlueprint>'
)
START_TIMEOUT = 60.0
"""Seconds Prism may take to start listening (it parses and lists the spec first)."""
CALL_TIMEOUT = 30.0
FOREIGN_LINK = "paging.next points to another origin"
"""How the SDK's PaginationError starts when a list's next link is on another origin."""
NAMESPACES = ("actors", "clouds", "integrations", "tenants", "tenant", "ingestions")


# -- Prism -------------------------------------------------------------------------------------


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def running_prism(spec: Path, log: Path, extra: list[str] | None = None) -> Iterator[str]:
    """``prism mock`` on a free loopback port (static mode); its base URL."""
    if not PRISM.exists():
        raise SystemExit(f"error: {PRISM} is missing: run `npm ci` (make prism does)")
    port = free_port()
    command = [
        str(PRISM),
        "mock",
        str(spec),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        *(extra or []),
    ]
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603 - the pinned Prism from node_modules
            command, stdout=output, stderr=subprocess.STDOUT, cwd=ROOT
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while "Prism is listening" not in log.read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                print(log.read_text(), file=sys.stderr)
                raise SystemExit(2)
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# -- what the spec documents -------------------------------------------------------------------


def documented_statuses(spec: Path) -> dict[str, set[int]]:
    """Each operation's documented error statuses (``5XX`` is 500 to 599)."""
    document = yaml.safe_load(spec.read_text())
    found: dict[str, set[int]] = {}
    for item in document["paths"].values():
        for method, operation in item.items():
            if method == "parameters":
                continue
            statuses: set[int] = set()
            for code in operation["responses"]:
                text = str(code).upper()
                if text.endswith("XX"):
                    first = int(text[0]) * 100
                    statuses |= set(range(first, first + 100))
                elif text.isdigit() and int(text) >= 400:
                    statuses.add(int(text))
            found[operation["operationId"]] = statuses
    return found


def explicit_statuses(spec: Path) -> dict[str, list[int]]:
    """Each operation's error statuses the spec names one by one (not ``5XX``), in order."""
    document = yaml.safe_load(spec.read_text())
    return {
        operation["operationId"]: sorted(
            int(code) for code in operation["responses"] if str(code).isdigit() and int(code) >= 400
        )
        for item in document["paths"].values()
        for method, operation in item.items()
        if method != "parameters"
    }


# -- recording what was sent -------------------------------------------------------------------


@dataclass
class Recorder:
    """Every attempt the SDK made, with the violations Prism reported for it."""

    attempts: list[Attempt] = field(default_factory=list)
    violations: list[tuple[str, str]] = field(default_factory=list)
    """(operation id, Prism's violation), in order."""

    def __call__(self, attempt: Attempt) -> None:
        self.attempts.append(attempt)
        header = attempt.response.headers.get("sl-violations") if attempt.response else None
        if header:
            for violation in json.loads(header):
                where = ".".join(str(part) for part in violation.get("location", []))
                text = f"{violation.get('severity')}: {where}: {violation.get('message')}"
                self.violations.append((attempt.operation_id or "?", text))


@dataclass
class Outcome:
    """How one call went."""

    name: str
    passed: bool
    note: str = ""


async def judge(
    name: str,
    call: Callable[[], Awaitable[object]],
    recorder: Recorder,
    documented: dict[str, set[int]],
) -> Outcome:
    """Run `call` and say whether it passed (see the module's rules)."""
    sent = len(recorder.attempts)
    try:
        await asyncio.wait_for(call(), CALL_TIMEOUT)
    except PaginationError as exc:
        if str(exc).startswith(FOREIGN_LINK):
            return Outcome(name, True, "stopped at paging.next on another origin (by design)")
        return Outcome(name, False, f"PaginationError: {exc}")
    except APIStatusError as exc:
        mine = recorder.attempts[sent:]
        operation = next((a.operation_id for a in reversed(mine) if a.response is not None), None)
        if operation is not None and exc.status_code in documented.get(operation, set()):
            return Outcome(name, True, f"documented {exc.status_code} from {operation}")
        return Outcome(name, False, f"undocumented status: {exc}")
    except Exception as exc:
        detail = "".join(traceback.format_exception_only(exc)).strip()
        return Outcome(name, False, detail)
    return Outcome(name, True)


# -- the walk ----------------------------------------------------------------------------------


@dataclass
class Walk:
    """The clients the steps use: the developer's, and the tenant actor's."""

    interop: InteropClient
    actor: InteropClient


Step = Callable[[Walk], Awaitable[Any]]

STEPS: dict[str, Step] = {
    "actors.list": lambda w: w.interop.actors.list().collect(),
    "clouds.list": lambda w: w.interop.clouds.list().collect(),
    "clouds.create": lambda w: w.interop.clouds.create(name="Walk Cloud", userdata="walk", generation=2),
    "clouds.search": lambda w: w.interop.clouds.search(name="Walk Cloud", generation=2).collect(),
    "clouds.get": lambda w: w.interop.clouds.get(SOME_ID),
    "clouds.actors": lambda w: w.interop.clouds.actors(SOME_ID, include_credentials=True).collect(),
    "clouds.delete": lambda w: w.interop.clouds.delete(SOME_ID),
    "integrations.list": lambda w: w.interop.integrations.list(name="walk-sync").collect(),
    "integrations.create": lambda w: w.interop.integrations.create(name="walk-sync", title="Walk", version=VERSION),
    "integrations.get": lambda w: w.interop.integrations.get(SOME_ID),
    "integrations.update": lambda w: w.interop.integrations.update(SOME_ID, title="Walked"),
    "integrations.delete": lambda w: w.interop.integrations.delete(SOME_ID),
    "integrations.versions.list": lambda w: w.interop.integrations.versions.list(SOME_ID).collect(),
    "integrations.versions.create": lambda w: w.interop.integrations.versions.create(SOME_ID, BLUEPRINT),
    "integrations.versions.update": lambda w: w.interop.integrations.versions.update(SOME_ID, VERSION, release_state="beta"),
    "integrations.versions.put_blueprint": lambda w: w.interop.integrations.versions.put_blueprint(SOME_ID, VERSION, BLUEPRINT),
    "integrations.versions.delete": lambda w: w.interop.integrations.versions.delete(SOME_ID, VERSION),
    "tenants.list": lambda w: w.interop.tenants.list(accounts=[SOME_ID, OTHER_ID], integrations=["walk-sync", "roster-sync"]).collect(),
    "tenants.get": lambda w: w.interop.tenants.get(SOME_ID),
    "tenant.get": lambda w: w.actor.tenant.get(),
    "tenant.state": lambda w: w.actor.tenant.state(),
    "tenant.application.get": lambda w: w.actor.tenant.application.get(refresh=True),
    "tenant.application.update": lambda w: w.actor.tenant.application.update(auth_message="walked", auth_props_pending={"host": "lms.example.edu"}, auth_state_pending="confirmed"),
    "tenant.application.invalidate": lambda w: _invalidate(w.actor),
    "tenant.scoping.schools.list": lambda w: w.actor.tenant.scoping.schools.list().collect(),
    "tenant.scoping.schools.create": lambda w: w.actor.tenant.scoping.schools.create([{"name": "Walk School"}], replace=False),
    "tenant.scoping.schools.get": lambda w: w.actor.tenant.scoping.schools.get(SOME_ID),
    "tenant.scoping.schools.update": lambda w: w.actor.tenant.scoping.schools.update(SOME_ID, {"name": "Walk School", "selected": False}),
    "tenant.scoping.schools.delete": lambda w: w.actor.tenant.scoping.schools.delete(SOME_ID),
    "tenant.scoping.schools.clear": lambda w: w.actor.tenant.scoping.schools.clear(),
    "tenant.scoping.courses.list": lambda w: w.actor.tenant.scoping.courses.list().collect(),
    "tenant.scoping.courses.create": lambda w: w.actor.tenant.scoping.courses.create([{"name": "Walk Course"}]),
    "tenant.scoping.courses.get": lambda w: w.actor.tenant.scoping.courses.get(SOME_ID),
    "tenant.scoping.courses.update": lambda w: w.actor.tenant.scoping.courses.update(SOME_ID, {"name": "Walk Course"}),
    "tenant.scoping.courses.delete": lambda w: w.actor.tenant.scoping.courses.delete(SOME_ID),
    "tenant.scoping.courses.clear": lambda w: w.actor.tenant.scoping.courses.clear(),
    "tenant.rollovers.list": lambda w: w.actor.tenant.rollovers.list(sort="-start_date").collect(),
    "tenant.rollovers.count": lambda w: w.actor.tenant.rollovers.count(),
    "tenant.rollovers.create": lambda w: w.actor.tenant.rollovers.create(type="new_year", status="upcoming", cloud_id=SOME_ID),
    "tenant.rollovers.get": lambda w: w.actor.tenant.rollovers.get(SOME_ID),
    "tenant.rollovers.update": lambda w: w.actor.tenant.rollovers.update(SOME_ID, type="new_year", status="cancelled", cloud_id=SOME_ID, actor_id=SOME_ID, metadata={"created": None, "updated": None}),
    "tenant.rollovers.delete": lambda w: w.actor.tenant.rollovers.delete(SOME_ID),
    "tenant.schedules.list": lambda w: w.actor.tenant.schedules.list().collect(),
    "tenant.schedules.count": lambda w: w.actor.tenant.schedules.count(),
    "tenant.schedules.create": lambda w: w.actor.tenant.schedules.create(hour=5),
    "tenant.schedules.get": lambda w: w.actor.tenant.schedules.get(SOME_ID),
    "tenant.schedules.update": lambda w: w.actor.tenant.schedules.update(SOME_ID, enabled=False),
    "tenant.schedules.run": lambda w: w.actor.tenant.schedules.run(SOME_ID),
    "tenant.schedules.delete": lambda w: w.actor.tenant.schedules.delete(SOME_ID),
    "ingestions.list": lambda w: w.interop.ingestions.list().collect(),
    "ingestions.count": lambda w: w.actor.ingestions.count(),
    "ingestions.get": lambda w: w.interop.ingestions.get(SOME_ID),
}  # fmt: skip
"""Every namespace method (dotted from the client), and a call of it."""


async def _invalidate(actor: InteropClient) -> None:
    actor.tenant.application.invalidate()  # local: forgets the cached application


def namespace_methods(client: InteropClient) -> set[str]:
    """Every public method of every facade namespace, dotted from the client."""
    found: set[str] = set()

    def visit(namespace: object, prefix: str) -> None:
        names = set(dir(namespace)) | set(vars(namespace))
        for name in sorted(n for n in names if not n.startswith("_")):
            member = getattr(namespace, name)
            if isinstance(member, Resource) or type(member).__module__.startswith(
                "kimono_interop.resources"
            ):
                visit(member, f"{prefix}{name}.")
            elif inspect.ismethod(member):
                found.add(f"{prefix}{name}")

    for namespace in NAMESPACES:
        visit(getattr(client, namespace), f"{namespace}.")
    return found


async def walk(
    base_url: str, recorder: Recorder, documented: dict[str, set[int]], errors: dict[str, list[int]]
) -> tuple[list[Outcome], list[Outcome]]:
    """Every namespace method once, in STEPS order; then, for each step that sends one
    operation, each error status the spec names for it, asked of the mock with Prism's
    ``Prefer: code=N``: the SDK must raise the APIStatusError subclass of that status."""
    outcomes: list[Outcome] = []
    async with InteropClient(
        auth=ApiKey(API_KEY), base_url=base_url, on_attempt=[recorder]
    ) as interop:
        methods = namespace_methods(interop)
        for name in sorted(methods - set(STEPS)):
            outcomes.append(Outcome(name, False, "a namespace method the walk does not call"))
        for name in sorted(set(STEPS) - methods):
            outcomes.append(Outcome(name, False, "in the walk, but no such namespace method"))
        info = await interop.tenants.get(SOME_ID)  # the mock's example tenant, for its actor
        w = Walk(interop, interop.for_tenant(info))
        sends: dict[str, set[str]] = {}
        for name, step in STEPS.items():
            before = len(recorder.attempts)
            outcomes.append(await judge(name, functools.partial(step, w), recorder, documented))
            sends[name] = {a.operation_id or "?" for a in recorder.attempts[before:]}
        refusals: list[Outcome] = []
        # A fixed bearer token: the error answers asked of tenant operations must not reach
        # the token endpoint (a 401 makes OAuth2 credentials fetch a new token).
        bearer = interop.with_auth(BearerToken("prism-bearer-token"))
        for name, step in STEPS.items():
            operations = sends[name] - {"oauthToken"}
            if len(operations) != 1:
                continue
            (operation,) = operations
            for status in errors.get(operation, []):
                options: dict[str, Any] = {
                    "headers": {"Prefer": f"code={status}"},
                    "max_retries": 0,
                }
                asked = Walk(interop.with_options(**options), bearer.with_options(**options))
                expected = error_class_for_status(status)
                refusals.append(await refused(f"{name} -> {status}", step, asked, status, expected))
        for status in errors.get("oauthToken", []):  # the token endpoint's own refusals
            options = {"headers": {"Prefer": f"code={status}"}, "max_retries": 0}
            credentials = ClientCredentials(f"walk-client-{status}", "walk-secret")
            actor = interop.with_auth(credentials).with_options(**options)
            # OAuth errors (RFC 6749 section 5.2: 400 and 401) are AuthenticationError
            expected = (
                AuthenticationError if status in (400, 401) else error_class_for_status(status)
            )
            refusals.append(
                await refused(
                    f"oauthToken -> {status}", _tenant_get, Walk(interop, actor), status, expected
                )
            )
    return outcomes, refusals


async def _tenant_get(w: Walk) -> Any:
    return await w.actor.tenant.get()


async def refused(
    name: str, step: Step, w: Walk, status: int, expected: type[APIStatusError]
) -> Outcome:
    """Whether `step` raised `expected` for the error `status` the mock answered."""
    try:
        await asyncio.wait_for(step(w), CALL_TIMEOUT)
    except APIStatusError as exc:
        if exc.status_code == status and type(exc) is expected:
            return Outcome(name, True)
        return Outcome(name, False, f"{type(exc).__name__} {exc.status_code}: {exc}")
    except Exception as exc:
        return Outcome(name, False, "".join(traceback.format_exception_only(exc)).strip())
    return Outcome(name, False, f"no exception for the mock's {status}")


async def quickstart(base_url: str, recorder: Recorder, documented: dict[str, set[int]]) -> Outcome:
    """examples/quickstart.py's main() against the mock: it must complete."""
    spec = importlib.util.spec_from_file_location("quickstart", QUICKSTART)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    outcome = await judge(
        "examples/quickstart.py", lambda: module.main(base_url, API_KEY), recorder, documented
    )
    if outcome.passed and outcome.note:  # a stop the walk tolerates is the quickstart not done
        return Outcome(outcome.name, False, f"did not complete: {outcome.note}")
    return outcome


# -- running -----------------------------------------------------------------------------------


async def check(
    base_url: str, documented: dict[str, set[int]], errors: dict[str, list[int]]
) -> tuple[int, int]:
    """The quickstart, the walk, the error answers; prints every outcome; (passed, failed)."""
    recorder = Recorder()
    print("=== examples/quickstart.py against the mock ===", flush=True)
    first = await quickstart(base_url, recorder, documented)
    print("\n=== every namespace method against the mock ===", flush=True)
    outcomes, refusals = await walk(base_url, recorder, documented, errors)
    width = max(len(o.name) for o in outcomes)
    for outcome in outcomes:
        mark = "ok  " if outcome.passed else "FAIL"
        print(f"  {mark} {outcome.name:<{width}} {outcome.note}".rstrip())
    print(f"\n=== the documented error answers ({len(refusals)}), as the SDK raises them ===")
    for outcome in refusals:
        if not outcome.passed:
            print(f"  FAIL {outcome.name}: {outcome.note}")
    everything = [first, *outcomes, *refusals]
    failed = [o for o in everything if not o.passed]
    if not first.passed:
        print(f"\nFAIL examples/quickstart.py: {first.note}")
    for operation, violation in dict.fromkeys(recorder.violations):
        print(f"FAIL Prism reports a violation on {operation}: {violation}")
    sent = {a.operation_id for a in recorder.attempts if a.response is not None}
    print(
        f"\n{len(recorder.attempts)} requests, {len(sent)} operations, "
        f"{len(recorder.violations)} violations reported by Prism"
    )
    return len(everything) - len(failed), len(failed)  # violations: counted from Prism's log


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=SPEC, help="the spec (default: %(default)s)")
    parser.add_argument(
        "--prism-arg",
        action="append",
        default=[],
        help="an argument for `prism mock` (repeat it: --prism-arg=-d --prism-arg=--seed ...)",
    )
    args = parser.parse_args(argv)
    documented = documented_statuses(args.spec)
    errors = explicit_statuses(args.spec)
    with tempfile.TemporaryDirectory(prefix="prism-") as scratch:
        log = Path(scratch) / "prism.log"
        with running_prism(args.spec, log, args.prism_arg) as base_url:
            print(f"Prism {base_url} (static mode) mocking {args.spec}\n", flush=True)
            passed, failed = asyncio.run(check(base_url, documented, errors))
        # Every violation, the quickstart's too (its own client is not recorded), is in the log.
        lines = log.read_text().splitlines()
        logged = sorted(
            {line.split("Violation:", 1)[1].strip() for line in lines if "Violation:" in line}
        )
        for violation in logged:
            print(f"FAIL Prism's log reports a violation: {violation}")
        failed += len(logged)
        if failed:
            print(f"\n=== Prism's log ===\n{log.read_text()[-20000:]}")
    print(f"prism: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
