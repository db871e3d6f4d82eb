"""The dashboard: server-rendered pages (Jinja) and a little JS, served by the API's app.

Pages: ``/`` search, ``/dyad/{a}/{b}`` timeline, ``/network``, ``/articles/{id}`` with the
evidence highlighted, ``/watchlists``. Chart.js is vendored under ``static/vendor/`` from
its npm package (MIT); nothing is loaded from a CDN. See docs/dashboard.md.
"""

from __future__ import annotations

from pathlib import Path

from communique.web.routes import router

STATIC_DIR = Path(__file__).resolve().parent / "static"

__all__ = ["STATIC_DIR", "router"]
