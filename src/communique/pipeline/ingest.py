"""Ingest into the store: read, skip what is stored, code the rest, write batch by batch.

Each batch is coded and then written in one transaction, so a run killed at any point
leaves only whole documents behind, and running it again skips them (they are looked up
by id before the expensive stages run) and codes the rest: nothing lost, nothing doubled.
"""

from __future__ import annotations

import platform
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

from communique import ingest, store
from communique.actors import RoleFact, RoleMemory
from communique.annotate import pipeline_producer
from communique.pipeline import build_pipeline
from communique.pipeline._stage import Pipeline
from communique.pipeline.runners.pool import run_pool
from communique.pipeline.runners.serial import Outcome, run_serial
from communique.pipeline.stages import ActorStage, AnnotateStage
from communique.records import CodedDocument, RawDocument, Rejection
from communique.settings import Settings, get_settings

Item = RawDocument | Rejection


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

    Returns:
        The run's summary; the same counts are stored in the ``runs`` table.

    Raises:
        StorageError: The database cannot be opened (locked, not a database) or written.
        ConfigError: The pipeline cannot be built (missing spaCy model).
    """
    settings = settings or get_settings()
    started = time.perf_counter()
    with store.open_database(db) as connection:
        pipeline = build_pipeline(settings)
        writer = store.StoreWriter(connection, recode=recode)
        memory = _PersistentMemory(connection, _actor_memory(pipeline))
        config = _config(paths, db, settings, recode, pipeline)
        writer.start_run({**config, "workers": workers, "dask": dask}, _versions(pipeline))
        inputs = ingest.read_inputs(paths, stdin=stdin, max_bytes=settings.max_document_bytes)
        if workers is None and dask is None:
            coded_batches = _code_serially(connection, inputs, pipeline, settings, recode)
        else:
            code = _parallel_runner(pipeline, settings, workers, dask)
            coded_batches = _code_ahead(connection, inputs, settings, recode, code)
        read = coded = 0
        for batch, outcomes, known in coded_batches:
            writer.write(outcomes, role_facts=memory.changed(), skipped=known)
            memory.saved()
            read += len(batch)
            coded += sum(isinstance(o, CodedDocument) and not o.rejections for o in outcomes)
            if progress is not None:
                progress(_progress(writer.totals, read, started))
        clusters = writer.refresh_event_clusters(settings.cluster_window_days)
        writer.finish_run()
        totals = writer.totals
    return IngestSummary(
        run_id=writer.run_id or "",
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
        clusters=clusters,
    )


CodedBatch = tuple[list[Item], list[Outcome], int]
Runner = Callable[[Iterable[Item]], Iterator[Outcome]]


def _code_serially(
    connection: store.Connection,
    inputs: Iterator[Item],
    pipeline: Pipeline,
    settings: Settings,
    recode: bool,
) -> Iterator[CodedBatch]:
    """Each transaction batch, its outcomes, and how many of it were already stored."""
    for batch in _batches(inputs, settings.ingest_batch_size):
        fresh, known = _unstored(connection, batch, recode)
        yield batch, list(run_serial(pipeline, fresh, settings.spacy_batch_size)), known


def _code_ahead(
    connection: store.Connection,
    inputs: Iterator[Item],
    settings: Settings,
    recode: bool,
    code: Runner,
) -> Iterator[CodedBatch]:
    """As ``_code_serially``, with ``code`` coding later batches while earlier ones are written.

    A document stored twice in batches still in flight is coded twice; the writer skips
    the second copy, so nothing is doubled.
    """
    plan: deque[tuple[list[Item], int, int]] = deque()  # batch, fresh documents, known

    def fresh_items() -> Iterator[Item]:
        for batch in _batches(inputs, settings.ingest_batch_size):
            fresh, known = _unstored(connection, batch, recode)
            plan.append((batch, len(fresh), known))
            yield from fresh

    done: list[Outcome] = []
    for outcome in code(fresh_items()):
        done.append(outcome)
        while plan and len(done) >= plan[0][1]:
            batch, size, known = plan.popleft()
            yield batch, done[:size], known
            done = done[size:]
    for batch, _, known in plan:  # trailing batches with nothing left to code
        yield batch, [], known


def _parallel_runner(
    pipeline: Pipeline, settings: Settings, workers: int | None, dask: str | None
) -> Runner:
    """Code with a process pool, or on a Dask cluster when ``dask`` names one."""
    names, size = pipeline.names, settings.spacy_batch_size
    if dask is None:
        return lambda items: run_pool(names, settings, items, workers or 1, size)
    from communique.pipeline.runners.dask import run_dask  # imports distributed: only if asked

    return lambda items: run_dask(names, settings, items, dask, size, workers=workers)


def _batches(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while batch := list(islice(items, size)):
        yield batch


def _unstored(
    connection: store.Connection, batch: list[Item], recode: bool
) -> tuple[list[Item], int]:
    """The batch without documents already stored or repeated in it, and how many went."""
    ids = [item.id for item in batch if isinstance(item, RawDocument)]
    stored = set() if recode else store.known_document_ids(connection, ids)
    fresh: list[Item] = []
    seen: set[str] = set()
    for item in batch:
        if isinstance(item, RawDocument):
            if item.id in stored or item.id in seen:
                continue
            seen.add(item.id)
        fresh.append(item)
    return fresh, len(batch) - len(fresh)


def _progress(totals: store.WriteResult, read: int, started: float) -> IngestProgress:
    return IngestProgress(
        read=read,
        new=totals.documents,
        skipped=totals.skipped,
        rejected=totals.rejections,
        seconds=time.perf_counter() - started,
    )


class _PersistentMemory:
    """The actor stage's role memory, loaded from the store and saved with each batch."""

    def __init__(self, connection: store.Connection, memory: RoleMemory | None) -> None:
        self.memory = memory
        self.stored: dict[str, RoleFact] = {}
        if memory is not None:
            for row in store.role_facts(connection):
                memory.remember(RoleFact(**row))
            self.stored = {fact.name: fact for fact in memory.facts()}
        self.pending: list[RoleFact] = []

    def changed(self) -> list[RoleFact]:
        """Facts learned or widened since the last batch was saved."""
        facts = self.memory.facts() if self.memory is not None else []
        self.pending = [fact for fact in facts if self.stored.get(fact.name) != fact]
        return self.pending

    def saved(self) -> None:
        """The pending facts are committed."""
        self.stored.update((fact.name, fact) for fact in self.pending)
        self.pending = []


def _actor_memory(pipeline: Pipeline) -> RoleMemory | None:
    for stage in pipeline.stages:
        if isinstance(stage, ActorStage):
            return stage.memory
    return None


def _config(
    paths: Sequence[str], db: Path | str, settings: Settings, recode: bool, pipeline: Pipeline
) -> dict[str, Any]:
    return {
        "paths": list(paths),
        "db": str(db),
        "recode": recode,
        "stages": pipeline.names,
        "settings": settings.model_dump(mode="json"),
    }


def _versions(pipeline: Pipeline) -> dict[str, str]:
    versions = {
        "communique": version("communique"),
        "python": platform.python_version(),
        "spacy": version("spacy"),
    }
    for stage in pipeline.stages:
        if isinstance(stage, AnnotateStage):
            versions["spacy_model"] = pipeline_producer(stage.nlp)
    return versions
