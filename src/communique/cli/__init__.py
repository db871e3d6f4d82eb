"""The ``communique`` command line: thin commands over the library.

Each command parses its arguments, calls one library function and renders the
result. Library errors (``CommuniqueError``) become one line on stderr and a
non-zero exit; the library itself never prints.
"""

from __future__ import annotations

import sys

import typer

from communique.cli import actors as _actors
from communique.cli import analysis as _analysis
from communique.cli import bench as _bench
from communique.cli import code as _code
from communique.cli import evaluate as _evaluate
from communique.cli import explain as _explain
from communique.cli import export as _export
from communique.cli import info as _info
from communique.cli import ingest as _ingest
from communique.cli import plot as _plot
from communique.cli import query as _query
from communique.cli import serve as _serve
from communique.cli import train as _train
from communique.cli import watch as _watch
from communique.errors import CommuniqueError

app = typer.Typer(
    name="communique",
    help="Political event data from news: who did what to whom, when, where, and who says so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("code")(_code.code_command)
app.command("demo")(_code.demo_command)
app.command("info")(_info.info_command)
app.command("ingest")(_ingest.ingest_command)
app.command("bench")(_bench.bench_command)
app.command("explain")(_explain.explain_command)
app.command("events")(_query.events_command)
app.command("quotes")(_query.quotes_command)
app.command("article")(_query.article_command)
app.command("dyad")(_analysis.dyad_command)
app.command("network")(_analysis.network_command)
app.command("export")(_export.export_command)
app.add_typer(_plot.app, name="plot")
app.command("serve")(_serve.serve_command)
app.command("watch")(_watch.watch_command)
app.command("train")(_train.train_command)
app.add_typer(_evaluate.app, name="eval")
app.add_typer(_actors.app, name="actors")


def main() -> None:
    """Entry point of the ``communique`` script."""
    try:
        app()
    except CommuniqueError as exc:
        typer.echo(f"communique: error: {exc}", err=True)
        sys.exit(2)
