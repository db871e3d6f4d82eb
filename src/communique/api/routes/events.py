"""``GET /api/events``: coded events, filtered and paged."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from communique import store
from communique.api import _rows
from communique.api.deps import ReadAccess, StateDep
from communique.api.routes import ERRORS, respond
from communique.api.schemas import EventPage, EventParams
from communique.store import EventFilter
from communique.store.queries import event_page

router = APIRouter(prefix="/api", tags=["events"], dependencies=[ReadAccess])


@router.get("/events", response_model=EventPage, responses=ERRORS)
async def list_events(state: StateDep, params: Annotated[EventParams, Query()]) -> Response:
    """Events matching every filter given, newest first (``order=oldest``: earliest first).

    Actors match a CAMEO code prefix (``RUS`` matches ``RUSGOV``) or the start of a word
    of the actor's name; ``source`` with ``target`` is a dyad. ``place``, ``country`` and
    ``near`` (``lat,lon,km``) select by where the event happened.
    """
    key = ("events", params.model_dump_json())
    return await respond(state, key, lambda db: load_events(db, params))


def load_events(db: store.Connection, params: EventParams) -> EventPage:
    """The page of events as the API returns it."""
    frame, total = event_page(
        db,
        event_filter(params),
        limit=params.limit,
        offset=params.offset,
        newest_first=params.order == "newest",
    )
    return EventPage(
        total=total, limit=params.limit, offset=params.offset, items=_rows.events(frame)
    )


def event_filter(params: EventParams) -> EventFilter:
    """The store's filter for the event parameters (paging aside)."""
    return EventFilter(
        actor=params.actor,
        source=params.source,
        target=params.target,
        attributed_to=params.attributed_to,
        type=params.type,
        cameo=params.cameo,
        quad_class=params.quad_class,
        modality=params.modality,
        since=params.since,
        until=params.until,
        text=params.text,
        doc_id=params.doc_id,
        place=params.place,
        country=params.country,
        near=params.near,
    )
