"""`make demo`: start the local sandbox, run examples/quickstart.py against it, then the CLI's
fleet overview of one integration's tenants that need attention (``kimono-interop tenants
overview``)."""

from __future__ import annotations

import asyncio
import importlib.util
import os
import sys
from pathlib import Path

from kimono_interop.sandbox import run_sandbox

QUICKSTART = Path(__file__).resolve().parent.parent / "examples" / "quickstart.py"
OVERVIEW = (
    "tenants", "overview", "--needs-attention", "--integration", "nurse-desk", "--fields", "name,attention"
)  # fmt: skip


async def demo() -> int:
    """Serve a seeded sandbox on a free loopback port; run the quickstart, then the overview."""
    spec = importlib.util.spec_from_file_location("quickstart", QUICKSTART)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {QUICKSTART}")
    quickstart = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(quickstart)
    async with run_sandbox(seed=1) as sandbox:
        print(f"Sandbox serving the Interop API at {sandbox.base_url}\n")
        await quickstart.main(sandbox.base_url, sandbox.api_key)
        print(f"\n$ kimono-interop {' '.join(OVERVIEW)}", flush=True)
        # The key goes through the environment, never the command line (process lists show it).
        env = {**os.environ, "KIMONO_API_KEY": sandbox.api_key, "KIMONO_BASE_URL": sandbox.base_url}
        cli = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "kimono_interop.cli", *OVERVIEW, env=env
        )
        return await cli.wait()


if __name__ == "__main__":
    sys.exit(asyncio.run(demo()))
