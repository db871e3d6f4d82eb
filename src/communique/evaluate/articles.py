"""Whole real articles coded by hand: the article dev set, its scores and inter-coder agreement.

The gold (``data/articles_dev.jsonl``, one line per article) points at articles of the AllSides
corpus by ``id`` and carries only the hand-coded events and quotes with short evidence strings;
the article text is read from the corpus file, which belongs to its publishers and is never
part of the project. How the articles were chosen and coded is in docs/codebook.md.

Scores, per half of the set (:mod:`communique.evaluate.splits`, by article id):

* recall of the required events, and of all events (an event is found when a coded event of
  its article has its dyad — or, one-sided, its source and no target — and an accepted type
  or root, as for the seed article);
* precision of every event we emit (one-sided included, since this gold codes them), and of
  dyadic and one-sided events apart;
* modality and attribution on the events found.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from communique.errors import InputError
from communique.evaluate._actor_scoring import locate_text
from communique.evaluate._event_gold import ExpectedEvent, expected_event
from communique.evaluate._event_scoring import (
    CodedItem,
    FalsePositive,
    Metric,
    SeedEventRow,
    codes_match,
    event_matches,
    evidence_sentence,
    f1_score,
    judged,
    ratio,
    score_seed_events,
)
from communique.evaluate._runner import code_gold
from communique.evaluate.events import coded_item
from communique.evaluate.splits import Split, hides_items, select

ARTICLES_DEV = Path(__file__).resolve().parent / "data" / "articles_dev.jsonl"
CORPUS_NAME = "corpus/allsides_intl_2018_2020.jsonl"
_SENTENCE_END = re.compile(r"(?<=[.!?…])[”\"’')\]]*\s+|\n+")


@dataclass(frozen=True, slots=True)
class ArticleGold:
    """One hand-coded article: its corpus id, events and direct quotes (as dicts)."""

    id: str
    events: tuple[ExpectedEvent, ...]
    quotes: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    """The text of a corpus article, as the gold item the pipeline codes."""

    id: str
    origin: str
    text: str
    published: str | None


@dataclass(frozen=True, slots=True)
class ArticleReport:
    """Figures on the article dev set, for the CLI to print.

    Attributes:
        gold_path: The gold file.
        corpus_path: The corpus the articles are read from.
        split: The half scored.
        articles: Articles coded.
        missing: Gold articles not found in the corpus (not scored).
        gold_events: Gold events of the scored articles (required ones apart).
        required_events: Gold events marked required.
        coded_events: Events we coded in them.
        metrics: The figures.
        rows: Each gold event beside what we coded (left out unless on the tune half).
        false_positives: Coded events matching no gold event (same rule).
        seconds: Wall time of the pipeline run.
    """

    gold_path: str
    corpus_path: str
    split: Split
    articles: int
    missing: int
    gold_events: int
    required_events: int
    coded_events: int
    metrics: tuple[Metric, ...]
    rows: tuple[SeedEventRow, ...]
    false_positives: tuple[FalsePositive, ...]
    seconds: float

    def render(self) -> str:
        """The report as text: counts, metrics and (tune half only) the events."""
        lines = [
            f"{self.gold_path} (articles, split {self.split}): {self.articles} articles coded in "
            f"{self.seconds:.1f} s; {self.missing} not in {self.corpus_path}",
            f"  gold events: {self.gold_events} ({self.required_events} required); "
            f"coded events: {self.coded_events}",
            "  found: a coded event of the article with the dyad (one-sided: the source and no "
            "target) and an accepted PLOVER type or CAMEO root",
            "",
        ]
        width = max(len(m.name) for m in self.metrics)
        lines.append(f"{'metric':<{width}}  {'value':>7}  {'right':>6}  {'of':>6}")
        for m in self.metrics:
            value = "n/a" if m.value is None else f"{m.value:.3f}"
            right, total = ("" if n is None else str(n) for n in (m.right, m.total))
            lines.append(f"{m.name:<{width}}  {value:>7}  {right:>6}  {total:>6}")
        if hides_items(self.split):
            lines += ["", f"(events not shown on the {self.split} split; use --split tune)"]
            return "\n".join(lines)
        lines += ["", "gold events (R required; + found):"]
        for row in self.rows:
            mark = "+" if row.found else "-"
            lines.append(f"  {mark} {'R' if row.required else ' '} {row.id}: {row.gold}")
            if row.ours:
                lines.append(f"        ours: {row.ours}")
        lines += ["", "coded events matching no gold event:"]
        lines += [f"  {fp.event}: {fp.evidence}" for fp in self.false_positives]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values; the item-level lists are empty unless on the tune half."""
        data = asdict(self)
        for key in ("metrics", "rows", "false_positives"):
            data[key] = [] if key != "metrics" and hides_items(self.split) else list(data[key])
        return data


def load_article_gold(path: Path = ARTICLES_DEV) -> list[ArticleGold]:
    """Read the article gold: one JSON object per line with ``id``, ``events``, ``quotes``.

    Raises:
        InputError: The file is missing or a line is not an article's gold.
    """
    golds = []
    for number, record in _json_lines(path):
        origin = f"{path}:{number}"
        if not isinstance(record, dict) or not isinstance(record.get("events"), list):
            raise InputError("not-gold", f"{origin}: expected an object with 'id' and 'events'")
        if not record.get("id"):
            raise InputError("not-gold", f"{origin}: the article has no 'id'")
        events = tuple(
            expected_event(item, f"{origin}#{n}") for n, item in enumerate(record["events"])
        )
        golds.append(ArticleGold(str(record["id"]), events, tuple(record.get("quotes") or ())))
    return golds


def load_corpus(path: Path, ids: Iterable[str]) -> dict[str, CorpusArticle]:
    """The corpus articles with these ids (text and date), read from the JSON Lines corpus.

    Raises:
        InputError: The corpus file is missing or a line is not JSON.
    """
    wanted = set(ids)
    found: dict[str, CorpusArticle] = {}
    for number, record in _json_lines(path):
        if isinstance(record, dict) and record.get("id") in wanted:
            found[record["id"]] = CorpusArticle(
                id=record["id"],
                origin=f"{path}:{number}",
                text=str(record.get("text") or ""),
                published=record.get("date") or None,
            )
    return found


def evaluate_articles(
    gold_path: Path = ARTICLES_DEV,
    corpus_path: Path | None = None,
    split: Split = "all",
) -> ArticleReport:
    """Code the gold articles of ``split`` from the corpus and score their events.

    Args:
        gold_path: The article gold (default: the packaged article dev set).
        corpus_path: The AllSides corpus JSON Lines (required: the text is not shipped).
        split: The half of the set to score.

    Raises:
        InputError: A file is missing or malformed.
        ConfigError: The pipeline cannot be built.
    """
    if corpus_path is None or not corpus_path.is_file():
        raise InputError(
            "not-found",
            f"the article dev set needs the AllSides corpus ({CORPUS_NAME} under the shared "
            f"data folder); got {corpus_path}",
        )
    golds = select(load_article_gold(gold_path), split, key=lambda gold: gold.id)
    corpus = load_corpus(corpus_path, (gold.id for gold in golds))
    present = [gold for gold in golds if gold.id in corpus]
    outcomes, seconds = code_gold([corpus[gold.id] for gold in present])
    items = [coded_item(outcome) for outcome in outcomes]
    metrics, rows, false_positives = score_articles(present, items)
    return ArticleReport(
        gold_path=str(gold_path),
        corpus_path=str(corpus_path),
        split=split,
        articles=len(present),
        missing=len(golds) - len(present),
        gold_events=sum(len(gold.events) for gold in present),
        required_events=sum(event.required for gold in present for event in gold.events),
        coded_events=sum(len(item.events) for item in items),
        metrics=tuple(metrics),
        rows=tuple(rows),
        false_positives=tuple(false_positives),
        seconds=seconds,
    )


def score_articles(
    golds: Sequence[ArticleGold], items: Sequence[CodedItem]
) -> tuple[list[Metric], list[SeedEventRow], list[FalsePositive]]:
    """Score each article's coded events against its gold events and add the counts up.

    Raises:
        ValueError: ``golds`` and ``items`` differ in length.
    """
    if len(golds) != len(items):
        raise ValueError(f"{len(golds)} gold articles but {len(items)} coded items")
    rows: list[SeedEventRow] = []
    false_positives: list[FalsePositive] = []
    right = {"all": 0, "dyadic": 0, "one-sided": 0}
    coded = {"all": 0, "dyadic": 0, "one-sided": 0}
    marked: list[bool] = []  # found events with a non-asserted modality or a claimer
    sure: list[tuple[float, bool]] = []  # each coded event's confidence and whether it is right
    for gold, item in zip(golds, items, strict=True):
        scores = score_seed_events(gold.events, item)
        rows += [replace(row, id=f"{gold.id}/{row.id}") for row in scores.seed_rows]
        marked += [
            bool(row.modality_right) and row.attributed_right is not False
            for expected, row in zip(gold.events, scores.seed_rows, strict=True)
            if row.found and (expected.modality != "asserted" or expected.attributed_to)
        ]
        false_positives += scores.false_positives
        for event in item.events:
            kind = "dyadic" if event.target is not None else "one-sided"
            hit = any(event_matches(expected, event) for expected in gold.events)
            sure.append((event.confidence, hit))
            for key in ("all", kind):
                coded[key] += 1
                right[key] += hit
    required = [row for row in rows if row.required]
    both = [
        actors_coded(event, item)
        for gold, item in zip(golds, items, strict=True)
        for event in gold.events
        if event.required
    ]
    recall = ratio("recall (required)", sum(r.found for r in required), len(required))
    precision = ratio("precision (all coded)", right["all"], coded["all"])
    metrics = [
        ratio("both actors coded (required)", sum(both), len(both)),
        recall,
        ratio("recall (all gold)", sum(r.found for r in rows), len(rows)),
        precision,
        ratio("precision (dyadic coded)", right["dyadic"], coded["dyadic"]),
        ratio("precision (one-sided coded)", right["one-sided"], coded["one-sided"]),
        Metric("F1 (precision, required recall)", f1_score(precision.value, recall.value)),
        judged("modality (found)", [r.modality_right for r in rows]),
        judged("attributed_to (found, attributed)", [r.attributed_right for r in rows]),
        judged("modality and attribution (found, marked)", marked),
        *reliability(sure),
    ]
    return metrics, rows, false_positives


# Confidence bins of the reliability table: [low, high).
RELIABILITY_BINS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))


def reliability(sure: Sequence[tuple[float, bool]]) -> list[Metric]:
    """Precision of the coded events at confidence 0.7 or more, and in each bin."""
    confident = [hit for confidence, hit in sure if confidence >= 0.7]
    metrics = [ratio("precision (confidence >= 0.7)", sum(confident), len(confident))]
    for low, high in RELIABILITY_BINS:
        inside = [hit for confidence, hit in sure if low <= confidence < high]
        label = f"{low:.1f}-{min(high, 1.0):.1f}"
        metrics.append(ratio(f"precision (confidence {label})", sum(inside), len(inside)))
    return metrics


def actors_coded(event: ExpectedEvent, item: CodedItem) -> bool:
    """Whether we code the event's source and its target (one-sided: its source) as actors
    in the sentence of its evidence, whatever event we code there. A group read as its
    members ("All urged Trump" after France, Germany and Britain) codes each member."""
    found = evidence_sentence(event.evidence, item)
    if found is None:
        return False
    span, index = found
    lo, hi = (item.sentences[index].start, item.sentences[index].end) if index is not None else span
    codes = [c for m in item.mentions if lo <= m.start < hi for c in (m.code, *m.members)]
    source = any(codes_match(event.source, code) for code in codes)
    target = event.one_sided or any(codes_match(event.target, code) for code in codes)
    return source and target


# --- agreement between two codings -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Agreement:
    """How far two independent codings of the same articles agree.

    Attributes:
        articles: Articles both coded.
        events_a: Events of coding A; ``events_b`` of coding B.
        matched: Events matched one to one (same dyad, a shared type or root, same sentence).
        required_a: Events A calls required; ``required_b`` the same for B.
        required_matched: Matched pairs that both call required.
        modality_same: Matched pairs with the same modality.
        required_same: Matched pairs with the same required flag.
    """

    articles: int
    events_a: int
    events_b: int
    matched: int
    required_a: int
    required_b: int
    required_matched: int
    modality_same: int
    required_same: int

    @property
    def event_f1(self) -> float:
        """2·matched / (|A| + |B|): the share of events both coders found."""
        total = self.events_a + self.events_b
        return 2 * self.matched / total if total else 0.0

    @property
    def required_f1(self) -> float:
        """The same on the events each coder calls required."""
        total = self.required_a + self.required_b
        return 2 * self.required_matched / total if total else 0.0

    def render(self) -> str:
        """One paragraph of figures."""
        pairs = self.matched or 1
        return "\n".join(
            [
                f"articles coded by both: {self.articles}",
                f"events: A {self.events_a}, B {self.events_b}, matched {self.matched}; "
                f"event F1 {self.event_f1:.3f}",
                f"required: A {self.required_a}, B {self.required_b}, both required and "
                f"matched {self.required_matched}; required-event F1 {self.required_f1:.3f}",
                f"on matched pairs: same modality {self.modality_same}/{self.matched} "
                f"({self.modality_same / pairs:.3f}), same required flag "
                f"{self.required_same}/{self.matched} ({self.required_same / pairs:.3f})",
            ]
        )


def read_codings(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """One coder's folder of article files (``<id>.json``), as raw events by article id.

    Raises:
        InputError: The folder is missing or a file is not an article's coding.
    """
    if not folder.is_dir():
        raise InputError("not-found", f"{folder}: no such folder of codings")
    codings: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(folder.glob("*.json")):
        record = _json(path.read_text(encoding="utf-8"), str(path))
        if not isinstance(record, dict) or not isinstance(record.get("events"), list):
            raise InputError("not-gold", f"{path}: expected an object with 'id' and 'events'")
        codings[str(record.get("id"))] = [e for e in record["events"] if isinstance(e, dict)]
    return codings


def agreement(
    coding_a: dict[str, list[dict[str, Any]]],
    coding_b: dict[str, list[dict[str, Any]]],
    texts: dict[str, str],
) -> Agreement:
    """Compare two codings of the articles both coded (and whose text is known).

    Two events match when their dyads match (country codes, IGO/NGO codes whole; either way
    round when either coder marks the event symmetric; both one-sided with the same source),
    their type lists or root lists share a member, and their evidence lies in the same
    sentence of the text. Matching is greedy and one to one, in coding A's order.
    """
    ids = sorted(set(coding_a) & set(coding_b) & set(texts))
    counts = dict.fromkeys(("events_a", "events_b", "matched", "required_a", "required_b"), 0) | {
        "required_matched": 0,
        "modality_same": 0,
        "required_same": 0,
    }
    for article_id in ids:
        text = texts[article_id]
        events_a, events_b = coding_a[article_id], coding_b[article_id]
        counts["events_a"] += len(events_a)
        counts["events_b"] += len(events_b)
        counts["required_a"] += sum(bool(e.get("required")) for e in events_a)
        counts["required_b"] += sum(bool(e.get("required")) for e in events_b)
        free = list(events_b)
        for event in events_a:
            partner = next((b for b in free if _same_event(event, b, text)), None)
            if partner is None:
                continue
            free.remove(partner)
            counts["matched"] += 1
            both_required = bool(event.get("required")) and bool(partner.get("required"))
            counts["required_matched"] += both_required
            counts["required_same"] += bool(event.get("required")) == bool(partner.get("required"))
            counts["modality_same"] += (event.get("modality") or "asserted") == (
                partner.get("modality") or "asserted"
            )
    return Agreement(articles=len(ids), **counts)


def sentence_index(evidence: str, text: str) -> int | None:
    """The number of the sentence of ``text`` where ``evidence`` starts (None when absent)."""
    span = locate_text(evidence, text) if evidence else None
    if span is None:
        return None
    return len(_SENTENCE_END.findall(text, 0, span[0]))


def _same_event(a: dict[str, Any], b: dict[str, Any], text: str) -> bool:
    if not _same_dyad(a, b):
        return False
    kinds_a = {str(t).upper() for t in a.get("types") or ()}
    kinds_b = {str(t).upper() for t in b.get("types") or ()}
    roots_a = {str(r) for r in a.get("cameo_roots") or ()}
    roots_b = {str(r) for r in b.get("cameo_roots") or ()}
    if not (kinds_a & kinds_b or roots_a & roots_b):
        return False
    where_a = sentence_index(str(a.get("evidence") or ""), text)
    where_b = sentence_index(str(b.get("evidence") or ""), text)
    return where_a is not None and where_a == where_b


def _same_dyad(a: dict[str, Any], b: dict[str, Any]) -> bool:
    source_a, source_b = a.get("source"), b.get("source")
    if a.get("one_sided") or b.get("one_sided") or not a.get("target") or not b.get("target"):
        return (not a.get("target")) and (not b.get("target")) and codes_match(source_a, source_b)
    target_a, target_b = a.get("target"), b.get("target")
    forward = codes_match(source_a, source_b) and codes_match(target_a, target_b)
    either_way = bool(a.get("symmetric") or b.get("symmetric"))
    backward = codes_match(source_a, target_b) and codes_match(target_a, source_b)
    return forward or (either_way and backward)


def _json_lines(path: Path) -> Iterator[tuple[int, Any]]:
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError("unreadable", f"expected a JSON Lines file at {path}: {exc}") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield number, _json(line, f"{path}:{number}")


def _json(text: str, origin: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("not-json", f"{origin}: not JSON ({exc.msg})") from exc
