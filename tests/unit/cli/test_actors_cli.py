"""`communique actors import`: a thin command over ``import_actors``."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli.actors import app
from communique.errors import InputError

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "actors" / "petrarch_actors.txt"


def test_actors_import_prints_the_summary_and_is_idempotent(tmp_path: Path) -> None:
    args = ["import", str(FIXTURE), "--data-dir", str(tmp_path)]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    target = tmp_path / "actors" / "people.tsv"
    assert first.stdout == (
        f"7 actors, 14 terms: 7 added, 0 updated, 0 unchanged, 1 without a code → {target}\n"
    )
    again = CliRunner().invoke(app, args)
    assert "7 added" not in again.stdout and "0 added, 0 updated, 7 unchanged" in again.stdout


def test_actors_import_uses_the_data_dir_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMMUNIQUE_DATA_DIR", str(tmp_path / "mine"))
    result = CliRunner().invoke(app, ["import", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "mine" / "actors" / "people.tsv").is_file()


def test_actors_import_bad_line_is_an_input_error_or_a_lenient_skip(tmp_path: Path) -> None:
    bad = tmp_path / "agents.txt"
    bad.write_text("GOOD_ [USAGOV]\nMINISTER [~GOV]\n", encoding="utf-8")
    args = ["import", str(bad), "--data-dir", str(tmp_path)]
    strict = CliRunner().invoke(app, args)
    assert isinstance(strict.exception, InputError)  # main() turns it into one line, exit 2
    assert f"{bad}:2: " in str(strict.exception)
    lenient = CliRunner().invoke(app, [*args, "--lenient"])
    assert lenient.exit_code == 0, lenient.output
    assert f"skipped {bad}:2: " in lenient.stderr
    assert lenient.stdout.startswith("1 actors, 1 terms: 1 added")
    assert ", 1 lines skipped →" in lenient.stdout
