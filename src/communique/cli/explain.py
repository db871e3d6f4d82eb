"""``communique explain``: what a CAMEO code or PLOVER type means and how they map."""

from __future__ import annotations

from typing import Annotated

import typer

from communique.events.ontology import load_ontology


def explain_command(
    code: Annotated[
        str | None,
        typer.Argument(help='CAMEO code ("042", "04"), PLOVER type ("CONSULT") or "TYPE:mode".'),
    ] = None,
    list_all: Annotated[
        bool, typer.Option("--list", help="List every CAMEO code, PLOVER type, mode and context.")
    ] = False,
) -> None:
    """Describe a CAMEO code or PLOVER type; with no argument, list the roots and types."""
    ontology = load_ontology()
    if code is None or list_all:
        typer.echo(ontology.overview(full=list_all))
    else:
        typer.echo(ontology.explain(code))
