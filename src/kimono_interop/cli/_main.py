"""Running the Typer app: usage errors as one line on stderr, and the exit code returned."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Sequence
from typing import Any

from kimono_interop.cli import _codes

PROG = "kimono-interop"


def run(argv: Sequence[str] | None) -> int:
    """Run the CLI on `argv` (``sys.argv[1:]`` when None) and return its exit code."""
    try:
        command = click_command()
    except ModuleNotFoundError as exc:
        if exc.name not in ("typer", "rich"):
            raise
        print(
            f"{PROG}: error: the CLI needs Typer and Rich: pip install 'kimono-interop[cli]'",
            file=sys.stderr,
        )
        return _codes.USAGE
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        result = command.main(args=args, prog_name=PROG, standalone_mode=False)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return _codes.INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return _codes.FAILURE
    except Exception as exc:
        if not _is_click_exception(exc):
            raise
        return _usage_error(exc)
    if isinstance(result, int) and not isinstance(result, bool):
        return result  # typer.Exit(code), --help (0)
    return _codes.OK


@functools.cache
def click_command() -> Any:
    """The Click command Typer builds from the app (built once per process)."""
    from typer.main import get_command

    from kimono_interop.cli.commands import app

    return get_command(app)


def _is_click_exception(exc: BaseException) -> bool:
    """Whether `exc` is Click's (Typer vendors Click: compare by class name, not import)."""
    names = {cls.__name__ for cls in type(exc).__mro__}
    return "ClickException" in names or type(exc).__name__ == "Abort"


def _usage_error(exc: Exception) -> int:
    """Print a Click usage error as one line; its exit code (2 for usage errors)."""
    if type(exc).__name__ == "Abort":
        print(f"{PROG}: aborted", file=sys.stderr)
        return _codes.INTERRUPTED
    ctx = getattr(exc, "ctx", None)
    path = getattr(ctx, "command_path", None) or PROG
    format_message = getattr(exc, "format_message", None)
    message = format_message() if callable(format_message) else str(exc)
    line = " ".join(str(message).split())
    hint = (
        f" (see '{path} --help')" if "UsageError" in {c.__name__ for c in type(exc).__mro__} else ""
    )
    print(f"{path}: error: {line}{hint}", file=sys.stderr)
    code = getattr(exc, "exit_code", _codes.USAGE)
    return code if isinstance(code, int) else _codes.USAGE


def _silence_stdout() -> None:
    """After a closed pipe (``| head``): send what is left of stdout nowhere, quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
