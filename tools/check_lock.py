"""Prove that the installed environment is exactly the lock: nothing missing, nothing extra.

Reads the pinned requirement files (bootstrap, lock, model lock), compares their names and
versions with what `importlib.metadata` sees in the running interpreter, and exits 1 with one
line per difference. The project itself (installed editable) is the only distribution allowed
beyond the pins. Run by `make` after every install and by the test suite.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PINNED_FILES = ("requirements/bootstrap.txt", "requirements/lock.txt", "requirements/model.lock")
OWN_DISTRIBUTIONS = frozenset({"communique"})
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


def canonical(name: str) -> str:
    """PEP 503 normal form of a distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(root: Path = ROOT) -> dict[str, str]:
    """Every `name==version` line of the pinned files, by canonical name."""
    pins: dict[str, str] = {}
    for relative in PINNED_FILES:
        for line in (root / relative).read_text(encoding="utf-8").splitlines():
            match = _PIN.match(line)
            if match:
                pins[canonical(match.group(1))] = match.group(2)
    return pins


def installed() -> dict[str, str]:
    """Name and version of every distribution the running interpreter can import."""
    found: dict[str, str] = {}
    for dist in metadata.distributions():
        name = dist.metadata["Name"]
        if name:
            found[canonical(name)] = dist.version
    return found


def differences(pins: dict[str, str], present: dict[str, str]) -> list[str]:
    """One readable line per package that is missing, extra or at another version."""
    problems: list[str] = []
    for name, version in sorted(pins.items()):
        if name not in present:
            problems.append(f"missing: {name}=={version} is pinned but not installed")
        elif present[name] != version:
            problems.append(f"version: {name} is {present[name]}, the lock pins {version}")
    for name, version in sorted(present.items()):
        if name not in pins and name not in OWN_DISTRIBUTIONS:
            problems.append(f"extra: {name}=={version} is installed but not in the lock")
    return problems


def main() -> int:
    problems = differences(read_pins(), installed())
    for problem in problems:
        print(f"check_lock: {problem}", file=sys.stderr)
    if problems:
        print(
            f"check_lock: the environment differs from {', '.join(PINNED_FILES)}; "
            "run 'make clean' and then the make target again",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
