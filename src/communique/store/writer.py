"""The single writer: every INSERT, UPDATE and DELETE of the store goes through here.

A batch is written in one transaction, so a document is stored whole (raw bytes,
article, actor mentions, events, quotes, places, rejections) or not at all, and a crash at any
point leaves the database as it was after the last committed batch. Documents are keyed
by id: one already stored is skipped, or replaced when recoding.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from typing import Any, TypeVar

import duckdb
import pyarrow as pa

from communique.errors import StorageError
from communique.records import CodedDocument, Rejection, RoleFact
from communique.store import _rows, clusters, dedup
from communique.store.connection import in_transaction
from communique.store.migrations import migration_names

T = TypeVar("T")

# Tables holding rows derived from a document, cleared before a document is recoded.
_DOCUMENT_TABLES = (
    "articles",
    "actor_mentions",
    "events",
    "quotes",
    "places",
    "rejections",
    "article_signatures",
    "duplicates",
)


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What one or more writes stored.

    Attributes:
        documents: Documents written (new, or replaced when recoding).
        skipped: Documents not written because they were already stored (or repeated).
        rejections: Rejection rows written (a rejection already stored is not repeated).
        actor_mentions: Actor mention rows written.
        events: Event rows written.
        quotes: Quote rows written.
        duplicates: Documents written that nearly copy an article stored before them.
        places: Place rows written (the places the documents name).
    """

    documents: int = 0
    skipped: int = 0
    rejections: int = 0
    actor_mentions: int = 0
    events: int = 0
    quotes: int = 0
    duplicates: int = 0
    places: int = 0

    def __add__(self, other: WriteResult) -> WriteResult:
        """Sum two results field by field."""
        return WriteResult(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


class StoreWriter:
    """Writes coded documents and rejections in bulk, one transaction per batch.

    Use one writer per database and process: DuckDB allows a single writing process,
    and the writer keeps the run's running totals.
    """

    def __init__(self, connection: duckdb.DuckDBPyConnection, *, recode: bool = False) -> None:
        """Write through ``connection``.

        Args:
            connection: An open, migrated connection (``open_database``).
            recode: Replace documents already stored instead of skipping them.
        """
        self.connection = connection
        self.recode = recode
        self.run_id: str | None = None
        self.totals = WriteResult()
        self._duplicates: dedup.DuplicateIndex | None = None

    @property
    def duplicate_index(self) -> dedup.DuplicateIndex:
        """The near-duplicate index, rebuilt from the stored signatures on first use."""
        if self._duplicates is None:
            self._duplicates = dedup.DuplicateIndex.load(self.connection)
        return self._duplicates

    def start_run(self, config: Mapping[str, Any], versions: Mapping[str, Any]) -> str:
        """Record a new run with its resolved config and component versions; return its id.

        The store adds its own versions (DuckDB and the schema's last migration).
        """
        self.run_id = uuid.uuid4().hex
        versions = {**versions, "duckdb": duckdb.__version__, "schema": migration_names()[-1]}
        self._transaction(
            "recording the run",
            lambda: self.connection.execute(
                "INSERT INTO runs (id, started_at, config, versions, counts) "
                "VALUES (?, ?, ?, ?, ?)",
                [self.run_id, _now(), _json(config), _json(versions), _json(asdict(self.totals))],
            ),
        )
        return self.run_id

    def finish_run(self) -> None:
        """Mark the current run finished, with its final counts."""
        if self.run_id is not None:
            self._transaction(
                "finishing the run",
                lambda: self.connection.execute(
                    "UPDATE runs SET finished_at = ?, counts = ? WHERE id = ?",
                    [_now(), _json(asdict(self.totals)), self.run_id],
                ),
            )

    def write(
        self,
        outcomes: Sequence[CodedDocument | Rejection],
        *,
        role_facts: Sequence[RoleFact] = (),
        skipped: int = 0,
    ) -> WriteResult:
        """Write one batch in one transaction: all of it, or nothing.

        Args:
            outcomes: Coded documents (stored with everything they carry, rejected or
                not) and ingest rejections (stored once: an identical rejection already
                stored is not repeated).
            role_facts: Roles the actor memory learned, stored (replacing any fact of the
                same name) in the same transaction as the documents they came from.
            skipped: Documents the caller left out of ``outcomes`` because they were
                already stored; added to the counts recorded for the run.

        Returns:
            What was written.

        Raises:
            StorageError: The batch could not be written; it was rolled back.
        """
        label = f"writing a batch of {len(outcomes)} outcomes"
        index = self.duplicate_index
        result, plan = self._transaction(
            label, lambda: self._write_batch(outcomes, role_facts, skipped)
        )
        index.add(plan)  # only once committed: a rolled-back batch leaves the index as it was
        self.totals = self.totals + result
        return result

    def refresh_event_clusters(
        self, window_days: int = clusters.DEFAULT_CLUSTER_WINDOW_DAYS
    ) -> int:
        """Recompute the event clusters whose events changed, in one transaction.

        Every batch marks the cluster keys of the events it writes or replaces; this
        recomputes those keys (all keys when ``window_days`` changed) and clears the marks.

        Args:
            window_days: Events of one key dated less than this many days after a
                cluster's first event belong to it.

        Returns:
            Clusters written (0 when no key was marked).
        """
        return self._transaction(
            "refreshing the event clusters",
            lambda: clusters.refresh_event_clusters(self.connection, window_days),
        )

    def load(self, table: str, rows: pa.Table) -> int:
        """Append prebuilt Arrow rows to ``table`` in one transaction (bulk imports, benchmarks).

        Columns are matched by name; missing ones get their defaults (NULL). Nothing is
        checked against stored rows: use :meth:`write` for documents. Loaded events mark
        their cluster keys stale, as written ones do.

        Returns:
            Rows appended.
        """
        if table not in _rows.COLUMNS:
            raise StorageError(
                f"Cannot load rows into {table!r}; expected one of {', '.join(_rows.COLUMNS)}."
            )

        def append() -> int:
            self.connection.register("incoming", rows)
            try:
                self.connection.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
                if table == "events":
                    clusters.mark_stale_loaded(self.connection, "incoming")
            finally:
                self.connection.unregister("incoming")
            return int(rows.num_rows)

        return self._transaction(f"loading {rows.num_rows} rows into {table}", append)

    def _write_batch(
        self,
        outcomes: Sequence[CodedDocument | Rejection],
        role_facts: Sequence[RoleFact],
        skipped: int,
    ) -> tuple[WriteResult, dedup.DuplicatePlan]:
        now = _now()
        documents, repeated = _unique_documents(outcomes)
        documents, known = self._drop_or_clear_known(documents)
        rows: dict[str, list[_rows.Row]] = {name: [] for name in _rows.COLUMNS}
        for document in documents:
            _document_rows(document, self.run_id, now, rows)
        loose = [o for o in outcomes if isinstance(o, Rejection)]
        rows["role_facts"] = [_rows.role_fact_row(fact) for fact in role_facts]
        for table in ("documents", "articles", "actor_mentions", "events", "quotes", "places"):
            self._insert(table, rows[table])
        rejections = self._insert("rejections", rows["rejections"])
        rejections += self._insert_new_rejections(loose, now)
        self._replace_role_facts(rows["role_facts"])
        plan = self.duplicate_index.plan(
            self.connection,
            [(d.raw.id, d.article.text) for d in documents if d.article is not None],
            now,
        )
        self._insert("article_signatures", plan.signatures)
        self._insert("duplicates", plan.duplicates)
        clusters.mark_stale_clusters(
            self.connection,
            (
                (e.source.code, e.target.code if e.target else None, e.cameo)
                for d in documents
                for e in d.events
            ),
        )
        result = WriteResult(
            documents=len(documents),
            skipped=skipped + repeated + known,
            rejections=rejections,
            actor_mentions=len(rows["actor_mentions"]),
            events=len(rows["events"]),
            quotes=len(rows["quotes"]),
            duplicates=len(plan.duplicates),
            places=len(rows["places"]),
        )
        self._update_run_counts(self.totals + result)
        return result, plan

    def _drop_or_clear_known(
        self, documents: list[CodedDocument]
    ) -> tuple[list[CodedDocument], int]:
        ids = [document.raw.id for document in documents]
        if not ids:
            return documents, 0
        if self.recode:
            clusters.mark_stale_documents(self.connection, ids)
            for table in _DOCUMENT_TABLES:
                self.connection.execute(
                    f"DELETE FROM {table} WHERE list_contains(?, doc_id)", [ids]
                )
            self.connection.execute("DELETE FROM documents WHERE list_contains(?, id)", [ids])
            return documents, 0
        found = self.connection.execute(
            "SELECT id FROM documents WHERE list_contains(?, id)", [ids]
        ).fetchall()
        known = {str(doc_id) for (doc_id,) in found}
        return [d for d in documents if d.raw.id not in known], len(known)

    def _insert(self, table: str, rows: Sequence[_rows.Row]) -> int:
        if not rows:
            return 0
        incoming = _rows.arrow_table(table, rows)
        self.connection.register("incoming", incoming)
        try:
            self.connection.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
        finally:
            self.connection.unregister("incoming")
        return len(rows)

    def _insert_new_rejections(self, rejections: Sequence[Rejection], now: datetime) -> int:
        unique = list(dict.fromkeys(rejections))
        if not unique:
            return 0
        incoming: pa.Table = _rows.arrow_table(
            "rejections", [_rows.rejection_row(r, self.run_id, now) for r in unique]
        )
        self.connection.register("incoming", incoming)
        try:
            inserted = self.connection.execute(
                "INSERT INTO rejections BY NAME SELECT i.* FROM incoming AS i WHERE NOT EXISTS ("
                " SELECT 1 FROM rejections AS r WHERE r.origin = i.origin AND r.stage = i.stage"
                " AND r.reason = i.reason AND r.doc_id IS NOT DISTINCT FROM i.doc_id)"
            ).fetchone()
        finally:
            self.connection.unregister("incoming")
        return int(inserted[0]) if inserted else 0

    def _replace_role_facts(self, rows: Sequence[_rows.Row]) -> None:
        if rows:
            names = [row[0] for row in rows]
            self.connection.execute("DELETE FROM role_facts WHERE list_contains(?, name)", [names])
            self._insert("role_facts", rows)

    def _update_run_counts(self, totals: WriteResult) -> None:
        if self.run_id is not None:
            self.connection.execute(
                "UPDATE runs SET counts = ? WHERE id = ?", [_json(asdict(totals)), self.run_id]
            )

    def _transaction(self, what: str, work: Callable[[], T]) -> T:
        return in_transaction(self.connection, what, work)


def _document_rows(
    document: CodedDocument, run_id: str | None, now: datetime, rows: dict[str, list[_rows.Row]]
) -> None:
    rows["documents"].append(_rows.document_row(document.raw, run_id, now))
    if document.article is not None:
        rows["articles"].append(_rows.article_row(document.article))
    rows["actor_mentions"].extend(_rows.mention_row(m) for m in document.actors)
    rows["events"].extend(_rows.event_row(e) for e in document.events)
    rows["quotes"].extend(_rows.quote_row(q) for q in document.quotes)
    rows["places"].extend(_rows.place_row(p) for p in document.places)
    rows["rejections"].extend(_rows.rejection_row(r, run_id, now) for r in document.rejections)


def _unique_documents(
    outcomes: Sequence[CodedDocument | Rejection],
) -> tuple[list[CodedDocument], int]:
    """The batch's documents, first occurrence of each id only, and how many repeats."""
    unique: dict[str, CodedDocument] = {}
    repeated = 0
    for outcome in outcomes:
        if isinstance(outcome, CodedDocument):
            if outcome.raw.id in unique:
                repeated += 1
            else:
                unique[outcome.raw.id] = outcome
    return list(unique.values()), repeated


def _now() -> datetime:
    """Now, in UTC, without a time zone (stored as TIMESTAMP)."""
    return datetime.now(UTC).replace(tzinfo=None)


def _json(value: Mapping[str, Any]) -> str:
    return json.dumps(value, sort_keys=True, default=str)
