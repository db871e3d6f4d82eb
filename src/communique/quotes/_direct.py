"""Direct quotes: which quoted stretches are speech, and who said them.

A quoted stretch is read in its *frame*: the words of its sentence outside the quote, after
the closing mark ("…," Stoltenberg said) and before the opening one (Stoltenberg added, "…").

* A quote set inside a phrase (a word right before the opening mark: the "absurd" claims, a
  film called "Red Dawn", said the charges were "absurd") is never a direct quote of its own:
  it is a scare quote or title, or a fragment of an indirect quote that the indirect rules
  take in.
* Otherwise the nearest cue in the frame gives the speaker: a verb of saying with its
  subject, "according to X", "X: “…”" or "“…” — X".
* A quote without a cue keeps the speaker of the previous quote in its paragraph or the one
  before (a quote paragraph continuing a speech), unless it is a short phrase without a verb
  (≤ 4 words): that is a scare quote or a title, not speech.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import takewhile

from communique.quotes._speakers import ActorLookup, AttributedQuote, Cue, Speaker, make_speaker
from communique.quotes.detect import QuoteSpan
from communique.speech import QUOTE_CUE_VERBS, cue_speaker
from communique.textview import TextView

SHORT_WORDS = 4  # a quote this short with no verb and no cue is a scare quote or a title
_SENTENCE_END = frozenset({".", "!", "?"})
_DASHES = frozenset({"-", "—", "–", "―", "--"})
_VERB_POS = frozenset({"VERB", "AUX"})
_NAME_POS = frozenset({"PROPN", "NOUN", "PRON"})
_AFTER_LIMIT = 30
_BEFORE_LIMIT = 40
_NAME_FRAME_LIMIT = 8  # tokens of a "X: “…”" or "“…” — X" speaker phrase


@dataclass(frozen=True, slots=True)
class QuoteContext:
    """What the frame rules need to know about the document."""

    view: TextView
    lookup: ActorLookup
    quotes: Sequence[QuoteSpan]
    paragraphs: Sequence[tuple[int, int]]

    def quote_of(self, i: int) -> QuoteSpan | None:
        """The quote whose span holds token ``i``."""
        start = self.view.tokens[i].start
        return next((q for q in self.quotes if q.start <= start < q.end), None)

    def paragraph_of(self, char: int) -> int:
        """Index of the paragraph holding character ``char``."""
        for number, (start, end) in enumerate(self.paragraphs):
            if start <= char < end or char < start:
                return number
        return len(self.paragraphs) - 1


def embedded(context: QuoteContext, quote: QuoteSpan) -> bool:
    """True when a word leads straight into the quote: it is part of a phrase, not a sentence."""
    view = context.view
    k = view.token_at(quote.start) - 1
    if k < 0 or view.tokens[k].end < quote.start - 1:
        return False
    if view.text[view.tokens[k].end : quote.start].strip():
        return False
    word = view.words[k]
    if not (word[-1:].isalnum() or word[-1:] in ")]"):
        return False
    if view.lemma(k) in QUOTE_CUE_VERBS or word.lower() == "that":
        return False
    # "told Der Spiegel “We have a complaint …”": a whole sentence after a cue is speech.
    text = quote.text(view.text)
    return not (
        text[:1].isupper()
        and _has_verb(context, quote)
        and any(
            view.lemma(i) in QUOTE_CUE_VERBS and view.tokens[i].pos in _VERB_POS
            for i in _before_frame(context, quote)
        )
    )


def attribute_direct(
    context: QuoteContext, speech: Sequence[QuoteSpan]
) -> Iterator[AttributedQuote]:
    """Attribute each quote of ``speech`` (not embedded), dropping scare quotes and titles."""
    previous: AttributedQuote | None = None
    for quote in speech:
        text = quote.text(context.view.text)
        cue, speaker = frame_cue(context, quote)
        if (
            cue is None
            and quote.words(context.view.text) <= SHORT_WORDS
            and not _has_verb(context, quote)
        ):
            continue
        inherited = False
        if speaker is None and _continues(context, previous, quote):
            assert previous is not None  # the speech goes on: same speaker, same cue
            speaker, cue, inherited = previous.speaker, cue or previous.cue, True
        found = AttributedQuote(quote.start, quote.end, text, "direct", speaker, cue, inherited)
        previous = found if speaker is not None else previous
        yield found


def frame_cue(context: QuoteContext, quote: QuoteSpan) -> tuple[Cue | None, Speaker | None]:
    """The cue and speaker the quote's frame gives, either or both ``None`` when it gives none.

    After the quote first ("…," he said), then before it (He said, "…"), then a name with a
    colon before it or with a dash after it.
    """
    view = context.view
    after, before = _after_frame(context, quote), _before_frame(context, quote)
    quoted = frozenset(_tokens_of(view, quote.start, quote.end))
    fallback: Cue | None = None
    for frame in (after, before):
        for i in frame:
            cue = _cue_at(context, i, quoted, frame is after)
            if cue is None:
                continue
            head = cue_speaker(view, cue[0]) if cue[2] is None else cue[2]
            if head is not None and context.quote_of(head) is None:
                avoid = quoted | {cue[0]}
                return cue[1], make_speaker(view, context.lookup, head, avoid)
            fallback = fallback or cue[1]
    named = _named_frame(context, before, after)
    if named is not None:
        return named
    return fallback, None


def _cue_at(
    context: QuoteContext, i: int, quoted: frozenset[int], after: bool
) -> tuple[int, Cue, int | None] | None:
    """A cue at token ``i``: ``(cue token, cue, speaker head or None to read the subject)``."""
    view = context.view
    word = view.words[i].lower()
    if word == "according":
        for child in view.children(i):
            objects = [c for c in view.children(child) if view.tokens[c].dep == "pobj"]
            if view.words[child].lower() == "to" and objects:
                start, end = view.chars(i, child + 1)
                return i, Cue(view.text[start:end], start, end), objects[0]
        return None
    if view.lemma(i) not in QUOTE_CUE_VERBS or view.tokens[i].pos not in _VERB_POS:
        return None
    if after and _reports_elsewhere(view, i, quoted):
        return None
    token = view.tokens[i]
    return i, Cue(view.words[i], token.start, token.end), None


def _reports_elsewhere(view: TextView, cue: int, quoted: frozenset[int]) -> bool:
    """True when a verb after a quote reports a clause of its own and nothing of the quote.

    ("“We will win.” Trump said that the polls were wrong": "said" is not this quote's cue.)
    """
    children = view.children(cue)
    if any(child in quoted for child in children):
        return False
    return any(view.tokens[child].dep == "ccomp" for child in children)


def _named_frame(
    context: QuoteContext, before: list[int], after: list[int]
) -> tuple[Cue, Speaker] | None:
    """A speaker named without a verb: "Mr. Zahed: “…”" or "“…” — Sanders."."""
    view = context.view
    if before and view.words[before[0]] == ":":
        # the name runs back from the colon to a dash or the start of the sentence
        named = list(takewhile(lambda i: view.words[i] not in _DASHES, before[1:]))
        words, cue = sorted(named), _cue_of(view, before[0])
    elif after and view.words[after[0]] in _DASHES:
        words, cue = after[1:], _cue_of(view, after[0])
    elif after and (dash := _dash_before(view, after[0])) is not None:
        words, cue = after, dash  # the dash is glued to the closing mark: "”― Name"
    else:
        return None
    words = [i for i in words if view.tokens[i].pos != "PUNCT"]
    if not words or len(words) > _NAME_FRAME_LIMIT:
        return None
    if any(view.tokens[i].pos in _VERB_POS for i in words):
        return None
    names = [i for i in words if view.tokens[i].pos in _NAME_POS]
    if not names:
        return None
    inside = set(words)
    heads = [i for i in names if view.tokens[i].head not in inside or view.tokens[i].head == i]
    head = heads[0] if heads else names[-1]
    start, end = view.chars(words[0], words[-1] + 1)
    speaker = Speaker(head, start, end, view.text[start:end], context.lookup.at(head))
    return cue, speaker


def _cue_of(view: TextView, i: int) -> Cue:
    token = view.tokens[i]
    return Cue(view.words[i], token.start, token.end)


def _dash_before(view: TextView, i: int) -> Cue | None:
    """A dash between the previous token's start and token ``i`` (glued to a quote mark)."""
    start = view.tokens[i - 1].start if i > 0 else 0
    gap = view.text[start : view.tokens[i].start]
    for dash in ("―", "—", "–", "-"):
        at = gap.find(dash)
        if at >= 0:
            return Cue(dash, start + at, start + at + 1)
    return None


def _after_frame(context: QuoteContext, quote: QuoteSpan) -> list[int]:
    """Tokens after the closing mark, up to the end of the sentence or the next quote."""
    view = context.view
    _, paragraph_end = context.paragraphs[context.paragraph_of(quote.end - 1)]
    found: list[int] = []
    i = view.token_at(quote.end)
    while i < len(view) and view.tokens[i].start < paragraph_end and len(found) < _AFTER_LIMIT:
        if view.words[i] in _SENTENCE_END or _stops(context, i):
            break
        found.append(i)
        i += 1
    return found


def _before_frame(context: QuoteContext, quote: QuoteSpan) -> list[int]:
    """Tokens before the opening mark back to the start of the sentence, nearest first.

    A quote opening a paragraph reads the end of the paragraph before when that ends in a
    colon ("Trump wrote on Monday:" / "“…”").
    """
    view = context.view
    number = context.paragraph_of(quote.start)
    paragraph_start = context.paragraphs[number][0]
    if quote.start == paragraph_start and number > 0:
        previous_start, previous_end = context.paragraphs[number - 1]
        if view.text[previous_end - 1] == ":":
            paragraph_start = previous_start
    found: list[int] = []
    i = view.token_at(quote.start) - 1
    while i >= 0 and view.tokens[i].start >= paragraph_start and len(found) < _BEFORE_LIMIT:
        if view.words[i] in _SENTENCE_END or _stops(context, i):
            break
        found.append(i)
        i -= 1
    return found


def _stops(context: QuoteContext, i: int) -> bool:
    """A frame stops at another quote of some length (a short one may be a scare quote)."""
    other = context.quote_of(i)
    return other is not None and other.words(context.view.text) > SHORT_WORDS


def _continues(context: QuoteContext, previous: AttributedQuote | None, quote: QuoteSpan) -> bool:
    """Whether ``quote`` continues the speech of ``previous``: same or next paragraph, and no
    other person is named between them (a new named person starts another's words)."""
    if previous is None:
        return False
    gap = context.paragraph_of(quote.start) - context.paragraph_of(previous.end - 1)
    if not 0 <= gap <= 1:
        return False
    return not _other_person_named(context, previous, quote.start)


def _other_person_named(context: QuoteContext, previous: AttributedQuote, end: int) -> bool:
    """Whether someone other than ``previous``'s speaker is named between the two quotes,
    outside any quote ("…," Lungu said. Minister Joseph Malanji met … "…")."""
    view = context.view
    speaker = previous.speaker
    for entity in view.annotation.entities:
        if entity.label != "PERSON" or not previous.end <= entity.start < end:
            continue
        if speaker is not None and speaker.start <= entity.start < speaker.end:
            continue  # the previous quote's own speaker
        if speaker is not None and _same_person(view.text[entity.start : entity.end], speaker):
            continue
        if context.quote_of(view.token_at(entity.start)) is None:
            return True
    return False


def _same_person(name: str, speaker: Speaker) -> bool:
    """A name that is the speaker's, or ends like it (the surname)."""
    words, said = name.split(), speaker.text.split()
    return bool(words and said) and words[-1] == said[-1]


def _has_verb(context: QuoteContext, quote: QuoteSpan) -> bool:
    view = context.view
    return any(view.tokens[i].pos in _VERB_POS for i in _tokens_of(view, quote.start, quote.end))


def _tokens_of(view: TextView, start: int, end: int) -> range:
    first = view.token_at(start)
    last = first
    while last < len(view) and view.tokens[last].start < end:
        last += 1
    return range(first, last)
