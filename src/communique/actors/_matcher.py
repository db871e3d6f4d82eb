"""Longest-match phrase lookup over token lists: a trie keyed token by token.

Phrases are stored once per way they can be tokenised, so matching a token list is a walk
from each start token through dictionary lookups, never a scan over all phrases. No fuzzy
matching happens anywhere: the only normalisations are curly to straight apostrophes, dotted
initialisms without their dots (``F.B.I.`` is ``FBI``), the
token splits spaCy makes (``Guinea-Bissau`` -> ``Guinea - Bissau``, ``People's`` ->
``People 's``), and, for lowercase words only, a capital first letter (``the Alliance`` also
matches ``The Alliance``; ``US`` never matches ``us``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
# A hyphen between a letter or digit and a letter: spaCy's English infix rule.
_INFIX_HYPHEN = re.compile(r"(?<=[^\W_])-(?=[^\W\d_])")
_MAX_CASE_VARIANTS = 64
# An initialism written with dots: two or more capitals each followed by a dot.
_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")


def normalise_token(text: str) -> str:
    """Return ``text`` with curly and modifier apostrophes replaced by ``'``, and a dotted
    initialism without its dots (``F.B.I.`` -> ``FBI``, ``U.N.`` -> ``UN``)."""
    text = text.translate(_APOSTROPHES)
    return text.replace(".", "") if _DOTTED.fullmatch(text) else text


def _spacy_like(tokens: Sequence[str]) -> list[str]:
    """Split tokens the way spaCy's English tokenizer does for names: commas, 's, hyphens."""
    out: list[str] = []
    for token in tokens:
        tail: list[str] = []
        if token.endswith(",") and len(token) > 1:
            token, tail = token[:-1], [","]
        if token.endswith("'s") and len(token) > 2:
            token, tail = token[:-2], ["'s", *tail]
        parts = _INFIX_HYPHEN.split(token)
        out.extend(itertools.chain.from_iterable([p, "-"] for p in parts[:-1]))
        out.append(parts[-1])
        out.extend(tail)
    return out


def _case_options(token: str) -> tuple[str, ...]:
    """Return the spellings a text token may have for this phrase token."""
    if token[:1].islower():
        return (token, token[:1].upper() + token[1:])
    return (token,)


def phrase_variants(phrase: str, *, exact_case: bool = False) -> set[tuple[str, ...]]:
    """Return every token sequence under which ``phrase`` is stored.

    Args:
        phrase: The phrase as written in the data (``"Kim Jong-un"``, ``"the Alliance"``).
        exact_case: When true, lowercase words do not also match with a capital letter.

    Returns:
        The whitespace tokenisation and the spaCy-like one, each with its case variants.
    """
    words = [normalise_token(word) for word in phrase.split()]
    if not words:
        return set()
    shapes = {tuple(words), tuple(_spacy_like(words))}
    if exact_case:
        return shapes
    variants: set[tuple[str, ...]] = set()
    for shape in shapes:
        options = [_case_options(token) for token in shape]
        product = itertools.islice(itertools.product(*options), _MAX_CASE_VARIANTS)
        variants.update(product)
    return variants


def _final_forms(key: str) -> list[str]:
    """Return shorter forms a token may end a phrase with: possessives and hyphen compounds."""
    forms: list[str] = []
    if key.endswith("'s") and len(key) > 2:
        forms.append(key[:-2])
    elif key.endswith("'") and len(key) > 1:
        forms.append(key[:-1])
    if "-" in key[1:]:
        forms.append(key.split("-", 1)[0])  # "U.S.-led" -> "U.S.", "Kremlin-backed" -> "Kremlin"
    return [normalise_token(form) for form in forms]


class _Node(Generic[T]):
    __slots__ = ("children", "values")

    def __init__(self) -> None:
        self.children: dict[str, _Node[T]] = {}
        self.values: list[T] = []


class PhraseIndex(Generic[T]):
    """A token trie mapping phrases to values, with leftmost-longest lookup."""

    def __init__(self) -> None:
        """Create an empty index."""
        self._root: _Node[T] = _Node()
        self.phrase_count = 0

    def add(self, phrase: str, value: T, *, exact_case: bool = False) -> None:
        """Store ``value`` under every tokenisation of ``phrase``.

        Args:
            phrase: The phrase as written in the data.
            value: What a match of the phrase yields.
            exact_case: Lowercase words must match exactly (no capital first letter).
        """
        for tokens in phrase_variants(phrase, exact_case=exact_case):
            node = self._root
            for token in tokens:
                node = node.children.setdefault(token, _Node())
            if value not in node.values:
                node.values.append(value)
        self.phrase_count += 1

    def longest_at(
        self, keys: Sequence[str], start: int, accept: Callable[[T], bool]
    ) -> tuple[int, list[T]] | None:
        """Return the longest phrase starting at ``keys[start]`` with an accepted value.

        Args:
            keys: Normalised tokens (see ``normalise_token``).
            start: Index of the first token.
            accept: Filter on values (contextual aliases are accepted only in context).

        Returns:
            ``(end, values)`` with ``end`` exclusive, or ``None`` when nothing matches.
        """
        node = self._root
        best: tuple[int, list[T]] | None = None
        for i in range(start, len(keys)):
            key = keys[i]
            for form in _final_forms(key):
                final = node.children.get(form)
                if final is not None and final.values:
                    accepted = [v for v in final.values if accept(v)]
                    if accepted and (best is None or best[0] <= i):
                        best = (i + 1, accepted)
            child = node.children.get(key)
            if child is None:
                break
            if child.values:
                accepted = [v for v in child.values if accept(v)]
                if accepted:
                    best = (i + 1, accepted)
            node = child
        return best
