"""Scoring quotes against PolNeAR attributions: matching by content, speakers by span.

Everything here works on character spans of the article text and on its words (``\\w+``
runs), never on the parse, so the rules can be checked on hand-made data:

* an attribution is a *speech* one when its cue is a verb of saying, "according to", or
  bare punctuation (``:``, a dash); beliefs ("think", "hope") and polls ("show", "find")
  are counted apart and not scored;
* a quote of ours and a gold attribution *meet* when they share a word of the gold content;
* a speaker is right *exactly* when its span equals the gold source span (edge punctuation
  and spaces aside), and by *head* when the gold source's last word is our speaker's head
  word or our speaker phrase's last word;
* precision is over our quotes with a speaker, less those meeting only non-speech
  attributions (neutral); recall is over gold speech attributions with a source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from communique.speech import QUOTE_CUE_VERBS

Span = tuple[int, int]
_WORD = re.compile(r"\w+")
_EDGE = " \t\n\xa0.,;:!?\"'“”‘’()[]-—–"
BELIEF_LEMMAS = frozenset(
    {
        "think",
        "believe",
        "feel",
        "hope",
        "want",
        "fear",
        "worry",
        "know",
        "expect",
        "doubt",
        "wish",
        "suspect",
        "assume",
        "consider",
        "see",
        "understand",
        "like",
        "love",
        "hate",
        "prefer",
        "need",
        "plan",
        "intend",
        "seem",
        "appear",
        "view",
        "regard",
    }
)
POLL_LEMMAS = frozenset({"show", "find", "poll", "survey", "indicate", "estimate", "rank"})
SPEECH_WORDS = frozenset({"according", "accord"})  # spaCy lemmatises "according to" to "accord"
CUE_CLASSES = ("speech", "belief", "poll", "other")


def cue_class(lemmas: Sequence[str], cue_text: str) -> str:
    """``speech``, ``belief``, ``poll`` or ``other`` for a gold cue, from its words' lemmas.

    A cue of punctuation only (``:``, ``—``) attributes speech ("Sanders: “…”").
    """
    lowered = [lemma.lower() for lemma in lemmas]
    if any(lemma in QUOTE_CUE_VERBS or lemma in SPEECH_WORDS for lemma in lowered):
        return "speech"
    if cue_text.strip() and not _WORD.search(cue_text):
        return "speech"
    if any(lemma in BELIEF_LEMMAS for lemma in lowered):
        return "belief"
    if any(lemma in POLL_LEMMAS for lemma in lowered):
        return "poll"
    return "other"


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """A gold attribution placed in the article text, with its cue class.

    Attributes:
        kind: ``direct``, ``indirect``, ``mixed`` (partly quoted) or ``""``.
        cls: ``speech``, ``belief``, ``poll`` or ``other`` (see :func:`cue_class`).
        source: The speaker span, or ``None`` when the source is not in the text.
        cue: The cue spans.
        content: The content spans.
        pronoun: The speaker is a pronoun.
        resolved: The name automatic coreference gave a pronoun speaker, if any.
        speaker_text: The gold speaker as written, for examples.
    """

    kind: str
    cls: str
    source: Span | None
    cue: tuple[Span, ...]
    content: tuple[Span, ...]
    pronoun: bool = False
    resolved: str | None = None
    speaker_text: str = ""


@dataclass(frozen=True, slots=True)
class OurQuote:
    """What the scoring needs of one of our quotes: spans, and who a pronoun speaker is.

    ``speaker_name`` is the name a pronoun speaker stands for (``None`` when unresolved);
    ``coded`` says whether the speaker is a coded actor.
    """

    kind: str
    span: Span
    speaker: Span | None = None
    speaker_head: Span | None = None
    cue: Span | None = None
    speaker_name: str | None = None
    coded: bool = False


@dataclass
class RowTally:
    """Counts for one row (direct or indirect) of the report."""

    gold: int = 0
    gold_found: int = 0
    gold_exact: int = 0
    gold_head: int = 0
    gold_no_source: int = 0
    ours: int = 0
    ours_exact: int = 0
    ours_head: int = 0
    ours_unmatched: int = 0
    neutral: int = 0
    content_f1: float = 0.0
    content_pairs: int = 0
    cue_right: int = 0
    cue_total: int = 0


@dataclass
class PronounTally:
    """Gold speech attributions whose speaker is a pronoun, and what we made of them."""

    total: int = 0
    speaker_found: int = 0
    resolved: int = 0
    coded: int = 0
    with_name: int = 0
    name_agrees: int = 0

    def counts(self) -> tuple[int, int, int, int, int, int]:
        """The counts in report order."""
        return (
            self.total,
            self.speaker_found,
            self.resolved,
            self.coded,
            self.with_name,
            self.name_agrees,
        )


@dataclass
class QuoteTally:
    """Everything counted over the articles of a gold set."""

    rows: dict[str, RowTally] = field(
        default_factory=lambda: {"direct": RowTally(), "indirect": RowTally()}
    )
    classes: dict[tuple[str, str], int] = field(default_factory=dict)
    pronouns: PronounTally = field(default_factory=PronounTally)
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    # Direct speech whose gold speaker is a name: found, and with the name's last word in ours.
    named_found: int = 0
    named_right: int = 0
    named_common: int = 0  # … whose speaker we give as a common noun ("officials")


def row_of(kind: str) -> str:
    """The report row of a quote kind: PolNeAR's ``mixed`` (partly quoted) is indirect."""
    return "direct" if kind == "direct" else "indirect"


def word_spans(text: str) -> list[Span]:
    """The ``\\w+`` runs of ``text``."""
    return [match.span() for match in _WORD.finditer(text)]


def words_in(words: Sequence[Span], spans: Sequence[Span]) -> set[int]:
    """Indices of the words that overlap any of ``spans``."""
    return {
        i
        for i, (start, end) in enumerate(words)
        if any(start < span_end and span_start < end for span_start, span_end in spans)
    }


def overlap_f1(ours: set[int], gold: set[int]) -> float:
    """Word-overlap F1 of two sets of word indices (0 when either is empty)."""
    shared = len(ours & gold)
    if not shared:
        return 0.0
    precision, recall = shared / len(ours), shared / len(gold)
    return 2 * precision * recall / (precision + recall)


def exact_speaker(text: str, gold: Span, ours: Span) -> bool:
    """The two speaker spans cover the same words (edge punctuation and spaces aside)."""
    return _trim(text, gold) == _trim(text, ours)


def head_speaker(text: str, gold: Span, ours: Span, our_head: Span | None) -> bool:
    """The speakers share their head word.

    The gold span's last word (its head, in English noun phrases) is our speaker's head
    word or our phrase's last word; or our head word lies inside the gold span (the gold
    speaker ends before a clause ours keeps: "one Republican involved in the planning[, who
    spoke on condition of anonymity]").
    """
    gold_last = _last_word(text, gold)
    if gold_last is None:
        return False
    candidates = [_last_word(text, ours)]
    if our_head is not None:
        candidates.append(_last_word(text, our_head))
        if gold[0] <= our_head[0] and our_head[1] <= gold[1]:
            return True
    return gold_last in candidates


def precision_recall_f1(
    right_ours: int, ours: int, right_gold: int, gold: int
) -> tuple[float | None, float | None, float | None]:
    """Precision (right of ours), recall (right of gold) and their harmonic mean."""
    precision = right_ours / ours if ours else None
    recall = right_gold / gold if gold else None
    if precision is None or recall is None:
        return precision, recall, None
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def tally_article(
    tally: QuoteTally,
    text: str,
    golds: Sequence[GoldQuote],
    ours: Sequence[OurQuote],
    names_agree: Callable[[str, str], bool] | None = None,
) -> None:
    """Add one article's gold attributions and our quotes to ``tally``.

    Args:
        tally: The running counts.
        text: The article text both sides' spans point into.
        golds: The placed gold attributions.
        ours: Our quotes.
        names_agree: ``(gold_name, our_name) -> bool`` for pronoun speakers; surname
            equality when omitted.
    """
    agree = names_agree or _same_surname
    words = word_spans(text)
    gold_words = [words_in(words, gold.content) for gold in golds]
    our_words = [words_in(words, [quote.span]) for quote in ours]
    for gold in golds:
        key = (gold.cls, gold.kind or "-")
        tally.classes[key] = tally.classes.get(key, 0) + 1
    for g, gold in enumerate(golds):
        if gold.cls != "speech":
            continue
        met = [q for q, found in enumerate(our_words) if found & gold_words[g]]
        _tally_gold(tally, text, gold, gold_words[g], [(ours[q], our_words[q]) for q in met])
        if gold.pronoun and gold.source is not None:
            _tally_pronoun(tally.pronouns, text, gold, [ours[q] for q in met], agree)
    for q, quote in enumerate(ours):
        if quote.speaker is None:
            continue
        met_gold = [gold for g, gold in enumerate(golds) if gold_words[g] & our_words[q]]
        _tally_ours(tally.rows[row_of(quote.kind)], text, quote, met_gold)


def _tally_gold(
    tally: QuoteTally,
    text: str,
    gold: GoldQuote,
    gold_words: set[int],
    met: list[tuple[OurQuote, set[int]]],
) -> None:
    row = tally.rows[row_of(gold.kind)]
    if gold.source is None:
        row.gold_no_source += 1
        return
    row.gold += 1
    if not met:
        return
    row.gold_found += 1
    best, best_words = max(met, key=lambda pair: len(pair[1] & gold_words))
    row.content_f1 += overlap_f1(best_words, gold_words)
    row.content_pairs += 1
    if gold.cue:
        row.cue_total += 1
        row.cue_right += best.cue is not None and _overlaps(best.cue, gold.cue)
    speakers = [quote for quote, _ in met if quote.speaker is not None]
    exact = any(exact_speaker(text, gold.source, q.speaker) for q in speakers if q.speaker)
    head = any(
        head_speaker(text, gold.source, q.speaker, q.speaker_head) for q in speakers if q.speaker
    )
    row.gold_exact += exact
    row.gold_head += head
    if row_of(gold.kind) == "direct" and not gold.pronoun:
        _tally_named(tally, text, gold, speakers)
    if not head and row_of(gold.kind) == "direct":
        ours = best.speaker
        tally.misses.append(
            (
                gold.speaker_text,
                text[ours[0] : ours[1]] if ours else "-",
                text[gold.content[0][0] : gold.content[0][1]],
            )
        )


def _tally_named(
    tally: QuoteTally, text: str, gold: GoldQuote, speakers: Sequence[OurQuote]
) -> None:
    """A found direct quote whose gold speaker is written as a name ("Sen. Ted Cruz", "Ana
    Ruiz, the engineer"): right when the name's last word is in one of our speakers' names
    as written."""
    name = gold.speaker_text.split(",")[0].replace("’s", "").replace("'s", "")
    words = name.split()
    if not words or not words[-1][:1].isupper():
        return
    last = words[-1].strip(".,;:")
    tally.named_found += 1
    ours = [
        text[q.speaker[0] : q.speaker[1]] + " " + (q.speaker_name or "")
        for q in speakers
        if q.speaker is not None
    ]
    tally.named_right += any(last in {w.strip(".,;:'’") for w in name.split()} for name in ours)
    given = [q.speaker_name for q in speakers if q.speaker is not None and q.speaker_name]
    tally.named_common += bool(given) and not any(_has_a_name(name) for name in given)


def _has_a_name(phrase: str) -> bool:
    """Whether a speaker as we give it holds a name, not only common nouns ("the
    government", "officials"): a capitalised word other than an opening "The"."""
    words = phrase.split()
    if words and words[0] in {"The", "A", "An"}:
        words = words[1:]
    return any(word[:1].isupper() for word in words)


def _tally_ours(row: RowTally, text: str, quote: OurQuote, met: list[GoldQuote]) -> None:
    assert quote.speaker is not None
    speech = [gold for gold in met if gold.cls == "speech"]
    if met and not speech:
        row.neutral += 1
        return
    row.ours += 1
    row.ours_unmatched += not met
    sources = [gold.source for gold in speech if gold.source is not None]
    row.ours_exact += any(exact_speaker(text, source, quote.speaker) for source in sources)
    row.ours_head += any(
        head_speaker(text, source, quote.speaker, quote.speaker_head) for source in sources
    )


def _tally_pronoun(
    tally: PronounTally,
    text: str,
    gold: GoldQuote,
    met: list[OurQuote],
    agree: Callable[[str, str], bool],
) -> None:
    assert gold.source is not None
    tally.total += 1
    right = [
        q
        for q in met
        if q.speaker is not None and head_speaker(text, gold.source, q.speaker, q.speaker_head)
    ]
    if not right:
        return
    tally.speaker_found += 1
    named = next((q.speaker_name for q in right if q.speaker_name), None)
    tally.resolved += named is not None
    tally.coded += any(q.coded for q in right)
    if gold.resolved:
        tally.with_name += 1
        tally.name_agrees += named is not None and bool(agree(gold.resolved, named))


def _same_surname(gold: str, ours: str) -> bool:
    gold_words, our_words = _WORD.findall(gold.lower()), _WORD.findall(ours.lower())
    return bool(gold_words and our_words and gold_words[-1] == our_words[-1])


def _overlaps(span: Span, spans: Sequence[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def _trim(text: str, span: Span) -> str:
    return text[span[0] : span[1]].strip(_EDGE)


def _last_word(text: str, span: Span) -> Span | None:
    found = [m.span() for m in _WORD.finditer(text, span[0], span[1])]
    if not found:
        return None
    # A possessive "’s" is its own \w run; the word it marks is the one before.
    if (
        len(found) > 1
        and text[found[-1][0] : found[-1][1]].lower() == "s"
        and found[-1][0] > 0
        and text[found[-1][0] - 1] in "'’"
    ):
        return found[-2]
    return found[-1]
