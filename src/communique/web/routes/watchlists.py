"""``/watchlists``: saved searches, and what is new in each since the last visit."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qsl

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import ValidationError

from communique import store
from communique.api import _rows
from communique.api.deps import SettingsDep, StoreDep
from communique.api.errors import ApiError
from communique.store.queries import event_page
from communique.web.csrf import posted_fields
from communique.web.forms import PAGE_SIZE, SearchForm
from communique.web.templating import templates

router = APIRouter()
WatchlistId = Annotated[str, Path(min_length=1, max_length=40)]
PostedFields = Annotated[dict[str, str], Depends(posted_fields)]


def get_watchlists_store(db: StoreDep, settings: SettingsDep) -> store.Connection:
    """The request's cursor, once a legacy ``watchlists.json`` of the data folder is imported."""
    store.import_watchlists_file(db, settings.data_dir / store.LEGACY_WATCHLISTS_FILE)
    return db


WatchlistsDep = Annotated[store.Connection, Depends(get_watchlists_store)]


@router.get("/watchlists", response_class=HTMLResponse)
def watchlists_page(request: Request, db: WatchlistsDep) -> HTMLResponse:
    """Every watchlist with how many events are new since its last visit."""
    rows = []
    for watchlist in store.all_watchlists(db):
        form = _form(watchlist.query)
        _, new = event_page(db, form.event_filter(), limit=1, ingested_after=watchlist.last_visit)
        rows.append({"watchlist": watchlist, "form": form, "new": new})
    return templates.TemplateResponse(request, "watchlists.html", {"rows": rows})


@router.post("/watchlists")
def add_watchlist(db: WatchlistsDep, fields: PostedFields) -> RedirectResponse:
    """Save the search in the form (``name``, ``query``) and go to the list."""
    query = _form(fields.get("query", "")).query()
    store.add_watchlist(db, fields.get("name", ""), query)
    return RedirectResponse("/watchlists", status_code=303)


@router.get("/watchlists/{watchlist_id}", response_class=HTMLResponse)
def watchlist_page(request: Request, db: WatchlistsDep, watchlist_id: WatchlistId) -> HTMLResponse:
    """The events new since the last visit; the visit is recorded."""
    before = store.visit_watchlist(db, watchlist_id)
    if before is None:
        raise ApiError(404, f"No watchlist {watchlist_id!r}; the saved ones are at /watchlists.")
    form = _form(before.query)
    frame, total = event_page(
        db, form.event_filter(), limit=PAGE_SIZE, ingested_after=before.last_visit
    )
    return templates.TemplateResponse(
        request,
        "watchlist.html",
        {"watchlist": before, "form": form, "events": _rows.events(frame), "total": total},
    )


@router.post("/watchlists/{watchlist_id}/delete")
def delete_watchlist(db: WatchlistsDep, watchlist_id: WatchlistId) -> RedirectResponse:
    """Delete a watchlist and go back to the list."""
    store.remove_watchlist(db, watchlist_id)
    return RedirectResponse("/watchlists", status_code=303)


def _form(query: str) -> SearchForm:
    fields = {k: v for k, v in parse_qsl(query) if k != "offset"}
    try:
        return SearchForm.model_validate(fields)
    except ValidationError as error:
        raise ApiError(
            400, f"The saved search {query!r} is not a valid search: {error.errors()[0]['msg']}."
        ) from error
