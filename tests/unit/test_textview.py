"""The shared text helpers: datelines."""

from __future__ import annotations

import pytest

from communique.textview import dateline_end


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
