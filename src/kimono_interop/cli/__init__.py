"""``kimono-interop``: the Kimono Interop API v2 from the shell (install ``kimono-interop[cli]``).

Every operation of the API, grouped as the SDK's namespaces are, built on the SDK::

    kimono-interop --sandbox tenants overview        # no account needed: an in-process sandbox
    kimono-interop clouds list --output json
    kimono-interop tenant --tenant "Clinton Unified School District #2" schedules list
    kimono-interop tenants overview --needs-attention --concurrency 16

Configuration: options first (``--api-key``, ``--base-url``), then the ``KIMONO_API_KEY`` and
``KIMONO_BASE_URL`` environment variables, and nothing else. ``tenant ...`` and
``ingestions ...`` act as a tenant with ``--tenant ID_OR_NAME`` (the tenant's own actor
credentials, found with the API key), ``--client-id``/``--client-secret`` or ``--bearer-token``.

Output: a table on a terminal, JSON Lines when piped; ``--output table|json|jsonl|csv`` and
``--fields a,b.c`` choose. Secret fields (client secrets, tokens, passwords, auth props, a
tenant's ``app_auth``) show ``***`` unless ``--show-secrets`` is given. Progress goes to stderr,
only on a terminal. An error is one line on stderr (what failed: status, error code, message,
request id); ``--debug`` adds the traceback and the SDK's request log.

Exit codes:

====  ==========================================================================================
code  meaning
====  ==========================================================================================
0     success
1     any other failure: server error (5xx), rate limited (429), connection or timeout, a
      response that does not match the spec, or an overview with a tenant that failed
2     usage error: a bad option, argument or input file (checked before any request), or a
      400 Bad Request from the API
3     authentication: no credentials, or credentials refused (401, 403, OAuth2 errors)
4     not found: 404, or no tenant with the ``--tenant`` id or name
5     conflict: 409 (the resource's state forbids the change)
130   interrupted (Ctrl-C)
====  ==========================================================================================

Start-up: ``--help`` imports Typer and the command modules only; the SDK (its client, models
and connection pool) loads inside the command that runs (``kimono_interop`` loads its exports
on first use). Commands of a few requests send them through httpx's own pool, which starts in
a third of the time of the SDK's default one; ``tenants overview`` keeps the default, faster per
request. :func:`startup_seconds` measures ``kimono-interop --help`` in fresh interpreters;
``make bench`` puts it beside a two-command Typer app's ``--help``.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["STARTUP_COMMAND", "main", "startup_seconds"]

STARTUP_COMMAND: tuple[str, ...] = ("-m", "kimono_interop.cli", "--help")
"""The interpreter arguments whose start-up :func:`startup_seconds` measures."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with `argv` (default: ``sys.argv[1:]``); returns the exit code."""
    from kimono_interop.cli._main import run

    return run(argv)


def startup_seconds(
    runs: int = 5, argv: Sequence[str] = ("--help",), *, cpu: bool = False
) -> float:
    """The median time, in seconds, of ``python -m kimono_interop.cli ARGV`` (default
    ``--help``) over `runs` fresh interpreters, output discarded: wall time, or with `cpu`
    the child's user + system CPU (steadier on a busy machine). For ``make bench``."""
    import os
    import resource
    import statistics
    import subprocess
    import sys
    import time

    if runs < 1:
        raise ValueError(f"runs must be at least 1, got {runs}")
    env = {**os.environ, "COLUMNS": "100"}
    times: list[float] = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(  # noqa: S603 - our own interpreter and module
            [sys.executable, *STARTUP_COMMAND[:2], *argv],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            check=True,
        )
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        times.append(used if cpu else wall)
    return statistics.median(times)
