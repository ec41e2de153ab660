"""``scripts/bench.py`` still runs: every figure at tiny sizes against the stub, no timing asserted.

The benchmark's numbers are only meaningful from ``make bench``; this test proves the harness,
the stub and the SDK calls they make still fit together (and that the tables and JSON render).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import sys
from types import ModuleType

from tests.conftest import ROOT


def load_bench() -> ModuleType:
    """``scripts/bench.py`` as a module (scripts/ is not a package)."""
    name = "kimono_bench_script"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "bench.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


async def test_every_figure_runs_at_tiny_sizes() -> None:
    bench = load_bench()
    tiny = dataclasses.replace(
        bench.QUICK,
        label="tiny",
        get_requests=3,
        cpu_rounds=1,
        fan_out=3,
        fan_out_large=6,
        fan_out_rounds=1,
        walk_rounds=1,
        walk_pages=4,
        burst=4,
        burst_latency=0.005,
        latency=0.001,
        import_rounds=1,
        tenant_calls=5,
        tenant_rounds=1,
        transport_rounds=1,
        transport_fan_out=3,
        warm_tenants=0,
        warmup=False,
        collect=False,
    )
    figures = bench.select(["get", "page", "3", "pagination", "5", "startup", "transports"])
    assert figures == ["1", "2", "3", "4", "5", "6", "7"]

    results = await bench.run(tiny, figures, log=False)

    failed = [r for r in results if r.name.endswith("failed")]
    assert not failed, [r.note for r in failed]
    assert {r.figure for r in results} == set(figures)
    for result in results:
        assert result.ok is None or isinstance(result.ok, bool)
        assert (result.goal is None) == (result.ok is None) == (result.comparison == "")
    transports = {r.transport for r in results if r.table == "transports"}
    assert {"raw httpx", "default", "httpx"} <= transports
    text = bench.render(results, tiny)
    assert "make bench (tiny run)" in text
    assert "transports: SDK/raw httpx" in text
    json.dumps([dataclasses.asdict(r) for r in results])
