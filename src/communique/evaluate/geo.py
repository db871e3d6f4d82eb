"""Evaluate place recognition and resolution against gold toponyms (LGL, GeoVirus, GeoWebNews,
TR-News).

Each gold article goes through the pipeline's extract, annotate and actor stages as a
plain-text :class:`~communique.records.RawDocument` (one pipeline per call, batches of
:data:`BATCH_SIZE`). Extraction may drop lines and change spaces, so gold offsets are mapped
into the article text it made (:class:`~communique.evaluate._quote_align.OffsetMap`); a gold
toponym whose words cannot be found there is *unplaced* and counted (a miss end to end, left
out of resolution). The places are then scored in two modes:

* ``spans`` (resolution alone): the placed gold spans go to
  :func:`communique.geo.resolve_spans`; every one is judged, and those it cannot resolve count
  as the largest error (20039 km).
* ``e2e`` (end to end): :func:`communique.geo.find_places` recognises and resolves places on
  its own. A place of ours matches a gold toponym when their spans overlap; precision is the
  share of our places matching one, recall the share of gold toponyms matched (also over the
  GPE/LOC-type ones alone, see :mod:`communique.evaluate._geo_gold`), and the distances are
  judged on matched toponyms (with the place overlapping most).

See :mod:`communique.evaluate._geo_scoring` for accuracy within 161 km, the error in km and
the AUC of log errors (Gritta et al. 2018).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, get_args

from communique.errors import InputError
from communique.evaluate._geo_gold import GeoArticle, GoldToponym, guess_set, load_geo
from communique.evaluate._geo_scoring import (
    ModeScore,
    ModeTally,
    Span,
    score_mode,
    worst_resolutions,
)
from communique.evaluate._quote_align import OffsetMap
from communique.evaluate._runner import BATCH_SIZE, code_gold
from communique.evaluate.splits import Split, hides_items, select
from communique.pipeline import Outcome
from communique.records import ActorMention, Annotation, Article, CodedDocument, Place

__all__ = [
    "BATCH_SIZE",
    "MODES",
    "GeoReport",
    "Geoparser",
    "Mode",
    "check_mode",
    "evaluate_geo",
    "place_toponyms",
    "score_geo",
    "shipped_geoparser",
]

STAGES = ("communique.extract.v1", "communique.annotate.v1", "communique.actors.v1")
Mode = Literal["e2e", "spans", "both"]
MODES: tuple[Mode, ...] = get_args(Mode)
_EXAMPLES = 15
# How far from its mapped offset a toponym's words are looked for when the mapping drifted.
_SEARCH_WINDOW = 40

FindPlaces = Callable[[Article, Annotation, Sequence[ActorMention]], Sequence[Place]]
ResolveSpans = Callable[
    [Article, Annotation, Sequence[Span], Sequence[ActorMention]], Sequence[Place | None]
]


@dataclass(frozen=True, slots=True)
class Geoparser:
    """The two geo calls scored, bound to a gazetteer (tests pass fakes)."""

    find_places: FindPlaces
    resolve_spans: ResolveSpans


def shipped_geoparser() -> Geoparser:
    """:func:`communique.geo.find_places` and ``resolve_spans`` over the shipped gazetteer."""
    from communique.geo import find_places, load_gazetteer, resolve_spans

    gazetteer = load_gazetteer()
    return Geoparser(
        find_places=lambda article, annotation, actors: find_places(
            article, annotation, actors, gazetteer
        ),
        resolve_spans=lambda article, annotation, spans, actors: resolve_spans(
            article, annotation, spans, actors, gazetteer
        ),
    )


def check_mode(name: str) -> Mode:
    """Return ``name`` as a mode, or raise an :class:`InputError` naming the valid ones."""
    for mode in MODES:
        if name == mode:
            return mode
    raise InputError("bad-mode", f"unknown mode {name!r}; expected one of {', '.join(MODES)}")


@dataclass(frozen=True, slots=True)
class GeoReport:
    """Geo figures on one gold set, for the CLI to print.

    Attributes:
        gold_path: The gold file.
        source_set: ``lgl``, ``geovirus``, ``gwn`` or ``trnews`` (from the file).
        articles: Articles run through the pipeline.
        rejected: Articles the pipeline rejected (their toponyms are unplaced).
        altered: Articles whose text extraction changed (gold offsets were mapped).
        scores: One row per mode scored, ``spans`` before ``e2e``.
        worst: Per mode, the most frequent wrong resolutions ``(gold name, our place, km,
            times)``; empty unless the report is on the tune half.
        misses: Gold toponyms none of our places overlaps ``(name, times)`` (e2e, tune only).
        extras: Our places overlapping no gold toponym ``(text, times)`` (e2e, tune only).
        seconds: Wall time of the pipeline run (extract, annotate, actors).
        geo_seconds: Wall time of the geo calls, loading the gazetteer included.
        split: The half of the gold set scored (``tune``, ``check`` or ``all``).
    """

    gold_path: str
    source_set: str
    articles: int
    rejected: int
    altered: int
    scores: tuple[ModeScore, ...]
    worst: dict[str, tuple[tuple[str, str, float, int], ...]] = field(default_factory=dict)
    misses: tuple[tuple[str, int], ...] = ()
    extras: tuple[tuple[str, int], ...] = ()
    seconds: float = 0.0
    geo_seconds: float = 0.0
    split: Split = "all"

    def score(self, mode: str) -> ModeScore | None:
        """The row of ``mode`` (``spans`` or ``e2e``), if it was scored."""
        return next((row for row in self.scores if row.mode == mode), None)

    def metrics(self) -> dict[str, float | None]:
        """The figures as ``communique eval all`` names them (``end to end: recall``)."""
        from communique.evaluate._geo_render import metrics_of

        return metrics_of(self)

    def render(self) -> str:
        """Return the report as plain text; examples only on the tune half."""
        from communique.evaluate._geo_render import render_report

        return render_report(self)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready values (examples left out unless on tune)."""
        data = asdict(self)
        data["scores"] = [asdict(row) for row in self.scores]
        data["metrics"] = self.metrics()
        if hides_items(self.split):
            data["worst"], data["misses"], data["extras"] = {}, [], []
        return data


def evaluate_geo(
    gold_path: Path,
    mode: Mode = "both",
    limit: int | None = None,
    split: Split = "check",
    geoparser: Geoparser | None = None,
) -> GeoReport:
    """Code the articles of a geo gold set and score their places.

    Args:
        gold_path: One of the ``geo_*_dev.jsonl`` files (or any file of that layout).
        mode: ``spans`` (resolve the gold spans), ``e2e`` (recognise and resolve) or ``both``.
        limit: Score only the first ``limit`` articles of the split.
        split: The half of the set to score.
        geoparser: The geo calls to score; the shipped ones when omitted.

    Returns:
        The report.

    Raises:
        InputError: The gold file is missing or not a geo gold file.
        ConfigError: The pipeline cannot be built (the spaCy model is unusable).
    """
    articles = select(load_geo(gold_path), split, key=lambda article: article.id)[:limit]
    outcomes, seconds = code_gold(articles, STAGES)
    started = time.perf_counter()
    parser = geoparser or shipped_geoparser()
    report = score_geo(str(gold_path), articles, outcomes, parser, mode, split)
    return replace(report, seconds=seconds, geo_seconds=time.perf_counter() - started)


def score_geo(
    gold_path: str,
    articles: Sequence[GeoArticle],
    outcomes: Sequence[Outcome],
    geoparser: Geoparser,
    mode: Mode = "both",
    split: Split = "all",
) -> GeoReport:
    """Score the places of gold articles against their pipeline outcomes (in order).

    Raises:
        ValueError: ``articles`` and ``outcomes`` differ in length.
    """
    modes = ("spans", "e2e") if mode == "both" else (mode,)
    tallies = {name: ModeTally() for name in modes}
    rejected = altered = 0
    for gold, outcome in zip(articles, outcomes, strict=True):
        coded = _coded(outcome)
        if coded is None:
            rejected += 1
            for tally in tallies.values():
                tally.add_gold(gold.toponyms, len(gold.toponyms))
            continue
        article, annotation, actors = coded
        offsets = OffsetMap(gold.text, article.text)
        altered += not offsets.same
        placed = place_toponyms(gold, article.text, offsets)
        for tally in tallies.values():
            tally.add_gold(gold.toponyms, len(gold.toponyms) - len(placed))
        if "spans" in tallies:
            spans = [(toponym.start, toponym.end) for toponym in placed]
            resolved = list(geoparser.resolve_spans(article, annotation, spans, actors))
            tallies["spans"].add_spans(placed, resolved)
        if "e2e" in tallies:
            ours = geoparser.find_places(article, annotation, actors)
            tallies["e2e"].add_e2e(placed, ours, article.text)
    return GeoReport(
        gold_path=gold_path,
        source_set=_source_set(gold_path, articles),
        articles=len(articles),
        rejected=rejected,
        altered=altered,
        scores=tuple(score_mode(name, tally) for name, tally in tallies.items()),
        worst={
            name: tuple(worst_resolutions(tally.resolutions, _EXAMPLES))
            for name, tally in tallies.items()
        },
        misses=tuple(tallies["e2e"].missed.most_common(_EXAMPLES)) if "e2e" in tallies else (),
        extras=tuple(tallies["e2e"].extra.most_common(_EXAMPLES)) if "e2e" in tallies else (),
        split=split,
    )


def place_toponyms(gold: GeoArticle, text: str, offsets: OffsetMap) -> list[GoldToponym]:
    """The gold toponyms found in our article ``text``, their spans moved into it.

    A toponym's span is mapped through ``offsets``; when the words there are not its name
    (spaces changed inside it), its name is looked for nearby. Toponyms whose words were
    dropped by extraction are left out.
    """
    placed = []
    for toponym in gold.toponyms:
        span = offsets.span((toponym.start, toponym.end))
        if span is None:
            continue
        start = span[0]
        if text[start : span[1]] != toponym.name:
            low = max(start - _SEARCH_WINDOW, 0)
            start = text.find(toponym.name, low, start + len(toponym.name) + _SEARCH_WINDOW)
            if start < 0:
                continue
        placed.append(replace(toponym, start=start, end=start + len(toponym.name)))
    return placed


def _coded(outcome: Outcome) -> tuple[Article, Annotation, tuple[ActorMention, ...]] | None:
    if not isinstance(outcome, CodedDocument) or outcome.rejections:
        return None
    if outcome.article is None or outcome.annotation is None:
        return None
    return outcome.article, outcome.annotation, outcome.actors


def _source_set(gold_path: str, articles: Sequence[GeoArticle]) -> str:
    sets = sorted({article.source_set for article in articles if article.source_set})
    return "+".join(sets) or guess_set(Path(gold_path)) or "unknown"
