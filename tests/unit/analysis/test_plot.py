"""`plot_dyad` and `communique plot dyad`: an image file from a dyad series."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from communique import store
from communique.analysis import dyad_series
from communique.analysis.plots import plot_dyad
from communique.errors import InputError

PNG = b"\x89PNG\r\n\x1a\n"


def test_plot_dyad_writes_a_png(connection: store.Connection, tmp_path: Path) -> None:
    series = dyad_series(connection, "RUS", "PRK", symmetric=True)
    path = plot_dyad(series, tmp_path / "plots" / "dyad.png", title="RUS ↔ PRK")
    data = path.read_bytes()
    assert data.startswith(PNG) and len(data) > 5_000


def test_plot_dyad_single_period_and_svg(connection: store.Connection, tmp_path: Path) -> None:
    series = dyad_series(connection, "RUS", "UKR", by="month")
    path = plot_dyad(series, tmp_path / "dyad.svg")
    assert path.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_plot_dyad_without_events_is_an_input_error(
    connection: store.Connection, tmp_path: Path
) -> None:
    with pytest.raises(InputError, match="no events to plot"):
        plot_dyad(dyad_series(connection, "FRA", "DEU"), tmp_path / "none.png")
    assert not (tmp_path / "none.png").exists()


def test_plot_dyad_command(db: Path, cli: typer.Typer, tmp_path: Path) -> None:
    target = tmp_path / "rus_prk.png"
    args = ["plot", "dyad", "RUS", "PRK", "-o", str(target), "--by", "week", "--db", str(db)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"3 events in 3 periods → {target}\n"
    assert target.read_bytes().startswith(PNG) and target.stat().st_size > 5_000
