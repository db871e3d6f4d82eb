"""Both sides in one text: gold attributions placed in our article text, our quotes as spans.

Extraction may drop lines of a gold article and change its spaces, so gold offsets go
through an :class:`OffsetMap`; a gold speaker that is a relative pronoun ("who said") is
moved to the noun its clause modifies, the speaker our rules name.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left, bisect_right

from communique.evaluate._quote_gold import GoldAttribution
from communique.evaluate._quote_scoring import GoldQuote, OurQuote, cue_class
from communique.quotes import AttributedQuote, Speaker
from communique.textview import TextView

Span = tuple[int, int]
_TOKEN = re.compile(r"\S+")
_RELATIVE = frozenset({"who", "which", "that"})


class OffsetMap:
    """Character offsets of a gold text mapped into the article text extraction made of it.

    Extraction may drop lines and change spaces; the two texts are aligned word by word
    (whitespace-separated runs), and an offset inside an aligned word maps into its twin.
    """

    def __init__(self, gold: str, article: str) -> None:
        self.same = gold == article
        self._gold = [m.span() for m in _TOKEN.finditer(gold)] if not self.same else []
        self._target: dict[int, Span] = {}
        self._starts: list[int] = []
        self._ends: list[int] = []
        if self.same:
            return
        ours = [m.span() for m in _TOKEN.finditer(article)]
        matcher = difflib.SequenceMatcher(
            None,
            [gold[s:e] for s, e in self._gold],
            [article[s:e] for s, e in ours],
            autojunk=False,
        )
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                self._target[block.a + k] = ours[block.b + k]
        self._starts = [start for start, _ in self._gold]
        self._ends = [end for _, end in self._gold]

    def span(self, span: Span) -> Span | None:
        """``span`` in article offsets, or ``None`` when its first or last word was dropped."""
        if self.same:
            return span
        first = bisect_left(self._ends, span[0] + 1)  # the word holding or after the start
        last = bisect_right(self._starts, span[1] - 1) - 1  # the word holding the last char
        if first >= len(self._gold) or last < first:
            return None
        start_twin, end_twin = self._target.get(first), self._target.get(last)
        if start_twin is None or end_twin is None:
            return None
        start = start_twin[0] + max(span[0] - self._gold[first][0], 0)
        end = end_twin[0] + min(span[1] - self._gold[last][0], end_twin[1] - end_twin[0])
        return (start, end) if end > start else None


def place_attribution(
    gold: GoldAttribution, offsets: OffsetMap, view: TextView, gold_text: str
) -> GoldQuote | None:
    """A gold attribution in our article text, with its cue class; ``None`` when its
    content was dropped by extraction."""
    content = tuple(span for span in map(offsets.span, gold.content) if span is not None)
    if not content:
        return None
    cue = tuple(span for span in map(offsets.span, gold.cue) if span is not None)
    source = offsets.span(gold.source[-1]) if gold.source else None
    if source is not None:
        source = _antecedent(view, source)
    lemmas = [
        view.tokens[i].lemma
        for i in range(len(view))
        if any(view.tokens[i].start < end and start < view.tokens[i].end for start, end in cue)
    ]
    speaker = gold_text[gold.source[-1][0] : gold.source[-1][1]] if gold.source else ""
    return GoldQuote(
        kind=gold.kind,
        cls=cue_class(lemmas or gold.cue_text.split(), gold.cue_text),
        source=source,
        cue=cue,
        content=content,
        pronoun=gold.pronoun,
        resolved=gold.resolved,
        speaker_text=speaker,
    )


def _antecedent(view: TextView, source: tuple[int, int]) -> tuple[int, int]:
    """A relative pronoun speaker ("who said") stands for the noun its clause modifies, the
    speaker our rules name; any other speaker span is kept."""
    if view.text[source[0] : source[1]].strip().lower() not in _RELATIVE:
        return source
    i = view.token_at(source[0])
    if i >= len(view):
        return source
    verb = view.tokens[i].head
    if view.tokens[verb].dep != "relcl":
        return source
    noun = view.tokens[view.tokens[verb].head]
    return noun.start, noun.end


def our_quote(view: TextView, quote: AttributedQuote) -> OurQuote:
    """One of our quotes reduced to the spans and names the scoring reads."""
    speaker = quote.speaker
    head = view.tokens[speaker.head] if speaker is not None else None
    return OurQuote(
        kind=quote.kind,
        span=(quote.start, quote.end),
        speaker=(speaker.start, speaker.end) if speaker is not None else None,
        speaker_head=(head.start, head.end) if head is not None else None,
        cue=(quote.cue.start, quote.cue.end) if quote.cue is not None else None,
        speaker_name=_name(speaker),
        coded=speaker is not None and speaker.actor is not None,
    )


def _name(speaker: Speaker | None) -> str | None:
    if speaker is None:
        return None
    return speaker.antecedent or (speaker.actor.name if speaker.actor is not None else None)
