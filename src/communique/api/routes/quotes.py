"""``GET /api/quotes``: direct and indirect quotes with their speakers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from communique import store
from communique.api import _rows
from communique.api.deps import ReadAccess, StateDep
from communique.api.routes import ERRORS, respond
from communique.api.schemas import QuotePage, QuoteParams
from communique.store.queries import quote_page

router = APIRouter(prefix="/api", tags=["quotes"], dependencies=[ReadAccess])


@router.get("/quotes", response_model=QuotePage, responses=ERRORS)
async def list_quotes(state: StateDep, params: Annotated[QuoteParams, Query()]) -> Response:
    """Quotes, the newest article first; filter by speaker, kind or words of the quote."""
    key = ("quotes", params.model_dump_json())
    return await respond(state, key, lambda db: load_quotes(db, params))


def load_quotes(db: store.Connection, params: QuoteParams) -> QuotePage:
    """The page of quotes as the API returns it."""
    frame, total = quote_page(
        db,
        speaker=params.speaker,
        text=params.text,
        kind=params.kind,
        limit=params.limit,
        offset=params.offset,
    )
    return QuotePage(
        total=total, limit=params.limit, offset=params.offset, items=_rows.quotes(frame)
    )
