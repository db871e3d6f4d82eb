"""The knowledge base's tables: the entry records and the readers of their TSV files.

The packaged tables live in ``communique/actors/data/*.tsv`` (each file's header says what its
columns mean); the user's own people live in ``<data_dir>/actors/people.tsv`` with the same
columns as the packaged ``people.tsv``. Every file is read the same way: ``#`` comments, one
header row, then tab-separated rows. ``knowledge.py`` re-exports the entry records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

import pycountry

from communique.errors import ConfigError

_DATA_PACKAGE = "communique.actors"
# The columns of people.tsv, packaged or the user's; one row per person and term.
PEOPLE_COLUMNS = ("name", "aliases", "role", "code", "country", "start", "end")


@dataclass(frozen=True, slots=True)
class CountryEntry:
    """A country (ISO 3166-1, plus Kosovo as XKX) and the words news uses for it.

    Attributes:
        iso3: The alpha-3 code, which is also the CAMEO country code.
        name: The short name news uses ("North Korea").
        aliases: Every name that means the country, ``name`` and pycountry's names included.
        adjectives: Demonym adjectives ("North Korean").
        people: Plural people-nouns ("North Koreans").
        capitals: The capital first, then other spellings or seats ("Kyiv", "Kiev").
        capital_metonym: Whether a mention of the capital is matched as the government.
        until: For a former state (``former_states.tsv``), the day it ended.
    """

    iso3: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    people: tuple[str, ...]
    capitals: tuple[str, ...]
    capital_metonym: bool
    until: date | None = None  # a former state: the first day it no longer existed

    @property
    def capital(self) -> str | None:
        """The capital city, or ``None`` for territories without one."""
        return self.capitals[0] if self.capitals else None


@dataclass(frozen=True, slots=True)
class MetonymEntry:
    """A seat of government or institution that stands for a country's sector ("Kremlin")."""

    phrases: tuple[str, ...]
    country: str
    sector: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class OrganisationEntry:
    """An international or non-governmental organisation with its CAMEO code.

    Attributes:
        code: The CAMEO-style actor code (``IGOWSTNAT``).
        name: The usual English name.
        aliases: Other names and acronyms, matched anywhere.
        contextual_aliases: Phrases matched only once the organisation (or its parent) was named.
        kind: ``"IGO"``, ``"NGO"``, ``"ARM"`` (armed groups) or ``"GRP"`` (a named group of
            countries, ``groups.tsv``: its members act apart).
        parent: Code of the organisation this body belongs to.
        ours: True when the code is ours, not from the CAMEO codebook.
        members: ISO3 codes of a group's member states (``kind="GRP"``); empty otherwise.
    """

    code: str
    name: str
    aliases: tuple[str, ...]
    contextual_aliases: tuple[str, ...] = ()
    kind: str = "IGO"
    parent: str | None = None
    ours: bool = False
    members: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SectorEntry:
    """A CAMEO agent code and the words that signal it (head nouns and adjectives)."""

    code: str
    name: str
    nouns: tuple[str, ...]
    adjectives: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """One term of one person in one role; the role holds on ``start <= day < end``."""

    name: str
    aliases: tuple[str, ...]
    role: str
    code: str
    country: str | None
    start: date | None
    end: date | None

    def holds_on(self, day: date) -> bool:
        """Return whether this role was held on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class KnowledgeExtras:
    """The small tables beside the entries: role synonyms and phrases that are never actors."""

    role_synonyms: Mapping[str, str] = field(default_factory=dict)
    not_actors: tuple[str, ...] = ()
    # (surname, people.tsv names, countries one of which must be named before)
    people_in_context: tuple[tuple[str, tuple[str, ...], frozenset[str]], ...] = ()


def user_people_file(data_dir: Path) -> Path:
    """Return where the user's people table lives under a data folder."""
    return data_dir / "actors" / "people.tsv"


def split_cell(cell: str) -> tuple[str, ...]:
    """Split a ``|``-separated cell into its non-empty, stripped parts."""
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def parse_table(
    text: str, where: str, columns: Sequence[str] | None = None
) -> list[dict[str, str]]:
    """Parse one TSV table: ``#`` comments, a header row, then tab-separated rows.

    Args:
        text: The file's text.
        where: The file, as messages name it (``actors/data/people.tsv`` or a user path).
        columns: The header the file must have; any header when omitted.

    Returns:
        One dict per row, keyed by the header; empty when the file has no header.

    Raises:
        ConfigError: The header is not ``columns``, or a row has the wrong number of cells.
    """
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    if not rows:
        return []
    header, body = rows[0], rows[1:]
    if columns is not None and tuple(header) != tuple(columns):
        raise ConfigError(
            f"knowledge base file {where}: expected the header {'<tab>'.join(columns)}, "
            f"got {'<tab>'.join(header)}; fix the header row in {where}."
        )
    for row in body:
        if len(row) != len(header):
            raise ConfigError(
                f"knowledge base file {where}: expected {len(header)} tab-separated columns "
                f"({', '.join(header)}), got {len(row)} in {row!r}; fix the row in {where}."
            )
    return [dict(zip(header, row, strict=True)) for row in body]


def read_table(name: str) -> list[dict[str, str]]:
    """Read one of the packaged tables in ``communique/actors/data``."""
    text = resources.files(_DATA_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")
    return parse_table(text, f"actors/data/{name}")


def _pycountry_names(iso3: str, ignore: Iterable[str]) -> list[str]:
    """pycountry's names for a country, minus index forms ("Korea, Republic of") and ``ignore``."""
    record = pycountry.countries.get(alpha_3=iso3)
    if record is None:
        return []
    names = [getattr(record, attr, None) for attr in ("name", "official_name", "common_name")]
    skip = set(ignore)
    return [n for n in names if isinstance(n, str) and n not in skip and not set(",(") & set(n)]


def load_countries() -> list[CountryEntry]:
    """Read ``countries.tsv``, adding pycountry's names to each row's aliases, then the former
    states of ``former_states.tsv``."""
    countries = []
    for row in read_table("countries.tsv"):
        names = [row["name"], *split_cell(row["aliases"])]
        names += _pycountry_names(row["iso3"], split_cell(row["ignore"]))
        countries.append(
            CountryEntry(
                iso3=row["iso3"],
                name=row["name"],
                aliases=tuple(dict.fromkeys(names)),
                adjectives=split_cell(row["adjectives"]),
                people=split_cell(row["people"]),
                capitals=split_cell(row["capitals"]),
                capital_metonym=row["capital_metonym"] == "y",
            )
        )
    for row in read_table("former_states.tsv"):
        countries.append(
            CountryEntry(
                iso3=row["iso3"],
                name=row["name"],
                aliases=(row["name"], *split_cell(row["aliases"])),
                adjectives=split_cell(row["adjectives"]),
                people=split_cell(row["people"]),
                capitals=(),
                capital_metonym=False,
                until=date.fromisoformat(row["until"]),
            )
        )
    return countries


def country_codes() -> frozenset[str]:
    """Return the ISO3 code of every country in ``countries.tsv`` (Kosovo included)."""
    tables = ("countries.tsv", "former_states.tsv")
    return frozenset(row["iso3"] for name in tables for row in read_table(name))


def load_organisations() -> list[OrganisationEntry]:
    """Read ``organisations.tsv``."""
    return [
        OrganisationEntry(
            code=row["code"],
            name=row["name"],
            aliases=split_cell(row["aliases"]),
            contextual_aliases=split_cell(row["contextual"]),
            kind=row["kind"],
            parent=row["parent"] or None,
            ours=row["source"] == "ours",
        )
        for row in read_table("organisations.tsv")
    ]


def load_groups() -> list[OrganisationEntry]:
    """Read ``groups.tsv``: named groups of countries, as organisations of kind ``GRP``."""
    groups = []
    for row in read_table("groups.tsv"):
        phrases = split_cell(row["phrases"])
        groups.append(
            OrganisationEntry(
                code=row["code"],
                name=row["name"],
                aliases=phrases,
                kind="GRP",
                ours=row["source"] == "ours",
                members=split_cell(row["members"]),
            )
        )
    return groups


def load_sectors() -> list[SectorEntry]:
    """Read ``sectors.tsv``: one entry per code, its nouns and adjectives gathered."""
    words: dict[str, dict[str, list[str]]] = {}
    names: dict[str, str] = {}
    for row in read_table("sectors.tsv"):
        names[row["code"]] = row["name"]
        words.setdefault(row["code"], {}).setdefault(row["pos"], []).extend(
            split_cell(row["words"])
        )
    return [
        SectorEntry(code, names[code], tuple(pos.get("noun", ())), tuple(pos.get("adjective", ())))
        for code, pos in words.items()
    ]


def _date(cell: str, where: str) -> date | None:
    try:
        return date.fromisoformat(cell) if cell else None
    except ValueError:
        raise ConfigError(
            f"knowledge base date {cell!r} is not an ISO date (YYYY-MM-DD); fix it in {where}."
        ) from None


def people_from_rows(rows: Iterable[Mapping[str, str]], where: str) -> list[PersonEntry]:
    """Turn ``people.tsv`` rows into entries; ``where`` names the file in messages."""
    return [
        PersonEntry(
            name=row["name"],
            aliases=split_cell(row["aliases"]),
            role=row["role"],
            code=row["code"],
            country=row["country"] or None,
            start=_date(row["start"], where),
            end=_date(row["end"], where),
        )
        for row in rows
    ]


def load_people() -> list[PersonEntry]:
    """Read the packaged ``people.tsv``."""
    return people_from_rows(read_table("people.tsv"), "people.tsv")


def read_people_file(path: Path) -> list[PersonEntry]:
    """Read a user people table (the packaged ``people.tsv`` columns).

    Raises:
        ConfigError: The file cannot be read or is malformed.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"cannot read the user knowledge base {path}: {exc}; fix or remove the file."
        ) from exc
    return people_from_rows(parse_table(text, str(path), PEOPLE_COLUMNS), str(path))


def load_metonyms() -> list[MetonymEntry]:
    """Read ``metonyms.tsv``."""
    return [
        MetonymEntry(split_cell(row["phrases"]), row["iso3"], row["sector"], row["note"])
        for row in read_table("metonyms.tsv")
    ]


def load_extras() -> KnowledgeExtras:
    """Read ``roles.tsv`` (role synonyms), ``not_actors.tsv`` (phrases never matched) and
    ``people_in_context.tsv`` (surnames that name a person only in their country's story)."""
    synonyms = {
        synonym: row["role"]
        for row in read_table("roles.tsv")
        for synonym in split_cell(row["synonyms"])
    }
    blocked = tuple(p for row in read_table("not_actors.tsv") for p in split_cell(row["phrases"]))
    in_context = tuple(
        (row["alias"], split_cell(row["names"]), frozenset(split_cell(row["context"])))
        for row in read_table("people_in_context.tsv")
    )
    return KnowledgeExtras(role_synonyms=synonyms, not_actors=blocked, people_in_context=in_context)
