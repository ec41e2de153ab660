"""Fixtures for the CLI's tests: the CLI run as a subprocess against a sandbox served by
``python -m kimono_interop.sandbox --port 0`` in a subprocess of its own, once for the package,
reset over its control endpoint (``POST /_sandbox/reset``) before each test.

A fresh interpreter costs ~0.25 s of CPU per run, which adds up over every command: the `cli`
fixture runs each command in a child forked from a warmed-up interpreter (see
:mod:`tests.cli.forkserver`; ``KIMONO_CLI_TESTS_COLD=1`` runs them all cold instead), and
`cold_cli` runs the real ``python -m kimono_interop.cli`` for the tests about start-up,
terminals and errors. Independent commands run concurrently (:meth:`Cli.many`). The SDK is run
in the test process for the same calls (:func:`sdk`), so the CLI's JSON can be compared with
the SDK's ``to_dict()``.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from kimono_interop import ApiKey, InteropClient
from kimono_interop.models import TenantInfo

SEED = 7
TENANTS = 20
"""The world of each test unless it asks for another (the seed's rules repeat within 20)."""
API_KEY = "cli-test-developer-key"
CLI = (sys.executable, "-m", "kimono_interop.cli")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
SECRET_KEYS = frozenset(
    {"client_secret", "token", "refresh_token", "password", "api_key", "auth_props"}
    | {"auth_props_pending", "access_token"}
)
T = TypeVar("T")


@dataclass
class Served:
    """The sandbox subprocess: where it listens, and its control endpoints."""

    base_url: str
    api_key: str
    process: subprocess.Popen[str]

    def control(self, method: str, path: str, body: Mapping[str, Any] | None = None) -> Any:
        """Call a ``/_sandbox`` control endpoint; its JSON answer."""
        response = httpx.request(method, self.base_url + path, json=body, timeout=30)
        response.raise_for_status()
        return response.json()

    def reset(self, tenants: int = TENANTS) -> None:
        """The same seeded world again, knobs and counters back to their start."""
        self.control("POST", "/_sandbox/reset", {"seed": SEED, "tenants": tenants})

    def counters(self) -> dict[str, int]:
        """Requests served by operation id, and the in-flight gauges."""
        return dict(self.control("GET", "/_sandbox/counters"))

    def knobs(self, **changes: Any) -> None:
        """Change knobs until the next reset."""
        self.control("PATCH", "/_sandbox/knobs", changes)


def _read_start(process: subprocess.Popen[str], seconds: float) -> dict[str, str]:
    """The ``KIMONO_*=`` lines the sandbox prints once it listens."""
    found: dict[str, str] = {}
    done = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            key, sep, value = line.strip().partition("=")
            if sep and key.startswith("KIMONO_"):
                found[key] = value
            if "KIMONO_API_KEY" in found and "KIMONO_BASE_URL" in found:
                break
        done.set()

    threading.Thread(target=read, daemon=True).start()
    if not done.wait(seconds):
        process.kill()
        raise RuntimeError("the sandbox did not print its URL and key in time")
    return found


@pytest.fixture(scope="package")
def served() -> Iterator[Served]:
    """The package's sandbox subprocess (use `sandbox`: it is reset for each test)."""
    args = [sys.executable, "-m", "kimono_interop.sandbox", "--port", "0", "--seed", str(SEED)]
    args += ["--tenants", str(TENANTS), "--api-key", API_KEY]
    args += ["--max-page-size", "50", "--retry-after", "0"]
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        found = _read_start(process, 20.0)
        yield Served(found["KIMONO_BASE_URL"], found["KIMONO_API_KEY"], process)
    finally:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def sandbox(served: Served) -> Served:
    """The package's sandbox, reset to a fresh world of :data:`TENANTS` tenants."""
    served.reset()
    return served


@dataclass
class Result:
    """A finished CLI run."""

    args: tuple[str, ...]
    code: int
    out: str
    err: str

    def json(self) -> Any:
        """stdout as one JSON document."""
        return json.loads(self.out)

    def lines(self) -> list[Any]:
        """stdout as JSON Lines."""
        return [json.loads(line) for line in self.out.splitlines() if line.strip()]

    def ok(self) -> Result:
        """This result, after checking the run succeeded."""
        assert self.code == 0, f"{self.args} exited {self.code}: {self.err}"
        return self

    def failed(self, code: int) -> str:
        """The one error line, after checking the exit code and that nothing went to stdout."""
        assert self.code == code, f"{self.args} exited {self.code}, not {code}: {self.err}"
        assert self.out == ""
        lines = self.err.strip().splitlines()
        assert len(lines) == 1, f"not one line: {self.err!r}"
        assert "Traceback" not in self.err
        return lines[0]


def cli_env(served: Served | None, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a CLI run: nothing of the caller's KIMONO_* or terminal settings."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("KIMONO_", "_KIMONO")) and key not in ("COLUMNS", "LINES")
    }
    if served is not None:
        env["KIMONO_API_KEY"] = served.api_key
        env["KIMONO_BASE_URL"] = served.base_url
    env.update(extra or {})
    return env


class Cli:
    """Runs the CLI with the sandbox's key and URL in its environment.

    Cold (the default without a fork server): ``python -m kimono_interop.cli``, a fresh
    interpreter per run, as a user runs it. Warm: in a child forked from
    :mod:`tests.cli.forkserver` (the same ``main(argv)``, its own process and file descriptors,
    without the ~0.25 s of interpreter start and imports). Set ``KIMONO_CLI_TESTS_COLD=1`` to
    run every command cold.
    """

    def __init__(self, served: Served | None, server: ForkServer | None = None) -> None:
        self.served = served
        self.server = server

    def __call__(
        self, *args: str, env: Mapping[str, str] | None = None, input: str | None = None
    ) -> Result:
        """Run one command to its end (stdout and stderr captured, stdin empty or `input`)."""
        environment = cli_env(self.served, env)
        if self.server is not None:
            return self.server.run(tuple(args), environment, input)
        stdin = {"input": input} if input is not None else {"stdin": subprocess.DEVNULL}
        completed = subprocess.run(  # noqa: S603 - our own interpreter and module
            [*CLI, *args],
            capture_output=True,
            text=True,
            env=environment,
            timeout=60,
            check=False,
            **stdin,
        )
        return Result(tuple(args), completed.returncode, completed.stdout, completed.stderr)

    def many(
        self, *commands: Sequence[str], stdin: Mapping[int, str] | None = None
    ) -> list[Result]:
        """Run independent commands concurrently (command i reads ``stdin[i]``); their
        results in order."""
        inputs = stdin or {}
        with ThreadPoolExecutor(max_workers=3) as pool:
            futures = [
                pool.submit(self, *args, input=inputs.get(index))
                for index, args in enumerate(commands)
            ]
            return [future.result() for future in futures]


class ForkServer:
    """The :mod:`tests.cli.forkserver` process: one forked child per command."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and script
            [sys.executable, str(Path(__file__).with_name("forkserver.py"))],
            stdin=subprocess.PIPE,
            text=True,
            env=cli_env(None),
        )
        self.lock = threading.Lock()

    def run(self, args: tuple[str, ...], env: Mapping[str, str], input: str | None) -> Result:
        """Run `args` in a forked child; its result once it wrote its exit code."""
        with tempfile.TemporaryDirectory(prefix="kimono-cli-") as name:
            folder = Path(name)
            if input is not None:
                (folder / "stdin").write_text(input)
            request = {"argv": list(args), "env": dict(env), "dir": name}
            with self.lock:
                assert self.process.stdin is not None
                self.process.stdin.write(json.dumps(request) + "\n")
                self.process.stdin.flush()
            code_file = folder / "code"
            deadline = time.monotonic() + 60
            while not code_file.exists():
                assert self.process.poll() is None, "the fork server died"
                assert time.monotonic() < deadline, f"{args} did not finish in 60 s"
                time.sleep(0.003)
            code = int(code_file.read_text())
            out = (folder / "stdout").read_text()
            err = (folder / "stderr").read_text()
        return Result(args, code, out, err)

    def close(self) -> None:
        """Stop the server (children still running finish on their own)."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="package")
def fork_server() -> Iterator[ForkServer | None]:
    """The package's fork server; None when ``KIMONO_CLI_TESTS_COLD=1`` asks for cold runs."""
    if os.environ.get("KIMONO_CLI_TESTS_COLD") == "1":
        yield None
        return
    server = ForkServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def cli(sandbox: Served, fork_server: ForkServer | None) -> Cli:
    """The CLI against the freshly reset sandbox, each command in a child of the fork server."""
    return Cli(sandbox, fork_server)


@pytest.fixture
def cold_cli(sandbox: Served) -> Cli:
    """The CLI against the freshly reset sandbox, each command a fresh ``python -m``."""
    return Cli(sandbox)


def sdk(served: Served, call: Callable[[InteropClient], Awaitable[T]]) -> T:
    """What the SDK answers for the same call, with the developer API key."""

    async def main() -> T:
        async with InteropClient(auth=ApiKey(served.api_key), base_url=served.base_url) as c:
            return await call(c)

    return asyncio.run(main())


def sdk_as_tenant(
    served: Served, tenant_id: str, call: Callable[[InteropClient], Awaitable[T]]
) -> T:
    """What the SDK answers for the same call acting as this tenant."""

    async def main(interop: InteropClient) -> T:
        return await call(interop.for_tenant(await interop.tenants.get(tenant_id)))

    return sdk(served, main)


def dicts(items: Sequence[Any]) -> list[dict[str, Any]]:
    """Models as their ``to_dict()``, through JSON (as the CLI prints them)."""
    return [json.loads(json.dumps(item.to_dict(), default=str)) for item in items]


def as_json(item: Any) -> Any:
    """One model as its ``to_dict()``, through JSON."""
    return json.loads(json.dumps(item.to_dict(), default=str))


def masked(value: Any, *, secret_parent: bool = False) -> Any:
    """What the CLI prints by default: secret-named fields (and app_auth's every field but
    scheme) as ``***``; written here independently of the CLI's own code."""
    if isinstance(value, dict):
        return {
            key: "***"
            if item is not None and (key in SECRET_KEYS or (secret_parent and key != "scheme"))
            else masked(item, secret_parent=key == "app_auth")
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [masked(item) for item in value]
    return value


def secrets_of(tenants: Sequence[TenantInfo]) -> set[str]:
    """Every secret value the tenants carry (actor and app_auth secrets)."""
    found: set[str] = set()

    def walk(value: Any, secret: bool) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, secret or key in SECRET_KEYS or key == "app_auth")
        elif isinstance(value, list):
            for item in value:
                walk(item, secret)
        elif secret and isinstance(value, str) and len(value) >= 8 and value != "oauth2":
            found.add(value)

    for tenant in tenants:
        walk(tenant.to_dict(), False)
    return found


def tenants_by_index(served: Served) -> list[TenantInfo]:
    """The world's tenants in seed order (index n is the seed's tenant n)."""
    return sdk(served, lambda interop: interop.tenants.list().collect())


def wait_until(check: Callable[[], bool], seconds: float = 5.0) -> bool:
    """Poll `check` until it holds or `seconds` pass."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True
