"""Issue 5 acceptance on the seed article: direct quotes of Stoltenberg, indirect ones found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.evaluate.quotes import evaluate_quotes, starts_alike
from communique.pipeline import code_paths, is_coded
from communique.quotes import find_quotes
from communique.records import Quote

pytestmark = pytest.mark.model


def _seed_quotes(shared_data: Path) -> tuple[dict, tuple[Quote, ...]]:  # type: ignore[type-arg]
    seed = shared_data / "seed"
    expected = json.loads((seed / "expected.json").read_text(encoding="utf-8"))
    (outcome,) = list(code_paths([str(seed / expected["document"])]))
    assert is_coded(outcome)
    assert outcome.article is not None and outcome.annotation is not None
    return expected, find_quotes(outcome.article, outcome.annotation, outcome.actors)


def test_seed_quotes_direct_quotes_are_stoltenbergs(shared_data: Path) -> None:
    expected, quotes = _seed_quotes(shared_data)
    direct = [q for q in quotes if q.kind == "direct"]
    gold = [q for q in expected["quotes"] if q["kind"] == "direct"]
    assert len(direct) == len(gold) == 3
    for quote, reference in zip(direct, gold, strict=True):
        assert starts_alike(quote.text, reference["starts_with"])
        assert quote.speaker is not None
        assert (quote.speaker.name, quote.speaker.code) == ("Jens Stoltenberg", "IGOWSTNAT")
        assert quote.cue in {"said", "added"}


def test_seed_quotes_indirect_quotes_are_found_with_their_speakers(shared_data: Path) -> None:
    expected, quotes = _seed_quotes(shared_data)
    indirect = [q for q in quotes if q.kind == "indirect"]
    for reference in (q for q in expected["quotes"] if q["kind"] == "indirect"):
        found = [q for q in indirect if starts_alike(q.text, reference["starts_with"])]
        assert found, reference["starts_with"]
        assert found[0].speaker is not None and found[0].speaker.name == reference["speaker"]


def test_seed_quotes_evaluation_marks_every_quote_right(shared_data: Path) -> None:
    report = evaluate_quotes(shared_data / "seed" / "expected.json", "seed")
    assert report.seed_rows and all(
        row.found and row.speaker_right and row.code_right for row in report.seed_rows
    )
