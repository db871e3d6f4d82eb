"""``GET /api/quotes``: direct and indirect quotes with their speakers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from communique.api import _rows
from communique.api.deps import ReadAccess, StoreDep
from communique.api.routes import ERRORS
from communique.api.schemas import QuotePage, QuoteParams
from communique.store.api_queries import quote_page

router = APIRouter(prefix="/api", tags=["quotes"], dependencies=[ReadAccess])


@router.get("/quotes", response_model=QuotePage, responses=ERRORS)
def list_quotes(db: StoreDep, params: Annotated[QuoteParams, Query()]) -> QuotePage:
    """Quotes, the newest article first; filter by speaker, kind or words of the quote."""
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
