"""Write docs/api.md, the API reference, from the code: every public name and method with its
signature and the first line of its docstring.

Usage: python scripts/api_reference.py [--check]   (--check fails when docs/api.md is stale)
"""

from __future__ import annotations

import argparse
import inspect
import sys
from collections.abc import Iterator
from pathlib import Path

import kimono_interop
from kimono_interop import ApiKey, InteropClient

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "api.md"
NAMESPACES = ("actors", "clouds", "integrations", "tenants", "tenant", "ingestions")


def first_line(thing: object) -> str:
    """The first paragraph of `thing`'s docstring, on one line."""
    doc = (inspect.getdoc(thing) or "").strip()
    return " ".join(doc.split("\n\n")[0].split()) if doc else ""


def signature(function: object, *, drop_self: bool = True) -> str:
    """`function`'s signature as written in its source (annotations unquoted)."""
    text = str(inspect.signature(function))  # type: ignore[arg-type]
    text = text.replace("'", "")
    if drop_self:
        text = text.replace("(self, ", "(").replace("(self)", "()")
    return text


def methods(cls: type) -> Iterator[tuple[str, object]]:
    """Public methods and properties defined on `cls` or its SDK bases, in source order."""
    seen: set[str] = set()
    for klass in cls.__mro__:
        if klass.__module__.split(".")[0] != "kimono_interop":
            continue
        for name, member in vars(klass).items():
            if (name.startswith("_") and name not in ("__init__",)) or name in seen:
                continue
            seen.add(name)
            yield name, member


def describe_class(cls: type, heading: str, *, constructor: bool = True) -> list[str]:
    """A class's section: its constructor (unless not for users) and each public member."""
    lines = [f"### {heading}", "", first_line(cls), ""]
    for name, member in methods(cls):
        if name == "__init__":
            if not constructor:
                continue
            lines.append(f"- `{cls.__name__}{signature(member)}`")
        elif isinstance(member, property):
            lines.append(f"- `.{name}`: {first_line(member)}")
        elif isinstance(member, staticmethod | classmethod):
            continue
        elif inspect.isfunction(member) or inspect.iscoroutinefunction(member):
            prefix = "await " if inspect.iscoroutinefunction(member) else ""
            lines.append(f"- `{prefix}.{name}{signature(member)}`: {first_line(member)}")
        elif hasattr(member, "__get__") and hasattr(member, "func"):  # cached_property
            lines.append(f"- `.{name}`: {first_line(member)}")
    return [*lines, ""]


def namespace_sections(client: InteropClient) -> list[str]:
    """Each namespace (and the namespaces under it), as ``interop.<path>``."""
    lines: list[str] = []
    queue: list[tuple[str, object]] = [(name, getattr(client, name)) for name in NAMESPACES]
    while queue:
        path, namespace = queue.pop(0)
        lines += describe_class(type(namespace), f"`interop.{path}`", constructor=False)
        for name, child in vars(namespace).items():
            if not name.startswith("_") and type(child).__module__.startswith(
                "kimono_interop.resources"
            ):
                queue.append((f"{path}.{name}", child))
    return lines


def public_base(cls: type) -> type:
    """`cls`, or its first ancestor whose name is public."""
    return next(b for b in cls.__mro__ if not b.__name__.startswith("_"))


def render() -> str:
    """The whole reference."""
    client = InteropClient(auth=ApiKey("reference-key"), base_url="https://api.example.com")
    exported = sorted(kimono_interop.__all__)
    lines = [
        "# API reference",
        "",
        "Generated from the code by `scripts/api_reference.py` (`make api-docs`); a test fails",
        "when it is stale. The public API is what `kimono_interop` exports; models are in",
        "`kimono_interop.models`, other transports in `kimono_interop.transports`, the emulator",
        "in `kimono_interop.sandbox`.",
        "",
        "## The client",
        "",
        *describe_class(InteropClient, "`InteropClient`"),
        "## Namespaces",
        "",
        *namespace_sections(client),
        "## Everything `kimono_interop` exports",
        "",
    ]
    for name in exported:
        value = getattr(kimono_interop, name)
        if inspect.isclass(value):
            bases = ", ".join(public_base(b).__name__ for b in value.__bases__ if b is not object)
            lines.append(f"- `{name}`{f' ({bases})' if bases else ''}: {first_line(value)}")
        elif not name.startswith("__"):
            lines.append(f"- `{name}` = `{value!r}`")
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if docs/api.md is stale")
    text = render()
    if parser.parse_args().check:
        if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
            print("docs/api.md is stale: run `make api-docs`", file=sys.stderr)
            return 1
        return 0
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
