"""Dependencies every route declares: the store cursor, the settings, read and write access."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.security.utils import get_authorization_scheme_param

from communique import store
from communique.api.errors import ApiError
from communique.api.state import AppState
from communique.settings import Settings

_bearer = HTTPBearer(
    auto_error=False,
    description="The server's COMMUNIQUE_API_TOKEN: 'Authorization: Bearer TOKEN'.",
)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


# The dependencies are coroutines: FastAPI would run plain functions on its thread pool,
# one hop per dependency and request, for work that never blocks.


async def get_state(request: Request) -> AppState:
    """The app's state (connection, writer, settings)."""
    state: AppState = request.app.state.communique
    return state


StateDep = Annotated[AppState, Depends(get_state)]


async def get_settings(state: StateDep) -> Settings:
    """The settings the app was created with."""
    return state.settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


async def get_store(state: StateDep) -> AsyncIterator[store.Connection]:
    """A cursor of the app's database for this request, back to the pool after it."""
    cursor = state.acquire()
    try:
        yield cursor
    except BaseException:
        cursor.close()  # not reused: a failed query may have left it mid-transaction
        raise
    state.release(cursor)


StoreDep = Annotated[store.Connection, Depends(get_store)]


async def require_read(settings: SettingsDep, request: Request) -> None:
    """Let a read through when reads are open (``api_read_open``), else check the token.

    The header is read here rather than declared, so that the schema of an open server
    does not ask clients for a token its reads do not need.

    Raises:
        ApiError: 401 without the right token, 403 when no token is configured.
    """
    if not settings.api_read_open:
        scheme, token = get_authorization_scheme_param(request.headers.get("Authorization"))
        credentials = (
            HTTPAuthorizationCredentials(scheme=scheme, credentials=token)
            if scheme.lower() == "bearer" and token
            else None
        )
        _check_token(settings, credentials, "Reads are closed (COMMUNIQUE_API_READ_OPEN=false)")


async def require_write(settings: SettingsDep, credentials: Credentials) -> None:
    """Let a write through only with the configured token.

    Raises:
        ApiError: 401 without the right token, 403 when no token is configured.
    """
    _check_token(settings, credentials, "Writes need a token")


ReadAccess = Depends(require_read)
WriteAccess = Depends(require_write)


def _check_token(
    settings: Settings, credentials: HTTPAuthorizationCredentials | None, why: str
) -> None:
    expected = settings.api_token.get_secret_value() if settings.api_token else ""
    if not expected:
        raise ApiError(
            403,
            f"{why}, and this server has none: set COMMUNIQUE_API_TOKEN and restart "
            "'communique serve' to allow them.",
        )
    challenge = {"WWW-Authenticate": "Bearer"}
    if credentials is None:
        raise ApiError(
            401,
            f"{why}: expected the header 'Authorization: Bearer <COMMUNIQUE_API_TOKEN>', "
            "found none.",
            headers=challenge,
        )
    if not secrets.compare_digest(credentials.credentials.encode(), expected.encode()):
        raise ApiError(
            401,
            f"{why}: the bearer token sent is not this server's COMMUNIQUE_API_TOKEN.",
            headers=challenge,
        )
