"""Page metadata readers: title, ISO dates and declared language."""

from __future__ import annotations

import pytest
from lxml.html import fromstring

from communique.extract.metadata import iso_date, page_language, page_title, strip_site_name


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-19", "2024-06-19"),
        ("2024-06-19T09:12", "2024-06-19T09:12"),
        ("2024-06-19T09:12:45+02:00", "2024-06-19T09:12"),
        ("2024-06-19 09:12", "2024-06-19T09:12"),
        ("2024-06-19T00:00", "2024-06-19"),
        ("Wed, 19 Jun 2024 09:12:00 GMT", "2024-06-19T09:12"),
        ("19 June 2024", "2024-06-19"),
        ("2024-02-30", None),
        ("June 2024", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date_normalises_common_forms(value: str | None, expected: str | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Talks resume | The Example News", "The Example News", "Talks resume"),
        ("Talks resume - BBC News", None, "Talks resume"),
        ("Talks resume » Example", None, "Talks resume"),
        ("Tony Blair: why talks must resume", None, "Tony Blair: why talks must resume"),
        (
            "Ministers meet - and agree on a plan for the northern border",
            None,
            "Ministers meet - and agree on a plan for the northern border",
        ),
        ("Talks resume", "Example", "Talks resume"),
    ],
)
def test_strip_site_name_removes_short_or_named_tails(
    title: str, site: str | None, expected: str
) -> None:
    assert strip_site_name(title, site) == expected


def _tree(body: str, head: str = "", html_attrs: str = "") -> object:
    return fromstring(f"<html {html_attrs}><head>{head}</head><body>{body}</body></html>")


def test_page_title_prefers_a_single_h1_that_agrees_with_the_metadata() -> None:
    tree = _tree("<h1>Ministers agree on patrols</h1><p>Text</p>")
    assert page_title(tree, "Ministers agree on border patrols - Courier", "Courier") == (
        "Ministers agree on patrols"
    )


def test_page_title_ignores_an_h1_unrelated_to_the_metadata_title() -> None:
    tree = _tree("<h1>Latest comments</h1>")
    assert page_title(tree, "Ministers agree on border patrols | Courier", None) == (
        "Ministers agree on border patrols"
    )


def test_page_title_with_several_h1_uses_the_metadata_title() -> None:
    tree = _tree("<h1>Courier</h1><h1>Ministers agree on patrols</h1>")
    assert page_title(tree, "Ministers agree on border patrols", None) == (
        "Ministers agree on border patrols"
    )


def test_page_title_falls_back_to_the_h1_or_none() -> None:
    assert page_title(_tree("<h1>Ministers agree</h1>"), None, None) == "Ministers agree"
    assert page_title(_tree("<p>No heading</p>"), None, None) is None


@pytest.mark.parametrize(
    ("html_attrs", "head", "expected"),
    [
        ('lang="en-GB"', "", "en"),
        ('lang="DE"', "", "de"),
        ("", '<meta property="og:locale" content="fr_FR">', "fr"),
        ("", '<meta http-equiv="Content-Language" content="es">', "es"),
        ('lang="x-default"', '<meta property="og:locale" content="pt_BR">', "pt"),
        ("", "", None),
    ],
)
def test_page_language_reads_declared_language(
    html_attrs: str, head: str, expected: str | None
) -> None:
    assert page_language(_tree("<p>x</p>", head, html_attrs)) == expected
