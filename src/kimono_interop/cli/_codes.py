"""The CLI's exit codes: one table, read by the root ``--help``, the error mapping and the tests.

Imports nothing: ``kimono-interop --help`` reads it.
"""

from __future__ import annotations

OK = 0
FAILURE = 1
USAGE = 2
AUTH = 3
NOT_FOUND = 4
CONFLICT = 5
INTERRUPTED = 130

EXIT_CODES: tuple[tuple[int, str], ...] = (
    (OK, "success"),
    (FAILURE, "other failure: server error, rate limit, network, a tenant of an overview"),
    (USAGE, "usage error: bad option, argument or input (before any request), or a 400"),
    (AUTH, "authentication: credentials missing or refused (401, 403, OAuth2)"),
    (NOT_FOUND, "not found: 404, or no tenant with the --tenant id or name"),
    (CONFLICT, "conflict: 409, the resource's state forbids the change"),
    (INTERRUPTED, "interrupted (Ctrl-C)"),
)
"""Every exit code and what it means."""


def exit_code_lines() -> str:
    """The exit-code table as help text lines (two spaces of indent)."""
    return "\n".join(f"  {code:>3}  {meaning}" for code, meaning in EXIT_CODES)
