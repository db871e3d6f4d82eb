"""Exports of "where": GDELT's ActionGeo_* columns, PLOVER's event_loc, CSV and Parquet columns,
each read back to the locations written (and empty or null for an event without one)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from communique import store
from communique.pipeline.output import place_dict
from communique.records import Event
from communique.store import EventFilter
from communique.store.exports import GDELT_COLUMNS, export_events, gdelt_event_id
from located_events import all_located_events, write_located_db

EVENTS = {e.id: e for e in all_located_events()}
# GDELT's ActionGeo_Type and ActionGeo_FullName for each located event.
GDELT_GEO = {
    "loc1-e0": ("4", "Kharkiv, Kharkivska Oblast, Ukraine"),
    "loc1-e1": ("4", "Kharkiv, Kharkivska Oblast, Ukraine"),
    "loc1-e2": ("4", "Kyiv, Kyiv City, Ukraine"),
    "loc2-e0": ("4", "Pyongyang, North Korea"),
    "loc2-e1": ("1", "North Korea"),
    "loc2-e2": ("2", "Texas, United States"),
    "loc2-e3": ("5", "Donbas, Ukraine"),
    "loc2-e4": ("5", "Black Sea"),
}


@pytest.fixture(scope="module")
def connection(tmp_path_factory: pytest.TempPathFactory) -> Iterator[store.Connection]:
    path = write_located_db(tmp_path_factory.mktemp("located") / "located.duckdb")
    with store.open_database(path, read_only=True) as connection:
        yield connection


def _geo(row: dict[str, str], field: str) -> str:
    return row[f"ActionGeo_{field}"]


def test_gdelt_action_geo_round_trip(connection: store.Connection, tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    assert export_events(connection, path, "gdelt") == len(EVENTS)
    back = pd.read_csv(
        path, sep="\t", header=None, names=GDELT_COLUMNS, dtype=str, keep_default_na=False
    )
    by_gdelt_id = {gdelt_event_id(event_id): event for event_id, event in EVENTS.items()}
    for row in back.to_dict("records"):
        event = by_gdelt_id[int(row["GLOBALEVENTID"])]
        where = event.location
        if where is None:
            assert all(_geo(row, f) == "" for f in ("Type", "FullName", "Lat", "FeatureID"))
            assert _geo(row, "CountryCode") == "" and _geo(row, "ADM1Code") == ""
            continue
        assert (_geo(row, "Type"), _geo(row, "FullName")) == GDELT_GEO[event.id]
        assert _geo(row, "CountryCode") == (where.country or "")
        assert _geo(row, "ADM1Code") == (where.country or "")
        assert _geo(row, "ADM2Code") == ""
        assert float(_geo(row, "Lat")) == where.lat and float(_geo(row, "Long")) == where.lon
        assert _geo(row, "FeatureID") == ("" if where.geonameid is None else str(where.geonameid))
        # Actors are not located: their geography stays empty.
        assert row["Actor1Geo_Type"] == "" and row["Actor2Geo_Lat"] == ""


def test_plover_event_loc_round_trip(connection: store.Connection, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    export_events(connection, path, "plover")
    back = {item["id"]: item for item in map(json.loads, path.read_text("utf-8").splitlines())}
    assert set(back) == set(EVENTS)
    for event_id, event in EVENTS.items():
        expected = None if event.location is None else place_dict(event.location)
        assert back[event_id]["event_loc"] == expected, event_id
    assert back["loc1-e3"]["event_loc"] is None
    assert back["loc2-e4"]["event_loc"]["country"] is None


def _location_columns(event: Event) -> dict[str, object]:
    where = event.location
    names = ("name", "geonameid", "lat", "lon", "country", "admin1", "feature", "start", "end")
    return {f"location_{n}": None if where is None else getattr(where, n) for n in names}


@pytest.mark.parametrize("export_format", ["csv", "parquet"])
def test_csv_and_parquet_carry_the_location_columns(
    connection: store.Connection, tmp_path: Path, export_format: str
) -> None:
    path = tmp_path / f"events.{export_format}"
    export_events(connection, path, export_format, EventFilter(place="kharkiv"))
    if export_format == "csv":
        back = pd.read_csv(path, dtype={"cameo": str})
    else:
        back = pq.read_table(path).to_pandas()
    assert back["id"].tolist() == ["loc1-e0", "loc1-e1"]
    for row in back.to_dict("records"):
        expected = _location_columns(EVENTS[row["id"]])
        assert {k: row[k] for k in expected} == expected


def test_export_filters_by_location(connection: store.Connection, tmp_path: Path) -> None:
    path = tmp_path / "near.jsonl"
    assert export_events(connection, path, "plover", EventFilter(near="50.45,30.52,25")) == 1
    assert json.loads(path.read_text("utf-8"))["event_loc"]["name"] == "Kyiv"
    assert export_events(connection, path, "gdelt", EventFilter(country="PRK")) == 2
