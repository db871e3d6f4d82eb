"""End to end: ingest links a wire copy of a sample article and clusters its events once."""

from __future__ import annotations

import json
import shutil
from importlib.resources import files
from pathlib import Path

import pytest

from communique import store
from communique.pipeline.benchmark import run_store_benchmark
from communique.pipeline.ingest import IngestProgress, ingest_paths
from communique.settings import Settings

pytestmark = pytest.mark.model
SAMPLES = Path(str(files("communique") / "samples"))
ORIGINAL = "sample-brasilia-visit"


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """The samples plus a wire copy of the Brasilia article: another first line, another outlet."""
    folder = tmp_path / "inputs"
    shutil.copytree(SAMPLES, folder, ignore=shutil.ignore_patterns("README.md"))
    record = next(
        json.loads(line)
        for line in (SAMPLES / "wire.jsonl").read_text("utf-8").splitlines()
        if json.loads(line)["id"] == ORIGINAL
    )
    rest = record["text"].split("\n", 1)[1]
    record.update(
        id="other-wire-copy",
        source="Other Wire",
        url="https://other.example/world/brasilia",
        text="By Other Wire staff, May 20.\n" + rest,
    )
    (folder / "zz_copy.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return folder


def _state(db: Path) -> tuple[dict[str, str], list[tuple[object, ...]]]:
    """The duplicate links and the event clusters, sorted."""
    with store.open_database(db, read_only=True) as connection:
        links = dict(connection.execute("SELECT doc_id, duplicate_of FROM duplicates").fetchall())
        clusters = connection.execute(
            "SELECT cluster_id, source_code, target_code, cameo, first_date, last_date,"
            " num_mentions, num_articles, num_sources FROM event_clusters ORDER BY cluster_id"
        ).fetchall()
    return links, clusters


def test_ingest_links_a_wire_copy_and_counts_it_as_a_mention_only(
    inputs: Path, tmp_path: Path
) -> None:
    db = tmp_path / "dedup.duckdb"
    summary = ingest_paths([str(inputs)], db)
    assert (summary.new, summary.duplicates) == (5, 1) and summary.clusters > 0
    links, _ = _state(db)
    assert links == {"other-wire-copy": ORIGINAL}  # the distinct samples are not linked
    with store.open_database(db, read_only=True) as connection:
        shared = connection.execute(
            """SELECT c.cluster_id, c.num_mentions, c.num_articles, c.num_sources,
                   count(DISTINCT e.doc_id) AS documents
               FROM event_clusters AS c JOIN events AS e
                 ON e.source_code = c.source_code AND left(e.cameo, 2) = c.cameo
                 AND e.target_code IS NOT DISTINCT FROM c.target_code
                 AND e."date" BETWEEN c.first_date AND c.last_date
               GROUP BY ALL HAVING bool_or(e.doc_id = 'other-wire-copy')
                 AND bool_or(e.doc_id = ?)""",
            [ORIGINAL],
        ).fetchall()
        mentions, listed = connection.execute(
            "SELECT sum(num_mentions), (SELECT count(*) FROM events) FROM event_clusters"
        ).fetchone()  # type: ignore[misc]
    assert shared, "the copy repeats at least one event of the original"
    for _, num_mentions, num_articles, num_sources, documents in shared:  # per cluster
        assert documents == 2 and num_mentions >= 2
        assert (num_articles, num_sources) == (1, 1)  # the copy adds no article, no outlet
    assert mentions == listed  # every event is in exactly one cluster


def test_ingest_dedup_and_clusters_are_idempotent_and_resumable(
    inputs: Path, tmp_path: Path
) -> None:
    clean = tmp_path / "clean.duckdb"
    ingest_paths([str(inputs)], clean, Settings(ingest_batch_size=2))
    expected = _state(clean)
    again = ingest_paths([str(inputs)], clean)
    assert (again.new, again.duplicates, again.clusters) == (0, 0, 0)
    assert _state(clean) == expected

    def crash_after_four(progress: IngestProgress) -> None:
        if progress.read == 4:
            raise KeyboardInterrupt  # batches 1-2 committed, the clusters not refreshed

    crashed = tmp_path / "crashed.duckdb"
    with pytest.raises(KeyboardInterrupt):
        ingest_paths(
            [str(inputs)], crashed, Settings(ingest_batch_size=2), progress=crash_after_four
        )
    ingest_paths([str(inputs)], crashed, Settings(ingest_batch_size=2))
    assert _state(crashed) == expected


def test_store_benchmark_runs_on_a_tiny_synthetic_store() -> None:
    report = run_store_benchmark(2_000, chunk=500)
    assert report.events == 2_000 and report.articles == 166
    assert report.dyad_weeks > 0 and 0 < report.filtered_rows <= 100
    assert report.clusters > 0
    assert "rows/s" in report.render()
