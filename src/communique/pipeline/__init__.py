"""Pipeline: stages assembled from the registry, and runners that push documents through them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from communique import registry
from communique.ingest import read_bytes, read_inputs
from communique.pipeline._stage import EMPTY_CONTEXT, Pipeline, RunContext, Stage
from communique.pipeline.output import to_contract
from communique.pipeline.runners.pool import run_pool
from communique.pipeline.runners.serial import Outcome, ProgressCallback, run_serial
from communique.pipeline.stages import register_builtins
from communique.records import CodedDocument, RawDocument, Rejection
from communique.settings import Settings, get_settings

__all__ = [
    "EMPTY_CONTEXT",
    "Outcome",
    "Pipeline",
    "RunContext",
    "Stage",
    "build_pipeline",
    "code_paths",
    "code_text",
    "configured_stages",
    "populate_components",
    "run_pool",
    "run_serial",
    "to_contract",
]


def build_pipeline(
    settings: Settings | None = None,
    stage_names: Sequence[str] | None = None,
    context: RunContext = EMPTY_CONTEXT,
) -> Pipeline:
    """Build a Pipeline from registered stage names (the configured ones when None).

    Every stage factory is called as ``factory(settings, context)``: the run's settings and
    its read-only :class:`RunContext` (the role snapshot), which stages may keep but never
    change.

    Raises:
        PluginError: A stage name is not registered (the message lists the names).
        ConfigError: The stages are out of order, or the spaCy model is unusable.
    """
    settings = settings or get_settings()
    populate_components()
    names = configured_stages(settings) if stage_names is None else stage_names
    return Pipeline([registry.stages.get(name)(settings, context) for name in names])


def populate_components() -> None:
    """Register the built-in stages, then every installed plugin stage (once each).

    The list of built-in providers lives here, not in ``communique.registry``, which must
    not import the pipeline or the stage packages.

    Raises:
        PluginError: A plugin cannot be loaded or takes a built-in's name.
    """
    register_builtins()
    registry.load_plugins()


def configured_stages(settings: Settings | None = None) -> tuple[str, ...]:
    """The stage names of the configured pipeline (``pipeline_stages``), in order."""
    settings = settings or get_settings()
    return tuple(name.strip() for name in settings.pipeline_stages.split(",") if name.strip())


def code_paths(
    paths: Sequence[str],
    *,
    settings: Settings | None = None,
    stdin: BinaryIO | None = None,
    progress: ProgressCallback | None = None,
) -> Iterator[Outcome]:
    """Read, extract and code every document under ``paths`` (the main job).

    Yields:
        One outcome per document or failed input, in input order; failures are
        Rejections (or documents carrying one), never exceptions.
    """
    settings = settings or get_settings()
    pipeline = build_pipeline(settings)
    inputs = read_inputs(paths, stdin=stdin, max_bytes=settings.max_document_bytes)
    yield from run_serial(pipeline, inputs, settings.spacy_batch_size, progress)


def code_text(text: str, *, kind: str | None = None, settings: Settings | None = None) -> Outcome:
    """Code one text or HTML string and return its outcome.

    Args:
        text: Plain text or an HTML page.
        kind: ``"html"`` or ``"text"``; sniffed from the content when omitted.
        settings: Settings; the environment's when omitted.
    """
    settings = settings or get_settings()
    items: list[RawDocument | Rejection] = list(
        read_bytes("<string>", text.encode("utf-8"), kind=kind)
    )
    outcomes = list(run_serial(build_pipeline(settings), items, settings.spacy_batch_size))
    return outcomes[0]


def is_coded(outcome: Outcome) -> bool:
    """True when the outcome is a document that went through every stage without rejection."""
    return isinstance(outcome, CodedDocument) and not outcome.rejections
