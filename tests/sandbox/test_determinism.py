"""Seeded data is deterministic; the command line serves it and stops cleanly."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import re
import signal
import socket
import sys
from typing import Any

import httpx
import pytest

from kimono_interop.sandbox import SandboxHandle, SandboxState, run_sandbox
from tests.conftest import ROOT
from tests.sandbox.conftest import (
    SANDBOX_OPTIONS,
    SpecChecker,
    data_of,
    page_of,
    validating_client,
)


def tenant_keys(state: SandboxState) -> list[tuple[str, str, str, str]]:
    """(id, name, client_id, client_secret) of every tenant, in order."""
    return [
        (t["id"], t["name"], t["auth"]["client_id"], t["auth"]["client_secret"])
        for t in state.world.tenants.values()
    ]


def test_the_same_seed_gives_the_same_world() -> None:
    first, second = SandboxState(seed=3, tenants=40), SandboxState(seed=3, tenants=40)
    assert tenant_keys(first) == tenant_keys(second)
    assert first.world == second.world
    assert len(set(tenant_keys(first))) == 40
    assert first.api_key != second.api_key  # keys are random unless given


def test_different_seeds_give_different_worlds() -> None:
    three, four = SandboxState(seed=3, tenants=40), SandboxState(seed=4, tenants=40)
    assert not {t[0] for t in tenant_keys(three)} & {t[0] for t in tenant_keys(four)}
    assert [t[3] for t in tenant_keys(three)] != [t[3] for t in tenant_keys(four)]
    assert three.world != four.world
    names = {seed: tenant_keys(SandboxState(seed=seed, tenants=5))[0][1] for seed in range(1, 7)}
    assert len(set(names.values())) > 1  # names come from the seed too


def test_bad_seeding_arguments_are_refused() -> None:
    for tenants in (0, -1, True):
        with pytest.raises(ValueError, match="tenants"):
            SandboxState(seed=1, tenants=tenants)


def nulls(value: Any, where: str = "") -> list[str]:
    """Where `value` holds a None, outside the members the spec lets be null."""
    if value is None:
        return [where]
    if isinstance(value, dict):
        return [
            found
            for key, item in value.items()
            if not (key in ("created", "updated") and where.endswith(".metadata"))
            for found in nulls(item, f"{where}.{key}")
        ]
    if isinstance(value, list | tuple):
        return [found for n, item in enumerate(value) for found in nulls(item, f"{where}[{n}]")]
    return []


def test_the_seeded_world_holds_no_null() -> None:
    """An absent value is an absent key: the spec allows null nowhere in these resources
    (a rollover's metadata.created/updated aside)."""
    world = SandboxState(seed=11, tenants=40).world
    assert nulls(dataclasses.asdict(world)) == []


def test_reset_gives_the_same_world_for_the_same_seed() -> None:
    state = SandboxState(seed=3, tenants=40)
    first = state.world
    state.reset(seed=4, tenants=5)
    assert state.world != first
    assert (state.seed, len(state.world.tenants)) == (4, 5)
    state.reset(seed=3, tenants=40)
    assert state.world == first
    assert state.world == SandboxState(seed=3, tenants=40).world


async def test_served_sandboxes_with_one_seed_list_the_same_tenants(
    sandbox: SandboxHandle, checker: SpecChecker
) -> None:
    """The shared sandbox reset to a seed, and a sandbox of its own, serve the same world."""

    async def listed(handle: SandboxHandle) -> list[str]:
        key = (handle.api_key, handle.api_key)
        async with validating_client(handle.base_url, checker) as http:
            return [t["id"] for t in page_of(await http.get("/v2/interop/tenants", auth=key))]

    sandbox.reset(seed=7, tenants=30)
    shared = await listed(sandbox)
    sandbox.reset(seed=8)
    assert await listed(sandbox) != shared
    sandbox.reset(seed=7)
    assert await listed(sandbox) == shared
    async with run_sandbox(**(SANDBOX_OPTIONS | {"tenants": 30})) as own:
        assert await listed(own) == shared
    assert shared == [t[0] for t in tenant_keys(SandboxState(seed=7, tenants=30))]


URL_LINE = re.compile(r"KIMONO_BASE_URL=(http://\S+)")
KEY_LINE = re.compile(r"KIMONO_API_KEY=(\S+)")


async def read_until(stream: asyncio.StreamReader, pattern: re.Pattern[str]) -> str:
    """The first group of the first stdout line matching `pattern` (5 s at most)."""
    async with asyncio.timeout(5):
        while True:
            line = (await stream.readline()).decode()
            assert line, "the sandbox exited before printing its address"
            found = pattern.search(line)
            if found:
                return found.group(1)


@pytest.mark.parametrize(
    ("stop", "code"),
    [(signal.SIGINT, 0), (signal.SIGTERM, -signal.SIGTERM)],
    ids=["SIGINT", "SIGTERM"],
)
async def test_the_command_line_serves_and_stops(
    stop: signal.Signals, code: int, checker: SpecChecker
) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "kimono_interop.sandbox",
        "--port",
        "0",
        "--seed",
        "3",
        "--api-key",
        "k",
        "--tenants",
        "20",
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        assert process.stderr is not None
        base_url = await read_until(process.stdout, URL_LINE)
        assert await read_until(process.stdout, KEY_LINE) == "k"
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base_url)
        async with validating_client(base_url, checker, timeout=5.0) as http:
            health = await http.get("/_sandbox/health")
            assert health.json() == {"status": "ok", "seed": 3, "tenants": 20}
            tenants = page_of(await http.get("/v2/interop/tenants", auth=("k", "k")))
            assert [t["id"] for t in tenants] == [
                t[0] for t in tenant_keys(SandboxState(seed=3, tenants=20))
            ]
            first = tenants[0]["auth"]
            mine = await http.get(
                "/v2/interop/tenant", auth=(first["client_id"], first["client_secret"])
            )
            assert data_of(mine)["id"] == tenants[0]["id"]
        process.send_signal(stop)
        async with asyncio.timeout(5):
            assert await process.wait() == code
        errors = (await process.stderr.read()).decode()
        assert "Traceback" not in errors, errors
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    with pytest.raises(httpx.ConnectError):
        async with httpx.AsyncClient(timeout=1.0) as after:
            await after.get(f"{base_url}/_sandbox/health")
    assert checker.operations() == {"listInteropTenants", "getTenant"}


async def run_command_line(*args: str, code: str | None = None) -> tuple[int, str, str]:
    """Run ``python -m kimono_interop.sandbox *args`` (or ``python -c code``) to its end:
    (exit status, stdout, stderr)."""
    command = ("-c", code) if code is not None else ("-m", "kimono_interop.sandbox", *args)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        *command,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    async with asyncio.timeout(10):
        out, errors = await process.communicate()
    assert process.returncode is not None
    return process.returncode, out.decode(), errors.decode()


async def test_the_command_line_refuses_bad_arguments() -> None:
    code, _, errors = await run_command_line("--port", "0", "--tenants", "0")
    assert code == 2
    assert "tenants must be a positive integer" in errors


async def test_a_port_in_use_is_a_one_line_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, out, errors = await run_command_line("--port", str(port), "--tenants", "2")
    assert code == 1
    assert errors == f"error: port {port} is already in use on 127.0.0.1\n"
    assert out == ""


MISSING_EXTRA = """
import sys
sys.modules["starlette"] = None  # as if the sandbox extra were not installed
{body}
"""


async def test_without_the_extra_the_command_line_says_what_to_install() -> None:
    body = "import runpy; runpy.run_module('kimono_interop.sandbox', run_name='__main__')"
    code, out, errors = await run_command_line(code=MISSING_EXTRA.format(body=body))
    assert code == 2
    assert out == ""
    assert errors == (
        "error: the Kimono Interop sandbox needs the 'sandbox' extra (starlette is not "
        "installed): pip install 'kimono-interop[sandbox]'\n"
    )


async def test_without_the_extra_importing_run_sandbox_raises_one_clear_error() -> None:
    body = """
from kimono_interop.sandbox import Knobs, SandboxState, SandboxUnavailableError
assert SandboxState(seed=1, tenants=2).knobs == Knobs()  # state and seeding still import
try:
    from kimono_interop.sandbox import run_sandbox
except SandboxUnavailableError as exc:
    assert isinstance(exc, ImportError)
    print(exc.name, exc, sep="|")
"""
    code, out, errors = await run_command_line(code=MISSING_EXTRA.format(body=body))
    assert (code, errors) == (0, "")
    assert out == (
        "starlette|the Kimono Interop sandbox needs the 'sandbox' extra (starlette is not "
        "installed): pip install 'kimono-interop[sandbox]'\n"
    )


def test_seeded_rollover_statuses_agree_with_the_server_clock() -> None:
    state = SandboxState(seed=5, tenants=40)
    now = dt.datetime.fromtimestamp(state.now(), dt.UTC)
    statuses: set[str] = set()
    for rollovers in state.world.rollovers.values():
        for rollover in rollovers.values():
            start = dt.datetime.fromisoformat(rollover["start_date"])
            end = dt.datetime.fromisoformat(rollover["end_date"])
            expected = "upcoming" if now < start else "active" if now < end else "completed"
            assert rollover["status"] == expected, rollover
            statuses.add(expected)
    assert statuses == {"upcoming", "active", "completed"}
