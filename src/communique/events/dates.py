"""Event dates: a date the text gives near the trigger, resolved against the article's date.

"on Tuesday" is the last Tuesday on or before the article's day; "yesterday", "last week",
"last month", "in March" (the latest March not after the article), "on 12 May", "in 1950".
A date the text does not give falls back to the article's date. An event dated more than a
year before the article is historical: the coder leaves it out of today's events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil import parser as dateutil_parser  # type: ignore[import-untyped]

from communique.records import Span
from communique.textview import TextView

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
RELATIVE_DAYS = {"today": 0, "yesterday": 1, "tonight": 0, "this morning": 0}
RELATIVE_PERIODS = {"last week": 7, "last month": 30, "last year": 365, "this week": 0}
HISTORICAL_AFTER_DAYS = 366
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class EventDate:
    """A resolved event date and whether the text stated it."""

    day: date | None
    stated: bool

    def iso(self) -> str | None:
        """The date as ``YYYY-MM-DD``, or ``None``."""
        return self.day.isoformat() if self.day else None

    def is_historical(self, article_day: date | None) -> bool:
        """True when the event lies well before the article (background, not news)."""
        if self.day is None or article_day is None or not self.stated:
            return False
        return (article_day - self.day).days > HISTORICAL_AFTER_DAYS


def date_of(view: TextView, trigger: int, article_day: date | None) -> EventDate:
    """The date of the event at ``trigger``: a DATE entity in its clause, else the article's."""
    for entity in _clause_dates(view, trigger):
        day = resolve_date(view.text[entity.start : entity.end], article_day)
        if day is not None:
            return EventDate(day, stated=True)
    return EventDate(article_day, stated=False)


def _clause_dates(view: TextView, trigger: int) -> list[Span]:
    """DATE entities whose tokens hang from the trigger without crossing another verb."""
    sentence = view.tokens[trigger].sentence
    found = []
    for entity in view.annotation.entities:
        if entity.label != "DATE":
            continue
        first = view.token_at(entity.start)
        if first >= len(view) or view.tokens[first].sentence != sentence:
            continue
        if _attached_to(view, first, trigger):
            found.append(entity)
    return found


def _attached_to(view: TextView, i: int, trigger: int) -> bool:
    k, steps = i, 0
    while k != trigger and view.tokens[k].head != k and steps < 6:
        k = view.tokens[k].head
        if k != trigger and view.tokens[k].pos in {"VERB", "AUX"}:
            return False
        steps += 1
    return k == trigger


def resolve_date(phrase: str, article_day: date | None) -> date | None:
    """Resolve a date phrase against the article's day; ``None`` when it cannot be read."""
    text = phrase.lower().strip().removeprefix("the ")
    if article_day is not None:
        relative = _relative(text, article_day)
        if relative is not None:
            return relative
    if text.isdigit() and len(text) == 4:
        return date(int(text), 1, 1)
    return _absolute(text, article_day)


def _relative(text: str, today: date) -> date | None:
    if text in RELATIVE_DAYS:
        return today - timedelta(days=RELATIVE_DAYS[text])
    if text in RELATIVE_PERIODS:
        return today - timedelta(days=RELATIVE_PERIODS[text])
    words = text.split()
    if words and words[-1] in WEEKDAYS and len(words) <= 2:
        back = (today.weekday() - WEEKDAYS.index(words[-1])) % 7
        back = back or (7 if words[0] == "last" else 0)
        return today - timedelta(days=back)
    if words and words[-1] in MONTHS and len(words) <= 2:
        month = MONTHS.index(words[-1]) + 1
        year = today.year if month <= today.month else today.year - 1
        return date(year, month, 1)
    return None


def _absolute(text: str, article_day: date | None) -> date | None:
    if not any(ch.isdigit() for ch in text):
        return None
    default = article_day or date(2000, 1, 1)
    try:
        parsed = dateutil_parser.parse(text, default=_as_datetime(default), fuzzy=False)
    except (ValueError, OverflowError):
        year = _YEAR.search(text)
        return date(int(year.group(1)), 1, 1) if year else None
    return parsed.date()  # type: ignore[no-any-return]


def _as_datetime(day: date):  # type: ignore[no-untyped-def]
    from datetime import datetime

    return datetime(day.year, day.month, day.day)
