"""Evaluate event coding against four gold sets.

Every gold item goes through the default pipeline once, as a plain-text
:class:`~communique.records.RawDocument` dated with the gold date when it has
one, in batches of :data:`BATCH_SIZE`, with one pipeline built per call (error
policy ``record``: a rejected item scores as a sentence with no event). The
coded :class:`~communique.records.Event` s are then scored:

* ``seed`` (``expected.json``): an expected event is found when a coded event has
  its dyad (actor codes compared by country, IGO/NGO codes whole; either way
  round when symmetric) and an accepted PLOVER type or CAMEO root. Recall on the
  required events, precision on all coded events; modality and attribution on
  the events found. See :mod:`communique.evaluate._event_scoring`.
* ``plover`` (PLOVER GSR): type accuracy and P/R/F1, dyad F1 and mode accuracy.
* ``conflibert``: the 5-way class of the strongest event and its dyad spans.
* ``cameo-examples`` (``cameo_codes.csv``): CAMEO root, full code and PLOVER type
  on the codebook's example sentences.

The sentence-level rules are in :mod:`communique.evaluate._event_sentences`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from communique.errors import InputError
from communique.evaluate._actor_gold import GoldSentence
from communique.evaluate._actor_scoring import Confusion
from communique.evaluate._event_gold import (
    EventFormat,
    ExpectedEvent,
    GoldEventSentence,
    SeedEvents,
    load_event_sentences,
    load_seed_events,
    resolve_event_format,
)
from communique.evaluate._event_scoring import (
    CodedItem,
    FalsePositive,
    Metric,
    Scores,
    SeedEventRow,
    SentenceMiss,
    codes_match,
    event_matches,
    score_seed_events,
)
from communique.evaluate._event_sentences import (
    PENTA_NAMES,
    penta_class,
    score_cameo_examples,
    score_conflibert,
    score_plover,
)
from communique.evaluate._runner import BATCH_SIZE
from communique.evaluate._runner import code_gold as _code
from communique.evaluate.baseline import BaselineScore, LabelledText, train_and_score
from communique.evaluate.splits import Split, hides_items, select
from communique.pipeline import Outcome
from communique.records import CodedDocument

__all__ = [
    "BATCH_SIZE",
    "CodedItem",
    "EventFormat",
    "EventReport",
    "ExpectedEvent",
    "FalsePositive",
    "GoldEventSentence",
    "Metric",
    "SeedEventRow",
    "SeedEvents",
    "SentenceMiss",
    "coded_item",
    "codes_match",
    "evaluate_events",
    "event_matches",
    "load_event_sentences",
    "load_seed_events",
    "penta_class",
    "report_event_sentences",
    "report_seed_events",
    "resolve_event_format",
    "score_cameo_examples",
    "score_conflibert",
    "score_plover",
    "score_seed_events",
]

_SCORERS = {
    "plover": score_plover,
    "conflibert": score_conflibert,
    "cameo-examples": score_cameo_examples,
}
_LEGEND = {
    "seed": "found: a coded event with the dyad (country, or whole IGO/NGO code; either way "
    "round when symmetric) and an accepted PLOVER type or CAMEO root",
    "plover": "the sentence's event with the gold type, else its first, is judged; dyads: "
    "(source, target) countries of all events vs gold actor x recipient pairs",
    "conflibert": "class of the event with the largest |goldstein|: quad class 1-4, or 0 for no "
    "event or an untyped CAMEO 01/02 statement; dyad span: our actor inside the gold span",
    "cameo-examples": "the event with the gold code, else gold root, else the first, is judged; "
    "PLOVER type only on codes the crosswalk gives a type",
}
_CONFUSED = {"plover": "type", "cameo-examples": "root"}


@dataclass(frozen=True, slots=True)
class EventReport:
    """Event-coding figures on one gold set, for the CLI to print.

    Attributes:
        gold_path: The gold file.
        gold_format: ``seed``, ``plover``, ``conflibert`` or ``cameo-examples``.
        items: Sentences (or articles) run through the pipeline.
        skipped: Gold sentences in the file with no gold class (ConfliBERT; not run).
        rejected: Items the pipeline rejected (scored as having no event).
        altered: Items whose article text differs from the input text.
        coded_events: Events we coded in the items.
        metrics: The figures, in table order (see :data:`_LEGEND`).
        confusions: The top 15 (gold, ours) pairs that differ: PLOVER type or CAMEO root.
        matrix: ConfliBERT class counts, ``matrix[gold][ours]``; empty for other formats.
        misses: The worst sentences we got wrong (most confident first).
        seed_rows: One row per expected event (``seed`` only).
        false_positives: Coded events matching no expected event (``seed`` only).
        seconds: Wall time of the pipeline run (not counting building it).
        split: The half of the gold set scored (``tune``, ``check`` or ``all``).
        baseline: The bag-of-words baseline trained on the tune half and scored on the
            check half (ConfliBERT quad class, PLOVER type); None for other sets.
    """

    gold_path: str
    gold_format: str
    items: int
    skipped: int
    rejected: int
    altered: int
    coded_events: int
    metrics: tuple[Metric, ...]
    confusions: tuple[Confusion, ...]
    matrix: tuple[tuple[int, ...], ...]
    misses: tuple[SentenceMiss, ...]
    seed_rows: tuple[SeedEventRow, ...]
    false_positives: tuple[FalsePositive, ...]
    seconds: float
    split: Split = "all"
    baseline: BaselineScore | None = None

    def render(self) -> str:
        """Return the report as plain text: counts, metrics, rows, confusions, misses.

        Item-level examples (misses) are left out unless the report is on the tune half:
        check items are run to report, never read one by one.
        """
        lines = [*_render_header(self), *_render_metrics(self.metrics)]
        lines += _render_baseline(self)
        if self.gold_format == "seed":
            lines += _render_seed_rows(self.seed_rows)
            lines += _render_false_positives(self.false_positives)
        if self.gold_format in _CONFUSED:
            lines += _render_confusions(_CONFUSED[self.gold_format], self.confusions)
        if self.matrix:
            lines += _render_matrix(self.matrix)
        if self.gold_format != "seed":
            if hides_items(self.split):
                lines += ["", f"(sentences not shown on the {self.split} split; use --split tune)"]
            else:
                lines += _render_misses(self.misses)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready values (nested records as lists of dicts)."""
        data = asdict(self)
        for key in ("metrics", "confusions", "misses", "seed_rows", "false_positives"):
            data[key] = list(data[key])
        data["matrix"] = [list(row) for row in self.matrix]
        if hides_items(self.split):
            data["misses"] = []
        return data


# What the baseline predicts on each sentence-level set, and the coder figure beside it.
BASELINE_TASKS: dict[str, tuple[str, str]] = {
    "conflibert": ("quad class", "class accuracy"),
    "plover": ("PLOVER type", "type accuracy"),
}


def evaluate_events(
    gold_path: Path, fmt: EventFormat, limit: int | None = None, split: Split = "all"
) -> EventReport:
    """Code the items of a gold set and score the events found.

    Args:
        gold_path: ``expected.json`` (seed), PLOVER GSR or ConfliBERT JSON Lines, or
            ``cameo_codes.csv`` (its example sentences).
        fmt: The gold format.
        limit: Score only the first ``limit`` sentences (ConfliBERT: that have a
            gold class); ignored for the one seed article.
        split: The half of the set to score (see :mod:`communique.evaluate.splits`);
            the seed article, a single item, is always scored whole.

    Returns:
        The report.

    Raises:
        InputError: The gold file is missing or not of ``fmt``.
        ConfigError: The pipeline cannot be built (the spaCy model is unusable).
    """
    resolve_event_format(gold_path, fmt)
    if fmt == "seed":
        seed = load_seed_events(gold_path)
        outcomes, seconds = _code([seed.document])
        return report_seed_events(str(gold_path), seed, outcomes[0], seconds)
    golds = list(load_event_sentences(gold_path, fmt))
    labelled = [gold for gold in golds if fmt != "conflibert" or gold.penta is not None]
    in_half = select(labelled, split, key=lambda gold: gold.sentence.id)
    scored = in_half[:limit]
    outcomes, seconds = _code([gold.sentence for gold in scored])
    skipped = len(select(golds, split, key=lambda gold: gold.sentence.id)) - len(in_half)
    report = report_event_sentences(str(gold_path), fmt, scored, outcomes, seconds, skipped)
    return replace(report, split=split, baseline=event_baseline(fmt, golds))


def event_baseline(fmt: EventFormat, golds: Sequence[GoldEventSentence]) -> BaselineScore | None:
    """The bag-of-words baseline on a sentence-level set (None where it has no task):
    trained on the tune half, scored on the check half, whatever split the coder is run on."""
    if fmt not in BASELINE_TASKS:
        return None
    labels = [gold.penta if fmt == "conflibert" else gold.type for gold in golds]
    items = [
        LabelledText(gold.sentence.id, gold.sentence.text, str(label))
        for gold, label in zip(golds, labels, strict=True)
        if label is not None
    ]
    return train_and_score(BASELINE_TASKS[fmt][0], items)


def report_seed_events(
    gold_path: str, seed: SeedEvents, outcome: Outcome, seconds: float = 0.0
) -> EventReport:
    """Score the seed article's pipeline outcome against its expected events."""
    item = coded_item(outcome)
    scores = score_seed_events(seed.events, item)
    return _report(gold_path, "seed", scores, [item], [seed.document], seconds=seconds)


def report_event_sentences(
    gold_path: str,
    fmt: EventFormat,
    golds: Sequence[GoldEventSentence],
    outcomes: Sequence[Outcome],
    seconds: float = 0.0,
    skipped: int = 0,
) -> EventReport:
    """Score PLOVER, ConfliBERT or CAMEO-example sentences against their outcomes (in order).

    Raises:
        InputError: ``fmt`` is ``seed`` (use :func:`report_seed_events`).
        ValueError: ``golds`` and ``outcomes`` differ in length.
    """
    if fmt not in _SCORERS:
        raise InputError("bad-format", f"{fmt!r} is not a sentence-level gold format")
    if len(golds) != len(outcomes):
        raise ValueError(f"{len(golds)} gold sentences but {len(outcomes)} outcomes")
    items = [coded_item(outcome) for outcome in outcomes]
    scores = _SCORERS[fmt](golds, items)
    sentences = [gold.sentence for gold in golds]
    return _report(gold_path, fmt, scores, items, sentences, seconds=seconds, skipped=skipped)


def coded_item(outcome: Outcome) -> CodedItem:
    """What the scorers need of a pipeline outcome; a rejection is an item with no event."""
    if not isinstance(outcome, CodedDocument) or outcome.rejections or outcome.article is None:
        return CodedItem(text="", rejected=True)
    sentences = outcome.annotation.sentences if outcome.annotation is not None else ()
    return CodedItem(outcome.article.text, outcome.events, outcome.actors, sentences)


def _report(
    gold_path: str,
    fmt: EventFormat,
    scores: Scores,
    items: Sequence[CodedItem],
    sentences: Sequence[GoldSentence],
    *,
    seconds: float,
    skipped: int = 0,
) -> EventReport:
    pairs = list(zip(items, sentences, strict=True))
    return EventReport(
        gold_path=gold_path,
        gold_format=fmt,
        items=len(items),
        skipped=skipped,
        rejected=sum(item.rejected for item in items),
        altered=sum(not i.rejected and i.text.strip() != s.text.strip() for i, s in pairs),
        coded_events=sum(len(item.events) for item in items),
        metrics=scores.metrics,
        confusions=scores.confusions,
        matrix=scores.matrix,
        misses=scores.misses,
        seed_rows=scores.seed_rows,
        false_positives=scores.false_positives,
        seconds=seconds,
    )


def _render_header(report: EventReport) -> list[str]:
    unit = "article" if report.gold_format == "seed" else "sentences"
    rate = report.items / report.seconds if report.seconds > 0 else 0.0
    return [
        f"{report.gold_path} ({report.gold_format}, split {report.split}): {report.items} {unit} "
        "coded in "
        f"{report.seconds:.1f} s ({rate:.1f}/s)",
        f"  skipped (no gold class): {report.skipped}; rejected by the pipeline: "
        f"{report.rejected}; text altered by extraction: {report.altered}",
        f"  coded events: {report.coded_events}",
        f"  {_LEGEND[report.gold_format]}",
    ]


def _render_baseline(report: EventReport) -> list[str]:
    baseline = report.baseline
    if baseline is None:
        return []
    coder = next(
        (m.value for m in report.metrics if m.name == BASELINE_TASKS[report.gold_format][1]),
        None,
    )
    ours = "n/a" if coder is None else f"{coder:.3f}"
    return [
        "",
        f"baseline ({baseline.name}), trained on the tune half ({baseline.train}), "
        f"scored on the check half ({baseline.test}):",
        f"  {baseline.task} accuracy {baseline.accuracy:.3f} (macro F1 {baseline.macro_f1:.3f})"
        f" beside the coder's {ours} on the {report.split} split",
    ]


def _render_metrics(metrics: Sequence[Metric]) -> list[str]:
    width = max([len("metric"), *(len(m.name) for m in metrics)])
    lines = ["", f"{'metric':<{width}}  {'value':>7}  {'right':>6}  {'of':>6}"]
    for m in metrics:
        value = "n/a" if m.value is None else f"{m.value:.3f}"
        right, total = ("" if n is None else str(n) for n in (m.right, m.total))
        lines.append(f"{m.name:<{width}}  {value:>7}  {right:>6}  {total:>6}")
    return lines


def _render_seed_rows(rows: Sequence[SeedEventRow]) -> list[str]:
    lines = ["", "expected events (gold -> ours):"]
    for row in rows:
        head = f"  {'required' if row.required else 'optional':<8} {row.id:<24} {row.gold}"
        if not row.found:
            closest = row.ours or "no coded event in its sentence"
            lines += [head, f"      MISSED; closest in its sentence: {closest}"]
            continue
        marks = f"modality {_mark(row.modality_right)}"
        if row.attributed_right is not None:
            marks += f", attributed_to {_mark(row.attributed_right)}"
        lines += [head, f"      found: {row.ours} ({marks})"]
    return lines


def _render_false_positives(false_positives: Sequence[FalsePositive]) -> list[str]:
    lines = ["", "coded events matching no expected event (false positives):"]
    for fp in false_positives:
        lines += [f"  {fp.event}", f"      {fp.evidence}"]
    return lines if false_positives else [*lines, "  none"]


def _render_confusions(name: str, confusions: Sequence[Confusion]) -> list[str]:
    lines = ["", f"{name} confusions (gold -> ours, times; top 15; - is no event):"]
    lines += [f"  {c.gold:>10} -> {c.ours:<10} {c.count:>4}" for c in confusions] or ["  none"]
    return lines


def _render_matrix(matrix: Sequence[Sequence[int]]) -> list[str]:
    lines = ["", "class confusion matrix (rows gold, columns ours):"]
    lines.append(f"  {'':<24}" + "".join(f"{ours:>6}" for ours in range(len(matrix))))
    for gold, row in enumerate(matrix):
        label = f"{gold} {PENTA_NAMES[gold]}"
        lines.append(f"  {label:<24}" + "".join(f"{n:>6}" for n in row))
    return lines


def _render_misses(misses: Sequence[SentenceMiss]) -> list[str]:
    lines = ["", "worst misses (gold vs ours, our confidence):"]
    for miss in misses:
        confidence = "" if miss.confidence is None else f" ({miss.confidence:.2f})"
        lines += [f"  {miss.gold} vs {miss.ours}{confidence}", f"      {miss.sentence}"]
    return lines if misses else [*lines, "  none"]


def _mark(right: bool | None) -> str:
    return "ok" if right else "WRONG"
