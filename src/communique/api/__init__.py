"""The REST API (FastAPI) over the store, served with the dashboard by ``communique serve``.

Routes live in ``api/routes/<resource>.py``, dependencies in ``deps.py``, request and
response models in ``schemas.py``; every error is rendered by ``errors.py``. See docs/api.md.
"""

from __future__ import annotations

from communique.api.app import create_app

__all__ = ["create_app"]
