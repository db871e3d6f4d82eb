"""`communique events` and `export` with --place, --country and --near over located events."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from communique.cli import export, query
from located_events import write_located_db

# Wired as cli/__init__.py wires them.
app = typer.Typer()
app.command("events")(query.events_command)
app.command("export")(export.export_command)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(write_located_db(tmp_path_factory.mktemp("cli-located") / "located.duckdb"))


def ids(db: str, *args: str) -> list[str]:
    result = CliRunner().invoke(app, ["events", *args, "--format", "json", "--db", db])
    assert result.exit_code == 0, result.output
    return [event["id"] for event in json.loads(result.stdout)]


def plain(output: str) -> str:
    """Typer's boxed error message as one line of words."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", output).split())


def test_events_place_country_and_near(db: str) -> None:
    assert ids(db, "--place", "Kharkiv") == ["loc1-e0", "loc1-e1"]
    assert ids(db, "--place", "kharkivska") == ["loc1-e0", "loc1-e1"]
    assert ids(db, "--country", "prk") == ["loc2-e0", "loc2-e1"]
    assert ids(db, "--near", "50.45,30.52,25") == ["loc1-e2"]
    assert ids(db, "--near", "31.25,-99.25,10") == ["loc2-e2"]  # a negative value
    assert ids(db, "--near", "-33.9,18.4,100") == []  # a leading minus is a value, not an option
    assert ids(db, "--country", "UKR", "--near", "50,36,100") == ["loc1-e0", "loc1-e1"]


def test_events_json_rows_carry_the_location_columns(db: str) -> None:
    result = CliRunner().invoke(app, ["events", "--place", "kyiv", "--format", "json", "--db", db])
    (row,) = json.loads(result.stdout)
    assert (row["location_name"], row["location_country"], row["location_feature"]) == (
        "Kyiv", "UKR", "city",
    )  # fmt: skip
    assert row["location_geonameid"] == 703448 and row["location_lat"] == 50.45466


def test_events_table_shows_the_location_name(db: str) -> None:
    result = CliRunner().invoke(app, ["events", "--country", "USA", "--db", db])
    header, line = result.stdout.splitlines()
    assert "location_name" in header.split() and "Texas" in line


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("--near", "50.45,30.52", "not three numbers"),
        ("--near", "north", "not three numbers"),
        ("--near", "95,30,10", "off the map"),
        ("--near", "50,30,-5", "off the map"),
        ("--country", "UA", "not an ISO 3166 alpha-3 code"),
    ],
)
def test_bad_location_options_are_usage_errors_naming_the_option(
    db: str, option: str, value: str, says: str
) -> None:
    for command in (["events"], ["export", "--format", "csv", "-o", "unused.csv"]):
        result = CliRunner().invoke(app, [*command, option, value, "--db", db])
        assert result.exit_code == 2, result.output
        message = plain(result.output)
        assert f"Invalid value for '{option}'" in message and says in message
        if option == "--near":
            assert "expected LAT,LON,KM" in message


def test_export_with_location_filters(db: str, tmp_path: Path) -> None:
    target = tmp_path / "kharkiv.jsonl"
    args = ["export", "--format", "plover", "-o", str(target), "--place", "kharkiv"]
    result = CliRunner().invoke(app, [*args, "--country", "UKR", "--db", db])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"2 events → {target}\n"
    items = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    assert {item["event_loc"]["name"] for item in items} == {"Kharkiv"}
    near = tmp_path / "near.tsv"
    args = ["export", "--format", "gdelt", "-o", str(near), "--near", "39,125.7,20"]
    assert CliRunner().invoke(app, [*args, "--db", db]).exit_code == 0
    (line,) = near.read_text("utf-8").splitlines()
    assert "Pyongyang, North Korea" in line.split("\t")
