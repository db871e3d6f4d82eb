"""``communique code`` and ``communique demo``."""

from __future__ import annotations

import json
import sys
from collections import Counter
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

import typer

from communique.pipeline import Outcome, code_paths, is_coded, to_contract
from communique.records import CodedDocument, Rejection

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


def demo_command() -> None:
    """Code the built-in sample articles and print a readable summary."""
    sample_dir = Path(str(files("communique") / "samples"))
    paths = sorted(str(p) for p in sample_dir.iterdir() if p.suffix in {".txt", ".html", ".jsonl"})
    typer.echo(f"communique demo: coding {len(paths)} sample files from {sample_dir}\n")
    for outcome in code_paths(paths):
        typer.echo(_summary(outcome))
    typer.echo("Next: `communique code FILE...` prints the full JSON for your own articles.")


def _summary(outcome: Outcome) -> str:
    if isinstance(outcome, Rejection) or outcome.rejections:
        return "REJECTED " + "; ".join(r.message() for r in _rejections(outcome)) + "\n"
    assert isinstance(outcome, CodedDocument) and outcome.article is not None
    article, annotation = outcome.article, outcome.annotation
    lines = [
        f"■ {article.title or '(untitled)'}",
        f"  id {article.doc_id} · published {article.published or '?'} · "
        f"language {article.language or '?'} · source {article.source or article.site_name or '?'}",
    ]
    if annotation is not None:
        names = Counter(
            f"{article.text[e.start : e.end]} ({e.label})"
            for e in annotation.entities
            if e.label in {"PERSON", "ORG", "GPE", "NORP", "LOC"}
        )
        lines.append(f"  {len(annotation.sentences)} sentences, {len(annotation.tokens)} tokens")
        lines.append("  entities: " + ", ".join(name for name, _ in names.most_common(8)))
    if article.dropped_lines:
        lines.append(f"  boilerplate dropped: {', '.join(repr(x) for x in article.dropped_lines)}")
    return "\n".join(lines) + "\n"
