"""``GET /api/actors``: actors with their mention, document and event counts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from communique import store
from communique.api import _rows
from communique.api.deps import ReadAccess, StateDep
from communique.api.routes import ERRORS, respond
from communique.api.schemas import ActorPage, ActorParams

router = APIRouter(prefix="/api", tags=["actors"], dependencies=[ReadAccess])


@router.get("/actors", response_model=ActorPage, responses=ERRORS)
async def list_actors(state: StateDep, params: Annotated[ActorParams, Query()]) -> Response:
    """Actors (one per code and name), the most mentioned first."""
    key = ("actors", params.model_dump_json())
    return await respond(state, key, lambda db: load_actors(state.actor_table(db), params))


def load_actors(table: store.ActorTable, params: ActorParams) -> ActorPage:
    """The page of actors as the API returns it, from the store's actor table."""
    found = table.select(code=params.code, name=params.name, role=params.role)
    page = found[params.offset : params.offset + params.limit]
    return ActorPage(
        total=len(found), limit=params.limit, offset=params.offset, items=_rows.actors(page)
    )
