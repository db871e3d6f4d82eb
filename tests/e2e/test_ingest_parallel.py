"""Ingest with --workers and --dask stores what a serial ingest stores."""

from importlib.resources import files
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique import store
from communique.cli import app
from communique.pipeline.ingest import ingest_paths
from communique.settings import Settings

pytestmark = pytest.mark.model
SAMPLES = str(files("communique") / "samples")


def _rows(db: Path) -> dict[str, int]:
    with store.open_database(db, read_only=True) as connection:
        # runs: one per run; role_facts: parallel runs learn none (runners/pool.py)
        return {
            k: v for k, v in store.counts(connection).items() if k not in ("runs", "role_facts")
        }


def test_parallel_ingest_stores_what_serial_ingest_stores(tmp_path: Path) -> None:
    settings = Settings(ingest_batch_size=3, spacy_batch_size=2)
    ingest_paths([SAMPLES], tmp_path / "serial.duckdb", settings)
    serial = _rows(tmp_path / "serial.duckdb")
    pooled = ingest_paths([SAMPLES], tmp_path / "pool.duckdb", settings, workers=2)
    assert (pooled.read, pooled.new, pooled.coded) == (4, 4, 4)
    assert _rows(tmp_path / "pool.duckdb") == serial
    again = ingest_paths([SAMPLES, SAMPLES], tmp_path / "pool.duckdb", settings, workers=2)
    assert (again.read, again.new, again.skipped) == (8, 0, 8)
    dasked = ingest_paths([SAMPLES], tmp_path / "dask.duckdb", settings, workers=2, dask="local")
    assert (dasked.new, dasked.coded) == (4, 4)
    assert _rows(tmp_path / "dask.duckdb") == serial


def test_cli_ingest_workers(tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    result = CliRunner().invoke(app, ["ingest", SAMPLES, "--db", str(db), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert _rows(db)["documents"] == 4
