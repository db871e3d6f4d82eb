"""Read queries the API and the dashboard need beyond ``queries.py``: pages with totals.

Every list of the API is a page (``limit`` and ``offset``) with the total count of
matching rows, so an interface can page through a large store without loading it.
Events reuse ``queries.event_query``, quotes the clauses of ``queries.quotes``, so
``/api/events?actor=RUS`` means exactly what ``store.events(db, EventFilter(actor="RUS"))``
means. User input only ever reaches DuckDB as bound parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import duckdb
import pandas as pd

from communique.store._filters import (
    QUOTE_KINDS,
    EventFilter,
    actor_match,
    check_choice,
    where_sql,
)
from communique.store.queries import EVENT_COLUMNS, event_query

_DOCUMENT_JOIN = " LEFT JOIN documents AS d ON d.id = e.doc_id"


def event_page(
    connection: duckdb.DuckDBPyConnection,
    where: EventFilter,
    *,
    limit: int,
    offset: int = 0,
    newest_first: bool = True,
    ingested_after: datetime | None = None,
) -> tuple[pd.DataFrame, int]:
    """One page of the events ``store.events`` returns for ``where``, and their total.

    Args:
        connection: An open connection or cursor.
        where: Which events (its ``limit`` is ignored: the page has one).
        limit: At most this many events.
        offset: Events skipped before the page.
        newest_first: Latest event date first; otherwise earliest first.
        ingested_after: Only events of documents stored after this UTC time (watchlists).

    Returns:
        The page (the columns of ``store.events`` plus ``ingested_at``, when the
        document was stored) and how many events match in all.
    """
    inner, params = event_query(
        replace(where, limit=None), columns=f"{EVENT_COLUMNS}, d.ingested_at", joins=_DOCUMENT_JOIN
    )
    source = f" FROM ({inner}) AS found"
    if ingested_after is not None:
        source += " WHERE found.ingested_at > ?"
        params.append(ingested_after)
    total = _scalar(connection, f"SELECT count(*){source}", params)
    direction = "DESC" if newest_first else "ASC"
    sql = (
        f'SELECT *{source} ORDER BY "date" {direction} NULLS LAST, doc_id, "start", id'
        " LIMIT ? OFFSET ?"
    )
    return connection.execute(sql, [*params, limit, offset]).df(), total


def quote_page(
    connection: duckdb.DuckDBPyConnection,
    *,
    speaker: str | None = None,
    text: str | None = None,
    kind: str | None = None,
    limit: int,
    offset: int = 0,
) -> tuple[pd.DataFrame, int]:
    """One page of the quotes ``store.quotes`` returns, newest article first, and their total.

    Args:
        connection: An open connection or cursor.
        speaker: The speaker's CAMEO code prefix or the start of a word of their name.
        text: Part of the quote, case-insensitive.
        kind: ``direct`` or ``indirect``.
        limit: At most this many quotes.
        offset: Quotes skipped before the page.

    Returns:
        The page (the columns of ``store.quotes``) and the total.

    Raises:
        InputError: ``kind`` is not ``direct`` or ``indirect``.
    """
    check_choice("quote_kind", kind, QUOTE_KINDS)
    clauses: list[str] = []
    params: list[Any] = []
    if speaker is not None:
        clauses.append(actor_match("q.speaker"))
        params += [speaker, speaker]
    for clause, value in (("contains(lower(q.text), lower(?))", text), ("q.kind = lower(?)", kind)):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    source = " FROM quotes AS q LEFT JOIN articles AS a ON a.doc_id = q.doc_id" + where_sql(clauses)
    total = _scalar(connection, f"SELECT count(*){source}", params)
    sql = (
        "SELECT q.id, q.doc_id, q.text, q.kind, q.speaker_code, q.speaker_name,"
        ' q.speaker_actor_id, q.cue, q."start", q."end", q.producer, a.title AS article_title,'
        " a.published AS article_published, a.source AS article_source, a.url AS article_url"
        f'{source} ORDER BY a.published DESC NULLS LAST, q.doc_id, q."start", q.id'
        " LIMIT ? OFFSET ?"
    )
    return connection.execute(sql, [*params, limit, offset]).df(), total


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


def _scalar(connection: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> int:
    row = connection.execute(sql, params).fetchone()
    return int(row[0]) if row else 0
