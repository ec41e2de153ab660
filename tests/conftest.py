"""Shared test fixtures and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi" / "interop-v2.yaml"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "default_pool: a fault test of how the SDK builds its own pool (never another transport)",
    )


def pytest_report_header() -> str:
    from tests.transports import CHOSEN

    return f"transport under test: {CHOSEN} (KIMONO_TEST_TRANSPORT)"
