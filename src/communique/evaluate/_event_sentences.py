"""Scoring the sentence-level event gold sets: PLOVER GSR, ConfliBERT and the CAMEO examples.

Each scorer takes the gold sentences and what the pipeline made of them, in
the same order, and picks *the* event of a sentence as documented on it:

* PLOVER and CAMEO examples credit a sentence when any of its events is right
  (the event with the gold type or code is judged; else the first);
* ConfliBERT judges the event with the largest ``|goldstein|`` (the first on a
  tie): the class of a sentence is its strongest event's.

A sentence with no coded event is wrong for every figure, except the
precisions, which count only sentences where we coded something.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from communique.evaluate._actor_gold import GoldActor
from communique.evaluate._actor_scoring import NONE, Confusion, locate_actor, locate_text, truncate
from communique.evaluate._event_gold import DROPPED, GoldEventSentence
from communique.evaluate._event_scoring import (
    CodedItem,
    Metric,
    Scores,
    SentenceMiss,
    cameo_root,
    country,
    f1_score,
    precision_recall_f1,
    ratio,
)
from communique.records import ActorRef, Event

PENTA_NAMES = (
    "statement",
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
)
# CAMEO roots of statements (01) and appeals (02): no PLOVER type in the crosswalk.
STATEMENT_ROOTS = frozenset({"01", "02"})
_TOP_CONFUSIONS = 15
_TOP_MISSES = 10
_SOURCE_ROLES = frozenset({"source", "reciprocal"})
_TARGET_ROLES = frozenset({"target", "reciprocal"})


def choose_event(
    events: Sequence[Event], key: Callable[[Event], str], wanted: str | None
) -> Event | None:
    """The first event whose ``key`` is ``wanted``, else the first event, else None."""
    return next((event for event in events if key(event) == wanted), events[0] if events else None)


def event_type(event: Event) -> str:
    """An event's PLOVER type in capitals (``-`` when it has none)."""
    return event.type.upper() or NONE


def event_cameo(event: Event) -> str:
    """An event's full CAMEO code (``-`` when it has none)."""
    return event.cameo or NONE


def event_root(event: Event) -> str:
    """An event's CAMEO root (``-`` when it has none)."""
    return cameo_root(event.cameo)


# CAMEO roots ConfliBERT's five classes count as verbal conflict where GDELT's quad classes
# have material cooperation (09 investigate) or material conflict (16 reduce relations).
CONFLIBERT_VERBAL_CONFLICT_ROOTS = frozenset({"09", "16"})


def strongest_event(events: Sequence[Event]) -> Event | None:
    """The event with the largest ``|goldstein|`` (the first on a tie), or None."""
    return max(events, key=lambda event: abs(event.goldstein)) if events else None


def penta_class(event: Event | None) -> int:
    """Our event's ConfliBERT class.

    No event is 0 (statement), and so is a CAMEO statement or appeal (root 01 or
    02) that carries no PLOVER type; otherwise the quad class 1-4 is the class
    of the same number (verbal / material cooperation / conflict), except where
    ConfliBERT's classes part from GDELT's quad classes: investigations (09) and
    reductions of relations (16: sanctions, aid cut, expulsions) are its verbal
    conflict (on the tune half, 9 of 9 and 29 of 35 of the sentences we code with
    those roots are labelled so). A quad class outside 1-4 counts as 0.
    """
    if event is None:
        return 0
    untyped = not event.type or event.type.lower() == DROPPED
    if untyped and cameo_root(event.cameo) in STATEMENT_ROOTS:
        return 0
    if cameo_root(event.cameo) in CONFLIBERT_VERBAL_CONFLICT_ROOTS:
        return 3
    return event.quad_class if 1 <= event.quad_class <= 4 else 0


def score_plover(golds: Sequence[GoldEventSentence], items: Sequence[CodedItem]) -> Scores:
    """Score PLOVER type, mode and dyads per sentence.

    Type: the sentence's event with the gold type, else its first, is judged;
    accuracy and recall are over all sentences, precision over sentences with an
    event. Dyads: the set of (source country, target country) of every coded
    event against every gold actor × recipient pair (``-`` for no recipient),
    micro-averaged over sentences. Mode: over sentences whose gold gives one.
    """
    types: Counter[tuple[str, str]] = Counter()
    dyads: Counter[str] = Counter()
    modes: Counter[str] = Counter()
    misses: list[SentenceMiss] = []
    for gold, item in zip(golds, items, strict=True):
        expected = gold.type or NONE
        chosen = choose_event(item.events, event_type, expected)
        ours = event_type(chosen) if chosen is not None else NONE
        types[expected, ours] += 1
        if ours != expected:
            misses.append(_miss(gold, expected, chosen, ours))
        if gold.modes:
            modes["total"] += 1
            modes["right"] += chosen is not None and chosen.mode in gold.modes
        _count_dyads(dyads, gold, item.events)
    right = sum(n for (g, o), n in types.items() if g == o)
    predicted = sum(n for (_, o), n in types.items() if o != NONE)
    metrics = (
        ratio("type accuracy", right, len(golds)),
        *precision_recall_f1("type", right, predicted, len(golds)),
        Metric("type macro F1", _macro_f1(types)),
        *precision_recall_f1("dyad", dyads["right"], dyads["ours"], dyads["gold"]),
        ratio("mode accuracy", modes["right"], modes["total"]),
        ratio("sentences with an event", predicted, len(golds)),
    )
    return Scores(metrics, _confusions("type", types), misses=_worst(misses))


def score_conflibert(golds: Sequence[GoldEventSentence], items: Sequence[CodedItem]) -> Scores:
    """Score the 5-way class and the dyad spans of the strongest event of each sentence.

    Class: :func:`penta_class` of :func:`strongest_event`. Dyad spans: the event's
    source lies inside a gold source (or reciprocal) span, its target inside a
    gold target (or reciprocal) span; judged on sentences that have such spans.
    """
    matrix = [[0] * len(PENTA_NAMES) for _ in PENTA_NAMES]
    spans: Counter[str] = Counter()
    misses: list[SentenceMiss] = []
    predicted = 0
    for gold, item in zip(golds, items, strict=True):
        chosen = strongest_event(item.events)
        predicted += chosen is not None
        ours, expected = penta_class(chosen), gold.penta or 0
        matrix[expected][ours] += 1
        if ours != expected:
            misses.append(_miss(gold, _penta_label(expected), chosen, _penta_label(ours)))
        _count_spans(spans, gold, item, chosen)
    right = sum(matrix[i][i] for i in range(len(PENTA_NAMES)))
    pairs = Counter(
        {(str(g), str(o)): n for g, row in enumerate(matrix) for o, n in enumerate(row) if n}
    )
    metrics = (
        ratio("class accuracy", right, len(golds)),
        Metric("class macro F1", _macro_f1(pairs)),
        *(ratio(f"dyad span: {side}", spans[side], spans[f"{side} total"]) for side in
          ("source", "target", "both")),
        ratio("sentences with an event", predicted, len(golds)),
    )  # fmt: skip
    return Scores(
        metrics,
        matrix=tuple(tuple(row) for row in matrix),
        misses=_worst(misses),
    )


def score_cameo_examples(golds: Sequence[GoldEventSentence], items: Sequence[CodedItem]) -> Scores:
    """Score CAMEO root, full code and PLOVER type on the CAMEO codebook's example sentences.

    The sentence's event with the gold code is judged, else one with the gold
    root, else the first. PLOVER type accuracy counts only codes the crosswalk
    gives a type (statements and appeals have none) and judges the event with
    the gold type, else the first.
    """
    roots: Counter[tuple[str, str]] = Counter()
    counts: Counter[str] = Counter()
    misses: list[SentenceMiss] = []
    for gold, item in zip(golds, items, strict=True):
        chosen = choose_event(item.events, event_cameo, gold.cameo)
        if chosen is not None and chosen.cameo != gold.cameo:
            chosen = choose_event(item.events, event_root, gold.root)
        ours_root = cameo_root(chosen.cameo) if chosen is not None else NONE
        roots[gold.root or NONE, ours_root] += 1
        counts["code"] += chosen is not None and chosen.cameo == gold.cameo
        counts["events"] += chosen is not None
        if ours_root != gold.root:
            ours = (chosen.cameo or NONE) if chosen is not None else NONE
            misses.append(_miss(gold, f"{gold.cameo} ({gold.root})", chosen, ours))
        if gold.type:
            typed = choose_event(item.events, event_type, gold.type)
            counts["typed"] += 1
            counts["type"] += typed is not None and event_type(typed) == gold.type
    metrics = (
        ratio("root accuracy", sum(n for (g, o), n in roots.items() if g == o), len(golds)),
        ratio("full-code accuracy", counts["code"], len(golds)),
        ratio("PLOVER type accuracy", counts["type"], counts["typed"]),
        ratio("sentences with an event", counts["events"], len(golds)),
    )
    return Scores(metrics, _confusions("root", roots), misses=_worst(misses))


def placed_spans(ref: ActorRef, item: CodedItem) -> list[tuple[int, int]]:
    """Where an event's actor lies in the article text.

    The spans of the actor mentions with the reference's ``actor_id``; failing
    that, the first place its name occurs.
    """
    if ref.actor_id is not None:
        spans = [(m.start, m.end) for m in item.mentions if m.actor_id == ref.actor_id]
        if spans:
            return spans
    found = locate_text(ref.name, item.text) if ref.name else None
    return [found] if found else []


def _count_dyads(dyads: Counter[str], gold: GoldEventSentence, events: Sequence[Event]) -> None:
    targets = gold.targets or (NONE,)
    gold_pairs = {
        (country(s), country(t) if t != NONE else NONE) for s in gold.sources for t in targets
    }
    ours = {(country(e.source.code), country(e.target.code) if e.target else NONE) for e in events}
    dyads["gold"] += len(gold_pairs)
    dyads["ours"] += len(ours)
    dyads["right"] += len(gold_pairs & ours)


def _count_spans(
    spans: Counter[str], gold: GoldEventSentence, item: CodedItem, chosen: Event | None
) -> None:
    sentence = gold.sentence
    sources = _gold_spans(sentence.actors, _SOURCE_ROLES, sentence.text, item.text)
    targets = _gold_spans(sentence.actors, _TARGET_ROLES, sentence.text, item.text)
    source_in = chosen is not None and _inside(placed_spans(chosen.source, item), sources)
    target_in = (
        chosen is not None
        and chosen.target is not None
        and _inside(placed_spans(chosen.target, item), targets)
    )
    for side, has, right in (
        ("source", bool(sources), source_in),
        ("target", bool(targets), target_in),
        ("both", bool(sources and targets), source_in and target_in),
    ):
        spans[f"{side} total"] += has
        spans[side] += has and right


def _gold_spans(
    actors: Sequence[GoldActor], roles: frozenset[str], sentence: str, text: str
) -> list[tuple[int, int]]:
    placed = (locate_actor(actor, sentence, text) for actor in actors if actor.role in roles)
    return [span for span in placed if span is not None]


def _inside(ours: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> bool:
    return any(g[0] <= o[0] and o[1] <= g[1] for o in ours for g in gold)


def _macro_f1(pairs: Counter[tuple[str, str]]) -> float | None:
    """Mean per-class F1 over the gold classes of (gold, ours) counts."""
    classes = sorted({gold for gold, _ in pairs})
    if not classes:
        return None
    scores = []
    for name in classes:
        right = pairs[name, name]
        predicted = sum(n for (_, ours), n in pairs.items() if ours == name)
        total = sum(n for (gold, _), n in pairs.items() if gold == name)
        scores.append(f1_score(right / predicted if predicted else None, right / total))
    return sum(scores) / len(scores)


def _confusions(name: str, pairs: Counter[tuple[str, str]]) -> tuple[Confusion, ...]:
    wrong = sorted(
        ((k, n) for k, n in pairs.items() if k[0] != k[1]), key=lambda kn: (-kn[1], kn[0])
    )
    return tuple(Confusion(name, gold, ours, n) for (gold, ours), n in wrong[:_TOP_CONFUSIONS])


def _miss(gold: GoldEventSentence, expected: str, chosen: Event | None, ours: str) -> SentenceMiss:
    confidence = chosen.confidence if chosen is not None else None
    return SentenceMiss(truncate(gold.sentence.text), expected, ours, confidence)


def _worst(misses: Sequence[SentenceMiss]) -> tuple[SentenceMiss, ...]:
    # a confident wrong event is worse than a missing one; the first in the file on a tie
    ranked = sorted(misses, key=lambda m: -(m.confidence if m.confidence is not None else -1.0))
    return tuple(ranked[:_TOP_MISSES])


def _penta_label(penta: int) -> str:
    return f"{penta} {PENTA_NAMES[penta]}"
