"""What a person's name says of whether a "he" or a "she" may stand for them."""

from __future__ import annotations

import pytest

from communique.gender import agrees, name_gender


@pytest.mark.parametrize(
    ("name", "before", "gender"),
    [
        ("Theresa May", (), "f"),
        ("Mrs. May", (), "f"),
        ("Sir Keir Starmer", (), "m"),
        ("Ilhan Omar", ("Rep.", "Congresswoman"), "f"),
        ("Sanders", ("White", "House", "spokesman"), "m"),
        ("Boris Johnson", (), "m"),
        ("Ségolène Royal", (), "f"),  # accents aside
        ("Debbie Wasserman Schultz", (), "f"),  # a middle name ending in "man" says nothing
        ("Gabriel Boric", ("the", "Queen", "and"), "m"),  # his given name, not the Queen's title
    ],
)
def test_name_gender_reads_given_names_honorifics_and_title_words(
    name: str, before: tuple[str, ...], gender: str
) -> None:
    assert name_gender(name, before) == gender


@pytest.mark.parametrize(
    ("name", "before"),
    [
        ("May", ()),  # a surname alone
        ("Kim Jong Un", ()),  # family name first
        ("Jean Castex", ()),  # a given name of both
        ("Jordan Bardella", ("German",)),  # "German" is no "-man" title
        # a title in the clause before the name is not the name's ("met the Queen and Boric",
        # "a spokeswoman said Boric …")
        ("Boric", ("the", "Queen", "and")),
        ("Boric", ("spokeswoman", "said")),
    ],
)
def test_name_gender_says_nothing_when_the_name_does_not(
    name: str, before: tuple[str, ...]
) -> None:
    assert name_gender(name, before) is None


def test_agrees_keeps_a_pronoun_from_the_other_gender_only() -> None:
    assert not agrees("She", "m") and not agrees("his", "f")
    assert agrees("she", "f") and agrees("he", None) and agrees("they", "m")
