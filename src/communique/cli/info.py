"""``communique info``: versions, the configured pipeline, settings and registered components."""

from __future__ import annotations

import json
import platform
from importlib.metadata import version

import typer

from communique import registry
from communique.annotate import load_pipeline, pipeline_producer
from communique.pipeline import configured_stages, populate_components
from communique.settings import get_settings


def info_command() -> None:
    """Print the versions, the configured pipeline (its stage names, as every run records
    them), the settings and every registered component, plugins included."""
    settings = get_settings()
    nlp = load_pipeline(settings)
    populate_components()
    report = {
        "versions": {
            "communique": version("communique"),
            "python": platform.python_version(),
            "spacy": version("spacy"),
            "spacy_model": pipeline_producer(nlp),
        },
        "pipeline": {
            "stages": list(configured_stages(settings)),
            "spacy_components": nlp.pipe_names,
        },
        "settings": settings.model_dump(mode="json"),
        "registries": registry.contents(),
    }
    typer.echo(json.dumps(report, indent=2))
