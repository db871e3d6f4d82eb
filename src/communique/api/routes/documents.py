"""``POST /api/documents``: code and store one document through the server's single writer."""

from __future__ import annotations

from fastapi import APIRouter, Response

from communique.api.deps import StateDep, WriteAccess
from communique.api.routes import ERRORS
from communique.api.schemas import DocumentIn, DocumentOut

router = APIRouter(prefix="/api", tags=["documents"], dependencies=[WriteAccess])


@router.post(
    "/documents",
    response_model=DocumentOut,
    status_code=201,
    responses={**ERRORS, 200: {"model": DocumentOut, "description": "Already stored"}},
)
async def post_document(document: DocumentIn, state: StateDep, response: Response) -> DocumentOut:
    """Ingest one document (text or HTML) as ``communique ingest`` would; needs the token.

    Idempotent: the id is a hash of the body, and a document already stored is not
    coded again (200 instead of 201, ``created`` false).
    """
    result = await state.ingest(document)
    if not result.created:
        response.status_code = 200
    return result
