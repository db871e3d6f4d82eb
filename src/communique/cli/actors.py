"""``communique actors``: the user's actor knowledge base."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from communique.cli._frames import echo_frame
from communique.cli._options import Db, Format, Limit
from communique.settings import get_settings

app = typer.Typer(help="List the actors in the database; manage your own actor knowledge base.")
_SHOWN_SKIPS = 10  # a lenient import of a large file may skip many lines; show the first few
ACTOR_TABLE = ["code", "name", "country", "sector", "roles", "mentions", "documents", "events"]


@app.callback(invoke_without_command=True)
def actors_callback(
    context: typer.Context,
    code: Annotated[str | None, typer.Option(help="CAMEO actor code prefix, e.g. RUS.")] = None,
    name: Annotated[str | None, typer.Option(help="Start of a word of the name.")] = None,
    role: Annotated[str | None, typer.Option(help="Part of a role, e.g. minister.")] = None,
    limit: Limit = None,
    output_format: Format = "table",
    db: Db = None,
) -> None:
    """List the actors in the database, most mentioned first; or import your own (import)."""
    if context.invoked_subcommand is not None:
        return
    from communique.database import open_store

    with open_store(db) as store:
        frame = store.actors(code=code, name=name, role=role, limit=limit)
    echo_frame(frame, output_format, ACTOR_TABLE, "actors match")


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


FACT_TABLE = ["name", "role", "code", "first_seen", "last_seen", "usable"]


@app.command("facts")
def facts_command(
    remove: Annotated[
        list[str] | None,
        typer.Option(help="Forget the roles remembered for this full name (repeatable)."),
    ] = None,
    remove_unusable: Annotated[
        bool,
        typer.Option(help="Forget every fact whose role is not a title phrase (never used)."),
    ] = False,
    output_format: Format = "table",
    db: Db = None,
) -> None:
    """List the roles the store learned from text ("Elsa Varjonen: Defence Minister"), or
    forget some. Facts marked unusable (not a title phrase) are never recalled."""
    import pandas as pd

    from communique import store
    from communique.actors import usable_fact

    path = db or get_settings().db_path
    with store.open_database(path, read_only=not (remove or remove_unusable)) as connection:
        facts = store.role_facts(connection)
        names = list(remove or [])
        if remove_unusable:
            names += [fact.name for fact in facts if not usable_fact(fact)]
        if names:
            gone = store.forget_role_facts(connection, names)
            unknown = sorted(set(remove or []) - {fact.name for fact in facts})
            for name in unknown:
                typer.echo(f"communique: no role is remembered for {name!r}", err=True)
            typer.echo(f"forgot {gone} remembered roles → {path}")
            return
    frame = pd.DataFrame(
        [
            {
                **asdict(fact),
                "first_seen": _iso(fact.first_seen),
                "last_seen": _iso(fact.last_seen),
                "usable": usable_fact(fact),
            }
            for fact in facts
        ],
        columns=FACT_TABLE,
    )
    echo_frame(frame, output_format, FACT_TABLE, "roles are remembered")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None
