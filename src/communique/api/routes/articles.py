"""``GET /api/articles/{id}``: an article's text with its events, quotes and places."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from communique import store
from communique.api import _rows
from communique.api.deps import ReadAccess, StateDep
from communique.api.errors import ApiError
from communique.api.routes import NOT_FOUND, respond
from communique.api.schemas import ArticleOut, PlaceOut
from communique.pipeline.output import place_dict

router = APIRouter(prefix="/api", tags=["articles"], dependencies=[ReadAccess])
DocId = Annotated[str, Path(min_length=1, max_length=200, description="The document id.")]


@router.get("/articles/{doc_id:path}", response_model=ArticleOut, responses=NOT_FOUND)
async def get_article(state: StateDep, doc_id: DocId) -> Response:
    """The article ``doc_id``: its text, events and quotes, and both as spans of the text."""
    return await respond(state, ("article", doc_id), lambda db: load_article(db, doc_id))


def load_article(db: store.Connection, doc_id: str) -> ArticleOut:
    """The article as the API returns it (the dashboard's article page renders the same).

    Raises:
        ApiError: 404 when no article is stored under ``doc_id``.
    """
    stored = store.article(db, doc_id)
    if stored is None:
        raise ApiError(
            404,
            f"No article {doc_id!r}: expected the id of a stored document that was extracted; "
            "ids are listed in /api/events (doc_id).",
        )
    article = stored.article
    events = _rows.events(_rows.rows(stored.events))
    quotes = _rows.quotes(_rows.rows(stored.quotes))
    return ArticleOut(
        doc_id=article.doc_id,
        title=article.title,
        published=article.published,
        source=article.source,
        url=article.url,
        language=article.language,
        text=article.text,
        events=events,
        quotes=quotes,
        places=[PlaceOut(**place_dict(place)) for place in store.document_places(db, doc_id)],
        spans=_rows.spans(events, quotes),
    )
