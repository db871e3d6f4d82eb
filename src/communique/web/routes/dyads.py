"""``/dyad/{a}/{b}``: the timeline of two actors with the events under it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from communique.api import _rows
from communique.api.deps import StoreDep
from communique.api.routes.dyads import load_series
from communique.api.schemas import DyadParams
from communique.store.queries import event_page
from communique.web.forms import PAGE_SIZE, TimelineForm
from communique.web.templating import templates

router = APIRouter()
Actor = Annotated[str, Path(min_length=1, max_length=200)]


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad_page(
    request: Request, db: StoreDep, a: Actor, b: Actor, form: Annotated[TimelineForm, Query()]
) -> HTMLResponse:
    """Events per week (or month) by quad class with the Goldstein line, and the events."""
    params = DyadParams(
        interval=form.interval,
        directed=form.directed,
        modality=form.modality,
        since=form.since,
        until=form.until,
    )
    series = load_series(db, a, b, params)
    frame, total = event_page(db, form.event_filter(a, b), limit=PAGE_SIZE, offset=form.offset)
    return templates.TemplateResponse(
        request,
        "dyad.html",
        {
            "a": a,
            "b": b,
            "form": form,
            "series": series,
            "series_data": series.model_dump(mode="json"),
            "events": _rows.events(frame),
            "total": total,
            "page_size": PAGE_SIZE,
        },
    )
