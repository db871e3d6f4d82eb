"""HTML → Article: trafilatura for the main text, plus our own choices on top.

Measured against plain trafilatura on the fundus and WCXB dev sets (see
``docs/quality.md``), this module differs from trafilatura's defaults in four ways:

1. comments are left out (``include_comments=False``): reader comments are not
   the article, and the option also prunes comment widgets before extraction;
2. the page is extracted twice, in balanced and in recall mode, and the recall
   text is kept when it is clearly longer (see :data:`RECALL_GAIN`), because
   balanced mode sometimes stops at the first block of a long article;
3. page furniture left in the text (advertising labels, "read more" teasers,
   sign-up and share prompts, photo credits, bylines, datelines, copyright lines)
   and the headline printed as the first line are dropped
   (:mod:`communique.extract._furniture`);
4. the title is the page's single ``<h1>`` when it agrees with the metadata title,
   else the metadata title without its site-name suffix (:mod:`~.metadata`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import trafilatura
from lxml.html import HtmlElement  # type: ignore[import-untyped]  # lxml ships no stubs
from trafilatura.settings import Document

from communique.errors import InputError
from communique.extract import metadata
from communique.extract._cards import drop_name_cards
from communique.extract._furniture import drop_furniture
from communique.extract.language import detect_language
from communique.records import Article, RawDocument

__all__ = ["PRODUCER", "PROSE_MIN_CHARS", "RECALL_GAIN", "extract_html"]

PRODUCER = "communique.trafilatura.v1"

# Recall mode replaces the balanced text only when it finds this much more text: any
# gain (1.0) helps WCXB but hurts fundus, where the extra text is navigation; 1.5 misses
# truncated articles on WCXB.
RECALL_GAIN = 1.2
# An article has at least one paragraph this long that holds a sentence; navigation,
# link lists and teaser headlines do not (every dev-set page has one).
PROSE_MIN_CHARS = 60
_SENTENCE_END = re.compile(r"[.!?…。！？؟][\"'”’»)\]]*(?:\s|$)")


@dataclass(frozen=True, slots=True)
class _Extraction:
    """What trafilatura found on one page (text and metadata)."""

    text: str
    title: str | None
    date: str | None
    author: str | None
    site_name: str | None
    url: str | None


def extract_html(raw: RawDocument) -> Article:
    """Extract the article text and metadata of one HTML page.

    Args:
        raw: A decoded document whose ``text`` is HTML markup.

    Returns:
        The article, with paragraphs separated by blank lines. Container metadata
        on ``raw`` (title, published, url, source) wins over what the page says.

    Raises:
        InputError: ``no-body`` when the page has no article text (a navigation or
            index page, an empty ``<body>``, markup that cannot be parsed).
    """
    tree = _parse(raw)
    found = _extract(tree, raw.url)
    title = raw.title or metadata.page_title(tree, found.title, found.site_name)
    kept, dropped = drop_furniture(found.text, headlines=(title, found.title))
    if not any(_is_prose(line) for line in kept):
        raise InputError(
            "no-body",
            f"expected an HTML page with an article body (a paragraph of {PROSE_MIN_CHARS}+ "
            f"characters with a full sentence); found {len(kept)} lines of text, none of "
            "them a paragraph (navigation, link lists or headlines only)",
        )
    text, cards = drop_name_cards("\n\n".join(kept))
    return Article(
        doc_id=raw.id,
        text=text,
        title=title,
        published=metadata.iso_date(raw.published) or metadata.page_date(tree, found.date, raw.url),
        source=raw.source,
        url=raw.url or found.url,
        language=metadata.page_language(tree) or detect_language(text),
        author=found.author,
        site_name=found.site_name,
        dropped_lines=dropped + cards,
        producer=PRODUCER,
    )


def _parse(raw: RawDocument) -> HtmlElement:
    # parsed once: both extraction passes and the metadata readers share the tree
    tree = trafilatura.load_html(raw.text) if raw.text.strip() else None
    if tree is None:
        raise InputError(
            "no-body",
            f"expected HTML markup with a <body>; got {len(raw.text)} characters "
            "that do not parse as HTML",
        )
    return tree


def _extract(tree: HtmlElement, url: str | None) -> _Extraction:
    dates = metadata.date_params()
    balanced = _run(tree, url=url, with_metadata=True, date_extraction_params=dates)
    recall = _run(tree, url=url, favor_recall=True)
    text = _choose_text(_text_of(balanced), _text_of(recall))
    if balanced is None:
        return _Extraction(text, None, None, None, None, None)
    return _Extraction(
        text=text,
        title=balanced.title,
        date=balanced.date,
        author=balanced.author,
        site_name=balanced.sitename,
        url=balanced.url,
    )


def _run(tree: HtmlElement, **options: Any) -> Document | None:
    # comments are never the article; leaving them out also prunes comment widgets
    document = trafilatura.bare_extraction(tree, include_comments=False, **options)
    return document if isinstance(document, Document) else None


def _text_of(document: Document | None) -> str:
    return (document.text or "") if document is not None else ""


def _choose_text(balanced: str, recall: str) -> str:
    """Return the recall text when it is clearly longer than the balanced one."""
    if len(recall.split()) > RECALL_GAIN * len(balanced.split()):
        return recall
    return balanced


def _is_prose(line: str) -> bool:
    return len(line) >= PROSE_MIN_CHARS and _SENTENCE_END.search(line) is not None
