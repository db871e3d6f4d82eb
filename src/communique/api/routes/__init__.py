"""API routes, one module per resource; each is a thin layer over a store query."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from fastapi import Response
from pydantic import BaseModel

from communique import store
from communique.api.errors import CODES
from communique.api.schemas import ErrorResponse
from communique.api.state import AppState

# The error statuses every route may answer with, documented in the OpenAPI schema.
ERRORS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorResponse, "description": code}
    for status, code in CODES.items()
    if status in {400, 401, 403, 413, 422, 500}
}
NOT_FOUND: dict[int | str, dict[str, object]] = {
    **ERRORS,
    404: {"model": ErrorResponse, "description": "not_found"},
}


async def respond(
    state: AppState, key: Hashable, build: Callable[[store.Connection], BaseModel]
) -> Response:
    """The JSON response of a read, as FastAPI renders ``build``'s model.

    The model is built on a read thread with a pooled cursor, and its body is kept until
    the store changes; ``key`` names the route and its validated parameters.
    """
    return Response(await state.read_json(key, build), media_type="application/json")
