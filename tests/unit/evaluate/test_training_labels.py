"""How a training candidate's source is matched with the labelled source."""

from __future__ import annotations

from communique.evaluate.training import _same_actor
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
