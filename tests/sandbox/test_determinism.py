"""Seeded data is deterministic; the command line serves it and stops cleanly."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import signal
import sys

import httpx
import pytest

from kimono_interop.sandbox import SandboxState, run_sandbox
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


async def test_served_sandboxes_with_one_seed_list_the_same_tenants(
    checker: SpecChecker,
) -> None:
    listed: list[list[str]] = []
    for _ in range(2):
        async with run_sandbox(**(SANDBOX_OPTIONS | {"tenants": 30})) as sandbox:
            key = (sandbox.api_key, sandbox.api_key)
            async with validating_client(sandbox.base_url, checker) as http:
                page = page_of(await http.get("/v2/interop/tenants", auth=key))
            listed.append([t["id"] for t in page])
    assert listed[0] == listed[1]
    assert listed[0] == [t[0] for t in tenant_keys(SandboxState(seed=7, tenants=30))]


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


async def test_the_command_line_refuses_bad_arguments() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "kimono_interop.sandbox",
        "--port",
        "0",
        "--tenants",
        "0",
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    async with asyncio.timeout(10):
        _, errors = await process.communicate()
    assert process.returncode == 2
    assert "tenants must be a positive integer" in errors.decode()


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
