"""Cutting an article's text at event and quote spans that overlap without nesting."""

from __future__ import annotations

from communique.api.schemas import ActorRef, EventOut, QuoteOut
from communique.web.highlight import segments

TEXT = "One sentence here. Two sentences there."


def _event(event_id: str, start: int, end: int) -> EventOut:
    ref = ActorRef(code="RUSGOV", name="Russia")
    return EventOut(
        id=event_id, doc_id="d", date=None, source=ref, target=None, attributed_to=None,
        type="CONSULT", mode=None, cameo="042", quad_class=1, goldstein=1.9,
        modality="asserted", evidence=TEXT[start:end], sentence=0, start=start, end=end,
        confidence=1.0, producer=None, article_title=None, article_published=None,
        article_source=None, article_url=None,
    )  # fmt: skip


def _quote(quote_id: str, start: int, end: int) -> QuoteOut:
    return QuoteOut(
        id=quote_id, doc_id="d", text=TEXT[start:end], kind="direct", speaker=None, cue=None,
        start=start, end=end, producer=None, article_title=None, article_published=None,
        article_source=None, article_url=None,
    )  # fmt: skip


def test_segments_cover_the_text_exactly() -> None:
    found = segments(TEXT, [_event("a", 0, 18), _event("b", 19, 39)], [_quote("q", 4, 24)])
    assert "".join(s.text for s in found) == TEXT
    assert [s.start for s in found] == sorted(s.start for s in found)


def test_segments_know_every_span_over_them() -> None:
    found = segments(TEXT, [_event("a", 0, 18), _event("b", 19, 39)], [_quote("q", 4, 24)])
    covering = {s.text: ({e.id for e in s.events}, {q.id for q in s.quotes}) for s in found}
    assert covering["One "] == ({"a"}, set())
    assert covering["sentence here."] == ({"a"}, {"q"})
    assert covering[" "] == (set(), {"q"})
    assert covering["Two s"] == ({"b"}, {"q"})
    assert covering["entences there."] == ({"b"}, set())
    assert [s.opens for s in found if s.opens] == [("e-a",), ("q-q",), ("e-b",)]


def test_segments_of_two_events_on_one_sentence_share_marks() -> None:
    found = segments(TEXT, [_event("a", 0, 18), _event("b", 0, 18)], [])
    assert found[0].text == "One sentence here." and {e.id for e in found[0].events} == {"a", "b"}
    assert found[0].opens == ("e-a", "e-b")
    assert not found[1].marked


def test_segments_clip_spans_outside_the_text() -> None:
    found = segments("Short.", [_event("a", 3, 99), _event("b", 50, 60)], [])
    assert [(s.text, s.marked) for s in found] == [("Sho", False), ("rt.", True)]
