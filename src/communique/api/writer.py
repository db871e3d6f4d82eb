"""The server's single writer: one thread codes posted documents and writes them.

DuckDB allows one writing connection, and the store's ``StoreWriter`` keeps a run's
totals, so every write of the app is queued to one thread that owns the write cursor,
the pipeline (built on the first write: loading spaCy takes seconds) and the run. Readers
keep their own cursors and see each batch once it is committed.
"""

from __future__ import annotations

import asyncio
import json
import platform
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from communique import store
from communique.actors import RoleFact, RoleMemory
from communique.api.errors import ApiError
from communique.api.schemas import DocumentIn, DocumentOut
from communique.ingest import document_id, read_bytes
from communique.pipeline import build_pipeline, run_serial
from communique.pipeline._stage import Pipeline
from communique.pipeline.stages import ActorStage
from communique.records import RawDocument, Rejection
from communique.settings import Settings
from communique.store import api_queries

PipelineFactory = Callable[[Settings], Pipeline]
ORIGIN = "POST /api/documents"


@dataclass
class _Session:
    """What the writer thread builds on the first write and keeps until shutdown."""

    cursor: store.Connection
    pipeline: Pipeline
    writer: store.StoreWriter
    memory: RoleMemory | None
    saved: dict[str, RoleFact]


class DocumentWriter:
    """Codes and stores posted documents on one thread, one document per transaction."""

    def __init__(
        self,
        connection: store.Connection,
        settings: Settings,
        db: Path,
        pipeline_factory: PipelineFactory = build_pipeline,
    ) -> None:
        """Write through a cursor of ``connection`` (the app's database connection)."""
        self._connection = connection
        self._settings = settings
        self._db = db
        self._pipeline_factory = pipeline_factory
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="communique-writer")
        self._session: _Session | None = None

    async def ingest(self, document: DocumentIn) -> DocumentOut:
        """Queue ``document`` to the writer thread and wait until it is stored.

        Raises:
            ApiError: 400 when the document cannot be read (binary, too large).
            StorageError: The write failed and was rolled back.
        """
        return await asyncio.wrap_future(self._executor.submit(self._ingest, document))

    def close(self) -> None:
        """Finish the run, if any document was written, and stop the thread."""
        self._executor.submit(self._finish).result()
        self._executor.shutdown(wait=True)

    def _ingest(self, document: DocumentIn) -> DocumentOut:
        raw = _read(document, self._settings.max_document_bytes)
        session = self._session or self._start()
        if not store.known_document_ids(session.cursor, [raw.id]):
            outcomes = list(run_serial(session.pipeline, [raw], 1))
            session.writer.write(outcomes, role_facts=self._changed_facts(session))
            self._facts_saved(session)
            # As ingest does at the end of a run; only the clusters of the new events change.
            session.writer.refresh_event_clusters(self._settings.cluster_window_days)
            created = True
        else:
            created = False
        return _outcome(session.cursor, raw.id, created=created)

    def _start(self) -> _Session:
        cursor = self._connection.cursor()
        pipeline = self._pipeline_factory(self._settings)
        memory = _actor_memory(pipeline)
        if memory is not None:
            for row in store.role_facts(cursor):
                memory.remember(RoleFact(**row))
        writer = store.StoreWriter(cursor)
        writer.start_run(self._config(pipeline), _versions())
        saved = {fact.name: fact for fact in memory.facts()} if memory is not None else {}
        self._session = _Session(cursor, pipeline, writer, memory, saved)
        return self._session

    def _changed_facts(self, session: _Session) -> list[RoleFact]:
        facts = session.memory.facts() if session.memory is not None else []
        return [fact for fact in facts if session.saved.get(fact.name) != fact]

    def _facts_saved(self, session: _Session) -> None:
        for fact in self._changed_facts(session):
            session.saved[fact.name] = fact

    def _finish(self) -> None:
        if self._session is not None:
            self._session.writer.finish_run()
            self._session.cursor.close()
            self._session = None

    def _config(self, pipeline: Pipeline) -> dict[str, Any]:
        return {
            "interface": "api",
            "db": str(self._db),
            "stages": pipeline.names,
            "settings": self._settings.model_dump(mode="json"),
        }


def _read(document: DocumentIn, max_bytes: int) -> RawDocument:
    """The posted document as the JSON Lines reader reads a line: same fields, same id rule."""
    fields = document.model_dump(exclude_none=True)
    line = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    data = line.encode("utf-8")
    items = list(read_bytes(ORIGIN, data, kind="jsonl", max_bytes=max_bytes))
    found = items[0] if items else None
    if isinstance(found, RawDocument):
        return found
    reason = found.detail if isinstance(found, Rejection) else "no document found"
    raise ApiError(
        400, f"The document cannot be read: {reason}.", detail={"doc_id": document_id(data)}
    )


def _outcome(cursor: store.Connection, doc_id: str, *, created: bool) -> DocumentOut:
    stored = api_queries.document_summary(cursor, doc_id)
    return DocumentOut(
        doc_id=doc_id,
        created=created,
        ingested_at=stored.ingested_at if stored else None,
        events=stored.events if stored else 0,
        quotes=stored.quotes if stored else 0,
        rejections=list(stored.rejections) if stored else [],
    )


def _actor_memory(pipeline: Pipeline) -> RoleMemory | None:
    for stage in pipeline.stages:
        if isinstance(stage, ActorStage):
            return stage.memory
    return None


def _versions() -> dict[str, str]:
    return {
        "communique": version("communique"),
        "python": platform.python_version(),
        "spacy": version("spacy"),
    }
