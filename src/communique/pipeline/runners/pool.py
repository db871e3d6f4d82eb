"""The process-pool runner: the serial runner's batches, coded in worker processes.

Each worker process builds the pipeline once (one spaCy model per process) in the
pool's initializer; the parent cuts the inputs into the same batches as
:func:`~communique.pipeline.runners.serial.run_serial`, keeps a bounded number of
them in flight, and yields the outcomes in input order, so a run on a million
documents holds only a few batches in memory and its output reads like a serial
run's. Workers return records and never write: the caller's single writer stores them.

Stages keep no state between documents: the run's read-only context (the role snapshot)
travels in the recipe, and what a document learns comes back on it. So a document's
outcome is the same whichever worker codes it, in whichever batch, as in a serial run.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice

from communique.errors import CommuniqueError, ConfigError
from communique.pipeline._stage import EMPTY_CONTEXT, Pipeline, RunContext, reject
from communique.pipeline.runners.serial import Outcome, ProgressCallback
from communique.records import CodedDocument, RawDocument, Rejection
from communique.settings import Settings

Item = RawDocument | Rejection
PipelineFactory = Callable[[], Pipeline]
ExecutorFactory = Callable[[], Executor]

# Batches crashing a fresh worker one after another: the workers cannot start, so stop.
MAX_CRASHES_IN_A_ROW = 3


@dataclass(frozen=True, slots=True)
class PipelineRecipe:
    """How a worker builds its pipeline: registered stage names, the settings as JSON and
    the run's read-only context.

    Picklable, hashable and with a stable ``repr`` (the context's role snapshot shows as a
    digest), so workers can cache the pipeline per recipe and Dask keys can be derived from
    it. The settings travel as JSON so a worker sees exactly the caller's settings, not its
    own environment's.
    """

    stage_names: tuple[str, ...]
    settings_json: str
    context: RunContext = EMPTY_CONTEXT

    @classmethod
    def of(
        cls, stage_names: Sequence[str], settings: Settings, context: RunContext = EMPTY_CONTEXT
    ) -> PipelineRecipe:
        """The recipe for ``stage_names`` built with ``settings`` and ``context``."""
        return cls(tuple(stage_names), settings.model_dump_json(), context)

    def __call__(self) -> Pipeline:
        """Build the pipeline (loads the spaCy model)."""
        # Imported here: the package imports the runners, and workers call this after import.
        from communique.pipeline import build_pipeline

        settings = Settings.model_validate_json(self.settings_json)
        return build_pipeline(settings, self.stage_names, self.context)


def run_pool(
    stage_names: Sequence[str],
    settings: Settings,
    inputs: Iterable[Item],
    workers: int,
    batch_size: int = 32,
    progress: ProgressCallback | None = None,
    context: RunContext = EMPTY_CONTEXT,
) -> Iterator[Outcome]:
    """Run the pipeline in ``workers`` processes, yielding outcomes in input order.

    Args:
        stage_names: Registered stage names, in order (``DEFAULT_STAGES`` for the full job).
        settings: Settings every worker builds its pipeline with.
        inputs: Documents from ingest; ingest rejections pass straight through.
        workers: Worker processes, each with its own spaCy model.
        batch_size: Documents per batch (the unit sent to a worker, as in ``run_serial``).
        progress: Called with the number of inputs finished after each batch.
        context: The run's read-only context, the same for every document.

    Yields:
        What ``run_serial`` yields for the same inputs and context, in the same order.
        A batch whose worker process died (twice: once more alone on a
        fresh worker) yields its documents with a Rejection (stage ``pipeline``, reason
        ``worker-crashed``), and the run goes on with a new pool.

    Raises:
        ConfigError: The pipeline cannot be built (raised by the first batch), or
            fresh workers died on several batches in a row.
    """
    recipe = PipelineRecipe.of(stage_names, settings, context)
    return run_pool_with(recipe, inputs, workers, batch_size, progress)


def run_pool_with(
    build: PipelineFactory,
    inputs: Iterable[Item],
    workers: int,
    batch_size: int = 32,
    progress: ProgressCallback | None = None,
) -> Iterator[Outcome]:
    """``run_pool`` with any picklable pipeline factory (tests use fake stages).

    Raises:
        ConfigError: ``workers`` or ``batch_size`` is below 1.
    """
    if workers < 1 or batch_size < 1:
        raise ConfigError(
            f"Expected at least 1 worker and a batch size of at least 1, got {workers} "
            f"workers and a batch size of {batch_size}."
        )
    context = multiprocessing.get_context(_start_method())

    def start() -> Executor:
        return ProcessPoolExecutor(
            workers, mp_context=context, initializer=start_worker, initargs=(build,)
        )

    return run_batches(start, inputs, batch_size, 2 * workers, progress)


def run_batches(
    start: ExecutorFactory,
    inputs: Iterable[Item],
    batch_size: int,
    in_flight: int,
    progress: ProgressCallback | None = None,
) -> Iterator[Outcome]:
    """Code ``inputs`` batch by batch on executors made by ``start``, in input order.

    The executors run :func:`code_batch` in processes set up by :func:`start_worker`.
    At most ``in_flight`` batches are submitted and not yet yielded.
    """
    pool = _RestartingPool(start)
    pending: deque[_Batch] = deque()
    try:
        for items in batches(inputs, batch_size):
            pending.append(pool.submit(items))
            if len(pending) >= in_flight:
                yield from _finish(pool, pending, progress)
        while pending:
            yield from _finish(pool, pending, progress)
    finally:
        pool.close()


def batches(inputs: Iterable[Item], batch_size: int) -> Iterator[list[Item]]:
    """Cut ``inputs`` into lists of ``batch_size`` items, as ``run_serial`` does."""
    iterator = iter(inputs)
    while batch := list(islice(iterator, batch_size)):
        yield batch


def merge_outcomes(items: Sequence[Item], coded: Sequence[CodedDocument] | None) -> list[Outcome]:
    """Put a batch's coded documents back between its ingest rejections, in input order.

    ``coded`` is None when the worker coding the batch died: every document of the
    batch then carries a ``worker-crashed`` rejection.
    """
    documents = [item for item in items if isinstance(item, RawDocument)]
    if coded is None:
        coded = [_crashed(document, len(documents)) for document in documents]
    elif len(coded) != len(documents):
        raise CommuniqueError(
            f"A worker returned {len(coded)} documents for a batch of {len(documents)}; "
            "every stage must return one document per input document."
        )
    results = iter(coded)
    return [item if isinstance(item, Rejection) else next(results) for item in items]


def document_ids_key(prefix: str, build: object, items: Sequence[Item]) -> str:
    """A key for a batch, the same whenever the same recipe codes the same document ids."""
    digest = hashlib.sha256(repr(build).encode())
    for item in items:
        if isinstance(item, RawDocument):
            digest.update(b"\0" + item.id.encode())
    return f"{prefix}-{digest.hexdigest()[:32]}"


# -- in the worker process --------------------------------------------------------------

# The worker's pipeline, or the error building it raised (re-raised by every batch).
_WORKER: dict[str, Pipeline | Exception] = {}


def start_worker(build: PipelineFactory) -> None:
    """Pool initializer: build this process's pipeline once (one spaCy model per worker)."""
    try:
        _WORKER["pipeline"] = build()
    except Exception as error:  # re-raised by code_batch, so the caller sees why
        _WORKER["pipeline"] = portable(error)


def code_batch(documents: list[RawDocument]) -> list[CodedDocument]:
    """Run this worker's pipeline over one batch of documents (called in the worker).

    Raises:
        ConfigError: The pipeline could not be built, or ``start_worker`` never ran.
    """
    pipeline = _WORKER.get("pipeline")
    if pipeline is None:
        raise ConfigError("The worker has no pipeline: start the pool with start_worker.")
    if isinstance(pipeline, Exception):
        raise pipeline
    return code_alone(pipeline, documents)


def code_alone(pipeline: Pipeline, documents: list[RawDocument]) -> list[CodedDocument]:
    """Run ``pipeline`` over one batch (its outcome depends on the batch alone).

    Raises:
        CommuniqueError: As the stages raise it (any error, made picklable).
    """
    try:
        return pipeline([CodedDocument(raw=document) for document in documents])
    except Exception as error:
        raise portable(error) from None


def portable(error: Exception) -> Exception:
    """``error`` if it survives pickling to the parent process, else a CommuniqueError saying it.

    An exception that cannot be unpickled in the parent would break the pool instead
    of reporting the problem.
    """
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return CommuniqueError(f"{type(error).__name__}: {error}")
    return error


# -- in the parent process --------------------------------------------------------------


@dataclass(slots=True)
class _Batch:
    items: list[Item]
    documents: list[RawDocument]
    future: Future[list[CodedDocument]] | None = None


class _RestartingPool:
    """An executor that is replaced when one of its processes dies."""

    def __init__(self, start: ExecutorFactory) -> None:
        self.start = start
        self.executor = start()
        self.crashes_in_a_row = 0

    def submit(self, items: list[Item]) -> _Batch:
        batch = _Batch(items, [item for item in items if isinstance(item, RawDocument)])
        if batch.documents:
            batch.future = self.executor.submit(code_batch, batch.documents)
        return batch

    def result(self, batch: _Batch, others: Iterable[_Batch]) -> list[CodedDocument] | None:
        """The batch's coded documents, or None when it crashed a worker twice."""
        if batch.future is None:
            return []
        try:
            return batch.future.result()
        except BrokenProcessPool:
            pass
        self.restart()  # a process died: every batch in flight failed with it
        coded = self._retry_alone(batch)
        for other in others:  # not before: the batch being retried alone must be alone
            if other.future is not None and _broken(other.future):
                other.future = self.executor.submit(code_batch, other.documents)
        return coded

    def _retry_alone(self, batch: _Batch) -> list[CodedDocument] | None:
        try:
            coded = self.executor.submit(code_batch, batch.documents).result()
        except BrokenProcessPool:
            self.restart()
            self.crashes_in_a_row += 1
            if self.crashes_in_a_row >= MAX_CRASHES_IN_A_ROW:
                raise ConfigError(
                    f"Worker processes died on {self.crashes_in_a_row} batches in a row, each "
                    "time alone on a fresh worker: the workers cannot run (out of memory?). "
                    "Use fewer workers or a smaller batch size, or run without workers."
                ) from None
            return None
        self.crashes_in_a_row = 0
        return coded

    def restart(self) -> None:
        """Replace the executor; its futures are all finished once it is shut down."""
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self.start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _finish(
    pool: _RestartingPool, pending: deque[_Batch], progress: ProgressCallback | None
) -> Iterator[Outcome]:
    batch = pending.popleft()
    coded = pool.result(batch, pending)
    yield from merge_outcomes(batch.items, coded)
    if progress is not None:
        progress(len(batch.items))


def _broken(future: Future[list[CodedDocument]]) -> bool:
    """True when a future of a shut-down pool has no result because the pool broke."""
    if not future.done() or future.cancelled():
        return True
    return isinstance(future.exception(), BrokenProcessPool)


def _crashed(document: RawDocument, size: int) -> CodedDocument:
    return reject(
        CodedDocument(raw=document),
        "pipeline",
        "worker-crashed",
        f"the worker process died while coding this document's batch of {size}, and again "
        "when the batch was retried alone on a fresh worker; the batch was set aside so the "
        "run could go on",
    )


def _start_method() -> str:
    # Never fork a parent that may hold a loaded model and threads; forkserver is cheaper
    # than spawn where the platform has it.
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"
