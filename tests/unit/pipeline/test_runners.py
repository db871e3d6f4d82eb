"""The process-pool runner: serial order and outcomes, rejections, crashed workers, streaming.

Worker processes unpickle the fake pipeline below by importing this module, so the
fakes live at module level. Only the test marked ``model`` loads the spaCy pipeline.
"""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass
from importlib.resources import files

import pytest

from communique.actors import RoleFact, RoleSnapshot
from communique.errors import CommuniqueError, ConfigError
from communique.ingest import read_inputs
from communique.pipeline import Pipeline, build_pipeline, run_serial, to_contract
from communique.pipeline._stage import RunContext, guard
from communique.pipeline.runners import pool
from communique.pipeline.runners.pool import (
    PipelineRecipe,
    document_ids_key,
    portable,
    run_batches,
    run_pool,
    run_pool_with,
    start_worker,
)
from communique.pipeline.stages import DEFAULT_STAGES
from communique.records import Article, CodedDocument, RawDocument, Rejection
from communique.settings import Settings


class FakeExtract:
    """Text → Article; 'bug' raises an unexpected error, 'crash' kills the process."""

    name = "fake.extract.v1"
    requires = ("raw",)
    produces = ("article",)

    def __call__(self, batch: Sequence[CodedDocument]) -> Iterator[CodedDocument]:
        def work(doc: CodedDocument) -> CodedDocument:
            if "crash" in doc.raw.text:
                os._exit(3)  # as a segfault or the OOM killer would end the worker
            if "bug" in doc.raw.text:
                raise ValueError("boom")
            article = Article(
                doc_id=doc.raw.id, text=doc.raw.text.upper(), producer=f"{len(batch)}"
            )
            return dataclasses.replace(doc, article=article)

        for doc in batch:
            yield guard(doc, "extract", work, "record")


@dataclass(frozen=True)
class FakeRecipe:
    """Builds the fake pipeline; ``fail`` makes building it fail as a missing model does."""

    fail: bool = False

    def __call__(self) -> Pipeline:
        if self.fail:
            raise ConfigError("no spaCy model here")
        return Pipeline([FakeExtract()])


def _raw(doc_id: str, text: str = "Some text.") -> RawDocument:
    return RawDocument(
        id=doc_id, origin=f"{doc_id}.txt", data=text.encode(), text=text, media_type="text"
    )


def _unreadable(name: str) -> Rejection:
    return Rejection(origin=name, stage="ingest", reason="binary", detail="not text")


def _canonical(outcomes: Sequence[CodedDocument | Rejection]) -> list[str]:
    return [json.dumps(to_contract(outcome), sort_keys=True) for outcome in outcomes]


def _inputs() -> list[RawDocument | Rejection]:
    items: list[RawDocument | Rejection] = [_raw(f"d{i}", f"text {i}") for i in range(9)]
    items.insert(3, _unreadable("broken.bin"))
    items.insert(7, _raw("bad", "a bug here"))
    return items


def test_run_pool_gives_serial_outcomes_in_input_order() -> None:
    items = _inputs()
    finished: list[int] = []
    pooled = list(
        run_pool_with(FakeRecipe(), items, workers=2, batch_size=2, progress=finished.append)
    )
    serial = list(run_serial(FakeRecipe()(), items, batch_size=2))
    assert _canonical(pooled) == _canonical(serial)
    assert pooled == serial
    assert sum(finished) == len(items) and len(finished) == 6


def test_run_pool_passes_ingest_rejections_through() -> None:
    items = _inputs()
    pooled = list(run_pool_with(FakeRecipe(), items, workers=2, batch_size=4))
    assert pooled[3] == items[3]
    assert all(isinstance(o, CodedDocument) for i, o in enumerate(pooled) if i != 3)


def test_run_pool_records_an_unexpected_stage_error_as_a_rejection() -> None:
    (outcome,) = run_pool_with(FakeRecipe(), [_raw("bad", "a bug here")], workers=1)
    assert isinstance(outcome, CodedDocument)
    assert [(r.stage, r.reason, r.detail) for r in outcome.rejections] == [
        ("extract", "internal-error", "ValueError: boom")
    ]


def test_run_pool_rejects_the_batch_that_kills_its_worker_and_goes_on() -> None:
    items: list[RawDocument | Rejection] = [_raw(f"d{i}", f"text {i}") for i in range(8)]
    items[5] = _raw("killer", "crash now")
    outcomes = list(run_pool_with(FakeRecipe(), items, workers=2, batch_size=2))
    assert [o.raw.id for o in outcomes if isinstance(o, CodedDocument)] == [
        item.id for item in items if isinstance(item, RawDocument)
    ]
    crashed = {
        o.raw.id: o.rejections[0].reason
        for o in outcomes
        if isinstance(o, CodedDocument) and o.rejections
    }
    assert crashed == {"d4": "worker-crashed", "killer": "worker-crashed"}
    assert all(
        o.article is not None
        for o in outcomes
        if isinstance(o, CodedDocument) and o.raw.id not in crashed
    )
    assert outcomes[4].rejections[0].stage == "pipeline"  # type: ignore[union-attr]


def test_run_pool_stops_when_fresh_workers_keep_dying() -> None:
    items = [_raw(f"d{i}", "crash") for i in range(5)]
    with pytest.raises(ConfigError, match="died on 3 batches in a row"):
        list(run_pool_with(FakeRecipe(), items, workers=1, batch_size=1))


def test_run_pool_raises_the_error_that_stopped_the_pipeline_being_built() -> None:
    with pytest.raises(ConfigError, match="no spaCy model here"):
        list(run_pool_with(FakeRecipe(fail=True), [_raw("d1")], workers=1))


def test_run_pool_rejects_zero_workers() -> None:
    with pytest.raises(ConfigError, match="at least 1 worker"):
        run_pool_with(FakeRecipe(), [], workers=0)


def test_run_batches_keeps_a_bounded_number_of_batches_in_flight(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pulled = 0

    def endless() -> Iterator[RawDocument | Rejection]:
        nonlocal pulled
        for i in range(1_000):
            pulled += 1
            yield _raw(f"d{i}")

    monkeypatch.setattr(pool, "_WORKER", {})
    start_worker(FakeRecipe())  # the threads share this process's worker state

    def start() -> Executor:
        return ThreadPoolExecutor(2)

    outcomes = run_batches(start, endless(), batch_size=4, in_flight=3)
    for done, _ in enumerate(outcomes, start=1):
        assert pulled - done < 3 * 4  # only the batches in flight were read ahead
        if done == 100:
            break
    outcomes.close()


def test_pipeline_recipe_carries_the_run_context_by_content() -> None:
    haley = RoleFact("Nikki Haley", "Ambassador", "USAGOV", "USA", "GOV", None, None)
    settings = Settings()
    recipe = PipelineRecipe.of(DEFAULT_STAGES, settings, RunContext(RoleSnapshot([haley])))
    again = PipelineRecipe.of(DEFAULT_STAGES, settings, RunContext(RoleSnapshot([haley])))
    assert recipe == again and hash(recipe) == hash(again) and repr(recipe) == repr(again)
    assert recipe != PipelineRecipe.of(DEFAULT_STAGES, settings)
    travelled = pickle.loads(pickle.dumps(recipe))
    assert travelled == recipe
    assert travelled.context.roles.recall("Haley", None) == haley


def test_portable_keeps_picklable_errors_and_replaces_the_others() -> None:
    config = ConfigError("x")
    assert portable(config) is config
    unpicklable = ValueError("nothing to read")
    unpicklable.lock = threading.Lock()  # type: ignore[attr-defined]
    replaced = portable(unpicklable)
    assert type(replaced) is CommuniqueError
    assert str(replaced) == "ValueError: nothing to read"


def test_document_ids_key_depends_on_recipe_and_ids_only() -> None:
    first = [_raw("a", "one"), _unreadable("x"), _raw("b")]
    same_ids = [_raw("a", "changed"), _raw("b")]
    key = document_ids_key("k", FakeRecipe(), first)
    assert key == document_ids_key("k", FakeRecipe(), same_ids)
    assert key != document_ids_key("k", FakeRecipe(fail=True), first)
    assert key != document_ids_key("k", FakeRecipe(), first[::-1])


def test_pipeline_recipe_carries_the_callers_settings() -> None:
    settings = Settings(spacy_batch_size=7, error_policy="raise")
    recipe = PipelineRecipe.of(DEFAULT_STAGES, settings)
    assert Settings.model_validate_json(recipe.settings_json) == settings
    assert recipe == PipelineRecipe.of(list(DEFAULT_STAGES), settings)
    assert hash(recipe) == hash(PipelineRecipe.of(DEFAULT_STAGES, settings))


@pytest.mark.model
def test_run_pool_matches_run_serial_on_the_samples() -> None:
    settings = Settings()
    items = list(read_inputs([str(files("communique") / "samples")]))
    items.insert(1, _unreadable("broken.bin"))
    serial = list(run_serial(build_pipeline(settings), items, batch_size=2))
    pooled = list(run_pool(DEFAULT_STAGES, settings, items, workers=2, batch_size=2))
    assert _canonical(pooled) == _canonical(serial)
    assert sum(len(o.events) for o in pooled if isinstance(o, CodedDocument)) > 0
