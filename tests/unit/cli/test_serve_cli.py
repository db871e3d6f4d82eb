"""`communique serve`: opens the database first, then hands the app to uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from communique.cli import serve as serve_module
from communique.errors import StorageError
from communique.testing import fill_sample_store

app = typer.Typer()
app.command()(serve_module.serve_command)


def test_serve_opens_the_database_and_runs_uvicorn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "served.duckdb"
    fill_sample_store(db)
    calls: list[dict[str, Any]] = []

    def fake_run(application: Any, **options: Any) -> None:
        calls.append({"app": application, **options})
        application.state.communique.close()

    monkeypatch.setattr(serve_module.uvicorn, "run", fake_run)
    monkeypatch.delenv("COMMUNIQUE_API_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["--db", str(db), "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0, result.output
    (call,) = calls
    assert (call["host"], call["port"]) == ("0.0.0.0", 8123)
    assert call["app"].state.communique.db == db
    assert "http://0.0.0.0:8123/" in result.output and "writes off" in result.output


def test_serve_fails_in_one_line_on_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bogus = tmp_path / "not.duckdb"
    bogus.write_text("hello")
    result = CliRunner().invoke(app, ["--db", str(bogus)])
    assert isinstance(result.exception, StorageError)
    assert "not a DuckDB database" in str(result.exception)
