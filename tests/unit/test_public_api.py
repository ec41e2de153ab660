"""The public API: what ``kimono_interop`` exports, loaded on first use."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys

import pytest

import kimono_interop
from tests.conftest import ROOT

INIT = ROOT / "src" / "kimono_interop" / "__init__.py"


def type_checking_imports() -> dict[str, str]:
    """Name -> module of the imports type checkers see in ``__init__.py``."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    [block] = [
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    ]
    return {
        alias.name: str(node.module)
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def test_every_export_is_listed_once_for_runtime_and_once_for_type_checkers() -> None:
    exports = dict(kimono_interop._EXPORTS)
    assert type_checking_imports() == exports
    assert set(kimono_interop.__all__) == {*exports, "__version__"}
    assert len(kimono_interop.__all__) == len(set(kimono_interop.__all__))


def test_every_export_is_the_object_of_its_module() -> None:
    for name, module in kimono_interop._EXPORTS.items():
        assert getattr(kimono_interop, name) is getattr(importlib.import_module(module), name)
    assert set(dir(kimono_interop)) >= set(kimono_interop.__all__)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'InteropClent'"):
        kimono_interop.InteropClent  # type: ignore[attr-defined]  # noqa: B018


def test_importing_the_package_loads_no_client_until_a_name_is_used() -> None:
    probe = (
        "import sys, kimono_interop, kimono_interop.cli\n"
        "before = sorted(m for m in sys.modules if m.startswith(('httpx', 'kimono_interop.')))\n"
        "from kimono_interop import InteropClient\n"
        "print(before, 'kimono_interop._client' in sys.modules)"
    )
    command = [sys.executable, "-c", probe]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    assert out.strip() == "['kimono_interop._version', 'kimono_interop.cli'] True", out
