"""What the app holds for its lifetime: settings, the database connection, the single writer."""

from __future__ import annotations

import threading
from pathlib import Path

from communique import store
from communique.api.writer import DocumentWriter
from communique.pipeline.session import PipelineFactory
from communique.settings import Settings


class AppState:
    """The app's database connection (opened once) and its single writer.

    Each request reads through its own cursor of the one connection: DuckDB allows
    one writing connection per file and a connection is not thread-safe, a cursor is.
    """

    def __init__(self, settings: Settings, pipeline_factory: PipelineFactory | None) -> None:
        """Remember what to open; nothing is opened before the first request or startup."""
        self.settings = settings
        self.db: Path = settings.db_path
        self._pipeline_factory = pipeline_factory
        self._lock = threading.Lock()
        self._connection: store.Connection | None = None
        self._writer: DocumentWriter | None = None

    def open(self) -> None:
        """Open (create, migrate) the database once; later calls do nothing.

        Raises:
            StorageError: The file is locked by another process, or is not a database.
        """
        with self._lock:
            self._open_locked()

    def cursor(self) -> store.Connection:
        """A new cursor for one request's reads; the caller closes it."""
        with self._lock:
            return self._open_locked().cursor()

    @property
    def writer(self) -> DocumentWriter:
        """The single writer (POST /api/documents)."""
        with self._lock:
            connection = self._open_locked()
            if self._writer is None:
                self._writer = DocumentWriter(
                    connection, self.settings, self.db, self._pipeline_factory
                )
            return self._writer

    def close(self) -> None:
        """Finish the writer's run and close the database."""
        with self._lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _open_locked(self) -> store.Connection:
        if self._connection is None:
            self._connection = store.open_database(self.db)
        return self._connection
