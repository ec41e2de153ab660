"""A local, stateful emulator of the Kimono Interop API v2 (install ``kimono-interop[sandbox]``).

Every operation of the API plus ``POST /oauth/token``, over seeded in-memory data, with the
documented rules, paging, and knobs for latency and faults. Start it from Python with
:func:`run_sandbox`, or from the shell::

    python -m kimono_interop.sandbox --port 8765 --seed 1

Serving needs the ``sandbox`` extra (Starlette and uvicorn). Without it, the state and seeding
(:class:`SandboxState`, :class:`Knobs`) still import, and every name that serves
(:func:`run_sandbox`, :data:`OPERATIONS`, ...) raises :class:`SandboxUnavailableError`, an
``ImportError`` whose message says ``pip install 'kimono-interop[sandbox]'``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kimono_interop.sandbox._extra import SandboxUnavailableError, load
from kimono_interop.sandbox.state import Knobs, SandboxState

if TYPE_CHECKING:
    from kimono_interop.sandbox.app import TOKEN_OPERATION, create_app
    from kimono_interop.sandbox.operations import OPERATIONS, Operation
    from kimono_interop.sandbox.server import ListenError, SandboxHandle, run_sandbox

__all__ = [
    "OPERATIONS",
    "TOKEN_OPERATION",
    "Knobs",
    "ListenError",
    "Operation",
    "SandboxHandle",
    "SandboxState",
    "SandboxUnavailableError",
    "create_app",
    "run_sandbox",
]

_SERVING = {
    "OPERATIONS": "kimono_interop.sandbox.operations",
    "Operation": "kimono_interop.sandbox.operations",
    "TOKEN_OPERATION": "kimono_interop.sandbox.app",
    "create_app": "kimono_interop.sandbox.app",
    "ListenError": "kimono_interop.sandbox.server",
    "SandboxHandle": "kimono_interop.sandbox.server",
    "run_sandbox": "kimono_interop.sandbox.server",
}
"""The names that need the extra, and their modules (imported on first use)."""


def __getattr__(name: str) -> Any:
    module = _SERVING.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(load(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
