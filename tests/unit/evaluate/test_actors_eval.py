"""Actor evaluation: gold loading, matching, scoring and the report, on hand-made data."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.evaluate.actors import (
    ActorReport,
    GoldActor,
    GoldSentence,
    SeedActor,
    SeedGold,
    align_tokens,
    evaluate_actors,
    load_sentences,
    locate_text,
    names_match,
    report_seed,
    report_sentences,
    resolve_format,
    role_matches,
    score_seed_actors,
)
from communique.records import ActorMention, Article, CodedDocument, RawDocument, Rejection

BORDER = "Officials of Norland and Estavia met border police in Valdor on Tuesday."
PORT = "The Estavian navy blockaded the port of Kell, a Norland spokesman said."


def mention(text: str, words: str, code: str, **fields: str | None) -> ActorMention:
    """A mention of ``words`` (first occurrence in ``text``) coded ``code``."""
    start = text.index(words)
    return ActorMention("d", words, start, start + len(words), code, words, **fields)  # type: ignore[arg-type]


def coded(text: str, *mentions: ActorMention, article_text: str | None = None) -> CodedDocument:
    raw = RawDocument(id="d", origin="o", data=text.encode(), text=text, media_type="text")
    article = Article(doc_id="d", text=text if article_text is None else article_text)
    return CodedDocument(raw=raw, article=article, actors=mentions)


def plover_sentences() -> list[GoldSentence]:
    return [
        GoldSentence(
            "s1",
            "g:1",
            BORDER,
            (
                GoldActor("Norland", "source", "NLD", "GOV"),
                GoldActor("Estavia", "source", "EST", None),
                GoldActor("border  police", "target", "NLD", "COP"),
            ),
        ),
        GoldSentence(
            "s2",
            "g:2",
            PORT,
            (
                GoldActor("Estavian navy", "source", "EST", "MILxyz"),
                GoldActor("Kell", "target", "KEL", "***"),
            ),
        ),
    ]


def plover_outcomes() -> list[CodedDocument]:
    return [
        coded(
            BORDER,
            mention(BORDER, "Norland", "NLDGOV"),
            mention(BORDER, "Estavia", "ESX", country="EST"),
            mention(BORDER, "Valdor", "VAL"),
        ),
        coded(
            PORT,
            mention(PORT, "Estavian", "EST"),
            mention(PORT, "Norland spokesman", "NLDGOV", sector="GOV"),
        ),
    ]


# -- names, roles, text location, tokens --------------------------------------------


def test_names_match_exact_surname_and_single_word() -> None:
    assert names_match("Kim Jong Un", "kim jong-un")
    assert names_match("Jens Stoltenberg", "Stoltenberg")
    assert names_match("Kim Jong Un", "Kim")
    assert names_match("Antony Blinken", "Tony Blinken")
    assert not names_match("John Kirby", "John Major")
    assert not names_match("John Kirby", "")


def test_role_matches_equal_or_contained_ignoring_case() -> None:
    assert role_matches("Defence Minister", "defence  minister")
    assert role_matches("leader", "Supreme Leader")
    assert role_matches("National Security Council Coordinator", "Coordinator")
    assert not role_matches("Secretary of State", "Secretary General")
    assert not role_matches("leader", None)


def test_locate_text_phrase_then_words_in_order() -> None:
    text = "Bosnian Serbs said their forces had left Gorazde."
    assert locate_text("bosnian serbs", text) == (0, 13)
    assert locate_text("Bosnian  Serbs", text) == (0, 13)
    assert locate_text("Bosnian Serbs ... forces", text) == (0, 31)
    assert locate_text("Serb", text) == (8, 12)  # no whole word, so anywhere
    assert locate_text("Croats", text) is None


def test_align_tokens_handles_dropped_and_replaced_characters() -> None:
    text = "A “puppet” court rejected Norlandʼs plea"
    tokens = ["A", "puppet", "court", "rejected", "Norland", "'s", "plea", "."]
    spans, exact = align_tokens(text, tokens)
    assert not exact
    assert [text[s:e] for s, e in spans] == [
        "A",
        "puppet",
        "court",
        "rejected",
        "Norland",
        "ʼs",
        "plea",
        "",
    ]
    assert align_tokens("Two words", ["Two", "words"]) == (((0, 3), (4, 9)), True)


# -- seed --------------------------------------------------------------------------


def test_score_seed_actors_rows() -> None:
    text = "Kim met Stoltenberg, the NATO chief, and Putin."
    mentions = [
        mention(text, "Kim", "PRKGOV", role="Supreme Leader"),
        mention(text, "Stoltenberg", "IGOWSTNAT", role="chief"),
        mention(text, "NATO", "IGOWSTNAT"),
    ]
    actors = [
        SeedActor("Kim Jong Un", "leader", "PRKMIL"),
        SeedActor("Jens Stoltenberg", "Secretary General", "IGOWSTNAT"),
        SeedActor("Vladimir Putin", "president", "RUSGOV"),
    ]
    kim, jens, putin = score_seed_actors(actors, mentions)
    assert (kim.found_as, kim.our_code, kim.code_right, kim.country_right, kim.role_right) == (
        "Kim",
        "PRKGOV",
        False,
        True,
        True,
    )
    assert (jens.code_right, jens.role_right) == (True, False)
    assert putin.found_as is None and not putin.code_right


def test_report_seed_counts_fields_confusions_and_extras() -> None:
    text = "Kim met Stoltenberg, the NATO chief, and Putin."
    outcome = coded(
        text,
        mention(text, "Kim", "PRKGOV", role="leader"),
        mention(text, "Stoltenberg", "IGOWSTNAT"),
        mention(text, "NATO", "IGOWSTNAT"),
    )
    actors = (
        SeedActor("Kim Jong Un", "leader", "PRKMIL"),
        SeedActor("Jens Stoltenberg", "Secretary General", "IGOWSTNAT"),
        SeedActor("Vladimir Putin", "president", "RUSGOV"),
    )
    seed = SeedGold(GoldSentence("seed", "a.txt", text, ()), actors)
    report = report_seed("expected.json", seed, outcome)
    scores = {f.name: (f.right, f.total) for f in report.fields}
    assert scores == {"found: all": (2, 3), "code": (1, 2), "country": (2, 2), "role": (1, 2)}
    assert [(c.gold, c.ours, c.count) for c in report.confusions] == [("PRKMIL", "PRKGOV", 1)]
    assert (report.coded_actors, report.extra, report.rejected, report.altered) == (3, 1, 0, 0)
    assert [(m.label, m.text) for m in report.misses] == [("actor", "Vladimir Putin")]
    assert [(e.label, e.text) for e in report.extras] == [("IGOWSTNAT", "NATO")]


# -- plover ------------------------------------------------------------------------


def test_report_sentences_plover_found_country_sector_extra() -> None:
    report = report_sentences("p.jsonl", "plover", plover_sentences(), plover_outcomes())
    scores = {f.name: (f.right, f.total) for f in report.fields}
    assert scores == {
        "located": (5, 5),
        "found: source": (3, 3),  # Norland, Estavia, Estavian navy
        "found: target": (0, 2),  # border police, Kell
        "found: all": (3, 5),
        "country": (3, 3),  # NLDGOV→NLD, country EST, EST
        "sector": (1, 2),  # GOV right; MIL vs none (Estavia has no gold sector)
        "dyad: both coded": (0, 2),  # each sentence's target is missed
    }
    assert report.fields[4].accuracy == pytest.approx(1.0)
    assert [(c.field, c.gold, c.ours) for c in report.confusions] == [("sector", "MIL", "-")]
    assert (report.items, report.gold_actors, report.coded_actors, report.extra) == (2, 5, 5, 2)
    assert {(e.label, e.text) for e in report.extras} == {
        ("VAL", "Valdor"),
        ("NLDGOV", "Norland spokesman"),
    }
    assert [m.text for m in report.misses] == ["border  police", "Kell"]


def test_report_sentences_counts_rejected_and_altered_items() -> None:
    sentences = plover_sentences()
    altered = coded(BORDER, article_text="Officials of Norland met police.")
    rejection = Rejection("g:2", "extract", "no-body", "nothing left")
    report = report_sentences("p.jsonl", "plover", sentences, [altered, rejection])
    scores = {f.name: (f.right, f.total) for f in report.fields}
    assert (report.rejected, report.altered) == (1, 1)
    assert scores["located"] == (1, 5)  # only Norland survives in the altered text
    assert scores["found: all"] == (0, 5)
    assert report.coded_actors == 0


def test_report_sentences_with_no_actor_stage_reports_zeros() -> None:
    outcomes = [coded(BORDER), coded(PORT)]
    report = report_sentences("p.jsonl", "plover", plover_sentences(), outcomes)
    assert [(f.right, f.total) for f in report.fields][:4] == [(5, 5), (0, 3), (0, 2), (0, 5)]
    assert report.fields[4].accuracy is None


# -- conflibert --------------------------------------------------------------------


def test_report_sentences_conflibert_counts_containment_and_overlap() -> None:
    gold = GoldSentence(
        "c1",
        "c:1",
        PORT,
        (
            GoldActor("The Estavian navy", "source", start=0, end=17),
            GoldActor("the port", "target", start=28, end=36),
            GoldActor("a Norland spokesman", "reciprocal", start=46, end=65),
        ),
    )
    outcome = coded(
        PORT,
        mention(PORT, "Estavian", "EST"),  # inside the source span
        mention(PORT, "port of Kell", "KEL"),  # overlaps the target, not inside it
        mention(PORT, "Norland", "NLD"),
    )
    report = report_sentences("c.jsonl", "conflibert", [gold], [outcome])
    scores = {f.name: (f.right, f.total) for f in report.fields}
    assert scores == {
        "located": (3, 3),
        "found: source": (1, 1),
        "found: target": (0, 1),
        "found: reciprocal": (1, 1),
        "found: all": (2, 3),
        "overlapped: all": (3, 3),
        "dyad: both coded": (0, 1),
    }
    assert (report.extra, report.confusions) == (0, ())


# -- files, formats, report --------------------------------------------------------


def test_load_sentences_reads_plover_and_conflibert(tmp_path: Path) -> None:
    plover = tmp_path / "plover.jsonl"
    plover.write_text(
        json.dumps(
            {
                "id": "p1",
                "text": PORT,
                "date": "2001-02-03",
                "actors": [{"text": "Estavian navy", "code": "EST", "sector": "MIL"}],
                "recipients": [{"text": "Kell", "code": "KEL", "sector": None}],
            }
        )
        + "\n"
    )
    (sentence,) = load_sentences(plover, "plover")
    assert sentence.published == "2001-02-03"
    assert [(a.text, a.role, a.code) for a in sentence.actors] == [
        ("Estavian navy", "source", "EST"),
        ("Kell", "target", "KEL"),
    ]
    conflibert = tmp_path / "conflibert.jsonl"
    tokens = ["The", "Estavian", "navy", "blockaded", "Kell", "."]
    rows = [
        {"id": "c1", "text": "The Estavian navy blockaded Kell.", "tokens": tokens,
         "actors": [{"role": "source", "tok_start": 0, "tok_end": 3}]},
        {"id": "c2", "text": "No spans here.", "tokens": None, "actors": None},
    ]  # fmt: skip
    conflibert.write_text("\n".join(json.dumps(row) for row in rows))
    first, second = load_sentences(conflibert, "conflibert")
    assert (first.actors[0].text, first.actors[0].start, first.actors[0].end) == (
        "The Estavian navy",
        0,
        17,
    )
    assert first.aligned and second.actors == ()


def test_resolve_format_from_name_or_option() -> None:
    assert resolve_format(Path("seed/expected.json")) == "seed"
    assert resolve_format(Path("dev/plover_gsr_dev.jsonl")) == "plover"
    assert resolve_format(Path("dev/ConfliBERT_cameo.jsonl")) == "conflibert"
    assert resolve_format(Path("mine.jsonl"), "plover") == "plover"
    with pytest.raises(InputError, match="seed, plover, conflibert"):
        resolve_format(Path("mine.jsonl"))
    with pytest.raises(InputError, match="unknown gold format 'acled'"):
        resolve_format(Path("mine.jsonl"), "acled")


def test_actor_report_renders_and_serialises() -> None:
    report = replace(
        report_sentences("p.jsonl", "plover", plover_sentences(), plover_outcomes()), split="tune"
    )
    assert "'Kell'" not in replace(report, split="check").render()  # check items are not read
    text = report.render()
    assert "p.jsonl (plover, split tune): 2 sentences" in text
    assert "found: all             3       5     0.600" in text
    assert "MIL -> -" in text
    assert "'Kell'" in text
    data = report.to_dict()
    assert json.loads(json.dumps(data))["fields"][0] == {
        "name": "located",
        "right": 5,
        "total": 5,
        "accuracy": 1.0,
    }


@pytest.mark.model
def test_evaluate_actors_runs_the_pipeline_on_a_small_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "plover_tiny.jsonl"
    rows = [
        {"id": "t1", "text": "The French government condemned the attack on Monday.",
         "date": "2020-03-02", "actors": [{"text": "French government", "code": "FRA",
         "sector": "GOV"}], "recipients": []},
        {"id": "t2", "text": "Russian troops shelled villages near the Ukrainian border.",
         "date": "2020-03-03", "actors": [{"text": "Russian troops", "code": "RUS",
         "sector": "MIL"}], "recipients": [{"text": "villages", "code": "UKR", "sector": "CVL"}]},
    ]  # fmt: skip
    gold.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    report = evaluate_actors(gold, "plover")
    assert isinstance(report, ActorReport)
    assert (report.items, report.skipped, report.gold_actors, report.rejected) == (2, 0, 3, 0)
    totals = {f.name: f.total for f in report.fields}
    assert (totals["found: source"], totals["found: target"], totals["found: all"]) == (2, 1, 3)
    assert evaluate_actors(gold, "plover", limit=1).gold_actors == 1


def test_sector_reads_plover_words_and_organisation_codes() -> None:
    from communique.evaluate._actor_scoring import gold_sector, our_sector

    assert gold_sector("JRN") == "MED"  # PLOVER journalists are CAMEO media
    assert gold_sector("MED") == "HLH"  # PLOVER medical is CAMEO health
    assert gold_sector("CIVnor") == "CVL"
    assert gold_sector("GOV") == "GOV"
    assert gold_sector("***") is None
    assert our_sector(mention(PORT, "Estavian navy", "ESTMIL")) == "MIL"
    assert our_sector(mention(PORT, "Estavian navy", "NGOHLHRCR")) == "HLH"
    assert our_sector(mention(PORT, "Estavian navy", "IGOUNOREFHCR")) == "REF"
    assert our_sector(mention(PORT, "Estavian navy", "IGOWSTNAT")) is None
    assert our_sector(mention(PORT, "Estavian navy", "IGOWSTNAT", sector="MIL")) == "MIL"


def test_gold_country_reads_older_codes_as_iso() -> None:
    from communique.evaluate._actor_scoring import gold_country

    assert gold_country("JAP") == "JPN"
    assert gold_country("itl") == "ITA"
    assert gold_country("USA") == "USA"


def test_report_sentences_conflibert_takes_an_abbreviations_full_stop_as_inside() -> None:
    text = "Estavia lifted its blockade of the U.K."  # the gold span left the full stop out
    gold = GoldSentence("c1", "c:1", text, (GoldActor("the U.K", "target", start=31, end=38),))
    report = report_sentences(
        "c.jsonl", "conflibert", [gold], [coded(text, mention(text, "U.K.", "GBR"))]
    )
    assert {f.name: (f.right, f.total) for f in report.fields}["found: target"] == (1, 1)
    longer = coded(text, mention(text, "blockade of the U.K.", "GBR"))  # not inside
    report = report_sentences("c.jsonl", "conflibert", [gold], [longer])
    assert {f.name: (f.right, f.total) for f in report.fields}["found: target"] == (0, 1)
