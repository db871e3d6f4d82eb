"""Migrations: applied once each, in order, recorded in _migrations, rolled back on failure."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from communique import store
from communique.errors import StorageError
from communique.settings import Settings
from communique.store import migrations

# Released migrations, in order: append to this list, never edit or reorder it.
RELEASED = [
    "m001_initial",
    "m002_near_duplicates",
    "m003_event_clusters",
    "m004_watchlists",
    "m005_places",
]


def test_migrations_are_named_numbered_and_append_only() -> None:
    names = store.migration_names()
    assert names[: len(RELEASED)] == RELEASED
    assert len(set(names)) == len(names)
    numbers = [int(re.fullmatch(r"m(\d{3})_[a-z0-9_]+", name)[1]) for name in names]  # type: ignore[index]
    assert numbers == list(range(1, len(names) + 1))


def test_migrations_fresh_database_gets_every_migration_once(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    assert store.applied_migrations(connection) == store.migration_names()
    rows = connection.execute("SELECT name, count(*) FROM _migrations GROUP BY name").fetchall()
    assert sorted(rows) == sorted((name, 1) for name in store.migration_names())
    assert set(store.counts(connection)) == set(store.TABLES)


def test_migrations_rerun_is_a_no_op(db_path: Path) -> None:
    with store.open_database(db_path) as first:
        applied_at = first.execute("SELECT name, applied_at FROM _migrations").fetchall()
        assert store.migrate(first) == []
    with store.open_database(db_path) as again:
        assert again.execute("SELECT name, applied_at FROM _migrations").fetchall() == applied_at


def test_migrations_failing_migration_is_rolled_back(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def m002_broken(connection: duckdb.DuckDBPyConnection) -> None:
        connection.execute("CREATE TABLE half_done (x INTEGER)")
        connection.execute("SELECT * FROM no_such_table")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, m002_broken])
    with pytest.raises(StorageError, match="m002_broken failed and was rolled back"):
        store.open_database(db_path)
    with duckdb.connect(str(db_path)) as raw:
        assert store.applied_migrations(raw) == RELEASED
        tables = {
            name for (name,) in raw.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
        assert "half_done" not in tables and "documents" in tables


def test_migrations_database_from_a_newer_version_is_refused(db_path: Path) -> None:
    with store.open_database(db_path) as connection:
        connection.execute("INSERT INTO _migrations VALUES (2, 'm002_from_the_future', now())")
    with pytest.raises(StorageError, match="newer communique"):
        store.open_database(db_path)


def test_open_database_read_only_needs_an_existing_database(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="No database at"):
        store.open_database(tmp_path / "missing.duckdb", read_only=True)


def test_open_database_rejects_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database\n" * 500)
    with pytest.raises(StorageError, match="is not a DuckDB database"):
        store.open_database(path)


def test_open_database_locked_by_another_process_says_who(db_path: Path) -> None:
    store.open_database(db_path).close()
    hold = f"import duckdb, time; c = duckdb.connect({str(db_path)!r}); print('ok', flush=True)"
    holder = subprocess.Popen(
        [sys.executable, "-c", hold + "; time.sleep(30)"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        with pytest.raises(StorageError, match=rf"locked by process {holder.pid}\b.*another --db"):
            store.open_database(db_path)
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    store.open_database(db_path).close()  # the lock went with the process


def test_settings_db_path_defaults_to_the_data_dir_and_reads_communique_db(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("COMMUNIQUE_DB", raising=False)
    monkeypatch.setenv("COMMUNIQUE_DATA_DIR", str(tmp_path))
    assert Settings().db_path == tmp_path / "communique.duckdb"
    monkeypatch.setenv("COMMUNIQUE_DB", "~/events.duckdb")
    assert Settings().db_path == Path.home() / "events.duckdb"
    assert Settings(db_path=tmp_path / "x.duckdb").db_path == tmp_path / "x.duckdb"
