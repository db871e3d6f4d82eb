"""The Dask runner: the serial runner's batches as partitions on a Dask distributed cluster.

Each partition is one batch of RawDocuments, coded by the same pure stages as the
other runners. A worker builds the pipeline once per recipe and keeps it (one spaCy
model per worker process); partitions return records, never write, and the caller's
single writer merges them. A partition's key is derived from the recipe and its
document ids, so a partition recomputed after a worker is lost has the same key and
the same result, and the store (which skips ids already stored) never doubles it.

Workers need communique and the spaCy model installed, and one thread each
(``dask worker --nthreads 1``): the pipeline is not shared between threads, so a
worker's threads take turns with it. As in the process pool, stages keep no state between
documents and the run's read-only context travels in the recipe, so recomputing a
partition anywhere gives the same records.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

# distributed's API is partly unannotated: its calls below carry no-untyped-call ignores.
from distributed import Client, Future, KilledWorker, LocalCluster, as_completed

from communique.errors import ConfigError
from communique.pipeline._stage import EMPTY_CONTEXT, Pipeline, RunContext
from communique.pipeline.runners.pool import (
    Item,
    PipelineFactory,
    PipelineRecipe,
    batches,
    code_alone,
    document_ids_key,
    merge_outcomes,
    portable,
)
from communique.pipeline.runners.serial import Outcome, ProgressCallback
from communique.records import CodedDocument, RawDocument
from communique.settings import Settings

KEY_PREFIX = "communique-code"
LOCAL = "local"


def run_dask(
    stage_names: Sequence[str],
    settings: Settings,
    inputs: Iterable[Item],
    address: str,
    batch_size: int = 32,
    progress: ProgressCallback | None = None,
    *,
    workers: int | None = None,
    context: RunContext = EMPTY_CONTEXT,
) -> Iterator[Outcome]:
    """Run the pipeline on a Dask cluster, yielding outcomes in input order.

    Args:
        stage_names: Registered stage names, in order (``DEFAULT_STAGES`` for the full job).
        settings: Settings every worker builds its pipeline with.
        inputs: Documents from ingest; ingest rejections pass straight through.
        address: A scheduler address (``tcp://host:8786``), or ``"local"`` to start a
            ``LocalCluster`` of single-threaded worker processes for this run.
        batch_size: Documents per partition (the unit a worker codes, as in ``run_serial``).
        progress: Called with the number of inputs finished after each partition.
        workers: Worker processes of the local cluster (default: one per CPU); ignored
            with a scheduler address.
        context: The run's read-only context, the same for every document.

    Yields:
        What ``run_serial`` yields for the same inputs and context, in the same order.
        A partition that
        killed its workers (Dask gives up after retrying it on others)
        yields its documents with a Rejection (stage ``pipeline``, reason ``worker-crashed``).

    Raises:
        ConfigError: The scheduler cannot be reached, or the pipeline cannot be built.
    """
    recipe = PipelineRecipe.of(stage_names, settings, context)
    return run_dask_with(recipe, inputs, address, batch_size, progress, workers=workers)


def run_dask_with(
    build: PipelineFactory,
    inputs: Iterable[Item],
    address: str,
    batch_size: int = 32,
    progress: ProgressCallback | None = None,
    *,
    workers: int | None = None,
) -> Iterator[Outcome]:
    """``run_dask`` with any picklable, hashable pipeline factory with a stable ``repr``."""
    with _connect(address, workers) as client:
        yield from code_partitions(client, build, inputs, batch_size, progress)


def code_partitions(
    client: Client,
    build: PipelineFactory,
    inputs: Iterable[Item],
    batch_size: int = 32,
    progress: ProgressCallback | None = None,
) -> Iterator[Outcome]:
    """Code ``inputs`` partition by partition on ``client``'s cluster, in input order.

    Results are gathered as partitions complete; at most twice as many partitions as
    the cluster has threads are submitted and not yet yielded, so memory stays flat.
    """
    limit = max(2, 2 * sum(client.nthreads().values()))  # type: ignore[no-untyped-call]
    window: deque[_Partition] = deque()
    waiting: dict[str, list[_Partition]] = {}
    completed = as_completed()  # type: ignore[no-untyped-call]
    for items in batches(inputs, batch_size):
        part = _Partition(items)
        if part.documents:
            key = document_ids_key(KEY_PREFIX, build, items)
            part.future = client.submit(
                code_partition, build, part.documents, key=key, pure=True, retries=2
            )
            completed.add(part.future)  # type: ignore[no-untyped-call]
            waiting.setdefault(key, []).append(part)
        window.append(part)
        while len(window) >= limit:
            yield from _drain(window, waiting, completed, progress, until_one=True)
        yield from _drain(window, waiting, completed, progress, until_one=False)
    while window:
        yield from _drain(window, waiting, completed, progress, until_one=True)


# -- on the worker ----------------------------------------------------------------------

_BUILDING = threading.Lock()


def code_partition(build: PipelineFactory, documents: list[RawDocument]) -> list[CodedDocument]:
    """Run the worker's pipeline for ``build`` over one partition (called on a worker)."""
    pipeline, lock = _worker_pipeline(build)
    with lock:
        return code_alone(pipeline, documents)


def _worker_pipeline(build: PipelineFactory) -> tuple[Pipeline, threading.Lock]:
    with _BUILDING:  # two threads of one worker must not load the model twice
        try:
            return _cached_pipeline(build)
        except Exception as error:
            raise portable(error) from None


@lru_cache(maxsize=4)
def _cached_pipeline(build: PipelineFactory) -> tuple[Pipeline, threading.Lock]:
    return build(), threading.Lock()


# -- on the client ----------------------------------------------------------------------


@dataclass(slots=True)
class _Partition:
    items: list[Item]
    documents: list[RawDocument] = field(init=False)
    future: Future[list[CodedDocument]] | None = None
    coded: list[CodedDocument] | None = None
    done: bool = False

    def __post_init__(self) -> None:
        self.documents = [item for item in self.items if isinstance(item, RawDocument)]
        self.done = not self.documents


def _drain(
    window: deque[_Partition],
    waiting: dict[str, list[_Partition]],
    completed: as_completed,
    progress: ProgressCallback | None,
    *,
    until_one: bool,
) -> Iterator[Outcome]:
    """Yield the finished partitions at the head of the window; first wait for one if asked."""
    while until_one and not window[0].done:
        _collect(next(completed), waiting)
    while window and window[0].done:
        part = window.popleft()
        yield from merge_outcomes(part.items, part.coded)
        if progress is not None:
            progress(len(part.items))


def _collect(future: Future[list[CodedDocument]], waiting: dict[str, list[_Partition]]) -> None:
    """Fetch a completed partition's result for every partition waiting on its key."""
    parts = waiting.pop(str(future.key), [])
    if not parts:
        return  # a second partition with the same ids was served by the first's result
    try:
        coded: list[CodedDocument] | None = future.result()
    except KilledWorker:
        coded = None  # it killed every worker it was tried on
    for part in parts:
        part.coded, part.done, part.future = coded, True, None


@contextmanager
def _connect(address: str, workers: int | None) -> Iterator[Client]:
    if address == LOCAL:
        with (
            LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                # its HTTP server on a free port: 8787 may be taken by another cluster
                scheduler_kwargs={"dashboard_address": ":0"},
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as client,  # type: ignore[no-untyped-call]
        ):
            yield client
        return
    try:
        client = Client(address)  # type: ignore[no-untyped-call]
    except (OSError, ValueError) as error:
        raise ConfigError(
            f"Could not connect to the Dask scheduler at {address!r}: {error}. Expected an "
            "address such as tcp://host:8786 of a running 'dask scheduler', or 'local'."
        ) from error
    with client:
        yield client
