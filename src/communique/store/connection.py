"""Opening the database file: one place that turns DuckDB's errors into StorageError."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb

from communique.errors import StorageError
from communique.store.migrations import check_migrated, migrate

T = TypeVar("T")

# Re-exported so that code outside store/ can name the type without importing duckdb.
Connection = duckdb.DuckDBPyConnection

# DuckDB names the process that holds the lock: "... is held in /usr/bin/python (PID 123)".
_LOCK_HOLDER = re.compile(r"held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


def open_database(path: Path | str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and create, when writable) the database at ``path``, migrated to this version.

    A writable database gets every migration it lacks; a read-only one must already
    have them all. Close the connection when done (it is a context manager).

    Args:
        path: The database file; its folder is created when missing. ``:memory:`` opens
            a private in-memory database (tests).
        read_only: Open for queries only; several processes may then read at once.

    Returns:
        A DuckDB connection.

    Raises:
        StorageError: The file cannot be opened: locked by another process, not a
            DuckDB database, in a folder that cannot be created, or written by a newer
            communique.
    """
    target = str(path)
    if target != ":memory:":
        target = str(_prepare(Path(path).expanduser(), read_only))
    try:
        connection = duckdb.connect(target, read_only=read_only)
    except duckdb.Error as error:
        raise StorageError(_open_message(target, error)) from error
    try:
        # DuckDB draws a progress bar on stdout for long queries; stdout is the CLI's output.
        connection.execute("SET enable_progress_bar = false")
        if read_only:
            check_migrated(connection)
        else:
            migrate(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def _prepare(path: Path, read_only: bool) -> Path:
    if read_only and not path.is_file():
        raise StorageError(
            f"No database at {path}. Expected a file written by 'communique ingest'; "
            "run 'communique ingest PATH... --db FILE' first or pass the right --db."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(
            f"Cannot create the folder {path.parent} for the database: {error.strerror}. "
            "Pass --db with a writable location or set COMMUNIQUE_DB."
        ) from error
    return path


def _open_message(target: str, error: duckdb.Error) -> str:
    text = str(error)
    holder = _LOCK_HOLDER.search(text)
    if "lock" in text.lower():
        who = f"process {holder['pid']} ({holder['program']})" if holder else "another process"
        return (
            f"The database {target} is locked by {who}; DuckDB allows one writing process "
            "at a time. Wait for it to finish, stop it, or use another --db file."
        )
    if "not a valid DuckDB database" in text:
        return (
            f"{target} exists but is not a DuckDB database. Expected a file written by "
            "'communique ingest'; pass another --db path."
        )
    return f"Cannot open the database {target}: {text}"


def in_transaction(connection: duckdb.DuckDBPyConnection, what: str, work: Callable[[], T]) -> T:
    """Run ``work`` in one transaction of ``connection``: all of it is stored, or none.

    Raises:
        StorageError: DuckDB failed; the transaction was rolled back. Other errors are
            re-raised as they are, after the rollback.
    """
    connection.begin()
    try:
        result = work()
        connection.commit()
    except BaseException as error:
        connection.rollback()
        if isinstance(error, duckdb.Error):
            raise StorageError(
                f"{what[0].upper()}{what[1:]} failed and was rolled back, so none of it was "
                f"stored: {error}"
            ) from error
        raise
    return result
