"""`make demo`: start the local sandbox and run examples/quickstart.py against it."""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from pathlib import Path

from kimono_interop.sandbox import run_sandbox

QUICKSTART = Path(__file__).resolve().parent.parent / "examples" / "quickstart.py"


async def demo() -> None:
    """Serve a seeded sandbox on a free loopback port and run the quickstart against it."""
    spec = importlib.util.spec_from_file_location("quickstart", QUICKSTART)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {QUICKSTART}")
    quickstart = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(quickstart)
    async with run_sandbox(seed=1) as sandbox:
        print(f"Sandbox serving the Interop API at {sandbox.base_url}\n")
        await quickstart.main(sandbox.base_url, sandbox.api_key)


if __name__ == "__main__":
    asyncio.run(demo())
    sys.exit(0)
