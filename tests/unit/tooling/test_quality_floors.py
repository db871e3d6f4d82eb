"""The quality gate's floor rules: raise freely, lower only with a written reason."""

from __future__ import annotations

import pytest

from quality_floors import FloorError, below_floors, pin, updated_entry


def test_pin_never_rounds_up() -> None:
    assert pin(0.87579) == 0.8757
    assert pin(1.0) == 1.0


def test_floors_rise_without_a_reason() -> None:
    old = {"sha256": "a", "split": "check", "floors": {"f1": 0.5}, "reasons": {}}
    new = updated_entry(old, {"f1": 0.61234}, ("f1",), "b", "check", None)
    assert new == {"sha256": "b", "split": "check", "floors": {"f1": 0.6123}, "reasons": {}}


def test_lowering_a_floor_is_refused_without_a_reason() -> None:
    old = {"sha256": "a", "split": "check", "floors": {"f1": 0.5}}
    with pytest.raises(FloorError, match=r"f1 would fall from 0\.5 to 0\.4.*--lower-floors"):
        updated_entry(old, {"f1": 0.4}, ("f1",), "a", "check", None)


def test_lowering_a_floor_writes_the_reason_beside_it() -> None:
    old = {"sha256": "a", "split": "check", "floors": {"f1": 0.5, "g": 0.2}, "reasons": {}}
    new = updated_entry(old, {"f1": 0.4, "g": 0.3}, ("f1", "g"), "a", "check", "new gold set")
    assert new["floors"] == {"f1": 0.4, "g": 0.3}
    assert new["reasons"] == {"f1": "0.5 -> 0.4: new gold set"}


def test_a_missing_figure_cannot_be_pinned_and_fails_the_gate() -> None:
    with pytest.raises(FloorError, match="no figure"):
        updated_entry(None, {"f1": None}, ("f1",), "a", "check", None)
    entry = {"floors": {"f1": 0.5, "g": 0.2}}
    assert below_floors(entry, {"f1": 0.49, "g": 0.2}) == {"f1": (0.49, 0.5)}
    assert below_floors(entry, {"g": 0.3}) == {"f1": (None, 0.5)}
