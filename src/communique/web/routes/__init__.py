"""Dashboard routes, one module per page; all of them read through the API's dependencies."""

from __future__ import annotations

from fastapi import APIRouter

from communique.api.deps import ReadAccess
from communique.web.routes import articles, dyads, network, search, watchlists

router = APIRouter(dependencies=[ReadAccess], include_in_schema=False)
for _module in (search, dyads, network, articles, watchlists):
    router.include_router(_module.router)
