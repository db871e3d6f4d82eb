"""Shared fixtures: the shared data folder (optional) and the real spaCy pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The team's shared data folder; tests that need it skip cleanly when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The real, checked spaCy pipeline (loaded once per session)."""
    from communique.annotate import load_pipeline

    return load_pipeline()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/* from the current output (review the diff before committing).",
    )
    parser.addoption(
        "--lower-floors",
        metavar="REASON",
        default=None,
        help="With --update-golden: allow quality floors to go down, writing REASON beside each "
        "lowered floor in tests/golden/quality_floors.json (without it, a lower figure fails).",
    )
