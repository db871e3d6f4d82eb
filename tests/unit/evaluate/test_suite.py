"""``communique eval all``: the suite's table, the generated docs tables, errors, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.cli.evaluate import BEGIN_MARK, END_MARK, replace_generated
from communique.errors import InputError
from communique.evaluate.suite import SUITE, quality_tables, render_table, run_suite

RESULT = {
    "run": {"date": "2026-12-03", "split": "check", "spacy_model": "m 1", "seconds": 12.0},
    "sets": {
        "events/conflibert": {
            "split": "check",
            "n": 600,
            "metrics": {"class accuracy": 0.5, "class macro F1": 0.4},
        },
        "events/articles": {
            "split": "check",
            "n": 17,
            "metrics": {"recall (required)": 0.3, "precision (all coded)": None},
        },
        "extraction/fundus": {"split": "check", "n": 40, "metrics": {"body F1": 0.95}},
    },
    "baselines": {
        "events/conflibert": {
            "system": "bag of words",
            "task": "quad class",
            "metrics": {"accuracy": 0.7, "macro F1": 0.6},
            "coder": {"class accuracy": 0.5},
        },
        "extraction/fundus": {"system": "trafilatura", "metrics": {"body F1": 0.94}},
    },
}


def test_render_table_has_a_line_per_set_and_the_baselines() -> None:
    text = render_table(RESULT)
    assert "events/conflibert  n=600 (check); class accuracy 0.500" in text
    assert "events/articles    n=17 (check); recall (required) 0.300" in text
    assert "quad class]: accuracy 0.700, macro F1 0.600; coder class accuracy 0.500" in text


def test_quality_tables_put_the_baseline_beside_the_coder_figure() -> None:
    table = quality_tables(RESULT)
    row = "| `events/conflibert` | check | 600 | class accuracy | 0.500 | 0.700 (bag of words) |"
    assert row in table
    assert "| `extraction/fundus` | check | 40 | body F1 | 0.950 | 0.940 (trafilatura) |" in table
    assert "precision (all coded)" not in table  # undefined figures are left out
    assert "class macro F1" not in table  # only headline figures


def test_replace_generated_rewrites_between_the_markers_only(tmp_path: Path) -> None:
    doc = tmp_path / "quality.md"
    doc.write_text(f"# Q\n\nbefore\n{BEGIN_MARK}\nold\n{END_MARK}\nafter\n", encoding="utf-8")
    replace_generated(doc, "new table")
    assert doc.read_text() == f"# Q\n\nbefore\n{BEGIN_MARK}\nnew table\n{END_MARK}\nafter\n"
    (tmp_path / "plain.md").write_text("no markers\n")
    with pytest.raises(InputError, match="add the lines"):
        replace_generated(tmp_path / "plain.md", "x")


def test_run_suite_names_missing_data_and_unknown_sets(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such data folder"):
        run_suite(tmp_path / "nope")
    with pytest.raises(InputError, match="gold files missing"):
        run_suite(tmp_path, only=["events/plover"])
    with pytest.raises(InputError, match="no set matches"):
        run_suite(tmp_path, only=["nosuch"])


def test_suite_covers_every_harness_and_names_are_unique() -> None:
    names = [item.name for item in SUITE]
    assert len(names) == len(set(names))
    assert {name.split("/")[0] for name in names} == {
        "extraction",
        "actors",
        "events",
        "quotes",
        "geo",
    }
    assert "events/articles" in names


def test_eval_all_cli_reports_a_missing_data_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "all", "--data", str(tmp_path / "none")])
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError)  # main() prints it as one line
    assert "no such data folder" in str(result.exception)


@pytest.mark.model
def test_eval_all_cli_writes_json_for_the_seed(shared_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = CliRunner().invoke(
        app,
        ["eval", "all", "--data", str(shared_data), "--only", "events/seed", "--json", str(out)],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["sets"]["events/seed"]["split"] == "all"
    assert data["sets"]["events/seed"]["metrics"]["recall (required)"] > 0
    assert "events/seed" in result.stdout
