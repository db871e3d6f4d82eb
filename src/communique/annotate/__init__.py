"""Annotate: Article → Annotation (sentences, tokens, dependencies, entities) with spaCy."""

from __future__ import annotations

from communique.annotate.offsets import annotation_from_doc
from communique.annotate.spacy_pipeline import (
    annotate_articles,
    check_pipeline,
    load_pipeline,
    pipeline_producer,
)

__all__ = [
    "annotate_articles",
    "annotation_from_doc",
    "check_pipeline",
    "load_pipeline",
    "pipeline_producer",
]
