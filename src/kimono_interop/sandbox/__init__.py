"""A local, stateful emulator of the Kimono Interop API v2 (install ``kimono-interop[sandbox]``).

Every operation of the API plus ``POST /oauth/token``, over seeded in-memory data, with the
documented rules, paging, and knobs for latency and faults. Start it from Python with
:func:`run_sandbox`, or from the shell::

    python -m kimono_interop.sandbox --port 8765 --seed 1
"""

from kimono_interop.sandbox.app import TOKEN_OPERATION, create_app
from kimono_interop.sandbox.operations import OPERATIONS, Operation
from kimono_interop.sandbox.server import SandboxHandle, run_sandbox
from kimono_interop.sandbox.state import Knobs, SandboxState

__all__ = [
    "OPERATIONS",
    "TOKEN_OPERATION",
    "Knobs",
    "Operation",
    "SandboxHandle",
    "SandboxState",
    "create_app",
    "run_sandbox",
]
