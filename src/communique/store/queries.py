"""Read queries: every SELECT an interface needs, returning DataFrames or records.

Functions take a connection (or a cursor of one, for concurrent reads) from
``open_database``; none of them writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

import duckdb
import pandas as pd

from communique.records import Article, RawDocument

# Tables whose rows ``counts`` reports, in the order the pipeline fills them.
TABLES = (
    "documents",
    "articles",
    "actor_mentions",
    "events",
    "quotes",
    "rejections",
    "runs",
    "role_facts",
)

_EVENT_COLUMNS = """
    e.id, e.doc_id, e."date", e.source_code, e.source_name, e.source_actor_id,
    e.target_code, e.target_name, e.target_actor_id, e."type", e."mode", e.cameo,
    e.quad_class, e.goldstein, e.modality, e.attributed_code, e.attributed_name,
    e.attributed_actor_id, e.evidence, e.confidence, e.sentence, e."start", e."end",
    e.producer, a.title AS article_title, a.published AS article_published,
    a.source AS article_source, a.url AS article_url"""


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return; every field left None matches everything.

    Actors (``actor``, ``source``, ``target``, ``attributed_to``) match a CAMEO code
    prefix (``RUS`` matches ``RUSGOV`` and ``RUSMIL``) or, case-insensitively, part
    of the actor's name.

    Attributes:
        actor: Source or target.
        source: The actor who acts.
        target: The actor acted on (with ``source``: a dyad).
        type: PLOVER event type (``CONSULT``, ``ASSAULT`` …), case-insensitive.
        cameo: CAMEO code or root: ``19`` matches ``190`` to ``196``.
        quad_class: 1 verbal cooperation … 4 material conflict.
        modality: ``asserted``, ``possible``, ``intended``, ``negated`` or ``conditional``.
        attributed_to: Who says so.
        since: First event date included (``date`` or ISO string).
        until: Last event date included.
        text: Part of the evidence sentence, case-insensitive.
        doc_id: Events of one document.
        limit: At most this many events (earliest first).
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    type: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    modality: str | None = None
    attributed_to: str | None = None
    since: date | str | None = None
    until: date | str | None = None
    text: str | None = None
    doc_id: str | None = None
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """One stored article with everything coded from it (``communique article ID``)."""

    article: Article
    actors: pd.DataFrame
    events: pd.DataFrame
    quotes: pd.DataFrame
    rejections: pd.DataFrame


def events(connection: duckdb.DuckDBPyConnection, where: EventFilter | None = None) -> pd.DataFrame:
    """Events matching ``where``, earliest first, with their article's title, source and URL.

    Returns:
        One row per event; actor references are ``source_*``, ``target_*`` and
        ``attributed_*`` columns (code, name, actor_id).
    """
    clauses, params = _event_clauses(where or EventFilter())
    sql = f"SELECT {_EVENT_COLUMNS} FROM events AS e LEFT JOIN articles AS a ON a.doc_id = e.doc_id"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += ' ORDER BY e."date" NULLS LAST, e.doc_id, e."start", e.id'
    if where is not None and where.limit is not None:
        sql += " LIMIT ?"
        params.append(where.limit)
    return connection.execute(sql, params).df()


def _event_clauses(where: EventFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []

    def add(clause: str, *values: Any) -> None:
        clauses.append(clause)
        params.extend(values)

    if where.actor is not None:
        add(f"({_actor('source')} OR {_actor('target')})", *_actor_params(where.actor, 2))
    for prefix, value in (
        ("source", where.source),
        ("target", where.target),
        ("attributed", where.attributed_to),
    ):
        if value is not None:
            add(_actor(prefix), *_actor_params(value, 1))
    if where.type is not None:
        add('upper(e."type") = upper(?)', where.type)
    if where.cameo is not None:
        add("starts_with(e.cameo, ?)", where.cameo)
    if where.quad_class is not None:
        add("e.quad_class = ?", where.quad_class)
    if where.modality is not None:
        add("e.modality = lower(?)", where.modality)
    if where.since is not None:
        add('e."date" >= CAST(? AS DATE)', str(where.since))
    if where.until is not None:
        add('e."date" <= CAST(? AS DATE)', str(where.until))
    if where.text is not None:
        add("contains(lower(e.evidence), lower(?))", where.text)
    if where.doc_id is not None:
        add("e.doc_id = ?", where.doc_id)
    return clauses, params


def _actor(prefix: str) -> str:
    return f"(starts_with(e.{prefix}_code, upper(?)) OR contains(lower(e.{prefix}_name), lower(?)))"


def _actor_params(value: str, times: int) -> list[str]:
    return [value, value] * times


def counts(connection: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per table, for the ingest summary and for checking that nothing doubled."""
    sql = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM {t}" for t in TABLES)
    return {str(table): int(n) for table, n in connection.execute(sql).fetchall()}


def document_ids(connection: duckdb.DuckDBPyConnection) -> set[str]:
    """The ids of every stored document."""
    return {str(doc_id) for (doc_id,) in connection.execute("SELECT id FROM documents").fetchall()}


def known_document_ids(connection: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` are stored already (ingest skips them before coding)."""
    wanted = list(ids)
    if not wanted:
        return set()
    rows = connection.execute(
        "SELECT id FROM documents WHERE list_contains(?, id)", [wanted]
    ).fetchall()
    return {str(doc_id) for (doc_id,) in rows}


def article(connection: duckdb.DuckDBPyConnection, doc_id: str) -> StoredArticle | None:
    """The article ``doc_id`` with its actor mentions, events, quotes and rejections.

    Returns:
        None when no article is stored under ``doc_id`` (unknown id, or a document
        rejected before extraction: see :func:`rejections`).
    """
    row = connection.execute(
        "SELECT doc_id, text, title, published, source, url, language, author, site_name,"
        " producer FROM articles WHERE doc_id = ?",
        [doc_id],
    ).fetchone()
    if row is None:
        return None
    names = ("doc_id", "text", "title", "published", "source", "url", "language", "author")
    values = dict(zip((*names, "site_name", "producer"), row, strict=True))
    return StoredArticle(
        article=Article(**values),
        actors=_of_document(connection, "actor_mentions", doc_id, '"start"'),
        events=events(connection, EventFilter(doc_id=doc_id)),
        quotes=_of_document(connection, "quotes", doc_id, '"start"'),
        rejections=_of_document(connection, "rejections", doc_id, '"at"'),
    )


def _of_document(
    connection: duckdb.DuckDBPyConnection, table: str, doc_id: str, order: str
) -> pd.DataFrame:
    return connection.execute(
        f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY {order}", [doc_id]
    ).df()


def raw_document(connection: duckdb.DuckDBPyConnection, doc_id: str) -> RawDocument | None:
    """The document ``doc_id`` as it was read, its bytes decoded again (for recoding)."""
    row = connection.execute(
        "SELECT id, origin, data, media_type, encoding, url, title, published, source, producer"
        " FROM documents WHERE id = ?",
        [doc_id],
    ).fetchone()
    if row is None:
        return None
    doc, origin, data, media_type, encoding, url, title, published, source, producer = row
    return RawDocument(
        id=doc,
        origin=origin,
        data=bytes(data),
        text=bytes(data).decode(encoding or "utf-8", errors="replace"),
        media_type=media_type,
        encoding=encoding or "utf-8",
        url=url,
        title=title,
        published=published,
        source=source,
        producer=producer or "",
    )


def rejections(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every stored rejection, oldest first."""
    return connection.execute('SELECT * FROM rejections ORDER BY "at", origin').df()


def runs(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every recorded run with its config, versions and counts (JSON text), oldest first."""
    return connection.execute("SELECT * FROM runs ORDER BY started_at").df()


def role_facts(connection: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The remembered roles, least recently seen first (so replaying them keeps recency)."""
    result = connection.execute(
        "SELECT name, role, code, country, sector, first_seen, last_seen FROM role_facts"
        " ORDER BY last_seen NULLS FIRST, name"
    )
    columns = [str(d[0]) for d in cast(Sequence[Sequence[Any]], result.description)]
    return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]
