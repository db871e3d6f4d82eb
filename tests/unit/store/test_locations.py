"""Where: event locations and places stored, read back, filtered, counted and upgraded into."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from communique import store
from communique.errors import InputError, StorageError
from communique.store import EventFilter, migrations
from communique.store.queries import event_page
from located_events import (
    all_located_events,
    document,
    located_documents,
    place,
    write_located_db,
)


@pytest.fixture
def located(connection: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    store.StoreWriter(connection).write(located_documents())
    return connection


def _ids(connection: duckdb.DuckDBPyConnection, **filters: Any) -> list[str]:
    return [str(event_id) for event_id in store.events(connection, EventFilter(**filters))["id"]]


def test_writer_stores_places_and_event_locations(located: duckdb.DuckDBPyConnection) -> None:
    counts = store.counts(located)
    assert counts["places"] == sum(len(d.places) for d in located_documents()) == 8
    row = located.execute(
        "SELECT location_name, location_geonameid, location_lat, location_lon, location_country,"
        " location_admin1, location_feature, location_start, location_end, location_producer"
        " FROM events WHERE id = 'loc1-e0'"
    ).fetchone()
    kharkiv = place("loc1", "Kharkiv")
    assert row == (
        "Kharkiv", 706483, 49.98081, 36.25272, "UKR", "Kharkivska Oblast", "city",
        kharkiv.start, kharkiv.end, "geo.test.v1",
    )  # fmt: skip
    unlocated = located.execute(
        "SELECT location_name, location_lat FROM events WHERE id = 'loc1-e3'"
    ).fetchone()
    assert unlocated == (None, None)


def test_writer_result_counts_places(connection: duckdb.DuckDBPyConnection) -> None:
    result = store.StoreWriter(connection).write(located_documents())
    assert result.places == 8 and result.events == 9


def test_coded_document_rebuilds_places_and_locations(
    located: duckdb.DuckDBPyConnection,
) -> None:
    for original in located_documents():
        back = store.coded_document(located, original.raw.id)
        assert back is not None
        assert back.places == original.places
        assert [e.location for e in back.events] == [e.location for e in original.events]
        assert back.events == original.events


def test_recode_replaces_places_and_rewrite_without_recode_keeps_them(
    located: duckdb.DuckDBPyConnection,
) -> None:
    changed = replace(document("loc1"), places=(place("loc1", "Kyiv"),))
    store.StoreWriter(located).write([changed])  # stored already: skipped
    assert len(store.document_places(located, "loc1")) == 3
    store.StoreWriter(located, recode=True).write([changed])
    assert store.document_places(located, "loc1") == (place("loc1", "Kyiv"),)
    assert store.counts(located)["places"] == 1 + 5


def test_recode_without_places_removes_them(located: duckdb.DuckDBPyConnection) -> None:
    bare = replace(document("loc2"), places=(), events=())
    store.StoreWriter(located, recode=True).write([bare])
    assert store.document_places(located, "loc2") == ()
    assert store.counts(located)["places"] == 3


def test_events_frame_has_flat_location_columns(located: duckdb.DuckDBPyConnection) -> None:
    frame = store.events(located).set_index("id")
    assert frame.loc["loc1-e0", "location_name"] == "Kharkiv"
    assert pd.isna(frame.loc["loc2-e4", "location_country"])
    assert frame.loc["loc2-e3", "location_feature"] == "region"
    assert frame["location_name"].isna().sum() == 1  # loc1-e3


def test_event_page_folds_the_location_into_the_contract_shape(
    located: duckdb.DuckDBPyConnection,
) -> None:
    page, total = event_page(located, EventFilter(), limit=20, newest_first=False)
    assert total == 9
    rows = {row["id"]: row for row in page}
    assert not any(name.startswith("location_") for name in rows["loc1-e0"])
    kharkiv = place("loc1", "Kharkiv")
    assert rows["loc1-e0"]["location"] == {
        "span": [kharkiv.start, kharkiv.end], "name": "Kharkiv", "geonameid": 706483,
        "lat": 49.98081, "lon": 36.25272, "country": "UKR", "admin1": "Kharkivska Oblast",
        "feature": "city",
    }  # fmt: skip
    assert rows["loc1-e3"]["location"] is None
    assert rows["loc2-e4"]["location"]["geonameid"] is None


def test_filter_place_matches_name_or_admin1_at_a_word_start(
    located: duckdb.DuckDBPyConnection,
) -> None:
    assert _ids(located, place="kharkiv") == ["loc1-e0", "loc1-e1"]  # name and admin1
    assert _ids(located, place="KHARKIVSKA") == ["loc1-e0", "loc1-e1"]  # admin1 only
    assert _ids(located, place="kyiv") == ["loc1-e2"]
    assert _ids(located, place="sea") == ["loc2-e4"]  # "Black Sea"
    assert _ids(located, place="arkiv") == []  # not inside a word
    assert _ids(located, place="korea") == ["loc2-e1"]
    with pytest.raises(InputError, match="place is empty"):
        EventFilter(place="  ")


def test_filter_country_is_the_location_country(located: duckdb.DuckDBPyConnection) -> None:
    assert _ids(located, country="ukr") == ["loc1-e0", "loc1-e1", "loc1-e2", "loc2-e3"]
    assert _ids(located, country="PRK") == ["loc2-e0", "loc2-e1"]
    # The actors are Russian, but nothing happened in Russia.
    assert _ids(located, country="RUS") == []
    assert _ids(located, country="UKR", place="kyiv") == ["loc1-e2"]
    for bad in ("UA", "UKRA", "U1R", ""):
        with pytest.raises(InputError, match="not an ISO 3166 alpha-3 code; expected three"):
            EventFilter(country=bad)


def test_filter_near_is_a_great_circle_distance(located: duckdb.DuckDBPyConnection) -> None:
    kyiv = "50.45,30.52,25"
    assert _ids(located, near=kyiv) == ["loc1-e2"]
    # Kyiv to Kharkiv is about 410 km.
    assert _ids(located, near="50.45,30.52,400") == ["loc1-e2"]
    assert _ids(located, near="50.45,30.52,420") == ["loc1-e0", "loc1-e1", "loc1-e2"]
    assert _ids(located, near=(39.03385, 125.75432, 0.001)) == ["loc2-e0"]
    # Across the antimeridian and at the pole the formula still holds.
    assert _ids(located, near="0,-179.9,1") == []
    assert _ids(located, near="90,0,4000") == []
    assert _ids(located, near="90,0,4500") == ["loc1-e0", "loc1-e1", "loc1-e2"]  # 50° N


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("50.45,30.52", "not three numbers"),
        ("kyiv", "not three numbers"),
        ("50.45;30.52;25", "not three numbers"),
        ("91,30,25", "off the map"),
        ("50,181,25", "off the map"),
        ("50,30,-1", "off the map"),
        ("nan,30,1", "not three finite numbers"),
        ((50.0, 30.0), "not three numbers"),
    ],
)
def test_filter_near_bad_input_says_what_is_expected(value: object, why: str) -> None:
    with pytest.raises(InputError, match=why) as raised:
        EventFilter(near=value)  # type: ignore[arg-type]
    assert "expected LAT,LON,KM" in str(raised.value) and "e.g. 50.45,30.52,25" in str(raised.value)


def test_place_counts_groups_by_geonameid_or_name_and_point(
    located: duckdb.DuckDBPyConnection,
) -> None:
    counts = store.place_counts(located, EventFilter())
    assert counts[0] == {
        "lat": 49.98081, "lon": 36.25272, "name": "Kharkiv", "country": "UKR",
        "admin1": "Kharkivska Oblast", "feature": "city", "events": 2,
    }  # fmt: skip
    assert all(list(row) == list(store.places.PLACE_COUNT_KEYS) for row in counts)
    assert [row["name"] for row in counts[1:]] == [
        "Black Sea", "Donbas", "Kyiv", "North Korea", "Pyongyang", "Texas",
    ]  # fmt: skip
    assert sum(row["events"] for row in counts) == 8  # the unlocated event is not counted
    assert store.place_counts(located) == counts


def test_place_counts_takes_the_event_filter(located: duckdb.DuckDBPyConnection) -> None:
    by_russia = store.place_counts(located, EventFilter(source="RUS"))
    assert [(r["name"], r["events"]) for r in by_russia] == [
        ("Kharkiv", 2), ("Kyiv", 1), ("Pyongyang", 1),
    ]  # fmt: skip
    assert [r["name"] for r in store.place_counts(located, EventFilter(country="UKR"))] == [
        "Kharkiv", "Donbas", "Kyiv",
    ]  # fmt: skip
    near = store.place_counts(located, EventFilter(near="49.98081,36.25272,1", limit=1))
    assert [(r["name"], r["events"]) for r in near] == [("Kharkiv", 2)]  # limit is ignored
    assert len(store.place_counts(located, limit=2)) == 2
    assert store.place_counts(located, EventFilter(actor="FRA")) == []


def test_place_counts_keeps_unnamed_places_apart_by_point(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    loc2 = document("loc2")
    donbas = loc2.events[3]
    assert donbas.location is not None
    elsewhere = replace(donbas.location, lat=47.0)
    extra = replace(donbas, id="loc2-e9", location=elsewhere)
    store.StoreWriter(connection).write([replace(loc2, events=(*loc2.events, extra))])
    donbas_rows = [r for r in store.place_counts(connection) if r["name"] == "Donbas"]
    assert sorted(r["lat"] for r in donbas_rows) == [47.0, 48.0]


def _old_database(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database as communique wrote it before m005: one unlocated event."""
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:4])
        with store.open_database(path) as old:
            old.execute(
                "INSERT INTO documents (id, origin, content_hash, data, media_type, ingested_at)"
                " VALUES ('old', 'old.txt', 'x', 'Old text.'::BLOB, 'text', now())"
            )
            old.execute(
                "INSERT INTO articles (doc_id, text) VALUES ('old', 'Russia struck Kharkiv.')"
            )
            old.execute(
                'INSERT INTO events (id, doc_id, source_code, source_name, "type", cameo,'
                ' quad_class, goldstein, modality, sentence, "start", "end", evidence,'
                " confidence) VALUES ('old-e0', 'old', 'RUSMIL', 'Russia', 'ASSAULT', '190', 4,"
                " -10, 'asserted', 0, 0, 22, 'Russia struck Kharkiv.', 0.9)"
            )
            assert "m005_places" not in store.applied_migrations(old)


def test_migration_upgrades_an_old_store_and_old_events_have_no_location(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_database(db_path, monkeypatch)
    with store.open_database(db_path) as upgraded:
        assert store.applied_migrations(upgraded)[-1] == "m005_places"
        (old,) = store.coded_document(upgraded, "old").events  # type: ignore[union-attr]
        assert old.location is None
        page, _ = event_page(upgraded, EventFilter(), limit=5)
        assert page[0]["location"] is None
        assert store.place_counts(upgraded) == []
        assert _ids(upgraded, place="kharkiv") == []
        store.StoreWriter(upgraded).write(located_documents())  # new rows land beside it
        assert len(store.events(upgraded)) == 10
        assert store.counts(upgraded)["places"] == 8


def test_read_only_open_of_an_old_store_asks_for_the_upgrade(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_database(db_path, monkeypatch)
    with pytest.raises(StorageError, match=r"lacks migrations \['m005_places'\]"):
        store.open_database(db_path, read_only=True)


@pytest.fixture
def located_read_only(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    path = write_located_db(tmp_path / "located.duckdb")
    with store.open_database(path, read_only=True) as connection:
        yield connection


def test_place_counts_on_a_read_only_store(
    located_read_only: duckdb.DuckDBPyConnection,
) -> None:
    assert sum(row["events"] for row in store.place_counts(located_read_only)) == 8
    assert len(all_located_events()) == 9


def test_python_api_takes_the_location_filters(tmp_path: Path) -> None:
    import communique

    path = write_located_db(tmp_path / "api.duckdb")
    with communique.open(path) as db:
        assert db.events(place="kyiv")["id"].tolist() == ["loc1-e2"]
        assert db.events(country="PRK", near=(39.0, 125.75, 10))["id"].tolist() == ["loc2-e0"]
        with pytest.raises(InputError, match="expected LAT,LON,KM"):
            db.events(near="here")
        written = db.export(tmp_path / "ukr.csv", "csv", country="UKR")
    assert written == 4
