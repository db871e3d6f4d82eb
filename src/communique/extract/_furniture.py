"""Page furniture that trafilatura leaves in the main text, dropped line by line.

Each rule is a pattern for one kind of line and the most words such a line may
have: a long paragraph that merely mentions a newsletter is body, a six-word
"Sign up for our newsletter" is not. A dateline alone on its line is furniture
too. Every rule was kept only because it raised body F1 on both dev sets, or
raised it on one and left the other unchanged (``docs/quality.md``); rules that
cost F1 on either were left out, among them sentence-case "Read more: <headline>"
lines, "Reporting by …" credits and short lines repeated within a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from communique.extract._dateline import read_dateline

__all__ = ["RULES", "Rule", "drop_furniture", "is_furniture"]

_I = re.IGNORECASE
# One to four capitalised words: a person's name in a byline.
_NAMES = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}"


class Rule(NamedTuple):
    """A kind of furniture line: its pattern (searched) and its longest length in words."""

    name: str
    pattern: re.Pattern[str]
    max_words: int


RULES: tuple[Rule, ...] = (
    Rule(
        "advertising",
        re.compile(
            r"^[-–•\s]*(?:advertisement|advertising|sponsored(?: content)?|skip advertisement|"
            r"(?:story|article) continues below|continue reading below|recommended videos?)"
            r"\b[\s\w-]{0,30}$",
            _I,
        ),
        8,
    ),
    Rule("read-more", re.compile(r"^(?:read|see) (?:more|next|also)\W*$|^more\W*$", _I), 4),
    # Capitalised labels mark an inserted link to another story; in sentence case
    # ("Read more: …") the line is as often the author's own pointer, kept in gold.
    Rule(
        "related-link",
        re.compile(r"^(?:READ MORE|ALSO READ|READ NEXT|READ ALSO|MORE|RELATED)\s*:"),
        25,
    ),
    Rule(
        "sign-up",
        re.compile(
            r"\b(?:sign(?:ing)? up|subscrib(?:e|ing))\b.*\b(?:newsletters?|e-?mails?|inbox|"
            r"updates|alerts)\b|\b(?:newsletters?|e-?mails?|inbox|updates|alerts)\b.*"
            r"\b(?:sign up|subscribe)\b|^(?:subscribe|sign up|log ?in|register)"
            r"(?: now| today| here)?\W*$|\b(?:create an account|in your inbox)\b|^subscribe to\b",
            _I,
        ),
        25,
    ),
    # Case-sensitive: a lower-case "image: x" is code or a spec sheet, not a credit.
    Rule(
        "credit",
        re.compile(
            r"^(?:Photo|Image|Picture|Photograph|Credit|Illustration)s?"
            r"(?: credit)?\s*:\s*\S"
        ),
        8,
    ),
    Rule(
        "share",
        re.compile(
            r"^(?:share(?: this(?: article| post| story| page)?)?|share on \w+|tweet|print|"
            r"e-?mail|copy link|comments?|join (?:our|the) (?:commenting forum|conversation|"
            r"discussion)|(?:please )?read our comment policy.*|would you like to comment on "
            r"this article\??|click here to get the .* app)\W*$",
            _I,
        ),
        12,
    ),
    Rule("copyright", re.compile(r"^(?:copyright\b|©|\(c\)\s)", _I), 25),
    Rule("click-here", re.compile(r"^click here\b", _I), 15),
    # A byline alone on its line: "By Jane Doe", "By Jane Doe and John Roe".
    Rule("byline", re.compile(rf"^(?:By|BY|by)\s+{_NAMES}(?:(?:,|\s+and)\s+{_NAMES})*\W*$"), 12),
)
"""The furniture rules, in the order they are tried."""


def is_furniture(line: str) -> bool:
    """Return whether one stripped line of extracted text is page furniture.

    Furniture is a line that one of :data:`RULES` matches, or a dateline alone on
    its line (``Published 3 March 2023``): the date is metadata, not body text.
    """
    words = len(line.split())
    if any(words <= rule.max_words and rule.pattern.search(line) for rule in RULES):
        return True
    dateline = read_dateline(line)
    return dateline is not None and dateline.published is not None


def drop_furniture(
    text: str, headlines: Iterable[str | None] = ()
) -> tuple[list[str], tuple[str, ...]]:
    """Split extracted text into kept paragraphs and dropped furniture lines.

    Args:
        text: Extracted text, one paragraph per line.
        headlines: Titles of the page; a first line equal to one of them is the
            headline printed above the body, not body text.

    Returns:
        The kept lines (stripped, non-empty, in order) and the dropped lines.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    titles = {_normalise(title) for title in headlines if title}
    kept: list[str] = []
    dropped: list[str] = []
    for index, line in enumerate(lines):
        is_headline = index == 0 and _normalise(line) in titles
        (dropped if is_headline or is_furniture(line) else kept).append(line)
    return kept, tuple(dropped)


def _normalise(line: str) -> str:
    return " ".join(line.split()).casefold()
