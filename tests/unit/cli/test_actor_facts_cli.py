"""`communique actors facts`: list the learned roles, forget some."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from communique import store
from communique.cli import app
from communique.records import RoleFact

GOOD = RoleFact("Elsa Varjonen", "Defence Minister", "FINGOV", "FIN", "GOV", None, date(2024, 1, 2))
JUNK = RoleFact("Kim", "mainland is now and his defense sector is", "USAGOV", "USA", "GOV",
                None, date(2018, 1, 1))  # fmt: skip


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "facts.duckdb"
    with store.open_database(db) as connection:
        store.StoreWriter(connection).write([], role_facts=[GOOD, JUNK])
    return db


def _facts(db: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(app, ["actors", "facts", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_facts_lists_every_fact_and_marks_unusable_ones(tmp_path: Path) -> None:
    facts = {row["name"]: row for row in _facts(_store(tmp_path))}
    assert facts["Elsa Varjonen"]["usable"] is True
    assert facts["Kim"]["usable"] is False


def test_facts_remove_unusable_and_by_name(tmp_path: Path) -> None:
    db = _store(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["actors", "facts", "--db", str(db), "--remove-unusable"])
    assert result.exit_code == 0, result.output
    assert "forgot 1" in result.stdout
    assert [row["name"] for row in _facts(db)] == ["Elsa Varjonen"]
    result = runner.invoke(
        app, ["actors", "facts", "--db", str(db), "--remove", "Elsa Varjonen", "--remove", "Nobody"]
    )
    assert result.exit_code == 0, result.output
    assert "forgot 1" in result.stdout
    assert "no role is remembered for 'Nobody'" in result.output
    assert _facts(db) == []
