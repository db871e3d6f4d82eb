"""Finding actors in one article: knowledge-base matches, named people, roles, coreference.

One pass per article over the parse:

1. the knowledge base's longest matches (countries, demonyms, seats of government,
   capitals, organisations, people, sector words), dated by the article;
2. people — known ones and spaCy PERSON entities — with the role the text states around
   the name (:mod:`communique.actors.roles`), which wins over the knowledge base; then the
   corpus memory for people named without a title (read in :mod:`communique.actors._people`);
3. places and organisations, joined with a following sector word ("Russian troops" →
   RUSMIL; read in :mod:`communique.actors._phrases`); a capital that is only where
   something happened ("a meeting in Washington") is a location, not an actor;
4. pronouns and bracketed clarifications (:mod:`communique.actors.coref`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from communique.actors import _groups as groups
from communique.actors._attacks import attack_country, unnamed_attacks
from communique.actors._found import Actor, Found, keyed
from communique.actors._people import PeopleReader
from communique.actors._phrases import SectorPhrases, no_sector
from communique.actors._words import (
    BASED,
    BASED_SECTORS,
    FOCUS_SECTORS,
    FOREIGN_FACING,
    GROUP_CODE,
    GROUP_HEADS,
    GROUP_PREFIX,
    HELD_HEADS,
    LED_BODIES,
    PARTY_ADJECTIVES,
    PLACE_COMPOUNDS,
    PLACE_KINDS,
    RESIDENT_SECTORS,
    SENT_FROM_SECTORS,
    SPEAKS_FOR_OWNER,
    STATE_MARKERS,
    STAYING_SECTORS,
    TERRITORIES,
    UNANCHORED_SPEAKERS,
    people_of,
)
from communique.actors.coref import (
    Antecedent,
    bracketed_after,
    owned_by_pronoun,
    resolve_pronoun,
    stands_for_person,
    uncoded_people,
)
from communique.actors.knowledge import (
    KBMatch,
    KnowledgeBase,
    PersonEntry,
)
from communique.actors.memory import RoleRecall
from communique.actors.named_orgs import named_organisations
from communique.actors.places import PlaceCode, located_country, place_actor_spans
from communique.actors.roles import (
    ANCHOR_KINDS,
    POSSESSIVE,
)
from communique.gender import name_gender
from communique.records import PERSON_ID_PREFIX, PLACE_ID_PREFIX
from communique.textview import TextView, dateline_credit, dateline_end


@dataclass
class ActorFinder(PeopleReader, SectorPhrases):
    """Finds the actors of one article; build one per article (it holds per-document state)."""

    view: TextView
    kb: KnowledgeBase
    on: date | None
    memory: RoleRecall | None = None
    found: list[Found] = field(default_factory=list)
    people: dict[str, Actor] = field(default_factory=dict)  # by full name and by surname
    consumed: set[int] = field(default_factory=set)  # token starts of anchors used in roles
    pronouns_done: set[int] = field(default_factory=set)  # pronouns resolved by a role
    role_tokens: set[int] = field(default_factory=set)  # titles read as a person's role
    focus: str | None = None  # the country the article is about (see _focus_country)
    local: str | None = None  # a territory of the focus country it is about (_territory)
    countries_by_sentence: dict[int, set[str]] = field(default_factory=dict)
    titles_after: set[int] = field(default_factory=set)  # "X, the president of Y": title words
    places: PlaceCode | None = None  # towns, provinces, regions: the gazetteer's codes
    based: dict[int, str] = field(default_factory=dict)  # "a Beirut-based newspaper": by noun

    def run(self) -> list[Found]:
        """Return every actor mention of the article, in text order."""
        matches = []
        for m in self.kb.match(self.view.words, on=self.on):
            if self._located(m):
                if m.kind in PLACE_KINDS and self._compound_place(m):
                    self.based[m.end + 2] = m.country or m.code[:3]
            elif m.kind == "sector" and no_sector(self.view, m.end - 1):
                continue  # "their opposition to the measure": a stance, not the opposition
            elif not self._inside_a_longer_name(m) and not self._ends_another_name(m):
                matches.append(m)
        places = [
            (m.start, m.country or m.code[:3])
            for m in matches
            if m.kind in {"country", "demonym", "capital", "metonym", "person"}
            and (m.country or m.code[:3]).isalpha()
            and not m.code.startswith(("IGO", "NGO"))
            and (m.kind != "person" or m.country)
        ]
        matches = groups.with_elided_countries(self.view, self.kb, matches, self.on)
        named = Counter(country for _, country in places)
        self.focus = _focus_country(named)
        self.local = _territory(named, self.focus)
        for i, country in places:
            self.countries_by_sentence.setdefault(self.view.tokens[i].sentence, set()).add(country)
        matches = self._read_named_organisations(matches)
        anchors_ending = {
            m.end: m for m in matches if m.kind in ANCHOR_KINDS or self._possessive_officeholder(m)
        }
        for start, end, known in self._name_spans(matches):
            self._read_person(start, end, known, anchors_ending, matches)
        self._read_groups(matches)
        self._read_places()
        self._read_unnamed_attacks()
        self.found.sort(key=lambda f: (f.start, f.end))
        self._read_pairs()
        self._read_pronouns()
        self.found.sort(key=lambda f: (f.start, f.end))
        self.found = owned_by_pronoun(self.view, self.found)
        return self.found

    def _read_named_organisations(self, matches: list[KBMatch]) -> list[KBMatch]:
        """Organisations the knowledge base does not know, by their names ("the Rwandan
        Patriotic Front" → RWAPTY); the matches inside their names are theirs alone."""
        held: set[int] = set()
        for org in named_organisations(self.view, matches):
            code = org.code
            key = keyed("org/", org.name)
            actor = Actor(key, code, org.name, org.country, org.sector)
            self.found.append(Found(org.start, org.end, actor))
            held.update(range(org.start, org.end))
        return [m for m in matches if m.start not in held]

    def _possessive_officeholder(self, match: KBMatch) -> bool:
        """A known officeholder with a possessive names whom a title serves ("Trump's former
        national security adviser John Bolton" is American)."""
        following = self.view.words[match.end] if match.end < len(self.view) else ""
        return match.kind == "person" and bool(match.country) and following in POSSESSIVE

    def _inside_a_longer_name(self, match: KBMatch) -> bool:
        """A one-word person alias followed by another name ("Burhan" in "Burhan Ghalioun")
        is someone else's first name, not the known person; a capitalised title word after a
        first name is a surname ("King" in "Angus King", "Jordan" in "Tom Jordan"), and so
        is one alone when the article names that person in full ("Bishop said" after "Julie
        Bishop"), as is a country's name ("Jordan" after "Jim Jordan")."""
        if match.end - match.start != 1 or match.kind not in {"person", "sector", "country"}:
            return False
        if match.kind != "person" and self._named_surname(match.start):
            return True  # "allegations from Jordan" after "Rep. Jim Jordan": him
        for start, end in self._person_spans:
            if match.kind == "person" and start == match.start and end > match.end:
                return self.view.tokens[match.end].pos == "PROPN"
            if match.kind == "person" and start < match.start < end:
                return self._other_known_first_name(match, start)
            if (
                match.kind != "person"  # a title word or a country ("Tom Jordan")
                and start < match.start < end
                and self.view.is_capitalised(match.start)
                and self.view.tokens[match.start - 1].pos == "PROPN"
            ):
                return True
        return False

    def _named_surname(self, i: int) -> bool:
        """Whether the capitalised word at ``i``, with no name after it, ends the full name
        of a person the article names."""
        view = self.view
        if not view.is_capitalised(i) or (i + 1 < len(view) and view.tokens[i + 1].pos == "PROPN"):
            return False
        return any(
            end - start > 1 and view.words[end - 1] == view.words[i] and not start <= i < end
            for start, end in self._person_spans
        )

    def _other_known_first_name(self, match: KBMatch, start: int) -> bool:
        """A known surname after a written first name that is not the known person's ("John
        Mbeki" is not Thabo Mbeki; "Vladimir V. Putin" is Putin)."""
        entry = match.entry
        names = (entry.name, *entry.aliases) if isinstance(entry, PersonEntry) else None
        return names is not None and self._other_first_name(start, match.start, names)

    def _located(self, match: KBMatch) -> bool:
        """A place in a compound that says where something is ("the Washington-based
        association", "a London-born banker") or in the dateline ("NAIROBI, Kenya (Wire) —"):
        a location, not an actor or an anchor."""
        words = self.view.words
        if self.view.tokens[match.start].start < self._dateline_end:
            return True
        if dateline_credit(words, match.start, match.end):
            return True  # "KARACHI, Pakistan (Reuters) —" opening a paragraph after the title
        return match.kind in PLACE_KINDS and self._compound_place(match)

    def _compound_place(self, match: KBMatch) -> bool:
        """ "the Washington-based association": the place where the noun after it is."""
        words = self.view.words
        return (
            match.end + 2 < len(words)
            and words[match.end] == "-"
            and words[match.end + 1].lower() in PLACE_COMPOUNDS
        )

    @cached_property
    def _dateline_end(self) -> int:
        """Where a dateline opening the text ends (0 when there is none)."""
        return dateline_end(self.view.text)

    # -- countries, organisations and sectors ---------------------------------------------
    def _read_groups(self, matches: list[KBMatch]) -> None:
        by_start = {m.start: m for m in matches}
        covered = {i for f in self.found for i in range(f.start, f.end)} | self.titles_after
        self._read_sector_of(matches, by_start, covered)
        for first, last, country, office in self._counterparts(by_start):
            self._add_sector_actor(first, last, country, office)  # "his counterpart in Japan"
        for m in matches:
            if m.kind not in ANCHOR_KINDS or m.start in covered:
                continue
            if m.start in self.consumed:
                continue
            if m.kind == "capital" and self._is_location(m):
                continue
            sector, end = self._sector_after(m, by_start)
            if sector == "MED" and self._state_run(end - 1):
                sector = "GOVMED"  # "an official Syrian newspaper": the government's voice
            written = self._written(m.start, end)
            self.found.append(Found(m.start, end, self._group_actor(m, sector, written)))
        self._read_state_parts(covered)
        self._read_bare_sectors(matches)
        self.found += groups.bodies_named_before(self.view, self.found, self.role_tokens)

    def _read_places(self) -> None:
        """Towns, provinces and regions that act or are acted on ("shelled Mosul")."""
        if self.places is None:
            return
        taken = {i for f in self.found for i in range(f.start, f.end)}
        taken |= self.consumed | self.role_tokens | self.titles_after
        spans = place_actor_spans(self.view, self.view.annotation, taken, self.places)
        for start, end, name, (code, country) in spans:
            if self.view.tokens[start].start < self._dateline_end:
                continue  # where the story was filed
            key = keyed(PLACE_ID_PREFIX, name)
            self.found.append(Found(start, end, Actor(key, code, name, country)))

    def _read_pairs(self) -> None:
        """ "Putin met Erdogan. The two leaders agreed …": "the two leaders", "both sides" are
        the two countries named just before, read as their members (one event each)."""
        for i in range(len(self.view.tokens)):
            members = groups.pair_group(self.view, i, self.found)
            if members is None:
                if (state := groups.definite_country(self.view, i, self.found)) is not None:
                    self.found.append(state)  # "… to accuse the country of"
                elif (head := groups.body_head(self.view, i, self.found)) is not None:
                    self.found.append(head)  # "the chairman of the Senate committee"
                continue
            start = groups.pair_start(self.view, i)
            self.found = [f for f in self.found if not (start <= f.start and f.end <= i + 1)]
            key = f"{GROUP_PREFIX}{'-'.join(members)}"
            group = Actor(key, GROUP_CODE, self._written(start, i + 1), members=members)
            self.found.append(Found(start, i + 1, group))
        self.found.sort(key=lambda f: (f.start, f.end))

    def _read_unnamed_attacks(self) -> None:
        """Attacks nobody is named to have carried out, coded as CAMEO codes them: an
        unidentified armed force of the country where they happened ("A roadside bombing near
        Samarra killed …" → IRQUAF; with no place, ``UAF``: the article's focus is often the
        victims' country, not the attack's)."""
        taken = {i for f in self.found for i in range(f.start, f.end)}
        for start, end in unnamed_attacks(self.view, taken):
            country = attack_country(self.view, end - 1, self.found, self.places)
            self._add_sector_actor(start, end, country, "UAF")

    def _state_run(self, i: int) -> bool:
        """Whether the media noun at ``i`` is marked as the state's ("official", "state-run",
        "government-controlled")."""
        view = self.view
        return any(k < i and view.words[k].lower() in STATE_MARKERS for k in view.subtree(i))

    def _heads_a_group(self, m: KBMatch) -> bool:
        """ "opposition groups", "rebel leaders": the sector word names a group of people."""
        head = self.view.tokens[self.view.tokens[m.end - 1].head].lemma.lower()
        return head in GROUP_HEADS | HELD_HEADS or people_of(head, m.sector)

    def _read_bare_sectors(self, matches: list[KBMatch]) -> None:
        """A sector noun with no country is still an actor: "officials said", "rebels attacked".

        When the article is about one country (its focus) and no other country is named in the
        sentence, an institution or group of people is that country's ("the president", "the
        army" in an article about Zambia → ZMBGOV, ZMBMIL); otherwise it is coded with the
        sector alone (CAMEO's blank country), as GDELT does.
        """
        covered = {i for f in self.found for i in range(f.start, f.end)}
        covered |= self.role_tokens | self.titles_after
        focus = self.focus
        for m in matches:
            if (
                m.kind != "sector"
                or m.sector is None
                or covered.intersection(range(m.start, m.end))
            ):
                continue
            head = self.view.tokens[m.end - 1]
            if head.pos not in {"NOUN", "PROPN", "ADJ"} or head.dep == "oprd":
                continue  # "called Kim 'rocket man'": what someone is called is no actor
            if self._owned_by_an_actor(m.end - 1, covered):
                continue  # "Hamas's leader": its owner's, as events read it
            if (holder := self._holder(m.start, m.end)) is not None:
                self.found.append(holder)  # "the president" after "President Trump"
                continue
            end, owner = m.end, self.view.lemma(head.head)
            if head.dep == "poss" and owner in SPEAKS_FOR_OWNER:
                end = head.head + 1  # "the prime minister's office said": the office speaks
                covered.update(range(m.start, end))
            elif head.dep in {"amod", "compound", "poss"} and not self._heads_a_group(m):
                continue
            elif head.dep in {"amod", "compound"} and people_of(owner, m.sector):
                end = head.head + 1  # "rebel leaders", "military officials": the modifier's people
                covered.update(range(m.start, end))
            if self._titles_a_person(m.end - 1):
                continue
            sector, start = m.sector, m.start
            community = self._community_of(m.end - 1) if sector == "MIL" else None
            if community is not None:  # "Kurdish forces", "Moslem forces": no state's army
                sector, start = "REB", min(start, community)
            party = self._us_party_of(m.end - 1) if focus in {None, "USA"} else None
            if party is not None:  # "Republican lawmakers", "Democratic leaders": two actors
                key = "/" + PARTY_ADJECTIVES[self.view.words[party]]
                sector = "PTY" if sector == "GOV" else sector
                self._add_sector_actor(party, end, "USA", sector, key)
                continue
            foreign = self.view.lemma(m.end - 1) in FOREIGN_FACING
            anchor = None if self._backed(m.end - 1) else focus or self._sentence_country(m.end - 1)
            country = anchor if sector in FOCUS_SECTORS and not foreign else None
            if self.local and country == focus and sector in STAYING_SECTORS:
                country = self.local  # "police", "crowds" in a story about Hong Kong
            if country is not None and self._other_country_near(m.start, country, focus):
                country = None
            if start == m.start:  # "the administration", no one named
                country = self._usage_country(m.end - 1, focus, country)
            country = self._fled_from(m.end - 1, matches) or country
            country = self._whose_country(m.end - 1, matches) or country
            possessor = self._possessing_country(m.end - 1)
            if possessor is None and end > m.end:
                possessor = self._possessing_country(end - 1)  # "North Korea's former spy chief"
            country = possessor or country
            country = self._conjunct_country(m.end - 1, sector) or country
            country = self._place_modifier_country(m.end - 1, matches) or country
            if country is None and not foreign:  # "officials in Pyongyang", "the ministry said"
                country = located_country(
                    self.view, m.end - 1, self.places, sector
                ) or self._reported_country(m.end - 1, sector)
            leader = self._led_by(m.end - 1) if sector == "GOV" else None
            if leader is not None:  # "the Trump administration", "the Assad regime"
                self.found.remove(leader)  # the name only says whose government it is
                start, country = min(start, leader.start), leader.actor.country
            self._add_sector_actor(start, end, country, sector)  # "the president", as written

    def _add_sector_actor(
        self, start: int, end: int, country: str | None, sector: str, key: str = ""
    ) -> None:
        """Record the phrase ``[start, end)`` as written, coded country + sector (the sector
        alone, CAMEO's blank country, when no country is known); ``key`` tells it apart."""
        code = (country or "") + sector
        actor = Actor(code + key, code, self._written(start, end), country, sector)
        self.found.append(Found(start, end, actor))

    def _led_by(self, i: int) -> Found | None:
        """The leader named before a government noun at ``i`` ("the Trump administration", "the
        Assad regime"): the leader's mention, with a country; None if none."""
        if self.view.lemma(i) not in LED_BODIES:
            return None
        for c in self.view.children(i):
            if c > i or self.view.tokens[c].dep != "compound":
                continue
            for f in self.found:
                if (
                    f.start <= c < f.end
                    and f.actor.key.startswith(PERSON_ID_PREFIX)
                    and f.actor.country
                ):
                    return f
        return None

    def _sentence_country(self, i: int) -> str | None:
        """With no country the article is about, the one country token ``i``'s sentence
        names, if only one: "Rebels attacked an army base near the border with Chad" → TCDREB.
        Officials and sources are left out: "officials said Iran fired" are often another
        country's."""
        if self.view.lemma(i) in UNANCHORED_SPEAKERS or self._described(i):
            return None
        named = self.countries_by_sentence.get(self.view.tokens[i].sentence, set())
        return next(iter(named)) if len(named) == 1 else None

    def _described(self, i: int) -> bool:
        """Whether a name we do not know describes the noun at ``i`` ("Kurdish fighters",
        "Turkish-backed rebels"): the phrase says where its people are from, or who backs
        them, so the sentence's one country is no anchor."""
        view = self.view
        return any(
            k < i and view.is_capitalised(k) and view.tokens[k].pos in {"PROPN", "ADJ", "NOUN"}
            for k in view.subtree(i)
        )

    def _owned_by_an_actor(self, i: int, covered: set[int]) -> bool:
        """Whether token ``i`` speaks or acts for an owner already read as an actor."""
        if self.view.lemma(i) not in SPEAKS_FOR_OWNER:
            return False
        return any(
            self.view.tokens[c].dep == "poss" and c in covered for c in self.view.children(i)
        )

    def _read_state_parts(self, covered: set[int]) -> None:
        """ "The North pulled out of talks with the South": in an article that names North or
        South Korea, "the North" and "the South" standing alone are the two Koreas; "the
        mainland" in one that names Hong Kong, Macao or Taiwan is China."""
        for i in range(1, len(self.view)):
            half = self._state_part_at(i)
            if half is not None and i not in covered and i not in self.consumed:
                self.found.append(Found(i, i + 1, self._country_actor(half)))

    def _titles_a_person(self, i: int) -> bool:
        """ "Jane Porter, president of an advocacy group": a title in apposition to a named
        person is that person's role, not an actor of its own (even when the person has no
        code)."""
        token = self.view.tokens[i]
        if token.dep != "appos":
            return False
        head = token.head
        return any(
            e.label == "PERSON"
            and self.view.entity_tokens(e)[0] <= head < self.view.entity_tokens(e)[1]
            for e in self.view.annotation.entities
        )

    def _read_sector_of(
        self, matches: list[KBMatch], by_start: dict[int, KBMatch], covered: set[int]
    ) -> None:
        """A sector noun and the country after it: "the president of Armenia", "the army of
        Mali", "exiled dissidents from Burma", "protesters in Hong Kong", "officials from the
        U.S." ("in" only for people who live there, "from" also for officials and envoys:
        "troops in Syria" and troops withdrawn "from Iraq" are not those countries')."""
        words = self.view.words
        demonyms_end = {x.end for x in matches if x.kind in {"country", "demonym"}}
        for m in matches:
            if m.kind != "sector" or m.sector is None or m.start in covered:
                continue
            owned = m.start in demonyms_end  # "Syrian rebels based in Turkey" stay Syrian
            if m.sector in BASED_SECTORS and not owned and (based := self._based_in(m, by_start)):
                country, end = based
                self._add_sector_actor(m.start, end, country, m.sector)
                continue
            if not owned and (town := self._town_before(m.start)) is not None:
                self._add_sector_actor(town[0], m.end, town[1], m.sector)  # "Karachi police"
                continue
            if m.end >= len(words):
                continue
            preposition = words[m.end].lower()
            if preposition != "of" and not (
                (preposition in {"from", "in"} and m.sector in RESIDENT_SECTORS)
                or (preposition == "from" and m.sector in SENT_FROM_SECTORS)
            ):
                continue
            k = m.end + 1 + (1 if m.end + 1 < len(words) and words[m.end + 1] == "the" else 0)
            anchor = by_start.get(k)
            if anchor is None and (half := self._state_part_at(k)) is not None:
                self._add_sector_actor(m.start, k + 1, half, m.sector)  # "officials from the South"
                self.consumed.add(k)
                continue
            if anchor is None and (town := self._town_at(k)) is not None:
                end, country = town  # "the government of Sindh province" → PAKGOV
                self._add_sector_actor(m.start, end, country, m.sector)
                continue
            if anchor is None or anchor.kind not in {"country", "capital", "demonym"}:
                continue
            end = anchor.end
            head = self.view.tokens[end - 1].head
            if anchor.kind == "demonym" and end <= head < end + 3:
                end = head + 1  # "inhabitants of the Syrian Golan Heights"
            written = self._written(m.start, end)
            self.found.append(Found(m.start, end, self._group_actor(anchor, m.sector, written)))
            self.consumed.add(anchor.start)
            for other in self._coordinated(anchor, by_start):  # "leaders of France and Britain"
                self.found.append(Found(other.start, other.end, self._group_actor(other, m.sector)))
                self.consumed.add(other.start)

    def _based_in(self, m: KBMatch, by_start: dict[int, KBMatch]) -> tuple[str, int] | None:
        """The country where the body at sector noun ``m`` is based, and the phrase's end: "a
        Beirut-based newspaper", "a charity based in London", "headquartered in east Beirut"."""
        if m.start in self.based:
            return self.based[m.start], m.end
        words = self.view.words
        if not (
            m.end + 1 < len(words)
            and words[m.end].lower() in BASED
            and words[m.end + 1].lower() == "in"
        ):
            return None
        for k in range(m.end + 2, min(m.end + 6, len(words))):
            anchor = by_start.get(k)
            if anchor is not None and anchor.kind in PLACE_KINDS:
                return anchor.country or anchor.code[:3], anchor.end
        return None

    def _coordinated(self, anchor: KBMatch, by_start: dict[int, KBMatch]) -> list[KBMatch]:
        """The countries coordinated with ``anchor`` ("France, Germany and Britain")."""
        found, stack = [], [anchor.end - 1]
        while stack:
            for child in self.view.children(stack.pop()):
                if self.view.tokens[child].dep != "conj":
                    continue
                stack.append(child)
                other = next((by_start[k] for k in by_start if by_start[k].end - 1 == child), None)
                if other is not None and other.kind in {"country", "capital"}:
                    found.append(other)
        return found

    # -- pronouns -------------------------------------------------------------------------

    def _read_pronouns(self) -> None:
        person = [stands_for_person(self.view, f.start, f.end, f.actor) for f in self.found]
        genders = {
            f.actor.key: g
            for f, is_person in zip(self.found, person, strict=True)
            if is_person
            and (g := name_gender(f.actor.name, self.view.words[max(0, f.start - 3) : f.start]))
        }
        antecedents = [
            Antecedent(f.start, f.end, f.actor.key, is_person, genders.get(f.actor.key))
            for f, is_person in zip(self.found, person, strict=True)
        ]
        antecedents = sorted(antecedents + uncoded_people(self.view, self.found), key=_start)
        actors = {f.actor.key: f.actor for f in self.found}
        by_start = {f.start: f for f in self.found}
        subjects: list[Antecedent] = []
        for i, token in enumerate(self.view.tokens):
            if token.pos != "PRON" or i in self.pronouns_done:
                continue
            members = groups.quantified_group(self.view, i, self.found)
            if members is not None:  # "All urged Trump …": the countries named together before
                group_key = f"{GROUP_PREFIX}{'-'.join(members)}"
                group = Actor(group_key, GROUP_CODE, self.view.words[i], members=members)
                self.found.append(Found(i, i + 1, group))
                continue
            inside = bracketed_after(self.view, i)
            bracketed = by_start[inside[0]].actor.key if inside and inside[0] in by_start else None
            # "But he insisted his administration …": "his" is whom "he" of its sentence is
            if subjects and self.view.tokens[subjects[0].start].sentence != token.sentence:
                subjects = []
            pool = (
                sorted(antecedents + subjects, key=_start) if token.dep == "poss" else antecedents
            )
            key = resolve_pronoun(self.view, i, pool, bracketed)
            if key is not None:
                self.found.append(Found(i, i + 1, actors[key]))
                if token.dep == "nsubj" and (word := self.view.words[i].lower()) in {"he", "she"}:
                    subjects.append(Antecedent(i, i + 1, key, True, "m" if word == "he" else "f"))


def _start(antecedent: Antecedent) -> int:
    return antecedent.start


def _territory(counts: Counter[str], focus: str | None) -> str | None:
    """A territory of the ``focus`` country with its own code that the article is also about
    (Hong Kong in a story about China): named at least three times and at least a third as
    often as the country (``counts``: how often the article names each country)."""
    if focus is None:
        return None
    named = [t for t, sovereign in TERRITORIES.items() if sovereign == focus and t in counts]
    best = max(named, key=lambda t: counts[t], default=None)
    if best is None or counts[best] < 3 or 3 * counts[best] < counts[focus]:
        return None
    return best


def _focus_country(counts: Counter[str]) -> str | None:
    """The country an article is about: named at least twice and more often than any other
    (its name, demonym, capital, seats of government and known people count)."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]
