"""Store frames → response models: NULLs become None, timestamps dates, actors nested."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from communique.api.schemas import (
    ActorOut,
    ActorRef,
    DyadPoint,
    EventOut,
    PlaceOut,
    QuoteOut,
    TextSpan,
)
from communique.store.places import location_dict

Row = dict[str, Any]


def rows(frame: pd.DataFrame) -> list[Row]:
    """The frame's rows as dicts of plain Python values (None for NULL, NaN and NaT)."""
    names = [str(name) for name in frame.columns]
    # One object array for the whole frame: a third of the time of to_dict("records").
    return [dict(zip(names, map(_plain, row), strict=True)) for row in frame.to_numpy(object)]


def events(records: Iterable[Row]) -> list[EventOut]:
    """Event rows (``store.events`` columns, as :func:`rows` or a page query gives them)
    as response models."""
    return [event(row) for row in records]


def event(row: Row) -> EventOut:
    """One event row as a response model."""
    source = actor_ref(row, "source")
    assert source is not None, "events.source_code is NOT NULL"
    return EventOut(
        id=row["id"],
        doc_id=row["doc_id"],
        date=as_date(row["date"]),
        source=source,
        target=actor_ref(row, "target"),
        attributed_to=actor_ref(row, "attributed"),
        type=row["type"] or "",
        mode=row["mode"],
        cameo=row["cameo"],
        quad_class=row["quad_class"],
        goldstein=row["goldstein"],
        modality=row["modality"],
        evidence=row["evidence"] or "",
        sentence=row["sentence"],
        start=row["start"],
        end=row["end"],
        confidence=row["confidence"],
        producer=row["producer"],
        article_title=row.get("article_title"),
        article_published=row.get("article_published"),
        article_source=row.get("article_source"),
        article_url=row.get("article_url"),
        location=location(row),
    )


def location(row: Row) -> PlaceOut | None:
    """The event's location: a page row's ``location`` dict, or a frame row's columns."""
    found = row["location"] if "location" in row else location_dict(row)
    return None if found is None else PlaceOut(**found)


def quotes(records: Iterable[Row]) -> list[QuoteOut]:
    """Quote rows (every ``quotes`` column, as dicts) as response models."""
    return [
        QuoteOut(
            id=row["id"],
            doc_id=row["doc_id"],
            text=row["text"],
            kind=row["kind"],
            speaker=actor_ref(row, "speaker"),
            cue=row["cue"],
            start=row["start"],
            end=row["end"],
            producer=row["producer"],
            article_title=row.get("article_title"),
            article_published=row.get("article_published"),
            article_source=row.get("article_source"),
            article_url=row.get("article_url"),
        )
        for row in records
    ]


def actors(records: Iterable[Row]) -> list[ActorOut]:
    """Actor rows (``store.actors`` columns, as dicts) as response models."""
    return [ActorOut(**row) for row in records]


def dyad_points(frame: pd.DataFrame) -> list[DyadPoint]:
    """Series rows (``analysis.dyad_series``) as response models."""
    return [DyadPoint(**{**row, "period": as_date(row["period"])}) for row in rows(frame)]


def spans(event_list: list[EventOut], quote_list: list[QuoteOut]) -> list[TextSpan]:
    """Events and quotes as spans of the article text, in text order."""
    found = [
        TextSpan(
            kind="event",
            id=e.id,
            start=e.start,
            end=e.end,
            label=f"{e.cameo} {e.type}".strip(),
            modality=e.modality,
            attributed_to=e.attributed_to.name if e.attributed_to else None,
        )
        for e in event_list
    ]
    found += [
        TextSpan(
            kind="quote",
            id=q.id,
            start=q.start,
            end=q.end,
            label=f"{q.kind} quote",
            attributed_to=q.speaker.name if q.speaker else None,
        )
        for q in quote_list
    ]
    return sorted(found, key=lambda s: (s.start, -s.end, s.kind, s.id))


def actor_ref(row: Row, prefix: str) -> ActorRef | None:
    """The actor ``prefix_code``, ``prefix_name``, ``prefix_actor_id`` of a row, if any."""
    code = row.get(f"{prefix}_code")
    if code is None:
        return None
    return ActorRef(
        code=code, name=row.get(f"{prefix}_name") or code, actor_id=row.get(f"{prefix}_actor_id")
    )


def as_date(value: Any) -> date | None:
    """A DATE value as the store's frames hold it (Timestamp, datetime or date) → date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value
