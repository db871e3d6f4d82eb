"""The user's knowledge base: people imported from PETRARCH/Phoenix actor dictionaries.

``import_actors`` writes the actors of a dictionary as rows of ``<data_dir>/actors/people.tsv``,
in the columns of the packaged ``people.tsv`` (one row per actor and term), merging with the
rows already there; ``load_knowledge_base(data_dir)`` adds that file's people to the built-in
ones. See ``docs/knowledge.md``, "Importing PETRARCH/Phoenix actor dictionaries".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from communique.actors._tables import (
    PEOPLE_COLUMNS,
    country_codes,
    parse_table,
    people_from_rows,
    user_people_file,
)
from communique.actors.petrarch import (
    ActorTerm,
    ImportedActor,
    SkippedLine,
    read_petrarch_dictionary,
)
from communique.errors import ConfigError

Row = tuple[str, str, str, str, str, str, str]  # the PEOPLE_COLUMNS, in order

_HEADER = """\
# people.tsv — the user's people, in the columns of communique's own actors/data/people.tsv.
# Written by `communique actors import`; rows may be edited by hand, but comments other than
# this header are not kept when the file is rewritten. A row here replaces every built-in row
# of the same name. Columns: name, aliases ("|"-separated), role (empty when the source gives
# none), code (CAMEO), country (ISO3, empty when the code does not start with one), start and
# end (ISO dates; the role holds on start <= day < end; empty = open).
"""


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What one import did to the user's people file.

    Attributes:
        actors: Actors written (records with at least one code; one name = one actor).
        terms: Rows written for them, one per code and date range.
        added: Actors that were not in the file.
        updated: Actors whose rows changed.
        unchanged: Actors whose rows were already the same.
        uncoded: Records without any code, which give no row.
        skipped: Unreadable lines skipped in lenient mode.
        path: The user people file.
    """

    actors: int
    terms: int
    added: int
    updated: int
    unchanged: int
    uncoded: int
    skipped: tuple[SkippedLine, ...]
    path: Path


def import_actors(path: Path, data_dir: Path, *, lenient: bool = False) -> ImportSummary:
    """Import a PETRARCH/Phoenix actor dictionary into the user's knowledge base.

    Each actor becomes one row per term in ``data_dir/actors/people.tsv``; an actor already in
    the file (same name) has its rows replaced, other rows are kept. Importing the same file
    twice changes nothing.

    Args:
        path: The actor dictionary.
        data_dir: The user's data folder (``Settings.data_dir``).
        lenient: Skip unreadable lines instead of stopping at the first.

    Returns:
        The counts of actors and terms, added, updated and unchanged.

    Raises:
        InputError: The dictionary cannot be read or (unless ``lenient``) has a bad line.
        ConfigError: The existing user file is malformed, or the file cannot be written.
    """
    dictionary = read_petrarch_dictionary(path, lenient=lenient)
    target = user_people_file(data_dir)
    existing = _read_rows(target)
    incoming = _rows_by_name(dictionary.actors, country_codes())
    merged = dict(existing)
    merged.update(incoming)
    added = sum(name not in existing for name in incoming)
    unchanged = sum(existing.get(name) == rows for name, rows in incoming.items())
    text = _HEADER + "\n".join("\t".join(row) for row in _table(merged)) + "\n"
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        _write(target, text)
    return ImportSummary(
        actors=len(incoming),
        terms=sum(len(rows) for rows in incoming.values()),
        added=added,
        updated=len(incoming) - added - unchanged,
        unchanged=unchanged,
        uncoded=sum(not actor.terms for actor in dictionary.actors),
        skipped=dictionary.skipped,
        path=target,
    )


def news_spellings(phrase: str) -> list[str]:
    """Return how news writes a dictionary phrase: the preferred spelling first.

    PETRARCH phrases are in capitals, and our matcher keeps capitals exact (so "US" is never
    "us"). A phrase without lowercase letters gives its capitalised form ("Barack Obama",
    "O'Brien", "Al-Assad"), the form with lowercase after hyphens when that differs ("Kim
    Jong-un"), and itself ("NATO"); a phrase with lowercase letters is kept as written.
    """
    if phrase != phrase.upper():
        return [phrase]
    spaced = " ".join(_capitalised(word, after="'.-") for word in phrase.split())
    hyphens = " ".join(_capitalised(word, after="'.") for word in phrase.split())
    return list(dict.fromkeys([spaced, hyphens, phrase]))


def _capitalised(word: str, after: str) -> str:
    """Lowercase ``word``, capitalising its first letter and any letter after ``after`` marks."""
    letters = list(word.lower())
    for i, char in enumerate(letters):
        if i == 0 or letters[i - 1] in after:
            letters[i] = char.upper()
    return "".join(letters)


def _rows_by_name(
    actors: Iterable[ImportedActor], countries: frozenset[str]
) -> dict[str, list[Row]]:
    """Turn actors into people rows grouped by name; records sharing a name are merged."""
    spellings: dict[str, list[str]] = {}
    terms: dict[str, list[ActorTerm]] = {}
    for actor in actors:
        if not actor.terms:
            continue
        name, *others = news_spellings(actor.name)
        spellings.setdefault(name, []).extend(others)
        for alias in actor.aliases:
            spellings[name].extend(news_spellings(alias))
        terms.setdefault(name, []).extend(actor.terms)
    rows: dict[str, list[Row]] = {}
    for name, found in terms.items():
        aliases = "|".join(a for a in dict.fromkeys(spellings[name]) if a != name)
        # Dated terms first: the default code applies only when none of them holds.
        ordered = sorted(found, key=lambda t: t.start is None and t.end is None)
        rows[name] = [_row(name, aliases, term, countries) for term in dict.fromkeys(ordered)]
    return rows


def _row(name: str, aliases: str, term: ActorTerm, countries: frozenset[str]) -> Row:
    country = term.code[:3] if term.code[:3] in countries else ""
    return (name, aliases, "", term.code, country, _iso(term.start), _iso(term.end))


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _read_rows(path: Path) -> dict[str, list[Row]]:
    """Read the user file's rows grouped by name, in file order; empty when there is none."""
    if not path.is_file():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the user knowledge base {path}: {exc}") from exc
    table = parse_table(text, str(path), PEOPLE_COLUMNS)
    people_from_rows(table, str(path))  # refuse to rewrite a file whose dates are broken
    grouped: dict[str, list[Row]] = {}
    for cells in table:
        name, aliases, role, code, country, start, end = (cells[c] for c in PEOPLE_COLUMNS)
        grouped.setdefault(name, []).append((name, aliases, role, code, country, start, end))
    return grouped


def _table(rows: dict[str, list[Row]]) -> Sequence[Sequence[str]]:
    return [PEOPLE_COLUMNS, *(row for group in rows.values() for row in group)]


def _write(path: Path, text: str) -> None:
    """Write the file whole or not at all: a temporary file, then an atomic rename."""
    partial = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    except OSError as exc:
        raise ConfigError(
            f"cannot write the user knowledge base {path}: {exc.strerror}; choose a writable "
            "folder with --data-dir or COMMUNIQUE_DATA_DIR"
        ) from exc
