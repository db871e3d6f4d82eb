"""Dashboard routes, one module per page; all of them read through the API's dependencies.

Every route needs read access, and every request that may write (a form post) a valid
CSRF token (``web/csrf.py``), checked here for all of them before the route runs.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends

from communique.api.deps import ReadAccess
from communique.web.csrf import check_csrf
from communique.web.routes import articles, dyads, network, places, search, watchlists

router = APIRouter(dependencies=[ReadAccess, Depends(check_csrf)], include_in_schema=False)
for _module in (search, dyads, network, places, articles, watchlists):
    router.include_router(_module.router)
