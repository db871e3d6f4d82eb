"""Evaluate actor coding against three gold sets.

Every gold sentence (or the seed article) goes through the default pipeline as a
plain-text :class:`~communique.records.RawDocument`, in batches of
:data:`BATCH_SIZE`, with one pipeline built per call. The coded
:class:`~communique.records.ActorMention` s are then scored:

* ``seed`` (``expected.json``): per gold actor, found (same name or surname),
  code exact, country (its first three letters) and role (equal, or one inside
  the other). See :mod:`communique.evaluate._actor_seed`.
* ``plover`` (PLOVER GSR): a gold source (``actors``) or target (``recipients``)
  is found when a mention overlaps its text in the sentence; country and sector
  are judged on found actors. Mentions overlapping no gold actor are *extra*
  (maybe right but unlabelled), not errors.
* ``conflibert``: a gold source, target or reciprocal span is found when it
  contains a mention (spans are loose phrases); overlap is shown beside it.

Extraction may drop or change a line of a one-sentence input, so gold actors are
placed by finding their text in the article text; the report counts sentences
rejected or altered and gold actors that could not be placed (scored as missed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from communique.evaluate._actor_gold import (
    GoldActor,
    GoldFormat,
    GoldSentence,
    SeedActor,
    SeedGold,
    align_tokens,
    load_seed,
    load_sentences,
    resolve_format,
)
from communique.evaluate._actor_scoring import (
    Confusion,
    Example,
    FieldScore,
    Tally,
    locate_text,
    tally_sentence,
)
from communique.evaluate._actor_seed import (
    SeedRow,
    names_match,
    role_matches,
    score_seed_actors,
    tally_seed,
)
from communique.evaluate._runner import BATCH_SIZE
from communique.evaluate._runner import code_gold as _code
from communique.evaluate.splits import Split, hides_items, select
from communique.pipeline import Outcome
from communique.records import Article, CodedDocument

__all__ = [
    "BATCH_SIZE",
    "ActorReport",
    "Confusion",
    "Example",
    "FieldScore",
    "GoldActor",
    "GoldFormat",
    "GoldSentence",
    "SeedActor",
    "SeedGold",
    "SeedRow",
    "align_tokens",
    "evaluate_actors",
    "load_seed",
    "load_sentences",
    "locate_text",
    "names_match",
    "report_seed",
    "report_sentences",
    "resolve_format",
    "role_matches",
    "score_seed_actors",
]

# Fields scored for each format, in table order, and those whose confusions are shown.
_FIELDS: dict[str, tuple[str, ...]] = {
    "seed": ("found: all", "code", "country", "role"),
    "plover": (
        "located",
        "found: source",
        "found: target",
        "found: all",
        "country",
        "sector",
        "dyad: both coded",
    ),
    "conflibert": (
        "located",
        "found: source",
        "found: target",
        "found: reciprocal",
        "found: all",
        "overlapped: all",
        "dyad: both coded",
    ),
}
_CONFUSED = {"seed": ("code",), "plover": ("country", "sector"), "conflibert": ()}
_LEGEND = {
    "seed": "found: a coded actor with the same name or surname; code, country (first 3 "
    "letters) and role are judged on found actors",
    "plover": "found: a coded mention overlaps the gold actor's text; country (ours: country "
    "or code[:3]) and primary sector are judged on found actors",
    "conflibert": "found: a coded mention lies inside the gold span; overlapped: one overlaps it",
}


@dataclass(frozen=True, slots=True)
class ActorReport:
    """Actor-coding figures on one gold set, for the CLI to print.

    Attributes:
        gold_path: The gold file.
        gold_format: ``seed``, ``plover`` or ``conflibert``.
        items: Sentences (or articles) run through the pipeline.
        skipped: Gold sentences in the file with no actor annotation (not run).
        rejected: Items the pipeline rejected (their gold actors count as missed).
        altered: Items whose article text differs from the input text.
        unaligned: ConfliBERT sentences whose tokens do not match the text exactly.
        gold_actors: Gold actors scored.
        coded_actors: Actor mentions we coded in the items.
        extra: Mentions matching no gold actor (maybe right but unlabelled).
        fields: ``right`` of ``total`` for each scored field (see :data:`_LEGEND`).
        confusions: The top 10 (gold, ours) pairs that differ, per confused field.
        misses: The most often missed gold actors, with the first sentence.
        extras: The most frequent extra mentions, with the first sentence.
        seed_rows: One row per gold actor (``seed`` only).
        seconds: Wall time of the pipeline run (not counting building it).
        split: The half of the gold set scored (``tune``, ``check`` or ``all``).
    """

    gold_path: str
    gold_format: str
    items: int
    skipped: int
    rejected: int
    altered: int
    unaligned: int
    gold_actors: int
    coded_actors: int
    extra: int
    fields: tuple[FieldScore, ...]
    confusions: tuple[Confusion, ...]
    misses: tuple[Example, ...]
    extras: tuple[Example, ...]
    seed_rows: tuple[SeedRow, ...]
    seconds: float
    split: Split = "all"

    def render(self) -> str:
        """Return the report as plain text: counts, field table, rows, confusions, examples.

        Examples (misses, extras) are left out unless the report is on the tune half.
        """
        lines = _render_header(self)
        lines += _render_fields(self.fields)
        if self.seed_rows:
            lines += _render_seed_rows(self.seed_rows)
        for name in _CONFUSED.get(self.gold_format, ()):
            lines += _render_confusions(name, [c for c in self.confusions if c.field == name])
        if self.gold_format != "seed" and hides_items(self.split):
            lines += ["", f"(examples not shown on the {self.split} split; use --split tune)"]
            return "\n".join(lines)
        lines += _render_examples("top misses (role, gold text, times)", self.misses)
        lines += _render_examples("top extras (our code, text, times)", self.extras)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready values (nested records as lists of dicts)."""
        data = asdict(self)
        for key in ("fields", "confusions", "misses", "extras", "seed_rows"):
            data[key] = list(data[key])
        if self.gold_format != "seed" and hides_items(self.split):
            data["misses"], data["extras"] = [], []
        return data


def evaluate_actors(
    gold_path: Path, fmt: GoldFormat, limit: int | None = None, split: Split = "all"
) -> ActorReport:
    """Code the sentences of a gold set and score the actors found.

    Args:
        gold_path: ``expected.json`` (seed), or PLOVER GSR or ConfliBERT JSON Lines.
        fmt: The gold format.
        limit: Score only the first ``limit`` sentences that have gold actors (not for seed).
        split: The half of the set to score; the seed article is always scored whole.

    Returns:
        The report.

    Raises:
        InputError: The gold file is missing or not of ``fmt``.
        ConfigError: The pipeline cannot be built (the spaCy model is unusable).
    """
    resolve_format(gold_path, fmt)
    if fmt == "seed":
        seed = load_seed(gold_path)
        outcomes, seconds = _code([seed.document])
        return report_seed(str(gold_path), seed, outcomes[0], seconds)
    sentences = select(load_sentences(gold_path, fmt), split, key=lambda sentence: sentence.id)
    annotated = [sentence for sentence in sentences if sentence.actors][:limit]
    outcomes, seconds = _code(annotated)
    skipped = sum(1 for sentence in sentences if not sentence.actors)
    report = report_sentences(str(gold_path), fmt, annotated, outcomes, seconds, skipped)
    return replace(report, split=split)


def report_sentences(
    gold_path: str,
    fmt: GoldFormat,
    sentences: Sequence[GoldSentence],
    outcomes: Sequence[Outcome],
    seconds: float = 0.0,
    skipped: int = 0,
) -> ActorReport:
    """Score PLOVER or ConfliBERT sentences against their pipeline outcomes (in order).

    Raises:
        ValueError: ``sentences`` and ``outcomes`` differ in length.
    """
    tally = Tally()
    rejected = altered = 0
    for sentence, outcome in zip(sentences, outcomes, strict=True):
        article = _article(outcome)
        rejected += article is None
        altered += article is not None and article.text.strip() != sentence.text.strip()
        mentions = (
            outcome.actors if article is not None and isinstance(outcome, CodedDocument) else ()
        )
        text = article.text if article is not None else ""
        tally_sentence(tally, sentence, text, mentions, contain=fmt == "conflibert")
    return _report(
        tally,
        gold_path,
        fmt,
        counts=(len(sentences), skipped, rejected, altered),
        unaligned=sum(1 for sentence in sentences if not sentence.aligned),
        gold_actors=sum(len(sentence.actors) for sentence in sentences),
        seconds=seconds,
    )


def report_seed(
    gold_path: str, seed: SeedGold, outcome: Outcome, seconds: float = 0.0
) -> ActorReport:
    """Score the seed article's pipeline outcome against its gold actors."""
    article = _article(outcome)
    mentions = outcome.actors if article is not None and isinstance(outcome, CodedDocument) else ()
    rows = score_seed_actors(seed.actors, mentions)
    tally = Tally()
    tally_seed(tally, rows, article.text if article is not None else "", mentions)
    altered = article is not None and article.text.strip() != seed.document.text.strip()
    return _report(
        tally,
        gold_path,
        "seed",
        counts=(1, 0, int(article is None), int(altered)),
        unaligned=0,
        gold_actors=len(seed.actors),
        seconds=seconds,
        seed_rows=rows,
    )


def _report(
    tally: Tally,
    gold_path: str,
    fmt: GoldFormat,
    *,
    counts: tuple[int, int, int, int],
    unaligned: int,
    gold_actors: int,
    seconds: float,
    seed_rows: tuple[SeedRow, ...] = (),
) -> ActorReport:
    items, skipped, rejected, altered = counts
    confusions = [c for name in _CONFUSED[fmt] for c in tally.top_confusions(name)]
    return ActorReport(
        gold_path=gold_path,
        gold_format=fmt,
        items=items,
        skipped=skipped,
        rejected=rejected,
        altered=altered,
        unaligned=unaligned,
        gold_actors=gold_actors,
        coded_actors=tally.coded,
        extra=sum(tally.extra.values()),
        fields=tally.scores(_FIELDS[fmt]),
        confusions=tuple(confusions),
        misses=tally.top_examples("miss"),
        extras=tally.top_examples("extra"),
        seed_rows=seed_rows,
        seconds=seconds,
    )


def _article(outcome: Outcome) -> Article | None:
    if not isinstance(outcome, CodedDocument) or outcome.rejections:
        return None
    return outcome.article


def _render_header(report: ActorReport) -> list[str]:
    located = next((f for f in report.fields if f.name == "located"), None)
    unlocated = (
        f" ({located.total - located.right} not found in the article text)" if located else ""
    )
    unit = "article" if report.gold_format == "seed" else "sentences"
    rate = report.items / report.seconds if report.seconds > 0 else 0.0
    lines = [
        f"{report.gold_path} ({report.gold_format}, split {report.split}): {report.items} {unit} "
        "coded in "
        f"{report.seconds:.1f} s ({rate:.1f}/s)",
        f"  skipped (no gold actors): {report.skipped}; rejected by the pipeline: "
        f"{report.rejected}; text altered by extraction: {report.altered}",
        f"  gold actors: {report.gold_actors}{unlocated}; coded actor mentions: "
        f"{report.coded_actors}, extra (matching no gold actor): {report.extra}",
    ]
    if report.gold_format == "conflibert":
        lines.append(f"  sentences whose gold tokens differ from the text: {report.unaligned}")
    lines.append(f"  {_LEGEND[report.gold_format]}")
    return lines


def _render_fields(fields: Sequence[FieldScore]) -> list[str]:
    width = max([len("field"), *(len(f.name) for f in fields)])
    lines = ["", f"{'field':<{width}}  {'right':>6}  {'of':>6}  {'accuracy':>8}"]
    for f in fields:
        accuracy = "n/a" if f.accuracy is None else f"{f.accuracy:.3f}"
        lines.append(f"{f.name:<{width}}  {f.right:>6}  {f.total:>6}  {accuracy:>8}")
    return lines


def _render_seed_rows(rows: Sequence[SeedRow]) -> list[str]:
    lines = ["", "actors (gold -> ours):"]
    for row in rows:
        if row.found_as is None:
            lines.append(f"  {row.name:<18} {row.code:<10} {_cut(row.role):<30}  NOT FOUND")
            continue
        marks = f"code {_mark(row.code_right)} country {_mark(row.country_right)}"
        lines.append(
            f"  {row.name:<18} {row.code:<10} {_cut(row.role):<30}  -> {row.found_as!s:<18} "
            f"{row.our_code!s:<10} {_cut(row.our_role or '-'):<30} {marks} role "
            f"{_mark(row.role_right)}"
        )
    return lines


def _render_confusions(name: str, confusions: Sequence[Confusion]) -> list[str]:
    lines = ["", f"{name} confusions (gold -> ours, times; top 10):"]
    lines += [f"  {c.gold:>6} -> {c.ours:<6} {c.count:>4}" for c in confusions] or ["  none"]
    return lines


def _render_examples(title: str, examples: Sequence[Example]) -> list[str]:
    lines = ["", f"{title}:"]
    for example in examples:
        lines.append(f"  {example.label:<10} {example.text!r:<30} x{example.count}")
        if example.sentence:
            lines.append(f"      {example.sentence}")
    return lines if examples else [*lines, "  none"]


def _mark(right: bool) -> str:
    return "ok" if right else "WRONG"


def _cut(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."
