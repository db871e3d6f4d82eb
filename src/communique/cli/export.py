"""``communique export``: events to GDELT TSV, PLOVER JSON Lines, CSV or Parquet."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from communique.cli._options import (
    Actor,
    AttributedTo,
    Cameo,
    Country,
    Db,
    Dyad,
    Limit,
    Modality,
    Near,
    Place,
    QuadClass,
    Since,
    Text,
    Type,
    Until,
)
from communique.database import open_store


def export_command(
    export_format: Annotated[
        str, typer.Option("--format", help="gdelt (TSV), plover (JSON Lines), csv or parquet.")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="The file to write.")],
    actor: Actor = None,
    dyad: Dyad = None,
    event_type: Type = None,
    cameo: Cameo = None,
    quad_class: QuadClass = None,
    modality: Modality = None,
    attributed_to: AttributedTo = None,
    since: Since = None,
    until: Until = None,
    text: Text = None,
    place: Place = None,
    country: Country = None,
    near: Near = None,
    limit: Limit = None,
    db: Db = None,
) -> None:
    """Write the events that match every filter given to one file (see docs/exports.md)."""
    with open_store(db) as store:
        written = store.export(
            output, export_format, actor=actor, dyad=dyad, type=event_type, cameo=cameo,
            quad_class=quad_class, modality=modality, attributed_to=attributed_to, since=since,
            until=until, text=text, place=place, country=country, near=near, limit=limit,
        )  # fmt: skip
    typer.echo(f"{written} events → {output}", err=True)
