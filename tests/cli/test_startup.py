"""Start-up and packaging: ``--help`` imports no more of the SDK than ``import kimono_interop``
does (no client, no models, not even httpx or asyncio), every command's help has an example, the exit-code table is
the same in the help and the docstring, the console script runs, completion completes."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import kimono_interop.cli
from kimono_interop.cli import _codes, startup_seconds
from kimono_interop.cli._main import click_command
from tests.cli.conftest import Cli, Served, cli_env
from tests.conftest import ROOT

HEAVY = (
    "kimono_interop.models",
    "kimono_interop_client.models",
    "kimono_interop_client.api",
    "kimono_interop.resources.clouds",
    "kimono_interop.resources.tenant",
    "kimono_interop.sandbox.server",
    "kimono_interop.transports",
    "aiohttp",
)


def modules_after(code: str) -> tuple[set[str], str]:
    """The modules a fresh interpreter holds after running `code`, and what it printed."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)), file=sys.stderr)"
    completed = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=cli_env(None, {"COLUMNS": "120"}),
        check=True,
    )
    return set(json.loads(completed.stderr.strip().splitlines()[-1])), completed.stdout


def test_help_imports_no_client_call_and_no_models() -> None:
    baseline, _ = modules_after("import kimono_interop")
    loaded, shown = modules_after(
        "from kimono_interop.cli import main\nassert main(['--help']) == 0"
    )
    added = loaded - baseline
    sdk = sorted(m for m in added if m.startswith("kimono_interop") and ".cli" not in m)
    assert sdk == [], f"--help imported SDK modules: {sdk}"
    assert not [m for m in loaded if m.startswith(HEAVY)]
    assert not {"kimono_interop._client", "httpx", "asyncio"} & loaded  # the package is lazy
    for code, meaning in _codes.EXIT_CODES:
        assert f"{code:>3}  {meaning}" in shown
    assert "kimono-interop --sandbox tenants overview" in shown


def test_the_docstring_documents_every_exit_code() -> None:
    doc = kimono_interop.cli.__doc__ or ""
    table = doc[doc.index("Exit codes:") :]
    for code, _ in _codes.EXIT_CODES:
        assert f"\n{code:<4}  " in table, code


def walk(command: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    """Every leaf command of the Click tree, with its path."""
    children = getattr(command, "commands", None)
    if not children:
        return [(path, command)]
    found = []
    for name, child in children.items():
        found += walk(child, (*path, name))
    return found


def test_every_command_has_help_with_an_example() -> None:
    leaves = walk(click_command())
    assert len(leaves) >= 53
    for path, command in leaves:
        assert command.help, path
        assert "Example" in (command.epilog or ""), path
        assert "kimono-interop" in command.epilog, path
    names = {" ".join(path) for path, _ in leaves}
    for expected in (
        "clouds actors",
        "integrations versions put-blueprint",
        "tenant scoping courses clear",
        "tenant schedules run",
        "tenant rollovers count",
        "tenant application update",
        "tenants overview",
        "ingestions count",
        "actors list",
        "sandbox",
    ):
        assert expected in names


def test_the_console_script_runs(cli: Cli, sandbox: Served, tmp_path: Path) -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    module, _, function = scripts["kimono-interop"].partition(":")
    wrapper = tmp_path / "kimono-interop"  # what pip writes for a console_scripts entry point
    wrapper.write_text(
        f"#!{sys.executable}\nimport sys\nfrom {module} import {function}\nsys.exit({function}())\n"
    )
    wrapper.chmod(0o755)
    runs = [[str(wrapper), "clouds", "list", "--limit", "2"]]
    installed = Path(sys.executable).with_name("kimono-interop")
    if installed.exists():  # after `pip install -e '.[dev]'` with the [project.scripts] entry
        runs.append([str(installed), "clouds", "list", "--limit", "2"])
    for args in runs:
        completed = subprocess.run(  # noqa: S603 - the entry point under test
            args, capture_output=True, text=True, env=cli_env(sandbox), check=False
        )
        assert completed.returncode == 0, completed.stderr
        assert len(completed.stdout.splitlines()) == 2
    version = cli("--version").ok().out
    assert version == f"kimono-interop {kimono_interop.__version__}\n"


def test_shell_completion(cli: Cli) -> None:
    completed = cli(
        env={
            "_KIMONO_INTEROP_COMPLETE": "complete_bash",
            "COMP_WORDS": "kimono-interop tenant sch",
            "COMP_CWORD": "2",
        }
    )
    assert completed.ok().out.split() == ["schedules"]
    script = cli("--show-completion", "bash").ok().out
    assert "_KIMONO_INTEROP_COMPLETE" in script


def test_startup_seconds_measures_help() -> None:
    assert 0 < startup_seconds(runs=1, cpu=True) < 10
