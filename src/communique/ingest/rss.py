"""The feed reader: each RSS or Atom entry becomes a plain-text document.

An entry's content (or, failing that, its summary) is HTML more often than not; it is
turned into plain text with a blank line between block elements, so the extract stage
can treat it like a text file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

import feedparser
import lxml.html  # type: ignore[import-untyped]
from lxml import etree

from communique.errors import InputError
from communique.ingest._dates import normalise_date
from communique.ingest._documents import DEFAULT_MAX_BYTES, document_id, read_limited, reject
from communique.ingest.decoding import check_text_bytes
from communique.records import RawDocument, Rejection

NAME = "communique.feed.v1"

_PARAGRAPH = "\n\n"
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
# Text each element adds before its content and after it (in its tail).
_BREAKS = dict.fromkeys(_BLOCK_TAGS, (_PARAGRAPH, _PARAGRAPH)) | {"br": ("", "\n")}
_INVISIBLE_TAGS = frozenset({"script", "style", "template"})
_WHITESPACE = re.compile(r"\s+")
# feedparser flags these although the entries it found are sound.
_HARMLESS_FAULTS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def read_feed(
    origin: str, stream: BinaryIO, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | Rejection]:
    """Read an RSS or Atom feed, one plain-text document per entry.

    Args:
        origin: The path of the feed, for messages.
        stream: The feed's bytes.
        max_bytes: The largest feed file accepted.

    Yields:
        A RawDocument per entry (origin ``path#entry-N``, N 1-based; ``source`` is the
        feed's title); a ``missing-field`` Rejection per entry with no content or summary;
        and one Rejection for the file when it is ``bad-feed`` (after any entries read
        before the damage), ``no-documents``, ``empty``, ``binary`` or ``too-large``.
    """
    try:
        data = read_limited(stream, max_bytes)
        check_text_bytes(data)
    except InputError as error:
        yield reject(origin, error)
        return
    parsed = feedparser.parse(data)  # bytes, never a str: feedparser fetches URL strings
    damage = _damage(parsed)
    source = parsed.feed.get("title") or None
    found = False
    for number, entry in enumerate(parsed.entries, start=1):
        if any(entry.get(key) for key in ("title", "link", "content", "summary")):
            found = True
            yield _read_entry(f"{origin}#entry-{number}", entry, source)
    if damage is None and not found:
        damage = InputError("no-documents", "expected a feed with entries, found none")
    if damage is not None:
        yield reject(origin, damage)


def html_to_text(markup: str) -> str:
    """Convert an HTML fragment to plain text: block elements become paragraph breaks.

    Args:
        markup: The fragment (plain text passes through with its whitespace tidied).

    Returns:
        Paragraphs separated by one blank line, ``<br>`` as a line break, runs of
        whitespace collapsed, and scripts and styles left out.
    """
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(_WHITESPACE.sub(" ", markup))
    for element in list(root.iter()):
        if element.tag in _INVISIBLE_TAGS:
            element.drop_tree()
            continue
        before, after = _BREAKS.get(element.tag, ("", ""))
        element.text = before + _WHITESPACE.sub(" ", element.text or "")
        element.tail = after + _WHITESPACE.sub(" ", element.tail or "")
    return _tidy(str(root.text_content()))


def _read_entry(where: str, entry: Any, source: str | None) -> RawDocument | Rejection:
    markup, is_html = _entry_body(entry)
    text = (html_to_text(markup) if is_html else _tidy(markup)) if markup.strip() else ""
    if not text:
        detail = "expected an entry with content or a summary, found neither (or only markup)"
        return reject(where, InputError("missing-field", detail))
    data = markup.encode("utf-8")
    link = entry.get("link") or None
    # dict.get: feedparser's own get() maps a missing "updated" to "published" with a warning.
    published = entry.get("published") or dict.get(entry, "updated")
    return RawDocument(
        id=document_id(data + (link or "").encode("utf-8")),
        origin=where,
        data=data,
        text=text,
        media_type="text",
        encoding="utf-8",
        url=link,
        title=entry.get("title") or None,
        published=normalise_date(published),
        source=source,
        producer=NAME,
    )


def _entry_body(entry: Any) -> tuple[str, bool]:
    """Return the entry's content (HTML preferred) or else its summary, and whether it is HTML."""
    contents = entry.get("content") or []
    detail = next((c for c in contents if "html" in str(c.get("type", ""))), None)
    detail = detail or (contents[0] if contents else entry.get("summary_detail"))
    if not detail:
        return str(entry.get("summary") or ""), True
    return str(detail.get("value") or ""), "html" in str(detail.get("type") or "text/html")


def _damage(parsed: Any) -> InputError | None:
    fault = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if fault is None or isinstance(fault, _HARMLESS_FAULTS):
        return None
    found = " ".join(str(fault).split())[:120] or type(fault).__name__
    return InputError("bad-feed", f"expected a well-formed RSS or Atom feed, found: {found}")


def _tidy(text: str) -> str:
    """Strip each line, drop empty lines, and keep one blank line between paragraphs."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n")]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return _PARAGRAPH.join(paragraphs)
