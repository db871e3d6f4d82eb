"""A readable, short summary of one coded document, for ``communique demo``."""

from __future__ import annotations

from communique.records import CodedDocument, Event, Quote, Rejection

MAX_EVENTS = 8
MAX_QUOTES = 4


def summarise(outcome: CodedDocument | Rejection) -> str:
    """Title, date, actors, events and quotes of one document, or why it was rejected."""
    rejections = (outcome,) if isinstance(outcome, Rejection) else outcome.rejections
    if rejections:
        return "REJECTED " + "; ".join(r.message() for r in rejections) + "\n"
    assert isinstance(outcome, CodedDocument) and outcome.article is not None
    article = outcome.article
    actors = {m.actor_id: m for m in outcome.actors}
    lines = [
        f"■ {article.title or '(untitled)'}",
        f"  published {article.published or '?'} · language {article.language or '?'} · "
        f"source {article.source or article.site_name or '?'}",
        "  actors: " + ", ".join(f"{m.name} [{m.code}]" for m in list(actors.values())[:10]),
    ]
    places = {(p.name, p.country): p for p in outcome.places}
    if places:
        lines.append(
            "  places: "
            + ", ".join(f"{name} [{country or p.feature}]" for (name, country), p in places.items())
        )
    lines += [f"  event  {_event_line(event)}" for event in outcome.events[:MAX_EVENTS]]
    lines += [f"  quote  {_quote_line(quote)}" for quote in outcome.quotes[:MAX_QUOTES]]
    return "\n".join(lines) + "\n"


def _event_line(event: Event) -> str:
    target = event.target.code if event.target else "-"
    who = f" (according to {event.attributed_to.name})" if event.attributed_to else ""
    where = f" @ {event.location.name}" if event.location else ""
    return (
        f"{event.source.code} → {target}  {event.type or 'STATEMENT'} {event.cameo} "
        f"{event.modality}{who}{where}"
    )


def _quote_line(quote: Quote) -> str:
    speaker = quote.speaker.name if quote.speaker else quote.speaker_name or "?"
    text = quote.text if len(quote.text) <= 70 else quote.text[:67] + "…"
    return f"{speaker} ({quote.kind}): {text}"
