"""What the app holds for its lifetime: settings, the database, its readers and single writer."""

from __future__ import annotations

import asyncio
import functools
import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from communique import store
from communique.api._cache import ResponseCache
from communique.api.schemas import DocumentIn, DocumentOut
from communique.api.writer import DocumentWriter
from communique.pipeline.session import PipelineFactory
from communique.settings import Settings

T = TypeVar("T")

# Queries run on this many threads at once; more only share the same cores and GIL, and
# the rest wait their turn in order instead of slowing every query down.
READ_THREADS = 4
# Idle cursors kept for reuse: about one per thread that reads (API and dashboard).
MAX_IDLE_CURSORS = 16


class AppState:
    """The app's database connection (opened once), its cursors, read cache and writer.

    Requests read through cursors of the one connection: DuckDB allows one writing
    connection per file and a connection is not thread-safe, a cursor is. Cursors are
    kept in a pool and reused, so a request sets nothing up; API reads run on a few read
    threads and their rendered bodies are kept in ``cache`` until the writer stores
    something (:meth:`ingest`).
    """

    def __init__(self, settings: Settings, pipeline_factory: PipelineFactory | None) -> None:
        """Remember what to open; nothing is opened before the first request or startup."""
        self.settings = settings
        self.db: Path = settings.db_path
        self.cache = ResponseCache()
        self._pipeline_factory = pipeline_factory
        self._lock = threading.Lock()
        self._connection: store.Connection | None = None
        self._writer: DocumentWriter | None = None
        self._idle: list[store.Connection] = []
        self._readers: ThreadPoolExecutor | None = None
        self._building: dict[tuple[int, Hashable], Future[bytes]] = {}
        self._actor_table: tuple[int, store.ActorTable] | None = None

    def open(self) -> None:
        """Open (create, migrate) the database once; later calls do nothing.

        Raises:
            StorageError: The file is locked by another process, or is not a database.
        """
        with self._lock:
            self._open_locked()

    def cursor(self) -> store.Connection:
        """A new cursor of its own for the caller, who closes it."""
        with self._lock:
            return self._open_locked().cursor()

    def acquire(self) -> store.Connection:
        """A cursor for one request's reads: an idle one of the pool, or a new one.

        Give it back with :meth:`release` (or close it, after an error).
        """
        with self._lock:
            connection = self._open_locked()
            return self._idle.pop() if self._idle else connection.cursor()

    def release(self, cursor: store.Connection) -> None:
        """Return a cursor from :meth:`acquire` to the pool (closed when the pool is full)."""
        with self._lock:
            if self._connection is not None and len(self._idle) < MAX_IDLE_CURSORS:
                self._idle.append(cursor)
                return
        cursor.close()

    async def read_json(
        self, key: Hashable, build: Callable[[store.Connection], BaseModel]
    ) -> bytes:
        """The JSON body of a read: kept from an earlier identical read, or built now.

        The model is built on a read thread with a pooled cursor. Requests for the same
        key while it is being built wait for that one build instead of querying again.

        Args:
            key: What identifies the response: the route and its validated parameters.
            build: Reads the response model through the cursor it is given.

        Returns:
            The body, as FastAPI renders the model.
        """
        body = self.cache.get(key)
        if body is not None:
            return body
        slot = (self.cache.generation, key)
        with self._lock:
            future = self._building.get(slot)
            started = future is None
            if future is None:
                if self._readers is None:
                    self._readers = ThreadPoolExecutor(READ_THREADS, "communique-read")
                future = self._readers.submit(self._run, lambda db: _render(build(db)))
                self._building[slot] = future
        if started:
            future.add_done_callback(functools.partial(self._built, slot))
        # Shielded: a waiter that goes away must not cancel the build the others wait for.
        return await asyncio.shield(asyncio.wrap_future(future))

    def actor_table(self, db: store.Connection) -> store.ActorTable:
        """The store's actor table (every actor with its counts), built through ``db`` once
        per state of the store: each actor query filters it instead of aggregating again."""
        generation = self.cache.generation
        with self._lock:
            kept = self._actor_table
        if kept is not None and kept[0] == generation:
            return kept[1]
        table = store.actor_table(db)
        with self._lock:
            if self.cache.generation == generation:  # no write committed while it was built
                self._actor_table = (generation, table)
        return table

    @property
    def writer(self) -> DocumentWriter:
        """The single writer (POST /api/documents); write through :meth:`ingest`."""
        with self._lock:
            connection = self._open_locked()
            if self._writer is None:
                self._writer = DocumentWriter(
                    connection, self.settings, self.db, self._pipeline_factory
                )
            return self._writer

    async def ingest(self, document: DocumentIn) -> DocumentOut:
        """Code and store ``document`` through the single writer; cached reads are dropped.

        Raises:
            ApiError: 400 when the document cannot be read.
            StorageError: The write failed and was rolled back.
        """
        try:
            return await self.writer.ingest(document)
        finally:
            self.cache.clear()

    def close(self) -> None:
        """Stop the readers, finish the writer's run and close the database."""
        with self._lock:
            readers, self._readers = self._readers, None
        if readers is not None:
            readers.shutdown(wait=True)
        with self._lock:
            for cursor in self._idle:
                cursor.close()
            self._idle.clear()
            if self._writer is not None:
                self._writer.close()
                self._writer = None
            if self._connection is not None:
                self._connection.close()
                self._connection = None
            self.cache.clear()

    def _built(self, slot: tuple[int, Hashable], future: Future[bytes]) -> None:
        with self._lock:
            self._building.pop(slot, None)
        if not future.cancelled() and future.exception() is None:
            self.cache.put(slot[1], future.result(), generation=slot[0])

    def _run(self, work: Callable[[store.Connection], T]) -> T:
        cursor = self.acquire()
        try:
            result = work(cursor)
        except BaseException:
            cursor.close()  # not reused: a failed query may have left it mid-transaction
            raise
        self.release(cursor)
        return result

    def _open_locked(self) -> store.Connection:
        if self._connection is None:
            self._connection = store.open_database(self.db)
        return self._connection


def _render(model: BaseModel) -> bytes:
    """The body FastAPI sends for a response model (its fast path: pydantic's JSON)."""
    return model.model_dump_json(by_alias=True).encode()
