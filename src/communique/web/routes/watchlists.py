"""``/watchlists``: saved searches, and what is new in each since the last visit."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qsl

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import ValidationError

from communique.api import _rows
from communique.api.deps import SettingsDep, StoreDep
from communique.api.errors import ApiError
from communique.store.api_queries import event_page
from communique.web.forms import PAGE_SIZE, SearchForm
from communique.web.templating import templates
from communique.web.watchlists import Watchlists

router = APIRouter()
WatchlistId = Annotated[str, Path(min_length=1, max_length=40)]


@router.get("/watchlists", response_class=HTMLResponse)
def watchlists_page(request: Request, db: StoreDep, settings: SettingsDep) -> HTMLResponse:
    """Every watchlist with how many events are new since its last visit."""
    rows = []
    for watchlist in Watchlists(settings.data_dir).all():
        form = _form(watchlist.query)
        _, new = event_page(
            db, form.event_filter(), limit=1, ingested_after=watchlist.last_visit_time
        )
        rows.append({"watchlist": watchlist, "form": form, "new": new})
    return templates.TemplateResponse(request, "watchlists.html", {"rows": rows})


@router.post("/watchlists")
async def add_watchlist(request: Request, settings: SettingsDep) -> RedirectResponse:
    """Save the search in the form (``name``, ``query``) and go to the list."""
    fields = dict(parse_qsl((await request.body()).decode("utf-8", errors="replace")))
    query = _form(fields.get("query", "")).query()
    Watchlists(settings.data_dir).add(fields.get("name", ""), query)
    return RedirectResponse("/watchlists", status_code=303)


@router.get("/watchlists/{watchlist_id}", response_class=HTMLResponse)
def watchlist_page(
    request: Request, db: StoreDep, settings: SettingsDep, watchlist_id: WatchlistId
) -> HTMLResponse:
    """The events new since the last visit; the visit is recorded."""
    before = Watchlists(settings.data_dir).visit(watchlist_id)
    if before is None:
        raise ApiError(404, f"No watchlist {watchlist_id!r}; the saved ones are at /watchlists.")
    form = _form(before.query)
    frame, total = event_page(
        db, form.event_filter(), limit=PAGE_SIZE, ingested_after=before.last_visit_time
    )
    return templates.TemplateResponse(
        request,
        "watchlist.html",
        {"watchlist": before, "form": form, "events": _rows.events(frame), "total": total},
    )


@router.post("/watchlists/{watchlist_id}/delete")
def delete_watchlist(settings: SettingsDep, watchlist_id: WatchlistId) -> RedirectResponse:
    """Delete a watchlist and go back to the list."""
    Watchlists(settings.data_dir).remove(watchlist_id)
    return RedirectResponse("/watchlists", status_code=303)


def _form(query: str) -> SearchForm:
    fields = {k: v for k, v in parse_qsl(query) if k != "offset"}
    try:
        return SearchForm.model_validate(fields)
    except ValidationError as error:
        raise ApiError(
            400, f"The saved search {query!r} is not a valid search: {error.errors()[0]['msg']}."
        ) from error
