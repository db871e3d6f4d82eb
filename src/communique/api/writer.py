"""The server's single writer: one thread codes posted documents and writes them.

DuckDB allows one writing connection, and a run's totals live in its session, so every
write of the app is queued to one thread that owns the write cursor and the ingest session
(the pipeline, built on the first write, and the run). Readers keep their own cursors and
see each document once it is committed.
"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from communique import store
from communique.api.errors import ApiError
from communique.api.schemas import DocumentIn, DocumentOut
from communique.ingest import document_id, read_bytes
from communique.pipeline.session import IngestSession, PipelineFactory
from communique.records import RawDocument, Rejection
from communique.settings import Settings
from communique.store.queries import document_summary

ORIGIN = "POST /api/documents"


class DocumentWriter:
    """Codes and stores posted documents on one thread, one document per transaction.

    The thread owns one :class:`~communique.pipeline.session.IngestSession` (one run in
    ``runs``, the pipeline built on the first write: loading spaCy takes seconds), the same
    session every other interface ingests through.
    """

    def __init__(
        self,
        connection: store.Connection,
        settings: Settings,
        db: Path,
        pipeline_factory: PipelineFactory | None = None,
    ) -> None:
        """Write through a cursor of ``connection`` (the app's database connection)."""
        self._connection = connection
        self._settings = settings
        self._db = db
        self._pipeline_factory = pipeline_factory
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="communique-writer")
        self._session: IngestSession | None = None

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
        created = session.ingest_document(raw)
        return _outcome(session.connection, raw.id, created=created)

    def _start(self) -> IngestSession:
        session = IngestSession(
            self._connection.cursor(),
            self._settings,
            interface="api",
            config={"db": str(self._db)},
            pipeline_factory=self._pipeline_factory,
        )
        session.start()
        self._session = session
        return session

    def _finish(self) -> None:
        if self._session is not None:
            self._session.finish()
            self._session.connection.close()
            self._session = None


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
    stored = document_summary(cursor, doc_id)
    return DocumentOut(
        doc_id=doc_id,
        created=created,
        ingested_at=stored.ingested_at if stored else None,
        events=stored.events if stored else 0,
        quotes=stored.quotes if stored else 0,
        rejections=list(stored.rejections) if stored else [],
    )
