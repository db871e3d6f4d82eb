"""``GET /api/actors``: actors with their mention, document and event counts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from communique import store
from communique.api import _rows
from communique.api.deps import ReadAccess, StoreDep
from communique.api.routes import ERRORS
from communique.api.schemas import ActorPage, ActorParams

router = APIRouter(prefix="/api", tags=["actors"], dependencies=[ReadAccess])


@router.get("/actors", response_model=ActorPage, responses=ERRORS)
def list_actors(db: StoreDep, params: Annotated[ActorParams, Query()]) -> ActorPage:
    """Actors (one per code and name), the most mentioned first."""
    # Actors are bounded by the knowledge base and the names read, so the page is cut here.
    found = store.actors(db, code=params.code, name=params.name, role=params.role)
    page = found.iloc[params.offset : params.offset + params.limit]
    return ActorPage(
        total=len(found), limit=params.limit, offset=params.offset, items=_rows.actors(page)
    )
