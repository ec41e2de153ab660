"""The contributing checklist, checked: every operation of the spec is generated, reached by the
facade (a typed call of its generated ``build_request``), served by the sandbox, and walked by
``tests/facade/test_every_operation.py``.

Adding an operation (README, "Contributing") is: describe it in the spec, ``make generate``,
call it from a namespace in ``resources/``, serve it in ``sandbox/handlers/``, add its step to
the walk. Leave one out and a test here names it.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from functools import cache

import kimono_interop_client.api as generated_api
import pytest
import yaml

from kimono_interop.sandbox import OPERATIONS, TOKEN_OPERATION
from tests.conftest import ROOT, SPEC_PATH
from tests.facade.test_every_operation import OPERATIONS_WALKED

FACADE = ROOT / "src" / "kimono_interop"


@cache
def spec_operations() -> frozenset[str]:
    """Every operationId of the spec."""
    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return frozenset(
        operation["operationId"]
        for item in spec["paths"].values()
        for method, operation in item.items()
        if method in {"get", "put", "post", "patch", "delete"}
    )


@cache
def generated_operations() -> dict[str, str]:
    """Operation id -> the generated endpoint module's name."""
    found: dict[str, str] = {}
    for info in pkgutil.walk_packages(generated_api.__path__, f"{generated_api.__name__}."):
        module = importlib.import_module(info.name)
        operation = getattr(module, "OPERATION_ID", None)
        if isinstance(operation, str):
            found[operation] = info.name.rsplit(".", 1)[1]
    return found


@cache
def facade_calls() -> frozenset[str]:
    """Generated modules whose build_request the hand-written SDK calls."""
    called: set[str] = set()
    for path in FACADE.rglob("*.py"):
        if "sandbox" in path.parts or "cli" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr == "build_request"
                and isinstance(node.value, ast.Name)
            ):
                called.add(node.value.id)
    return frozenset(called)


def test_the_spec_has_the_documented_operations_and_the_token_endpoint() -> None:
    assert len(spec_operations()) == 52
    assert TOKEN_OPERATION in spec_operations()


@pytest.mark.parametrize("operation", sorted(spec_operations()))
def test_every_step_of_the_checklist_is_done(operation: str) -> None:
    module = generated_operations().get(operation)
    assert module is not None, f"{operation}: not generated (make generate)"
    assert module in facade_calls(), f"{operation}: no facade method calls {module}.build_request"
    served = {op.operation_id for op in OPERATIONS} | {TOKEN_OPERATION}
    assert operation in served, f"{operation}: the sandbox does not serve it"
    assert operation in OPERATIONS_WALKED, f"{operation}: no step in test_every_operation.py"


def test_nothing_is_left_over() -> None:
    assert set(generated_operations()) == spec_operations()
    assert {op.operation_id for op in OPERATIONS} | {TOKEN_OPERATION} == spec_operations()
    assert spec_operations() == OPERATIONS_WALKED
