"""Benchmarks: the pipeline beside a bare spaCy parse of the same texts, and the store.

The pipeline benchmark warms up first (the model and every stage code 5 documents),
then times each stage over the corpus, the store writes (with deduplication) into a
temporary database, and a bare ``nlp.pipe`` over the *extracted* article texts: the
exact texts the annotate stage parses, so the ratio measures what communique adds.
The store benchmark fills a temporary database with synthetic events and times bulk
insert, a weekly dyad series, a filtered event query and the event-cluster refresh.
"""

from __future__ import annotations

import resource
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TypeVar

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc
import pycountry
from spacy.language import Language

from communique import store
from communique.annotate import load_pipeline
from communique.events.ontology import load_ontology
from communique.ingest import read_inputs
from communique.pipeline._stage import Pipeline
from communique.records import CodedDocument, RawDocument
from communique.settings import Settings
from communique.store import aggregates, dedup

WARM_UP_DOCUMENTS = 5
T = TypeVar("T")
STORE_STAGE = "store.write (with dedup)"
_BARE, _SIGN = "bare parse", "signatures"


@dataclass(frozen=True, slots=True)
class BenchReport:
    """Timings of one pipeline benchmark run; ratios compare runs in the same process."""

    corpus: str
    documents: int
    words: int
    bare_seconds: float
    pipeline_seconds: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    signature_seconds: float = 0.0
    peak_rss_mb: float = 0.0

    @property
    def ratio(self) -> float:
        """communique throughput ÷ bare parse throughput (1.0 = no overhead)."""
        return self.bare_seconds / self.pipeline_seconds if self.pipeline_seconds else 0.0

    @property
    def ingest_seconds(self) -> float:
        """Pipeline plus the store writes: what ``communique ingest`` spends per batch."""
        return self.pipeline_seconds + self.stage_seconds.get(STORE_STAGE, 0.0)

    def render(self) -> str:
        """A plain-text report."""

        def rate(seconds: float) -> str:
            per_second = self.documents / seconds if seconds else 0.0
            words = self.words / seconds if seconds else 0.0
            return f"{per_second:8.1f} articles/s {words:10.0f} words/s"

        per_article = 1000 / self.documents if self.documents else 0.0
        lines = [
            f"corpus: {self.corpus} ({self.documents} articles, {self.words:,} words of "
            f"extracted text; warmed up on {WARM_UP_DOCUMENTS})",
            f"bare spaCy nlp.pipe : {rate(self.bare_seconds)}  ({self.bare_seconds:.2f} s)",
            f"communique pipeline : {rate(self.pipeline_seconds)}  ({self.pipeline_seconds:.2f} s)",
            f"ingest (+ store)    : {rate(self.ingest_seconds)}  ({self.ingest_seconds:.2f} s)",
            f"ratio (communique pipeline ÷ bare parse of the same texts): {self.ratio:.2f}",
            "time per stage:                      total    ms/article  share of ingest",
        ]
        for name, seconds in self.stage_seconds.items():
            lines.append(
                f"  {name:<32} {seconds:7.2f} s {seconds * per_article:9.1f}"
                f"  {seconds / self.ingest_seconds:8.1%}"
            )
        lines.append(
            f"  (MinHash signatures alone: {self.signature_seconds * per_article:.2f} ms/article)"
        )
        lines.append(f"peak RSS: {self.peak_rss_mb:.0f} MB")
        return "\n".join(lines)


def run_benchmark(
    corpus: Path, pipeline: Pipeline, settings: Settings, limit: int = 200
) -> BenchReport:
    """Code the first ``limit`` documents of ``corpus`` and parse the same texts with bare spaCy.

    Returns:
        Per-stage times (the store writes included), the bare parse time of the
        extracted texts, and the peak RSS of the process.
    """
    docs = [
        item for item in islice(read_inputs([str(corpus)]), limit) if isinstance(item, RawDocument)
    ]
    batch_size = settings.spacy_batch_size
    nlp = load_pipeline(settings)  # the annotate stage's pipeline: loaded once per process
    _run_stages(pipeline, docs[:WARM_UP_DOCUMENTS], batch_size, {})  # load and warm up
    seconds: dict[str, float] = defaultdict(float)
    coded: list[CodedDocument] = []
    texts: list[str] = []
    for number, offset in enumerate(range(0, len(docs), batch_size)):
        # The bare parse of the batch right beside its pipeline run: a slower or faster spell
        # of a shared machine then weighs on both sides of the ratio alike. Whichever parses
        # a text second finds its words already in spaCy's vocabulary and runs faster, so
        # the two take turns at going first.
        bare_first = number % 2 == 1
        if bare_first:
            texts_ahead = _texts_of(pipeline, docs[offset : offset + batch_size])
            seconds[_BARE] += _bare_parse(nlp, texts_ahead)
        batch = _run_stages(pipeline, docs[offset : offset + batch_size], batch_size, seconds)
        coded.extend(batch)
        batch_texts = [doc.article.text for doc in batch if doc.article is not None]
        if not bare_first:
            seconds[_BARE] += _bare_parse(nlp, batch_texts)
        start = time.perf_counter()
        for text in batch_texts:
            dedup.text_signature(text)
        seconds[_SIGN] += time.perf_counter() - start
        texts.extend(batch_texts)
    bare, signing = seconds.pop(_BARE, 0.0), seconds.pop(_SIGN, 0.0)
    seconds[STORE_STAGE] = _time_store_writes(coded, batch_size)
    return BenchReport(
        corpus=str(corpus),
        documents=len(docs),
        words=sum(len(text.split()) for text in texts),
        bare_seconds=bare,
        pipeline_seconds=sum(s for name, s in seconds.items() if name != STORE_STAGE),
        stage_seconds=dict(seconds),
        signature_seconds=signing,
        peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )


def _bare_parse(nlp: Language, texts: Sequence[str]) -> float:
    """Seconds a bare ``nlp.pipe`` takes over ``texts``."""
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=max(len(texts), 1)):
        pass
    return time.perf_counter() - start


def _texts_of(pipeline: Pipeline, docs: Sequence[RawDocument]) -> list[str]:
    """The article texts the pipeline will parse, from its extracting stage, untimed."""
    extract = next(stage for stage in pipeline.stages if "article" in stage.produces)
    extracted = extract([CodedDocument(raw=doc) for doc in docs])
    return [doc.article.text for doc in extracted if doc.article is not None]


def _run_stages(
    pipeline: Pipeline,
    docs: Sequence[RawDocument],
    batch_size: int,
    seconds: dict[str, float],
) -> list[CodedDocument]:
    coded: list[CodedDocument] = []
    for offset in range(0, len(docs), batch_size):
        batch = [CodedDocument(raw=doc) for doc in docs[offset : offset + batch_size]]
        for stage in pipeline.stages:
            start = time.perf_counter()
            batch = list(stage(batch))
            seconds[stage.name] = seconds.get(stage.name, 0.0) + time.perf_counter() - start
        coded.extend(batch)
    return coded


def _time_store_writes(coded: Sequence[CodedDocument], batch_size: int) -> float:
    with (
        tempfile.TemporaryDirectory(prefix="communique-bench-") as folder,
        store.open_database(Path(folder) / "bench.duckdb") as connection,
    ):
        writer = store.StoreWriter(connection)
        start = time.perf_counter()
        for offset in range(0, len(coded), batch_size):
            writer.write(coded[offset : offset + batch_size])
        return time.perf_counter() - start


@dataclass(frozen=True, slots=True)
class StoreBenchReport:
    """Timings on a synthetic store: bulk insert, two analyst queries, the event clusters."""

    events: int
    articles: int
    insert_seconds: float
    dyad_seconds: float
    dyad_weeks: int
    filtered_seconds: float
    filtered_rows: int
    cluster_seconds: float
    clusters: int
    refresh_seconds: float
    refreshed: int
    file_mb: float

    def render(self) -> str:
        """A plain-text report."""
        rate = self.events / self.insert_seconds if self.insert_seconds else 0.0
        return "\n".join(
            [
                f"store: {self.events:,} synthetic events, {self.articles:,} articles "
                f"(temporary DuckDB file, {self.file_mb:,.0f} MB)",
                f"  bulk insert                {self.insert_seconds:8.2f} s  {rate:10,.0f} rows/s",
                f"  dyad USA→CHN weekly series {self.dyad_seconds * 1000:8.0f} ms "
                f"({self.dyad_weeks} weeks: counts per quad class, Goldstein sum and mean)",
                f"  filtered events            {self.filtered_seconds * 1000:8.0f} ms "
                f"(actor RUS, CAMEO root 19, one year, limit 100: {self.filtered_rows} rows)",
                f"  event clusters, all        {self.cluster_seconds:8.2f} s  "
                f"({self.clusters:,} clusters)",
                f"  event clusters, +{_NEW_ARTICLES:,} articles {self.refresh_seconds:5.2f} s  "
                f"({self.refreshed:,} clusters of the keys those events touch)",
            ]
        )


_NEW_ARTICLES = 1_000  # a day's ingest, for the incremental cluster refresh


def run_store_benchmark(events: int, *, chunk: int = 1_000_000, seed: int = 7) -> StoreBenchReport:
    """Fill a temporary database with ``events`` synthetic events and time the store.

    Times the bulk insert, ``aggregates.period_counts`` for one dyad by week,
    ``store.events`` with an actor, a CAMEO root, a year and a limit of 100, building
    every event cluster, and refreshing them after loading another 1,000 articles.

    Args:
        events: Events to generate (about 12 per article, a tenth of articles wire copies).
        chunk: Events inserted per transaction.
        seed: Seed of the generator (the same seed gives the same store).

    Returns:
        The timings; the temporary database is deleted afterwards.
    """
    synthetic = synthetic_store(events, seed=seed)
    later = synthetic_store(_NEW_ARTICLES * _EVENTS_PER_ARTICLE, seed=seed + 1, prefix="new-")
    with tempfile.TemporaryDirectory(prefix="communique-store-bench-") as folder:
        path = Path(folder) / "synthetic.duckdb"
        with store.open_database(path) as connection:
            writer = store.StoreWriter(connection)
            insert = _timed(lambda: _load(writer, synthetic, chunk))[0]
            dyad_seconds, dyad = _timed(
                lambda: aggregates.period_counts(
                    connection, store.EventFilter(source="USA", target="CHN"), by="week"
                )
            )
            where = store.EventFilter(
                actor="RUS", cameo="19", since="2022-01-01", until="2022-12-31", limit=100
            )
            filtered_seconds, filtered = _timed(lambda: store.events(connection, where))
            cluster_seconds, clusters = _timed(writer.refresh_event_clusters)
            _load(writer, later, chunk)
            refresh_seconds, refreshed = _timed(writer.refresh_event_clusters)
            connection.execute("CHECKPOINT")
        return StoreBenchReport(
            events=events,
            articles=synthetic.articles.num_rows,
            insert_seconds=insert,
            dyad_seconds=dyad_seconds,
            dyad_weeks=len(dyad),
            filtered_seconds=filtered_seconds,
            filtered_rows=len(filtered),
            cluster_seconds=cluster_seconds,
            clusters=clusters,
            refresh_seconds=refresh_seconds,
            refreshed=refreshed,
            file_mb=path.stat().st_size / 2**20,
        )


def _load(writer: store.StoreWriter, synthetic: SyntheticStore, chunk: int) -> None:
    writer.load("articles", synthetic.articles)
    writer.load("duplicates", synthetic.duplicates)
    for offset in range(0, synthetic.events.num_rows, chunk):
        writer.load("events", synthetic.events.slice(offset, chunk))


def _timed(work: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


# The synthetic store: distributions shaped like news event data (GDELT-like shares).
_DAYS = 5 * 365 + 1  # 2020-01-01 to 2024-12-31
_FIRST_DAY = 18_262  # 2020-01-01 as days since 1970-01-01
_EVENTS_PER_ARTICLE = 12  # 17,357 events from 1,493 AllSides articles
_COPY_SHARE = 0.1
_OUTLETS = 500
_MAJOR_COUNTRIES = (
    "USA", "CHN", "RUS", "GBR", "FRA", "DEU", "UKR", "IRN", "ISR", "IND", "PRK", "KOR", "JPN",
    "SYR", "TUR", "SAU", "PAK", "AFG", "IRQ", "PSE", "EGY", "MEX", "BRA", "CAN", "AUS", "VEN",
)  # fmt: skip
_SECTORS = ("", "GOV", "MIL", "REB", "OPP", "BUS", "MED", "CVL", "COP", "JUD", "LEG", "EDU")
_SECTOR_WEIGHTS = (30, 30, 10, 3, 3, 5, 4, 6, 3, 2, 3, 1)
_ROOT_WEIGHTS = {
    "01": 20, "02": 6, "03": 6, "04": 20, "05": 8, "06": 3, "07": 3, "08": 3, "09": 2,
    "10": 3, "11": 6, "12": 3, "13": 3, "14": 3, "15": 1, "16": 2, "17": 4, "18": 3,
    "19": 5, "20": 0.3,
}  # fmt: skip
_MODALITIES = ("asserted", "possible", "intended", "negated", "conditional")


@dataclass(frozen=True, slots=True)
class SyntheticStore:
    """Arrow tables in the store's column layout: events, their articles, wire copies."""

    events: pa.Table
    articles: pa.Table
    duplicates: pa.Table


def synthetic_store(events: int, seed: int = 7, prefix: str = "") -> SyntheticStore:
    """Generate ``events`` events (vectorised) over 5 years, 200 countries and 12 sectors.

    Actors are Zipf-distributed (the first countries are the most reported), CAMEO codes
    come from the ontology table with GDELT-like root shares, an article has about 12
    events, and a tenth of the articles are wire copies repeating an original's events.
    Ids start with ``prefix`` (then ``e`` or ``d`` and a number), so stores generated with
    different prefixes can be loaded into one database.
    """
    rng = np.random.default_rng(seed)
    articles = max(1, events // _EVENTS_PER_ARTICLE)
    day = rng.integers(0, _DAYS, articles)
    copy = rng.random(articles) < _COPY_SHARE
    copy[0] = False
    original = rng.choice(np.flatnonzero(~copy), size=articles)
    day[copy] = day[original[copy]] + rng.integers(0, 2, int(copy.sum()))
    article_of = np.sort(rng.integers(0, articles, events))
    actors, names = _actor_table()
    sector = rng.choice(len(_SECTORS), size=(2, events), p=_weights(_SECTOR_WEIGHTS))
    country = _zipf(rng, len(actors) // len(_SECTORS), (2, events))
    actor = country * len(_SECTORS) + sector
    codes, quad, goldstein, kinds = _cameo_table()
    cameo = rng.choice(len(codes), size=events, p=_code_weights(codes))
    event_day = day[article_of] - (rng.random(events) < 0.15)
    fields = np.stack([actor[0], actor[1], cameo, event_day])
    _copy_events(fields, article_of, copy, original)
    has_target = rng.random(events) < 0.85
    doc_ids = _ids(prefix + "d", articles)
    table = pa.table(
        {
            "id": _ids(prefix + "e", events),
            "doc_id": doc_ids.take(pa.array(article_of)),
            "source_code": _pick(actors, fields[0]),
            "source_name": _pick(names, fields[0]),
            "target_code": _pick(actors, fields[1], has_target),
            "target_name": _pick(names, fields[1], has_target),
            "type": _pick(kinds, fields[2]),
            "cameo": _pick(codes, fields[2]),
            "quad_class": pa.array(quad[fields[2]], type=pa.int8()),
            "goldstein": pa.array(goldstein[fields[2]]),
            "modality": _pick(
                list(_MODALITIES), rng.choice(5, size=events, p=_weights((85, 6, 4, 4, 1)))
            ),
            "date": pa.array((fields[3] + _FIRST_DAY).astype(np.int32)).cast(pa.date32()),
            "sentence": pa.array(rng.integers(0, 30, events).astype(np.int32)),
            "start": pa.array(np.zeros(events, dtype=np.int32)),
            "end": pa.array(np.full(events, 120, dtype=np.int32)),
            "evidence": _pick(_evidence(rng), rng.integers(0, 1000, events)),
            "confidence": pa.array(rng.uniform(0.5, 1.0, events)),
            "producer": _pick(["bench.synthetic.v1"], np.zeros(events, dtype=np.int64)),
        }
    )
    outlet = _zipf(rng, _OUTLETS, articles)
    article_table = pa.table(
        {
            "doc_id": doc_ids,
            "source": _pick([f"Outlet {n}" for n in range(_OUTLETS)], outlet),
            "text": _pick([""], np.zeros(articles, dtype=np.int64)),
            "published": pa.array((day + _FIRST_DAY).astype(np.int32))
            .cast(pa.date32())
            .cast(pa.string()),
        }
    )
    copies = np.flatnonzero(copy)
    duplicates = pa.table(
        {
            "doc_id": doc_ids.take(pa.array(copies)),
            "duplicate_of": doc_ids.take(pa.array(original[copies])),
            "similarity": pa.array(rng.uniform(0.5, 1.0, len(copies))),
        }
    )
    return SyntheticStore(events=table, articles=article_table, duplicates=duplicates)


def _copy_events(
    fields: npt.NDArray[np.int64],
    article_of: npt.NDArray[np.int64],
    copy: npt.NDArray[np.bool_],
    original: npt.NDArray[np.int64],
) -> None:
    """Give each event of a wire copy the actors, code and date of one of its original's."""
    first = np.searchsorted(article_of, np.arange(len(copy)))
    count = np.diff(np.append(first, len(article_of)))
    rows = np.flatnonzero(copy[article_of])
    source = original[article_of[rows]]
    usable = count[source] > 0
    rows, source = rows[usable], source[usable]
    offset = (rows - first[article_of[rows]]) % count[source]
    fields[:, rows] = fields[:, first[source] + offset]


def _actor_table() -> tuple[list[str], list[str]]:
    countries = list(_MAJOR_COUNTRIES)
    countries += sorted({c.alpha_3 for c in pycountry.countries} - set(countries))
    countries = countries[:200]
    codes, names = [], []
    for code in countries:
        country = pycountry.countries.get(alpha_3=code)
        name = country.name if country is not None else code
        for sector in _SECTORS:
            codes.append(code + sector)
            names.append(f"{name} {sector.lower()}".strip())
    return codes, names


def _cameo_table() -> tuple[list[str], npt.NDArray[np.int8], npt.NDArray[np.float64], list[str]]:
    codes = list(load_ontology().codes())
    return (
        [c.code for c in codes],
        np.array([c.quad_class for c in codes], dtype=np.int8),
        np.array([c.goldstein for c in codes]),
        [c.plover_type or "OTHER" for c in codes],
    )


def _code_weights(codes: Sequence[str]) -> npt.NDArray[np.float64]:
    per_root = {root: sum(c[:2] == root for c in codes) for root in _ROOT_WEIGHTS}
    return _weights([_ROOT_WEIGHTS[c[:2]] / per_root[c[:2]] for c in codes])


def _weights(values: Sequence[float] | npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    array = np.asarray(values, dtype=np.float64)
    normalised: npt.NDArray[np.float64] = array / array.sum()
    return normalised


def _zipf(
    rng: np.random.Generator, size: int, shape: int | tuple[int, ...]
) -> npt.NDArray[np.int64]:
    drawn: npt.NDArray[np.int64] = rng.choice(
        size, size=shape, p=_weights(1 / np.arange(1, size + 1))
    )
    return drawn


def _pick(
    values: Sequence[str], index: npt.NDArray[np.int64], valid: npt.NDArray[np.bool_] | None = None
) -> pa.Array:
    """``values[index]`` as a dictionary array (NULL where not ``valid``): no string per row."""
    indices = pa.array(index.astype(np.int32), mask=None if valid is None else ~valid)
    return pa.DictionaryArray.from_arrays(indices, pa.array(values, type=pa.string()))


def _ids(prefix: str, count: int) -> pa.Array:
    numbers = pa.array(np.arange(count)).cast(pa.string())
    return pc.binary_join_element_wise(prefix, numbers, "")


def _evidence(rng: np.random.Generator) -> list[str]:
    words = ("officials", "said", "talks", "troops", "border", "minister", "warned", "aid")
    return [" ".join(rng.choice(words, size=18)).capitalize() + "." for _ in range(1000)]
