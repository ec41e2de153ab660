"""Regenerate generated/kimono_interop_client from openapi/, or check that it is in sync.

Usage: python scripts/generate_client.py [--check]
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "interop-v2.yaml"
CONFIG = ROOT / "openapi" / "config.yaml"
TEMPLATES = ROOT / "openapi" / "templates"
PACKAGE = ROOT / "generated" / "kimono_interop_client"


def generate_into(target: Path) -> None:
    """Run openapi-python-client into `target` and add the py.typed marker."""
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [
        str(bin_dir / "openapi-python-client"),
        "generate",
        "--path", str(SPEC),
        "--config", str(CONFIG),
        "--custom-template-path", str(TEMPLATES),
        "--meta", "none",
        "--output-path", str(target),
    ]  # fmt: skip
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or "Warning" in output or "Error" in output:
        raise SystemExit(f"openapi-python-client failed or warned:\n{output}")
    (target / "py.typed").touch()


def differences(left: Path, right: Path) -> list[str]:
    """Relative paths that differ between two trees (ignoring caches)."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        for name in cmp.left_only + cmp.right_only + cmp.diff_files + cmp.funny_files:
            if name != "__pycache__":
                found.append(prefix + name)
        for name, sub in cmp.subdirs.items():
            if name != "__pycache__":
                walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=["__pycache__"]), "")
    return sorted(found)


def main() -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if generated/ is out of date")
    check = parser.parse_args().check
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "kimono_interop_client"
        generate_into(fresh)
        if check:
            changed = differences(fresh, PACKAGE) if PACKAGE.exists() else ["(missing)"]
            if changed:
                print(
                    "generated/ is out of date; run `make generate`. Differs:", *changed, sep="\n  "
                )
                return 1
            print("generated/ is in sync with openapi/")
            return 0
        shutil.rmtree(PACKAGE, ignore_errors=True)
        shutil.copytree(fresh, PACKAGE)
    print(f"generated {PACKAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
