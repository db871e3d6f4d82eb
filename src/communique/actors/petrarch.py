"""Reading PETRARCH/Phoenix actor dictionaries: root phrases, synonyms and dated codes.

The format is the one PETRARCH and PETRARCH2 read (inherited from TABARI) and the Phoenix
dictionaries use. Each record is a root phrase with an optional ``[CODE]``, then synonym lines
starting with ``+``, then indented code lines ``[CODE restriction]``::

    BARACK_OBAMA_            # words joined by "_" (or blanks); a final "_" is dropped
    +PRESIDENT_OBAMA
        [USAGOV 090120-170119]   # from one day to another, both days included
        [USAELI >170120]         # from that day on
        [USAELI <090119]         # until that day
        [USAELI]                 # no restriction: the default code

Dates are YYMMDD or YYYYMMDD. Two-digit years follow PETRARCH's own rule: 00-30 are 20xx,
31-99 are 19xx (write YYYYMMDD for anything else). Comments start with ``#`` or the legacy
``;`` and run to the end of the line; ``<!-- ... -->`` comments may span lines; a line
``---STOP---`` ends the file. Agent dictionaries (``[~GOV]``, ``!MINIST!``, ``{plurals}``) and
verb dictionaries are other formats and are rejected.

This module only parses: it returns ``ImportedActor`` records and touches no knowledge base.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

from communique.errors import InputError

# PETRARCH's dstr_to_ordate: two-digit years up to 30 are 20xx, the rest 19xx.
_CENTURY_PIVOT = 30
# CAMEO agent (sector) codes: alone in brackets they are an agent dictionary entry, not an actor.
AGENT_CODES = frozenset(
    ("AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "INS",
     "JUD", "LAB", "LEG", "MED", "MIL", "MOD", "OPP", "PTY", "RAD", "REB", "REF", "REL", "SET",
     "SPY", "UAF")
)  # fmt: skip
_CODE = re.compile(r"[A-Z]{3}[A-Z0-9]*")
_DATE = r"(\d{8}|\d{6})"
_BEFORE = re.compile(rf"<\s*{_DATE}")
_AFTER = re.compile(rf">\s*{_DATE}")
_BETWEEN = re.compile(rf"{_DATE}\s*-\s*{_DATE}")
_ROOT = re.compile(r"(?P<phrase>[^\[\]]*?)\s*(?:\[(?P<code>[^\[\]]*)\])?")
_AGENT_MARKS = frozenset("!{}~")
_PATTERN_MARKS = frozenset("&$%^*<>=|[]+")


class ActorTerm(NamedTuple):
    """One code of an actor and when it applies: on day d when ``start <= d < end``.

    ``None`` leaves a side open; a term with neither date is the actor's default code.
    PETRARCH's limits include both days, so ``end`` is the day after the file's last day.
    """

    code: str
    start: date | None
    end: date | None


@dataclass(frozen=True, slots=True)
class ImportedActor:
    """One record of an actor dictionary.

    Attributes:
        name: The root phrase, words separated by single spaces ("BARACK OBAMA").
        aliases: The synonym phrases, in file order, without the name.
        terms: The dated codes in file order, then the default code (if any) last, so the
            first term that holds on a day is the one PETRARCH would use.
        line: The line of the root phrase.
    """

    name: str
    aliases: tuple[str, ...]
    terms: tuple[ActorTerm, ...]
    line: int = 0


@dataclass(frozen=True, slots=True)
class SkippedLine:
    """A line that could not be read, skipped in lenient mode."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    """What a dictionary file holds: its actors, and the lines skipped in lenient mode."""

    actors: tuple[ImportedActor, ...]
    skipped: tuple[SkippedLine, ...] = ()


class _LineError(Exception):
    """A line this reader cannot read; the message says why."""


@dataclass
class _Record:
    """The actor being read: the root line's data, then what the following lines add."""

    name: str
    line: int
    aliases: list[str] = field(default_factory=list)
    dated: list[ActorTerm] = field(default_factory=list)
    default: ActorTerm | None = None

    def add_term(self, term: ActorTerm) -> None:
        if term.start is None and term.end is None:
            self.default = term  # PETRARCH: a later default replaces an earlier one
        else:
            self.dated.append(term)

    def finish(self) -> ImportedActor:
        terms = (*self.dated, self.default) if self.default else tuple(self.dated)
        aliases = tuple(a for a in dict.fromkeys(self.aliases) if a != self.name)
        return ImportedActor(self.name, aliases, terms, self.line)


def read_petrarch_actors(path: Path, *, lenient: bool = False) -> list[ImportedActor]:
    """Read the actors of a PETRARCH/Phoenix actor dictionary.

    Args:
        path: The dictionary file (UTF-8 or ASCII text).
        lenient: Skip unreadable lines instead of raising; ``read_petrarch_dictionary``
            also returns which lines were skipped.

    Returns:
        The actors in file order.

    Raises:
        InputError: The file cannot be read, or (unless ``lenient``) a line is not actor
            dictionary syntax; the message names ``path:line``.
    """
    return list(read_petrarch_dictionary(path, lenient=lenient).actors)


def read_petrarch_dictionary(path: Path, *, lenient: bool = False) -> ActorDictionary:
    """Read a PETRARCH/Phoenix actor dictionary, with the lines skipped in lenient mode.

    Args:
        path: The dictionary file (UTF-8 or ASCII text).
        lenient: Skip unreadable lines (and the synonym and code lines under an unreadable
            root) instead of raising at the first.

    Returns:
        The actors in file order and the skipped lines.

    Raises:
        InputError: The file cannot be read, or (unless ``lenient``) a line is not actor
            dictionary syntax.
    """
    actors: list[ImportedActor] = []
    skipped: list[SkippedLine] = []
    record: _Record | None = None
    orphan = False  # the lines under an unreadable root are skipped with it
    for number, text in _content_lines(path):
        try:
            if text[0] not in "+[":
                orphan = False
                if record is not None:
                    actors.append(record.finish())
                record = None
                record = _root(text, number)
            elif orphan:
                raise _LineError("belongs to an unreadable actor above it")
            elif record is None:
                kind = "a synonym ('+')" if text[0] == "+" else "a code line"
                raise _LineError(f"{kind} needs a root phrase above it")
            elif text[0] == "+":
                record.aliases.append(_phrase(text[1:]))
            else:
                record.add_term(_code_line(text))
        except _LineError as exc:
            if not lenient:
                raise InputError("bad-dictionary", f"{path}:{number}: {exc}: {text!r}") from None
            skipped.append(SkippedLine(number, text, str(exc)))
            orphan = orphan or text[0] not in "+["
    if record is not None:
        actors.append(record.finish())
    return ActorDictionary(tuple(actors), tuple(skipped))


def _content_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, text)`` for each line with content, comments removed, stripped."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()  # a BOM is not a phrase
    except FileNotFoundError:
        raise InputError("not-found", f"{path}: no such actor dictionary file") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            "not-text", f"{path}: expected UTF-8 or ASCII text, byte {exc.start} is not; re-save it"
        ) from None
    except OSError as exc:
        raise InputError("unreadable", f"{path}: cannot read the file: {exc.strerror}") from exc
    in_comment = False
    for number, raw in enumerate(lines, 1):
        if raw.strip() == "---STOP---":
            return
        text, in_comment = _without_markup_comments(raw, in_comment)
        text = re.split(r"[#;]", text, maxsplit=1)[0].strip()
        if text:
            yield number, text


def _without_markup_comments(text: str, inside: bool) -> tuple[str, bool]:
    """Remove ``<!-- ... -->`` comments; ``inside`` says a comment is open from earlier lines."""
    kept: list[str] = []
    while text:
        if inside:
            end = text.find("-->")
            if end < 0:
                return "".join(kept), True
            text, inside = text[end + 3 :], False
        start = text.find("<!--")
        if start < 0:
            kept.append(text)
            break
        kept.append(text[:start])
        text, inside = text[start + 4 :], True
    return "".join(kept), inside


def _root(text: str, number: int) -> _Record:
    """Read a root line: ``PHRASE`` or ``PHRASE [CODE]`` or ``PHRASE [CODE restriction]``."""
    found = _ROOT.fullmatch(text)
    if found is None:
        raise _LineError("expected a root phrase, optionally followed by one [CODE]")
    record = _Record(_phrase(found["phrase"]), number)
    if found["code"] is not None:
        record.add_term(_term(found["code"]))
    return record


def _phrase(raw: str) -> str:
    """Return a phrase with ``_`` and blanks as single spaces, after checking its characters."""
    if _AGENT_MARKS & set(raw):
        raise _LineError(
            "agent dictionary syntax (!MARKER!, {PLURAL}, ~CODE) is not an actor phrase; "
            "only actor dictionaries can be imported"
        )
    if _PATTERN_MARKS & set(raw):
        raise _LineError(
            "pattern syntax (& $ % ^ * < > = | [ ] +) is not an actor phrase; "
            "expected PHRASE, +SYNONYM or [CODE] lines"
        )
    phrase = " ".join(raw.replace("_", " ").split())
    if not any(char.isalpha() for char in phrase):
        raise _LineError("expected a phrase with at least one letter")
    return phrase


def _code_line(text: str) -> ActorTerm:
    """Read an indented code line: ``[CODE]`` or ``[CODE restriction]``, nothing after."""
    if not text.endswith("]") or text.count("[") != 1 or text.count("]") != 1:
        raise _LineError("expected one [CODE] or [CODE date-restriction] on a code line")
    return _term(text[1:-1])


def _term(inside: str) -> ActorTerm:
    """Read the inside of ``[CODE]``, ``[CODE <DATE]``, ``[CODE >DATE]`` or ``[CODE D1-D2]``."""
    code, when = (*inside.split(maxsplit=1), "", "")[:2]
    code, when = code.upper(), when.strip()
    if "~" in code:
        raise _LineError(f"{code} is an agent code (~); only actor dictionaries can be imported")
    if not _CODE.fullmatch(code):
        raise _LineError(
            f"expected a CAMEO actor code (three letters, then letters or digits: USAGOV, "
            f"IGOUNO), got {code!r}; numeric event codes belong to a verb dictionary"
        )
    if code in AGENT_CODES:
        raise _LineError(
            f"{code} alone is a CAMEO agent code, the syntax of an agent dictionary; an actor "
            "code starts with a country or organisation (USAGOV, IGOUNO)"
        )
    if not when:
        return ActorTerm(code, None, None)
    if found := _BEFORE.fullmatch(when):
        return ActorTerm(code, None, _day(found[1]) + timedelta(days=1))
    if found := _AFTER.fullmatch(when):
        return ActorTerm(code, _day(found[1]), None)
    if found := _BETWEEN.fullmatch(when):
        start, last = _day(found[1]), _day(found[2])
        if last < start:
            raise _LineError(f"the date range ends ({last}) before it starts ({start})")
        return ActorTerm(code, start, last + timedelta(days=1))
    raise _LineError(
        f"expected a date restriction <DATE, >DATE or DATE-DATE (YYMMDD or YYYYMMDD), got {when!r}"
    )


def _day(digits: str) -> date:
    """Read YYYYMMDD or YYMMDD (years 00-30 are 20xx, 31-99 19xx, as in PETRARCH)."""
    if len(digits) == 8:
        year, rest = int(digits[:4]), digits[4:]
    else:
        short = int(digits[:2])
        year, rest = (2000 + short if short <= _CENTURY_PIVOT else 1900 + short), digits[2:]
    try:
        return date(year, int(rest[:2]), int(rest[2:]))
    except ValueError:
        raise _LineError(f"{digits} is not a calendar date (YYMMDD or YYYYMMDD)") from None
