"""The Jinja environment of the dashboard: templates, and the few helpers they call."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.background import BackgroundTask
from starlette.templating import _TemplateResponse

from communique import __version__
from communique.errors import InputError
from communique.events.ontology import QUAD_CLASS_NAMES, load_ontology
from communique.web import csrf

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


class _Templates(Jinja2Templates):
    """Jinja2Templates whose pages carry the CSRF cookie their forms' tokens sign."""

    def TemplateResponse(  # noqa: N802 (Starlette's name)
        self,
        request: Request,
        name: str,
        context: dict[str, Any] | None = None,
        status_code: int = 200,
        headers: Mapping[str, str] | None = None,
        media_type: str | None = None,
        background: BackgroundTask | None = None,
    ) -> _TemplateResponse:
        """Render ``name``; when it drew a new CSRF value (``csrf_field()``), set its cookie."""
        response = super().TemplateResponse(
            request, name, context, status_code, headers, media_type, background
        )
        csrf.set_cookie(request, response)
        return response


templates = _Templates(directory=TEMPLATES_DIR)


@cache
def cameo_name(code: str) -> str:
    """The codebook's short name of a CAMEO code, or "" for a code it does not know."""
    try:
        return load_ontology().cameo(code).name
    except InputError:
        return ""


@cache
def plover_types() -> list[str]:
    """The 16 PLOVER types, most cooperative first (the search form's choices)."""
    return [t.name for t in load_ontology().types()]


def shorten(text: str | None, width: int = 220) -> str:
    """``text`` cut at a word boundary to at most ``width`` characters, with an ellipsis."""
    text = " ".join((text or "").split())
    if len(text) <= width:
        return text
    return text[:width].rsplit(" ", 1)[0] + " …"


templates.env.globals.update(
    cameo_name=cameo_name,
    csrf_field=csrf.csrf_field,
    plover_types=plover_types,
    quad_names=QUAD_CLASS_NAMES,
    version=__version__,
)
templates.env.filters["shorten"] = shorten
