"""How a training candidate's source is matched with the labelled source."""

from __future__ import annotations

import pytest

from communique.evaluate.training import (
    GoldEvent,
    LabelledSentence,
    TrainingDocument,
    _same_actor,
    build_examples,
)
from communique.records import ActorMention


def _mention(actor_id: str, start: int, end: int) -> ActorMention:
    return ActorMention(doc_id="d", actor_id=actor_id, start=start, end=end, code="PER", name="x")


def test_a_candidate_source_is_the_labelled_one_when_it_is_the_actor_named_in_the_span() -> None:
    # "Peru said it will take part": the labeller marked "Peru" (0-4), the coder reads "it"
    peru, it = _mention("country/PER", 100, 104), _mention("country/PER", 110, 112)
    chile = _mention("country/CHL", 120, 125)
    mentions = [peru, it, chile]
    assert _same_actor(peru, (0, 4), 100, mentions)  # inside the span
    assert _same_actor(it, (0, 4), 100, mentions)  # the actor the span names
    assert not _same_actor(chile, (0, 4), 100, mentions)  # another actor
    assert not _same_actor(it, (40, 44), 100, mentions)  # a span no mention is in


@pytest.mark.model
def test_training_proposes_what_a_quoted_we_does_as_the_event_stage_reads_it() -> None:
    # the event stage reads "we" in a direct quote as its speaker; training must propose the
    # same candidate, or the labelled event is never learned
    text = '"We will send troops to Mali next month," the French defence minister said.'
    event = GoldEvent("042", (9, 13), (1, 3), (24, 28))  # "send", "We", "Mali"
    sentence = LabelledSentence(text, "f1", (event,))
    document = TrainingDocument("d1", "test:1", text, "2023-06-01", False, (sentence,))
    _, _, counts = build_examples([document], lambda message: None)
    assert counts["gold events proposed"] == 1


@pytest.mark.model
def test_a_candidate_is_matched_with_the_labelled_event_whose_source_it_has() -> None:
    # the verb's object noun is labelled first with another source: the verb's candidate is
    # still the second event, not left out as a guess
    text = "Peru criticized the Chilean raid on Bolivia."
    raid = GoldEvent("190", (28, 32), (20, 27), (36, 43))
    criticism = GoldEvent("111", (5, 15), (0, 4), (20, 27))
    sentence = LabelledSentence(text, "f1", (raid, criticism))
    document = TrainingDocument("d1", "test:1", text, "2023-06-01", False, (sentence,))
    examples, _, counts = build_examples([document], lambda message: None)
    assert counts["gold events proposed"] == 1  # the raid is the verb's object: no candidate
    assert examples.labels == ["11"]
