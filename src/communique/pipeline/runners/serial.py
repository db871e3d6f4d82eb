"""The serial runner: deterministic, one process, batches in input order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from communique.pipeline._stage import Pipeline
from communique.records import CodedDocument, RawDocument, Rejection

Outcome = CodedDocument | Rejection
ProgressCallback = Callable[[int], None]


def run_serial(
    pipeline: Pipeline,
    inputs: Iterable[RawDocument | Rejection],
    batch_size: int = 32,
    progress: ProgressCallback | None = None,
) -> Iterator[Outcome]:
    """Run ``pipeline`` over ``inputs`` batch by batch, yielding outcomes in input order.

    Args:
        pipeline: The stages to run.
        inputs: Documents from ingest; ingest rejections pass straight through.
        batch_size: Documents per batch (the unit handed to each stage).
        progress: Called with the number of inputs finished after each batch.

    Yields:
        A CodedDocument per document (carrying any rejection a stage made) and
        each ingest Rejection, in the order the inputs came.
    """
    iterator = iter(inputs)
    while batch := list(islice(iterator, batch_size)):
        documents = [CodedDocument(raw=item) for item in batch if isinstance(item, RawDocument)]
        coded = iter(pipeline(documents))
        for item in batch:
            yield item if isinstance(item, Rejection) else next(coded)
        if progress is not None:
            progress(len(batch))
