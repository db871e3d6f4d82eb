"""Geo evaluation: gold loading, GPE/LOC-type toponyms, placing gold spans in our text, and
scoring both modes with a fake geoparser on hand-made articles."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.errors import InputError
from communique.evaluate._geo_gold import (
    GEO_SETS,
    GeoArticle,
    GoldToponym,
    guess_set,
    is_demonym,
    is_place_name,
    load_geo,
)
from communique.evaluate._geo_scoring import ModeScore
from communique.evaluate._quote_align import OffsetMap
from communique.evaluate.geo import (
    Geoparser,
    GeoReport,
    check_mode,
    evaluate_geo,
    place_toponyms,
    score_geo,
)
from communique.evaluate.splits import Split
from communique.evaluate.suite import SUITE, quality_tables, render_table
from communique.records import (
    ActorMention,
    Annotation,
    Article,
    CodedDocument,
    Place,
    RawDocument,
    Rejection,
)

# Written for these tests: two toponyms, one a demonym; Lyon sits after a line extraction drops.
TEXT = "Riots in Lyon\n\nFrench police said on Monday that Lyon was calm."
LYON = (45.76, 4.84)


def _toponym(name: str, after: int = 0, **extra: object) -> dict[str, object]:
    start = TEXT.index(name, after)
    lat, lon = LYON if name == "Lyon" else (46.0, 2.0)
    return {"start": start, "end": start + len(name), "name": name, "lat": lat, "lon": lon, **extra}


def _write(tmp_path: Path, rows: list[dict[str, object]], name: str = "geo_lgl_dev.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _record(**extra: object) -> dict[str, object]:
    toponyms = [
        _toponym("Lyon", gaz_name="Lyon"),
        _toponym("French", gaz_name="Republic of France"),
        _toponym("Lyon", 20, gaz_name="Lyon"),
    ]
    return {"id": "a1", "text": TEXT, "source_set": "lgl", "toponyms": toponyms, **extra}


def test_load_geo_reads_toponyms_and_marks_demonyms(tmp_path: Path) -> None:
    (article,) = load_geo(_write(tmp_path, [_record()]))
    assert article.id == "a1" and article.source_set == "lgl"
    assert [t.name for t in article.toponyms] == ["Lyon", "French", "Lyon"]
    assert [t.place_name for t in article.toponyms] == [True, False, True]
    assert article.toponyms[1].kind == "demonym"
    assert article.toponyms[0].lat == LYON[0]


def test_load_geo_rejects_a_span_that_does_not_hold_its_name(tmp_path: Path) -> None:
    bad = _record(toponyms=[{"start": 0, "end": 4, "name": "Lyon", "lat": 1, "lon": 2}])
    with pytest.raises(InputError, match=r"is not at 0\.\.4"):
        load_geo(_write(tmp_path, [bad]))
    with pytest.raises(InputError, match="'text' and a 'toponyms' list"):
        load_geo(_write(tmp_path, [{"id": "x", "text": "t"}]))
    with pytest.raises(InputError, match="lat and lon"):
        load_geo(_write(tmp_path, [_record(toponyms=[{"start": 0, "end": 5, "name": "Riots"}])]))
    with pytest.raises(InputError, match="expected a geo gold file"):
        load_geo(tmp_path / "none.jsonl")


@pytest.mark.parametrize(
    ("name", "gazetteer", "demonym"),
    [
        ("Russian", "Russian Federation", False),  # a word of the place's own name
        ("Russians", "Russia", True),
        ("Turkish", "Turkey", True),
        ("French", "Republic of France", True),
        ("Israeli", "State of Israel", True),
        ("Sudan", "Republic of the Sudan", False),
        ("US", "United States", False),  # an abbreviation
        ("Ky.", "Kentucky", False),
        ("Tehran", "Tehrān", False),  # accents aside, the same name
        ("Iran", None, False),  # without the place's name, never a demonym
        ("New Mexican", "New Mexico", False),  # one word only
    ],
)
def test_is_demonym(name: str, gazetteer: str | None, demonym: bool) -> None:
    assert is_demonym(name, gazetteer) is demonym


def test_is_place_name_per_set() -> None:
    literal = {"name": "Syria", "toponym_type": "Literal", "modifier_type": None}
    mixed_adjective = {"name": "Turkish", "toponym_type": "Mixed", "modifier_type": "Adjective"}
    modifier = {"name": "US", "toponym_type": "Non_Literal_Modifier", "modifier_type": "Noun"}
    assert is_place_name("gwn", literal) == (True, "Literal")
    assert is_place_name("gwn", mixed_adjective) == (False, "Mixed")
    assert is_place_name("gwn", modifier) == (False, "Non_Literal_Modifier")
    assert is_place_name("gwn", {"name": "Capitol", "toponym_type": "Coercion"})[0] is False
    assert is_place_name("trnews", {"name": "Turkish", "gaz_name": "Turkey"}) == (False, "demonym")
    assert is_place_name("geovirus", {"name": "Turkish"}) == (True, "")  # names only there
    assert guess_set(Path("data/geo_trnews_dev.jsonl")) == "trnews"
    assert guess_set(Path("mine.jsonl")) == ""


def test_place_toponyms_follow_extraction_and_drop_lost_words() -> None:
    (gold,) = [_article()]
    ours = TEXT.split("\n\n", 1)[1]  # extraction took the first line as the title
    placed = place_toponyms(gold, ours, OffsetMap(gold.text, ours))
    pairs = [(t.name, ours[t.start : t.end]) for t in placed]
    assert pairs == [("French", "French"), ("Lyon", "Lyon")]
    spaced = TEXT.replace("Monday that", "Monday  that")
    placed = place_toponyms(gold, spaced, OffsetMap(gold.text, spaced))
    assert [spaced[t.start : t.end] for t in placed] == ["Lyon", "French", "Lyon"]


def _article() -> GeoArticle:
    def at(name: str, after: int = 0, place_name: bool = True) -> GoldToponym:
        start = TEXT.index(name, after)
        lat, lon = LYON if name == "Lyon" else (46.0, 2.0)
        return GoldToponym(start, start + len(name), name, lat, lon, None, place_name)

    toponyms = (at("Lyon"), at("French", place_name=False), at("Lyon", 20))
    return GeoArticle("a1", "test:1", TEXT, "lgl", toponyms)


def _outcome(text: str) -> CodedDocument:
    raw = RawDocument("a1", "test:1", text.encode(), text, "text")
    return CodedDocument(raw, Article("a1", text), Annotation("a1", (), (), ()))


def _found(name: str, start: int, lat: float, lon: float) -> Place:
    return Place("a1", start, start + len(name), name, 1, lat, lon, "FRA", None, "city")


class FakeGeoparser:
    """Finds Lyon twice (once in the wrong Lyon) and "police"; resolves spans by a table."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def find(
        self, article: Article, annotation: Annotation, actors: Sequence[ActorMention]
    ) -> Sequence[Place]:
        first, second = article.text.index("Lyon"), article.text.rindex("Lyon")
        police = article.text.index("police")
        return (
            _found("Lyon", first, *LYON),
            _found("police", police, 0.0, 0.0),
            _found("Lyon", second, 42.9, -76.0),  # Lyons, New York
        )

    def resolve(
        self,
        article: Article,
        annotation: Annotation,
        spans: Sequence[tuple[int, int]],
        actors: Sequence[ActorMention],
    ) -> Sequence[Place | None]:
        self.spans.extend(spans)
        return [_found("Lyon", s, *LYON) if article.text[s:e] == "Lyon" else None for s, e in spans]


def _score(
    outcomes: list[CodedDocument | Rejection], split: Split = "tune"
) -> tuple[GeoReport, FakeGeoparser]:
    fake = FakeGeoparser()
    report = score_geo(
        "geo_lgl_dev.jsonl",
        [_article()] * len(outcomes),
        outcomes,
        Geoparser(fake.find, fake.resolve),
        "both",
        split,
    )
    return report, fake


def _rows(report: GeoReport) -> tuple[ModeScore, ModeScore]:
    spans, e2e = report.score("spans"), report.score("e2e")
    assert spans is not None and e2e is not None
    return spans, e2e


def test_score_geo_both_modes_on_an_unchanged_text() -> None:
    report, fake = _score([_outcome(TEXT)])
    spans, e2e = _rows(report)
    assert report.source_set == "lgl" and report.altered == 0
    assert fake.spans == [(9, 13), (15, 21), (49, 53)]
    assert (spans.gold, spans.scored, spans.unresolved) == (3, 3, 1)
    assert spans.accuracy == pytest.approx(2 / 3)
    assert spans.accuracy_place_names == 1.0  # "French" is a demonym: left out
    assert e2e.predicted == 3
    assert e2e.precision == pytest.approx(2 / 3)  # "police" is no toponym
    assert e2e.recall == pytest.approx(2 / 3)  # "French" was not found
    assert e2e.recall_place_names == 1.0  # both Lyons; "French" is a demonym
    assert e2e.accuracy == pytest.approx(1 / 2)  # the second Lyon went to New York
    assert e2e.accuracy_place_names == pytest.approx(1 / 2)
    metrics = report.metrics()
    assert metrics["placed"] == 1.0
    assert metrics["resolution: resolved"] == pytest.approx(2 / 3)
    assert metrics["end to end: recall (GPE/LOC)"] == 1.0
    assert set(metrics) >= {"resolution: AUC", "end to end: median km", "end to end: AUC"}


def test_score_geo_counts_rejected_and_unplaced_toponyms() -> None:
    ours = TEXT.split("\n\n", 1)[1]
    rejection = Rejection("test:1", "extract", "no-body", "nothing left", "a1")
    report, _ = _score([_outcome(ours), rejection])
    spans, e2e = _rows(report)
    assert (report.rejected, report.altered) == (1, 1)
    assert (spans.gold, spans.unplaced, spans.scored) == (6, 4, 2)
    assert (e2e.gold, e2e.unplaced) == (6, 4)
    assert e2e.recall == pytest.approx(1 / 6)  # only the second Lyon of the first article


def test_report_shows_examples_on_tune_and_hides_them_on_check() -> None:
    tune, _ = _score([_outcome(TEXT)], "tune")
    text = tune.render()
    assert "resolution (gold spans)" in text and "end to end" in text
    assert "'Lyon' -> Lyon (FRA, city)" in text  # a wrong resolution, with its error
    assert "'French' -> unresolved  20,039 km  x1" in text
    assert "'police'" in text  # an extra
    check, _ = _score([_outcome(TEXT)], "check")
    shown = check.render()
    assert "examples not shown on the check split" in shown
    assert "police" not in shown and "'French'" not in shown
    data = check.to_dict()
    assert data["worst"] == {} and data["misses"] == [] and data["extras"] == []
    assert data["metrics"]["end to end: precision"] == pytest.approx(2 / 3)
    json.dumps(data)  # JSON-ready


def test_single_mode_scores_only_that_mode() -> None:
    fake = FakeGeoparser()
    geoparser = Geoparser(fake.find, fake.resolve)
    report = score_geo("x.jsonl", [_article()], [_outcome(TEXT)], geoparser, "e2e")
    assert [row.mode for row in report.scores] == ["e2e"]
    assert fake.spans == []
    assert "resolution: AUC" not in report.metrics()


def test_check_mode_and_cli_errors(tmp_path: Path) -> None:
    assert check_mode("spans") == "spans"
    with pytest.raises(InputError, match="expected one of e2e, spans, both"):
        check_mode("gold")
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "geo", "--gold", str(tmp_path / "none.jsonl")])
    assert isinstance(result.exception, InputError)
    assert "no such gold file" in str(result.exception)
    gold = _write(tmp_path, [_record()])
    result = runner.invoke(app, ["eval", "geo", "--gold", str(gold), "--mode", "gold"])
    assert isinstance(result.exception, InputError)
    assert "unknown mode" in str(result.exception)


def test_suite_runs_the_four_geo_sets_and_tables_their_headline() -> None:
    geo = {item.name: item.path for item in SUITE if item.harness == "geo"}
    assert geo == {f"geo/{name}": f"dev/geo_{name}_dev.jsonl" for name in GEO_SETS}
    report, _ = _score([_outcome(TEXT)], "check")
    result = {
        "run": {"date": "2026-12-04", "split": "check", "spacy_model": "m 1", "seconds": 1.0},
        "sets": {"geo/lgl": {"split": "check", "n": 1, "metrics": report.metrics()}},
        "baselines": {},
    }
    table = quality_tables(result)
    assert "| `geo/lgl` | check | 1 | resolution: accuracy@161km | 0.667 |  |" in table
    assert "| end to end: recall (GPE/LOC) | 1.000 |" in table
    assert "median km" not in table  # in the JSON, not the table
    assert "geo/lgl  n=1 (check); resolution: accuracy@161km 0.667" in render_table(result)


@pytest.mark.model
def test_evaluate_geo_runs_the_pipeline_and_the_shipped_geoparser(tmp_path: Path) -> None:
    text = "Protesters marched in Paris on Sunday. Police in France said the march was calm."
    toponyms = []
    for name, lat, lon in (("Paris", 48.8534, 2.3488), ("France", 46.0, 2.0)):
        start = text.index(name)
        toponyms.append(
            {"start": start, "end": start + len(name), "name": name, "lat": lat, "lon": lon}
        )
    row: dict[str, object] = {
        "id": "g1",
        "text": text,
        "source_set": "geovirus",
        "toponyms": toponyms,
    }
    report = evaluate_geo(_write(tmp_path, [row], "geo_geovirus_dev.jsonl"), split="all")
    spans, e2e = _rows(report)
    assert (report.articles, report.rejected, report.source_set) == (1, 0, "geovirus")
    assert (spans.gold, spans.unplaced, spans.scored) == (2, 0, 2)
    assert e2e.predicted >= 1 and e2e.recall is not None
    assert report.seconds > 0 and report.geo_seconds > 0
