"""Speaker and cue: every quote of an article with who said it, and who said a given span.

:func:`attribute_quotes` runs the rules of :mod:`communique.quotes._direct` (direct quotes
in their frames, speaker continuity) and :mod:`communique.quotes._indirect` (reported
clauses, "according to", "X: …") over the quotes :func:`~communique.quotes.detect.detect_quotes`
found. :func:`speaker_for_span` answers the event stage's question: who says the words at
these offsets (an event inside a quote is attributed to the quote's speaker).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from communique.quotes._direct import QuoteContext, attribute_direct, embedded
from communique.quotes._indirect import (
    according_to_clauses,
    headline_claims,
    inverted_reports,
    reported_clauses,
)
from communique.quotes._posts import embedded_posts
from communique.quotes._speakers import (
    ActorLookup,
    AttributedQuote,
    Cue,
    Speaker,
    make_speaker,
    resolve_pronoun,
)
from communique.quotes.detect import detect_quotes, paragraphs
from communique.records import ActorMention, ActorRef
from communique.textview import TextView

__all__ = [
    "ActorLookup",
    "AttributedQuote",
    "Cue",
    "Speaker",
    "attribute_quotes",
    "make_speaker",
    "speaker_for_span",
]


def attribute_quotes(view: TextView, actors: Sequence[ActorMention]) -> tuple[AttributedQuote, ...]:
    """Every direct and indirect quote of the text, with speaker and cue, in text order.

    Args:
        view: The article text and its parse.
        actors: The actor stage's mentions (pronouns come resolved to their actor).

    Returns:
        The quotes; a quote whose speaker nobody named has ``speaker=None``.
    """
    spans = detect_quotes(view.text)
    context = QuoteContext(view, ActorLookup(view, actors), spans, paragraphs(view.text))
    speech = [quote for quote in spans if not embedded(context, quote)]
    direct = [*attribute_direct(context, speech), *embedded_posts(context)]
    indirect = [
        *reported_clauses(context, speech),
        *inverted_reports(context, speech),
        *according_to_clauses(context, speech),
        *headline_claims(context, speech),
    ]
    quoted = {i for q in speech for i in range(view.token_at(q.start), view.token_at(q.end))}
    resolved = [_resolve(view, context.lookup, quote, quoted.__contains__) for quote in direct]
    resolved += [_resolve(view, context.lookup, quote, quoted.__contains__) for quote in indirect]
    return tuple(sorted(_distinct(resolved), key=lambda q: (q.start, -q.end)))


def _resolve(
    view: TextView, lookup: ActorLookup, quote: AttributedQuote, quoted: Callable[[int], bool]
) -> AttributedQuote:
    if quote.speaker is None:
        return quote
    return replace(quote, speaker=resolve_pronoun(view, lookup, quote.speaker, quoted))


def speaker_for_span(
    view: TextView, actors: Sequence[ActorMention], start_char: int, end_char: int
) -> ActorRef | None:
    """The coded speaker of the innermost quote holding ``[start_char, end_char)``.

    For the event stage: an event whose words lie inside a quote is attributed to the
    quote's speaker. The quotes of the last text asked about are kept, so asking once per
    event of the same article parses its quotes once.

    Args:
        view: The article text and its parse.
        actors: The actor stage's mentions of the same article.
        start_char: Offset of the first character of the span.
        end_char: Offset just past its last character.

    Returns:
        The speaker's actor, or ``None`` when the span is in no quote or the quote's speaker
        is not a coded actor.
    """
    quotes = _cached_quotes(view, actors)
    holding = [q for q in quotes if q.start <= start_char and end_char <= q.end]
    if not holding:
        return None
    innermost = min(holding, key=lambda q: q.end - q.start)
    return innermost.speaker.ref() if innermost.speaker is not None else None


_last: list[tuple[TextView, Sequence[ActorMention], tuple[AttributedQuote, ...]]] = []


def _cached_quotes(view: TextView, actors: Sequence[ActorMention]) -> tuple[AttributedQuote, ...]:
    if _last and _last[0][0] is view and _last[0][1] is actors:
        return _last[0][2]
    quotes = attribute_quotes(view, actors)
    _last[:] = [(view, actors, quotes)]
    return quotes


def _distinct(quotes: list[AttributedQuote]) -> list[AttributedQuote]:
    """One quote per span and kind (two cues may report the same clause)."""
    seen: set[tuple[int, int, str]] = set()
    kept = []
    for quote in quotes:
        key = (quote.start, quote.end, quote.kind)
        if key not in seen:
            seen.add(key)
            kept.append(quote)
    return kept
