"""``communique eval``: quality figures on gold sets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from communique.errors import InputError

app = typer.Typer(help="Measure quality on gold sets.", no_args_is_help=True)


@app.command("extraction")
def extraction_command(
    gold: Annotated[Path, typer.Option(help="JSONL gold file with html, text, title, date.")],
    limit: Annotated[int | None, typer.Option(help="Only the first N pages.")] = None,
) -> None:
    """Body-text P/R/F1, title and date accuracy: communique beside plain trafilatura."""
    from communique.evaluate.extraction import evaluate_extraction

    if not gold.is_file():
        raise InputError("not-found", f"{gold}: no such gold file")
    report = evaluate_extraction(gold, limit=limit)
    typer.echo(report.render())


@app.command("actors")
def actors_command(
    gold: Annotated[Path, typer.Option(help="expected.json, or PLOVER / ConfliBERT JSONL.")],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="seed, plover or conflibert; guessed from the file name when omitted.",
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N sentences.")] = None,
) -> None:
    """Actor recall, country, sector, code and role accuracy on a gold set."""
    from communique.evaluate.actors import evaluate_actors, resolve_format

    if not gold.is_file():
        raise InputError("not-found", f"{gold}: no such gold file")
    report = evaluate_actors(gold, resolve_format(gold, fmt), limit=limit)
    typer.echo(report.render())


@app.command("events")
def events_command(
    gold: Annotated[
        Path, typer.Option(help="expected.json, PLOVER / ConfliBERT JSONL or CAMEO CSV.")
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="seed, plover, conflibert or cameo-examples; guessed from the file name "
            "when omitted.",
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N sentences.")] = None,
) -> None:
    """Event recall/precision, PLOVER type, dyad, mode, quad class and CAMEO code accuracy."""
    from communique.evaluate.events import evaluate_events, resolve_event_format

    if not gold.is_file():
        raise InputError("not-found", f"{gold}: no such gold file")
    report = evaluate_events(gold, resolve_event_format(gold, fmt), limit=limit)
    typer.echo(report.render())


@app.command("quotes")
def quotes_command(
    gold: Annotated[Path, typer.Option(help="PolNeAR JSONL, or the seed's expected.json.")],
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="polnear or seed; guessed from the file name when omitted."),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N articles.")] = None,
) -> None:
    """Speaker P/R/F1 (exact span and head word), content overlap and cue accuracy."""
    from communique.evaluate.quotes import evaluate_quotes, resolve_quote_format

    if not gold.is_file():
        raise InputError("not-found", f"{gold}: no such gold file")
    report = evaluate_quotes(gold, resolve_quote_format(gold, fmt), limit=limit)
    typer.echo(report.render())
