"""The confidence reported with each learned event, fitted on the article dev set's tune half.

The decider's probability is Platt-scaled (``platt``) and then turned into the share of
events like it that were right (``logistic``: the probability, whether the event has a
target, whether its actors are more than bare countries) on the tune half of the article
dev set; the check half is never read here. ``recalibrate`` refits both for a trained model
whose weights are kept (after the rules change, ``communique train --calibration-only``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from communique.errors import InputError
from communique.evaluate._event_scoring import event_matches
from communique.evaluate._runner import code_gold
from communique.evaluate.articles import load_article_gold, load_corpus
from communique.evaluate.splits import select
from communique.events import code_events
from communique.events.decider import (
    MODEL_DIR,
    RELIABILITY_TERMS,
    EventDecider,
    event_kind,
    load_decider,
)
from communique.pipeline.stages import DEFAULT_STAGES, EventStage
from communique.records import CodedDocument, Event

DEFAULT_CORPUS = Path("../shared/data/corpus/allsides_intl_2018_2020.jsonl")
# The pipeline up to the events: the coder then proposes, with or without a decider.
BEFORE_EVENTS = DEFAULT_STAGES[: DEFAULT_STAGES.index(EventStage.name)]


# Reliability terms that report the raw probability (what the fit starts from).
RAW_PROBABILITY = {"a": 1.0, "b": 0.0, "dyadic": 0.0, "specific": 0.0}


def fit_reliability(decider: EventDecider, corpus: Path, card: dict[str, Any]) -> None:
    """Fit the confidence reported with each event (``EventDecider.reported``) on the tune
    half of the article dev set and put it in ``card`` and ``decider``; nothing when there are
    too few right or wrong events to fit."""
    kept, decider.reliability = decider.reliability, dict(RAW_PROBABILITY)
    try:
        rows = reliability_rows(decider, corpus)  # the events as shipped, raw probabilities
    finally:
        decider.reliability = kept
    fitted = logistic(rows)
    if fitted is None:
        return
    card["reliability"] = {**fitted, "fit_on": "article dev set, tune half"}
    decider.reliability = {term: fitted[term] for term in RELIABILITY_TERMS}


def recalibrate(folder: Path = MODEL_DIR, corpus: Path = DEFAULT_CORPUS) -> dict[str, Any]:
    """Refit only the reported confidence of the model in ``folder`` (its weights, and so its
    decisions, unchanged) and rewrite its ``model.json``; return the card."""
    decider = load_decider(folder)
    if not corpus.is_file():
        raise InputError("no-corpus", f"the AllSides corpus is not at {corpus}")
    fit_reliability(decider, corpus, decider.card)
    decider.save_card(folder)
    return decider.card


def reliability_rows(decider: EventDecider, corpus: Path) -> list[tuple[float, bool, bool, bool]]:
    """(probability, dyadic, specific, right) for each event the decider codes in the tune
    half of the article dev set (the check half is never read here)."""
    return [
        (event.confidence, *event_kind(event.source, event.target), right)
        for event, right in _tune_events(decider, corpus)
    ]


def logistic(rows: Sequence[tuple[float, bool, bool, bool]]) -> dict[str, float] | None:
    """``sigmoid(a * logit(p) + b + dyadic * [dyadic] + specific * [specific])`` fitted to
    (probability, dyadic, specific, right) rows; None when too few right or wrong to fit."""
    fitted = _fit_right(
        [row[0] for row in rows], [row[3] for row in rows], [row[1:3] for row in rows]
    )
    if fitted is None:
        return None
    (a, dyadic, specific), b = fitted
    return {"a": a, "b": b, "dyadic": dyadic, "specific": specific, **_counts(rows)}


def calibration_pairs(decider: EventDecider, corpus: Path) -> list[tuple[float, bool]]:
    """Each event the decider codes in the tune half of the article dev set: its probability
    and whether it matches a gold event (the check half is never read here)."""
    kept = decider.calibration, decider.reliability
    decider.calibration, decider.reliability = (1.0, 0.0), None  # raw probabilities
    try:
        return [(event.confidence, right) for event, right in _tune_events(decider, corpus)]
    finally:
        decider.calibration, decider.reliability = kept


def _tune_events(decider: EventDecider, corpus: Path) -> list[tuple[Event, bool]]:
    """Each event the decider codes in the tune half of the article dev set, and whether it
    matches a gold event."""
    golds = select(load_article_gold(), "tune", key=lambda gold: gold.id)
    articles = load_corpus(corpus, (gold.id for gold in golds))
    present = [gold for gold in golds if gold.id in articles]
    outcomes, _ = code_gold([articles[gold.id] for gold in present], BEFORE_EVENTS)
    found = []
    for gold, outcome in zip(present, outcomes, strict=True):
        if not isinstance(outcome, CodedDocument) or outcome.annotation is None:
            continue
        assert outcome.article is not None
        for event in code_events(
            outcome.article,
            outcome.annotation,
            outcome.actors,
            quotes=outcome.quotes,
            decider=decider,
        ):
            found.append((event, any(event_matches(g, event) for g in gold.events)))
    return found


def platt(pairs: Sequence[tuple[float, bool]]) -> dict[str, float] | None:
    """Platt scaling ``sigmoid(a * logit(p) + b)`` fitted to (probability, right) pairs;
    None when there are too few of either kind to fit."""
    fitted = _fit_right([p for p, _ in pairs], [hit for _, hit in pairs], [() for _ in pairs])
    if fitted is None:
        return None
    (a,), b = fitted
    return {"a": a, "b": b, **_counts(pairs)}


def _fit_right(
    probabilities: Sequence[float], right: Sequence[bool], flags: Sequence[tuple[bool, ...]]
) -> tuple[tuple[float, ...], float] | None:
    """A logistic fit of ``right`` on logit(probability) and the 0/1 ``flags``: (one rounded
    coefficient per column, intercept); None when too few right or wrong events to fit."""
    hits = sum(right)
    if hits < 5 or len(right) - hits < 5:
        return None
    clipped = np.clip(np.array(probabilities), 1e-6, 1 - 1e-6)
    matrix = np.column_stack(
        [np.log(clipped / (1 - clipped)), np.array(flags, dtype=float).reshape(len(right), -1)]
    )
    model = LogisticRegression(C=1.0).fit(matrix, np.array(right))
    coefficients = tuple(round(float(c), 6) for c in model.coef_[0])
    return coefficients, round(float(model.intercept_[0]), 6)


def _counts(rows: Sequence[tuple[Any, ...]]) -> dict[str, int]:
    """How many events a fit saw, and how many of them were right (the last field)."""
    return {"events": len(rows), "right": int(sum(row[-1] for row in rows))}
