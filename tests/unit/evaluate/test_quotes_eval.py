"""Quote evaluation: gold loading, offset mapping, matching and scoring, on hand-made data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.evaluate._quote_align import OffsetMap
from communique.evaluate._quote_gold import load_polnear, load_seed_quotes
from communique.evaluate._quote_scoring import (
    GoldQuote,
    OurQuote,
    QuoteTally,
    cue_class,
    exact_speaker,
    head_speaker,
    overlap_f1,
    precision_recall_f1,
    tally_article,
    word_spans,
    words_in,
)
from communique.evaluate.quotes import (
    QuoteReport,
    QuoteRow,
    SeedQuoteRow,
    resolve_quote_format,
    score_seed,
    starts_alike,
)
from communique.records import Rejection

# Two quotes of ours, three gold attributions (one a belief), written for these tests.
TEXT = (
    '"The dam will hold," said Ana Ruiz, the engineer. '
    "Ruiz thinks the rain will stop. "
    '"We are safe," the mayor said.'
)


def _span(words: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(words, after)
    return start, start + len(words)


def _golds() -> list[GoldQuote]:
    return [
        GoldQuote(
            kind="direct",
            cls="speech",
            source=_span("Ana Ruiz, the engineer"),
            cue=(_span("said"),),
            content=(_span('"The dam will hold,"'),),
            speaker_text="Ana Ruiz, the engineer",
        ),
        GoldQuote(
            kind="indirect",
            cls="belief",
            source=_span("Ruiz", 40),
            cue=(_span("thinks"),),
            content=(_span("the rain will stop"),),
        ),
        GoldQuote(
            kind="direct",
            cls="speech",
            source=_span("the mayor"),
            cue=(_span("said", 80),),
            content=(_span('"We are safe,"'),),
            pronoun=True,
            resolved="Mayor Tom Berg",
        ),
    ]


def _ours() -> list[OurQuote]:
    return [
        # right speaker by head only (ours keeps "Ana Ruiz"), cue right
        OurQuote(
            "direct",
            _span('"The dam will hold,"'),
            speaker=_span("Ana Ruiz"),
            speaker_head=_span("Ruiz"),
            cue=_span("said"),
        ),
        # meets only the belief: neutral
        OurQuote("indirect", _span("the rain will stop"), speaker=_span("Ruiz", 40)),
        # wrong speaker, no cue
        OurQuote(
            "direct",
            _span('"We are safe,"'),
            speaker=_span("Ana Ruiz"),
            speaker_head=_span("Ruiz"),
        ),
        # meets nothing: a false positive
        OurQuote("indirect", _span("Ruiz thinks"), speaker=_span("mayor")),
    ]


def test_cue_class_reads_lemmas_and_punctuation() -> None:
    assert cue_class(["say"], "said") == "speech"
    assert cue_class(["accord", "to"], "according to") == "speech"
    assert cue_class([":"], ":") == "speech"
    assert cue_class(["think"], "thinks") == "belief"
    assert cue_class(["show"], "shows") == "poll"
    assert cue_class(["endorse"], "endorsed") == "other"


def test_overlap_f1_exact_numbers() -> None:
    assert overlap_f1({1, 2, 3, 4}, {3, 4, 5}) == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert overlap_f1(set(), {1}) == 0.0
    words = word_spans("a bb, ccc")
    assert words == [(0, 1), (2, 4), (6, 9)]
    assert words_in(words, [(1, 5)]) == {1}


def test_speaker_matches_exact_and_by_head() -> None:
    text = "said Ana Ruiz, the engineer, on Monday"
    gold = (5, 27)  # "Ana Ruiz, the engineer"
    assert exact_speaker(text, gold, (5, 28))  # a trailing comma does not count
    assert not exact_speaker(text, gold, (5, 13))
    assert head_speaker(text, gold, (5, 27), (9, 13))  # same last word
    assert head_speaker(text, gold, (5, 38), (9, 13))  # our head "Ruiz" lies inside gold
    assert not head_speaker(text, (5, 8), (18, 27), (18, 27))


def test_precision_recall_f1_exact_numbers() -> None:
    assert precision_recall_f1(3, 4, 3, 6) == (0.75, 0.5, 0.6)
    assert precision_recall_f1(0, 0, 1, 2) == (None, 0.5, None)


def test_tally_article_counts_rows_neutral_and_pronouns() -> None:
    tally = QuoteTally()
    tally_article(tally, TEXT, _golds(), _ours(), lambda gold, ours: gold.endswith(ours))
    direct, indirect = tally.rows["direct"], tally.rows["indirect"]
    assert (direct.gold, direct.gold_found, direct.gold_exact, direct.gold_head) == (2, 2, 0, 1)
    assert (direct.ours, direct.ours_exact, direct.ours_head, direct.ours_unmatched) == (2, 0, 1, 0)
    assert (direct.cue_total, direct.cue_right) == (2, 1)
    assert direct.content_pairs == 2 and direct.content_f1 == pytest.approx(2.0)
    assert (indirect.gold, indirect.ours, indirect.neutral, indirect.ours_unmatched) == (0, 1, 1, 1)
    assert tally.classes == {("speech", "direct"): 2, ("belief", "indirect"): 1}
    assert (tally.pronouns.total, tally.pronouns.speaker_found) == (1, 0)
    assert tally.misses == [("", "Ana Ruiz", '"We are safe,"')]
    assert (tally.named_found, tally.named_right) == (1, 1)  # "Ana Ruiz, the engineer"


def test_offset_map_follows_dropped_lines_and_spaces() -> None:
    gold = 'Lead line.\n\n___.\n\n"We won,"\xa0she said.'
    article = 'Lead line.\n"We won," she said.'
    offsets = OffsetMap(gold, article)
    start = gold.index('"We')
    assert offsets.span((start, start + len('"We won,"'))) == (11, 20)
    said = gold.index("said")
    assert article[slice(*offsets.span((said, said + 4)))] == "said"  # type: ignore[misc]
    assert offsets.span((gold.index("___"), gold.index("___") + 4)) is None
    assert OffsetMap(article, article).span((0, 4)) == (0, 4)


def test_load_polnear_reads_spans_and_pronouns(tmp_path: Path) -> None:
    record = {
        "doc_id": "d1",
        "date": "2016-03-11",
        "text": '"Go," he said.',
        "quotes": [
            {
                "id": "E1",
                "kind": "direct",
                "cue": "said",
                "spans": {
                    "source": [{"start": 6, "end": 8}],
                    "cue": [{"start": 9, "end": 13}],
                    "content": [{"start": 0, "end": 5}],
                },
                "speaker_is_pronoun": True,
                "speaker_coref_auto": "Ana Ruiz",
            },
            {"id": "E2", "kind": None, "spans": {"source": None, "cue": None, "content": None}},
        ],
    }
    path = tmp_path / "polnear_dev.jsonl"
    path.write_text(json.dumps(record) + "\n\n", encoding="utf-8")
    (article,) = load_polnear(path)
    first, second = article.attributions
    assert (first.source, first.cue, first.content) == (((6, 8),), ((9, 13),), ((0, 5),))
    assert first.pronoun and first.resolved == "Ana Ruiz" and first.kind == "direct"
    assert second.source == () and second.kind == ""
    assert resolve_quote_format(path) == "polnear"


def test_load_polnear_rejects_a_line_without_text(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc_id": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="'text' string"):
        list(load_polnear(path))


def test_resolve_quote_format_needs_a_known_name(tmp_path: Path) -> None:
    assert resolve_quote_format(tmp_path / "expected.json") == "seed"
    assert resolve_quote_format(tmp_path / "x.jsonl", "seed") == "seed"
    with pytest.raises(InputError, match="polnear, seed"):
        resolve_quote_format(tmp_path / "x.jsonl")
    with pytest.raises(InputError, match="unknown gold format"):
        resolve_quote_format(tmp_path / "x.jsonl", "parc")


def _seed_folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text('"Go," Ana Ruiz said.', encoding="utf-8")
    expected = {
        "document": "a.txt",
        "article": {"published": "2024-06-19"},
        "actors": [{"name": "Ana Ruiz", "code": "ESTGOV", "role": "Minister"}],
        "quotes": [
            {"speaker": "Ana Ruiz", "kind": "direct", "starts_with": "Go"},
            {"speaker": "Ana Ruiz", "kind": "indirect", "starts_with": "x", "required": False},
        ],
    }
    path = tmp_path / "expected.json"
    path.write_text(json.dumps(expected), encoding="utf-8")
    return path


def test_load_seed_quotes_joins_codes_from_actors(tmp_path: Path) -> None:
    seed = load_seed_quotes(_seed_folder(tmp_path))
    first, second = seed.quotes
    assert (first.code, first.role, first.required) == ("ESTGOV", "Minister", True)
    assert not second.required and seed.article.text.startswith('"Go,"')


def test_score_seed_rejected_article_finds_nothing(tmp_path: Path) -> None:
    seed = load_seed_quotes(_seed_folder(tmp_path))
    outcome = Rejection("a.txt", "extract", "empty", "no text")
    report = score_seed("expected.json", seed, outcome)
    assert report.rejected == 1 and report.our_direct == 0
    assert [row.found for row in report.seed_rows] == [False, False]
    assert "NOT FOUND" in report.render()


def test_starts_alike_ignores_marks_case_and_that() -> None:
    assert starts_alike("that Russia's war is long", "Russia's war")
    assert starts_alike("“We are  ready”", "we are ready")
    assert not starts_alike("We are ready", "")


def test_quote_report_renders_rows_and_converts_to_dict() -> None:
    row = QuoteRow("direct", 10, 1, 9, 8, 1, 2, (0.75, 0.6, 2 / 3), (0.875, 0.7, 0.7778), 0.9, 0.8)
    report = QuoteReport(
        gold_path="g.jsonl",
        gold_format="polnear",
        articles=2,
        rejected=0,
        altered=1,
        unplaced=0,
        our_direct=8,
        our_indirect=3,
        classes=(("speech", "direct", 11), ("belief", "indirect", 2)),
        rows=(row,),
        pronouns=(4, 3, 2, 1, 2, 1),
        misses=(("Ana Ruiz", "-", '"Go"'),),
        seed_rows=(SeedQuoteRow("direct", "Ana Ruiz", "Go", True),),
        seconds=1.0,
    )
    text = report.render()
    assert "0.750 0.600 0.667" in text and "0.875 0.700 0.778" in text
    assert "belief  indirect 2" in text and "same surname: 1" in text
    data = report.to_dict()
    assert data["rows"][0]["exact"] == (0.75, 0.6, 2 / 3)
    assert json.dumps(data)
