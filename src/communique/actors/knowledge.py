"""The actor knowledge base: countries, organisations, sectors and people, as data we wrote.

The tables live in ``communique/actors/data/*.tsv``; each file's header says what its columns
mean and where the facts come from (ISO codes and official names from pycountry at load time,
everything news-specific from our own tables). ``load_knowledge_base()`` reads them once and
returns a ``KnowledgeBase`` whose ``match()`` finds countries, demonyms, capitals, seats of
government, organisations, people and sector words in a token list by longest match over a
token trie. Nothing is matched fuzzily; see ``docs/knowledge.md`` for the case rules. Given the
user's data folder, it adds the people of ``<data_dir>/actors/people.tsv`` (written by
``communique actors import``); the entry records and table readers live in ``_tables.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

from communique.actors._matcher import PhraseIndex, normalise_token
from communique.actors._tables import (
    CountryEntry,
    KnowledgeExtras,
    MetonymEntry,
    OrganisationEntry,
    PersonEntry,
    SectorEntry,
    load_countries,
    load_extras,
    load_groups,
    load_metonyms,
    load_organisations,
    load_people,
    load_sectors,
    read_people_file,
    user_people_file,
)

__all__ = [
    "CountryEntry",
    "Entry",
    "Form",
    "KBMatch",
    "Kind",
    "KnowledgeBase",
    "KnowledgeExtras",
    "MetonymEntry",
    "OrganisationEntry",
    "PersonEntry",
    "SectorEntry",
    "load_knowledge_base",
    "own_sector",
]

Kind = Literal["country", "demonym", "metonym", "capital", "organisation", "person", "sector"]
Form = Literal["name", "adjective", "people", "noun"]

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
        self.extras = extras
        self.countries = tuple(countries)
        self.organisations = tuple(organisations)
        self.sectors = tuple(sectors)
        self.people = tuple(people)
        self.metonyms = tuple(metonyms)
        self._by_iso3 = {c.iso3: c for c in self.countries}
        self._by_code = {o.code: o for o in self.organisations if o.kind != "GRP"}
        self._roles = {_role_key(k): _role_key(v) for k, v in extras.role_synonyms.items()}
        self._sector_words: dict[str, str] = {}
        self._person_names: dict[str, str] = {}
        self._terms: dict[str, list[PersonEntry]] = {}  # a person's terms, earliest first
        self._by_surname: dict[str, list[PersonEntry]] = {}
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
                if len(alias.split()) >= 3:  # "the international criminal court", as some write
                    self._index.add(alias.lower(), plain)
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
            self._terms[name] = sorted(rows, key=lambda p: p.start or date.min)
            self._by_surname.setdefault(_name_key(name).split()[-1], []).extend(rows)
            found = _Candidate("person", rows[-1], rows[-1].code, people=tuple(rows))
            for alias in dict.fromkeys([name, *(a for row in rows for a in row.aliases)]):
                self._person_names[_name_key(alias)] = name
                self._index.add(alias, found)
        for alias, names, context in self.extras.people_in_context:
            rows = [row for name in names for row in self._terms.get(name, [])]
            if rows:  # "Kim" once North Korea was named: whichever Kim led it that day
                latest = max(rows, key=lambda p: p.start or date.min)
                surname = _Candidate(
                    "person", latest, latest.code, people=tuple(rows), context=context
                )
                self._index.add(alias, surname)

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
            chosen = min(candidates, key=lambda c: (c.rank, *_recency(c, focus)))
            if (
                not chosen.blocked
                and not _gone(chosen, on)
                and not _shouted(tokens, i, end)
                and not (chosen.people and chosen.context and i and keys[i - 1].lower() == "the")
            ):  # a surname in context is no person after "the" ("toward the Moon")
                matches.append(_to_match(i, end, chosen, on))
                named = self._by_code.get(matches[-1].code)  # an organisation or its head
                if named is not None:
                    tick += 1
                    focus.update(dict.fromkeys(filter(None, (named.code, named.parent)), tick))
                if matches[-1].country:  # a country named, for people named in its context
                    tick += 1
                    focus[matches[-1].country] = tick
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
        holders = {
            person.name: person
            for person in self.people
            if country_or_org_code in (person.country, person.code)
            and person.holds_on(on)
            and self._canonical_role(person.role) == wanted
        }
        # An office of many members ("the senator") names no one in particular.
        return next(iter(holders.values())) if len(holders) == 1 else None

    def person_by_title(self, role: str, surname: str, on: date) -> PersonEntry | None:
        """Return the one person with this surname who held ``role`` on a day, if exactly one
        did ("President Clinton" on 1998-06-01 → Bill Clinton; "Prime Minister Sharif" is
        ambiguous only when two Sharifs held the office that day).

        Titles listed together in roles.tsv count as the same office; a leading "former" or a
        country word before the title is ignored ("Foreign Minister", "Israeli Prime Minister").
        """
        found = {person.name: person for person in self.holders_by_title(role, surname, on)}
        return next(iter(found.values())) if len(found) == 1 else None

    def holders_by_title(
        self, role: str, surname: str, on: date | None = None
    ) -> list[PersonEntry]:
        """Every term of a person with this surname in ``role`` (on a day, when given),
        earliest first; titles are compared as in ``person_by_title``."""
        words = self._canonical_role(role).split()
        candidates = {self._canonical_role(" ".join(words[k:])) for k in range(len(words))}
        return [
            person
            for person in self._by_surname.get(_name_key(surname), ())
            if (on is None or person.holds_on(on))
            and self._canonical_role(person.role) in candidates
        ]

    def people_named(self, name: str, on: date | None = None) -> list[PersonEntry]:
        """Return the terms of the person called ``name`` (full name, alias or surname).

        Args:
            name: As written in text; compared without case ("Putin", "Kim Jong-un").
            on: When given, only the terms that hold on that day.

        Returns:
            The matching entries, earliest term first; empty when the name is unknown.
        """
        full = self._person_names.get(_name_key(name))
        terms = self._terms.get(full, []) if full is not None else []
        return [p for p in terms if on is None or p.holds_on(on)]

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


# Acronyms that are also everyday words: in a line written in capitals ("THE USA IS GREAT",
# "LET US WIN") they are the words, not "IS" (the Islamic State) or "US".
_WORD_ACRONYMS = frozenset({"IS", "US", "IT", "AM", "WHO", "MAY", "CHAD"})


def _shouted(tokens: Sequence[str], start: int, end: int) -> bool:
    """Whether the one-word match at ``start`` is an everyday word in a line of capitals."""
    if end - start != 1 or tokens[start] not in _WORD_ACRONYMS:
        return False
    near = [tokens[k] for k in (start - 1, end) if 0 <= k < len(tokens)]
    return any(len(w) > 1 and w.isalpha() and w.isupper() for w in near)


def _recency(candidate: _Candidate, focus: dict[str, int]) -> tuple[int, int]:
    """A contextual candidate's sort key: the most recently named first (how recently its
    organisation or its parent was named; -1: not contextual), then the one named itself
    over one whose parent was ("the agency" after "the International Atomic Energy Agency"
    is the IAEA, not another UN agency: naming the IAEA names the UN too)."""
    recency = max((focus[code] for code in candidate.context if code in focus), default=-1)
    itself = focus.get(candidate.code) == recency
    return -recency, 0 if itself else 1


def _to_match(start: int, end: int, candidate: _Candidate, on: date | None) -> KBMatch:
    """Turn the chosen candidate into a match; people are resolved to the term held ``on``."""
    if candidate.people:
        person, code = _person_on(candidate.people, on)
        sector = own_sector(code, person)
        contextual = bool(candidate.context)  # "Kim" in a story about North Korea
        return KBMatch(
            start, end, "person", person, code, person.country, sector, contextual=contextual
        )
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


def _gone(candidate: _Candidate, on: date | None) -> bool:
    """A former state named after it ended ("Soviet-era tanks" in 2019), or by an adjective in
    undated text: no actor."""
    entry = candidate.entry
    if not isinstance(entry, CountryEntry) or entry.until is None:
        return False
    return candidate.kind != "country" if on is None else on >= entry.until


def own_sector(code: str, person: PersonEntry) -> str | None:
    """The sector a person's code gives when the code is their own country's (``RUSGOV`` →
    ``GOV``); ``None`` for an organisation's code (``IGOUNO``) or a bare country."""
    own = person.country is not None and code.startswith(person.country)
    return (code[3:] or None) if own else None


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


@cache
def _builtin_knowledge_base() -> KnowledgeBase:
    return KnowledgeBase(
        countries=load_countries(),
        organisations=[*load_organisations(), *load_groups()],
        sectors=load_sectors(),
        people=load_people(),
        metonyms=load_metonyms(),
        extras=load_extras(),
    )


@lru_cache(maxsize=8)
def _with_user_people(people_file: Path, version: tuple[int, int, int]) -> KnowledgeBase:
    """The built-in base plus the user's people; ``version`` only keys the cache."""
    base = _builtin_knowledge_base()
    user = read_people_file(people_file)
    names = {_name_key(person.name) for person in user}
    # User rows first: they replace built-in rows of the same name and win shared aliases.
    people = [*user, *(p for p in base.people if _name_key(p.name) not in names)]
    return KnowledgeBase(
        base.countries, base.organisations, base.sectors, people, base.metonyms, base.extras
    )


def load_knowledge_base(data_dir: Path | None = None) -> KnowledgeBase:
    """Load the knowledge base once per data folder; later calls return the same object.

    Args:
        data_dir: The user's data folder (``Settings.data_dir``). When it holds
            ``actors/people.tsv`` (written by ``communique actors import``), those people are
            added to the built-in ones; user rows replace every built-in row of the same
            name (compared without case) and win aliases shared with built-in people.
            ``None``, or a folder without that file: the packaged tables only.

    Returns:
        The knowledge base; the same object until the user file changes.

    Raises:
        ConfigError: A data file is malformed.
    """
    people_file = user_people_file(data_dir) if data_dir is not None else None
    if people_file is None or not people_file.is_file():
        return _builtin_knowledge_base()
    stat = people_file.stat()  # a rewritten file is a new version of the base
    return _with_user_people(people_file.resolve(), (stat.st_mtime_ns, stat.st_size, stat.st_ino))
