"""Reading people and the groups they belong to, for the actor finder (``mentions.py``).

Named people — known ones and spaCy PERSON entities — with the role the text states around
the name (:mod:`communique.actors.roles`), which wins over the knowledge base; then the
corpus memory for people named without a title. Also the helpers both people and noun
phrases use to build an actor from a country, organisation or group match.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from datetime import date
from functools import cached_property

from communique.actors._found import Actor, Found, keyed
from communique.actors._names import apposed_names, looks_named
from communique.actors._parties import is_party, us_party_sector
from communique.actors._words import (
    FAMILY_NAME_FIRST,
    FAMILY_NAMES,
    MEMBERS_OF,
    NAME_LABELS,
    SECTOR_NAMES,
    SPEAKS_FOR_OWNER,
    SURNAME_PARTICLES,
    WESTERN_GIVEN_NAMES,
    office_absent,
)
from communique.actors.knowledge import (
    CountryEntry,
    KBMatch,
    KnowledgeBase,
    MetonymEntry,
    OrganisationEntry,
    PersonEntry,
    own_sector,
)
from communique.actors.memory import RoleRecall, usable_fact
from communique.actors.places import PlaceCode, town_before_title
from communique.actors.roles import (
    POSSESSIVE,
    ROLE_HEADS,
    TITLE_WORDS,
    RoleReading,
    read_role,
    title_head_words,
)
from communique.records import PERSON_ID_PREFIX, PRIVATE_PERSON, RoleFact
from communique.textview import TextView

# Entity types whose words are never a person's name, and the words before a month that make
# it one ("in May" is a month, not Theresa May).
NUMBERS = frozenset({"CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
DATE_WORDS_BEFORE = frozenset(
    {
        "in", "on", "by", "since", "until", "till", "from", "to", "of", "early", "late", "mid",
        "last", "next", "this", "before", "after", "through", "during",
    }
)  # fmt: skip


class PeopleReader:
    """The people half of :class:`~communique.actors.mentions.ActorFinder` (its fields are
    declared there; this class only reads and fills them)."""

    view: TextView
    kb: KnowledgeBase
    on: date | None
    memory: RoleRecall | None
    found: list[Found]
    people: dict[str, Actor]
    consumed: set[int]
    pronouns_done: set[int]
    role_tokens: set[int]
    focus: str | None
    countries_by_sentence: dict[int, set[str]]
    titles_after: set[int]
    places: PlaceCode | None

    def _name_spans(self, matches: list[KBMatch]) -> Iterator[tuple[int, int, KBMatch | None]]:
        taken = {i for m in matches for i in range(m.start, m.end)}
        spans: list[tuple[int, int, KBMatch | None]] = [
            (m.start, m.end, m) if not self._other_generation(m) else (m.start, m.end + 1, None)
            for m in matches
            if m.kind == "person"
        ]
        taken.update(e - 1 for _, e, m in spans if m is None)  # the suffix
        for entity in self.view.annotation.entities:
            if entity.label not in NAME_LABELS:
                continue
            start, end = self.view.entity_tokens(entity)
            while end > start and self.view.words[end - 1] in POSSESSIVE:
                end -= 1
            while end - start > 2 and self.view.words[start].lower() in TITLE_WORDS:
                start += 1  # "Maulana Fazlur Rehman" tagged whole: the title is read as one
            if (
                end > start
                and not taken.intersection(range(start, end))
                and looks_named(self.view, start, end)
                and (entity.label == "PERSON" or self._known_name(self.view.phrase(start, end)))
            ):
                spans.append((start, end, None))
        taken.update(i for s in spans for i in range(s[0], s[1]))
        spans.extend((s, e, None) for s, e in apposed_names(self.view, taken))
        taken.update(i for s in spans for i in range(s[0], s[1]))
        surnames = {self.view.words[e - 1] for s, e, _ in spans if e - s > 1}
        firsts = {self.view.words[s] for s, e, _ in spans if e - s > 1}
        surnames |= firsts & FAMILY_NAMES  # "Liu He … Liu": the family name written first
        spans.extend((s, e, None) for s, e in self._remembered_names(taken, surnames))
        yield from sorted(spans, key=lambda s: s[0])

    def _other_generation(self, match: KBMatch) -> bool:
        """Whether a person the knowledge base knows is followed by a suffix that names
        another of the family ("Donald Trump Jr."): not the person it knows."""
        words = self.view.words
        if match.end >= len(words) or words[match.end].rstrip(".") not in GENERATIONS:
            return False
        entry = match.entry
        return not (isinstance(entry, PersonEntry) and entry.name.endswith(words[match.end]))

    def _remembered_names(self, taken: set[int], surnames: set[str]) -> Iterator[tuple[int, int]]:
        """Runs of proper nouns outside any entity that name a person we know, or the surname
        of a person named in full elsewhere in the article ("Rehman accuses …")."""
        tokens, i = self.view.tokens, 0
        free = [k not in taken and not self._spells_a_date(k) for k in range(len(tokens))]
        pronoun = [t.pos == "PRON" for t in tokens]  # "He" is no one's surname ("Liu He")
        while i < len(tokens):
            end = i
            while end < len(tokens) and tokens[end].pos == "PROPN" and free[end]:
                end += 1
            name = self.view.phrase(i, end)
            if end > i and (self._known_name(name) or name in surnames):
                yield i, end
            elif end == i and free[i] and self.view.words[i] in surnames and not pronoun[i]:
                yield i, i + 1  # a surname the small parser took for a common noun
            i = max(end, i + 1)

    def _spells_a_date(self, k: int) -> bool:
        """Whether token ``k`` is part of a date or number the way a month is ("in May",
        "May 23"), not a name that a date tagger took ("MAY EYES BREXIT")."""
        token, words = self.view.tokens[k], self.view.words
        if token.ent_type in NUMBERS:
            return True
        if token.ent_type not in {"DATE", "TIME"}:
            return False
        before = words[k - 1].lower() if k > 0 else ""
        after = words[k + 1] if k + 1 < len(words) else ""
        return before in DATE_WORDS_BEFORE or after[:1].isdigit()

    def _known_name(self, name: str) -> bool:
        """A name the parser did not tag as a person but that we know as one."""
        return name in self.people or (self.memory is not None and self._recall(name) is not None)

    def _other_first_name(self, start: int, stop: int, names: Sequence[str]) -> bool:
        """Whether the words ``[start, stop)`` before a surname give a first name that none of
        ``names`` has ("John Mbeki" is not Thabo Mbeki, "Lara Trump" not Eric Trump); titles
        and initials are no first name ("President Mbeki", "Pres. Trump", "Donald J. Trump")."""
        spelled = {word for name in names for word in name.split()}
        for k in range(start, stop):
            word = self.view.words[k]
            if word.lower() in TITLE_WORDS or len(word.rstrip(".")) <= 1:
                continue
            if self.view.tokens[k].pos != "PROPN" or not word[:1].isupper():
                return False
            return word not in spelled  # the first written name decides
        return False

    def _read_person(
        self,
        start: int,
        end: int,
        known: KBMatch | None,
        anchors_ending: dict[int, KBMatch],
        matches: list[KBMatch],
    ) -> None:
        name = known.entry.name if known and isinstance(known.entry, PersonEntry) else None
        if known is not None and known.contextual:  # a surname the story's country allows
            named = self.people.get(self.view.phrase(start, end))
            if named is None and self._someone_else_named(start, name):
                return  # "Lee Hsien Yang … Lee": not the leader, and no one we know
            name = named.name if named is not None else name  # "Kim Yo Jong … Kim": her
        name = name or self.view.phrase(start, end)
        reading = read_role(
            self.view, (start, end), anchors_ending, lambda i: self._owner_before(i, matches, known)
        )
        actor = self.people.get(name)
        if actor is None and (known is None or len(self.view.phrase(start, end).split()) == 1):
            # a surname alone is the person named in full before, not someone else named in
            # full ("George H. W. Bush" after "George W. Bush"), nor one whose written first
            # name is another ("Lara Trump" after "Eric Trump")
            actor = self.people.get(_surname(name))
            if actor is not None and self._other_first_name(start, end - 1, (actor.name,)):
                actor = None
        if actor is not None and reading is not None and actor.name != name:
            titled = self._titled_person(_surname(name), reading)
            if titled is not None and titled.name != actor.name:
                actor = None  # "President Trump" after "Ivanka Trump": the title says who
        if actor is None or (reading is not None and actor.role is None):
            actor = self._person_actor(name, reading, known, start, end)
        if actor is None:
            return
        if reading is not None:
            self.role_tokens.update(range(min(reading.start, start), start))
            if reading.after is not None:  # "X, the previous president of South Korea,"
                anchor = reading.anchor
                inside = range(anchor.start, anchor.end) if anchor is not None else range(0)
                self.titles_after.update(k for k in range(*reading.after) if k not in inside)
        if reading is not None and reading.anchor is not None:
            self._note_anchor(reading)
        self.people[actor.name] = actor
        written = self.view.phrase(start, end)  # "Adel Abdul Mahdi", known as Adil Abdul-Mahdi
        for family in _family_names(actor.name, actor.country) + _family_names(written, None):
            self.people.setdefault(family, actor)  # "Kim" after "Kim Jong Un"
        self.found.append(Found(start, end, actor))

    @cached_property
    def _person_spans(self) -> list[tuple[int, int]]:
        """Token spans of the people the parser names in the text."""
        entities = self.view.annotation.entities
        return [self.view.entity_tokens(e) for e in entities if e.label == "PERSON"]

    def _someone_else_named(self, start: int, known: str | None) -> bool:
        """Whether the article names in full, as a person, someone other than ``known``
        whose first or last name is the word at ``start`` ("Lee Hsien Yang")."""
        view, word = self.view, self.view.words[start]
        return any(
            last - first > 1
            and not first <= start < last
            and word in (view.words[first], view.words[last - 1])
            and view.phrase(first, last) != known
            for first, last in self._person_spans
        )

    def _note_anchor(self, reading: RoleReading) -> None:
        """Mark an anchor read as part of a role; "its" in "its leader" is a mention of it."""
        anchor = reading.anchor
        assert anchor is not None
        if reading.via_pronoun:
            self.found.append(
                Found(reading.start, reading.start + 1, self._group_actor(anchor, None))
            )
            self.pronouns_done.add(reading.start)
        elif anchor.kind in {"country", "demonym"}:
            self.consumed.add(anchor.start)  # "South Korean" only describes the minister

    def _person_actor(
        self, name: str, reading: RoleReading | None, known: KBMatch | None, start: int, end: int
    ) -> Actor | None:
        key = keyed(PERSON_ID_PREFIX, name)
        owner = reading.anchor if reading is not None else None
        if reading and owner and owner.kind == "person" and not self._stated_sector(reading.role):
            reading = dataclasses.replace(reading, anchor=None)  # "Trump's lawyer": a private post
        accredited = bool(reading and owner and _accredited_to(owner, reading.role))
        if reading and (accredited or (owner and known and is_party(owner))):
            # "U.N. Ambassador Nikki Haley"; "Labour leader Jeremy Corbyn": the base's office
            reading = dataclasses.replace(reading, anchor=None)
        if reading is not None and reading.anchor is not None:
            code, country, sector = self._anchored_code(reading.anchor, reading.role)
            actor = Actor(key, code, name, country, sector, reading.role)
            self._remember(actor)
            return actor
        if known is not None:
            role = reading.role if reading else self._known_role(known)
            stated = self._stated_office(known, reading)
            if stated is not None:  # "General Michel Aoun" on a day the base has no office
                title = reading.role if reading else self.view.words[known.start]
                return Actor(key, stated, name, known.country, stated[3:], title)
            return Actor(key, known.code, name, known.country, known.sector, role)
        body = self._body_before(reading.start) if reading is not None else None
        if reading is not None and body is not None:  # "Iranian Foreign Ministry spokesman X"
            actor = Actor(key, body.code, name, body.country, body.sector, reading.role)
            self._remember(actor)
            return actor
        apposed = self._apposed_title(start) if reading is None and known is None else None
        if apposed is not None and (body := self._body_before(apposed)) is not None:
            # "Iran's Foreign Ministry spokesman, Bahram Qasemi,": the ministry's
            role = self.view.words[apposed]
            return Actor(key, body.code, name, body.country, body.sector, role)
        titled = self._titled_person(name, reading)
        if titled is not None:
            sector = own_sector(titled.code, titled)
            role = reading.role if reading else titled.role
            written = titled.name if self.on is not None else name  # undated: as written
            return Actor(key, titled.code, written, titled.country, sector, role)
        party = us_party_sector(self.view, start, end, reading.start if reading else start)
        if party is not None:  # "Sen. Rob Portman (R-Ohio)" in a story about North Korea
            sector = self._role_sector(reading.role) if reading else party
            role = reading.role if reading else None
            return Actor(key, "USA" + sector, name, "USA", sector, role)
        town = town_before_title(self.view, reading, self.places) if reading else None
        if reading is not None and town is not None:  # "Tijuana Mayor Juan Gastelum"
            sector = self._role_sector(reading.role)
            return Actor(key, town + sector, name, town, sector, reading.role)
        focus = self.focus
        if (  # an envoy to a body is any state's: not the article's by default
            reading is not None
            and focus
            and not accredited
            and not self._other_country_near(start, focus)
            and not office_absent(reading.role, focus)
        ):
            sector = self._role_sector(reading.role)  # "President Edgar Lungu" in a Zambian story
            return Actor(key, focus + sector, name, focus, sector, reading.role)
        fact = self._recall(name)
        if fact is not None:
            return Actor(key, fact.code, fact.name, fact.country, fact.sector, fact.role)
        if reading is not None:
            # "Interior Minister Horst Seehofer", "Pedro Soto, a former chief of staff," with no
            # country in sight: the title still says who acts (a government official, a
            # former one), so the sector alone is the code.
            sector = self._stated_sector(reading.role)
            if sector is not None:
                return Actor(key, sector, name, None, sector, reading.role)
        if reading is None and len(name.split()) > 1 and not self._apposed(start):
            # someone named in full, with no title, whom nothing identifies: a private person
            # as far as the text says (CAMEO's civilians), coded so that the surname later is
            # this person and not a namesake the knowledge base knows ("Peter Mattis")
            return Actor(key, PRIVATE_PERSON, name, None, PRIVATE_PERSON)
        return None

    def _apposed(self, start: int) -> bool:
        """Whether the name starting at token ``start`` stands in apposition to a phrase that
        describes it, before or after ("Jane Porter, president of a group"): the title
        readings decide who that is."""
        tokens, k = self.view.tokens, self._name_head(start)
        return tokens[k].dep == "appos" or any(
            tokens[c].dep == "appos" for c in self.view.children(k)
        )

    def _name_head(self, start: int) -> int:
        """The head word of the name starting at token ``start``: its last compound."""
        tokens, k = self.view.tokens, start
        while tokens[k].dep == "compound" and tokens[k].head > k:
            k = tokens[k].head
        return k

    def _body_before(self, i: int) -> Actor | None:
        """The state body named right before a title starting at token ``i``, or inside it,
        whose office the title holds ("Iranian Foreign Ministry spokesman Bahram Qasemi": the
        ministry's)."""
        for found in self.found:
            actor = found.actor
            state = actor.country and actor.sector in {"GOV", "MIL", "JUD", "LEG"}
            state = state and not actor.key.startswith(PERSON_ID_PREFIX)  # a body, not a person
            if state and found.start <= i <= found.end:  # before it, or its name in the title
                return actor
        return None

    def _apposed_title(self, start: int) -> int | None:
        """The title word a name starting at token ``start`` is in apposition to ("spokesman,
        Bahram Qasemi"), or None."""
        tokens, k = self.view.tokens, self._name_head(start)
        head = tokens[k].head
        if tokens[k].dep != "appos" or head >= start or self.view.lemma(head) not in ROLE_HEADS:
            return None
        return head

    def _stated_office(self, known: KBMatch, reading: RoleReading | None) -> str | None:
        """The code a title written before a known person gives when the knowledge base has
        them out of office that day (``…ELI``): the text's "President", "General" is
        evidence of an office we do not list; "former" titles are elites, whatever the day.
        A title inside the matched alias counts too (the base lists "General Michel Aoun" as a
        spelling)."""
        if known.country is None:
            return None
        if reading is not None and self._stated_sector(reading.role) == "ELI":
            return known.country + "ELI"  # "former Prime Minister Ehud Olmert", undated text
        if not known.code.endswith("ELI"):
            return None
        if reading is not None:  # a title that names no sector ("attorney") names no office
            sector: str | None = self._stated_sector(reading.role)
        else:
            first = self.view.words[known.start]
            name = known.entry.name if isinstance(known.entry, PersonEntry) else ""
            inside = known.end - known.start > 1 and first not in name.split()
            sector = self._stated_sector(first) if inside else None
        return None if sector in {None, "ELI"} else known.country + str(sector)

    def _titled_person(self, name: str, reading: RoleReading | None) -> PersonEntry | None:
        """ "President Clinton": a title and a surname name the one person the knowledge base
        has holding that office on the article's day. Undated text ("President Bush") gets
        a holder only when every holder of that title with that surname has the same code."""
        if reading is None or len(name.split()) != 1:
            return None
        if self.on is not None:
            return self.kb.person_by_title(reading.role, name, self.on)
        holders = self.kb.holders_by_title(reading.role, name)
        return holders[-1] if holders and len({h.code for h in holders}) == 1 else None

    def _recall(self, name: str) -> RoleFact | None:
        """A remembered role for ``name``, unless it cannot be trusted: a fact that is not a
        title phrase (learned before titles were checked), or one about a person the knowledge
        base dates itself (a learned fact never overrides a dated knowledge-base fact)."""
        fact = self.memory.recall(name, self.on) if self.memory else None
        if fact is None or not usable_fact(fact) or self.kb.people_named(fact.name):
            return None
        return fact

    def _known_role(self, known: KBMatch) -> str | None:
        entry = known.entry
        if not isinstance(entry, PersonEntry):
            return None
        terms = self.kb.people_named(entry.name, self.on) if self.on else ()
        return terms[-1].role if terms else entry.role

    def _anchored_code(self, anchor: KBMatch, role: str) -> tuple[str, str | None, str | None]:
        if anchor.kind == "organisation":
            # An intergovernmental body's officer is an official: "the Arab League's Secretary
            # General" keeps the League's code, with the office's sector beside it.
            official = anchor.code.startswith("IGO")
            return anchor.code, None, self._stated_sector(role) if official else None
        sector = self._role_sector(role)
        sector = "PTY" if sector == "GOV" and is_party(anchor) else sector  # "Labour leader X"
        country = anchor.country or anchor.code[:3]
        return country + sector, country, sector

    def _role_sector(self, role: str) -> str:
        """The sector a title signals, read from its head: "Press Secretary for Media" → GOV;
        a title that names no sector is a government office."""
        return self._stated_sector(role) or "GOV"

    def _stated_sector(self, role: str) -> str | None:
        """The sector a title's words name, ``None`` when they name none ("Coach")."""
        # Of coordinated titles the last names the office ("a security expert and former
        # presidential envoy": a former one).
        last = role.lower().rsplit(" and ", 1)[-1]
        words = [w for w in last.split() if w not in {"the", "a", "an"}]
        if words and words[0] in {"former", "ex", "ex-", "previous", "late", "retired"}:
            return "ELI"
        whole = self.kb.sector_for_word(role.lower())  # "secretary of state", "chief of staff"
        if whole is not None:
            return whole
        words = title_head_words(role)
        if words and words[-1] in MEMBERS_OF:  # "member of the Chamber of Deputies": LEG
            tail = role.lower().split()[len(words) :]
            for size in range(len(tail) - 1, 0, -1):
                sector = self.kb.sector_for_word(" ".join(tail[-size:]))
                if sector is not None:
                    return sector
        if len(words) > 1 and words[-1] in SPEAKS_FOR_OWNER | {"commander"}:
            group = self.kb.sector_for_word(words[-2])  # "militia leader", "army chief"
            if group is not None and self.kb.sector_for_word(" ".join(words[-2:])) is None:
                return group
        for size in range(len(words), 0, -1):  # longest tail first: "defence minister"
            sector = self.kb.sector_for_word(" ".join(words[-size:]))
            if sector is not None:
                return sector
        return None

    def _owner_before(
        self, i: int, matches: list[KBMatch], known: KBMatch | None
    ) -> KBMatch | None:
        """The country or organisation an "its" at token ``i`` stands for."""
        sentence = self.view.tokens[i].sentence
        before = [
            m
            for m in matches
            if m.end <= i
            and m.kind in {"country", "organisation", "capital", "metonym"}
            and sentence - self.view.tokens[m.start].sentence <= 1
        ]
        wanted = known.country if known is not None else None
        preferred = [m for m in before if wanted and (m.country or m.code[:3]) == wanted]
        candidates = preferred or before
        return candidates[-1] if candidates else None

    def _remember(self, actor: Actor) -> None:
        if self.memory is None or not actor.role:
            return
        fact = RoleFact(
            actor.name, actor.role, actor.code, actor.country, actor.sector, self.on, self.on
        )
        if usable_fact(fact):
            self.memory.remember(fact)

    def _other_country_near(self, i: int, country: str, also: str | None = None) -> bool:
        """Whether the sentence of token ``i`` names a country other than ``country`` (and
        ``also``, the state a territory belongs to)."""
        named = self.countries_by_sentence.get(self.view.tokens[i].sentence, set())
        return bool(named - {country, also})

    def _written(self, start: int, end: int) -> str:
        """The phrase as the text writes it, without a leading article or possessive mark."""
        while start < end - 1 and self.view.words[start].lower() in {"the", "a", "an"}:
            start += 1
        return self.view.phrase(start, end)

    def _group_actor(self, m: KBMatch, sector: str | None, written: str | None = None) -> Actor:
        """The actor a country, organisation or group names, with the sector of its phrase.

        Its name is the phrase as written ("Russian Foreign Ministry", "Belarus's rulers")
        when a sector narrows the country; a country or organisation alone keeps its name.
        """
        if isinstance(m.entry, OrganisationEntry):
            if m.entry.kind == "GRP":  # "the Nordic states": the members act apart
                return Actor(m.code, m.code, m.entry.name, members=m.entry.members)
            if m.entry.kind == "ARM" and m.code[:3] != "IMG":  # an armed group of one country
                return Actor(m.code, m.code, m.entry.name, m.code[:3], m.code[3:6])
            return Actor(m.code, m.code, m.entry.name)
        country = (self._minority_home(m) if sector == "CVL" else None) or m.country or m.code[:3]
        if sector is None:
            return self._country_actor(country)
        name = written or f"{self._country_actor(country).name} ({self._sector_label(sector)})"
        key = country + sector
        if isinstance(m.entry, MetonymEntry) and sector == m.entry.sector == "PTY":
            key = f"{key}/{m.entry.phrases[0]}"  # "Republicans" and "Democrats": two actors
        return Actor(key, country + sector, name, country, sector)

    def _minority_home(self, m: KBMatch) -> str | None:
        """ "Ethnic Albanians … near Macedonia's border": a people called ethnic is a minority
        where it lives, the article's country or the one other country its sentence names,
        not the country of its name; None when neither says."""
        if m.start == 0 or self.view.words[m.start - 1].lower() != "ethnic":
            return None
        sentence = self.view.tokens[m.start].sentence
        named = self.countries_by_sentence.get(sentence, set()) - {m.country}
        if self.focus in named:
            return self.focus
        return next(iter(named)) if len(named) == 1 else None

    def _country_actor(self, country: str) -> Actor:
        """A country as an actor, under its name."""
        entry = self.kb.country(country)
        name = entry.name if isinstance(entry, CountryEntry) else country
        return Actor(country, country, name, country)

    def _sector_label(self, sector: str) -> str:
        """A sector in words: "government", "military", else the knowledge base's name."""
        if sector in SECTOR_NAMES:
            return SECTOR_NAMES[sector]
        names = {entry.code: entry.name for entry in self.kb.sectors}
        return names.get(sector, sector).lower()


# Suffixes that name another member of a family ("Jr.", "Sr.", "III").
GENERATIONS = frozenset({"Jr", "Sr", "II", "III", "IV"})


def _surname(name: str) -> str:
    return name.split()[-1] if name.split() else name


def _family_names(name: str, country: str | None) -> list[str]:
    """The words a person named in full is later called by alone: the last ("Theresa May":
    May); a Chinese or Korean family name written first ("Liu He": Liu, never "He"), also
    when the person's country is unknown; in a family-name-first country whose name does not
    start with a family name we know, either ("Jason Hu")."""
    words = name.split()
    if len(words) < 2:
        return words
    first = words[0]
    if first in FAMILY_NAMES and (
        country in FAMILY_NAME_FIRST or (country is None and first not in WESTERN_GIVEN_NAMES)
    ):
        return [first]
    k = len(words) - 1
    while k > 1 and words[k - 1] in SURNAME_PARTICLES:
        k -= 1  # "Adel Abdul Mahdi": Abdul Mahdi; "Ursula von der Leyen": von der Leyen
    last = [" ".join(words[k:]), words[-1]] if k < len(words) - 1 else [words[-1]]
    return [*last, first] if country in FAMILY_NAME_FIRST else last


# Titles of a state's envoy to a body, not of the body's own officers.
ACCREDITED_TITLES = frozenset({"ambassador", "ambassadors"})


def _accredited_to(anchor: KBMatch, role: str) -> bool:
    """Whether a title anchored on an organisation is a state's envoy to it ("U.N.
    Ambassador Nikki Haley" is the American ambassador), not one of its officers. The EU
    sends ambassadors of its own."""
    words = title_head_words(role)
    return (
        anchor.kind == "organisation"
        and not anchor.code.startswith("IGOEUR")
        and bool(words)
        and words[-1] in ACCREDITED_TITLES
    )
