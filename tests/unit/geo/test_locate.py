"""Place recognition, disambiguation and event locations on sentences we wrote."""

from __future__ import annotations

import pytest

from communique.actors import find_actors
from communique.annotate import annotate_articles
from communique.events import code_events
from communique.events.decider import load_decider
from communique.geo import find_places, load_gazetteer, locate_events, resolve_spans
from communique.geo.locate import _dateline
from communique.records import Article, Place

pytestmark = pytest.mark.model


def _places(nlp, text: str) -> dict[str, Place]:  # type: ignore[no-untyped-def]
    article = Article(doc_id="t", text=text, published="2024-05-10")
    (annotation,) = annotate_articles([article], nlp)
    actors = find_actors(article, annotation)
    found = find_places(article, annotation, actors, load_gazetteer())
    return {text[p.start : p.end]: p for p in found}


def _located(nlp, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    article = Article(doc_id="t", text=text, published="2024-05-10")
    (annotation,) = annotate_articles([article], nlp)
    actors = find_actors(article, annotation)
    places = find_places(article, annotation, actors, load_gazetteer())
    events = code_events(article, annotation, actors, decider=load_decider())
    located = locate_events(article, annotation, events, places, actors)
    return [(e.cameo, e.location.name if e.location else None) for e in located]


def test_places_resolve_countries_and_capitals(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The delegation flew from Nairobi to Addis Ababa before returning to Kenya."
    found = _places(nlp, text)
    assert found["Nairobi"].country == "KEN" and found["Nairobi"].feature == "city"
    assert found["Addis Ababa"].country == "ETH"
    assert found["Kenya"].feature == "country"
    assert abs(found["Nairobi"].lat - -1.28) < 0.5 and abs(found["Nairobi"].lon - 36.8) < 0.5


def test_places_a_state_after_a_comma_contains_the_town(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _places(nlp, "Flood waters reached Paris, Texas, on Sunday.")
    assert found["Paris"].country == "USA" and found["Paris"].admin1 == "Texas"


def test_places_without_context_take_the_largest(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _places(nlp, "Thousands marched through Paris on Sunday.")
    assert found["Paris"].country == "FRA"


def test_places_the_article_focus_decides_an_ambiguous_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Storms hit Atlanta and Savannah overnight. Officials across Georgia said "
        "schools would stay closed."
    )
    assert _places(nlp, text)["Georgia"].country == "USA"


def test_places_demonyms_are_not_places(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _places(nlp, "French and German diplomats met in Vienna.")
    assert "French" not in found and "German" not in found
    assert found["Vienna"].country == "AUT"


def test_resolve_spans_reads_given_spans(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Shelling was reported in Aleppo province and near Homs."
    article = Article(doc_id="t", text=text)
    (annotation,) = annotate_articles([article], nlp)
    spans = [(text.index("Aleppo"), text.index("Aleppo") + 6), (text.index("Homs"), len(text) - 1)]
    aleppo, homs = resolve_spans(article, annotation, spans, (), load_gazetteer())
    assert aleppo is not None and aleppo.country == "SYR"
    assert homs is not None and homs.country == "SYR"


def test_events_are_located_in_their_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    located = _located(nlp, "Russian and Chinese diplomats held talks in Geneva on Monday.")
    assert located and all(name == "Geneva" for _, name in located)


def test_a_visit_is_located_at_its_destination(nlp) -> None:  # type: ignore[no-untyped-def]
    located = _located(nlp, "The Indian prime minister visited Hanoi on Tuesday.")
    assert ("042", "Hanoi") in located or any(name == "Hanoi" for _, name in located)


def test_an_actor_is_not_where_its_event_happened(nlp) -> None:  # type: ignore[no-untyped-def]
    located = _located(nlp, "Washington condemned the missile test.")
    assert located and all(name is None for _, name in located)


def test_the_dateline_locates_events_the_text_does_not_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "NAIROBI, Kenya (Wire) — The government accused the opposition of inciting violence."
    located = _located(nlp, text)
    assert located and all(name == "Nairobi" for _, name in located)


def test_a_base_locates_an_event_the_text_does_not_place(nlp) -> None:  # type: ignore[no-untyped-def]
    located = _located(nlp, "The Nairobi-based rights group accused the police of abuses.")
    assert located and all(name == "Nairobi" for _, name in located)


def test_a_dated_dateline_is_a_dateline() -> None:
    def place(start: int, end: int) -> Place:
        return Place("t", start, end, "Nairobi", 1, -1.3, 36.8, "KEN", None, "city")

    assert _dateline("NAIROBI, Feb 11 - Police arrested ten people.", [place(0, 7)])
    assert _dateline("NAIROBI (Wire) — Police arrested ten people.", [place(0, 7)])
    assert not _dateline("Nairobi, the capital, was calm.", [place(0, 7)])
