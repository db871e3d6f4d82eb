"""The shared text helpers: datelines, the place inside an area phrase."""

from __future__ import annotations

import pytest

from communique.records import Annotation, Token
from communique.textview import TextView, area_around, dateline_end, place_inside


@pytest.mark.parametrize(
    "text",
    [
        "SEOUL (Wire) - North Korea said",
        "CAMP DAVID, Md. (Wire) - The president said",
        "NAIROBI, Kenya, Feb 11 — Police said",
        "WASHINGTON — Aboard the plane, he said",
    ],
)
def test_dateline_end_finds_wire_datelines(text: str) -> None:
    end = dateline_end(text)
    assert end > 0 and text[end - 1] in "-—" and text[end:].strip()[0].isupper()


@pytest.mark.parametrize(
    "text",
    ["Seoul said on Monday - again - that", "North Korea threatened the summit.", ""],
)
def test_dateline_end_is_zero_without_one(text: str) -> None:
    assert dateline_end(text) == 0


def _parse(words: list[tuple[str, str, str, str, int]]) -> TextView:
    """A hand-built parse: (word, lemma, pos, dep, head) per token, one space apart."""
    text, tokens = "", []
    for word, lemma, pos, dep, head in words:
        start = len(text) + (1 if text else 0)
        text = f"{text} {word}" if text else word
        tokens.append(Token(start, start + len(word), lemma, pos, pos, dep, head, 0))
    return TextView(text, Annotation("d", (), tuple(tokens), ()))


def test_place_inside_follows_area_words_to_the_place() -> None:
    # parts of the city of Kell
    view = _parse(
        [
            ("parts", "part", "NOUN", "ROOT", 0),
            ("of", "of", "ADP", "prep", 0),
            ("the", "the", "DET", "det", 3),
            ("city", "city", "NOUN", "pobj", 1),
            ("of", "of", "ADP", "prep", 3),
            ("Kell", "Kell", "PROPN", "pobj", 4),
        ]
    )
    assert place_inside(view, 0) == 5
    assert place_inside(view, 5) is None  # a place is no area word
    assert area_around(view, 5) == 0  # the other way up
    assert area_around(view, 0) == 0


def test_place_inside_reads_a_named_area_and_stops_at_other_words() -> None:
    # Kell city ; the assistance of Kell
    view = _parse(
        [
            ("Kell", "Kell", "PROPN", "compound", 1),
            ("city", "city", "NOUN", "ROOT", 1),
            ("assistance", "assistance", "NOUN", "dep", 1),
            ("of", "of", "ADP", "prep", 2),
            ("Kell", "Kell", "PROPN", "pobj", 3),
        ]
    )
    assert place_inside(view, 1) == 0
    assert place_inside(view, 2) is None
