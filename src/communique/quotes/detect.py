"""Direct quote spans: quotation marks paired by characters, before any parse is read.

Double marks (straight ``"``, curly “ ”, low „, doubled ``''`` and ``````) are paired first,
with nesting; British single marks (‘ ’ and straight ``'``) are paired only outside them, and
only where they cannot be apostrophes ("Russia's", "don’t", "the Joneses’ house", "’90s"). A
quote left open at the end of a paragraph continues when the next paragraph opens with a
quotation mark (the newspaper convention for a quote over several paragraphs): it becomes one
quote with one part per paragraph. A quote left open with no such continuation ends at its
paragraph's end.

Whether a quote is speech (and not a scare quote or a title) needs the parse and the cue;
:mod:`communique.quotes.attribute` decides that.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Marks that can only open or only close a double quote.
_DOUBLE_OPEN = frozenset({"“", "„", "``", "«"})
_DOUBLE_CLOSE = frozenset({"”", "»"})
# Marks that open or close by their context.
_DOUBLE_EITHER = frozenset({'"', "''"})
# A run of three apostrophes is a single mark inside a doubled one: the doubled one is last.
_DOUBLE_MARK = re.compile(r"``|''(?!')|[\"“”„«»]")
_SINGLE_MARK = re.compile(r"[‘’']")
# Characters after which a mark opens (start of text is handled apart).
_OPENS_AFTER = frozenset(" \t\n([{—–-/:;,")
# Characters before which a mark closes (end of text is handled apart).
_CLOSES_BEFORE = frozenset(" \t\n)]}.,;:!?—–-…")
# Elisions written with a leading apostrophe: ’90s, ’em, ’til, ’cause, ’n’.
_ELISION = re.compile(r"(\d\ds?|em|til|cause|tis|twas|n)\b", re.IGNORECASE)
# Trailing characters of a part that are punctuation of the sentence around it.
_FRAME_PUNCTUATION = " \t\n,"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quoted stretch of text by character offsets into the article text.

    Attributes:
        start: Offset of the opening mark.
        end: Offset just past the closing mark, or the paragraph end when never closed.
        parts: The content of each paragraph the quote runs over, marks excluded.
        closed: Whether a closing mark ends the quote.
    """

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    closed: bool = True

    def text(self, text: str) -> str:
        """The quoted words without the marks; paragraphs joined by a blank line.

        A comma left inside the closing mark belongs to the sentence around the quote
        ("…,” he said) and is dropped.
        """
        pieces = [text[start:end].strip() for start, end in self.parts]
        return "\n\n".join(piece for piece in pieces if piece).rstrip(_FRAME_PUNCTUATION)

    def words(self, text: str) -> int:
        """Number of words quoted."""
        return len(self.text(text).split())

    def contains(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside the quote (marks included)."""
        return self.start <= start and end <= self.end


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    role: str  # "open", "close" or "either"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The non-blank lines of ``text`` as ``(start, end)`` offsets, edge spaces left out."""
    found, start = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            first = start + line.index(stripped[0])
            found.append((first, first + len(stripped)))
        start += len(line) + 1
    return found


def detect_quotes(text: str) -> tuple[QuoteSpan, ...]:
    """Every quoted stretch of ``text``, outermost quotes only, in text order.

    Args:
        text: The article text.

    Returns:
        The quotes, with scare quotes and titles still among them.
    """
    blocks = paragraphs(text)
    doubles = list(_pair_paragraphs([_double_marks(text, *block) for block in blocks], blocks))

    def outside(mark: _Mark) -> bool:
        return not any(quote.start <= mark.start < quote.end for quote in doubles)

    single_marks = [[m for m in _single_marks(text, *block) if outside(m)] for block in blocks]
    # An open single mark with no closing one is an apostrophe ("’em"), not a quote.
    singles = list(_pair_paragraphs(single_marks, blocks, end_open=False))
    # A double quote inside a British single quote is nested in it, not a quote of its own.
    doubles = [q for q in doubles if not any(s.start < q.start < s.end for s in singles)]
    return tuple(sorted(doubles + singles, key=lambda quote: quote.start))


def _pair_paragraphs(
    marks: list[list[_Mark]], blocks: list[tuple[int, int]], *, end_open: bool = True
) -> Iterator[QuoteSpan]:
    """Pair the marks paragraph by paragraph, carrying an unclosed quote into the next.

    Args:
        marks: The marks of each paragraph.
        blocks: The paragraphs' offsets.
        end_open: Whether a quote never continued ends at its paragraph's end (else dropped).
    """
    pending: list[tuple[int, int]] = []  # parts of a quote still open from earlier paragraphs
    opening = -1
    for (start, end), found in zip(blocks, marks, strict=True):
        if pending and not (found and found[0].role != "close" and found[0].start == start):
            # The open quote is not continued here: it ends where its last paragraph ended.
            if end_open:
                yield QuoteSpan(opening, pending[-1][1], tuple(pending), closed=False)
            pending = []
        for quote, left_open in _pair_marks(found, end):
            if left_open is None:
                if pending:
                    yield QuoteSpan(opening, quote.end, (*pending, *quote.parts))
                    pending = []
                else:
                    yield quote
                continue
            if not pending:
                opening = quote.start
            pending.append(left_open)
    if pending and end_open:
        yield QuoteSpan(opening, pending[-1][1], tuple(pending), closed=False)


def _pair_marks(
    marks: list[_Mark], paragraph_end: int
) -> Iterator[tuple[QuoteSpan, tuple[int, int] | None]]:
    """Pair the marks of one paragraph, outermost pairs only.

    Yields ``(quote, None)`` for a closed quote and ``(quote, part)`` for a quote still open
    at the paragraph end, ``part`` being its content in this paragraph.
    """
    depth, opened, content_start = 0, -1, -1
    for mark in marks:
        if mark.role == "open" or (mark.role == "either" and depth == 0):
            if depth == 0:
                opened, content_start = mark.start, mark.end
            depth += 1
            continue
        if depth == 0:
            continue  # a closing mark with nothing open: a stray mark
        depth -= 1
        if depth == 0:
            yield QuoteSpan(opened, mark.end, ((content_start, mark.start),)), None
    if depth > 0:
        part = (content_start, paragraph_end)
        yield QuoteSpan(opened, paragraph_end, (part,), closed=False), part


def _double_marks(text: str, start: int, end: int) -> list[_Mark]:
    marks = []
    for found in _DOUBLE_MARK.finditer(text, start, end):
        mark = found.group()
        by_context = _role_by_context(text, found.start(), found.end(), start, end)
        if mark in _DOUBLE_OPEN:
            # A left mark between a word and a space is a mis-typed closing one (“rapists“).
            role = "close" if by_context == "close" else "open"
        elif mark in _DOUBLE_CLOSE:
            role = "open" if by_context == "open" else "close"
        elif by_context is None:
            continue
        else:
            role = by_context
        marks.append(_Mark(found.start(), found.end(), role))
    return marks


def _single_marks(text: str, start: int, end: int) -> list[_Mark]:
    """Single marks that can be British quotation marks, never apostrophes."""
    candidates = []
    for found in _SINGLE_MARK.finditer(text, start, end):
        at = found.start()
        before = text[at - 1] if at > start else " "
        after = text[at + 1] if at + 1 < end else " "
        if before.isalnum() and after.isalnum():
            continue  # inside a word: Russia's, don’t
        if text[at : at + 2] == "''" or (at > start and text[at - 1 : at + 1] == "''"):
            continue  # half of a doubled mark, paired as a double quote
        if found.group() != "’" and before in _OPENS_AFTER | {" "} and not after.isspace():
            if _ELISION.match(text, at + 1, end):
                continue
            candidates.append(_Mark(at, at + 1, "open"))
        elif found.group() != "‘" and not before.isspace() and (after in _CLOSES_BEFORE):
            candidates.append(_Mark(at, at + 1, "close"))
    return _drop_possessives(text, candidates)


def _drop_possessives(text: str, marks: list[_Mark]) -> list[_Mark]:
    """Keep, after each opening mark, the closing mark that ends the quote.

    A plural possessive ("the Joneses’ house") looks like a closing mark; it is skipped when
    a later closing mark in the paragraph could end the quote instead.
    """
    kept: list[_Mark] = []
    for index, mark in enumerate(marks):
        if mark.role == "close" and text[mark.start - 1] in "sS":
            rest = marks[index + 1 :]
            following = text[mark.end : mark.end + 2]
            if (
                following[:1] == " "
                and following[1:2].isalpha()
                and any(later.role == "close" for later in rest)
            ):
                continue
        kept.append(mark)
    return kept


def _role_by_context(
    text: str, start: int, end: int, paragraph_start: int, paragraph_end: int
) -> str | None:
    before = text[start - 1] if start > paragraph_start else " "
    after = text[end] if end < paragraph_end else " "
    if (before.isspace() or before in _OPENS_AFTER) and not after.isspace():
        return "open"
    if after.isspace() or after in _CLOSES_BEFORE or after in "\"'”’":
        return "close"
    if before.isalnum() and after.isalnum():
        return None  # a measure (a 12"x9" sheet) or a typo, not a quotation mark
    return "either"
