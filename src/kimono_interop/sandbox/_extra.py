"""The sandbox's optional dependencies: one clear error when the ``sandbox`` extra is missing.

Nothing here imports Starlette or uvicorn, so the package, its state and its seeding import
without them; what needs them is loaded on first use through :func:`load`.
"""

from __future__ import annotations

import importlib
from types import ModuleType

INSTALL = "pip install 'kimono-interop[sandbox]'"
"""The command that installs what the sandbox needs to serve."""

EXTRA_MODULES = ("starlette", "uvicorn", "h11")
"""The top-level modules the ``sandbox`` extra provides (h11 comes with uvicorn)."""


class SandboxUnavailableError(ImportError):
    """The sandbox cannot serve: the ``sandbox`` extra (Starlette, uvicorn) is not installed."""

    def __init__(self, missing: str) -> None:
        super().__init__(
            f"the Kimono Interop sandbox needs the 'sandbox' extra ({missing} is not installed): "
            f"{INSTALL}",
            name=missing,
        )
        self.missing = missing


def load(module: str) -> ModuleType:
    """Import `module`; :class:`SandboxUnavailableError` when the extra is missing."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        root = (exc.name or "").partition(".")[0]
        if root in EXTRA_MODULES:
            raise SandboxUnavailableError(root) from None
        raise
