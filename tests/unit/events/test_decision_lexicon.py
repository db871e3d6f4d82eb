"""How the learned decision and the lexicon combine, with a model whose answer we set."""

from __future__ import annotations

import numpy as np
import pytest

from communique.actors import find_actors
from communique.annotate import annotate_articles
from communique.events._arguments import ActorIndex
from communique.events._coding import code_events
from communique.events.coder import DependencyCoder
from communique.events.decider import STRUCT_FEATURES, WORD_FEATURES, EventDecider
from communique.events.lexicon import load_lexicon
from communique.records import Article
from communique.textview import TextView

pytestmark = pytest.mark.model

CLASSES = ["01", "05", "none"]


def _decider(probabilities: list[float]) -> EventDecider:
    """A model that gives every candidate the same probabilities over ``CLASSES``."""
    weights = np.zeros((len(CLASSES), STRUCT_FEATURES + WORD_FEATURES), dtype=np.float32)
    card = {"sentence_head_weight": 0.0}
    leaves = {"01": {"express": "018"}}
    return EventDecider(weights, np.log(probabilities), CLASSES, leaves, {}, card)


def _codes(nlp, decider: EventDecider, text: str) -> list[str | None]:  # type: ignore[no-untyped-def]
    article = Article(doc_id="t", text=text, published="2023-06-01")
    (annotation,) = annotate_articles([article], nlp)
    view = TextView(text, annotation)
    coder = DependencyCoder(
        view, ActorIndex(view, find_actors(article, annotation)), load_lexicon(), propose=True
    )
    dyads = [d for d in coder.code_sentence(0) if view.lemma(d.trigger) == "express"]
    return [decision.cameo for decision in decider.decide(view, dyads)]


def test_an_unsure_model_yields_to_the_lexicon_entry_read_with_its_object(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya expressed support for Somalia."  # the lexicon: 051 with its object
    assert _codes(nlp, _decider([0.45, 0.35, 0.20]), text) == ["051"]
    assert _codes(nlp, _decider([0.60, 0.30, 0.10]), text) == ["018"]  # a sure model decides
    assert _codes(nlp, _decider([0.45, 0.10, 0.45]), text) == ["018"]  # its root too unlikely


def _modalities(nlp, decider: EventDecider, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    article = Article(doc_id="t", text=text, published="2023-06-01")
    (annotation,) = annotate_articles([article], nlp)
    events = code_events(article, annotation, find_actors(article, annotation), decider=decider)
    return [(event.cameo, event.modality) for event in events]


def _sure_of(root: str) -> EventDecider:
    """A model that codes every candidate under ``root``."""
    weights = np.zeros((2, STRUCT_FEATURES + WORD_FEATURES), dtype=np.float32)
    card = {"sentence_head_weight": 0.0}
    return EventDecider(weights, np.log([0.99, 0.01]), [root, "none"], {}, {}, card)


def test_a_plan_recoded_by_the_model_stays_a_plan(nlp) -> None:  # type: ignore[no-untyped-def]
    # "plan" is an entry of root 03 that carries its own intent: the assault is planned, and a
    # plan others tell of is not a threat made
    text = "Belarusian saboteurs were planning attacks on Lithuanian border posts."
    assert _modalities(nlp, _sure_of("18"), text) == [("18", "intended")]


def test_a_pledge_recoded_as_the_act_pledged_is_the_intent_to_do_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Norway pledged emergency aid to Yemen."
    assert _modalities(nlp, _sure_of("07"), text) == [("033", "intended")]
