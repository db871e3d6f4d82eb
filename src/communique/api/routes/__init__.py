"""API routes, one module per resource; each is a thin layer over a store query."""

from __future__ import annotations

from communique.api.errors import CODES
from communique.api.schemas import ErrorResponse

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
