"""The request size limit: bodies over ``api_max_body_bytes`` are refused with 413.

A declared ``Content-Length`` over the limit is refused before any byte is read; a body
sent without one (chunked) is counted as it arrives and refused once it passes the limit.
"""

from __future__ import annotations

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from communique.api.errors import ApiError, render


class BodySizeLimit:
    """ASGI middleware that caps the size of every request body."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        """Wrap ``app``; bodies may hold at most ``max_bytes`` bytes."""
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse an oversized request, or pass it on with a counting ``receive``."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Request(scope).headers.get("content-length")
        refusal = self._check_declared(declared)
        if refusal is not None:
            await render(Request(scope), refusal)(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # FastAPI re-raises an HTTPException met while reading the body.
                    raise HTTPException(413, self._too_large(f"more than {self.max_bytes:,}"))
            return message

        await self.app(scope, counted, send)

    def _check_declared(self, declared: str | None) -> ApiError | None:
        if declared is None:
            return None
        if not declared.strip().isdigit():
            return ApiError(400, f"Content-Length must be a number of bytes, found {declared!r}.")
        if int(declared) > self.max_bytes:
            return ApiError(413, self._too_large(f"{int(declared):,}"))
        return None

    def _too_large(self, found: str) -> str:
        return (
            f"Request body too large: expected at most {self.max_bytes:,} bytes, found {found}. "
            "Send a smaller document or raise COMMUNIQUE_API_MAX_BODY_BYTES on the server."
        )
