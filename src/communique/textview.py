"""A light view over an Annotation: words, offsets, children and sentences by token index.

Stages that read the parse (actors, events, quotes) share this view instead of each
rebuilding the same indexes; it depends on records only.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from communique.records import Annotation, Span, Token

# A wire dateline opening a text: a place in capitals, its region or country, a date, the
# agency, a dash ("NAIROBI, Kenya, Feb 11 (Wire) —", "CAMP DAVID, Md. (Reuters) -").
_DATELINE = re.compile(
    r"\s*([A-Z][a-z]{1,2}\s+)?[A-Z][A-Z.'/\- ]{1,30}(,\s*[A-Z][A-Za-z.'\- ]{1,30}){0,2}"
    r"(,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(\([^)]{1,30}\))?\s*[—–-]"
)

# Words for part of a place: a phrase through them names the place inside ("parts of the
# western city of Ahmedabad", "a number of areas in Mosul city").
AREA_NOUNS = frozenset(
    {
        "part", "area", "province", "city", "region", "district", "town", "village",
        "territory", "countryside", "state", "county", "capital", "outskirts", "number",
        "suburb", "neighbourhood", "neighborhood", "zone",
    }
)  # fmt: skip
# Words for a state named after "of": "the island nation of Nauru", "the Central Asian country
# of Kyrgyzstan" name Nauru and Kyrgyzstan ("the largest country in Africa" does not).
STATE_NOUNS = frozenset({"nation", "country", "republic", "kingdom", "emirate", "sultanate"})
_AREA_HOPS = 4
# Quotation marks: curly ones say which way they face, straight ones alternate.
_OPENING_QUOTES = frozenset({"\u201c", "\u201e", "\u00ab"})
_CLOSING_QUOTES = frozenset({"\u201d", "\u00bb"})
# A quotation this short is a name or a term in scare quotes ("Rocket Man"), not speech.
MIN_QUOTED_WORDS = 4


def dateline_end(text: str) -> int:
    """Where a dateline opening ``text`` ends, after its dash; 0 when there is none. Its
    places say where the story was filed: nobody in it acts."""
    found = _DATELINE.match(text)
    return found.end() if found else 0


def dateline_credit(words: Sequence[str], start: int, end: int) -> bool:
    """Whether words ``[start, end)`` are a dateline's credit, in brackets before a dash ("KARACHI,
    Pakistan (Reuters) —" opening the body after the title): who filed the story, not an
    actor."""
    return (
        start > 0
        and words[start - 1] == "("
        and end + 1 < len(words)
        and words[end] == ")"
        and words[end + 1] in DASHES
    )


# The dashes a dateline ends with.
DASHES = frozenset({"-", "—", "–", "--"})


@dataclass(frozen=True)
class TextView:
    """The article text with its tokens, indexed for the actor rules."""

    text: str
    annotation: Annotation
    words: tuple[str, ...] = field(init=False)
    tokens: tuple[Token, ...] = field(init=False)  # the parse's tokens
    lemmas: tuple[str, ...] = field(init=False)  # lower-cased, one per token

    def __post_init__(self) -> None:
        # Plain attributes, not properties: the rules read them hundreds of thousands of times.
        tokens = self.annotation.tokens
        object.__setattr__(self, "tokens", tokens)
        object.__setattr__(self, "words", tuple(self.text[t.start : t.end] for t in tokens))
        object.__setattr__(self, "lemmas", tuple(t.lemma.lower() for t in tokens))

    def __len__(self) -> int:
        return len(self.words)

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """Character offsets of tokens ``[start, end)``."""
        return self.tokens[start].start, self.tokens[end - 1].end

    def phrase(self, start: int, end: int) -> str:
        """The text of tokens ``[start, end)`` as written."""
        first, last = self.chars(start, end)
        return self.text[first:last]

    @cached_property
    def _starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def token_at(self, char: int) -> int:
        """Index of the token that starts at or after character ``char``."""
        return bisect_left(self._starts, char)

    @cached_property
    def _entity_spans(self) -> dict[tuple[int, int], tuple[int, int]]:
        return {}  # filled by entity_tokens: every stage asks for the same entities many times

    def entity_tokens(self, entity: Span) -> tuple[int, int]:
        """Token span ``[start, end)`` of an entity given by character offsets."""
        key = (entity.start, entity.end)
        found = self._entity_spans.get(key)
        if found is None:
            start = end = self.token_at(entity.start)
            while end < len(self.tokens) and self.tokens[end].start < entity.end:
                end += 1
            found = self._entity_spans[key] = (start, end)
        return found

    @cached_property
    def _children(self) -> list[list[int]]:
        children: list[list[int]] = [[] for _ in self.tokens]
        for i, token in enumerate(self.tokens):
            if token.head != i:
                children[token.head].append(i)
        return children

    def children(self, i: int) -> list[int]:
        """Indices of the syntactic children of token ``i``, in text order."""
        return self._children[i]

    def subtree(self, i: int) -> list[int]:
        """Token ``i`` and everything below it, in text order."""
        found, stack = [], [i]
        while stack:
            k = stack.pop()
            found.append(k)
            stack.extend(self._children[k])
        return sorted(found)

    def sentence_range(self, sentence: int) -> range:
        """Token indices of sentence number ``sentence``."""
        span = self.annotation.sentences[sentence]
        return range(self.token_at(span.start), self.token_at(span.end))

    def lemma(self, i: int) -> str:
        """Lower-cased lemma of token ``i``."""
        return self.lemmas[i]

    @cached_property
    def quoted(self) -> frozenset[int]:
        """Indices of the tokens inside a quotation of at least ``MIN_QUOTED_WORDS`` words.
        A quotation still open at the end of its paragraph ends there (news reopens a quote
        that runs on in the next paragraph)."""
        inside: set[int] = set()
        opened: int | None = None
        for i, word in enumerate(self.words):
            gap = self.text[self.tokens[i - 1].end : self.tokens[i].start] if i else ""
            if opened is not None and "\n" in gap:
                _mark(inside, opened + 1, i)
                opened = None
            if word in _OPENING_QUOTES or (word == '"' and opened is None):
                opened = i
            elif opened is not None and (word in _CLOSING_QUOTES or word == '"'):
                _mark(inside, opened + 1, i)
                opened = None
        if opened is not None:
            _mark(inside, opened + 1, len(self.words))
        return frozenset(inside)

    def is_capitalised(self, i: int) -> bool:
        """True when token ``i`` starts with an upper-case letter."""
        return self.words[i][:1].isupper()


def child_with(view: TextView, i: int, deps: Iterable[str]) -> int | None:
    """The first child of ``i`` whose dependency label is in ``deps``."""
    wanted = set(deps)
    return next((c for c in view.children(i) if view.tokens[c].dep in wanted), None)


def span_head(view: TextView, first: int, last: int) -> int:
    """The token of the span ``[first, last)`` whose head lies outside it, or that heads its
    sentence (the span's first token when none does)."""
    for k in range(first, last):
        head = view.tokens[k].head
        if head == k or not first <= head < last:
            return k
    return first


def heads_subject(view: TextView, i: int) -> bool:
    """Whether token ``i`` heads its clause's subject, or a name in apposition to it ("The
    spokesman, Bahram Qasemi, said": Qasemi)."""
    token = view.tokens[i]
    if token.dep == "appos":
        token = view.tokens[token.head]
    return token.dep in {"nsubj", "nsubjpass"}


def _mark(inside: set[int], start: int, end: int) -> None:
    if end - start >= MIN_QUOTED_WORDS:
        inside.update(range(start, end))


def place_inside(view: TextView, i: int) -> int | None:
    """The token of the place an area phrase headed by ``i`` names ("parts of the city of
    Ahmedabad" → Ahmedabad, "Mosul city" → Mosul), or ``None`` when ``i`` is no area word."""
    hops = 0
    while hops < _AREA_HOPS and view.lemma(i) in AREA_NOUNS | STATE_NOUNS:
        inner = _area_object(view, i)
        if inner is None:
            named = [c for c in view.children(i) if view.tokens[c].dep == "compound"]
            return named[-1] if named and view.tokens[named[-1]].pos == "PROPN" else None
        i, hops = inner, hops + 1
    return i if hops else None


def area_around(view: TextView, i: int) -> int:
    """The head of the area phrase the place at token ``i`` sits in ("Mosul city" → city,
    "parts of the city of Ahmedabad" → parts): :func:`place_inside` the other way up; the
    place itself when it sits in none."""
    for _ in range(_AREA_HOPS):
        token = view.tokens[i]
        if token.dep in {"compound", "appos"} and view.lemma(token.head) in AREA_NOUNS:
            i = token.head
            continue
        preposition = view.words[token.head].lower()
        if token.dep != "pobj" or preposition not in {"of", "in"}:
            return i
        outer = view.tokens[token.head].head
        if view.lemma(outer) not in AREA_NOUNS and not (
            preposition == "of" and view.lemma(outer) in STATE_NOUNS
        ):
            return i
        i = outer
    return i


def _area_object(view: TextView, i: int) -> int | None:
    prepositions = {"of", "in"} if view.lemma(i) in AREA_NOUNS else {"of"}
    for prep in view.children(i):
        if view.tokens[prep].dep == "prep" and view.words[prep].lower() in prepositions:
            for obj in view.children(prep):
                if view.tokens[obj].dep == "pobj":
                    return obj
    return None
