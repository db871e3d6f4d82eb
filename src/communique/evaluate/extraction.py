"""Evaluate article extraction against a gold set, beside plain trafilatura.

Both systems run on the same pages in the same call:

* ``communique``: :func:`communique.extract.extract_article` on a
  :class:`~communique.records.RawDocument` built from the gold ``html`` and
  ``url`` only (no gold title or date, so metadata must come from the page);
* ``trafilatura``: ``trafilatura.bare_extraction(html, url=url, with_metadata=True)``
  with default settings. Its ``text`` is the body alone; ``extract()`` with default
  settings would also append reader comments to it.

Body text is scored as in the Scrapinghub article-extraction-benchmark, on a bag
of words: per page, precision and recall of the multiset of lowercased ``\\w+``
tokens of the prediction against the gold text, then averaged over pages (macro
average, so a long page weighs as much as a short one). See :class:`SystemScores`.
"""

from __future__ import annotations

import difflib
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import trafilatura
from trafilatura.settings import Document

from communique.errors import InputError
from communique.evaluate.splits import Split, select
from communique.extract import extract_article
from communique.records import RawDocument

__all__ = [
    "FUZZY_TITLE_THRESHOLD",
    "ExtractionReport",
    "GoldPage",
    "Overlap",
    "Prediction",
    "SystemScores",
    "body_overlap",
    "evaluate_extraction",
    "load_gold",
    "same_day",
    "title_matches",
]

# difflib ratio at or above which two titles count as the same headline.
FUZZY_TITLE_THRESHOLD = 0.9
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class GoldPage:
    """One page of a gold set: the HTML and its hand-checked fields."""

    id: str
    html: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Prediction:
    """What one system extracted from one page (empty text when it found none)."""

    text: str = ""
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Overlap:
    """Bag-of-words overlap of one prediction with its gold text.

    ``precision`` is ``None`` when nothing was predicted: it is undefined, and the
    page is left out of the precision average (recall and F1 are 0).
    """

    precision: float | None
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class SystemScores:
    """One system's figures on a gold set.

    Attributes:
        body_precision: Mean per-page precision over pages with a prediction.
        body_recall: Mean per-page recall over pages with gold text (0 when no prediction).
        body_f1: Mean per-page F1 over the same pages (0 when no prediction).
        title_exact: Share of pages whose title equals the gold one (whitespace collapsed).
        title_fuzzy: Share of pages whose title is similar (difflib ratio ≥ 0.9, case-folded).
        date_accuracy: Share of pages with a full gold date whose date is the same
            calendar day; ``None`` when no page has one.
        pages_per_second: Pages divided by the wall time of this system alone.
        empty: Pages for which the system returned no text.
    """

    system: str
    body_precision: float
    body_recall: float
    body_f1: float
    title_exact: float
    title_fuzzy: float
    date_accuracy: float | None
    pages_per_second: float
    empty: int


# (row label, SystemScores field, number format) of the rendered table.
_ROWS = (
    ("body precision", "body_precision", ".4f"),
    ("body recall", "body_recall", ".4f"),
    ("body F1", "body_f1", ".4f"),
    ("title exact", "title_exact", ".3f"),
    ("title fuzzy (>= 0.9)", "title_fuzzy", ".3f"),
    ("date accuracy (same day)", "date_accuracy", ".3f"),
    ("pages/s", "pages_per_second", ".1f"),
    ("pages with no text", "empty", "d"),
)


@dataclass(frozen=True, slots=True)
class ExtractionReport:
    """The figures of every system on one gold set, for the CLI to print."""

    gold_path: str
    split: Split
    pages: int
    body_pages: int
    dated_pages: int
    systems: tuple[SystemScores, ...]

    def render(self) -> str:
        """Return a plain-text table: one row per metric, one column per system."""
        names = [scores.system for scores in self.systems]
        width = max(len(row[0]) for row in _ROWS)
        lines = [
            f"{self.gold_path} (split {self.split}): {self.pages} pages "
            f"({self.body_pages} with gold text, "
            f"{self.dated_pages} with a gold date)",
            f"{'metric':<{width}}  " + "  ".join(f"{name:>12}" for name in names),
        ]
        for label, field, spec in _ROWS:
            cells = [_format_cell(getattr(scores, field), spec) for scores in self.systems]
            lines.append(f"{label:<{width}}  " + "  ".join(f"{cell:>12}" for cell in cells))
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready values (the systems as a list of dicts)."""
        return {**asdict(self), "systems": [asdict(scores) for scores in self.systems]}


def evaluate_extraction(
    gold_path: Path, limit: int | None = None, split: Split = "all"
) -> ExtractionReport:
    """Score our extractor and plain trafilatura on the pages of a gold JSONL file.

    Args:
        gold_path: JSON Lines with ``html`` and gold ``text``, and optionally
            ``title``, ``date`` and ``url`` (the fundus and WCXB dev sets).
        limit: Score only the first ``limit`` pages.
        split: The half of the set to score (see :mod:`communique.evaluate.splits`).

    Returns:
        The report, systems in the order ``communique``, ``trafilatura``.

    Raises:
        InputError: The file cannot be read or a line is not a gold page.
    """
    pages = select(load_gold(gold_path), split, key=lambda page: page.id)[:limit]
    systems = (("communique", _predict_communique), ("trafilatura", _predict_trafilatura))
    return ExtractionReport(
        gold_path=str(gold_path),
        split=split,
        pages=len(pages),
        body_pages=sum(1 for page in pages if _tokens(page.text)),
        dated_pages=sum(1 for page in pages if _gold_day(page.date)),
        systems=tuple(_score_system(name, predict, pages) for name, predict in systems),
    )


def load_gold(path: Path) -> Iterator[GoldPage]:
    """Yield the gold pages of a JSON Lines file.

    Raises:
        InputError: The file is missing, or a line is not JSON with ``html`` and ``text``.
    """
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError("unreadable", f"expected a gold JSONL file at {path}: {exc}") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield _gold_page(_json(line, f"{path}:{number}"), f"{path}:{number}")


def body_overlap(predicted: str, gold: str) -> Overlap:
    """Return the bag-of-words precision, recall and F1 of ``predicted`` against ``gold``.

    Tokens are the ``\\w+`` runs of the lowercased texts; a token counts as often
    as it occurs in both (multiset intersection).
    """
    predicted_bag, gold_bag = Counter(_tokens(predicted)), Counter(_tokens(gold))
    if not predicted_bag:
        return Overlap(None, 0.0, 0.0)
    common = sum((predicted_bag & gold_bag).values())
    precision = common / sum(predicted_bag.values())
    recall = common / sum(gold_bag.values()) if gold_bag else 0.0
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return Overlap(precision, recall, f1)


def title_matches(predicted: str | None, gold: str) -> tuple[bool, bool]:
    """Return whether ``predicted`` matches ``gold`` exactly and fuzzily.

    Exact: equal after collapsing whitespace. Fuzzy: a difflib ratio of at least
    :data:`FUZZY_TITLE_THRESHOLD` between the case-folded, collapsed strings.
    """
    if not predicted:
        return False, False
    ours, theirs = " ".join(predicted.split()), " ".join(gold.split())
    ratio = difflib.SequenceMatcher(None, ours.casefold(), theirs.casefold()).ratio()
    return ours == theirs, ratio >= FUZZY_TITLE_THRESHOLD


def same_day(predicted: str | None, gold: str | None) -> bool:
    """Return whether an ISO date or date-time falls on the gold date's calendar day."""
    day = _gold_day(gold)
    return day is not None and predicted is not None and predicted[:10] == day


def _score_system(
    name: str, predict: Callable[[GoldPage], Prediction], pages: Sequence[GoldPage]
) -> SystemScores:
    started = time.perf_counter()
    predictions = [predict(page) for page in pages]
    elapsed = time.perf_counter() - started
    pairs = list(zip(predictions, pages, strict=True))
    overlaps = [body_overlap(p.text, g.text) for p, g in pairs if _tokens(g.text)]
    titles = [title_matches(p.title, g.title) for p, g in pairs if g.title]
    dates = [same_day(p.published, g.date) for p, g in pairs if _gold_day(g.date)]
    return SystemScores(
        system=name,
        body_precision=_mean([o.precision for o in overlaps if o.precision is not None]),
        body_recall=_mean([o.recall for o in overlaps]),
        body_f1=_mean([o.f1 for o in overlaps]),
        title_exact=_mean([float(exact) for exact, _ in titles]),
        title_fuzzy=_mean([float(fuzzy) for _, fuzzy in titles]),
        date_accuracy=_mean([float(hit) for hit in dates]) if dates else None,
        pages_per_second=len(pages) / elapsed if elapsed > 0 else 0.0,
        empty=sum(1 for prediction in predictions if not prediction.text.strip()),
    )


def _predict_communique(page: GoldPage) -> Prediction:
    raw = RawDocument(
        id=page.id,
        origin=page.id,
        data=page.html.encode("utf-8"),
        text=page.html,
        media_type="html",
        url=page.url,
        producer="communique.evaluate",
    )
    try:
        article = extract_article(raw)
    except InputError:
        return Prediction()  # a page we reject scores as an empty prediction
    return Prediction(article.text, article.title, article.published)


def _predict_trafilatura(page: GoldPage) -> Prediction:
    document = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
    if not isinstance(document, Document):
        return Prediction()
    return Prediction(document.text or "", document.title, document.date)


def _json(line: str, origin: str) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError("not-json", f"{origin}: expected one JSON object per line: {exc}") from exc


def _gold_page(record: object, origin: str) -> GoldPage:
    if not isinstance(record, dict) or not isinstance(record.get("html"), str):
        raise InputError("not-gold", f"{origin}: expected a JSON object with an 'html' string")
    return GoldPage(
        id=str(record.get("id") or origin),
        html=record["html"],
        text=record.get("text") or "",
        title=record.get("title") or None,
        date=record.get("date") or None,
        url=record.get("url") or None,
    )


def _gold_day(value: str | None) -> str | None:
    # gold dates without a day ("2015-11") cannot be scored as a calendar day
    return value[:10] if value and re.match(r"\d{4}-\d{2}-\d{2}", value) else None


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _format_cell(value: float | None, spec: str) -> str:
    return "n/a" if value is None else format(value, spec)
