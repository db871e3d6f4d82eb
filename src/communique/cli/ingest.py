"""``communique ingest``: code documents into the DuckDB store, incrementally."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from communique.pipeline.ingest import IngestProgress, IngestSummary, ingest_paths
from communique.settings import get_settings


def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")],
    db: Annotated[
        Path | None, typer.Option(help="Database file; default COMMUNIQUE_DB or the data dir.")
    ] = None,
    recode: Annotated[
        bool, typer.Option(help="Code documents already stored again and replace them.")
    ] = False,
    batch_size: Annotated[
        int | None, typer.Option(min=1, help="Documents per transaction (default 64).")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Worker processes, one spaCy model each (default: serial)."),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(help="Code on a Dask cluster: scheduler address (tcp://host:8786) or local."),
    ] = None,
) -> None:
    """Code new documents into the database; documents already stored are skipped."""
    settings = get_settings()
    if batch_size is not None:
        settings = settings.model_copy(update={"ingest_batch_size": batch_size})
    target = db or settings.db_path
    stdin = sys.stdin.buffer if "-" in paths else None
    summary = ingest_paths(
        paths,
        target,
        settings,
        recode=recode,
        progress=_show,
        stdin=stdin,
        workers=workers,
        dask=dask,
    )
    typer.echo(("\n" if sys.stderr.isatty() else "") + _render(summary), err=True)
    if summary.read and not summary.new and not summary.skipped:
        raise typer.Exit(1)  # nothing readable among the inputs


def _show(progress: IngestProgress) -> None:
    line = (
        f"{progress.read} read · {progress.new} new · {progress.skipped} already stored · "
        f"{progress.rejected} rejected · {progress.rate:.1f} documents/s"
    )
    tty = sys.stderr.isatty()
    sys.stderr.write(("\r" if tty else "") + line + ("" if tty else "\n"))
    sys.stderr.flush()


def _render(summary: IngestSummary) -> str:
    return (
        f"{summary.new} new documents ({summary.coded} coded), {summary.skipped} skipped as "
        f"already stored, {summary.rejected} rejected, {summary.events} events, "
        f"{summary.quotes} quotes, {summary.actor_mentions} actor mentions, "
        f"{summary.duplicates} near duplicates linked, {summary.clusters} event clusters updated "
        f"in {summary.seconds:.1f} s ({summary.rate:.1f} documents/s) → {summary.db}"
    )
