"""``communique eval``: quality figures on gold sets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from communique.errors import InputError
from communique.evaluate.splits import check_split

app = typer.Typer(help="Measure quality on gold sets.", no_args_is_help=True)

SplitOption = Annotated[
    str,
    typer.Option(
        "--split",
        help="Half of the gold set: check (to report; items are not shown), tune (to read "
        "and debug; misses are shown) or all (e.g. for a gold file of your own).",
    ),
]


@app.command("extraction")
def extraction_command(
    gold: Annotated[Path, typer.Option(help="JSONL gold file with html, text, title, date.")],
    limit: Annotated[int | None, typer.Option(help="Only the first N pages.")] = None,
    split: SplitOption = "check",
) -> None:
    """Body-text P/R/F1, title and date accuracy: communique beside plain trafilatura."""
    from communique.evaluate.extraction import evaluate_extraction

    if not gold.is_file():
        raise InputError("not-found", f"{gold}: no such gold file")
    report = evaluate_extraction(gold, limit=limit, split=check_split(split))
    typer.echo(report.render())


@app.command("actors")
def actors_command(
    gold: Annotated[
        Path | None, typer.Option(help="expected.json, or PLOVER / ConfliBERT JSONL.")
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="seed, plover or conflibert; guessed from the file name when omitted.",
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N sentences.")] = None,
    split: SplitOption = "check",
    constructions: Annotated[
        bool,
        typer.Option(help="Also run our own sentences, one or more per actor construction."),
    ] = False,
) -> None:
    """Actor recall, country, sector, code and role accuracy on a gold set."""
    from communique.evaluate.actors import evaluate_actors, resolve_format

    if constructions:
        from communique.evaluate.constructions import evaluate_constructions

        typer.echo(evaluate_constructions().render())
        if gold is None:
            return
    if gold is None:
        raise InputError("no-gold", "give --gold FILE, or --constructions")
    if not gold.is_file():
        raise InputError("not-found", f"{gold}: no such gold file")
    report = evaluate_actors(gold, resolve_format(gold, fmt), limit=limit, split=check_split(split))
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
    split: SplitOption = "check",
) -> None:
    """Event recall/precision, PLOVER type, dyad, mode, quad class and CAMEO code accuracy."""
    from communique.evaluate.events import evaluate_events, resolve_event_format

    if not gold.is_file():
        raise InputError("not-found", f"{gold}: no such gold file")
    report = evaluate_events(
        gold, resolve_event_format(gold, fmt), limit=limit, split=check_split(split)
    )
    typer.echo(report.render())


@app.command("quotes")
def quotes_command(
    gold: Annotated[Path, typer.Option(help="PolNeAR JSONL, or the seed's expected.json.")],
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="polnear or seed; guessed from the file name when omitted."),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N articles.")] = None,
    split: SplitOption = "check",
) -> None:
    """Speaker P/R/F1 (exact span and head word), content overlap and cue accuracy."""
    from communique.evaluate.quotes import evaluate_quotes, resolve_quote_format

    if not gold.is_file():
        raise InputError("not-found", f"{gold}: no such gold file")
    report = evaluate_quotes(
        gold, resolve_quote_format(gold, fmt), limit=limit, split=check_split(split)
    )
    typer.echo(report.render())


@app.command("geo")
def geo_command(
    gold: Annotated[
        Path, typer.Option(help="Geo gold JSONL: articles with toponym spans and coordinates.")
    ],
    mode: Annotated[
        str,
        typer.Option(
            help="spans (resolve the gold toponyms), e2e (find and resolve places ourselves) "
            "or both."
        ),
    ] = "both",
    limit: Annotated[int | None, typer.Option(help="Only the first N articles.")] = None,
    split: SplitOption = "check",
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the report to this JSON file.")
    ] = None,
) -> None:
    """Place recognition P/R, accuracy within 161 km, error km and AUC (Gritta et al.)."""
    import json

    from communique.evaluate.geo import check_mode, evaluate_geo

    if not gold.is_file():
        raise InputError("not-found", f"{gold}: no such gold file")
    report = evaluate_geo(gold, check_mode(mode), limit=limit, split=check_split(split))
    typer.echo(report.render())
    if json_out is not None:
        json_out.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")
        typer.echo(f"wrote {json_out}", err=True)


@app.command("articles")
def articles_command(
    corpus: Annotated[
        Path, typer.Option(help="The AllSides corpus JSONL the article ids point at.")
    ],
    gold: Annotated[
        Path | None,
        typer.Option(help="Article gold JSONL (default: the packaged article dev set)."),
    ] = None,
    split: SplitOption = "check",
) -> None:
    """Required-event recall and precision (all, dyadic, one-sided) on hand-coded articles."""
    from communique.evaluate.articles import ARTICLES_DEV, evaluate_articles

    gold_path = gold or ARTICLES_DEV
    if not gold_path.is_file():
        raise InputError("not-found", f"{gold_path}: no such gold file")
    report = evaluate_articles(gold_path, corpus, split=check_split(split))
    typer.echo(report.render())


@app.command("agreement")
def agreement_command(
    coder_a: Annotated[Path, typer.Option("--a", help="Folder of coder A's article files.")],
    coder_b: Annotated[Path, typer.Option("--b", help="Folder of coder B's article files.")],
    corpus: Annotated[Path, typer.Option(help="The corpus JSONL the article ids point at.")],
) -> None:
    """Inter-coder agreement (event F1) between two independent codings of the same articles."""
    from communique.evaluate.articles import agreement, load_corpus, read_codings

    first, second = read_codings(coder_a), read_codings(coder_b)
    if not corpus.is_file():
        raise InputError("not-found", f"{corpus}: no such corpus file")
    texts = {key: art.text for key, art in load_corpus(corpus, [*first, *second]).items()}
    typer.echo(agreement(first, second, texts).render())


@app.command("all")
def all_command(
    data: Annotated[
        Path, typer.Option(help="The shared data folder (dev/, seed/, reference/, corpus/).")
    ],
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write every figure to this JSON file.")
    ] = None,
    split: SplitOption = "check",
    only: Annotated[
        list[str] | None,
        typer.Option(help="Only the sets whose names start with this (repeatable): events, …"),
    ] = None,
    write_docs: Annotated[
        Path | None,
        typer.Option(help="Regenerate the tables between the markers of this Markdown file."),
    ] = None,
) -> None:
    """Every harness on the check halves of every gold set, the baselines beside, one table."""
    import json

    from communique.evaluate.suite import quality_tables, render_table, run_suite

    result = run_suite(
        data, check_split(split), only or (), progress=lambda line: typer.echo(line, err=True)
    )
    typer.echo(render_table(result))
    if json_out is not None:
        json_out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        typer.echo(f"wrote {json_out}", err=True)
    if write_docs is not None:
        replace_generated(write_docs, quality_tables(result))
        typer.echo(f"regenerated the tables of {write_docs}", err=True)


BEGIN_MARK = "<!-- BEGIN generated by communique eval all -->"
END_MARK = "<!-- END generated by communique eval all -->"


def replace_generated(path: Path, body: str) -> None:
    """Put ``body`` between the generated-section markers of a Markdown file.

    Raises:
        InputError: The file is missing or lacks the markers.
    """
    if not path.is_file():
        raise InputError("not-found", f"{path}: no such file")
    text = path.read_text(encoding="utf-8")
    if BEGIN_MARK not in text or END_MARK not in text:
        raise InputError(
            "no-markers", f"{path}: add the lines {BEGIN_MARK} and {END_MARK} where the tables go"
        )
    head, rest = text.split(BEGIN_MARK, 1)
    _, tail = rest.split(END_MARK, 1)
    path.write_text(f"{head}{BEGIN_MARK}\n{body}\n{END_MARK}{tail}", encoding="utf-8")
