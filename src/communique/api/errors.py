"""The one error shape, rendered in one place: ``{"error": {"code", "message", "detail"}}``.

Every failure of an API request (a bad parameter, a missing token, an unknown id, a body
too large, a bug) reaches the client as that JSON object with the matching status; the
dashboard pages get the same code and message in an HTML page. Nothing else in the app
builds an error response.
"""

from __future__ import annotations

import html
import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from communique.errors import CommuniqueError, InputError

logger = logging.getLogger(__name__)

# Machine codes of the statuses the API answers with.
CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid",
    500: "internal",
    503: "unavailable",
}
_PAGE = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{status} · communique"
    "</title><link rel='stylesheet' href='/static/style.css'></head><body><main class='error'>"
    "<h1>{status} {phrase}</h1><p>{message}</p><p><a href='/'>Back to the search</a></p>"
    "</main></body></html>"
)


class ApiError(Exception):
    """An error with its HTTP status, raised anywhere in a request and rendered here."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        detail: Any = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        """Describe the error; ``code`` defaults to the status's code in :data:`CODES`."""
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.detail = detail
        self.headers = headers


def error_body(code: str, message: str, detail: Any = None) -> dict[str, Any]:
    """The JSON body of an error."""
    return {"error": {"code": code, "message": message, "detail": jsonable_encoder(detail)}}


def render(request: Request | None, error: ApiError) -> Response:
    """The response for ``error``: JSON for the API, a small HTML page for the dashboard."""
    path = request.url.path if request is not None else "/api"
    if not path.startswith("/api"):
        phrase = _phrase(error.status)
        page = _PAGE.format(status=error.status, phrase=phrase, message=html.escape(error.message))
        return HTMLResponse(page, status_code=error.status, headers=error.headers)
    body = error_body(error.code, error.message, error.detail)
    return JSONResponse(body, status_code=error.status, headers=error.headers)


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception a request can raise to :func:`render`."""
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(CommuniqueError, _on_communique_error)
    app.add_exception_handler(Exception, _on_unexpected)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


async def _on_api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return render(request, exc)


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in exc.errors()
    ]
    fields = ", ".join(".".join(str(p) for p in e["loc"]) for e in problems) or "the request"
    message = f"Invalid request: check {fields} (see detail for what each expects)."
    return render(request, ApiError(422, message, detail=problems))


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else _phrase(exc.status_code)
    if exc.status_code == 404 and message == "Not Found":
        path = request.url.path
        message = f"No such endpoint or page: {path}. The API's schema is at /openapi.json."
    headers = dict(exc.headers) if exc.headers else None
    return render(request, ApiError(exc.status_code, message, headers=headers))


async def _on_communique_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, CommuniqueError)
    status = 400 if isinstance(exc, InputError) else 500
    if status == 500:
        logger.error("%s on %s: %s", type(exc).__name__, request.url.path, exc)
    return render(request, ApiError(status, str(exc)))


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    logger.exception("Unexpected error on %s", request.url.path, exc_info=exc)
    message = "Internal error: the server failed on this request; the log has the details."
    return render(request, ApiError(500, message))
