"""``communique bench``: pipeline throughput beside a bare spaCy parse, the store, the API."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Annotated

import typer

from communique.api.benchmark import ApiBenchOptions, run_api_benchmark
from communique.errors import InputError
from communique.pipeline import build_pipeline
from communique.pipeline.benchmark import run_benchmark, run_store_benchmark
from communique.settings import get_settings

DEFAULT_CORPUS = Path("../shared/data/corpus/allsides_intl_2018_2020.jsonl")


def bench_command(
    corpus: Annotated[
        Path | None, typer.Option(help="JSONL/HTML/text corpus; default: AllSides if present.")
    ] = None,
    n: Annotated[int, typer.Option("--n", min=0, help="Articles to code (0: skip).")] = 200,
    store_events: Annotated[
        int,
        typer.Option(
            min=0, help="Synthetic events for the store benchmark (0: skip; 10000000 for 10M)."
        ),
    ] = 1_000_000,
    api: Annotated[
        bool,
        typer.Option(
            "--api", help="Instead: the API under load ('communique serve' on a synthetic store)."
        ),
    ] = False,
    requests: Annotated[
        int, typer.Option(min=1, help="--api: GET requests to send after the cold phase.")
    ] = 3_000,
    concurrency: Annotated[int, typer.Option(min=1, help="--api: requests in flight.")] = 32,
    articles: Annotated[
        int, typer.Option(min=1, help="--api: synthetic articles in the served store (reused).")
    ] = 1_000,
) -> None:
    """Articles/s per stage beside bare spaCy on the same texts; store insert and query times.

    With --api, only the API: requests/s and latency of its list endpoints under
    concurrent load (exit status 1 when a request got a 5xx or no answer).
    """
    if api:
        options = ApiBenchOptions(articles=articles, requests=requests, concurrency=concurrency)
        report = run_api_benchmark(options, progress=lambda line: typer.echo(line, err=True))
        typer.echo(report.render())
        if not report.ok:
            raise typer.Exit(1)
        return
    if n:
        corpus = corpus or (
            DEFAULT_CORPUS
            if DEFAULT_CORPUS.is_file()
            else Path(str(files("communique") / "samples"))
        )
        if not corpus.exists():
            raise InputError("not-found", f"{corpus}: no such corpus")
        settings = get_settings()
        typer.echo(run_benchmark(corpus, build_pipeline(settings), settings, limit=n).render())
    if store_events:
        typer.echo(run_store_benchmark(store_events).render())
