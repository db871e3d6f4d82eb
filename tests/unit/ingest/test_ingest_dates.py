"""Container dates normalised to ISO 8601."""

from __future__ import annotations

import pytest

from communique.ingest._dates import normalise_date


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        ("2024-06-19", "2024-06-19"),
        ("19 June 2024", "2024-06-19"),
        ("June 19, 2024", "2024-06-19"),
        ("2024-06-19 09:12", "2024-06-19T09:12"),
        ("2024-06-19T09:12:30", "2024-06-19T09:12:30"),
        ("2024-06-19T09:12:30Z", "2024-06-19T09:12:30+00:00"),
        ("Wed, 19 Jun 2024 09:12:00 +0200", "2024-06-19T09:12:00+02:00"),
        ("Thu, 20 Jun 2024 10:00 EST", "2024-06-20T10:00-05:00"),
        ("2024-06-19T00:00", "2024-06-19T00:00"),
    ],
)
def test_normalise_date_to_iso(found: str, expected: str) -> None:
    assert normalise_date(found) == expected


@pytest.mark.parametrize("found", ["yesterday", "June 2024", "19 June", "n/a"])
def test_normalise_date_keeps_what_it_cannot_place(found: str) -> None:
    assert normalise_date(found) == found


def test_normalise_date_unknown_zone_keeps_local_time() -> None:
    assert normalise_date("2024-06-19 09:12 XYZT") == "2024-06-19T09:12"


@pytest.mark.parametrize("found", [None, "", "   "])
def test_normalise_date_nothing_is_none(found: str | None) -> None:
    assert normalise_date(found) is None
