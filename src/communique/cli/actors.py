"""``communique actors``: the user's actor knowledge base."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from communique.settings import get_settings

app = typer.Typer(help="Manage your own actor knowledge base.", no_args_is_help=True)
_SHOWN_SKIPS = 10  # a lenient import of a large file may skip many lines; show the first few


@app.callback()
def actors_callback() -> None:
    """Manage your own actor knowledge base (people added to the built-in ones)."""


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="A PETRARCH/Phoenix actor dictionary.")],
    data_dir: Annotated[
        Path | None, typer.Option(help="Your data folder; default: the data_dir setting.")
    ] = None,
    lenient: Annotated[
        bool, typer.Option(help="Skip unreadable lines, counted, instead of stopping.")
    ] = False,
) -> None:
    """Add the actors of a PETRARCH/Phoenix actor dictionary to your knowledge base."""
    from communique.actors.user_knowledge import import_actors

    summary = import_actors(file, data_dir or get_settings().data_dir, lenient=lenient)
    for skip in summary.skipped[:_SHOWN_SKIPS]:
        typer.echo(f"communique: skipped {file}:{skip.line}: {skip.reason}", err=True)
    notes = [f"{summary.uncoded} without a code"] if summary.uncoded else []
    notes += [f"{len(summary.skipped)} lines skipped"] if summary.skipped else []
    typer.echo(
        f"{summary.actors} actors, {summary.terms} terms: {summary.added} added, "
        f"{summary.updated} updated, {summary.unchanged} unchanged"
        + "".join(f", {note}" for note in notes)
        + f" → {summary.path}"
    )
