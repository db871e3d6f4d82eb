"""Extract: RawDocument → Article.

HTML goes through trafilatura (main text, title, date, author, site name,
language); plain text goes through our line-level boilerplate filter, which
also finds a title and a dateline when the text has them. Extraction works on
a batch so that lines repeated across the documents of a batch (site chrome in
scraped text) can be recognised as boilerplate.
"""

from __future__ import annotations

from collections.abc import Sequence

from communique import registry
from communique.errors import InputError
from communique.extract.boilerplate import filter_boilerplate, repeated_lines
from communique.extract.html import extract_html
from communique.extract.language import detect_language
from communique.records import Article, RawDocument

__all__ = ["batch_context", "extract_article", "register_builtins"]

PRODUCER_TEXT = "communique.text_extractor.v1"


def batch_context(docs: Sequence[RawDocument]) -> frozenset[str]:
    """Return the lines that repeat across the plain-text documents of a batch."""
    return repeated_lines(doc.text for doc in docs if doc.media_type == "text")


def extract_article(raw: RawDocument, repeated: frozenset[str] = frozenset()) -> Article:
    """Extract the main text and metadata of one document.

    Args:
        raw: The decoded document.
        repeated: Lines seen in several documents of the same batch (boilerplate).

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
    text = filtered.text
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
        dropped_lines=filtered.dropped,
        producer=PRODUCER_TEXT,
    )


def register_builtins() -> None:
    """Register the built-in extractors."""
    registry.extractors.register("communique.trafilatura.v1", extract_html)
    registry.extractors.register(PRODUCER_TEXT, _extract_text)
