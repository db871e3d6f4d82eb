"""The web application: the REST API under ``/api`` and the dashboard pages, in one app."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from communique import __version__
from communique.api.errors import install_error_handlers
from communique.api.limits import BodySizeLimit
from communique.api.routes import (
    actors,
    articles,
    documents,
    dyads,
    events,
    network,
    places,
    quotes,
)
from communique.api.state import AppState
from communique.pipeline.session import PipelineFactory
from communique.settings import Settings, get_settings
from communique.web import STATIC_DIR
from communique.web import router as web_router

DESCRIPTION = """Political event data from news: who did what to whom, when, and who says so.

Reads are open unless `COMMUNIQUE_API_READ_OPEN=false`; writes need
`Authorization: Bearer <COMMUNIQUE_API_TOKEN>`. Every error is
`{"error": {"code", "message", "detail"}}`. See docs/api.md."""


def create_app(
    settings: Settings | None = None, *, pipeline_factory: PipelineFactory | None = None
) -> FastAPI:
    """Build the app over the database ``settings.db_path``.

    The database is opened at startup (or at the first request, for test clients that
    skip startup) and closed at shutdown; ``POST /api/documents`` builds the pipeline on
    its first call.

    Args:
        settings: Settings; the environment's when omitted.
        pipeline_factory: Builds the pipeline the writer codes posted documents with
            (tests pass a fake); ``build_pipeline`` when omitted.

    Returns:
        The FastAPI app, ready for uvicorn or a test client.
    """
    settings = settings or get_settings()
    state = AppState(settings, pipeline_factory)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        state.open()
        try:
            yield
        finally:
            state.close()

    app = FastAPI(
        title="communique",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        # Swagger UI and ReDoc load from a CDN; the schema is at /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    app.state.communique = state
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=settings.api_max_body_bytes)
    for module in (events, places, actors, quotes, dyads, network, articles, documents):
        app.include_router(module.router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
