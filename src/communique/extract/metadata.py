"""Page metadata for HTML extraction: title, publication date and language.

trafilatura reads the metadata title (``<title>``, ``og:title``, JSON-LD), which
often carries the site name ("Talks resume - The Daily Example"), while a news
page's headline is its ``<h1>``. Dates come from htmldate (through trafilatura)
and are written as ISO 8601, with the time when the page states one. The
language is what the markup declares, never a guess from the text.
"""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from htmldate import find_date
from lxml.html import HtmlElement  # type: ignore[import-untyped]  # lxml ships no stubs

from communique.extract._dateline import parse_date

__all__ = ["date_params", "iso_date", "page_date", "page_language", "page_title", "strip_site_name"]

_DATE_FORMAT = "%Y-%m-%dT%H:%M"
# htmldate writes midnight for a date given without a time, so midnight means "no time".
_NO_TIME = "T00:00"
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
# A separator between headline and site name: " - ", " | ", " — ", " » ", " · ", " : ".
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—»·:]\s+")
# A title tail this short is a site or section name ("- BBC News"), not part of the headline.
SITE_SUFFIX_MAX_WORDS = 4
# Words this short ("the", "of", "and") say nothing about whether two titles agree.
_CONTENT_WORD = re.compile(r"\w{4,}")
_LANGUAGE_XPATHS = (
    "/html/@lang",
    "/html/@xml:lang",
    "//meta[@property='og:locale']/@content",
    "//meta[translate(@http-equiv, 'CONTELANGU', 'contelangu')='content-language']/@content",
    "//meta[@name='language']/@content",
)


def date_params() -> dict[str, Any]:
    """Return htmldate options: the original publication date, with its time if given."""
    return {"original_date": True, "extensive_search": True, "outputformat": _DATE_FORMAT}


def page_date(tree: HtmlElement, found: str | None, url: str | None = None) -> str | None:
    """Return the page's publication date as ISO 8601.

    Args:
        tree: The parsed page.
        found: The date trafilatura found (htmldate with :func:`date_params`), if any.
        url: The page's URL, which often holds the date.

    Returns:
        ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` (the page's local time), or ``None``.
    """
    if not found:
        # no original date found: the latest date on the page is better than none
        found = find_date(tree, extensive_search=True, outputformat=_DATE_FORMAT, url=url)
    return iso_date(found)


def iso_date(value: str | None) -> str | None:
    """Normalise a date or date-time string to ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``.

    Accepts ISO 8601 (any time zone is dropped: the local time is kept), RFC 2822
    as in feeds (``Wed, 19 Jun 2024 09:12:00 GMT``) and written dates
    (``19 June 2024``). A time of exactly midnight is dropped, because htmldate
    writes midnight for a date given without a time. Returns ``None`` for anything
    without a day, month and year.
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    moment = _parse_iso(value) or _parse_rfc2822(value)
    if moment is None:
        return parse_date(value)
    return moment.strftime(_DATE_FORMAT).removesuffix(_NO_TIME)


def page_title(tree: HtmlElement, meta_title: str | None, site_name: str | None) -> str | None:
    """Return the headline: the single ``<h1>`` if it agrees with the metadata title.

    Args:
        tree: The parsed page.
        meta_title: The title from the page metadata (trafilatura's).
        site_name: The site name, stripped from the end of the metadata title.

    Returns:
        The headline, or ``None`` when the page has neither an ``<h1>`` nor a title.
    """
    headings = [text for text in (_squash(h.text_content()) for h in tree.iter("h1")) if text]
    title = strip_site_name(_squash(meta_title), site_name) if meta_title else ""
    # several <h1> are usually a logo, a section name and teasers: trust the metadata
    if len(headings) == 1 and (not title or _share_words(headings[0], title)):
        return headings[0]
    return title or (headings[0] if headings else None)


def strip_site_name(title: str, site_name: str | None) -> str:
    """Remove a trailing site or section name.

    ``"Talks resume | Example News"`` → ``"Talks resume"``: the tail goes when it is
    short (:data:`SITE_SUFFIX_MAX_WORDS`) or names the site; a headline alone stays.
    """
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title
    last = separators[-1]
    head, tail = title[: last.start()].strip(), title[last.end() :]
    names_site = site_name is not None and site_name.casefold() in tail.casefold()
    if head and (len(tail.split()) <= SITE_SUFFIX_MAX_WORDS or names_site):
        return head
    return title


def page_language(tree: HtmlElement) -> str | None:
    """Return the two-letter language code the markup declares (``en-GB`` → ``en``), or ``None``."""
    for xpath in _LANGUAGE_XPATHS:
        for value in tree.xpath(xpath):
            code = re.split(r"[-_\s,;]", str(value).strip(), maxsplit=1)[0].lower()
            if len(code) == 2 and code.isascii() and code.isalpha():
                return code
    return None


def _parse_iso(value: str) -> datetime | None:
    match = _ISO.match(value)
    if match is None:
        return None
    year, month, day, hour, minute = (int(part) if part else 0 for part in match.groups())
    try:
        return datetime(year, month, day, hour, minute)
    except ValueError:
        return None


def _parse_rfc2822(value: str) -> datetime | None:
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def _share_words(first: str, second: str) -> bool:
    words = set(_CONTENT_WORD.findall(first.casefold()))
    return bool(words & set(_CONTENT_WORD.findall(second.casefold())))


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())
