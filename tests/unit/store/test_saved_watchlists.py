"""Watchlists in the store: saved, visited, deleted, and imported once from the legacy file."""

from __future__ import annotations

import json
import threading
from datetime import datetime
from pathlib import Path

import pytest

from communique import store
from communique.errors import InputError, StorageError
from communique.store import watchlists

LEGACY = [
    {
        "id": "0123456789ab",
        "name": "Korea",
        "query": "actor=PRK",
        "created": "2024-05-01T10:00:00.123456",
        "last_visit": "2024-06-01T08:30:00",
    },
    {
        "id": "ba9876543210",
        "name": "Assaults",
        "query": "type=ASSAULT",
        "created": "2024-05-02T10:00:00",
        "last_visit": "2024-06-02T08:30:00+02:00",
    },
]


def test_watchlists_round_trip(connection: store.Connection) -> None:
    assert store.all_watchlists(connection) == []
    saved = store.add_watchlist(connection, "  Korea  ", "actor=PRK")
    assert saved.name == "Korea" and saved.created == saved.last_visit
    assert store.watchlist(connection, saved.id) == saved
    assert store.all_watchlists(connection) == [saved]
    before = store.visit_watchlist(connection, saved.id)
    assert before == saved
    visited = store.watchlist(connection, saved.id)
    assert visited is not None and visited.last_visit >= saved.last_visit
    assert store.visit_watchlist(connection, "nope") is None
    assert store.remove_watchlist(connection, saved.id) is True
    assert store.remove_watchlist(connection, saved.id) is False
    assert store.all_watchlists(connection) == []


def test_watchlists_refuse_an_empty_name_and_too_many(
    connection: store.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(InputError, match="expected a name"):
        store.add_watchlist(connection, " ", "actor=PRK")
    monkeypatch.setattr(watchlists, "MAX_WATCHLISTS", 2)
    first = store.add_watchlist(connection, "one", "actor=RUS")
    second = store.add_watchlist(connection, "two", "actor=PRK")
    with pytest.raises(InputError, match="at most 2 watchlists"):
        store.add_watchlist(connection, "three", "actor=USA")
    assert store.all_watchlists(connection) == [first, second]  # oldest first, nothing added


def test_watchlists_concurrent_visits_from_cursors_do_not_conflict(
    connection: store.Connection,
) -> None:
    saved = store.add_watchlist(connection, "Korea", "actor=PRK")
    failures: list[BaseException] = []

    def visit() -> None:
        with connection.cursor() as cursor:
            for _ in range(20):
                try:
                    store.visit_watchlist(cursor, saved.id)
                except BaseException as error:  # collected: a thread's error is lost otherwise
                    failures.append(error)

    threads = [threading.Thread(target=visit) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_watchlists_legacy_file_is_imported_once(
    connection: store.Connection, tmp_path: Path
) -> None:
    path = tmp_path / store.LEGACY_WATCHLISTS_FILE
    path.write_text(json.dumps(LEGACY), encoding="utf-8")
    assert store.import_watchlists_file(connection, path) == 2
    assert not path.exists()
    assert json.loads((tmp_path / "watchlists.json.imported").read_text()) == LEGACY
    korea, assaults = store.all_watchlists(connection)
    assert korea == store.Watchlist(
        "0123456789ab",
        "Korea",
        "actor=PRK",
        datetime(2024, 5, 1, 10, 0, 0, 123456),
        datetime(2024, 6, 1, 8, 30),
    )
    assert assaults.last_visit == datetime(2024, 6, 2, 6, 30)  # UTC, without a time zone

    store.remove_watchlist(connection, korea.id)
    assert store.import_watchlists_file(connection, path) == 0  # nothing left to import
    assert store.all_watchlists(connection) == [assaults]


def test_watchlists_legacy_file_keeps_watchlists_already_stored(
    connection: store.Connection, tmp_path: Path
) -> None:
    path = tmp_path / store.LEGACY_WATCHLISTS_FILE
    path.write_text(json.dumps(LEGACY[:1]), encoding="utf-8")
    assert store.import_watchlists_file(connection, path) == 1
    store.visit_watchlist(connection, LEGACY[0]["id"])
    (visited,) = store.all_watchlists(connection)
    path.write_text(json.dumps(LEGACY + LEGACY[1:]), encoding="utf-8")  # restored, repeated
    assert store.import_watchlists_file(connection, path) == 1
    assert store.all_watchlists(connection)[0] == visited


def test_watchlists_foreign_legacy_file_is_refused_and_left_alone(
    connection: store.Connection, tmp_path: Path
) -> None:
    path = tmp_path / store.LEGACY_WATCHLISTS_FILE
    for body in ("{not json", '{"id": "x"}', '[{"id": "x", "name": "y"}]'):
        path.write_text(body, encoding="utf-8")
        with pytest.raises(StorageError, match="not a watchlists file"):
            store.import_watchlists_file(connection, path)
        assert path.read_text(encoding="utf-8") == body
    assert store.all_watchlists(connection) == []
    assert store.import_watchlists_file(connection, tmp_path / "missing.json") == 0
