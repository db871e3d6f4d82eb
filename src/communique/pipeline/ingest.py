"""Ingest files into the store: read the inputs and hand them to one ingest session.

Each batch is coded and then written in one transaction, so a run killed at any point
leaves only whole documents behind, and running it again skips them (they are looked up
by id before the expensive stages run) and codes the rest: nothing lost, nothing doubled.
The session (:mod:`communique.pipeline.session`) does the coding and writing for every
interface.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from communique import ingest, store
from communique.pipeline.session import IngestSession
from communique.settings import Settings, get_settings


@dataclass(frozen=True, slots=True)
class IngestProgress:
    """Where a running ingest stands, reported after each committed batch."""

    read: int
    new: int
    skipped: int
    rejected: int
    seconds: float

    @property
    def rate(self) -> float:
        """Inputs handled per second so far (documents/s)."""
        return self.read / self.seconds if self.seconds else 0.0


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one ingest run did.

    Attributes:
        run_id: The run's id in the ``runs`` table.
        db: The database written.
        read: Inputs read: documents plus inputs rejected before any document was read.
        new: Documents stored by this run (coded, or kept with their rejection).
        coded: New documents that went through every stage without a rejection.
        skipped: Documents not coded because they were already stored (or repeated).
        rejected: Rejections stored by this run.
        actor_mentions: Actor mentions stored.
        events: Events stored.
        quotes: Quotes stored.
        seconds: Wall time of the run.
        duplicates: New documents linked as near duplicates of a stored article.
        clusters: Event clusters recomputed at the end of the run.
    """

    run_id: str
    db: Path
    read: int
    new: int
    coded: int
    skipped: int
    rejected: int
    actor_mentions: int
    events: int
    quotes: int
    seconds: float
    duplicates: int = 0
    clusters: int = 0

    @property
    def rate(self) -> float:
        """Inputs handled per second."""
        return self.read / self.seconds if self.seconds else 0.0


ProgressCallback = Callable[[IngestProgress], None]


def ingest_paths(
    paths: Sequence[str],
    db: Path | str,
    settings: Settings | None = None,
    *,
    recode: bool = False,
    progress: ProgressCallback | None = None,
    stdin: BinaryIO | None = None,
    workers: int | None = None,
    dask: str | None = None,
    interface: str = "ingest",
) -> IngestSummary:
    """Code every new document under ``paths`` into the database ``db``.

    New articles are signed and linked to the article they nearly copy in the batch's
    transaction; the event clusters whose events changed are recomputed at the end
    (``cluster_window_days``), and by the next run if this one is killed first.

    Args:
        paths: Files, directories, globs, or ``-`` for stdin, as ``code_paths`` takes them.
        db: The database file (created and migrated when needed).
        settings: Settings (``ingest_batch_size`` is the transaction size,
            ``cluster_window_days`` the event cluster window); the environment's when omitted.
        recode: Code and replace documents already stored instead of skipping them.
        progress: Called after each committed batch.
        stdin: The stream ``-`` reads; ``sys.stdin.buffer`` when None.
        workers: Code in this many worker processes (``run_pool``); serial when None.
        dask: Code on the Dask cluster at this scheduler address, or ``"local"`` for a
            local cluster of ``workers`` processes (``run_dask``).
        interface: Who runs it (``ingest``, ``watch``, ``demo``), recorded with the run.

    Returns:
        The run's summary; the same counts are stored in the ``runs`` table.

    Raises:
        StorageError: The database cannot be opened (locked, not a database) or written.
        ConfigError: The pipeline cannot be built (missing spaCy model).
    """
    settings = settings or get_settings()
    started = time.perf_counter()
    read = coded = 0
    with store.open_database(db) as connection:
        session = IngestSession(
            connection,
            settings,
            interface=interface,
            recode=recode,
            workers=workers,
            dask=dask,
            config={"paths": list(paths), "db": str(db)},
        )
        with session:
            inputs = ingest.read_inputs(paths, stdin=stdin, max_bytes=settings.max_document_bytes)
            for batch in session.ingest(inputs):
                read += batch.read
                coded += batch.coded
                if progress is not None:
                    progress(_progress(session.totals, read, started))
        totals = session.totals
    return IngestSummary(
        run_id=session.writer.run_id or "",
        db=Path(db),
        read=read,
        new=totals.documents,
        coded=coded,
        skipped=totals.skipped,
        rejected=totals.rejections,
        actor_mentions=totals.actor_mentions,
        events=totals.events,
        quotes=totals.quotes,
        seconds=time.perf_counter() - started,
        duplicates=totals.duplicates,
        clusters=session.clusters,
    )


def _progress(totals: store.WriteResult, read: int, started: float) -> IngestProgress:
    return IngestProgress(
        read=read,
        new=totals.documents,
        skipped=totals.skipped,
        rejected=totals.rejections,
        seconds=time.perf_counter() - started,
    )
