"""``communique train``: the learned event decision, trained from the labels in the repository."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from communique.evaluate.calibration import DEFAULT_CORPUS, recalibrate
from communique.evaluate.training import DEFAULT_DATA, train
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
    calibration_only: Annotated[
        bool,
        typer.Option(
            "--calibration-only",
            help="Keep the model's weights (and so its decisions); refit only the confidence "
            "it reports, on the article dev set's tune half (after the rules change).",
        ),
    ] = False,
) -> None:
    """Train the event decision model (the rules propose, the model decides); deterministic."""
    if calibration_only:
        card = recalibrate(out or MODEL_DIR, corpus)
    else:
        card = train(data, corpus, out or MODEL_DIR, say=lambda line: typer.echo(line, err=True))
    typer.echo(json.dumps(card, indent=1, sort_keys=True))
