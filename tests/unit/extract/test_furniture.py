"""Page furniture left by trafilatura, dropped by general line rules."""

from __future__ import annotations

import pytest

from communique.extract._furniture import drop_furniture, is_furniture


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "- Advertisement - Story continues below",
        "Read more",
        "READ MORE: Storm closes ports along the northern coast",
        "ALSO READ: Election commission publishes final turnout figures",
        "Sign up for our morning newsletter",
        "Get the latest headlines in your inbox.",
        "Subscribe now!",
        "Photo: Marta Keel",
        "Share this article",
        "Comments",
        "Copyright © 2024 The Valdoria Courier. All rights reserved.",
        "Click here to download our app",
        "By Ilse Varga and Tomas Brenn",
        "Published 3 March 2023",
    ],
)
def test_is_furniture_recognises_page_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The ministers said the patrols would begin in September.",
        # a paragraph that merely mentions a newsletter or sharing is body text
        "The ministry began publishing a weekly newsletter in May, and officials said readers "
        "could subscribe to it for free from its website, which was redesigned last year.",
        "Share prices fell sharply after the announcement.",
        # sentence-case "Read more:" lines are often the author's own pointer
        "Read more: the full text of the accord is published by the ministry.",
        "image: registry/app",
        "By the end of the week, the border had reopened.",
    ],
)
def test_is_furniture_keeps_body_lines(line: str) -> None:
    assert not is_furniture(line)


def test_drop_furniture_splits_kept_and_dropped_lines() -> None:
    text = (
        "Border patrols agreed\n"
        "The ministers signed the accord on Tuesday.\n"
        "\n"
        "Advertisement\n"
        "  Patrols begin in September.  \n"
    )
    kept, dropped = drop_furniture(text, headlines=("Border  patrols agreed", None))
    assert kept == ["The ministers signed the accord on Tuesday.", "Patrols begin in September."]
    assert dropped == ("Border patrols agreed", "Advertisement")


def test_drop_furniture_keeps_a_headline_repeated_later_in_the_body() -> None:
    kept, dropped = drop_furniture("Intro line.\nBorder patrols agreed", ("Border patrols agreed",))
    assert kept == ["Intro line.", "Border patrols agreed"]
    assert dropped == ()
