"""Quality gate: figures on the check halves of the gold sets may not fall below their floors.

Floors live in tests/golden/quality_floors.json with the sha256 of each gold file and the
split they were measured on (check; the one seed article is scored whole). The figures come
from the same code as ``communique eval all`` (:func:`communique.evaluate.suite.run_suite`).

* A changed gold file fails (it would silently move the bar): re-pin on purpose with
  ``--update-golden`` and review the diff.
* ``--update-golden`` raises floors; it refuses to lower one unless ``--lower-floors REASON``
  is given, and then writes the reason beside the floor (and it belongs in docs/quality.md).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from communique.evaluate.articles import ARTICLES_DEV
from communique.evaluate.suite import SUITE, run_suite
from quality_floors import FloorError, below_floors, updated_entry

pytestmark = [pytest.mark.model, pytest.mark.slow]
FLOORS = Path(__file__).resolve().parents[1] / "golden" / "quality_floors.json"
# What is gated: suite set name -> figure names.
GATES: dict[str, tuple[str, ...]] = {
    "extraction/fundus": ("body F1",),
    "extraction/wcxb": ("body F1",),
    "actors/seed": ("code", "role"),
    "actors/plover": ("found: all", "country", "sector", "dyad: both coded"),
    "actors/conflibert": ("found: all", "dyad: both coded"),
    "events/seed": ("recall (required)", "precision (all coded)"),
    "events/plover": ("type accuracy", "dyad F1"),
    "events/conflibert": ("class accuracy",),
    "events/cameo-examples": ("root accuracy",),
    "events/articles": (
        "both actors coded (required)",
        "recall (required)",
        "precision (all coded)",
        "precision (dyadic coded)",
    ),
    "quotes/polnear": ("direct speaker F1 (head)", "named direct speaker right"),
    **{
        f"geo/{name}": (
            "resolution: accuracy@161km",
            "end to end: precision",
            "end to end: recall (GPE/LOC)",
            "end to end: accuracy@161km",
        )
        for name in ("lgl", "geovirus", "gwn", "trnews")
    },
}
_PATHS = {item.name: item.path for item in SUITE}


def _digest(shared_data: Path, name: str) -> str:
    digest = hashlib.sha256((shared_data / _PATHS[name]).read_bytes())
    if name == "events/articles":  # the corpus text and our annotations of it
        digest.update(ARTICLES_DEV.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize("name", list(GATES))
def test_quality_gate_figures_stay_above_their_floors(
    shared_data: Path, request: pytest.FixtureRequest, name: str
) -> None:
    names = GATES[name]
    result = run_suite(shared_data, "check", only=[name])
    entry_result = result["sets"][name]
    figures: dict[str, float | None] = entry_result["metrics"]
    floors: dict[str, Any] = json.loads(FLOORS.read_text(encoding="utf-8"))
    digest = _digest(shared_data, name)
    if request.config.getoption("--update-golden"):
        try:
            floors[name] = updated_entry(
                floors.get(name),
                figures,
                names,
                digest,
                entry_result["split"],
                request.config.getoption("--lower-floors"),
            )
        except FloorError as exc:
            pytest.fail(f"{name}: {exc}")
        FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    assert name in floors, f"{name} has no floors yet: run with --update-golden"
    pinned = floors[name]
    assert pinned["sha256"] == digest, (
        f"{_PATHS[name]} changed since its floors were pinned: review the change, then "
        "re-pin with --update-golden"
    )
    assert pinned["split"] == entry_result["split"]
    low = below_floors(pinned, figures)
    assert not low, f"{name}: figures below their floors (measured, floor): {low}"
