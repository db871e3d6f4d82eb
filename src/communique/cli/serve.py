"""``communique serve``: the REST API and the dashboard over one database, with uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
import uvicorn

from communique.api import create_app
from communique.settings import get_settings


def serve_command(
    db: Annotated[
        Path | None, typer.Option(help="Database file; default COMMUNIQUE_DB or the data dir.")
    ] = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the API (/api, schema at /openapi.json) and the dashboard (/) until Ctrl-C."""
    settings = get_settings()
    if db is not None:
        settings = settings.model_copy(update={"db_path": db.expanduser()})
    app = create_app(settings)
    app.state.communique.open()  # a locked or foreign file fails here, in one line
    writes = "on (bearer token)" if settings.api_token else "off (no COMMUNIQUE_API_TOKEN)"
    typer.echo(
        f"communique: open http://{host}:{port}/ (dashboard; API under /api, schema at "
        f"/openapi.json) · database {settings.db_path} · writes {writes}",
        err=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="info")
