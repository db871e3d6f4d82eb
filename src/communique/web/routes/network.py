"""``/network``: the actor network of a period, drawn as SVG on the server."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from communique.api.deps import StoreDep
from communique.api.routes.network import load_network
from communique.api.schemas import NetworkParams
from communique.web.forms import NetworkForm
from communique.web.layout import draw_network
from communique.web.templating import templates

router = APIRouter()


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request, db: StoreDep, form: Annotated[NetworkForm, Query()]
) -> HTMLResponse:
    """Who acted on whom: actors sized by events, edges coloured by mean Goldstein."""
    network = load_network(db, NetworkParams(**form.model_dump()))
    return templates.TemplateResponse(
        request,
        "network.html",
        {"form": form, "network": network, "drawing": draw_network(network)},
    )
