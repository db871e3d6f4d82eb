"""Quality gate: measured figures on the gold sets may not fall below their pinned floors.

Floors live in tests/golden/quality_floors.json together with the sha256 of each gold file,
so a changed gold set is noticed instead of silently moving the bar. A change that lowers a
figure needs a reason: rerun with ``--update-golden`` only after writing that reason in the
commit message and in docs/quality.md, and review the diff of the floors file.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path
from typing import Any

import pytest

from communique.evaluate import evaluate_actors, evaluate_events

pytestmark = pytest.mark.model
FLOORS = Path(__file__).resolve().parents[1] / "golden" / "quality_floors.json"
# What is gated: (harness, gold file under ../shared/data, format, figure names).
GATES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("events", "seed/expected.json", "seed", ("recall (required)", "precision (all coded)")),
    ("events", "dev/plover_gsr_dev.jsonl", "plover", ("type accuracy", "dyad F1")),
    ("events", "reference/cameo_codes.csv", "cameo-examples", ("root accuracy",)),
    ("actors", "seed/expected.json", "seed", ("code", "role")),
    ("actors", "dev/plover_gsr_dev.jsonl", "plover", ("found: all", "sector")),
)
# Rounding slack: the same code gives the same figure; this only absorbs float noise.
SLACK = 1e-9


def _figures(harness: str, path: Path, fmt: str) -> dict[str, float]:
    if harness == "events":
        metrics = evaluate_events(path, fmt).to_dict()["metrics"]  # type: ignore[arg-type]
        return {m["name"]: m["value"] for m in metrics if m["value"] is not None}
    fields = evaluate_actors(path, fmt).to_dict()["fields"]  # type: ignore[arg-type]
    return {f["name"]: f["accuracy"] for f in fields if f["accuracy"] is not None}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(("harness", "gold", "fmt", "names"), GATES)
def test_quality_gate_figures_stay_above_their_floors(
    shared_data: Path,
    request: pytest.FixtureRequest,
    harness: str,
    gold: str,
    fmt: str,
    names: tuple[str, ...],
) -> None:
    path = shared_data / gold
    key = f"{harness}:{gold}:{fmt}"
    floors: dict[str, Any] = json.loads(FLOORS.read_text(encoding="utf-8"))
    figures = _figures(harness, path, fmt)
    if request.config.getoption("--update-golden"):
        pinned_now = {n: math.floor(figures[n] * 10_000) / 10_000 for n in names}  # never above
        floors[key] = {"sha256": _digest(path), "floors": pinned_now}
        FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    pinned = floors[key]
    if pinned["sha256"] != _digest(path):
        pytest.skip(f"{gold} changed since its floors were pinned; review and re-pin them")
    low = {n: (figures[n], f) for n, f in pinned["floors"].items() if figures[n] + SLACK < f}
    assert not low, f"figures below their floors (measured, floor): {low}"
