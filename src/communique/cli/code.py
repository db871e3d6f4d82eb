"""``communique code`` and ``communique demo``."""

from __future__ import annotations

import json
import sys
from collections import Counter
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

import typer

from communique.cli._summary import summarise
from communique.cli.serve import serve_command
from communique.pipeline import Outcome, code_paths, is_coded, to_contract
from communique.pipeline.ingest import ingest_paths
from communique.records import Rejection
from communique.settings import get_settings

OUTPUT_FORMATS = ("jsonl", "json")


def code_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")],
    output_format: Annotated[
        str, typer.Option("--format", help="jsonl: one object per line; json: one array.")
    ] = "jsonl",
    strict: Annotated[bool, typer.Option(help="Exit non-zero when any input is rejected.")] = False,
) -> None:
    """Code documents into events and print one JSON object per document."""
    if output_format not in OUTPUT_FORMATS:
        raise typer.BadParameter(
            f"expected one of {', '.join(OUTPUT_FORMATS)}, got {output_format!r}"
        )
    stdin = sys.stdin.buffer if "-" in paths else None
    outcomes = code_paths(paths, stdin=stdin, progress=_progress_printer())
    counts = _emit(outcomes, output_format)
    typer.echo(f"{counts['coded']} coded, {counts['rejected']} rejected", err=True)
    if counts["coded"] == 0 or (strict and counts["rejected"]):
        raise typer.Exit(1)


def _emit(outcomes: Any, output_format: str) -> Counter[str]:
    counts: Counter[str] = Counter(coded=0, rejected=0)
    first = True
    if output_format == "json":
        sys.stdout.write("[")
    for outcome in outcomes:
        counts["coded" if is_coded(outcome) else "rejected"] += 1
        for rejection in _rejections(outcome):
            typer.echo(f"communique: {rejection.message()}", err=True)
        line = json.dumps(to_contract(outcome), ensure_ascii=False)
        if output_format == "json":
            sys.stdout.write(("" if first else ",\n") + line)
        else:
            sys.stdout.write(line + "\n")
        first = False
    if output_format == "json":
        sys.stdout.write("]\n")
    return counts


def _rejections(outcome: Outcome) -> tuple[Rejection, ...]:
    return (outcome,) if isinstance(outcome, Rejection) else outcome.rejections


def _progress_printer() -> Any:
    if not sys.stderr.isatty():
        return None
    done = 0

    def report(n: int) -> None:
        nonlocal done
        done += n
        sys.stderr.write(f"\rcoded {done} documents…")
        sys.stderr.flush()

    return report


def demo_command(
    serve: Annotated[
        bool, typer.Option(help="Then serve the dashboard over the stored samples (Ctrl-C stops).")
    ] = False,
) -> None:
    """Code the built-in sample articles, print what was found, and store them."""
    sample_dir = Path(str(files("communique") / "samples"))
    paths = sorted(str(p) for p in sample_dir.iterdir() if p.suffix in {".txt", ".html", ".jsonl"})
    typer.echo(f"communique demo: coding {len(paths)} sample files from {sample_dir}\n")
    for outcome in code_paths(paths):
        typer.echo(summarise(outcome))
    settings = get_settings()
    db = settings.data_dir / "demo.duckdb"
    summary = ingest_paths(paths, db, settings, interface="demo")
    typer.echo(f"Stored in {db}: {summary.new} new, {summary.skipped} already there.")
    typer.echo("Your own articles: `communique code FILE...` prints the full JSON.")
    if serve:
        serve_command(db=db)
    else:
        typer.echo(f"Dashboard: `communique serve --db {db}`, then open http://127.0.0.1:8000/")
