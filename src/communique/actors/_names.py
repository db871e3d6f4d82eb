"""People's names the small tagger misses: runs of proper nouns set beside a title.

The tagger often calls a name in apposition a place or an organisation ("Marta" as a place in
"Marta Quispe, a senior Peruvian diplomat, said"); the title beside it says it is a person.
"""

from __future__ import annotations

from collections.abc import Iterator

from communique.actors.roles import ROLE_HEADS, TITLE_WORDS
from communique.textview import TextView

# Words a name that opens a phrase may follow: a sentence's start, a comma, a dash, a bracket
# or an opening quotation mark.
_OPENERS = frozenset({",", "—", "(", '"', "“"})


def looks_named(view: TextView, start: int, end: int) -> bool:
    """Whether every word of ``[start, end)`` is capitalised (or a hyphen)."""
    return all(view.is_capitalised(i) or view.words[i] == "-" for i in range(start, end))


def apposed_names(view: TextView, taken: set[int]) -> Iterator[tuple[int, int]]:
    """Runs of two to four capitalised proper nouns in apposition to a title: set off by
    commas after it ("Peru's foreign minister, Marta Quispe, said"), or opening a phrase with
    the title after them ("Marta Quispe, a senior Peruvian diplomat, said"). ``taken``: tokens
    already read as a name or a known actor."""
    tokens, words = view.tokens, view.words
    for end in range(2, len(tokens)):
        last = tokens[end - 1]
        if last.dep != "appos" or last.pos != "PROPN" or (end - 1) in taken:
            continue
        if words[last.head].lower() not in TITLE_WORDS:
            continue
        start = _run_start(view, end - 1, taken)
        if not (2 <= end - start <= 4) or start == 0 or words[start - 1] != ",":
            continue
        if all(view.is_capitalised(k) for k in range(start, end)):
            yield start, end
    yield from _described_names(view, taken)


def _described_names(view: TextView, taken: set[int]) -> Iterator[tuple[int, int]]:
    """Runs of proper nouns opening a phrase whose last word has a title in apposition."""
    tokens, words = view.tokens, view.words
    for head, token in enumerate(tokens):
        if token.pos != "PROPN" or head in taken or head + 1 >= len(tokens):
            continue
        if words[head + 1] != "," or not any(
            tokens[c].dep == "appos" and c > head and _described_by(view, c)
            for c in view.children(head)
        ):
            continue
        start = _run_start(view, head, taken)
        opens = (
            start == 0
            or tokens[start - 1].sentence != tokens[start].sentence
            or words[start - 1] in _OPENERS
        )
        if 2 <= head + 1 - start <= 4 and opens and looks_named(view, start, head + 1):
            yield start, head + 1


def _run_start(view: TextView, last: int, taken: set[int]) -> int:
    """The first of the proper nouns free of ``taken`` that end at token ``last``."""
    start = last
    while start > 0 and view.tokens[start - 1].pos == "PROPN" and (start - 1) not in taken:
        start -= 1
    return start


def _described_by(view: TextView, noun: int) -> bool:
    """Whether the apposition at ``noun`` is a person's title: "a", "an" or "the" and a title
    head noun ("a senior Peruvian diplomat", "the bloc's chief negotiator")."""
    first = view.subtree(noun)[0]
    return (
        view.tokens[noun].tag == "NN"
        and view.lemma(noun) in ROLE_HEADS
        and view.words[first].lower() in {"a", "an", "the"}
    )
