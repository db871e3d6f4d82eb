"""``communique train``: the learned event decision, trained from the labels in the repository."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from communique.evaluate.training import DEFAULT_CORPUS, DEFAULT_DATA, train
from communique.events.decider import MODEL_DIR


def train_command(
    data: Annotated[
        Path, typer.Option(help="The labelled sentences: synthetic/ and real/ under it.")
    ] = DEFAULT_DATA,
    corpus: Annotated[
        Path, typer.Option(help="The AllSides corpus the real sentences are read from.")
    ] = DEFAULT_CORPUS,
    out: Annotated[
        Path | None,
        typer.Option(
            help="Where the model is written (model.npz, model.json); default: the model "
            "shipped in the package (events/data/decider)."
        ),
    ] = None,
) -> None:
    """Train the event decision model (the rules propose, the model decides); deterministic."""
    card = train(data, corpus, out or MODEL_DIR, say=lambda line: typer.echo(line, err=True))
    typer.echo(json.dumps(card, indent=1, sort_keys=True))
