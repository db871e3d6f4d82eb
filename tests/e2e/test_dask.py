"""End to end: the Dask runner on a small LocalCluster gives a serial run's output.

Dask workers import this module to unpickle the fake pipeline, so the fakes live at
module level. Only the tests marked ``model`` load the spaCy pipeline.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib.resources import files

import dask
import pytest
from distributed import LocalCluster

from communique.errors import ConfigError
from communique.ingest import read_inputs
from communique.pipeline import Pipeline, build_pipeline, run_serial, to_contract
from communique.pipeline._stage import guard
from communique.pipeline.runners.dask import run_dask, run_dask_with
from communique.pipeline.stages import DEFAULT_STAGES
from communique.records import Article, CodedDocument, RawDocument, Rejection
from communique.settings import Settings

SAMPLES = str(files("communique") / "samples")


class FakeExtract:
    """Text → Article; a text with 'crash' kills the worker process."""

    name = "fake.extract.v1"
    requires = ("raw",)
    produces = ("article",)

    def __call__(self, batch: Sequence[CodedDocument]) -> Iterator[CodedDocument]:
        def work(doc: CodedDocument) -> CodedDocument:
            if "crash" in doc.raw.text:
                os._exit(3)
            return dataclasses.replace(doc, article=Article(doc_id=doc.raw.id, text=doc.raw.text))

        for doc in batch:
            yield guard(doc, "extract", work, "record")


@dataclass(frozen=True)
class FakeRecipe:
    def __call__(self) -> Pipeline:
        return Pipeline([FakeExtract()])


def _raw(doc_id: str, text: str = "Some text.") -> RawDocument:
    return RawDocument(
        id=doc_id, origin=f"{doc_id}.txt", data=text.encode(), text=text, media_type="text"
    )


def _canonical(outcomes: Sequence[CodedDocument | Rejection]) -> list[str]:
    return [json.dumps(to_contract(outcome), sort_keys=True) for outcome in outcomes]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a two-worker LocalCluster, closed after the module's tests."""
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": ":0"},  # port 8787 may be taken
    ) as cluster:
        yield cluster.scheduler_address


@pytest.mark.model
def test_run_dask_gives_the_serial_events_byte_for_byte(scheduler: str) -> None:
    settings = Settings()
    items: list[RawDocument | Rejection] = list(read_inputs([SAMPLES]))
    items.insert(2, Rejection(origin="broken.bin", stage="ingest", reason="binary", detail="-"))
    serial = _canonical(list(run_serial(build_pipeline(settings), items, batch_size=2)))
    distributed = _canonical(
        list(run_dask(DEFAULT_STAGES, settings, items, scheduler, batch_size=2))
    )
    assert sorted(distributed) == sorted(serial)
    assert distributed == serial  # and in input order
    assert sum(len(json.loads(doc)["events"]) for doc in serial) > 0


def test_run_dask_keeps_input_order_across_partitions(scheduler: str) -> None:
    items: list[RawDocument | Rejection] = [_raw(f"d{i}", f"text {i}") for i in range(25)]
    items.append(_raw("d3", "text 3"))  # a repeated document: its partition has its own key
    finished: list[int] = []
    outcomes = list(
        run_dask_with(FakeRecipe(), items, scheduler, batch_size=1, progress=finished.append)
    )
    assert outcomes == list(run_serial(FakeRecipe()(), items, batch_size=1))
    assert len(finished) == len(items)


def test_run_dask_local_rejects_a_partition_that_kills_its_workers() -> None:
    items: list[RawDocument | Rejection] = [_raw("d1"), _raw("killer", "crash"), _raw("d3")]
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        outcomes = list(run_dask_with(FakeRecipe(), items, "local", batch_size=1, workers=2))
    reasons = [[r.reason for r in o.rejections] for o in outcomes if isinstance(o, CodedDocument)]
    assert reasons == [[], ["worker-crashed"], []]


def test_run_dask_reports_a_scheduler_it_cannot_reach() -> None:
    with (
        dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
        pytest.raises(ConfigError, match="Could not connect to the Dask scheduler"),
    ):
        list(run_dask_with(FakeRecipe(), [_raw("d1")], "tcp://127.0.0.1:9"))
