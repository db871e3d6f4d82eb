"""Our own sentences per actor construction all code as intended (the file is ours)."""

from __future__ import annotations

import pytest

from communique.evaluate.constructions import evaluate_constructions, load_constructions

pytestmark = pytest.mark.model


def test_every_construction_has_sentences_and_checks() -> None:
    sentences = load_constructions()
    assert len({s.construction for s in sentences}) >= 15
    assert all(s.expect or s.absent for s in sentences)


def test_every_construction_codes_as_intended() -> None:
    report = evaluate_constructions()
    assert report.total >= 30
    assert report.failures == ()
    assert "document focus" in report.render()
