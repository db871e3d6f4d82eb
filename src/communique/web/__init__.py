"""The dashboard: server-rendered pages (Jinja) and a little JS, served by the API's app.

Pages: ``/`` search, ``/dyad/{a}/{b}`` timeline, ``/network``, ``/map``, ``/articles/{id}``
with the evidence highlighted, ``/watchlists``. Chart.js (MIT) and the map's world shapes
(world-atlas, Natural Earth) are vendored under ``static/vendor/`` from their npm packages;
nothing is loaded from a CDN or a tile server. See docs/dashboard.md.
"""

from __future__ import annotations

from pathlib import Path

from communique.web.routes import router

STATIC_DIR = Path(__file__).resolve().parent / "static"

__all__ = ["STATIC_DIR", "router"]
