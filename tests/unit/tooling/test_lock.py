"""The installed environment equals the lock (issue 11): the install is a closed, pinned set."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[3]


def _check_lock() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_lock", ROOT / "tools" / "check_lock.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lock_installed_set_equals_pins() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "check_lock.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_lock_every_pin_is_exact_and_hashed() -> None:
    """Each entry of the closure has `==` and at least one sha256, so `--no-deps` can take it."""
    for name in ("bootstrap.txt", "lock.txt", "model.lock"):
        text = (ROOT / "requirements" / name).read_text(encoding="utf-8")
        entries = [
            block
            for block in text.replace("\\\n", " ").splitlines()
            if block.strip() and not block.lstrip().startswith("#")
        ]
        assert entries, name
        for entry in entries:
            assert "==" in entry.split()[0], f"{name}: not pinned exactly: {entry[:60]}"
            assert "--hash=sha256:" in entry, f"{name}: no hash: {entry[:60]}"


def test_lock_differences_name_missing_extra_and_changed() -> None:
    module = _check_lock()
    problems = module.differences(
        {"lxml": "6.1.3", "justext": "3.0.2"},
        {"lxml": "6.2.0", "communique": "0.1.0", "leftpad": "1.0"},
    )
    assert problems == [
        "missing: justext==3.0.2 is pinned but not installed",
        "version: lxml is 6.2.0, the lock pins 6.1.3",
        "extra: leftpad==1.0 is installed but not in the lock",
    ]


def test_lock_names_are_compared_in_normal_form() -> None:
    module = _check_lock()
    assert module.canonical("Lxml_HTML.Clean") == "lxml-html-clean"
    assert module.differences({"lxml-html-clean": "0.4.6"}, {"lxml-html-clean": "0.4.6"}) == []
