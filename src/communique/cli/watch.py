"""``communique watch``: keep ingesting new files and feed entries until Ctrl-C."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from communique.pipeline.watch import watch
from communique.settings import get_settings

DbOption = typer.Option(help="Database file; default COMMUNIQUE_DB or the data dir.")


def watch_command(
    sources: Annotated[list[str], typer.Argument(help="Folders, files, globs or feed URLs.")],
    db: Annotated[Path | None, DbOption] = None,
    interval: Annotated[float, typer.Option(min=1, help="Seconds between rounds.")] = 300.0,
    once: Annotated[bool, typer.Option(help="Do one round and stop (for cron).")] = False,
) -> None:
    """Ingest new documents from folders and feeds every INTERVAL seconds."""
    settings = get_settings()
    rounds = watch(sources, db or settings.db_path, settings, interval=interval, once=once)
    try:
        for s in rounds:
            line = (
                f"{s.new} new, {s.skipped} already stored, {s.rejected} rejected, {s.events} events"
            )
            typer.echo(line, err=True)
    except KeyboardInterrupt:
        raise typer.Exit(0) from None
