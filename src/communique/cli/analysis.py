"""``communique dyad`` and ``communique network``: analysis tables and graphs from the database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from communique.cli._frames import echo_frame
from communique.cli._options import Db, Format, Since, Until
from communique.database import open_store

By = Annotated[str, typer.Option(help="day, week, month, quarter or year.")]
Symmetric = Annotated[bool, typer.Option(help="Count B → A too.")]
AnyModality = Annotated[
    str, typer.Option(help="Count only this modality; 'any' counts every event.")
]


def dyad_command(
    a: Annotated[str, typer.Argument(help="Source actor: CAMEO code prefix or name.")],
    b: Annotated[str, typer.Argument(help="Target actor: CAMEO code prefix or name.")],
    by: By = "week",
    symmetric: Symmetric = False,
    modality: AnyModality = "asserted",
    output_format: Format = "table",
    db: Db = None,
) -> None:
    """Events from A to B per period: counts per quad class, Goldstein, cc_index."""
    with open_store(db) as store:
        series = store.dyad(a, b, by, symmetric, modality=None if modality == "any" else modality)
    echo_frame(series, output_format, list(series.columns), f"events from {a} to {b}")


def network_command(
    output: Annotated[Path, typer.Option("-o", "--output", help="FILE.graphml or FILE.gexf.")],
    since: Since = None,
    until: Until = None,
    min_events: Annotated[int, typer.Option(min=1, help="Leave out rarer pairs.")] = 1,
    modality: AnyModality = "asserted",
    db: Db = None,
) -> None:
    """Write the actor network (who acts on whom, weighted by events) for Gephi or networkx."""
    from communique.analysis.network import write_network

    with open_store(db) as store:
        graph = store.network(
            since, until, min_events, modality=None if modality == "any" else modality
        )
    path = write_network(graph, output)
    typer.echo(f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} edges → {path}")
