"""``GET /api/places``: where the events matching a filter happened, with how many."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from communique import store
from communique.api.deps import ReadAccess, StateDep
from communique.api.routes import ERRORS, respond
from communique.api.routes.events import event_filter
from communique.api.schemas import PlaceCount, PlaceCountList, PlaceParams

router = APIRouter(prefix="/api", tags=["places"], dependencies=[ReadAccess])


@router.get("/places", response_model=PlaceCountList, responses=ERRORS)
async def list_places(state: StateDep, params: Annotated[PlaceParams, Query()]) -> Response:
    """The places of the events matching every filter given (the filters of
    ``GET /api/events``), most events first: the points of a map. Events without a location
    are not counted."""
    key = ("places", params.model_dump_json())
    return await respond(state, key, lambda db: load_places(db, params))


def load_places(db: store.Connection, params: PlaceParams) -> PlaceCountList:
    """The places as the API returns them."""
    rows = store.place_counts(db, event_filter(params), limit=params.limit)
    return PlaceCountList(items=[PlaceCount(**row) for row in rows])
