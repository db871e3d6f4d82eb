"""Datelines in plain text: lines such as ``Wednesday, 19 June 2024, 09:12``.

A line is a dateline when every word on it belongs to the small vocabulary of
dates (numbers, month and weekday names, times, time zones, a few joining
words) after an optional ``Updated:``/``Published`` prefix. Recognising the
vocabulary first and parsing second keeps a sentence that merely mentions a
date ("Talks resume on 19 June 2024.") from being read as a dateline. English
and numeric dates are parsed with dateutil; dates with French, German, Spanish,
Italian, Portuguese, Russian or Ukrainian month names with dateparser, limited
to the languages whose words were seen (no network, no language download).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from dateutil import parser as dateutil_parser  # type: ignore[import-untyped]

__all__ = ["Dateline", "parse_date", "read_dateline"]

_MONTHS_EN = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_WEEKDAYS_EN = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri "
    "sat sun"
)
# Month and weekday names by language (Russian and Ukrainian months in the genitive,
# the form a date uses); dateparser parses them, we only need to recognise them.
_FOREIGN_WORDS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "de": "januar jänner februar märz april mai juni juli august september oktober november "
    "dezember montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre "
    "noviembre diciembre lunes martes miércoles jueves viernes sábado domingo",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря "
    "понедельник вторник среда четверг пятница суббота воскресенье",
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада "
    "грудня понеділок вівторок середа четвер п'ятниця субота неділя",
}
# Words that join the parts of a date ("19 June 2024 at 09:12", "19 de junio de 2024").
_JOINERS = "at on of de del le am um à alle ore às el il в года г uhr h hrs"
# Zone names are dropped before parsing: we keep the local time as written.
_ZONES = (
    "utc gmt z et est edt ct cst cdt mt mst mdt pt pst pdt bst cet cest eet eest wet west msk "
    "ist jst kst hkt sgt aest aedt awst wib"
)
_AMPM = "am pm a.m. p.m. a.m p.m"


def _languages_by_word() -> dict[str, frozenset[str]]:
    # "abril" is Spanish and Portuguese: a word maps to every language that has it.
    languages: dict[str, frozenset[str]] = {}
    for lang, words in _FOREIGN_WORDS.items():
        for word in words.split():
            languages[word] = languages.get(word, frozenset()) | {lang}
    return languages


_FOREIGN_LANGS = _languages_by_word()
_ENGLISH_WORDS = frozenset(f"{_MONTHS_EN} {_WEEKDAYS_EN} {_JOINERS} {_AMPM}".split())
_ZONE_WORDS = frozenset(_ZONES.split())
_JOINER_WORDS = frozenset(_JOINERS.split())
_AMPM_WORDS = frozenset(_AMPM.split())

_PREFIX = re.compile(
    r"(?:(?:last\s+)?updated|(?:first\s+)?published|posted|date|modified|aktualisiert|"
    r"veröffentlicht|mis à jour|publié|actualizado|publicado|aggiornato|pubblicato|"
    r"обновлено|опубликовано|оновлено|опубліковано)\b"
    r"(?:\s+(?:on|at|le|am|el|il|em))?\s*[:\-–—|]?\s*",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    r"\d{1,4}(?:st|nd|rd|th|\.)?"  # day, year, "19th", "19."
    r"|\d{1,4}[./-]\d{1,2}[./-]\d{2,4}"  # 19.06.2024, 2024-06-19, 06/19/2024
    r"|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|\d{1,2}[:h.]\d{2}(?::\d{2})?(?:[ap]\.?m\.?)?"  # 09:12, 9:12pm, 09h12, 09.12
    r"|(?:utc|gmt)?[+-]\d{1,2}(?::?\d{2})?",  # zone offsets
    re.IGNORECASE,
)
_TIME = re.compile(r"\d{1,2}:\d{2}|\d{1,2}\s*[ap]\.?m\b|T\d{2}:\d{2}", re.IGNORECASE)
_SEPARATORS = "|—–-·•:/"
_TOKEN = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")
_TOKEN_EDGES = ",;|()[]"


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found on a line.

    Attributes:
        published: ISO 8601 date, or date and time to the minute when the line gives
            a time; ``None`` when the line has no full date (``Updated 9:15 p.m. ET``).
        rest: Text after the dateline on the same line; empty for a whole-line dateline.
    """

    published: str | None
    rest: str


def read_dateline(line: str, allow_rest: bool = False) -> Dateline | None:
    """Read a dateline that fills a line, or (with ``allow_rest``) starts it.

    Args:
        line: One stripped line of text.
        allow_rest: Also accept a full date followed by other text on the line.

    Returns:
        The dateline, or ``None`` when the line is not one.
    """
    prefix = _PREFIX.match(line)
    body = line[prefix.end() :] if prefix else line
    tokens: list[re.Match[str]] = []
    rest_at = -1  # where the first word that is not part of a date starts
    for token in _TOKEN.finditer(body):
        if not _is_date_token(token[0]):
            rest_at = token.start()
            break
        tokens.append(token)
    if not tokens or not _DIGIT.search(body, 0, tokens[-1].end()):
        return None
    if rest_at < 0:
        return Dateline(parse_date(body), "")
    if not allow_rest:
        return None
    for end in range(len(tokens), 0, -1):
        published = parse_date(body[: tokens[end - 1].end()])
        if published:
            rest = body[tokens[end].start() if end < len(tokens) else rest_at :]
            rest = rest.lstrip(_SEPARATORS + " ")
            return Dateline(published, rest) if rest else None
    return None


def parse_date(text: str) -> str | None:
    """Parse a date expression that contains a day, a month and a year.

    Args:
        text: The date words only, e.g. ``"Wednesday, 19 June 2024, 09:12"``.

    Returns:
        ``"2024-06-19T09:12"`` when a time is given, ``"2024-06-19"`` otherwise, or
        ``None`` when a part of the date is missing or it cannot be parsed.
    """
    tokens = [t for t in (_clean_token(t) for t in text.split()) if t.strip(_SEPARATORS)]
    tokens = [t for t in tokens if t not in _ZONE_WORDS]
    langs = frozenset().union(*(_FOREIGN_LANGS.get(t, frozenset()) for t in tokens))
    english = _english_words(tokens)
    parsed = _parse_english(english)
    if parsed is None and langs:
        parsed = _parse_foreign(" ".join(tokens), langs)
    if parsed is None or not 1900 <= parsed.year <= 2100:
        return None
    if _TIME.search(english):
        return parsed.strftime("%Y-%m-%dT%H:%M")
    return parsed.strftime("%Y-%m-%d")


def _english_words(tokens: list[str]) -> str:
    """Rewrite date tokens into what dateutil reads: no joiners dateutil lacks, 09:12 times."""
    words: list[str] = []
    for token in tokens:
        if token in _AMPM_WORDS and not (words and words[-1][-1].isdigit()):
            continue  # German "am 19.06." is a joiner, not a.m.
        if token in _JOINER_WORDS and token not in _AMPM_WORDS and token not in ("at", "on", "of"):
            continue
        words.append(re.sub(r"^(\d{1,2})[h.](\d{2})$", r"\1:\2", token))
    return " ".join(words)


def _clean_token(token: str) -> str:
    return token.strip(_TOKEN_EDGES).lower()


def _is_date_token(token: str) -> bool:
    word = _clean_token(token)
    if not word.strip(_SEPARATORS):
        return True  # a bare separator: "|", "—", "-"
    word = word.rstrip(",.") if word.rstrip(",.") else word
    return (
        word in _ENGLISH_WORDS
        or word in _FOREIGN_LANGS
        or word in _ZONE_WORDS
        or _NUMERIC.fullmatch(word) is not None
        or f"{word}." in _ENGLISH_WORDS  # "a.m" written without its last dot
    )


def _parse_english(text: str) -> datetime | None:
    # Dotted numeric dates are day-first (19.06.2024); slashed ones are read the US
    # way (06/19/2024) unless the first number cannot be a month.
    dayfirst = re.search(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b", text) is not None
    try:
        first: datetime = dateutil_parser.parse(
            text, default=datetime(2000, 1, 1), dayfirst=dayfirst, ignoretz=True
        )
        second: datetime = dateutil_parser.parse(
            text, default=datetime(2001, 2, 2), dayfirst=dayfirst, ignoretz=True
        )
    except (ValueError, OverflowError):
        return None
    # A part filled from the default differs between the two parses: it was missing.
    return first if first.date() == second.date() else None


def _parse_foreign(text: str, langs: frozenset[str]) -> datetime | None:
    # Imported here: dateparser loads language data, and most lines never need it.
    import dateparser  # type: ignore[import-untyped]

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}
    parsed: datetime | None = dateparser.parse(text, languages=sorted(langs), settings=settings)
    return parsed
