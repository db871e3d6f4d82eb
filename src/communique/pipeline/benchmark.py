"""Throughput benchmark: the whole pipeline beside a bare spaCy parse of the same texts."""

from __future__ import annotations

import resource
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from communique.annotate import load_pipeline
from communique.ingest import read_inputs
from communique.pipeline._stage import Pipeline
from communique.records import CodedDocument, RawDocument
from communique.settings import Settings


@dataclass(frozen=True, slots=True)
class BenchReport:
    """Timings of one benchmark run; ratios compare runs made in the same process."""

    corpus: str
    documents: int
    words: int
    bare_seconds: float
    pipeline_seconds: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: float = 0.0

    @property
    def ratio(self) -> float:
        """communique throughput ÷ bare parse throughput (1.0 = no overhead)."""
        return self.bare_seconds / self.pipeline_seconds if self.pipeline_seconds else 0.0

    def render(self) -> str:
        """A plain-text report."""

        def rate(seconds: float) -> str:
            return (
                f"{self.documents / seconds:8.1f} articles/s {self.words / seconds:10.0f} words/s"
            )

        lines = [
            f"corpus: {self.corpus} ({self.documents} articles, {self.words:,} words)",
            f"bare spaCy nlp.pipe : {rate(self.bare_seconds)}  ({self.bare_seconds:.2f} s)",
            f"communique pipeline : {rate(self.pipeline_seconds)}  ({self.pipeline_seconds:.2f} s)",
            f"ratio (communique ÷ bare parse): {self.ratio:.2f}",
            "time per stage:",
        ]
        for name, seconds in self.stage_seconds.items():
            lines.append(f"  {name:<28} {seconds:7.2f} s  {seconds / self.pipeline_seconds:6.1%}")
        lines.append(f"peak RSS: {self.peak_rss_mb:.0f} MB")
        return "\n".join(lines)


def run_benchmark(
    corpus: Path, pipeline: Pipeline, settings: Settings, limit: int = 200
) -> BenchReport:
    """Code the first ``limit`` documents of ``corpus`` and parse the same texts with bare spaCy."""
    docs = [
        item for item in islice(read_inputs([str(corpus)]), limit) if isinstance(item, RawDocument)
    ]
    nlp = load_pipeline(settings)
    texts = [doc.text for doc in docs]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.spacy_batch_size):
        pass
    bare = time.perf_counter() - start
    stage_seconds = _time_stages(pipeline, docs, settings.spacy_batch_size)
    return BenchReport(
        corpus=str(corpus),
        documents=len(docs),
        words=sum(len(text.split()) for text in texts),
        bare_seconds=bare,
        pipeline_seconds=sum(stage_seconds.values()),
        stage_seconds=stage_seconds,
        peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )


def _time_stages(
    pipeline: Pipeline, docs: Sequence[RawDocument], batch_size: int
) -> dict[str, float]:
    seconds: dict[str, float] = defaultdict(float)
    for offset in range(0, len(docs), batch_size):
        batch = [CodedDocument(raw=doc) for doc in docs[offset : offset + batch_size]]
        for stage in pipeline.stages:
            start = time.perf_counter()
            batch = list(stage(batch))
            seconds[stage.name] += time.perf_counter() - start
    return dict(seconds)
