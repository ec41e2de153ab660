"""Every Python snippet of the README runs as written, against a sandbox.

Each ```python block is run as a script in its own interpreter, with ``KIMONO_API_KEY`` and
``KIMONO_BASE_URL`` pointing at a sandbox (the snippets read their configuration from the
environment, as the README says an ``InteropClient()`` does); it must exit 0 and print what
it found. The snippets run concurrently.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
from collections.abc import AsyncIterator

import pytest_asyncio

from tests.conftest import ROOT

README = ROOT / "README.md"
SNIPPET = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
API_KEY = "readme-snippets-key"


def snippets() -> list[str]:
    """The README's Python blocks, in order."""
    return SNIPPET.findall(README.read_text(encoding="utf-8"))


@pytest_asyncio.fixture
async def sandbox_url() -> AsyncIterator[str]:
    """A sandbox in its own process (20 tenants), for the snippets' ``InteropClient()``."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "kimono_interop.sandbox", "--port", "0", "--seed", "1",
        "--api-key", API_KEY, "--tenants", "20",
        stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None
    line = (await asyncio.wait_for(process.stdout.readline(), 20)).decode()
    match = re.search(r"(http://127\.0\.0\.1:\d+)", line)
    assert match, line
    try:
        yield match.group(1)
    finally:
        process.terminate()
        await process.wait()


async def run(code: str, base_url: str) -> tuple[int, str, str]:
    env = {**os.environ, "KIMONO_API_KEY": API_KEY, "KIMONO_BASE_URL": base_url}
    env.pop("KIMONO_LOG", None)
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", code, env=env, cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(process.communicate(), 60)
    return process.returncode or 0, out.decode(), err.decode()


def test_the_readme_has_snippets_and_each_runs_a_client() -> None:
    found = snippets()
    assert len(found) >= 6
    for code in found:
        assert "asyncio.run(" in code, code[:80]  # each runs as written, start to end
        assert "InteropClient" in code


async def test_every_readme_snippet_runs_against_the_sandbox(sandbox_url: str) -> None:
    results = await asyncio.gather(*(run(code, sandbox_url) for code in snippets()))
    for code, (status, out, err) in zip(snippets(), results, strict=True):
        assert status == 0, f"snippet failed:\n{code}\n--- stdout\n{out}\n--- stderr\n{err}"
        assert out.strip(), f"snippet printed nothing:\n{code}"


async def test_the_demo_runs_the_quickstart_then_the_overview() -> None:
    """What ``make demo`` runs (the README's first command), start to end."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "scripts" / "run_demo.py"), cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, err.decode()
    text = out.decode()
    assert "Clouds:" in text
    assert "Running a collection schedule:" in text
    _, _, overview = text.partition("$ kimono-interop tenants overview")
    rows = [json.loads(line) for line in overview.splitlines()[1:]]
    assert rows
    assert all(row["attention"] for row in rows)
