"""Extract: RawDocument → Article.

HTML goes through trafilatura (main text, title, date, author, site name,
language); plain text goes through our line-level boilerplate filter, which
also finds a title and a dateline when the text has them. Each document is
extracted on its own: lines repeated across the documents of a batch used to be
dropped as site chrome, but that made a document's text depend on its batch (and
so on the batch size and the number of workers), and on 640 AllSides articles it
changed none.
"""

from __future__ import annotations

from communique.errors import InputError
from communique.extract._cards import drop_name_cards
from communique.extract.boilerplate import filter_boilerplate
from communique.extract.html import extract_html
from communique.extract.language import detect_language
from communique.records import Article, RawDocument

__all__ = ["extract_article"]

PRODUCER_TEXT = "communique.text_extractor.v1"


def extract_article(raw: RawDocument, repeated: frozenset[str] = frozenset()) -> Article:
    """Extract the main text and metadata of one document.

    Args:
        raw: The decoded document.
        repeated: Lines known to be boilerplate of the document's site (normalised); the
            pipeline passes none, so a document's article never depends on other documents.

    Returns:
        The article; container metadata (JSONL or feed fields) wins over what
        extraction guesses, because it was given to us explicitly.

    Raises:
        InputError: The document has no article text.
    """
    if raw.media_type == "html":
        return extract_html(raw)
    return _extract_text(raw, repeated)


def _extract_text(raw: RawDocument, repeated: frozenset[str]) -> Article:
    filtered = filter_boilerplate(raw.text, repeated)
    text, cards = drop_name_cards(filtered.text)
    if not text.strip() and filtered.title:
        text = filtered.title  # a one-line text: its only line is both title and body
    if not text.strip():
        raise InputError("no-body", "no article text is left after removing boilerplate lines")
    return Article(
        doc_id=raw.id,
        text=text,
        title=raw.title or filtered.title,
        published=raw.published or filtered.published,
        source=raw.source,
        url=raw.url,
        language=detect_language(text),
        dropped_lines=filtered.dropped + cards,
        producer=PRODUCER_TEXT,
    )
