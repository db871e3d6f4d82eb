"""Extraction evaluation: token overlap, title and date matching, and the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.evaluate import ExtractionReport, evaluate_extraction
from communique.evaluate.extraction import (
    body_overlap,
    load_gold,
    same_day,
    title_matches,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "extract"
BORDER_TEXT = (
    "The interior ministers of Norland and Estavia signed an agreement on Tuesday to run joint "
    "patrols along their shared border, officials in the Valdorian capital said after a day of "
    "talks.\n\nUnder the accord, mixed teams of border guards will patrol the forest crossings "
    "from September, and both governments will review the arrangement after one year."
)


def test_body_overlap_counts_a_bag_of_words() -> None:
    # prediction: the×2 cat sat on mat (6 tokens); gold: the cat sat (3); common: 3
    overlap = body_overlap("The cat sat on the mat.", "the cat sat")
    assert overlap.precision == pytest.approx(0.5)
    assert overlap.recall == pytest.approx(1.0)
    assert overlap.f1 == pytest.approx(2 / 3)


def test_body_overlap_is_a_multiset_intersection() -> None:
    overlap = body_overlap("a a a b", "a b b")
    # common: a×1, b×1 → 2 of 4 predicted, 2 of 3 gold
    assert overlap.precision == pytest.approx(0.5)
    assert overlap.recall == pytest.approx(2 / 3)
    assert overlap.f1 == pytest.approx(4 / 7)


def test_body_overlap_ignores_case_and_punctuation() -> None:
    shouted = body_overlap("Hello, WORLD!", "hello world")
    assert shouted == body_overlap("hello world", "hello world")
    assert shouted.f1 == pytest.approx(1.0)


def test_body_overlap_empty_prediction_has_no_precision_and_zero_recall() -> None:
    overlap = body_overlap("", "some gold text")
    assert overlap.precision is None
    assert overlap.recall == 0.0
    assert overlap.f1 == 0.0


def test_body_overlap_disjoint_texts_score_zero() -> None:
    overlap = body_overlap("alpha beta", "gamma delta")
    assert (overlap.precision, overlap.recall, overlap.f1) == (0.0, 0.0, 0.0)


def test_title_matches_exact_after_whitespace_and_fuzzy_by_ratio() -> None:
    assert title_matches("Talks  resume ", "Talks resume") == (True, True)
    assert title_matches("Minister’s talks resume", "Minister's talks resume") == (False, True)
    assert title_matches("Talks resume - Example News", "Talks resume") == (False, False)
    assert title_matches(None, "Talks resume") == (False, False)


def test_same_day_compares_calendar_days() -> None:
    assert same_day("2024-06-19T09:12", "2024-06-19")
    assert same_day("2024-06-19", "2024-06-19 23:00:00")
    assert not same_day("2024-06-18T23:59", "2024-06-19")
    assert not same_day(None, "2024-06-19")
    assert not same_day("2015-11-03", "2015-11")  # a gold date without a day is not scored


def _write_gold(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    border = (FIXTURES / "border_patrols.html").read_text(encoding="utf-8")
    sections = (FIXTURES / "sections.html").read_text(encoding="utf-8")
    return _write_gold(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "border",
                "html": border,
                "text": BORDER_TEXT,
                "title": "Norland and Estavia agree joint border patrols",
                "date": "2024-06-19",
            },
            {"id": "sections", "html": sections, "text": "", "title": "World news", "date": ""},
        ],
    )


def test_evaluate_extraction_scores_both_systems_on_the_same_pages(gold: Path) -> None:
    report = evaluate_extraction(gold)
    assert isinstance(report, ExtractionReport)
    assert (report.pages, report.body_pages, report.dated_pages) == (2, 1, 1)
    ours, theirs = report.systems
    assert (ours.system, theirs.system) == ("communique", "trafilatura")
    assert ours.body_recall == pytest.approx(1.0)
    assert ours.title_exact == pytest.approx(0.5)  # the index page's title is not its <h1>
    assert ours.date_accuracy == pytest.approx(1.0)
    assert ours.empty == 1  # the navigation page is rejected (no-body)
    assert theirs.body_recall == pytest.approx(1.0)
    assert ours.pages_per_second > 0 and theirs.pages_per_second > 0


def test_evaluate_extraction_limit_scores_the_first_pages(gold: Path) -> None:
    report = evaluate_extraction(gold, limit=1)
    assert report.pages == 1
    assert report.systems[0].empty == 0


def test_extraction_report_renders_a_metric_by_system_table(gold: Path) -> None:
    report = evaluate_extraction(gold)
    lines = report.render().splitlines()
    assert lines[1].split() == ["metric", "communique", "trafilatura"]
    labels = [line.split("  ")[0] for line in lines[2:]]
    assert labels[:3] == ["body precision", "body recall", "body F1"]
    assert any(line.startswith("date accuracy (same day)") for line in lines)
    assert any(line.startswith("pages/s") for line in lines)


def test_extraction_report_to_dict_is_json_ready(gold: Path) -> None:
    data = evaluate_extraction(gold).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert [s["system"] for s in data["systems"]] == ["communique", "trafilatura"]


def test_load_gold_rejects_lines_that_are_not_gold_pages(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"html": "<p>x</p>", "text": "x"}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(load_gold(bad))
    assert caught.value.reason == "not-json"
    assert "bad.jsonl:2" in caught.value.detail
    no_html = _write_gold(tmp_path / "no_html.jsonl", [{"text": "x"}])
    with pytest.raises(InputError, match="'html'"):
        list(load_gold(no_html))


def test_load_gold_missing_file_says_what_was_expected(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="expected a gold JSONL file"):
        list(load_gold(tmp_path / "missing.jsonl"))


def test_evaluate_extraction_on_shared_fundus_pages(shared_data: Path) -> None:
    report = evaluate_extraction(shared_data / "dev" / "extraction_fundus_dev.jsonl", limit=5)
    ours, theirs = report.systems
    assert report.pages == 5
    assert ours.body_f1 > 0.8 and theirs.body_f1 > 0.8
