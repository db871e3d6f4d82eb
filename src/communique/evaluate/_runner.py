"""Running gold items through the real pipeline, shared by the evaluation harnesses."""

from __future__ import annotations

import time
from collections.abc import Sequence

from communique.evaluate._actor_gold import GoldSentence
from communique.pipeline import Outcome, build_pipeline, run_serial
from communique.records import RawDocument
from communique.settings import get_settings

BATCH_SIZE = 64


def code_gold(documents: Sequence[GoldSentence]) -> tuple[list[Outcome], float]:
    """Code every gold item as a plain-text document; return outcomes and seconds taken.

    Runs under the ``record`` error policy: an evaluation scores rejected items as misses
    instead of stopping at the first.
    """
    settings = get_settings().model_copy(update={"error_policy": "record"})
    pipeline = build_pipeline(settings)
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
