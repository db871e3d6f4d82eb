"""The article dev set harness: loading, one-sided matching, scoring and inter-coder agreement.

Articles and events here are invented (Estavia, Norland); no corpus text is used.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from test_events_eval import event

from communique.errors import InputError
from communique.evaluate._event_gold import ExpectedEvent
from communique.evaluate._event_scoring import CodedItem, event_matches
from communique.evaluate.articles import (
    ARTICLES_DEV,
    ArticleGold,
    ArticleReport,
    actors_coded,
    agreement,
    load_article_gold,
    load_corpus,
    read_codings,
    score_articles,
    sentence_index,
)
from communique.records import ActorMention, Span

TEXT = (
    "Estavia shelled Norland on Monday. Norland's president met the Estavian envoy. "
    "Thousands protested in Kell."
)
SHELL = ExpectedEvent("e1", True, "EST", "NOR", types=("ASSAULT",), cameo_roots=("19",))
MEET = ExpectedEvent(
    "e2", True, "NORGOV", "ESTGOV", symmetric=True, types=("CONSULT",), cameo_roots=("04",)
)
PROTEST = ExpectedEvent(
    "e3", False, "KELOPP", "", types=("PROTEST",), cameo_roots=("14",), one_sided=True
)


def test_one_sided_gold_matches_only_an_event_with_its_source_and_no_target() -> None:
    assert event_matches(PROTEST, event("KELOPP", None, "PROTEST", "141"))
    assert not event_matches(PROTEST, event("KELOPP", "NORGOV", "PROTEST", "141"))
    assert not event_matches(PROTEST, event("EST", None, "PROTEST", "141"))


def test_a_group_read_as_its_members_codes_each_member() -> None:
    # "Estavia and Norland met. Both shelled Kell." : "Both" codes EST and NOR
    text = "Estavia and Norland met. Both shelled Kell."
    both = text.index("Both")
    group = ActorMention("d", "grp", both, both + 4, "GRP", "Both", members=("EST", "NOR"))
    kell = ActorMention("d", "kel", text.index("Kell"), text.index("Kell") + 4, "KEL", "Kell")
    item = CodedItem(text, mentions=(group, kell), sentences=(Span(0, 24), Span(25, len(text))))
    shelled = ExpectedEvent("e1", True, "NOR", "KEL", evidence="Both shelled Kell")
    assert actors_coded(shelled, item)
    assert not actors_coded(replace(shelled, source="ISR"), item)


def test_score_articles_counts_recall_and_precision_by_kind() -> None:
    gold = ArticleGold("a1", (SHELL, MEET, PROTEST))
    coded = CodedItem(
        TEXT,
        events=(
            event("ESTMIL", "NOR", "ASSAULT", "195"),  # right
            event("ESTGOV", "NORGOV", "CONSULT", "040"),  # right, reversed but symmetric
            event("KELOPP", None, "PROTEST", "141"),  # right, one-sided
            event("NOR", None, "ACCUSE", "112"),  # wrong, one-sided
            event("NOR", "EST", "THREATEN", "138"),  # wrong, dyadic
        ),
    )
    metrics, rows, false_positives = score_articles([gold], [coded])
    figures = {m.name: (m.right, m.total) for m in metrics}
    assert figures["recall (required)"] == (2, 2)
    assert figures["recall (all gold)"] == (3, 3)
    assert figures["precision (all coded)"] == (3, 5)
    assert figures["precision (dyadic coded)"] == (2, 3)
    assert figures["precision (one-sided coded)"] == (1, 2)
    assert [row.id for row in rows] == ["a1/e1", "a1/e2", "a1/e3"]
    assert len(false_positives) == 2


def test_score_articles_needs_one_item_per_article() -> None:
    with pytest.raises(ValueError, match="1 gold articles but 0"):
        score_articles([ArticleGold("a1", (SHELL,))], [])


def test_report_hides_events_unless_on_tune(tmp_path: Path) -> None:
    metrics, rows, _ = score_articles([ArticleGold("a1", (SHELL,))], [CodedItem(TEXT, events=())])
    report = ArticleReport("g", "c", "check", 1, 0, 1, 1, 0, tuple(metrics), tuple(rows), (), 1.0)
    assert "a1/e1" not in report.render()
    assert json.loads(json.dumps(report.to_dict()))["rows"] == []
    tuned = ArticleReport("g", "c", "tune", 1, 0, 1, 1, 0, tuple(metrics), tuple(rows), (), 1.0)
    assert "a1/e1" in tuned.render()


def test_load_article_gold_reads_one_sided_events_and_rejects_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    line = {
        "id": "a1",
        "events": [
            {"id": "e1", "source": "KELOPP", "target": None, "one_sided": True, "types": ["x"]},
            {"id": "e2", "source": "EST", "target": "NOR", "required": True},
        ],
    }
    path.write_text(json.dumps(line) + "\n\n", encoding="utf-8")
    (gold,) = load_article_gold(path)
    assert gold.events[0].one_sided and gold.events[0].target == ""
    assert gold.events[1].required and not gold.events[1].one_sided
    path.write_text(json.dumps({"id": "a2", "events": [{"id": "e", "source": "EST"}]}) + "\n")
    with pytest.raises(InputError, match=r"gold\.jsonl:1#0"):
        load_article_gold(path)
    path.write_text("{not json\n")
    with pytest.raises(InputError, match="not JSON"):
        load_article_gold(path)


def test_load_corpus_returns_only_the_wanted_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"id": "a1", "text": TEXT, "date": "2019-01-02"}, {"id": "a2", "text": "Other."}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    found = load_corpus(corpus, ["a1", "zz"])
    assert list(found) == ["a1"]
    assert found["a1"].published == "2019-01-02" and found["a1"].text == TEXT


def test_sentence_index_places_evidence() -> None:
    assert sentence_index("Estavia shelled Norland", TEXT) == 0
    assert sentence_index("met the Estavian envoy", TEXT) == 1
    assert sentence_index("Thousands protested", TEXT) == 2
    assert sentence_index("not in the text at all", TEXT) is None


def test_agreement_matches_one_to_one_by_dyad_kind_and_sentence() -> None:
    shell = {
        "source": "EST",
        "target": "NOR",
        "types": ["ASSAULT"],
        "cameo_roots": ["19"],
        "required": True,
        "evidence": "Estavia shelled Norland",
    }
    meet_a = {
        "source": "NORGOV",
        "target": "ESTGOV",
        "symmetric": True,
        "types": ["CONSULT"],
        "cameo_roots": ["04"],
        "required": True,
        "evidence": "Norland's president met the Estavian envoy",
    }
    meet_b = {**meet_a, "source": "EST", "target": "NOR", "symmetric": False}
    protest = {
        "source": "KELOPP",
        "target": None,
        "one_sided": True,
        "types": ["PROTEST"],
        "cameo_roots": ["14"],
        "evidence": "Thousands protested in Kell",
    }
    elsewhere = {**shell, "evidence": "Thousands protested in Kell"}  # other sentence
    coding_a = {"a1": [shell, meet_a, protest, shell]}
    coding_b = {"a1": [meet_b, shell, {**protest, "modality": "possible"}, elsewhere]}
    result = agreement(coding_a, coding_b, {"a1": TEXT})
    assert (result.events_a, result.events_b, result.matched) == (4, 4, 3)
    assert result.event_f1 == pytest.approx(6 / 8)
    assert (result.required_a, result.required_b, result.required_matched) == (3, 3, 2)
    assert result.modality_same == 2
    assert "event F1 0.750" in result.render()
    # articles only one coder has, or whose text is unknown, are left out
    assert agreement(coding_a, {"a2": [shell]}, {"a1": TEXT}).articles == 0


def test_read_codings_reads_a_folder_and_names_bad_files(tmp_path: Path) -> None:
    (tmp_path / "allsides_x.json").write_text(json.dumps({"id": "allsides/x", "events": []}))
    assert read_codings(tmp_path) == {"allsides/x": []}
    (tmp_path / "bad.json").write_text(json.dumps({"id": "y"}))
    with pytest.raises(InputError, match=r"bad\.json"):
        read_codings(tmp_path)
    with pytest.raises(InputError, match="no such folder"):
        read_codings(tmp_path / "missing")


def test_packaged_article_gold_is_annotations_only() -> None:
    """The shipped gold points at corpus ids; it holds no article text, only short evidence."""
    golds = load_article_gold(ARTICLES_DEV)
    assert len(golds) >= 30
    assert sum(len(g.events) for g in golds) >= 300
    for record in map(json.loads, ARTICLES_DEV.read_text(encoding="utf-8").splitlines()):
        assert set(record) <= {"id", "events", "quotes", "resolution"}
        assert record["id"].startswith("allsides/")
        assert all(len(e["evidence"]) < 400 for e in record["events"])
