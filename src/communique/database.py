"""The Python API over a stored database: ``communique.open(db)`` → :class:`Store`.

One object answers an analyst's questions with pandas DataFrames (events, actors,
quotes, dyad series), graphs and files, and checks every filter value first: an unknown
PLOVER type, CAMEO code, modality or quad class fails with the valid choices instead of
returning nothing. The command line uses it too, so both accept the same filters.

>>> import communique
>>> with communique.open("events.duckdb") as db:
...     db.events(dyad=("RUS", "PRK"), since="2024-01-01")
...     db.dyad("RUS", "PRK", by="month")
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import pandas as pd

from communique import store
from communique.analysis.dyads import dyad_series
from communique.errors import InputError
from communique.events.ontology import load_ontology
from communique.records import CodedDocument
from communique.settings import get_settings
from communique.store import EventFilter
from communique.store.exports import export_events

if TYPE_CHECKING:
    import networkx as nx

# Filters ``Store.events`` takes: every EventFilter field, and ``dyad`` = (source, target).
FILTER_NAMES = ("dyad", *(f.name for f in fields(EventFilter)))


def event_filter(**filters: Any) -> EventFilter:
    """Build an EventFilter from keyword filters, checked against the event ontology.

    Args:
        **filters: Any of :data:`FILTER_NAMES`; ``dyad=(a, b)`` sets ``source`` and
            ``target``. None values are ignored.

    Raises:
        InputError: An unknown filter name, PLOVER type or CAMEO code, or a bad value
            (the message lists the valid choices).
    """
    given = {name: value for name, value in filters.items() if value is not None}
    unknown = sorted(set(given) - set(FILTER_NAMES))
    if unknown:
        raise InputError(
            "unknown-filter",
            f"unknown event filter {', '.join(unknown)}; expected: {', '.join(FILTER_NAMES)}.",
        )
    dyad = given.pop("dyad", None)
    if dyad is not None:
        if "source" in given or "target" in given or len(dyad) != 2:
            raise InputError("bad-dyad", "dyad is (source, target); give it or them, not both.")
        given["source"], given["target"] = dyad
    where = EventFilter(**given)
    ontology = load_ontology()
    if where.type is not None:
        ontology.plover(where.type)
    if where.cameo is not None:
        ontology.cameo(where.cameo)
    return where


class Store:
    """A database of coded news, open for reading; use it as a context manager.

    Every method returns fresh results; nothing is cached. Create one with
    :func:`open_store` (``communique.open``).
    """

    def __init__(self, connection: store.Connection, path: Path | str) -> None:
        """Wrap an open connection (``open_store`` opens one for you)."""
        self.connection = connection
        self.path = path

    def __enter__(self) -> Store:
        """Return the store itself."""
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Close the database."""
        self.close()

    def __repr__(self) -> str:
        return f"<communique.Store {self.path}>"

    def close(self) -> None:
        """Close the database; the store cannot be used afterwards."""
        self.connection.close()

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return store.counts(self.connection)

    def events(self, **filters: Any) -> pd.DataFrame:
        """Events matching ``filters``, earliest first (see :func:`event_filter`).

        Example: ``db.events(actor="RUS", cameo="19", modality="asserted", limit=100)``.
        """
        return store.events(self.connection, event_filter(**filters))

    def dyad(
        self,
        a: str,
        b: str,
        by: str = "week",
        symmetric: bool = False,
        *,
        modality: str | None = "asserted",
    ) -> pd.DataFrame:
        """The dyad series from ``a`` to ``b`` (:func:`communique.analysis.dyad_series`)."""
        return dyad_series(self.connection, a, b, by, symmetric, modality=modality)

    def network(
        self,
        since: str | None = None,
        until: str | None = None,
        min_events: int = 1,
        *,
        modality: str | None = "asserted",
    ) -> nx.DiGraph:
        """The actor network (:func:`communique.analysis.actor_network`)."""
        from communique.analysis.network import actor_network

        return actor_network(self.connection, since, until, min_events, modality=modality)

    def actors(
        self,
        code: str | None = None,
        name: str | None = None,
        role: str | None = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Actors with their mention and event counts (:func:`communique.store.actors`)."""
        return store.actors(self.connection, code=code, name=name, role=role, limit=limit)

    def quotes(
        self,
        speaker: str | None = None,
        text: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Quotes by speaker (code or name) and text (:func:`communique.store.quotes`)."""
        return store.quotes(self.connection, speaker=speaker, text=text, kind=kind, limit=limit)

    def article(self, doc_id: str) -> store.StoredArticle | None:
        """The article ``doc_id`` with its actors, events, quotes and rejections as frames."""
        return store.article(self.connection, doc_id)

    def document(self, doc_id: str) -> CodedDocument | None:
        """The document ``doc_id`` as records, as ``communique.code`` returned it."""
        return store.coded_document(self.connection, doc_id)

    def export(self, path: Path | str, export_format: str, **filters: Any) -> int:
        """Write the events matching ``filters`` to ``path``; return how many.

        Formats: ``gdelt``, ``plover``, ``csv``, ``parquet`` (see docs/exports.md).
        """
        return export_events(self.connection, path, export_format, event_filter(**filters))


def open_store(db: Path | str | None = None, *, read_only: bool = True) -> Store:
    """Open the database ``db`` (default: the ``COMMUNIQUE_DB`` setting) for queries.

    Args:
        db: The DuckDB file written by ``communique ingest``.
        read_only: Open read-only (the default), so other processes can read it too.
            ``False`` also upgrades an older database to this version's schema.

    Raises:
        StorageError: No database there, it is locked by a writer, or it is not one.
    """
    path = db if db is not None else get_settings().db_path
    return Store(store.open_database(path, read_only=read_only), path)
