"""Event evaluation: gold loading, matching, scoring and the report, on hand-made data."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.evaluate._actor_gold import GoldActor, GoldSentence
from communique.evaluate.events import (
    CodedItem,
    EventReport,
    ExpectedEvent,
    GoldEventSentence,
    SeedEvents,
    codes_match,
    evaluate_events,
    event_matches,
    load_event_sentences,
    load_seed_events,
    penta_class,
    report_event_sentences,
    report_seed_events,
    resolve_event_format,
    score_cameo_examples,
    score_conflibert,
    score_plover,
    score_seed_events,
)
from communique.records import (
    ActorMention,
    ActorRef,
    Annotation,
    Article,
    CodedDocument,
    Event,
    RawDocument,
    Rejection,
    Span,
)


def event(
    source: str,
    target: str | None,
    type_: str = "",
    cameo: str = "",
    /,
    **fields: object,
) -> Event:
    """An event with the given dyad, type and CAMEO code; other fields from ``fields``."""
    values: dict[str, object] = {
        "doc_id": "d",
        "id": "e",
        "source": ActorRef(source, source),
        "target": ActorRef(target, target) if target else None,
        "type": type_,
        "mode": None,
        "cameo": cameo,
        "quad_class": 0,
        "goldstein": 0.0,
        "modality": "asserted",
        "attributed_to": None,
        "date": None,
        "sentence": 0,
        "start": 0,
        "end": 0,
        "evidence": "",
        "confidence": 0.5,
    }
    values.update(fields)
    return Event(**values)  # type: ignore[arg-type]


def metrics(scores: object) -> dict[str, tuple[float | None, int | None, int | None]]:
    return {m.name: (m.value, m.right, m.total) for m in scores.metrics}  # type: ignore[attr-defined]


def sentence(text: str, *actors: GoldActor) -> GoldSentence:
    return GoldSentence("s", "g:1", text, actors)


# --- matching ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "ours", "expected"),
    [
        ("RUSGOV", "RUS", True),
        ("RUS", "rusmil", True),
        ("PRK", "KOR", False),
        ("IGOWSTNAT", "IGOWSTNAT", True),
        ("IGOWSTNAT", "IGOUNO", False),
        ("IGOWSTNAT", "IGO", False),
        ("NGOHRW", "NGOHRW", True),
        ("RUS", None, False),
        (None, "RUS", False),
    ],
)
def test_codes_match_compares_country_or_whole_organisation_code(
    gold: str | None, ours: str | None, expected: bool
) -> None:
    assert codes_match(gold, ours) is expected


def test_event_matches_ignores_direction_only_when_symmetric() -> None:
    meeting = ExpectedEvent("m", True, "RUS", "PRK", symmetric=True, types=("CONSULT",))
    one_way = ExpectedEvent("a", True, "RUS", "PRK", types=("AID",), cameo_roots=("07",))
    assert event_matches(meeting, event("PRKGOV", "RUSGOV", "CONSULT", "043"))
    assert event_matches(meeting, event("RUSGOV", "PRK", "consult", ""))
    assert not event_matches(one_way, event("PRK", "RUS", "AID", "070"))
    assert event_matches(one_way, event("RUS", "PRK", "", "072"))  # root alone is enough
    assert not event_matches(one_way, event("RUS", "PRK", "SUPPORT", "051"))
    assert not event_matches(one_way, event("RUS", None, "AID", "070"))


# --- seed -------------------------------------------------------------------------------

SEED_TEXT = (
    "Norland promised aid to Estavia. Estavia may get rockets from Norland. "
    "NATO met Norland officials."
)


def seed_item(events: tuple[Event, ...]) -> CodedItem:
    spans = []
    start = 0
    for part in SEED_TEXT.split(". "):
        end = SEED_TEXT.index(part, start) + len(part) + 1
        spans.append(Span(start, end))
        start = end + 1
    return CodedItem(SEED_TEXT, events, (), tuple(spans))


def seed_expected() -> list[ExpectedEvent]:
    return [
        ExpectedEvent("promise", True, "NLD", "EST", types=("AID",), cameo_roots=("07",),
                      modality="intended", evidence="Norland promised aid to Estavia"),
        ExpectedEvent("rockets", True, "NLD", "EST", types=("AID",), cameo_roots=("07",),
                      modality="possible", attributed_to="IGOWSTNAT",
                      evidence="Estavia may get rockets from Norland"),
        ExpectedEvent("meeting", True, "IGOWSTNAT", "NLDGOV", symmetric=True,
                      types=("CONSULT",), evidence="NATO met Norland officials"),
        ExpectedEvent("refusal", False, "EST", "NLD", types=("REJECT",), cameo_roots=("12",),
                      evidence="Estavia may get rockets"),
    ]  # fmt: skip


def test_score_seed_events_counts_recall_precision_modality_and_attribution() -> None:
    nato = ActorRef("IGOWSTNAT", "NATO")
    coded = (
        event("NLDGOV", "EST", "AID", "070", modality="intended", sentence=0),
        event("NLD", "ESTMIL", "AID", "072", sentence=1, attributed_to=nato),
        event("NLDGOV", "IGOUNO", "CONSULT", "040", sentence=2, evidence="met"),
        event("ESTGOV", "NLD", "REJECT", "120", sentence=1),
    )
    scores = score_seed_events(seed_expected(), seed_item(coded))
    figures = metrics(scores)
    assert figures["recall (required)"] == (pytest.approx(2 / 3), 2, 3)
    assert figures["recall (all expected)"] == (0.75, 3, 4)
    assert figures["precision (all coded)"] == (0.75, 3, 4)
    assert figures["F1 (precision, required recall)"][0] == pytest.approx(12 / 17)
    assert figures["modality"] == (pytest.approx(2 / 3), 2, 3)
    assert figures["modality: asserted"] == (1.0, 1, 1)
    assert figures["modality: possible"] == (0.0, 0, 1)  # the sentence's own event is judged
    assert figures["modality: intended"] == (1.0, 1, 1)
    assert figures["attributed_to"] == (1.0, 1, 1)
    rows = {row.id: row for row in scores.seed_rows}
    assert rows["rockets"].ours == "NLD -> ESTMIL AID 072 asserted per IGOWSTNAT"
    assert not rows["meeting"].found
    assert rows["meeting"].ours == "NLDGOV -> IGOUNO CONSULT 040 asserted"  # closest, same sentence
    assert [fp.event for fp in scores.false_positives] == ["NLDGOV -> IGOUNO CONSULT 040 asserted"]


def test_score_seed_events_with_no_coded_events_scores_zero() -> None:
    scores = score_seed_events(seed_expected(), seed_item(()))
    figures = metrics(scores)
    assert figures["recall (required)"] == (0.0, 0, 3)
    assert figures["precision (all coded)"] == (None, 0, 0)
    assert figures["modality"] == (None, 0, 0)
    assert all(row.ours is None for row in scores.seed_rows)


# --- PLOVER -----------------------------------------------------------------------------


def test_score_plover_type_dyad_and_mode() -> None:
    golds = [
        GoldEventSentence(sentence("a"), "AGREE", sources=("HUN", "ROU")),
        GoldEventSentence(sentence("b"), "ASSAULT", ("heavy-weapons",), ("ISR",), ("PSE",)),
        GoldEventSentence(sentence("c"), "REJECT", sources=("USA",), targets=("IRQ",)),
        GoldEventSentence(sentence("d"), "ACCUSE", ("disapprove",), ("IGO",), ("SRB",)),
    ]
    items = [
        CodedItem("a", (event("HUNGOV", "ROU", "COOPERATE"), event("HUN", None, "AGREE"))),
        CodedItem("b", (event("ISRMIL", "PSE", "ASSAULT", mode="heavy-weapons"),)),
        CodedItem("c", (event("USA", "IRQGOV", "THREATEN", confidence=0.8),)),
        CodedItem("d"),
    ]
    scores = score_plover(golds, items)
    figures = metrics(scores)
    assert figures["type accuracy"] == (0.5, 2, 4)
    assert figures["type precision"] == (pytest.approx(2 / 3), 2, 3)
    assert figures["type recall"] == (0.5, 2, 4)
    assert figures["type F1"][0] == pytest.approx(4 / 7)
    assert figures["type macro F1"][0] == pytest.approx(0.5)
    assert figures["dyad precision"] == (0.75, 3, 4)
    assert figures["dyad recall"] == (0.6, 3, 5)
    assert figures["dyad F1"][0] == pytest.approx(2 / 3)
    assert figures["mode accuracy"] == (0.5, 1, 2)
    assert figures["sentences with an event"] == (0.75, 3, 4)
    assert [(c.gold, c.ours, c.count) for c in scores.confusions] == [
        ("ACCUSE", "-", 1),
        ("REJECT", "THREATEN", 1),
    ]
    assert [(m.gold, m.ours, m.confidence) for m in scores.misses] == [
        ("REJECT", "THREATEN", 0.8),
        ("ACCUSE", "-", None),
    ]


# --- ConfliBERT -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("coded", "expected"),
    [
        (None, 0),
        (event("A", "B", "", "010", quad_class=1), 0),  # statement
        (event("A", "B", "dropped", "021", quad_class=1), 0),  # appeal, untyped
        (event("A", "B", "REQUEST", "021", quad_class=1), 1),  # appeal with a type
        (event("A", "B", "AGREE", "036", quad_class=1), 1),
        (event("A", "B", "AID", "070", quad_class=2), 2),
        (event("A", "B", "ACCUSE", "112", quad_class=3), 3),
        (event("A", "B", "ASSAULT", "190", quad_class=4), 4),
        (event("A", "B", "CONSULT", "040", quad_class=0), 0),
        (event("A", "B", "SANCTION", "163", quad_class=4), 3),  # ConfliBERT: verbal conflict
        (event("A", "B", "ACCUSE", "090", quad_class=2), 3),  # investigation
    ],
)
def test_penta_class_maps_quad_class_and_statements(coded: Event | None, expected: int) -> None:
    assert penta_class(coded) == expected


ARREST = "Valdor police arrested protesters in Kell."
TALKS = "Norland and Estavia held talks."
SAID = "The minister said the talks went well."


def test_score_conflibert_class_matrix_and_dyad_spans() -> None:
    police, crowd = ActorRef("VLDCOP", "police", "a1"), ActorRef("VLDCVL", "protesters", "a2")
    minister = ActorRef("NLDGOV", "minister")  # no mention: placed by its name
    golds = [
        GoldEventSentence(
            sentence(ARREST, GoldActor("Valdor police", "source", start=0, end=13),
                     GoldActor("protesters in Kell", "target", start=23, end=41)),
            penta=4,
        ),
        GoldEventSentence(sentence(TALKS, GoldActor("Norland and Estavia", "reciprocal")), penta=1),
        GoldEventSentence(sentence(SAID, GoldActor("The minister", "source")), penta=0),
    ]  # fmt: skip
    mentions = (
        ActorMention("d", "a1", 7, 13, "VLDCOP", "police"),
        ActorMention("d", "a2", 23, 33, "VLDCVL", "protesters"),
    )
    items = [
        CodedItem(
            ARREST,
            (
                event("VLD", None, "", "010", quad_class=1, goldstein=0.0),
                event(
                    "VLDCOP", "VLDCVL", "COERCE", "173", quad_class=4, goldstein=-5.0,
                    source=police, target=crowd,
                ),
            ),
            mentions,
        ),
        CodedItem(TALKS),
        CodedItem(SAID, (event("NLD", None, "", "010", quad_class=1, source=minister),)),
    ]  # fmt: skip
    scores = score_conflibert(golds, items)
    figures = metrics(scores)
    assert figures["class accuracy"] == (pytest.approx(2 / 3), 2, 3)
    # statement: P 1/2 R 1 F1 2/3; verbal cooperation: 0; material conflict: 1
    assert figures["class macro F1"][0] == pytest.approx((2 / 3 + 0 + 1) / 3)
    assert figures["dyad span: source"] == (pytest.approx(2 / 3), 2, 3)  # reciprocal counts
    assert figures["dyad span: target"] == (0.5, 1, 2)
    assert figures["dyad span: both"] == (0.5, 1, 2)
    assert figures["sentences with an event"] == (pytest.approx(2 / 3), 2, 3)
    assert scores.matrix[4][4] == 1
    assert scores.matrix[1][0] == 1
    assert scores.matrix[0][0] == 1
    assert sum(map(sum, scores.matrix)) == 3
    assert [(m.gold, m.ours) for m in scores.misses] == [("1 verbal cooperation", "0 statement")]


# --- CAMEO examples ---------------------------------------------------------------------


def test_score_cameo_examples_root_code_and_type() -> None:
    golds = [
        GoldEventSentence(sentence("a"), None, cameo="0234", root="02"),
        GoldEventSentence(sentence("b"), "REQUEST", cameo="1041", root="10"),
        GoldEventSentence(sentence("c"), "ASSAULT", cameo="190", root="19"),
        GoldEventSentence(sentence("d"), "CONSULT", cameo="043", root="04"),
    ]
    items = [
        CodedItem("a", (event("A", "B", "", "0234"),)),
        CodedItem("b", (event("A", "B", "ACCUSE", "112"), event("A", "B", "REQUEST", "104"))),
        CodedItem("c", (event("A", "B", "COERCE", "180", confidence=0.7),)),
        CodedItem("d"),
    ]
    scores = score_cameo_examples(golds, items)
    figures = metrics(scores)
    assert figures["root accuracy"] == (0.5, 2, 4)
    assert figures["full-code accuracy"] == (0.25, 1, 4)
    assert figures["PLOVER type accuracy"] == (pytest.approx(1 / 3), 1, 3)
    assert figures["sentences with an event"] == (0.75, 3, 4)
    assert [(c.gold, c.ours) for c in scores.confusions] == [("04", "-"), ("19", "18")]
    assert [(m.gold, m.ours) for m in scores.misses] == [("190 (19)", "180"), ("043 (04)", "-")]


# --- gold files and the report ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("expected.json", "seed"),
        ("plover_gsr_dev.jsonl", "plover"),
        ("conflibert_cameo_dev.jsonl", "conflibert"),
        ("cameo_codes.csv", "cameo-examples"),
    ],
)
def test_resolve_event_format_guesses_from_the_file_name(name: str, fmt: str) -> None:
    assert resolve_event_format(Path(name)) == fmt


def test_resolve_event_format_rejects_unknown_names() -> None:
    with pytest.raises(InputError, match="cameo-examples"):
        resolve_event_format(Path("gold.jsonl"))
    with pytest.raises(InputError, match="unknown gold format"):
        resolve_event_format(Path("expected.json"), "cameo")


def test_load_event_sentences_reads_each_format(tmp_path: Path) -> None:
    plover = tmp_path / "plover.jsonl"
    plover.write_text(json.dumps({
        "text": "Norland troops shelled Kell.", "date": "2001-02-03",
        "event_type_plover2": "ASSAULT", "mode": ["heavy-weapons"], "mode_plover2_implied": None,
        "actors": [{"text": "Norland troops", "code": "nld"}], "recipients": [],
    }) + "\n\n")  # fmt: skip
    (gold,) = load_event_sentences(plover, "plover")
    assert (gold.type, gold.modes, gold.sources, gold.targets) == (
        "ASSAULT", ("heavy-weapons",), ("NLD",), (),
    )  # fmt: skip
    assert gold.sentence.published == "2001-02-03"
    conflibert = tmp_path / "conflibert.jsonl"
    rows = [
        {"text": "Kell police beat strikers .",
         "tokens": ["Kell", "police", "beat", "strikers", "."],
         "actors": [{"role": "source", "tok_start": 0, "tok_end": 2}], "penta_class": 4},
        {"text": "No class here.", "tokens": None, "actors": None, "penta_class": None},
    ]  # fmt: skip
    conflibert.write_text("\n".join(json.dumps(row) for row in rows))
    first, second = load_event_sentences(conflibert, "conflibert")
    assert (first.penta, second.penta) == (4, None)
    assert (first.sentence.actors[0].start, first.sentence.actors[0].end) == (0, 11)
    cameo = tmp_path / "cameo_codes.csv"
    cameo.write_text(
        "code,root_code,plover_event,example\n"
        "010,01,dropped,The minister said so.\n"
        "0231,02,dropped,\n"
        "190,19,ASSAULT,Troops fired on the town.\n"
    )
    examples = list(load_event_sentences(cameo, "cameo-examples"))
    assert [(g.cameo, g.root, g.type) for g in examples] == [
        ("010", "01", None),
        ("190", "19", "ASSAULT"),
    ]


def test_load_event_sentences_reads_older_country_codes_as_iso(tmp_path: Path) -> None:
    plover = tmp_path / "plover.jsonl"
    plover.write_text(json.dumps({
        "text": "Rome suspended flights to Tokyo.", "date": "1991-02-03",
        "event_type_plover2": "SANCTION", "mode": [], "mode_plover2_implied": None,
        "actors": [{"text": "Rome", "code": "ITLGOV"}],
        "recipients": [{"text": "Tokyo", "code": "JAP"}],
    }) + "\n")  # fmt: skip
    (gold,) = load_event_sentences(plover, "plover")
    assert (gold.sources, gold.targets) == (("ITAGOV",), ("JPN",))  # the dyads we write


def test_load_seed_events_reads_the_events(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text("Norland met Estavia.")
    gold = tmp_path / "expected.json"
    gold.write_text(json.dumps({
        "document": "article.txt", "actors": [],
        "events": [{"id": "m", "required": True, "source": "nldgov", "target": "EST",
                    "symmetric": True, "types": ["consult"], "cameo_roots": ["04"],
                    "attributed_to": "igowstnat"}],
    }))  # fmt: skip
    seed = load_seed_events(gold)
    assert seed.document.text == "Norland met Estavia."
    (expected,) = seed.events
    assert (expected.source, expected.types, expected.attributed_to) == (
        "NLDGOV", ("CONSULT",), "IGOWSTNAT",
    )  # fmt: skip
    assert expected.symmetric and expected.modality == "asserted"


def test_report_event_sentences_counts_rejections_and_is_json_ready() -> None:
    golds = [
        GoldEventSentence(sentence("Norland shelled Kell."), "ASSAULT", (), ("NLD",), ("KEL",)),
        GoldEventSentence(sentence("Estavia agreed."), "AGREE", (), ("EST",)),
    ]
    raw = RawDocument(id="d", origin="o", data=b"x", text="x", media_type="text")
    outcomes = [
        CodedDocument(
            raw=raw,
            article=Article(doc_id="d", text="Norland shelled Kell."),
            events=(event("NLD", "KEL", "ASSAULT", "190", quad_class=4),),
        ),
        Rejection("o", "extract", "empty", "no text"),
    ]
    report = report_event_sentences("gold.jsonl", "plover", golds, outcomes, seconds=1.0)
    assert isinstance(report, EventReport)
    assert (report.items, report.rejected, report.altered, report.coded_events) == (2, 1, 0, 1)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["gold_format"] == "plover"
    assert {m["name"] for m in data["metrics"]} >= {"type accuracy", "dyad F1", "mode accuracy"}
    text = report.render()
    assert "type accuracy" in text
    assert "AGREE vs -" not in text  # sentences are read only on the tune split
    assert "not shown on the all split" in text
    tuned = replace(report, split="tune")
    assert "AGREE vs -" in tuned.render()
    assert json.loads(json.dumps(tuned.to_dict()))["misses"]
    assert json.loads(json.dumps(replace(report, split="check").to_dict()))["misses"] == []
    with pytest.raises(InputError):
        report_event_sentences("expected.json", "seed", golds, outcomes)


def test_report_seed_events_renders_found_missed_and_false_positives() -> None:
    item = seed_item(())
    raw = RawDocument(id="d", origin="o", data=b"x", text=SEED_TEXT, media_type="text")
    outcome = CodedDocument(
        raw=raw,
        article=Article(doc_id="d", text=SEED_TEXT),
        annotation=Annotation("d", item.sentences, (), ()),
        events=(
            event("NLD", "EST", "AID", "070", modality="intended", sentence=0),
            event("EST", "NLD", "ACCUSE", "112", sentence=2, evidence="NATO met"),
        ),
    )
    expected = tuple(seed_expected())
    seed = SeedEvents(GoldSentence("d", "o", SEED_TEXT, ()), expected)
    report = report_seed_events("expected.json", seed, outcome)
    assert (report.items, report.rejected, report.coded_events) == (1, 0, 2)
    text = report.render()
    assert "found: NLD -> EST AID 070 intended (modality ok)" in text
    assert "MISSED; closest in its sentence: EST -> NLD ACCUSE 112 asserted" in text
    assert "      NATO met" in text  # the false positive's evidence
    assert json.loads(json.dumps(report.to_dict()))["seed_rows"][0]["found"] is True


@pytest.mark.model
def test_evaluate_events_runs_the_pipeline_on_a_small_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "plover_tiny.jsonl"
    rows = [
        {"id": "t1", "text": "The French government condemned the attack on Monday.",
         "date": "2020-03-02", "event_type_plover2": "ACCUSE", "mode": [],
         "actors": [{"text": "French government", "code": "FRA"}], "recipients": []},
        {"id": "t2", "text": "Russian troops shelled villages near the Ukrainian border.",
         "date": "2020-03-03", "event_type_plover2": "ASSAULT", "mode": ["heavy-weapons"],
         "actors": [{"text": "Russian troops", "code": "RUS"}],
         "recipients": [{"text": "villages", "code": "UKR"}]},
    ]  # fmt: skip
    gold.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    report = evaluate_events(gold, "plover")
    assert (report.items, report.skipped, report.rejected) == (2, 0, 0)
    totals = {m.name: m.total for m in report.metrics}
    assert (totals["type accuracy"], totals["dyad recall"], totals["mode accuracy"]) == (2, 2, 1)
    assert evaluate_events(gold, "plover", limit=1).items == 1
