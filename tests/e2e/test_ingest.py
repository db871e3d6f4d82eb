"""End to end: `communique ingest` is idempotent, resumable after a crash, and keeps rejections."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import textwrap
from importlib.resources import files
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from communique import store
from communique.cli.ingest import ingest_command
from communique.pipeline.ingest import IngestProgress, ingest_paths
from communique.settings import Settings
from communique.store import writer as store_writer

pytestmark = pytest.mark.model
SAMPLES = str(files("communique") / "samples")
ONE_PER_BATCH = Settings(ingest_batch_size=1)


def _rows(db: Path) -> dict[str, int]:
    """Rows per table, leaving out runs (every run adds one, by design)."""
    with store.open_database(db, read_only=True) as connection:
        return {k: v for k, v in store.counts(connection).items() if k != "runs"}


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """The rows of one clean ingest of the samples."""
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    summary = ingest_paths([SAMPLES], db, ONE_PER_BATCH)
    assert (summary.new, summary.coded, summary.rejected) == (4, 4, 0)
    return _rows(db)


def test_ingest_twice_adds_nothing_the_second_time(
    tmp_path: Path, uninterrupted: dict[str, int]
) -> None:
    db = tmp_path / "twice.duckdb"
    first = ingest_paths([SAMPLES], db)
    assert _rows(db) == uninterrupted
    assert uninterrupted["articles"] == 4
    assert uninterrupted["actor_mentions"] > 0 and uninterrupted["events"] > 0
    second = ingest_paths([SAMPLES], db)
    assert (second.new, second.skipped, second.rejected, second.events) == (0, 4, 0, 0)
    assert _rows(db) == uninterrupted
    with store.open_database(db, read_only=True) as connection:
        runs = store.runs(connection)
    assert runs["id"].tolist() == [first.run_id, second.run_id]
    assert runs["finished_at"].notna().all()
    assert json.loads(runs.loc[1, "counts"])["skipped"] == 4
    assert '"spacy_model": "spacy.en_core_web_sm' in runs.loc[0, "versions"]


def test_ingest_resumes_after_a_crash_between_batches(
    tmp_path: Path, uninterrupted: dict[str, int]
) -> None:
    db = tmp_path / "crashed.duckdb"

    def crash_after_two(progress: IngestProgress) -> None:
        if progress.read == 2:
            raise KeyboardInterrupt  # as if the process died once batch 2 committed

    with pytest.raises(KeyboardInterrupt):
        ingest_paths([SAMPLES], db, ONE_PER_BATCH, progress=crash_after_two)
    assert _rows(db)["documents"] == 2
    resumed = ingest_paths([SAMPLES], db, ONE_PER_BATCH)
    assert (resumed.new, resumed.skipped) == (2, 2)
    assert _rows(db) == uninterrupted


def test_ingest_resumes_after_a_crash_inside_a_batch(
    tmp_path: Path, uninterrupted: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "torn.duckdb"
    insert = store_writer.StoreWriter._insert
    calls = {"actor_mentions": 0}

    def torn(self: store_writer.StoreWriter, table: str, rows: object) -> int:
        if table == "actor_mentions":
            calls[table] += 1
            if calls[table] == 3:  # documents and articles of batch 3 are already inserted
                raise MemoryError("simulated crash in the middle of a transaction")
        return insert(self, table, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(store_writer.StoreWriter, "_insert", torn)
    with pytest.raises(MemoryError):
        ingest_paths([SAMPLES], db, ONE_PER_BATCH)
    monkeypatch.undo()
    assert _rows(db)["documents"] == 2 and _rows(db)["articles"] == 2
    ingest_paths([SAMPLES], db, ONE_PER_BATCH)
    assert _rows(db) == uninterrupted


def test_ingest_resumes_after_kill_9_mid_transaction(
    tmp_path: Path, uninterrupted: dict[str, int]
) -> None:
    db = tmp_path / "killed.duckdb"
    script = textwrap.dedent(
        f"""
        import os, signal
        from communique.pipeline.ingest import ingest_paths
        from communique.settings import Settings
        from communique.store.writer import StoreWriter
        insert, seen = StoreWriter._insert, []
        def die_in_batch_3(self, table, rows):
            seen.append(table)
            if seen.count("articles") == 3:  # batch 3: documents and articles written, uncommitted
                os.kill(os.getpid(), signal.SIGKILL)
            return insert(self, table, rows)
        StoreWriter._insert = die_in_batch_3
        ingest_paths([{SAMPLES!r}], {str(db)!r}, Settings(ingest_batch_size=1))
        """
    )
    killed = subprocess.run([sys.executable, "-c", script], capture_output=True, check=False)
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    assert _rows(db)["documents"] == 2  # the WAL replays batches 1-2 only
    resumed = ingest_paths([SAMPLES], db, ONE_PER_BATCH)
    assert (resumed.new, resumed.skipped) == (2, 2)
    assert _rows(db) == uninterrupted


def test_ingest_stores_bad_inputs_as_rejections_once(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(Path(SAMPLES) / "baltic_patrols.txt", inputs)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (inputs / "broken.jsonl").write_text('{"id": "x", "text": "fine words here."}\nnot json\n')
    db = tmp_path / "bad.duckdb"
    summary = ingest_paths([str(inputs)], db)
    assert summary.rejected >= 3 and summary.coded >= 1
    with store.open_database(db, read_only=True) as connection:
        rejected = store.rejections(connection)
    assert {"empty", "binary", "not-json"} <= set(rejected["reason"])
    assert ingest_paths([str(inputs)], db).rejected == 0
    with store.open_database(db, read_only=True) as connection:
        assert len(store.rejections(connection)) == len(rejected)


def test_ingest_command_prints_progress_and_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = typer.Typer()
    app.command()(ingest_command)
    monkeypatch.setenv("COMMUNIQUE_DB", str(tmp_path / "env.duckdb"))
    result = CliRunner().invoke(app, [SAMPLES, "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    assert "2 read · 2 new" in result.stderr and "documents/s" in result.stderr
    assert "4 new documents (4 coded), 0 skipped as already stored, 0 rejected" in result.stderr
    assert (tmp_path / "env.duckdb").is_file()
    again = CliRunner().invoke(app, [SAMPLES, "--db", str(tmp_path / "env.duckdb")])
    assert "0 new documents (0 coded), 4 skipped as already stored" in again.stderr
