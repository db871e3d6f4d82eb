"""Options shared by the query, analysis and export commands (``--db`` and event filters)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from communique.cli._frames import check_format
from communique.errors import InputError
from communique.store import check_country, near_point

Db = Annotated[
    Path | None, typer.Option("--db", help="Database file; default COMMUNIQUE_DB or the data dir.")
]
Format = Annotated[
    str,
    typer.Option(
        "--format", callback=check_format, help="table, json (one array) or csv (every column)."
    ),
]
Limit = Annotated[int | None, typer.Option(min=0, help="At most this many rows.")]

# Event filters: the same in `communique events` and `communique export`.
Actor = Annotated[str | None, typer.Option(help="Source or target: CAMEO code prefix or name.")]
Dyad = Annotated[
    tuple[str, str] | None, typer.Option(help="Source and target, e.g. --dyad RUS PRK.")
]
Type = Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. CONSULT.")]
Cameo = Annotated[str | None, typer.Option(help="CAMEO code or root: 19 matches 190-196.")]
QuadClass = Annotated[
    int | None,
    typer.Option(help="1 verbal / 2 material cooperation, 3 verbal / 4 material conflict."),
]
Modality = Annotated[
    str | None, typer.Option(help="asserted, possible, intended, negated or conditional.")
]
MinConfidence = Annotated[
    float | None,
    typer.Option(
        min=0.0,
        max=1.0,
        help="Only events coded with at least this confidence (0-1): with the learned "
        "decision, about how often such events were right on our article dev set.",
    ),
]
AttributedTo = Annotated[str | None, typer.Option(help="Who says so: code prefix or name.")]
Since = Annotated[str | None, typer.Option(help="First date, YYYY-MM-DD.")]
Until = Annotated[str | None, typer.Option(help="Last date, YYYY-MM-DD.")]
Text = Annotated[str | None, typer.Option(help="Words in the evidence sentence.")]


def _check_country(value: str | None) -> str | None:
    """Option callback: ``--country`` is an ISO3 code (a usage error names the option)."""
    try:
        return None if value is None else check_country(value)
    except InputError as error:
        raise typer.BadParameter(str(error)) from None


def _check_near(value: str | None) -> str | None:
    """Option callback: ``--near`` is LAT,LON,KM on the map."""
    try:
        if value is not None:
            near_point(value)
    except InputError as error:
        raise typer.BadParameter(str(error)) from None
    return value


# Location filters (the geo stage's event locations; unlocated events never match).
Place = Annotated[
    str | None,
    typer.Option(help="Where it happened: start of a word of the place or its region (admin1)."),
]
Country = Annotated[
    str | None,
    typer.Option(
        callback=_check_country,
        help="Country it happened in (ISO3, e.g. UKR); not the actors' country.",
    ),
]
Near = Annotated[
    str | None,
    typer.Option(
        metavar="LAT,LON,KM",
        callback=_check_near,
        help="Located within KM kilometres of a point, e.g. 50.45,30.52,25.",
    ),
]
