"""`communique events`, `actors`, `quotes` and `article` over a hand-made database."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from communique.cli import actors, query
from communique.errors import InputError, StorageError
from sample_events import write_sample_db

# Wired as cli/__init__.py wires them.
app = typer.Typer()
app.command("events")(query.events_command)
app.command("quotes")(query.quotes_command)
app.command("article")(query.article_command)
app.add_typer(actors.app, name="actors")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(write_sample_db(tmp_path_factory.mktemp("queries") / "sample.duckdb"))


def run(db: str, *args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--db", db])
    assert result.exit_code == 0, result.output
    return result.stdout


def ids(db: str, *args: str) -> list[str]:
    found = json.loads(run(db, "events", *args, "--format", "json"))
    return [event["id"] for event in found]


def error(db: str, *args: str) -> BaseException | None:
    return CliRunner().invoke(app, [*args, "--db", db]).exception


def test_events_table_lists_every_event_earliest_first(db: str) -> None:
    lines = run(db, "events").splitlines()
    assert lines[0].split()[:4] == ["date", "source_code", "target_code", "type"]
    assert len(lines) == 1 + 8
    assert "2024-06-03" in lines[1] and "SUPPORT" in lines[1]
    assert "NaT" not in lines[-1]  # the undated event is last


def test_events_json_is_one_array_of_full_rows(db: str) -> None:
    found = json.loads(run(db, "events", "--format", "json"))
    assert isinstance(found, list) and len(found) == 8
    first = found[0]
    assert first["id"] == "d1-e0" and first["date"] == "2024-06-03"
    assert first["cameo"] == "057" and first["quad_class"] == 1 and first["goldstein"] == 8.0
    assert first["article_url"] == "https://example.org/d1"
    assert found[-1]["date"] is None and found[-1]["target_code"] is None


def test_events_csv_has_a_header_and_every_row(db: str) -> None:
    frame = pd.read_csv(io.StringIO(run(db, "events", "--format", "csv")), dtype={"cameo": str})
    assert frame["id"].tolist()[:2] == ["d1-e0", "d1-e1"] and len(frame) == 8
    assert frame.loc[0, "cameo"] == "057" and frame.loc[0, "date"] == "2024-06-03"


def test_events_empty_result(db: str) -> None:
    assert run(db, "events", "--actor", "FRA", "--format", "json") == "[]\n"
    result = CliRunner().invoke(app, ["events", "--actor", "FRA", "--db", db])
    assert result.exit_code == 0 and result.stdout == "" and "no events match" in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--actor", "PRK"], ["d1-e0", "d1-e1", "d2-e0", "d2-e3"]),
        (["--actor", "korea"], ["d1-e0", "d1-e1", "d2-e0", "d2-e3"]),
        (["--actor", "putin"], ["d2-e3"]),
        (["--dyad", "RUS", "PRK"], ["d1-e0", "d2-e0", "d2-e3"]),
        (["--dyad", "PRK", "russia"], ["d1-e1"]),
        (["--type", "assault"], ["d2-e1", "d2-e2", "d2-e4"]),
        (["--cameo", "19"], ["d2-e1", "d2-e2", "d2-e4"]),
        (["--cameo", "195"], ["d2-e1"]),
        (["--quad-class", "3"], ["d1-e2", "d2-e0"]),
        (["--modality", "possible"], ["d2-e2"]),
        (["--attributed-to", "NATO"], ["d1-e2"]),
        (["--since", "2024-06-18", "--until", "2024-06-18"], ["d2-e0"]),
        (["--text", "UKRAINIAN"], ["d2-e1"]),
        (["--type", "ACCUSE", "--limit", "1"], ["d1-e2"]),
    ],
)
def test_events_filters(db: str, args: list[str], expected: list[str]) -> None:
    assert ids(db, *args) == expected


@pytest.mark.parametrize(
    ("args", "listed"),
    [
        (["--modality", "maybe"], "asserted, possible, intended, negated, conditional"),
        (["--quad-class", "7"], "1 (verbal cooperation), 2 (material cooperation)"),
        (["--type", "HUG"], "AGREE, CONSULT, SUPPORT"),
        (["--cameo", "099"], "codes under root 09"),
        (["--cameo", "x1"], "2 to 4 digits"),
        (["--since", "2024-13-01"], "expected YYYY-MM-DD"),
        (["--since", "2024-07-01", "--until", "2024-06-01"], "is after until"),
    ],
)
def test_events_bad_filter_is_an_input_error_listing_the_choices(
    db: str, args: list[str], listed: str
) -> None:
    raised = error(db, "events", *args)
    assert isinstance(raised, InputError)  # main() prints it as one line and exits 2
    assert listed in str(raised)


def test_events_bad_format_is_a_usage_error(db: str) -> None:
    result = CliRunner().invoke(app, ["events", "--format", "xml", "--db", db])
    assert result.exit_code == 2 and "table, json, csv" in result.output


def test_events_database_from_the_setting_or_missing(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMMUNIQUE_DB", db)
    result = CliRunner().invoke(app, ["events", "--cameo", "057", "--format", "json"])
    assert [e["id"] for e in json.loads(result.stdout)] == ["d1-e0"]
    raised = error(str(tmp_path / "none.duckdb"), "events")
    assert isinstance(raised, StorageError) and "communique ingest" in str(raised)


def test_actors_lists_counts_and_filters(db: str) -> None:
    found = json.loads(run(db, "actors", "--format", "json"))
    by_name = {actor["name"]: actor for actor in found}
    assert by_name["Russia"]["code"] == "RUSGOV" and by_name["Russia"]["events"] == 7
    assert by_name["Russia"]["mentions"] == 2 and by_name["Russia"]["documents"] == 2
    assert by_name["NATO"]["country"] is None and by_name["NATO"]["events"] == 0
    only = json.loads(run(db, "actors", "--role", "president", "--format", "json"))
    assert [(a["name"], a["roles"]) for a in only] == [("Vladimir Putin", "president")]
    codes = json.loads(run(db, "actors", "--code", "prk", "--format", "json"))
    assert [a["code"] for a in codes] == ["PRKGOV"]
    named = json.loads(run(db, "actors", "--name", "korea", "--format", "json"))
    assert [a["name"] for a in named] == ["North Korea"]
    assert run(db, "actors", "--limit", "2").count("\n") == 3
    assert "Ukrainian military" in run(db, "actors", "--format", "csv")


def test_quotes_by_speaker_text_and_format(db: str) -> None:
    assert "We help friends." in run(db, "quotes", "--speaker", "putin")
    found = json.loads(run(db, "quotes", "--speaker", "IGO", "--format", "json"))
    assert [(q["id"], q["speaker_name"]) for q in found] == [("d1-q0", "NATO")]
    everything = json.loads(run(db, "quotes", "--format", "json"))
    assert [q["id"] for q in everything] == ["d1-q0", "d2-q0", "d2-q1"]
    assert everything[2]["speaker_code"] is None
    assert everything[2]["speaker_name"] == "an official"  # not coded, still named
    uncoded = json.loads(run(db, "quotes", "--speaker", "official", "--format", "json"))
    assert [q["id"] for q in uncoded] == ["d2-q1"]
    assert [
        q["id"] for q in json.loads(run(db, "quotes", "--text", "NOBODY", "--format", "json"))
    ] == ["d2-q1"]
    frame = pd.read_csv(io.StringIO(run(db, "quotes", "--format", "csv")))
    assert frame["article_title"].tolist() == ["Title d1", "Title d2", "Title d2"]
    raised = error(db, "quotes", "--kind", "shouted")
    assert isinstance(raised, InputError) and "direct, indirect" in str(raised)


def test_article_text_lists_its_events_and_quotes(db: str) -> None:
    shown = run(db, "article", "d1")
    assert shown.startswith("■ Title d1\n  id d1 · published 2024-06-03 · source Example Wire")
    assert "Russia and North Korea signed a pact." in shown
    assert "events (3):" in shown and "quotes (1):" in shown
    assert "United States [USAGOV] → Russia [RUSGOV]  ACCUSE 112 (-2.0, asserted)" in shown
    assert "according to NATO [IGOWSTNAT]" in shown
    assert "NATO [IGOWSTNAT] (direct): “We are concerned.”" in shown
    assert "an official (direct): “Nobody knows.”" in run(db, "article", "d2")


def test_article_json_is_the_output_contract(db: str) -> None:
    contract = json.loads(run(db, "article", "d2", "--format", "json"))
    assert set(contract) == {"article", "actors", "events", "quotes", "places", "rejections"}
    assert contract["places"] == [] and contract["events"][0]["location"] is None
    assert contract["article"]["id"] == "d2" and contract["article"]["url"].endswith("/d2")
    assert [e["id"] for e in contract["events"]] == [f"d2-e{n}" for n in range(5)]
    assert contract["events"][4]["target"] is None and contract["events"][4]["date"] is None
    assert contract["events"][3]["source"] == {
        "code": "RUSGOV",
        "name": "Vladimir Putin",
        "actor_id": "putin",
    }
    assert contract["quotes"][1]["speaker"] == {
        "code": None,
        "name": "an official",
        "actor_id": None,
    }
    assert {a["code"] for a in contract["actors"]} >= {"RUSGOV", "UKRMIL"}


def test_article_rejected_unknown_and_bad_format(db: str) -> None:
    assert "d3: not coded (d3.html: extract failed (no-body)" in run(db, "article", "d3")
    rejected = json.loads(run(db, "article", "d3", "--format", "json"))
    assert rejected["article"] is None and rejected["rejections"][0]["reason"] == "no-body"
    raised = error(db, "article", "nope")
    assert isinstance(raised, InputError) and "no document 'nope'" in str(raised)
    assert CliRunner().invoke(app, ["article", "d1", "--format", "csv", "--db", db]).exit_code == 2
