"""``communique plot``: figures drawn from the database (matplotlib, no display needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from communique.cli._options import Db
from communique.cli.analysis import AnyModality, By, Symmetric
from communique.database import open_store

app = typer.Typer(help="Draw figures from the database.", no_args_is_help=True)


@app.callback()
def plot_callback() -> None:
    """Draw figures from the database (PNG, SVG or PDF by the file's suffix)."""


@app.command("dyad")
def dyad_command(
    a: Annotated[str, typer.Argument(help="Source actor: CAMEO code prefix or name.")],
    b: Annotated[str, typer.Argument(help="Target actor: CAMEO code prefix or name.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The image, e.g. dyad.png.")],
    by: By = "week",
    symmetric: Symmetric = False,
    modality: AnyModality = "asserted",
    db: Db = None,
) -> None:
    """Plot events from A to B per period, stacked by quad class, with mean Goldstein."""
    from communique.analysis.plots import plot_dyad

    with open_store(db) as store:
        series = store.dyad(a, b, by, symmetric, modality=None if modality == "any" else modality)
    arrow = "↔" if symmetric else "→"
    path = plot_dyad(series, output, title=f"{a} {arrow} {b}, events per {by}", by=by)
    typer.echo(f"{int(series['events'].sum())} events in {len(series)} periods → {path}")
