"""Matching coded events to gold events, and the seed article's scores.

The records here are shared by every event gold format: :class:`CodedItem` (what
the pipeline made of one gold item), :class:`Metric` and :class:`Scores` (what a
scorer returns), and the rows and examples the report prints. Actor codes are
compared as the seed reference says: by their first three letters (the
country), or whole for international and non-governmental organisations,
whose letters past the third name the organisation (``IGOWSTNAT`` is NATO).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from communique.evaluate._actor_scoring import NONE, Confusion, locate_text, truncate
from communique.evaluate._event_gold import ExpectedEvent
from communique.records import ActorMention, Event, Span

# Organisation codes compared whole: their letters past the third are the organisation.
_WHOLE_CODE_PREFIXES = frozenset({"IGO", "NGO"})
# Gold modalities always given a row of their own, even when no event has them.
_MODALITIES_SHOWN = ("asserted", "possible", "intended")


@dataclass(frozen=True, slots=True)
class CodedItem:
    """What the pipeline made of one gold item.

    Attributes:
        text: The article text (``""`` when the item was rejected).
        events: The events coded in it.
        mentions: Its actor mentions (to place an event's source and target).
        sentences: Its sentence spans (to find the sentence of a gold evidence).
        rejected: The pipeline rejected the item.
    """

    text: str
    events: tuple[Event, ...] = ()
    mentions: tuple[ActorMention, ...] = ()
    sentences: tuple[Span, ...] = ()
    rejected: bool = False


@dataclass(frozen=True, slots=True)
class Metric:
    """One figure: ``value`` (None when undefined), with ``right`` of ``total`` for a ratio."""

    name: str
    value: float | None
    right: int | None = None
    total: int | None = None


@dataclass(frozen=True, slots=True)
class SeedEventRow:
    """One expected event of the seed reference beside what we coded for it.

    Attributes:
        id: The expected event's id.
        required: Whether it is part of the required core.
        gold: The expected event, described (dyad, types, roots, modality, attribution).
        found: A coded event matches it.
        ours: The matching event described; for a miss, the closest coded event in
            the evidence's sentence (None when that sentence has none).
        modality_right: Our modality equals the gold one (None when not found).
        attributed_right: Our attribution matches (None when not found or not attributed).
    """

    id: str
    required: bool
    gold: str
    found: bool
    ours: str | None
    modality_right: bool | None = None
    attributed_right: bool | None = None


@dataclass(frozen=True, slots=True)
class FalsePositive:
    """A coded event that matches no expected event, with its evidence."""

    event: str
    evidence: str


@dataclass(frozen=True, slots=True)
class SentenceMiss:
    """A gold sentence we got wrong: the sentence (cut), the gold value, ours and its confidence."""

    sentence: str
    gold: str
    ours: str
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Scores:
    """Everything one scorer found; the report adds the run's counts to it."""

    metrics: tuple[Metric, ...]
    confusions: tuple[Confusion, ...] = ()
    matrix: tuple[tuple[int, ...], ...] = ()
    misses: tuple[SentenceMiss, ...] = ()
    seed_rows: tuple[SeedEventRow, ...] = ()
    false_positives: tuple[FalsePositive, ...] = ()


def codes_match(gold: str | None, ours: str | None) -> bool:
    """Return whether our actor code is the gold one.

    Codes are compared by their first three letters (the country), except IGO
    and NGO codes, which are compared whole. Case is ignored.
    """
    if not gold or not ours:
        return False
    gold, ours = gold.upper(), ours.upper()
    if gold[:3] in _WHOLE_CODE_PREFIXES:
        return gold == ours
    return gold[:3] == ours[:3]


def dyad_matches(gold: ExpectedEvent, event: Event) -> bool:
    """Return whether the event's source and target match the expected ones (either way round
    when the expected event is symmetric). A one-sided expected event matches an event with
    its source and no target."""
    source, target = event.source.code, event.target.code if event.target else None
    if gold.one_sided:
        return target is None and codes_match(gold.source, source)
    forward = codes_match(gold.source, source) and codes_match(gold.target, target)
    backward = codes_match(gold.source, target) and codes_match(gold.target, source)
    return forward or (gold.symmetric and backward)


def kind_matches(gold: ExpectedEvent, event: Event) -> bool:
    """Return whether the event's PLOVER type is accepted, or else its CAMEO root."""
    return event.type.upper() in gold.types or cameo_root(event.cameo) in gold.cameo_roots


def event_matches(gold: ExpectedEvent, event: Event) -> bool:
    """Return whether a coded event matches an expected one: same dyad, accepted type or root."""
    return dyad_matches(gold, event) and kind_matches(gold, event)


def cameo_root(code: str | None) -> str:
    """The CAMEO root of a code (its first two digits), or ``-`` when there is none."""
    return code[:2] if code and len(code) >= 2 else NONE


def country(code: str | None) -> str:
    """The country part of an actor code (its first three letters), or ``-``."""
    return code[:3].upper() if code else NONE


def describe_event(event: Event) -> str:
    """One line for a coded event: dyad, type/mode, CAMEO code, modality and attribution."""
    target = event.target.code if event.target else NONE
    kind = f"{event.type or NONE}/{event.mode}" if event.mode else event.type or NONE
    line = f"{event.source.code} -> {target} {kind} {event.cameo or NONE} {event.modality}"
    return f"{line} per {event.attributed_to.code}" if event.attributed_to else line


def describe_expected(gold: ExpectedEvent) -> str:
    """One line for an expected event: dyad, accepted types and roots, modality, attribution."""
    arrow = "<->" if gold.symmetric else "->"
    kinds = f"{'|'.join(gold.types) or NONE} [{','.join(gold.cameo_roots)}]"
    line = f"{gold.source} {arrow} {gold.target or NONE} {kinds} {gold.modality}"
    return f"{line} per {gold.attributed_to}" if gold.attributed_to else line


def ratio(name: str, right: int, total: int) -> Metric:
    """A ``right`` of ``total`` metric (value None when ``total`` is 0)."""
    return Metric(name, right / total if total else None, right, total)


def precision_recall_f1(
    prefix: str, true_positives: int, predicted: int, gold: int
) -> tuple[Metric, Metric, Metric]:
    """Precision (of ``predicted``), recall (of ``gold``) and their F1 (0 when either is 0)."""
    precision, recall = (
        ratio(f"{prefix} precision", true_positives, predicted),
        ratio(f"{prefix} recall", true_positives, gold),
    )
    return precision, recall, Metric(f"{prefix} F1", f1_score(precision.value, recall.value))


def f1_score(precision: float | None, recall: float | None) -> float:
    """The harmonic mean of precision and recall; 0 when either is undefined or 0."""
    if not precision or not recall:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def score_seed_events(expected: Sequence[ExpectedEvent], item: CodedItem) -> Scores:
    """Score the seed article's coded events against its expected events.

    An expected event is *found* when a coded event matches it (:func:`event_matches`);
    one coded event may match several expected events. When several coded events
    match, the one in the evidence's sentence is judged (the first of them, or
    else the first match). Recall counts required events; precision counts all
    coded events, right when they match any expected event, required or not.
    """
    rows = tuple(_seed_row(gold, item) for gold in expected)
    required = [row for row in rows if row.required]
    correct = [e for e in item.events if any(event_matches(g, e) for g in expected)]
    precision = ratio("precision (all coded)", len(correct), len(item.events))
    recall = ratio("recall (required)", sum(row.found for row in required), len(required))
    metrics = [
        recall,
        ratio("recall (all expected)", sum(row.found for row in rows), len(rows)),
        precision,
        Metric("F1 (precision, required recall)", f1_score(precision.value, recall.value)),
        *_modality_metrics(expected, rows),
        judged("attributed_to", [row.attributed_right for row in rows]),
    ]
    false_positives = [
        FalsePositive(describe_event(e), truncate(e.evidence))
        for e in item.events
        if not any(event_matches(g, e) for g in expected)
    ]
    return Scores(
        metrics=tuple(metrics),
        seed_rows=rows,
        false_positives=tuple(false_positives),
    )


def closest_event(gold: ExpectedEvent, candidates: Sequence[Event]) -> Event | None:
    """The candidate agreeing with ``gold`` on most of source, target and type (first on ties)."""
    if not candidates:
        return None
    return max(candidates, key=lambda event: _agreement(gold, event))


def events_in_sentence_of(evidence: str, item: CodedItem) -> list[Event]:
    """The coded events of the sentence where ``evidence`` lies in the article text.

    Without sentence spans, the events whose own span overlaps the evidence.
    Empty when the evidence cannot be found in the text.
    """
    found = evidence_sentence(evidence, item)
    if found is None:
        return []
    span, index = found
    if index is not None:
        return [event for event in item.events if event.sentence == index]
    return [event for event in item.events if event.start < span[1] and span[0] < event.end]


def evidence_sentence(evidence: str, item: CodedItem) -> tuple[tuple[int, int], int | None] | None:
    """Where ``evidence`` lies in the article text, and the number of its sentence (``None``
    without sentence spans); ``None`` when the evidence cannot be found."""
    span = locate_text(evidence, item.text) if evidence else None
    if span is None:
        return None
    index = next((i for i, s in enumerate(item.sentences) if s.start <= span[0] < s.end), None)
    return span, index


def _seed_row(gold: ExpectedEvent, item: CodedItem) -> SeedEventRow:
    nearby = events_in_sentence_of(gold.evidence, item)
    matching = [event for event in item.events if event_matches(gold, event)]
    near_ids = {id(event) for event in nearby}
    chosen = next((e for e in matching if id(e) in near_ids), matching[0] if matching else None)
    if chosen is None:
        closest = closest_event(gold, nearby)
        ours = describe_event(closest) if closest is not None else None
        return SeedEventRow(gold.id, gold.required, describe_expected(gold), False, ours)
    attributed = None
    if gold.attributed_to:
        by = chosen.attributed_to.code if chosen.attributed_to else None
        attributed = codes_match(gold.attributed_to, by)
    return SeedEventRow(
        gold.id,
        gold.required,
        describe_expected(gold),
        True,
        describe_event(chosen),
        modality_right=chosen.modality == gold.modality,
        attributed_right=attributed,
    )


def _modality_metrics(
    expected: Sequence[ExpectedEvent], rows: Sequence[SeedEventRow]
) -> list[Metric]:
    metrics = [judged("modality", [row.modality_right for row in rows])]
    values = list(dict.fromkeys([*_MODALITIES_SHOWN, *(gold.modality for gold in expected)]))
    for value in values:
        of_value = [
            row.modality_right for g, row in zip(expected, rows, strict=True) if g.modality == value
        ]
        metrics.append(judged(f"modality: {value}", of_value))
    return metrics


def judged(name: str, judgements: Sequence[bool | None]) -> Metric:
    """Right of judged: the ``True`` among the judgements that are not ``None``."""
    counts = Counter(j for j in judgements if j is not None)
    return ratio(name, counts[True], counts[True] + counts[False])


def _agreement(gold: ExpectedEvent, event: Event) -> int:
    source: str | None = event.source.code
    target = event.target.code if event.target else None
    if gold.symmetric and codes_match(gold.source, target):
        source, target = target, source
    return (
        codes_match(gold.source, source)
        + codes_match(gold.target, target)
        + kind_matches(gold, event)
    )
