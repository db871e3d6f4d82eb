"""Quotes: direct and indirect quotes with their cue and their speaker resolved to an actor.

Quotation marks are paired by characters (:mod:`communique.quotes.detect`); the parse and
the actor stage's mentions then tell speech from scare quotes and titles, find each quote's
cue and speaker, and add the indirect quotes ("X said that …", "according to X", "X: …")
(:mod:`communique.quotes.attribute`). The cue logic is shared with the event coder through
:mod:`communique.speech`. See ``docs/quotes.md``.
"""

from __future__ import annotations

import hashlib

from communique.quotes.attribute import (
    AttributedQuote,
    Speaker,
    attribute_quotes,
    speaker_for_span,
)
from communique.records import ActorMention, Annotation, Article, Quote
from communique.textview import TextView

__all__ = [
    "PRODUCER",
    "AttributedQuote",
    "Speaker",
    "attribute_quotes",
    "find_quotes",
    "speaker_for_span",
    "to_record",
]

PRODUCER = "communique.quotes.v1"


def find_quotes(
    article: Article, annotation: Annotation, actors: tuple[ActorMention, ...]
) -> tuple[Quote, ...]:
    """Find every direct and indirect quote of an article, with its speaker and cue.

    Args:
        article: The article.
        annotation: Its parse.
        actors: The actor stage's mentions (pronouns resolved by its coreference).

    Returns:
        The quotes in text order. ``speaker`` is ``None`` when the speaker is nobody named or
        a person the actor stage did not code.
    """
    view = TextView(article.text, annotation)
    return tuple(to_record(article.doc_id, quote) for quote in attribute_quotes(view, actors))


def to_record(doc_id: str, quote: AttributedQuote) -> Quote:
    """The :class:`~communique.records.Quote` record of an attributed quote."""
    key = f"{doc_id}|{quote.kind}|{quote.start}|{quote.end}"
    return Quote(
        doc_id=doc_id,
        id=hashlib.sha1(key.encode()).hexdigest()[:16],
        text=quote.text,
        kind=quote.kind,
        speaker=quote.speaker.ref() if quote.speaker is not None else None,
        cue=quote.cue.text if quote.cue is not None else None,
        start=quote.start,
        end=quote.end,
        producer=PRODUCER,
        speaker_name=quote.speaker.name if quote.speaker is not None else None,
    )
