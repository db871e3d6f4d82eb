"""An article's text cut into segments, each covered by the events and quotes over it.

Event evidence (a sentence) and quotes may overlap and need not nest, so the text is cut
at every span boundary; a segment knows every span that covers it and the template wraps
it in one ``<mark>`` whose data attributes name them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from communique.api.schemas import EventOut, QuoteOut


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the text and the spans over it.

    Attributes:
        text: The characters of the segment.
        start: Its offset in the article text.
        events: Events whose evidence covers it.
        quotes: Quotes that cover it.
        opens: Ids of the spans that start here (``e-…``/``q-…`` anchors).
    """

    text: str
    start: int
    events: tuple[EventOut, ...] = ()
    quotes: tuple[QuoteOut, ...] = ()
    opens: tuple[str, ...] = ()

    @property
    def marked(self) -> bool:
        """Whether anything covers the segment."""
        return bool(self.events or self.quotes)

    @property
    def kinds(self) -> str:
        """``event``, ``quote`` or ``event quote``: the CSS classes of its mark."""
        return " ".join(k for k, on in (("event", self.events), ("quote", self.quotes)) if on)

    def attributes(self) -> dict[str, str]:
        """The data attributes of its mark: ids, codes, types, modalities, who says so."""
        return {
            "data-events": " ".join(e.id for e in self.events),
            "data-quotes": " ".join(q.id for q in self.quotes),
            "data-codes": _unique(e.cameo for e in self.events),
            "data-types": _unique(e.type for e in self.events),
            "data-modality": _unique(e.modality for e in self.events),
            "data-says": "; ".join(dict.fromkeys(_says(item) for item in self.covering)),
        }

    @property
    def covering(self) -> tuple[EventOut | QuoteOut, ...]:
        """The events, then the quotes, over the segment."""
        return (*self.events, *self.quotes)

    @property
    def title(self) -> str:
        """One line per span: code, type, modality and who says so, or the quote's speaker."""
        lines = [
            f"{e.cameo} {e.type} · {e.modality} · according to {_says(e)}" for e in self.events
        ]
        lines += [f"{q.kind} quote · {_says(q)}" for q in self.quotes]
        return "\n".join(lines)


def segments(text: str, events: list[EventOut], quotes: list[QuoteOut]) -> list[Segment]:
    """Cut ``text`` at the edges of every event evidence and quote span.

    Spans outside the text are clipped to it; empty spans are left out.
    """
    spans: list[tuple[int, int, EventOut | QuoteOut]] = []
    items: list[EventOut | QuoteOut] = [*events, *quotes]
    for item in items:
        start, end = max(0, item.start), min(len(text), item.end)
        if start < end:
            spans.append((start, end, item))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    found: list[Segment] = []
    for left, right in pairwise(cuts):
        covering = [item for s, e, item in spans if s <= left and right <= e]
        found.append(
            Segment(
                text=text[left:right],
                start=left,
                events=tuple(i for i in covering if isinstance(i, EventOut)),
                quotes=tuple(i for i in covering if isinstance(i, QuoteOut)),
                opens=tuple(_anchor(item) for s, _, item in spans if s == left),
            )
        )
    return found


def _says(item: EventOut | QuoteOut) -> str:
    if isinstance(item, EventOut):
        return item.attributed_to.name if item.attributed_to else "the article"
    return item.speaker.name if item.speaker else "unknown speaker"


def _unique(values: Iterable[str]) -> str:
    return " ".join(dict.fromkeys(v for v in values if v))


def _anchor(item: EventOut | QuoteOut) -> str:
    return ("e-" if isinstance(item, EventOut) else "q-") + item.id
