"""Stored documents back as records: the raw document as read, and everything coded from it.

``communique article ID --format json`` and recoding read documents back through here; the
annotation (the parse) is not stored, so it never comes back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb
import pandas as pd

from communique.records import (
    ActorMention,
    ActorRef,
    CodedDocument,
    Event,
    Quote,
    RawDocument,
    Rejection,
)
from communique.store.places import document_places, location_place
from communique.store.queries import article

__all__ = ["coded_document", "raw_document"]


def coded_document(connection: duckdb.DuckDBPyConnection, doc_id: str) -> CodedDocument | None:
    """The stored document ``doc_id`` as the records ``communique code`` made of it.

    The annotation (the parse) is not stored, so ``annotation`` is None.

    Returns:
        None when no document is stored under ``doc_id``.
    """
    raw = raw_document(connection, doc_id)
    if raw is None:
        return None
    stored = article(connection, doc_id)
    if stored is None:
        return CodedDocument(raw=raw, rejections=_rejection_records(connection, doc_id))
    return CodedDocument(
        raw=raw,
        article=stored.article,
        actors=tuple(
            ActorMention(**_fields(row, _MENTION_FIELDS))
            for row in stored.actors.to_dict("records")
        ),
        events=tuple(_event(row) for row in stored.events.to_dict("records")),
        quotes=tuple(_quote(row) for row in stored.quotes.to_dict("records")),
        places=document_places(connection, doc_id),
        rejections=_rejection_records(connection, doc_id),
    )


_MENTION_FIELDS = (
    "doc_id", "actor_id", "start", "end", "code", "name", "country", "sector", "role", "producer",
)  # fmt: skip


def _fields(row: dict[str, Any], names: Sequence[str]) -> dict[str, Any]:
    """``row``'s values for ``names``, with pandas' missing values (NaN, NaT) as None."""
    return {name: None if pd.isna(row[name]) else row[name] for name in names}


def _ref(row: dict[str, Any], prefix: str) -> ActorRef | None:
    code, name, actor_id = (row[f"{prefix}_{part}"] for part in ("code", "name", "actor_id"))
    if pd.isna(code):
        return None
    return ActorRef(code=code, name=name, actor_id=None if pd.isna(actor_id) else actor_id)


def _event(row: dict[str, Any]) -> Event:
    values = _fields(row, ("doc_id", "id", "type", "mode", "cameo", "modality", "evidence"))
    values.update(_fields(row, ("sentence", "start", "end", "producer")))
    source = _ref(row, "source")
    assert source is not None  # the schema makes source_code NOT NULL
    return Event(
        **values,
        source=source,
        target=_ref(row, "target"),
        attributed_to=_ref(row, "attributed"),
        quad_class=int(row["quad_class"]),
        goldstein=float(row["goldstein"]),
        confidence=float(row["confidence"]),
        date=None if pd.isna(row["date"]) else row["date"].date().isoformat(),
        location=location_place(row),
    )


def _quote(row: dict[str, Any]) -> Quote:
    values = _fields(row, ("doc_id", "id", "text", "kind", "cue", "start", "end", "producer"))
    values.update(_fields(row, ("speaker_name",)))  # kept also for a speaker without a code
    return Quote(**values, speaker=_ref(row, "speaker"))


def _rejection_records(connection: duckdb.DuckDBPyConnection, doc_id: str) -> tuple[Rejection, ...]:
    rows = connection.execute(
        "SELECT origin, stage, reason, detail, doc_id FROM rejections WHERE doc_id = ?"
        ' ORDER BY "at", origin',
        [doc_id],
    ).fetchall()
    return tuple(Rejection(*row) for row in rows)


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
