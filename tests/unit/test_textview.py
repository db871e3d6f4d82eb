"""The shared text helpers: datelines, the place inside an area phrase."""

from __future__ import annotations

import re

import pytest

from communique.records import Annotation, Token
from communique.textview import (
    TextView,
    area_around,
    dateline_credit,
    dateline_end,
    place_inside,
)


@pytest.mark.parametrize(
    "text",
    [
        "SEOUL (Wire) - North Korea said",
        "CAMP DAVID, Md. (Wire) - The president said",
        "NAIROBI, Kenya, Feb 11 — Police said",
        "WASHINGTON — Aboard the plane, he said",
        "LIMA/SANTIAGO (Wire) - Peru and Chile agreed",  # two cities
        "Al UDEID AIR BASE, Qatar (Wire) - The general said",  # a short mixed-case word first
    ],
)
def test_dateline_end_finds_wire_datelines(text: str) -> None:
    end = dateline_end(text)
    assert end > 0 and text[end - 1] in "-—" and text[end:].strip()[0].isupper()


@pytest.mark.parametrize(
    "text",
    [
        "Seoul said on Monday - again - that",
        "North Korea threatened the summit.",
        "",
        "Al Qaeda claimed the attack - police said",
    ],
)
def test_dateline_end_is_zero_without_one(text: str) -> None:
    assert dateline_end(text) == 0


def test_dateline_credit_is_a_name_in_brackets_before_a_dash() -> None:
    words = ("LIMA", ",", "Peru", "(", "Reuters", ")", "-", "Troops", "fired")
    assert dateline_credit(words, 4, 5)
    assert not dateline_credit(words, 2, 3)  # the place
    assert not dateline_credit(("He", "told", "(", "Reuters", ")", "so"), 3, 4)


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
    # Kell city ; the assistance of Kell ; the nation of Kell ; the country in Kell
    view = _parse(
        [
            ("Kell", "Kell", "PROPN", "compound", 1),
            ("city", "city", "NOUN", "ROOT", 1),
            ("assistance", "assistance", "NOUN", "dep", 1),
            ("of", "of", "ADP", "prep", 2),
            ("Kell", "Kell", "PROPN", "pobj", 3),
            ("nation", "nation", "NOUN", "dep", 1),
            ("of", "of", "ADP", "prep", 5),
            ("Kell", "Kell", "PROPN", "pobj", 6),
            ("country", "country", "NOUN", "dep", 1),
            ("in", "in", "ADP", "prep", 8),
            ("Kell", "Kell", "PROPN", "pobj", 9),
        ]
    )
    assert place_inside(view, 1) == 0
    assert place_inside(view, 2) is None
    assert (place_inside(view, 5), area_around(view, 7)) == (7, 5)  # a state after "of"
    assert (place_inside(view, 8), area_around(view, 10)) == (None, 10)  # not one it lies in


def _words(text: str) -> TextView:
    """A view of ``text`` split at white space, with no parse (quotations are read from words)."""
    tokens = [
        Token(m.start(), m.end(), m.group(), "X", "X", "dep", 0, 0)
        for m in re.finditer(r"\S+", text)
    ]
    return TextView(text, Annotation("d", (), tuple(tokens), ()))


def test_quoted_marks_the_words_of_a_quotation_of_four_words_or_more() -> None:
    view = _words("“ We will work with Macron , ” she said .")
    assert sorted(view.quoted) == [1, 2, 3, 4, 5, 6]
    straight = _words('He said " the talks are over for now " and left .')
    assert sorted(straight.quoted) == [3, 4, 5, 6, 7, 8]


def test_quoted_leaves_scare_quotes_and_ends_an_open_quote_at_its_paragraph() -> None:
    assert not _words("He called Kim “ Rocket Man ” again .").quoted
    view = _words("“ We will fight on until the end ,\nKenya said .")
    assert sorted(view.quoted) == list(range(1, 9))  # not "Kenya said"
