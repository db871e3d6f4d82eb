"""The same input into fresh stores gives the same rows serially, with --workers, on
--dask local and with any --batch-size; roles learned in a run reach the next run.

The articles here are written by us (fictional wording about real offices).
"""

from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from communique import store
from communique.cli import app
from communique.pipeline.ingest import ingest_paths
from communique.settings import Settings

pytestmark = [pytest.mark.model, pytest.mark.slow]
SAMPLES = str(files("communique") / "samples")
# The first article names a minister with her title; the others name her bare, which only a
# remembered role can code. Which of them come before the others depends on the batching.
ROLE_ARTICLES = {
    "a_title.txt": "Finnish Defence Minister Elsa Varjonen met her Swedish counterpart in "
    "Stockholm on Monday to discuss air defence.\n",
    "b_bare.txt": "Varjonen said on Tuesday that Finland would buy more air defence systems "
    "from Norway.\n",
    "c_bare.txt": "Varjonen criticised Russia over airspace violations near the border.\n",
}
# Columns that differ between runs by design: ids of runs and times of writing.
_VOLATILE = {"run_id", "ingested_at", "at", "started_at", "finished_at"}
_TABLES = ("documents", "articles", "actor_mentions", "events", "quotes", "role_facts")


def _write_articles(folder: Path) -> str:
    folder.mkdir()
    for name, text in ROLE_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return str(folder)


def _rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row of the coded tables, without volatile columns, in a stable order."""
    found = {}
    with store.open_database(db, read_only=True) as connection:
        for table in _TABLES:
            columns = [
                row[0]
                for row in connection.execute(f"DESCRIBE {table}").fetchall()
                if row[0] not in _VOLATILE and row[1] != "BLOB"
            ]
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = connection.execute(f"SELECT {quoted} FROM {table} ORDER BY ALL").fetchall()
            found[table] = rows
    return found


def test_every_runner_and_batch_size_stores_the_same_rows(tmp_path: Path) -> None:
    inputs = [SAMPLES, _write_articles(tmp_path / "roles")]
    settings = Settings(ingest_batch_size=3, spacy_batch_size=2)
    ingest_paths(inputs, tmp_path / "serial.duckdb", settings)
    serial = _rows(tmp_path / "serial.duckdb")
    assert serial["events"], "the samples must give events to compare"
    small = settings.model_copy(update={"ingest_batch_size": 16, "spacy_batch_size": 16})
    ingest_paths(inputs, tmp_path / "batch16.duckdb", small)
    assert _rows(tmp_path / "batch16.duckdb") == serial
    one = settings.model_copy(update={"ingest_batch_size": 1, "spacy_batch_size": 1})
    ingest_paths(inputs, tmp_path / "batch1.duckdb", one)
    assert _rows(tmp_path / "batch1.duckdb") == serial
    pooled = ingest_paths(inputs, tmp_path / "pool.duckdb", settings, workers=2)
    assert (pooled.read, pooled.new, pooled.coded) == (7, 7, 7)
    assert _rows(tmp_path / "pool.duckdb") == serial
    again = ingest_paths([*inputs, SAMPLES], tmp_path / "pool.duckdb", settings, workers=2)
    assert (again.read, again.new, again.skipped) == (11, 0, 11)
    dasked = ingest_paths(inputs, tmp_path / "dask.duckdb", settings, workers=2, dask="local")
    assert (dasked.new, dasked.coded) == (7, 7)
    assert _rows(tmp_path / "dask.duckdb") == serial


def test_roles_learned_in_a_run_reach_the_next_run_only(tmp_path: Path) -> None:
    folder = _write_articles(tmp_path / "roles")
    db = tmp_path / "roles.duckdb"
    ingest_paths([folder], db, Settings())
    with store.open_database(db, read_only=True) as connection:
        facts = {fact.name: fact.code for fact in store.role_facts(connection)}
        coded_in = connection.execute(
            "SELECT DISTINCT d.origin FROM actor_mentions m JOIN documents d ON d.id = m.doc_id"
            " WHERE m.name LIKE '%Varjonen%' AND m.code LIKE 'FIN%'"
        ).fetchall()
    assert facts.get("Elsa Varjonen") == "FINGOV"
    # only the titled article: no document of the run saw another's role
    assert [Path(origin).name for (origin,) in coded_in] == ["a_title.txt"]
    later = tmp_path / "later"
    later.mkdir()
    (later / "d.txt").write_text(
        "Varjonen announced a joint exercise with Estonia next spring.\n", encoding="utf-8"
    )
    ingest_paths([str(later)], db, Settings())
    with store.open_database(db, read_only=True) as connection:
        coded = connection.execute(
            "SELECT code FROM actor_mentions m JOIN documents d ON d.id = m.doc_id"
            " WHERE d.origin LIKE '%d.txt' AND m.name LIKE '%Varjonen%'"
        ).fetchall()
    assert coded and all(code.startswith("FIN") for (code,) in coded)


def test_cli_ingest_workers(tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    result = CliRunner().invoke(app, ["ingest", SAMPLES, "--db", str(db), "--workers", "2"])
    assert result.exit_code == 0, result.output
    with store.open_database(db, read_only=True) as connection:
        assert store.counts(connection)["documents"] == 4
