"""``communique bench``: throughput beside a bare spaCy parse."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Annotated

import typer

from communique.errors import InputError
from communique.pipeline import build_pipeline
from communique.pipeline.benchmark import run_benchmark
from communique.settings import get_settings

DEFAULT_CORPUS = Path("../shared/data/corpus/allsides_intl_2018_2020.jsonl")


def bench_command(
    corpus: Annotated[
        Path | None, typer.Option(help="JSONL/HTML/text corpus; default: AllSides if present.")
    ] = None,
    n: Annotated[int, typer.Option("--n", help="Articles to code.")] = 200,
) -> None:
    """Articles/s and words/s end to end and per stage, beside bare spaCy on the same texts."""
    if corpus is None:
        corpus = (
            DEFAULT_CORPUS
            if DEFAULT_CORPUS.is_file()
            else Path(str(files("communique") / "samples"))
        )
    if not corpus.exists():
        raise InputError("not-found", f"{corpus}: no such corpus")
    settings = get_settings()
    report = run_benchmark(corpus, build_pipeline(settings), settings, limit=n)
    typer.echo(report.render())
