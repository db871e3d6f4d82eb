"""Watchlists: saved searches, kept in ``watchlists.json`` in the data folder.

A watchlist is a name, the query string of a dashboard search and the time of its last
visit; opening it shows the matching events of documents stored since that visit. The
file is small and rewritten whole (written to a temporary file, then renamed over).
"""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from communique.errors import InputError, StorageError

FILE_NAME = "watchlists.json"
MAX_WATCHLISTS = 200
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Watchlist:
    """A saved search.

    Attributes:
        id: A random hex id (names may repeat).
        name: What the user called it.
        query: The dashboard search's query string (``actor=RUS&type=ASSAULT``).
        created: When it was saved (UTC, ISO 8601).
        last_visit: When it was last opened (UTC, ISO 8601); events of documents stored
            after it are new.
    """

    id: str
    name: str
    query: str
    created: str
    last_visit: str

    @property
    def last_visit_time(self) -> datetime:
        """``last_visit`` as a naive UTC datetime, as the store keeps ``ingested_at``."""
        return datetime.fromisoformat(self.last_visit)


class Watchlists:
    """The watchlists file of one data folder."""

    def __init__(self, data_dir: Path) -> None:
        """Use ``data_dir/watchlists.json`` (created on the first save)."""
        self.path = data_dir / FILE_NAME

    def all(self) -> list[Watchlist]:
        """Every watchlist, oldest first."""
        with _lock:
            return self._read()

    def get(self, watchlist_id: str) -> Watchlist | None:
        """The watchlist ``watchlist_id``, if there is one."""
        return next((w for w in self.all() if w.id == watchlist_id), None)

    def add(self, name: str, query: str) -> Watchlist:
        """Save a new watchlist; its first visit is now.

        Raises:
            InputError: An empty name, or too many watchlists.
            StorageError: The file cannot be written.
        """
        if not name.strip():
            raise InputError("empty-name", "expected a name for the watchlist, found none.")
        now = _now()
        watchlist = Watchlist(uuid.uuid4().hex[:12], name.strip()[:200], query, now, now)
        with _lock:
            found = self._read()
            if len(found) >= MAX_WATCHLISTS:
                raise InputError(
                    "too-many", f"expected at most {MAX_WATCHLISTS} watchlists; delete one first."
                )
            self._write([*found, watchlist])
        return watchlist

    def visit(self, watchlist_id: str) -> Watchlist | None:
        """Record a visit now; return the watchlist as it was before (its old last visit)."""
        with _lock:
            found = self._read()
            before = next((w for w in found if w.id == watchlist_id), None)
            if before is not None:
                now = _now()
                self._write([replace(w, last_visit=now) if w is before else w for w in found])
            return before

    def remove(self, watchlist_id: str) -> bool:
        """Delete a watchlist; False when there was none with that id."""
        with _lock:
            found = self._read()
            kept = [w for w in found if w.id != watchlist_id]
            if len(kept) != len(found):
                self._write(kept)
            return len(kept) != len(found)

    def _read(self) -> list[Watchlist]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except OSError as error:
            raise StorageError(f"Cannot read {self.path}: {error.strerror}.") from error
        try:
            return [Watchlist(**item) for item in json.loads(text)]
        except (ValueError, TypeError) as error:
            raise StorageError(
                f"{self.path} is not a watchlists file written by communique ({error}); "
                "move it away to start with no watchlists."
            ) from error

    def _write(self, watchlists: list[Watchlist]) -> None:
        temporary = self.path.with_suffix(".json.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            body = json.dumps([asdict(w) for w in watchlists], indent=2, ensure_ascii=False)
            temporary.write_text(body + "\n", encoding="utf-8")
            temporary.replace(self.path)
        except OSError as error:
            raise StorageError(
                f"Cannot write {self.path}: {error.strerror}. Set COMMUNIQUE_DATA_DIR to a "
                "writable folder."
            ) from error


def _now() -> str:
    return datetime.now(UTC).replace(tzinfo=None).isoformat()
