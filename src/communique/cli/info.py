"""``communique info``: versions, settings and registered components."""

from __future__ import annotations

import json

import typer

from communique import registry
from communique.annotate import load_pipeline, pipeline_producer
from communique.settings import get_settings


def info_command() -> None:
    """Print the loaded spaCy pipeline, the settings and every registered component."""
    settings = get_settings()
    nlp = load_pipeline(settings)
    report = {
        "pipeline": pipeline_producer(nlp),
        "components": nlp.pipe_names,
        "settings": settings.model_dump(mode="json"),
        "registries": registry.contents(),
    }
    typer.echo(json.dumps(report, indent=2))
