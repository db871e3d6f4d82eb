"""The actor knowledge base: countries, organisations, sectors and people, as data we wrote.

The tables live in ``communique/actors/data/*.tsv``; each file's header says what its columns
mean and where the facts come from (ISO codes and official names from pycountry at load time,
everything news-specific from our own tables). ``load_knowledge_base()`` reads them once and
returns a ``KnowledgeBase`` whose ``match()`` finds countries, demonyms, capitals, seats of
government, organisations, people and sector words in a token list by longest match over a
token trie. Nothing is matched fuzzily; see ``docs/knowledge.md`` for the case rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Literal

import pycountry

from communique.actors._matcher import PhraseIndex, normalise_token
from communique.errors import ConfigError

Kind = Literal["country", "demonym", "metonym", "capital", "organisation", "person", "sector"]
Form = Literal["name", "adjective", "people", "noun"]

_DATA_PACKAGE = "communique.actors"
# Which entry wins when several share one phrase (lower first); length always wins before this.
_RANK = {
    "person": 0,
    "organisation": 1,
    "metonym": 2,
    "country": 3,
    "demonym": 4,
    "capital": 5,
    "sector": 6,
}


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
    """

    iso3: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    people: tuple[str, ...]
    capitals: tuple[str, ...]
    capital_metonym: bool

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
        kind: ``"IGO"`` or ``"NGO"``.
        parent: Code of the organisation this body belongs to.
        ours: True when the code is ours, not from the CAMEO codebook.
    """

    code: str
    name: str
    aliases: tuple[str, ...]
    contextual_aliases: tuple[str, ...] = ()
    kind: str = "IGO"
    parent: str | None = None
    ours: bool = False


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


Entry = CountryEntry | MetonymEntry | OrganisationEntry | SectorEntry | PersonEntry


@dataclass(frozen=True, slots=True)
class KBMatch:
    """A phrase found in a token list: tokens ``[start, end)`` and what they refer to.

    ``code`` is the CAMEO code the mention gives on its own: ``PRK`` for "North Korean",
    ``RUSGOV`` for "Kremlin" or "Moscow", ``IGOWSTNAT`` for "NATO", ``GOV`` for "minister",
    and for a person the code of the role held on the match date (``ISO3 + ELI`` when the
    person held none of their listed roles that day). ``metonym`` marks places standing for a
    government (capitals and seats); ``contextual`` marks aliases that needed document context.
    """

    start: int
    end: int
    kind: Kind
    entry: Entry
    code: str
    country: str | None = None
    sector: str | None = None
    form: Form = "name"
    metonym: bool = False
    contextual: bool = False


@dataclass(frozen=True, slots=True)
class _Candidate:
    """What one stored phrase yields; ``context`` is non-empty for contextual aliases."""

    kind: Kind
    entry: Entry | None
    code: str
    country: str | None = None
    sector: str | None = None
    form: Form = "name"
    context: frozenset[str] = frozenset()
    people: tuple[PersonEntry, ...] = ()
    blocked: bool = False

    @property
    def rank(self) -> int:
        """Which candidate wins when several share one phrase (lower first)."""
        return 9 if self.blocked else _RANK[self.kind]


@dataclass(frozen=True, slots=True)
class KnowledgeExtras:
    """The small tables beside the entries: role synonyms and phrases that are never actors."""

    role_synonyms: Mapping[str, str] = field(default_factory=dict)
    not_actors: tuple[str, ...] = ()


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _date(cell: str) -> date | None:
    try:
        return date.fromisoformat(cell) if cell else None
    except ValueError:
        raise ConfigError(
            f"knowledge base date {cell!r} is not an ISO date (YYYY-MM-DD); fix it in people.tsv."
        ) from None


def _read_table(name: str) -> list[dict[str, str]]:
    """Read one of our TSV files: ``#`` comments, a header row, then tab-separated rows."""
    text = resources.files(_DATA_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    header, body = rows[0], rows[1:]
    for row in body:
        if len(row) != len(header):
            raise ConfigError(
                f"knowledge base file {name}: expected {len(header)} tab-separated columns "
                f"({', '.join(header)}), got {len(row)} in {row!r}; fix the row in actors/data/."
            )
    return [dict(zip(header, row, strict=True)) for row in body]


def _pycountry_names(iso3: str, ignore: Iterable[str]) -> list[str]:
    """pycountry's names for a country, minus index forms ("Korea, Republic of") and ``ignore``."""
    record = pycountry.countries.get(alpha_3=iso3)
    if record is None:
        return []
    names = [getattr(record, attr, None) for attr in ("name", "official_name", "common_name")]
    skip = set(ignore)
    return [n for n in names if isinstance(n, str) and n not in skip and not set(",(") & set(n)]


def _load_countries() -> list[CountryEntry]:
    countries = []
    for row in _read_table("countries.tsv"):
        names = [row["name"], *_split(row["aliases"])]
        names += _pycountry_names(row["iso3"], _split(row["ignore"]))
        countries.append(
            CountryEntry(
                iso3=row["iso3"],
                name=row["name"],
                aliases=tuple(dict.fromkeys(names)),
                adjectives=_split(row["adjectives"]),
                people=_split(row["people"]),
                capitals=_split(row["capitals"]),
                capital_metonym=row["capital_metonym"] == "y",
            )
        )
    return countries


def _load_organisations() -> list[OrganisationEntry]:
    return [
        OrganisationEntry(
            code=row["code"],
            name=row["name"],
            aliases=_split(row["aliases"]),
            contextual_aliases=_split(row["contextual"]),
            kind=row["kind"],
            parent=row["parent"] or None,
            ours=row["source"] == "ours",
        )
        for row in _read_table("organisations.tsv")
    ]


def _load_sectors() -> list[SectorEntry]:
    words: dict[str, dict[str, list[str]]] = {}
    names: dict[str, str] = {}
    for row in _read_table("sectors.tsv"):
        names[row["code"]] = row["name"]
        words.setdefault(row["code"], {}).setdefault(row["pos"], []).extend(_split(row["words"]))
    return [
        SectorEntry(code, names[code], tuple(pos.get("noun", ())), tuple(pos.get("adjective", ())))
        for code, pos in words.items()
    ]


def _load_people() -> list[PersonEntry]:
    return [
        PersonEntry(
            name=row["name"],
            aliases=_split(row["aliases"]),
            role=row["role"],
            code=row["code"],
            country=row["country"] or None,
            start=_date(row["start"]),
            end=_date(row["end"]),
        )
        for row in _read_table("people.tsv")
    ]


def _role_key(role: str) -> str:
    return " ".join(role.casefold().replace("-", " ").split())


def _name_key(name: str) -> str:
    return " ".join(normalise_token(name).casefold().split())


class KnowledgeBase:
    """Countries, organisations, sectors and people, with a longest-match phrase matcher.

    Build it with ``load_knowledge_base()``; the constructor takes already-loaded entries so
    tests can build small ones by hand.
    """

    def __init__(
        self,
        countries: Sequence[CountryEntry],
        organisations: Sequence[OrganisationEntry],
        sectors: Sequence[SectorEntry],
        people: Sequence[PersonEntry],
        metonyms: Sequence[MetonymEntry] = (),
        extras: KnowledgeExtras | None = None,
    ) -> None:
        """Index the entries.

        Args:
            countries: Country entries.
            organisations: IGO and NGO entries.
            sectors: CAMEO sector entries.
            people: One entry per person and term.
            metonyms: Seats of government and institutions.
            extras: Role synonyms and phrases that are never actors.
        """
        extras = extras or KnowledgeExtras()
        self.countries = tuple(countries)
        self.organisations = tuple(organisations)
        self.sectors = tuple(sectors)
        self.people = tuple(people)
        self.metonyms = tuple(metonyms)
        self._by_iso3 = {c.iso3: c for c in self.countries}
        self._by_code = {o.code: o for o in self.organisations}
        self._roles = {_role_key(k): _role_key(v) for k, v in extras.role_synonyms.items()}
        self._sector_words: dict[str, str] = {}
        self._person_names: dict[str, str] = {}
        self._index: PhraseIndex[_Candidate] = PhraseIndex()
        self._index_countries()
        self._index_organisations()
        self._index_sectors()
        self._index_people()
        for metonym in self.metonyms:
            code = metonym.country + metonym.sector
            found = _Candidate("metonym", metonym, code, metonym.country, metonym.sector)
            for phrase in metonym.phrases:
                self._index.add(phrase, found)
        for phrase in extras.not_actors:
            self._index.add(phrase, _Candidate("sector", None, "", blocked=True))

    def _index_countries(self) -> None:
        for c in self.countries:
            for alias in c.aliases:
                self._index.add(alias, _Candidate("country", c, c.iso3, c.iso3))
            for adjective in c.adjectives:
                self._index.add(
                    adjective, _Candidate("demonym", c, c.iso3, c.iso3, form="adjective")
                )
            for noun in c.people:
                self._index.add(noun, _Candidate("demonym", c, c.iso3, c.iso3, form="people"))
            if c.capital_metonym:
                seat = _Candidate("capital", c, c.iso3 + "GOV", c.iso3, "GOV")
                for capital in c.capitals:
                    self._index.add(capital, seat)

    def _index_organisations(self) -> None:
        for org in self.organisations:
            plain = _Candidate("organisation", org, org.code)
            for alias in (org.name, *org.aliases):
                self._index.add(alias, plain)
            context = frozenset(c for c in (org.code, org.parent) if c)
            in_context = _Candidate("organisation", org, org.code, context=context)
            for alias in org.contextual_aliases:
                self._index.add(alias, in_context)

    def _index_sectors(self) -> None:
        for sector in self.sectors:
            forms: tuple[tuple[Form, tuple[str, ...]], ...] = (
                ("noun", sector.nouns),
                ("adjective", sector.adjectives),
            )
            for form, words in forms:
                found = _Candidate("sector", sector, sector.code, None, sector.code, form=form)
                for word in words:
                    exact = word.startswith("=")
                    phrase = word.removeprefix("=")
                    self._sector_words.setdefault(_name_key(phrase), sector.code)
                    self._index.add(phrase, found, exact_case=exact)

    def _index_people(self) -> None:
        terms: dict[str, list[PersonEntry]] = {}
        for person in self.people:
            terms.setdefault(person.name, []).append(person)
        for name, rows in terms.items():
            found = _Candidate("person", rows[-1], rows[-1].code, people=tuple(rows))
            for alias in dict.fromkeys([name, *(a for row in rows for a in row.aliases)]):
                self._person_names[_name_key(alias)] = name
                self._index.add(alias, found)

    def match(
        self,
        tokens: Sequence[str],
        context_codes: Sequence[str] = (),
        on: date | None = None,
    ) -> list[KBMatch]:
        """Find every known phrase in ``tokens``, leftmost-longest, without overlaps.

        Args:
            tokens: The words of a text, as a tokenizer split them (spaCy or whitespace).
            context_codes: Organisation codes already named in the document, oldest first;
                contextual aliases ("the Alliance") match only for these. Organisations matched
                earlier in ``tokens`` are added as the scan goes.
            on: The document date; picks which term of a person applies.

        Returns:
            The matches in token order.
        """
        keys = [normalise_token(token) for token in tokens]
        focus = {code: i for i, code in enumerate(context_codes)}

        def accept(candidate: _Candidate) -> bool:
            return not candidate.context or not candidate.context.isdisjoint(focus)

        tick = len(focus)
        matches: list[KBMatch] = []
        i = 0
        while i < len(keys):
            found = self._index.longest_at(keys, i, accept)
            if found is None:
                i += 1
                continue
            end, candidates = found
            chosen = min(candidates, key=lambda c: (c.rank, -_recency(c, focus)))
            if not chosen.blocked:
                matches.append(_to_match(i, end, chosen, on))
                named = self._by_code.get(matches[-1].code)  # an organisation or its head
                if named is not None:
                    tick += 1
                    focus.update(dict.fromkeys(filter(None, (named.code, named.parent)), tick))
            i = end
        return matches

    def person_for_role(self, role: str, country_or_org_code: str, on: date) -> PersonEntry | None:
        """Return who held ``role`` for a country or organisation on a day.

        Args:
            role: The office ("President", "Foreign Minister", "Secretary of State").
                Titles listed together in roles.tsv count as the same office.
            country_or_org_code: An ISO3 code ("UKR"), a full code ("USAGOV") or an
                organisation code ("IGOWSTNAT").
            on: The day.

        Returns:
            The person's entry for that term, or ``None`` when we do not know.
        """
        wanted = self._canonical_role(role)
        for person in self.people:
            if country_or_org_code not in (person.country, person.code):
                continue
            if person.holds_on(on) and self._canonical_role(person.role) == wanted:
                return person
        return None

    def people_named(self, name: str, on: date | None = None) -> list[PersonEntry]:
        """Return the terms of the person called ``name`` (full name, alias or surname).

        Args:
            name: As written in text; compared without case ("Putin", "Kim Jong-un").
            on: When given, only the terms that hold on that day.

        Returns:
            The matching entries, earliest term first; empty when the name is unknown.
        """
        full = self._person_names.get(_name_key(name))
        terms = [p for p in self.people if p.name == full and (on is None or p.holds_on(on))]
        return sorted(terms, key=lambda p: p.start or date.min)

    def country(self, iso3: str) -> CountryEntry | None:
        """Return the country with this ISO3 code, or ``None``."""
        return self._by_iso3.get(iso3)

    def organisation(self, code: str) -> OrganisationEntry | None:
        """Return the organisation with this code, or ``None``."""
        return self._by_code.get(code)

    def sector_for_word(self, lemma: str) -> str | None:
        """Return the CAMEO sector a word or phrase signals ("soldier" -> "MIL"), or ``None``."""
        return self._sector_words.get(_name_key(lemma))

    def _canonical_role(self, role: str) -> str:
        key = _role_key(role)
        return self._roles.get(key, key)


def _recency(candidate: _Candidate, focus: dict[str, int]) -> int:
    """How recently a contextual candidate's organisation was named (-1: not contextual)."""
    return max((focus[code] for code in candidate.context if code in focus), default=-1)


def _to_match(start: int, end: int, candidate: _Candidate, on: date | None) -> KBMatch:
    """Turn the chosen candidate into a match; people are resolved to the term held ``on``."""
    if candidate.people:
        person, code = _person_on(candidate.people, on)
        own = person.country is not None and code.startswith(person.country)
        sector = (code[3:] or None) if own else None
        return KBMatch(start, end, "person", person, code, person.country, sector)
    assert candidate.entry is not None, "blocked phrases never become matches"
    kind = candidate.kind
    return KBMatch(
        start,
        end,
        kind,
        candidate.entry,
        candidate.code,
        candidate.country,
        candidate.sector,
        candidate.form,
        metonym=kind in ("metonym", "capital"),
        contextual=bool(candidate.context),
    )


def _person_on(terms: Sequence[PersonEntry], on: date | None) -> tuple[PersonEntry, str]:
    """Pick the term that applies on a day, and the code it gives (``ISO3ELI`` out of office)."""
    if on is None:
        latest = max(terms, key=lambda p: p.start or date.min)
        return latest, latest.code
    for term in terms:
        if term.holds_on(on):
            return term, term.code
    ended = [p for p in terms if p.end is not None and p.end <= on]
    term = max(ended, key=lambda p: p.end or date.min) if ended else terms[0]
    return term, (term.country + "ELI") if term.country else term.code


def _load_extras() -> KnowledgeExtras:
    synonyms = {
        synonym: row["role"]
        for row in _read_table("roles.tsv")
        for synonym in _split(row["synonyms"])
    }
    blocked = tuple(p for row in _read_table("not_actors.tsv") for p in _split(row["phrases"]))
    return KnowledgeExtras(role_synonyms=synonyms, not_actors=blocked)


def _load_metonyms() -> list[MetonymEntry]:
    return [
        MetonymEntry(_split(row["phrases"]), row["iso3"], row["sector"], row["note"])
        for row in _read_table("metonyms.tsv")
    ]


@cache
def load_knowledge_base() -> KnowledgeBase:
    """Load the packaged knowledge base once; later calls return the same object.

    Returns:
        The knowledge base built from ``communique/actors/data``.

    Raises:
        ConfigError: A data file is malformed.
    """
    return KnowledgeBase(
        countries=_load_countries(),
        organisations=_load_organisations(),
        sectors=_load_sectors(),
        people=_load_people(),
        metonyms=_load_metonyms(),
        extras=_load_extras(),
    )
