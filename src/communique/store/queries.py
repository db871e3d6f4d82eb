"""Read queries: every SELECT an interface needs, returning DataFrames or records.

Functions take a connection (or a cursor of one, for concurrent reads) from
``open_database``; none of them writes. Filter values are always bound as parameters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import duckdb
import pandas as pd

from communique.records import Article, RoleFact
from communique.store._filters import (
    QUOTE_KINDS,
    EventFilter,
    actor_match,
    check_choice,
    event_clauses,
    where_sql,
)
from communique.store.places import LOCATION_COLUMNS, fold_location

__all__ = [
    "EVENT_COLUMNS",
    "TABLES",
    "ActorTable",
    "EventFilter",
    "StoredArticle",
    "actor_table",
    "actors",
    "article",
    "counts",
    "document_ids",
    "event_query",
    "events",
    "known_document_ids",
    "quotes",
    "rejections",
    "role_facts",
    "runs",
]

# Tables whose rows ``counts`` reports, in the order the pipeline fills them.
TABLES = (
    "documents",
    "articles",
    "actor_mentions",
    "events",
    "quotes",
    "places",
    "rejections",
    "runs",
    "role_facts",
)

EVENT_COLUMNS = f"""
    e.id, e.doc_id, e."date", e.source_code, e.source_name, e.source_actor_id,
    e.target_code, e.target_name, e.target_actor_id, e."type", e."mode", e.cameo,
    e.quad_class, e.goldstein, e.modality, e.attributed_code, e.attributed_name,
    e.attributed_actor_id, e.evidence, e.confidence, e.sentence, e."start", e."end",
    e.producer, {LOCATION_COLUMNS}, a.title AS article_title,
    a.published AS article_published, a.source AS article_source, a.url AS article_url"""


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
        ``attributed_*`` columns (code, name, actor_id), the location ``location_*``
        columns (name, geonameid, lat, lon, country, admin1, feature, start, end,
        producer; NULL when the event has none).
    """
    sql, params = event_query(where or EventFilter())
    return connection.execute(sql, params).df()


def event_query(
    where: EventFilter, columns: str = EVENT_COLUMNS, joins: str = ""
) -> tuple[str, list[Any]]:
    """The SELECT of :func:`events`: ``columns`` of ``events e`` joined to ``articles a``.

    ``joins`` (fixed SQL, never user input) adds tables for the exports.
    """
    clauses, params = event_clauses(where)
    sql = f"SELECT {columns} FROM events AS e LEFT JOIN articles AS a ON a.doc_id = e.doc_id"
    sql += joins
    sql += where_sql(clauses) + ' ORDER BY e."date" NULLS LAST, e.doc_id, e."start", e.id'
    if where.limit is not None:
        sql += " LIMIT ?"
        params.append(where.limit)
    return sql, params


@dataclass(frozen=True, slots=True)
class ActorTable:
    """Every actor of the store (one row per code and name) with its counts, most mentioned
    first: what :func:`actors` filters. Build it once with :func:`actor_table` and select
    from it as often as the store does not change (the API keeps one per store state)."""

    rows: tuple[dict[str, Any], ...]
    # Per row, its distinct roles in lower case (the ``role`` filter reads them).
    roles: tuple[tuple[str, ...], ...]

    def select(
        self,
        *,
        code: str | None = None,
        name: str | None = None,
        role: str | None = None,
    ) -> list[dict[str, Any]]:
        """The rows that match every filter given, in the table's order.

        ``code`` is a CAMEO code prefix (case-insensitive), ``name`` the start of a word of
        the actor's name, ``role`` part of a role the actor was mentioned with.
        """
        code_prefix = code.upper() if code is not None else None
        word_start = " " + name.lower() if name is not None else None
        role_part = role.lower() if role is not None else None
        found = []
        for row, roles in zip(self.rows, self.roles, strict=True):
            if code_prefix is not None and not row["code"].startswith(code_prefix):
                continue
            if word_start is not None and word_start not in " " + (row["name"] or "").lower():
                continue
            if role_part is not None and not any(role_part in r for r in roles):
                continue
            found.append(row)
        return found


def actor_table(connection: duckdb.DuckDBPyConnection) -> ActorTable:
    """The store's :class:`ActorTable`: mentions, documents and events per code and name."""
    sql = """
        WITH found AS (
            SELECT m.code, m.name, mode(m.country) AS country, mode(m.sector) AS sector,
                list(DISTINCT m.role ORDER BY m.role) FILTER (WHERE m.role IS NOT NULL)
                    AS role_list,
                count(*) AS mentions, count(DISTINCT m.doc_id) AS documents
            FROM actor_mentions AS m GROUP BY m.code, m.name),
        involved AS (
            SELECT code, name, count(*) AS events FROM (
                SELECT source_code AS code, source_name AS name FROM events
                UNION ALL SELECT target_code, target_name FROM events
                WHERE target_code IS NOT NULL) GROUP BY code, name)
        SELECT found.code, found.name, found.country, found.sector, found.role_list,
            found.mentions, found.documents, coalesce(involved.events, 0) AS events
        FROM found LEFT JOIN involved USING (code, name)
        ORDER BY mentions DESC, code, name"""
    rows, roles = [], []
    for code, name, country, sector, role_list, mentions, documents, events in connection.execute(
        sql
    ).fetchall():
        role_list = role_list or []
        rows.append(
            {
                "code": code,
                "name": name,
                "country": country,
                "sector": sector,
                "roles": "; ".join(role_list) or None,
                "mentions": mentions,
                "documents": documents,
                "events": events,
            }
        )
        roles.append(tuple(r.lower() for r in role_list))
    return ActorTable(tuple(rows), tuple(roles))


def actors(
    connection: duckdb.DuckDBPyConnection,
    *,
    code: str | None = None,
    name: str | None = None,
    role: str | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """Actors (one row per code and name) with how often they are mentioned and in events.

    Args:
        connection: An open database.
        code: A CAMEO actor code prefix (``RUS`` matches ``RUSGOV``), case-insensitive.
        name: The start of a word of the actor's name, case-insensitive.
        role: Part of a role the actor was mentioned with (``minister``), case-insensitive.
        limit: At most this many actors.

    Returns:
        Columns ``code``, ``name``, ``country``, ``sector``, ``roles`` (distinct roles,
        ``; ``-separated), ``mentions``, ``documents`` and ``events`` (as source or
        target); most mentioned first.
    """
    found = actor_table(connection).select(code=code, name=name, role=role)
    return pd.DataFrame(found[:limit] if limit is not None else found, columns=ACTOR_COLUMNS)


ACTOR_COLUMNS = ("code", "name", "country", "sector", "roles", "mentions", "documents", "events")


def quotes(
    connection: duckdb.DuckDBPyConnection,
    *,
    speaker: str | None = None,
    text: str | None = None,
    kind: str | None = None,
    doc_id: str | None = None,
    limit: int | None = None,
    newest_first: bool = False,
) -> pd.DataFrame:
    """Quotes with their speaker and article, in article date and text order.

    Args:
        connection: An open database.
        speaker: The speaker's CAMEO code prefix or the start of a word of their name.
        text: Part of the quoted text, case-insensitive.
        kind: ``direct`` or ``indirect``.
        doc_id: Quotes of one document.
        limit: At most this many quotes.
        newest_first: Latest article first; otherwise earliest first.

    Raises:
        InputError: ``kind`` is not ``direct`` or ``indirect``.
    """
    source, params = _quote_source(speaker, text, kind, doc_id)
    sql = f"SELECT {QUOTE_COLUMNS}{source}{_quote_order(newest_first)}"
    return connection.execute(*_limited(sql, params, limit)).df()


def quote_page(
    connection: duckdb.DuckDBPyConnection,
    *,
    speaker: str | None = None,
    text: str | None = None,
    kind: str | None = None,
    doc_id: str | None = None,
    limit: int,
    offset: int = 0,
    newest_first: bool = True,
) -> tuple[list[Record], int]:
    """One page of the quotes :func:`quotes` returns for the same filters, and their total.

    Args:
        connection: An open connection or cursor.
        speaker: The speaker's CAMEO code prefix or the start of a word of their name.
        text: Part of the quote, case-insensitive.
        kind: ``direct`` or ``indirect``.
        doc_id: Quotes of one document.
        limit: At most this many quotes.
        offset: Quotes skipped before the page.
        newest_first: Latest article first (the API's order); otherwise earliest first.

    Returns:
        The page (rows as dicts, the columns of :func:`quotes`) and the total.

    Raises:
        InputError: ``kind`` is not ``direct`` or ``indirect``.
    """
    source, params = _quote_source(speaker, text, kind, doc_id)
    order = _quote_order(newest_first)
    sql = f"SELECT {QUOTE_COLUMNS}, count(*) OVER () AS {_TOTAL}{source}{order} LIMIT ? OFFSET ?"
    page = _records(connection.execute(sql, [*params, limit, offset]))
    return _with_total(connection, page, f"SELECT count(*){source}", params)


QUOTE_COLUMNS = (
    "q.id, q.doc_id, q.text, q.kind, q.speaker_code, q.speaker_name,"
    ' q.speaker_actor_id, q.cue, q."start", q."end", q.producer, a.title AS article_title,'
    " a.published AS article_published, a.source AS article_source, a.url AS article_url"
)


def _quote_source(
    speaker: str | None, text: str | None, kind: str | None, doc_id: str | None
) -> tuple[str, list[Any]]:
    """The FROM and WHERE of the quote queries, and their bound parameters."""
    check_choice("quote_kind", kind, QUOTE_KINDS)
    clauses: list[str] = []
    params: list[Any] = []
    if speaker is not None:
        clauses.append(actor_match("q.speaker"))
        params += [speaker, speaker]
    for clause, value in (
        ("contains(lower(q.text), lower(?))", text),
        ("q.kind = lower(?)", kind),
        ("q.doc_id = ?", doc_id),
    ):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    source = " FROM quotes AS q LEFT JOIN articles AS a ON a.doc_id = q.doc_id"
    return source + where_sql(clauses), params


def _quote_order(newest_first: bool) -> str:
    direction = "DESC" if newest_first else "ASC"
    return f' ORDER BY a.published {direction} NULLS LAST, q.doc_id, q."start", q.id'


_DOCUMENT_JOIN = " LEFT JOIN documents AS d ON d.id = e.doc_id"


def event_page(
    connection: duckdb.DuckDBPyConnection,
    where: EventFilter,
    *,
    limit: int,
    offset: int = 0,
    newest_first: bool = True,
    ingested_after: datetime | None = None,
) -> tuple[list[Record], int]:
    """One page of the events :func:`events` returns for ``where``, and their total.

    Args:
        connection: An open connection or cursor.
        where: Which events (its ``limit`` is ignored: the page has one).
        limit: At most this many events.
        offset: Events skipped before the page.
        newest_first: Latest event date first; otherwise earliest first.
        ingested_after: Only events of documents stored after this UTC time (watchlists).

    Returns:
        The page (rows as dicts: the columns of :func:`events`, but the ``location_*``
        ones folded into ``location``, the contract's dict or None; plus ``ingested_at``,
        when the document was stored) and how many events match in all.
    """
    clauses, params = event_clauses(replace(where, limit=None))
    joins = ""
    if ingested_after is not None:
        joins = _DOCUMENT_JOIN
        clauses.append("d.ingested_at > ?")
        params.append(ingested_after)
    matching = f"FROM events AS e{joins}{where_sql(clauses)}"
    direction = "DESC" if newest_first else "ASC"
    order = f'ORDER BY e."date" {direction} NULLS LAST, e.doc_id, e."start", e.id'
    # The page is chosen on the events table alone (a top-N), then joined for its rows
    # only; the total rides along on each row (one query, not two).
    sql = (
        f"WITH page AS (SELECT e.*, count(*) OVER () AS {_TOTAL} {matching} {order}"
        f" LIMIT ? OFFSET ?) SELECT {EVENT_COLUMNS}, d.ingested_at, e.{_TOTAL} FROM page AS e"
        f" LEFT JOIN articles AS a ON a.doc_id = e.doc_id{_DOCUMENT_JOIN} {order}"
    )
    page = [
        fold_location(row) for row in _records(connection.execute(sql, [*params, limit, offset]))
    ]
    return _with_total(connection, page, f"SELECT count(*) {matching}", params)


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What the store holds for one document: when it came, what was coded, why it failed."""

    ingested_at: datetime
    events: int
    quotes: int
    rejections: tuple[str, ...]


def document_summary(connection: duckdb.DuckDBPyConnection, doc_id: str) -> DocumentSummary | None:
    """The summary of the document ``doc_id``, or None when it is not stored."""
    row = connection.execute(
        "SELECT d.ingested_at,"
        " (SELECT count(*) FROM events WHERE doc_id = d.id),"
        " (SELECT count(*) FROM quotes WHERE doc_id = d.id),"
        " (SELECT list(stage || ' (' || reason || '): ' || detail ORDER BY \"at\")"
        "  FROM rejections WHERE doc_id = d.id)"
        " FROM documents AS d WHERE d.id = ?",
        [doc_id],
    ).fetchone()
    if row is None:
        return None
    ingested_at, n_events, n_quotes, rejections = row
    return DocumentSummary(ingested_at, int(n_events), int(n_quotes), tuple(rejections or ()))


# The column that carries a page query's total on each of its rows.
_TOTAL = "total_matching"
Record = dict[str, Any]


def _records(result: duckdb.DuckDBPyConnection) -> list[Record]:
    """The rows of an executed query as dicts by column name (NULL: None)."""
    names = [column[0] for column in result.description or ()]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def _with_total(
    connection: duckdb.DuckDBPyConnection, page: list[Record], count_sql: str, params: list[Any]
) -> tuple[list[Record], int]:
    """The page without its total column, and the total: from its rows, or counted when
    the page is empty (an offset past the end)."""
    if not page:
        return page, _scalar(connection, count_sql, params)
    total = int(page[0][_TOTAL])
    for row in page:
        del row[_TOTAL]
    return page, total


def _scalar(connection: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> int:
    row = connection.execute(sql, params).fetchone()
    return int(row[0]) if row else 0


def _limited(sql: str, params: list[Any], limit: int | None) -> tuple[str, list[Any]]:
    return (sql, params) if limit is None else (sql + " LIMIT ?", [*params, limit])


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


def rejections(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every stored rejection, oldest first."""
    return connection.execute('SELECT * FROM rejections ORDER BY "at", origin').df()


def runs(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every recorded run with its config, versions and counts (JSON text), oldest first."""
    return connection.execute("SELECT * FROM runs ORDER BY started_at").df()


def role_facts(connection: duckdb.DuckDBPyConnection) -> list[RoleFact]:
    """The remembered roles, least recently seen first (so replaying them keeps recency)."""
    rows = connection.execute(
        "SELECT name, role, code, country, sector, first_seen, last_seen FROM role_facts"
        " ORDER BY last_seen NULLS FIRST, name"
    ).fetchall()
    return [RoleFact(*row) for row in rows]
