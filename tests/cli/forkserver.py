"""A warmed-up interpreter that runs each CLI command in a forked child process.

``python tests/cli/forkserver.py`` imports the CLI, the SDK, its models and Rich once, then
reads one JSON request per line on stdin: ``{"argv": [...], "env": {...}, "dir": path}``. For
each it forks a child that takes that environment, reads ``dir/stdin`` (if present) as standard
input, writes standard output and error to ``dir/stdout`` and ``dir/stderr``, runs
``kimono_interop.cli.main(argv)`` (what the console script runs) and writes its exit code to
``dir/code`` before exiting with it. The child is a process of its own (its own file
descriptors, event loop and exit), only without the interpreter's start and the imports, which
``python -m kimono_interop.cli`` pays on every run (about 0.25 s of CPU): the tests that are
about start-up, terminals and the console script run the real thing.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import traceback
from pathlib import Path
from typing import Any


def warm_up() -> None:
    """Import what any command imports, and build the Click command, before forking."""
    import httpx  # noqa: F401
    import rich.console
    import rich.progress
    import rich.table  # noqa: F401

    import kimono_interop.cli._overview
    import kimono_interop.models
    import kimono_interop.resources.actors
    import kimono_interop.resources.clouds
    import kimono_interop.resources.ingestions
    import kimono_interop.resources.integrations
    import kimono_interop.resources.tenant
    import kimono_interop.resources.tenants  # noqa: F401
    from kimono_interop.cli._main import click_command

    click_command()


def child(request: dict[str, Any]) -> int:
    """Run one command with the request's environment and files; its exit code."""
    from kimono_interop.cli import main

    folder = Path(request["dir"])
    os.environ.clear()
    os.environ.update(request["env"])
    stdin = folder / "stdin"
    fd_in = os.open(stdin if stdin.exists() else os.devnull, os.O_RDONLY)
    os.dup2(fd_in, 0)
    for fd, name in ((1, "stdout"), (2, "stderr")):
        target = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.argv = ["kimono-interop", *request["argv"]]
    try:
        code = main(request["argv"])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    (folder / "code.tmp").write_text(str(code))
    os.replace(folder / "code.tmp", folder / "code")
    return code


def serve() -> None:
    """Fork a child per request line until stdin closes."""
    warm_up()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        if os.fork() == 0:
            code = 70
            try:
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                code = child(request)
            finally:
                os._exit(code)


if __name__ == "__main__":
    serve()
