"""What the repository ships besides code stays true: the API reference matches the code, the
package metadata is complete, and the generator's templates we override are still the ones we
forked (an upgrade of openapi-python-client then shows up as a three-way merge to make)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import openapi_python_client
import pytest

from kimono_interop import __version__
from tests.conftest import ROOT

UPSTREAM = ROOT / "openapi" / "templates" / "upstream"
INSTALLED = Path(openapi_python_client.__file__).parent / "templates"


def test_the_api_reference_is_up_to_date() -> None:
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "scripts" / "api_reference.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_package_metadata_is_complete() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["dynamic"] == ["version"]  # one source: src/kimono_interop/_version.py
    assert project["license"] == "MIT"
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert project["urls"]
    assert any(
        c.startswith("Programming Language :: Python :: 3.11") for c in project["classifiers"]
    )
    assert "dev" not in project.get("optional-dependencies", {})  # a dependency group instead
    assert f"## {__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(p.name for p in UPSTREAM.glob("*.jinja")))
def test_the_upstream_templates_we_override_are_the_installed_generators(name: str) -> None:
    """openapi/templates/upstream/ holds the pristine templates of the pinned generator for each
    one we override: when an upgrade changes them, merge the change into ours and copy the new
    upstream file here."""
    assert (ROOT / "openapi" / "templates" / name).exists(), f"{name} is not overridden"
    installed = (INSTALLED / name).read_text(encoding="utf-8")
    assert (UPSTREAM / name).read_text(encoding="utf-8") == installed, (
        f"openapi-python-client's {name} changed: merge it into openapi/templates/{name}"
    )


def test_every_overridden_upstream_template_has_its_pristine_copy() -> None:
    ours = {p.name for p in (ROOT / "openapi" / "templates").glob("*.jinja")}
    upstream_names = {p.name for p in INSTALLED.glob("*.jinja")}
    assert ours & upstream_names == {p.name for p in UPSTREAM.glob("*.jinja")}
