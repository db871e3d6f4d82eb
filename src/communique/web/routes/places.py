"""``/map``: where the events of the current search happened, drawn as SVG on the server."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from communique import store
from communique.api.deps import StoreDep
from communique.web.forms import SearchForm
from communique.web.templating import templates
from communique.web.worldmap import PlacePoint, draw_map

router = APIRouter()
TABLE_SIZE = 50
# Past this many places the page would be mostly circles; the quietest are left off.
MAX_PLACES = 2000
# A circle lists the events within this distance of its place: its own, whatever the
# rounding of the link's coordinates, and not the next town's.
NEAR_KM = 1


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, db: StoreDep, form: Annotated[SearchForm, Query()]) -> HTMLResponse:
    """The world with a circle per place (area ∝ events); each links to its events."""
    drawing = draw_map(located_places(db, form))
    return templates.TemplateResponse(
        request,
        "map.html",
        {
            "form": form,
            "drawing": drawing,
            "located": sum(point.events for point in drawing.points),
            "table": drawing.points[:TABLE_SIZE],
            "max_places": MAX_PLACES,
            "near": near,
            "place_label": place_label,
        },
    )


def located_places(db: store.Connection, form: SearchForm) -> list[dict[str, Any]]:
    """The places of the events ``form`` matches, with how many happened at each."""
    return store.place_counts(db, form.event_filter(), limit=MAX_PLACES)


def near(point: PlacePoint) -> str:
    """The ``near`` value of the search that lists the events at ``point``."""
    return f"{_degrees(point.lat)},{_degrees(point.lon)},{NEAR_KM}"


def _degrees(value: float) -> str:
    """Degrees to five decimals (about a metre), no trailing zeros: 50.2907, 36, 0.00001."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def place_label(point: PlacePoint) -> str:
    """The name with what it lies in, repeats left out: "Kharkiv, Kharkivska, UKR"."""
    parts = [point.name, point.admin1, point.country]
    kept: list[str] = []
    for part in parts:
        if part and part not in kept:
            kept.append(part)
    return ", ".join(kept) or "?"
