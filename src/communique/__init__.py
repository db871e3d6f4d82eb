"""communique: political event data from news.

Who did what to whom, when, where, and according to whom — coded in PLOVER
and CAMEO, with the quotes behind each event and the sentence that proves it.

>>> import communique
>>> result = communique.code("Finland and Estonia signed a patrol agreement on Tuesday.")
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from communique.errors import CommuniqueError, ConfigError, InputError, PluginError, StorageError
from communique.events.ontology import explain
from communique.records import Article, CodedDocument, Event, Quote, Rejection
from communique.settings import Settings

if TYPE_CHECKING:
    from pathlib import Path

    from communique.database import Store
    from communique.pipeline import Outcome

__version__ = "0.1.0"

__all__ = [
    "Article",
    "CodedDocument",
    "CommuniqueError",
    "ConfigError",
    "Event",
    "InputError",
    "PluginError",
    "Quote",
    "Rejection",
    "Settings",
    "StorageError",
    "__version__",
    "code",
    "code_paths",
    "explain",
    "open",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def code(text_or_html: str, *, settings: Settings | None = None) -> Outcome:
    """Code one article given as plain text or HTML.

    Args:
        text_or_html: The article; HTML is recognised by its markup.
        settings: Settings; read from ``COMMUNIQUE_*`` environment variables when omitted.

    Returns:
        A CodedDocument (with any rejection recorded on it) or a Rejection when
        the input could not be read at all.
    """
    from communique.pipeline import code_text

    return code_text(text_or_html, settings=settings)


def code_paths(paths: Sequence[str], *, settings: Settings | None = None) -> Iterator[Outcome]:
    """Code every document under ``paths`` (files, directories, globs), in order.

    Yields:
        One outcome per document or failed input; failures never raise.
    """
    from communique import pipeline

    return pipeline.code_paths(paths, settings=settings)


def open(db: str | Path | None = None, *, read_only: bool = True) -> Store:
    """Open a database written by ``communique ingest`` for queries and analysis.

    Args:
        db: The DuckDB file; the ``COMMUNIQUE_DB`` setting when omitted.
        read_only: Open read-only (the default), so other processes can read it at once.

    Returns:
        A :class:`communique.database.Store` with ``.events()``, ``.dyad()``, ``.quotes()`` ….

    Raises:
        StorageError: No database there, locked by a writer, or not a communique database.
    """
    from communique.database import open_store

    return open_store(db, read_only=read_only)
