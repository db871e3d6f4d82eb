"""Exports: GDELT TSV, PLOVER JSON Lines, CSV and Parquet, each read back to the same events."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from communique import store
from communique.cli import export
from communique.errors import InputError, StorageError
from communique.records import ActorRef
from communique.store import EventFilter
from communique.store.exports import GDELT_COLUMNS, export_events, gdelt_event_id
from sample_events import all_events, write_sample_db
from sample_events import document as sample_document

# The GDELT 2.0 event table as its codebook lists it, written out here on purpose.
CODEBOOK = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
    "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code",
    "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code", "Actor2Code",
    "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type",
    "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID", "Actor2Geo_Type",
    "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID", "ActionGeo_Type",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
]  # fmt: skip

app = typer.Typer()
app.command("export")(export.export_command)
app.command("unused")(lambda: None)  # two commands, so "export" is a subcommand as in the CLI


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_db(tmp_path_factory.mktemp("exports") / "sample.duckdb")


@pytest.fixture
def connection(db: Path) -> Iterator[store.Connection]:
    with store.open_database(db, read_only=True) as connection:
        yield connection


def test_gdelt_columns_are_the_61_of_the_codebook_in_order() -> None:
    assert len(CODEBOOK) == 61
    assert list(GDELT_COLUMNS) == CODEBOOK


def test_gdelt_round_trip(connection: store.Connection, tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    assert export_events(connection, path, "gdelt") == 8
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(line.count("\t") == 60 for line in lines)  # 61 fields, no header
    back = pd.read_csv(
        path, sep="\t", header=None, names=CODEBOOK, dtype=str, keep_default_na=False
    )
    events = {gdelt_event_id(e.id): e for e in all_events()}
    assert len(events) == 8 and set(back["GLOBALEVENTID"].astype(int)) == set(events)
    for row in back.to_dict("records"):
        event = events[int(row["GLOBALEVENTID"])]
        assert row["SQLDATE"] == (event.date or "").replace("-", "")
        assert row["Actor1Code"] == event.source.code and row["Actor1Name"] == event.source.name
        assert row["Actor2Code"] == (event.target.code if event.target else "")
        assert (row["EventCode"], row["EventRootCode"]) == (event.cameo, event.cameo[:2])
        assert int(row["QuadClass"]) == event.quad_class
        assert float(row["GoldsteinScale"]) == event.goldstein
        assert row["IsRootEvent"] == ("1" if event.sentence == 0 else "0")
        assert row["SOURCEURL"] == f"https://example.org/{event.doc_id}"
        assert row["AvgTone"] == "" and row["ActionGeo_Lat"] == ""
        assert len(row["DATEADDED"]) == 14


def test_gdelt_fills_dates_and_actor_attributes(
    connection: store.Connection, tmp_path: Path
) -> None:
    path = tmp_path / "events.tsv"
    export_events(connection, path, "gdelt", EventFilter(cameo="195"))
    (row,) = pd.read_csv(path, sep="\t", header=None, names=CODEBOOK, dtype=str).to_dict("records")
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == ("20240619", "202406", "2024")
    assert row["FractionDate"] == "2024.4685"  # day 171 of 365, as GDELT computes it
    assert (row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("RUS", "GOV")
    assert (row["Actor2CountryCode"], row["Actor2Type1Code"]) == ("UKR", "MIL")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("1", "1", "1")


def test_plover_round_trip(connection: store.Connection, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    assert export_events(connection, path, "plover") == 8
    back = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for item, event in zip(back, all_events(), strict=True):
        assert (item["id"], item["date"], item["event_type"], item["mode"]) == (
            event.id, event.date, event.type, event.mode,
        )  # fmt: skip
        assert item["actor"]["code"] == event.source.code
        assert item["actor"]["name"] == event.source.name
        assert item["recipient"] == (
            None if event.target is None else {
                "code": event.target.code, "name": event.target.name,
                "actor_id": event.target.actor_id, "country": event.target.code[:3],
            }
        )  # fmt: skip
        assert (item["modality"], item["cameo"], item["goldstein"]) == (
            event.modality, event.cameo, event.goldstein,
        )  # fmt: skip
        assert item["text"] == event.evidence and item["span"] == [event.start, event.end]
        assert item["story"]["id"] == event.doc_id
    assert back[2]["attributed_to"] == {"code": "IGOWSTNAT", "name": "NATO", "actor_id": "nato"}


def test_csv_and_parquet_round_trip_to_the_events_frame(
    connection: store.Connection, tmp_path: Path
) -> None:
    expected = store.events(connection)
    expected["date"] = expected["date"].dt.strftime("%Y-%m-%d")
    assert export_events(connection, tmp_path / "events.csv", "csv") == 8
    assert export_events(connection, tmp_path / "events.parquet", "parquet") == 8
    from_csv = pd.read_csv(tmp_path / "events.csv", dtype={"cameo": str})
    from_parquet = pq.read_table(tmp_path / "events.parquet").to_pandas()
    from_parquet["date"] = from_parquet["date"].map(lambda d: None if d is None else d.isoformat())
    for back in (from_csv, from_parquet):
        assert list(back.columns) == list(expected.columns)
        assert back["id"].tolist() == [e.id for e in all_events()]
        for column in ("cameo", "type", "modality", "source_code", "evidence", "article_url"):
            assert back[column].tolist() == expected[column].tolist(), column
        assert back["goldstein"].tolist() == expected["goldstein"].tolist()
        assert back["quad_class"].tolist() == expected["quad_class"].tolist()
        assert back["date"].where(back["date"].notna(), None).tolist()[:2] == [
            "2024-06-03", "2024-06-05",
        ]  # fmt: skip
        assert pd.isna(back["date"].iloc[-1]) and pd.isna(back["target_code"].iloc[-1])


def test_export_filters_limit_and_empty(connection: store.Connection, tmp_path: Path) -> None:
    path = tmp_path / "dyad.parquet"
    assert export_events(connection, path, "parquet", EventFilter(source="RUS", target="PRK")) == 3
    assert pq.read_table(path).column("id").to_pylist() == ["d1-e0", "d2-e0", "d2-e3"]
    assert export_events(connection, path, "csv", EventFilter(limit=2)) == 2
    assert export_events(connection, path, "parquet", EventFilter(actor="FRA")) == 0
    assert pq.read_table(path).num_rows == 0 and "cameo" in pq.read_table(path).column_names
    assert export_events(connection, tmp_path / "none.tsv", "gdelt", EventFilter(actor="FRA")) == 0


def test_export_unknown_format_and_unwritable_path(
    connection: store.Connection, tmp_path: Path
) -> None:
    with pytest.raises(InputError, match="expected one of: gdelt, plover, csv, parquet"):
        export_events(connection, tmp_path / "x.xml", "xml")
    folder = tmp_path / "taken"
    folder.mkdir()
    (folder / "x.csv").mkdir()  # the target is a folder: the rename fails
    with pytest.raises(StorageError, match="Cannot write the export"):
        export_events(connection, folder / "x.csv", "csv")
    assert sorted(p.name for p in folder.iterdir()) == ["x.csv"]  # no half-written .part


def test_export_command_writes_the_file_with_filters(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "assaults.tsv"
    args = ["export", "--format", "gdelt", "-o", str(target), "--type", "ASSAULT", "--db", str(db)]
    result = CliRunner().invoke(app, [*args, "--modality", "asserted"])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"2 events → {target}\n"
    assert len(target.read_text(encoding="utf-8").splitlines()) == 2
    bad = CliRunner().invoke(app, [*args[:2], "json", *args[3:]])
    assert isinstance(bad.exception, InputError) and "gdelt, plover, csv, parquet" in str(
        bad.exception
    )


def test_gdelt_line_breaks_and_tabs_in_names_never_split_a_row(tmp_path: Path) -> None:
    odd = ActorRef("RUSGOV", "Sergei\tLavrov\nHäkkänen", "odd")
    document = sample_document("d1", "2024-06-03")
    document = replace(document, events=(replace(document.events[0], source=odd),))
    with store.open_database(tmp_path / "odd.duckdb") as connection:
        store.StoreWriter(connection).write([document])
        export_events(connection, tmp_path / "odd.tsv", "gdelt")
        export_events(connection, tmp_path / "odd.jsonl", "plover")
    (line,) = (tmp_path / "odd.tsv").read_text(encoding="utf-8").splitlines()
    assert line.split("\t")[6] == "Sergei Lavrov Häkkänen"
    (item,) = [json.loads(x) for x in (tmp_path / "odd.jsonl").read_text("utf-8").splitlines()]
    assert item["actor"]["name"] == "Sergei\tLavrov\nHäkkänen"  # JSON keeps it exactly
