"""Running gold items through the real pipeline, shared by the evaluation harnesses."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from communique.pipeline import Outcome, build_pipeline, run_serial
from communique.pipeline.stages import DEFAULT_STAGES
from communique.records import RawDocument
from communique.settings import get_settings

BATCH_SIZE = 64
# A data folder that never exists: the pipeline falls back to built-in knowledge only.
HERMETIC_DATA_DIR = Path("/nonexistent/communique-evaluation-uses-no-user-data")


_decider: list[str] = []  # the event decider the harnesses use inside ``using_decider``


@contextmanager
def using_decider(decider: str) -> Iterator[None]:
    """Code gold items with the event decider ``decider`` (``rules`` or ``learned``) inside
    the block, whatever the settings say (``communique eval all`` runs both side by side)."""
    _decider.append(decider)
    try:
        yield
    finally:
        _decider.pop()


class GoldItem(Protocol):
    """What a gold sentence or article must offer to be coded."""

    @property
    def id(self) -> str: ...
    @property
    def origin(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def published(self) -> str | None: ...


def code_gold(
    documents: Sequence[GoldItem], stages: Sequence[str] = DEFAULT_STAGES
) -> tuple[list[Outcome], float]:
    """Code every gold item as a plain-text document; return outcomes and seconds taken.

    Runs under the ``record`` error policy: an evaluation scores rejected items as misses
    instead of stopping at the first. Evaluation is hermetic: it never reads the user's data
    folder (an imported actor dictionary there would change the figures), only the built-in
    knowledge, so the same code gives the same figures on every machine.
    """
    update: dict[str, object] = {"error_policy": "record", "data_dir": HERMETIC_DATA_DIR}
    if _decider:
        update["event_decider"] = _decider[-1]
    settings = get_settings().model_copy(update=update)
    pipeline = build_pipeline(settings, stages)
    inputs = [
        RawDocument(
            id=document.id,
            origin=document.origin,
            data=document.text.encode("utf-8"),
            text=document.text,
            media_type="text",
            published=document.published,
            producer="communique.evaluate",
        )
        for document in documents
    ]
    started = time.perf_counter()
    outcomes = list(run_serial(pipeline, inputs, BATCH_SIZE))
    return outcomes, time.perf_counter() - started
