"""``/``: search events by actor, second actor, type, modality, date range and words."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from communique.api import _rows
from communique.api.deps import StoreDep
from communique.store.queries import event_page
from communique.web.forms import PAGE_SIZE, SearchForm
from communique.web.templating import templates

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def search_page(
    request: Request, db: StoreDep, form: Annotated[SearchForm, Query()]
) -> HTMLResponse:
    """The search form and the matching events, newest first, fifty a page."""
    frame, total = event_page(db, form.event_filter(), limit=PAGE_SIZE, offset=form.offset)
    return templates.TemplateResponse(
        request,
        "search.html",
        {
            "form": form,
            "events": _rows.events(frame),
            "total": total,
            "page_size": PAGE_SIZE,
        },
    )
