"""Watchlists: the dashboard's saved searches, kept in the ``watchlists`` table.

A watchlist is a name, the query string of a dashboard search and the time of its last
visit; opening it shows the matching events of documents stored since that visit.

The dashboard writes them through its request's cursor of the app's one connection
(DuckDB allows one writing process; cursors of its connection may write). Each write is
one short transaction, and a lock orders the writes of the process's threads: DuckDB
refuses two open transactions that update the same row, and the check of the limit must
see the rows a concurrent save is adding. Earlier versions kept them in ``watchlists.json``
in the data folder; :func:`import_watchlists_file` moves such a file into the store once.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from communique.errors import InputError, StorageError
from communique.store.connection import in_transaction

T = TypeVar("T")

MAX_WATCHLISTS = 200
# The file the dashboard kept watchlists in before they moved into the store.
LEGACY_WATCHLISTS_FILE = "watchlists.json"

_COLUMNS = "id, name, query, created, last_visit"
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Watchlist:
    """A saved search.

    Attributes:
        id: A random hex id (names may repeat).
        name: What the user called it.
        query: The dashboard search's query string (``actor=RUS&type=ASSAULT``).
        created: When it was saved (UTC, without a time zone).
        last_visit: When it was last opened (UTC, without a time zone, as the store keeps
            ``documents.ingested_at``); events of documents stored after it are new.
    """

    id: str
    name: str
    query: str
    created: datetime
    last_visit: datetime


def all_watchlists(connection: duckdb.DuckDBPyConnection) -> list[Watchlist]:
    """Every watchlist, oldest first."""
    rows = connection.execute(f"SELECT {_COLUMNS} FROM watchlists ORDER BY created, id").fetchall()
    return [Watchlist(*row) for row in rows]


def watchlist(connection: duckdb.DuckDBPyConnection, watchlist_id: str) -> Watchlist | None:
    """The watchlist ``watchlist_id``, if there is one."""
    row = connection.execute(
        f"SELECT {_COLUMNS} FROM watchlists WHERE id = ?", [watchlist_id]
    ).fetchone()
    return Watchlist(*row) if row else None


def add_watchlist(connection: duckdb.DuckDBPyConnection, name: str, query: str) -> Watchlist:
    """Save a new watchlist; its first visit is now.

    Args:
        connection: A connection or cursor of a writable database.
        name: What to call it (surrounding spaces dropped, cut at 200 characters).
        query: The search's query string.

    Returns:
        The watchlist saved.

    Raises:
        InputError: An empty name, or :data:`MAX_WATCHLISTS` watchlists already.
        StorageError: It could not be written (nothing was).
    """
    if not name.strip():
        raise InputError("empty-name", "expected a name for the watchlist, found none.")
    now = _now()
    saved = Watchlist(uuid.uuid4().hex[:12], name.strip()[:200], query, now, now)

    def insert() -> Watchlist:
        found = connection.execute("SELECT count(*) FROM watchlists").fetchone()
        if found and found[0] >= MAX_WATCHLISTS:
            raise InputError(
                "too-many", f"expected at most {MAX_WATCHLISTS} watchlists; delete one first."
            )
        connection.execute(
            f"INSERT INTO watchlists ({_COLUMNS}) VALUES (?, ?, ?, ?, ?)", _row(saved)
        )
        return saved

    return _write(connection, "saving the watchlist", insert)


def visit_watchlist(connection: duckdb.DuckDBPyConnection, watchlist_id: str) -> Watchlist | None:
    """Record a visit now; return the watchlist as it was before (its old last visit).

    Raises:
        StorageError: The visit could not be recorded.
    """

    def update() -> Watchlist | None:
        before = watchlist(connection, watchlist_id)
        if before is not None:
            connection.execute(
                "UPDATE watchlists SET last_visit = ? WHERE id = ?", [_now(), watchlist_id]
            )
        return before

    return _write(connection, "recording the visit", update)


def remove_watchlist(connection: duckdb.DuckDBPyConnection, watchlist_id: str) -> bool:
    """Delete a watchlist; False when there was none with that id.

    Raises:
        StorageError: It could not be deleted.
    """

    def delete() -> bool:
        found = connection.execute("DELETE FROM watchlists WHERE id = ?", [watchlist_id]).fetchone()
        return bool(found and found[0])

    return _write(connection, "deleting the watchlist", delete)


def import_watchlists_file(connection: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Move the watchlists of a legacy ``watchlists.json`` into the store, once.

    The file is renamed to ``watchlists.json.imported`` in the same step, so the next
    call finds nothing to do; a watchlist already stored (same id) is kept as it is.

    Args:
        connection: A connection or cursor of a writable database.
        path: The legacy file; nothing happens when there is none.

    Returns:
        Watchlists added.

    Raises:
        StorageError: The file is not a watchlists file, or cannot be read or renamed
            (then nothing was imported and the file is left where it was).
    """
    with _lock:
        if not path.is_file():
            return 0
        found = _read_legacy(path)
        done = path.with_name(path.name + ".imported")

        def insert() -> int:
            before = _count(connection)
            unique = {w.id: w for w in reversed(found)}  # the first of a repeated id wins
            if unique:
                connection.executemany(
                    f"INSERT INTO watchlists ({_COLUMNS}) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT DO NOTHING",
                    [_row(w) for w in unique.values()],
                )
            _rename(path, done)  # inside the transaction: a failed rename imports nothing
            return _count(connection) - before

        try:
            return in_transaction(connection, f"importing {path}", insert)
        except BaseException:
            if done.is_file() and not path.exists():
                done.replace(path)  # the commit failed after the rename: put the file back
            raise


def _write(connection: duckdb.DuckDBPyConnection, what: str, work: Callable[[], T]) -> T:
    with _lock:
        return in_transaction(connection, what, work)


def _count(connection: duckdb.DuckDBPyConnection) -> int:
    found = connection.execute("SELECT count(*) FROM watchlists").fetchone()
    return int(found[0]) if found else 0


def _read_legacy(path: Path) -> list[Watchlist]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise StorageError(f"Cannot read {path}: {error.strerror}.") from error
    try:
        items = json.loads(text)
        if not isinstance(items, list):
            raise TypeError(f"expected a list of watchlists, found {type(items).__name__}")
        return [_legacy_watchlist(item) for item in items]
    except (ValueError, TypeError) as error:
        raise StorageError(
            f"{path} is not a watchlists file written by communique ({error}); "
            "move it away to start with the watchlists already stored."
        ) from error


def _legacy_watchlist(item: Any) -> Watchlist:
    fields = ("id", "name", "query", "created", "last_visit")
    if not isinstance(item, dict) or not all(isinstance(item.get(f), str) for f in fields):
        raise TypeError(f"expected objects with the text fields {', '.join(fields)}")
    created, last_visit = _naive_utc(item["created"]), _naive_utc(item["last_visit"])
    return Watchlist(item["id"], item["name"], item["query"], created, last_visit)


def _naive_utc(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _rename(path: Path, target: Path) -> None:
    try:
        path.replace(target)
    except OSError as error:
        raise StorageError(
            f"Cannot rename {path} to {target.name} after importing it: {error.strerror}. "
            "Make the data folder (COMMUNIQUE_DATA_DIR) writable; nothing was imported."
        ) from error


def _row(saved: Watchlist) -> list[Any]:
    return [saved.id, saved.name, saved.query, saved.created, saved.last_visit]


def _now() -> datetime:
    """Now, in UTC, without a time zone (stored as TIMESTAMP)."""
    return datetime.now(UTC).replace(tzinfo=None)
