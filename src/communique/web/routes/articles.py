"""``/articles/{id}``: the article text with every event's evidence and quote highlighted."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse

from communique.api.deps import StoreDep
from communique.api.routes.articles import load_article
from communique.web.highlight import segments
from communique.web.templating import templates

router = APIRouter()


@router.get("/articles/{doc_id:path}", response_class=HTMLResponse)
def article_page(
    request: Request, db: StoreDep, doc_id: Annotated[str, Path(min_length=1, max_length=200)]
) -> HTMLResponse:
    """The text, marked; beside it each event (code, modality, who says so) and quote."""
    article = load_article(db, doc_id)
    return templates.TemplateResponse(
        request,
        "article.html",
        {
            "article": article,
            "segments": segments(article.text, article.events, article.quotes),
        },
    )
