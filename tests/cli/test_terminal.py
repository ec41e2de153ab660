"""On a terminal (a pseudo-terminal here) the CLI draws tables and progress; piped, the same
commands print JSON Lines and nothing else."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import termios
import time
from concurrent.futures import ThreadPoolExecutor

from tests.cli.conftest import ANSI, CLI, Cli, Served, cli_env, tenants_by_index

BAR = "━"


def on_terminal(served: Served, *args: str, columns: int = 200) -> tuple[int, str]:
    """Run the CLI with stdin, stdout and stderr on a pseudo-terminal; exit code and output."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [*CLI, *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=cli_env(served, {"TERM": "xterm-256color"}),
        close_fds=True,
    )
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 1.0)
        if not ready:
            if process.poll() is not None:
                break
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return process.wait(10), b"".join(chunks).decode("utf-8", "replace")


def test_tables_and_progress_on_a_terminal_json_lines_when_piped(
    cold_cli: Cli, sandbox: Served
) -> None:
    names = [t.name for t in tenants_by_index(sandbox)]
    with ThreadPoolExecutor(max_workers=3) as pool:
        overview = pool.submit(on_terminal, sandbox, "tenants", "overview")
        clouds = pool.submit(on_terminal, sandbox, "clouds", "list")
        piped = pool.submit(cold_cli, "tenants", "overview")
        code, shown = overview.result()
        clouds_code, clouds_shown = clouds.result()
        result = piped.result()

    assert code == 0, shown
    assert BAR in shown  # the progress bar over the tenants
    assert "20/20" in shown
    assert "listing tenants" in shown
    text = ANSI.sub("", shown)
    for header in ("tenant", "integration", "op/setup", "auth/pending", "attention"):
        assert header in text
    assert names[0] in text
    assert "{" not in text

    assert clouds_code == 0, clouds_shown
    clouds_text = ANSI.sub("", clouds_shown)
    assert "items/s" in clouds_text  # the listing's progress
    assert "8 items, 1 pages" in clouds_text
    assert "generation" in clouds_text  # the table
    assert "─" in clouds_text

    rows = result.ok().lines()
    assert [row["name"] for row in rows] == names
    assert result.err == ""  # no progress when stderr is not a terminal
    assert "\x1b" not in result.out
    assert BAR not in result.out
