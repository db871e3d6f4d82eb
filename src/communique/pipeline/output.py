"""The output contract: one JSON-ready dict per document, as ``communique code`` prints it."""

from __future__ import annotations

import dataclasses
from typing import Any

from communique.records import (
    ActorMention,
    ActorRef,
    Annotation,
    Article,
    CodedDocument,
    Event,
    Place,
    Quote,
    Rejection,
)


def to_contract(outcome: CodedDocument | Rejection) -> dict[str, Any]:
    """Render one outcome in the output contract of DESIGN.md.

    An ingest rejection (no document could be read) renders with ``article: null``
    and the rejection, so that every input shows up in the output.
    """
    if isinstance(outcome, Rejection):
        return {
            "article": None,
            "actors": [],
            "events": [],
            "quotes": [],
            "places": [],
            "rejections": [rejection_dict(outcome)],
        }
    article = outcome.article
    return {
        "article": None if article is None else article_dict(article, outcome.annotation),
        "actors": actors_list(outcome.actors),
        "events": [event_dict(event) for event in outcome.events],
        "quotes": [quote_dict(quote) for quote in outcome.quotes],
        "places": [place_dict(place) for place in outcome.places],
        "rejections": [rejection_dict(rejection) for rejection in outcome.rejections],
    }


def article_dict(article: Article, annotation: Annotation | None) -> dict[str, Any]:
    """The ``article`` object: metadata, text, and the parse's sentences and entities."""
    result: dict[str, Any] = {
        "id": article.doc_id,
        "title": article.title,
        "published": article.published,
        "source": article.source or article.site_name,
        "url": article.url,
        "language": article.language,
        "author": article.author,
        "text": article.text,
    }
    if annotation is not None:
        text = article.text
        result["sentences"] = [[s.start, s.end] for s in annotation.sentences]
        result["entities"] = [
            {"text": text[e.start : e.end], "label": e.label, "span": [e.start, e.end]}
            for e in annotation.entities
        ]
    return result


def actors_list(mentions: tuple[ActorMention, ...]) -> list[dict[str, Any]]:
    """Group mentions by actor id into the contract's ``actors`` list, first mention first."""
    actors: dict[str, dict[str, Any]] = {}
    for mention in mentions:
        actor = actors.setdefault(
            mention.actor_id,
            {
                "id": mention.actor_id,
                "name": mention.name,
                "code": mention.code,
                "country": mention.country,
                "sector": mention.sector,
                "role": mention.role,
                "mentions": [],
            },
        )
        actor["mentions"].append([mention.start, mention.end])
    return list(actors.values())


def _ref(ref: ActorRef | None) -> dict[str, Any] | None:
    return None if ref is None else dataclasses.asdict(ref)


def event_dict(event: Event) -> dict[str, Any]:
    """One event in the contract's shape."""
    return {
        "id": event.id,
        "source": _ref(event.source),
        "target": _ref(event.target),
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "modality": event.modality,
        "attributed_to": _ref(event.attributed_to),
        "date": event.date,
        "location": None if event.location is None else place_dict(event.location),
        "sentence": event.sentence,
        "span": [event.start, event.end],
        "evidence": event.evidence,
        "confidence": event.confidence,
    }


def place_dict(place: Place) -> dict[str, Any]:
    """One place (a ``places`` item or an event's ``location``) in the contract's shape."""
    return {
        "span": [place.start, place.end],
        "name": place.name,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "admin1": place.admin1,
        "feature": place.feature,
    }


def _named(name: str | None) -> dict[str, Any] | None:
    """A speaker the actor stage did not code: the name as written, no code."""
    return None if name is None else {"code": None, "name": name, "actor_id": None}


def quote_dict(quote: Quote) -> dict[str, Any]:
    """One quote in the contract's shape."""
    return {
        "id": quote.id,
        "text": quote.text,
        "kind": quote.kind,
        "speaker": _ref(quote.speaker) or _named(quote.speaker_name),
        "cue": quote.cue,
        "span": [quote.start, quote.end],
    }


def rejection_dict(rejection: Rejection) -> dict[str, Any]:
    """One rejection: where, which stage, why."""
    return {
        "origin": rejection.origin,
        "stage": rejection.stage,
        "reason": rejection.reason,
        "detail": rejection.detail,
        "doc_id": rejection.doc_id,
    }
