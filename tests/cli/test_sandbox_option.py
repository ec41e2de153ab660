"""``kimono-interop sandbox`` serves the emulator; ``--sandbox`` runs any command against a
seeded sandbox in the same process and event loop, with no account and no configuration."""

from __future__ import annotations

import subprocess
from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.cli.conftest import CLI, Cli, ForkServer, _read_start, cli_env


def test_sandbox_serves_the_emulator_like_the_module_does() -> None:
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [*CLI, "sandbox", "--port", "0", "--tenants", "5", "--api-key", "k", "--seed", "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(None),
    )
    try:
        found = _read_start(process, 20.0)
        assert found["KIMONO_API_KEY"] == "k"
        health = httpx.get(found["KIMONO_BASE_URL"] + "/_sandbox/health", timeout=10).json()
        assert health == {"status": "ok", "seed": 3, "tenants": 5}
    finally:
        process.terminate()
        process.wait(10)


def test_the_sandbox_option_needs_no_account(fork_server: ForkServer | None) -> None:
    newcomer = Cli(None)  # no KIMONO_API_KEY, no KIMONO_BASE_URL: a fresh interpreter
    warm = Cli(None, fork_server)
    with ThreadPoolExecutor(max_workers=2) as pool:
        first = pool.submit(
            newcomer, "--sandbox", "--sandbox-tenants", "20", "tenants", "overview", "-o", "json"
        )
        clouds = warm(
            "--sandbox",
            "--sandbox-seed",
            "2",
            "--sandbox-tenants",
            "5",
            "clouds",
            "list",
            "-f",
            "name",
        )
        overview = first.result()
    rows = overview.ok().json()
    assert len(rows) == 20
    assert all(row["error"] is None for row in rows)
    assert any(row["attention"] for row in rows)
    assert len(clouds.ok().lines()) == 8
    bad_port = warm("sandbox", "--port", "-1")
    assert "--port" in bad_port.failed(2)
