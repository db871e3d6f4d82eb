"""The hand-made sample database (tests/sample_events.py), written once per module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import typer

from communique import store
from communique.cli import analysis, plot
from sample_events import write_sample_db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample database's path."""
    return write_sample_db(tmp_path_factory.mktemp("analysis") / "sample.duckdb")


@pytest.fixture
def connection(db: Path) -> Iterator[store.Connection]:
    """The sample database, open read-only."""
    with store.open_database(db, read_only=True) as connection:
        yield connection


@pytest.fixture
def cli() -> typer.Typer:
    """The analysis commands, wired as cli/__init__.py wires them."""
    app = typer.Typer()
    app.command("dyad")(analysis.dyad_command)
    app.command("network")(analysis.network_command)
    app.add_typer(plot.app, name="plot")
    return app
