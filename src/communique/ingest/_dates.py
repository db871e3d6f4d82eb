"""Container dates (JSONL ``published``, feed ``pubDate``) normalised to ISO 8601."""

from __future__ import annotations

import warnings
from datetime import datetime

from dateutil import parser as date_parser  # type: ignore[import-untyped]

# Parsing twice with different defaults shows which fields the string actually gave.
_DEFAULTS = (datetime(1970, 1, 1, 0, 0, 0), datetime(1971, 2, 2, 1, 1, 1))
# Zone abbreviations common in English-language feeds; dateutil knows only UTC/GMT by itself.
_ZONES = {
    "EST": -5 * 3600,
    "EDT": -4 * 3600,
    "CST": -6 * 3600,
    "CDT": -5 * 3600,
    "MST": -7 * 3600,
    "MDT": -6 * 3600,
    "PST": -8 * 3600,
    "PDT": -7 * 3600,
    "BST": 1 * 3600,
    "CET": 1 * 3600,
    "CEST": 2 * 3600,
}


def normalise_date(value: str | None) -> str | None:
    """Return ``value`` as ISO 8601, or unchanged when it is not a full calendar date.

    ``"19 June 2024"`` → ``"2024-06-19"``; ``"Wed, 19 Jun 2024 09:12 +0200"`` →
    ``"2024-06-19T09:12+02:00"``; seconds are kept only when given. A string without a
    year, month and day (``"June 2024"``, ``"yesterday"``) is returned as found.

    Args:
        value: A date string from the container, or None.

    Returns:
        The normalised string, the original string, or None when ``value`` is None or blank.
    """
    if value is None or not value.strip():
        return None
    parsed = [_parse(value, default) for default in _DEFAULTS]
    first, second = parsed
    if first is None or second is None:
        return value
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return value
    if first.hour != second.hour:
        return first.date().isoformat()
    return first.isoformat(timespec="seconds" if first.second == second.second else "minutes")


def _parse(value: str, default: datetime) -> datetime | None:
    with warnings.catch_warnings():
        # An unknown zone name leaves a naive time, which is still worth keeping.
        warnings.simplefilter("ignore", date_parser.UnknownTimezoneWarning)
        try:
            parsed: datetime = date_parser.parse(value, default=default, tzinfos=_ZONES)
        except (ValueError, OverflowError):
            return None
    return parsed
