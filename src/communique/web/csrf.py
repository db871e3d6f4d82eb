"""CSRF protection of the dashboard's form posts: a signed double-submit cookie.

A page with a form that writes sets the cookie ``communique_csrf`` to a random value
(HttpOnly, SameSite=Lax) and puts, in the form's hidden field ``csrf_token``, the
HMAC-SHA256 of that value under a secret the server draws when it starts. A POST to a
dashboard page is let through only when its field is the HMAC of the cookie it came
with. Another site can make a browser post a form here, but it can neither read the
cookie nor compute the HMAC, so it cannot fill the field. The JSON API is not a form:
its writes need the bearer token instead. A token does not outlive the server: after a
restart, a page opened before it must be reloaded.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl

from fastapi import Request, Response
from jinja2 import pass_context
from markupsafe import Markup

from communique.api.errors import ApiError

COOKIE = "communique_csrf"
FIELD = "csrf_token"
# Methods that never write; every other one needs the token.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

_SECRET = secrets.token_bytes(32)
_NONCE = re.compile(r"[A-Za-z0-9_-]{32,86}")


def form_token(request: Request) -> str:
    """The token for the forms of the page ``request`` renders.

    It signs the request's cookie, or a new random value that :func:`set_cookie` then
    sends with the page.
    """
    nonce = _cookie_nonce(request) or getattr(request.state, "csrf_nonce", None)
    if nonce is None:
        nonce = secrets.token_urlsafe(32)
        request.state.csrf_nonce = nonce
    return _sign(nonce)


@pass_context
def csrf_field(context: Mapping[str, Any]) -> Markup:
    """The hidden input a template puts in each form that posts: ``{{ csrf_field() }}``."""
    token = form_token(context["request"])
    return Markup(f'<input type="hidden" name="{FIELD}" value="{token}">')


def set_cookie(request: Request, response: Response) -> None:
    """Send the cookie the page's tokens were signed for, when the request lacked it."""
    nonce = getattr(request.state, "csrf_nonce", None)
    if nonce is not None:
        response.set_cookie(
            COOKIE,
            nonce,
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
        )


async def posted_fields(request: Request) -> dict[str, str]:
    """The fields of a form post (``application/x-www-form-urlencoded``), the token left out."""
    return {k: v for k, v in await _form_pairs(request) if k != FIELD}


async def check_csrf(request: Request) -> None:
    """Let a request that may write through only with a valid token (a router dependency).

    Raises:
        ApiError: 403 when the token is missing or does not match the cookie.
    """
    if request.method in SAFE_METHODS:
        return
    token = dict(await _form_pairs(request)).get(FIELD, "")
    nonce = _cookie_nonce(request)
    if nonce is None:
        problem = f"the post came without the dashboard's cookie {COOKIE!r}"
    elif not token:
        problem = f"the post carries no {FIELD!r} field, so it was not sent by a dashboard page"
    elif not hmac.compare_digest(token.encode(), _sign(nonce).encode()):
        problem = (
            f"its {FIELD!r} does not match its cookie (a page opened before the server "
            "restarted, or a form on another site)"
        )
    else:
        return
    raise ApiError(
        403,
        f"Refused a form post without a valid CSRF token: {problem}. Only the dashboard's own "
        "forms can write; reload the page and submit its form again.",
    )


async def _form_pairs(request: Request) -> list[tuple[str, str]]:
    # Starlette keeps the body once read, so the check and the route both parse it.
    body = await request.body()
    return parse_qsl(body.decode("utf-8", errors="replace"))


def _cookie_nonce(request: Request) -> str | None:
    nonce = request.cookies.get(COOKIE)
    return nonce if nonce is not None and _NONCE.fullmatch(nonce) else None


def _sign(nonce: str) -> str:
    return hmac.new(_SECRET, nonce.encode(), hashlib.sha256).hexdigest()
