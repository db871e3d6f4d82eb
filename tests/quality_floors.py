"""The rules of the quality gate's floors file (tests/golden/quality_floors.json).

Each entry is keyed by a suite set name (``events/plover``) and holds the sha256 of its gold
file, the split it was measured on, the floors, and the reason written for any floor that
was ever lowered. Importable from any test as ``quality_floors``.
"""

from __future__ import annotations

import math
from typing import Any

# Rounding slack: the same code gives the same figure; this only absorbs float noise.
SLACK = 1e-9


class FloorError(Exception):
    """A floor would go down without a written reason, or an entry is malformed."""


def pin(value: float) -> float:
    """A figure as a floor: cut (never rounded up) to four decimals."""
    return math.floor(value * 10_000) / 10_000


def below_floors(entry: dict[str, Any], figures: dict[str, float | None]) -> dict[str, Any]:
    """The gated figures under their floors, as ``{name: (measured, floor)}``."""
    low: dict[str, Any] = {}
    for name, floor in entry["floors"].items():
        value = figures.get(name)
        if value is None or value + SLACK < floor:
            low[name] = (value, floor)
    return low


def updated_entry(
    entry: dict[str, Any] | None,
    figures: dict[str, float | None],
    names: tuple[str, ...],
    digest: str,
    split: str,
    lower_reason: str | None,
) -> dict[str, Any]:
    """The entry re-pinned to the measured figures.

    Floors rise freely. A floor goes down only with ``lower_reason``, which is written beside
    it under ``reasons``; without one a lower figure raises :class:`FloorError` naming it.
    """
    old_floors = dict(entry["floors"]) if entry else {}
    reasons = dict(entry.get("reasons") or {}) if entry else {}
    floors: dict[str, float] = {}
    for name in names:
        value = figures.get(name)
        if value is None:
            raise FloorError(f"{name}: no figure measured; cannot pin a floor")
        new = pin(value)
        old = old_floors.get(name)
        if old is not None and new + SLACK < old:
            if not lower_reason:
                raise FloorError(
                    f"{name} would fall from {old} to {new}: rerun with "
                    "--lower-floors 'REASON' to lower it, and give the reason in docs/quality.md"
                )
            reasons[name] = f"{old} -> {new}: {lower_reason}"
        floors[name] = new
    return {"sha256": digest, "split": split, "floors": floors, "reasons": reasons}
