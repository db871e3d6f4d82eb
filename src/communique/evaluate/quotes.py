"""Evaluate quotes and their speakers against PolNeAR attributions or the seed reference.

Each gold article goes through the pipeline's extract, annotate and actor stages as a
plain-text :class:`~communique.records.RawDocument` (one pipeline per call, batches of
:data:`BATCH_SIZE`); its quotes come from :func:`communique.quotes.attribute_quotes`, which
keeps the speaker's span (a :class:`~communique.records.Quote` holds only the coded actor,
and PolNeAR's speakers are mostly people no knowledge base codes, so speakers are scored by
span, not by code).

* ``polnear``: gold offsets are mapped into the article text extraction made (it may drop
  lines); only *speech* attributions are scored (see
  :func:`~communique.evaluate._quote_scoring.cue_class`), direct and indirect apart (PolNeAR's
  ``mixed``, partly quoted, counts as indirect). See :mod:`communique.evaluate._quote_scoring`
  for the matching rules.
* ``seed``: each quote of ``expected.json`` is found when one of our quotes of its kind starts
  with its words; its speaker is right when the coded actor has the gold name, and its code
  when the actor's code is the gold speaker's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from communique.evaluate._actor_seed import names_match
from communique.evaluate._quote_align import OffsetMap, our_quote, place_attribution
from communique.evaluate._quote_gold import (
    GoldArticle,
    QuoteFormat,
    SeedQuotes,
    load_polnear,
    load_seed_quotes,
    resolve_quote_format,
)
from communique.evaluate._quote_scoring import (
    CUE_CLASSES,
    QuoteTally,
    RowTally,
    precision_recall_f1,
    tally_article,
)
from communique.evaluate._quote_seed import SeedQuoteRow, seed_row, starts_alike
from communique.evaluate._runner import BATCH_SIZE, code_gold
from communique.evaluate.splits import Split, hides_items, select
from communique.pipeline import Outcome
from communique.quotes import AttributedQuote, attribute_quotes
from communique.records import CodedDocument
from communique.textview import TextView

__all__ = [
    "BATCH_SIZE",
    "CUE_CLASSES",
    "QuoteReport",
    "QuoteRow",
    "SeedQuoteRow",
    "evaluate_quotes",
    "resolve_quote_format",
    "score_polnear",
    "score_seed",
    "starts_alike",
]

STAGES = ("communique.extract.v1", "communique.annotate.v1", "communique.actors.v1")
_MISSES_SHOWN = 12


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """Speaker, content and cue figures for one kind of quote (direct or indirect).

    Attributes:
        name: ``direct`` or ``indirect``.
        gold: Gold speech attributions of this kind with a source in the text.
        gold_no_source: Those without one (not in recall).
        found: Gold attributions that one of our quotes meets (shares a content word).
        ours: Our quotes of this kind with a speaker, less the neutral ones.
        unmatched: Of ``ours``, those meeting no gold attribution at all.
        neutral: Our quotes meeting only belief, poll or other attributions (not scored).
        exact: Speaker precision, recall, F1 with the same span.
        head: Speaker precision, recall, F1 with the same head word.
        content_f1: Mean word-overlap F1 of our best quote's span with the gold content.
        cue_accuracy: Share of found gold quotes whose cue our cue overlaps.
    """

    name: str
    gold: int
    gold_no_source: int
    found: int
    ours: int
    unmatched: int
    neutral: int
    exact: tuple[float | None, float | None, float | None]
    head: tuple[float | None, float | None, float | None]
    content_f1: float | None
    cue_accuracy: float | None


@dataclass(frozen=True, slots=True)
class QuoteReport:
    """Quote figures on one gold set, for the CLI to print.

    Attributes:
        gold_path: The gold file.
        gold_format: ``polnear`` or ``seed``.
        articles: Articles run through the pipeline.
        rejected: Articles the pipeline rejected (their attributions are not scored).
        altered: Articles whose text extraction changed (gold offsets were mapped).
        unplaced: Gold attributions whose content could not be mapped into our text.
        our_direct: Direct quotes we found.
        our_indirect: Indirect quotes we found.
        classes: ``(cue class, gold kind, count)`` of every placed gold attribution.
        rows: The direct and indirect rows.
        pronouns: Gold speech pronoun speakers: total; our speaker is that pronoun (head
            word); we name who it stands for; that is a coded actor; the file gives a name from
            automatic coreference; our name agrees with it (same surname).
        misses: ``(gold speaker, our speaker, gold content)`` of missed direct speakers.
        seed_rows: One row per seed quote (``seed`` only).
        seconds: Wall time of the pipeline run (extract, annotate, actors).
        split: The half of the gold set scored (``tune``, ``check`` or ``all``).
        named: Found direct quotes whose gold speaker is a name, and of those, how many have
            the name's last word in our speaker's name (PolNeAR).
        named_common: Of those found quotes, how many we give a speaker with no name in it,
            only common nouns ("the government", "officials").
    """

    gold_path: str
    gold_format: str
    articles: int
    rejected: int
    altered: int
    unplaced: int
    our_direct: int
    our_indirect: int
    classes: tuple[tuple[str, str, int], ...]
    rows: tuple[QuoteRow, ...]
    pronouns: tuple[int, int, int, int, int, int]
    misses: tuple[tuple[str, str, str], ...]
    seed_rows: tuple[SeedQuoteRow, ...]
    seconds: float
    split: Split = "all"
    named: tuple[int, int] = (0, 0)
    named_common: int = 0

    def render(self) -> str:
        """Return the report as plain text."""
        from communique.evaluate._quote_render import render_report

        return render_report(self)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready values."""
        data = asdict(self)
        for key in ("classes", "rows", "misses", "seed_rows"):
            data[key] = list(data[key])
        if self.gold_format != "seed" and hides_items(self.split):
            data["misses"] = []
        return data


def evaluate_quotes(
    gold_path: Path, fmt: QuoteFormat, limit: int | None = None, split: Split = "all"
) -> QuoteReport:
    """Find the quotes of a gold set's articles and score them.

    Args:
        gold_path: ``expected.json`` (seed) or PolNeAR JSON Lines.
        fmt: The gold format.
        limit: Score only the first ``limit`` articles (PolNeAR).
        split: The half of the set to score; the seed article is always scored whole.

    Returns:
        The report.

    Raises:
        InputError: The gold file is missing or not of ``fmt``.
        ConfigError: The pipeline cannot be built (the spaCy model is unusable).
    """
    resolve_quote_format(gold_path, fmt)
    if fmt == "seed":
        seed = load_seed_quotes(gold_path)
        outcomes, seconds = _code([seed.article])
        return score_seed(str(gold_path), seed, outcomes[0], seconds)
    articles = select(load_polnear(gold_path), split, key=lambda article: article.id)[:limit]
    outcomes, seconds = _code(articles)
    return replace(score_polnear(str(gold_path), articles, outcomes, seconds), split=split)


def score_polnear(
    gold_path: str,
    articles: Sequence[GoldArticle],
    outcomes: Sequence[Outcome],
    seconds: float = 0.0,
) -> QuoteReport:
    """Score PolNeAR articles against their pipeline outcomes (in order).

    Raises:
        ValueError: ``articles`` and ``outcomes`` differ in length.
    """
    tally = QuoteTally()
    rejected = altered = unplaced = direct = indirect = 0
    for article, outcome in zip(articles, outcomes, strict=True):
        if not _coded(outcome):
            rejected += 1
            continue
        assert isinstance(outcome, CodedDocument) and outcome.article is not None
        assert outcome.annotation is not None
        view = TextView(outcome.article.text, outcome.annotation)
        offsets = OffsetMap(article.text, view.text)
        altered += not offsets.same
        golds = [place_attribution(g, offsets, view, article.text) for g in article.attributions]
        unplaced += sum(gold is None for gold in golds)
        ours = attribute_quotes(view, outcome.actors)
        direct += sum(quote.kind == "direct" for quote in ours)
        indirect += sum(quote.kind == "indirect" for quote in ours)
        placed = [gold for gold in golds if gold is not None]
        tally_article(tally, view.text, placed, [our_quote(view, q) for q in ours], names_match)
    return QuoteReport(
        gold_path=gold_path,
        gold_format="polnear",
        articles=len(articles),
        rejected=rejected,
        altered=altered,
        unplaced=unplaced,
        our_direct=direct,
        our_indirect=indirect,
        classes=tuple((cls, kind, count) for (cls, kind), count in sorted(tally.classes.items())),
        rows=tuple(_row(name, tally.rows[name]) for name in ("direct", "indirect")),
        pronouns=tally.pronouns.counts(),
        misses=tuple(tally.misses[:_MISSES_SHOWN]),
        seed_rows=(),
        seconds=seconds,
        named=(tally.named_found, tally.named_right),
        named_common=tally.named_common,
    )


def score_seed(
    gold_path: str, seed: SeedQuotes, outcome: Outcome, seconds: float = 0.0
) -> QuoteReport:
    """Score the seed article's quotes: one row per quote of the reference."""
    ours: tuple[AttributedQuote, ...] = ()
    if _coded(outcome):
        assert isinstance(outcome, CodedDocument) and outcome.article is not None
        assert outcome.annotation is not None
        view = TextView(outcome.article.text, outcome.annotation)
        ours = attribute_quotes(view, outcome.actors)
    rows = tuple(seed_row(quote, ours) for quote in seed.quotes)
    return QuoteReport(
        gold_path=gold_path,
        gold_format="seed",
        articles=1,
        rejected=int(not _coded(outcome)),
        altered=0,
        unplaced=0,
        our_direct=sum(quote.kind == "direct" for quote in ours),
        our_indirect=sum(quote.kind == "indirect" for quote in ours),
        classes=(),
        rows=(),
        pronouns=(0, 0, 0, 0, 0, 0),
        misses=(),
        seed_rows=rows,
        seconds=seconds,
    )


def _row(name: str, tally: RowTally) -> QuoteRow:
    return QuoteRow(
        name=name,
        gold=tally.gold,
        gold_no_source=tally.gold_no_source,
        found=tally.gold_found,
        ours=tally.ours,
        unmatched=tally.ours_unmatched,
        neutral=tally.neutral,
        exact=precision_recall_f1(tally.ours_exact, tally.ours, tally.gold_exact, tally.gold),
        head=precision_recall_f1(tally.ours_head, tally.ours, tally.gold_head, tally.gold),
        content_f1=tally.content_f1 / tally.content_pairs if tally.content_pairs else None,
        cue_accuracy=tally.cue_right / tally.cue_total if tally.cue_total else None,
    )


def _coded(outcome: Outcome) -> bool:
    return (
        isinstance(outcome, CodedDocument)
        and not outcome.rejections
        and outcome.article is not None
        and outcome.annotation is not None
    )


def _code(articles: Sequence[GoldArticle]) -> tuple[list[Outcome], float]:
    return code_gold(articles, STAGES)
