"""Reading the sector of the noun phrase a country, demonym or organisation modifies, for the
actor finder (``mentions.py``): "Israeli army" → MIL, "Belarus's rulers" → GOV, "Taliban
militants" → the Taliban, "her Swedish counterpart" → the counterpart's office."""

from __future__ import annotations

from collections.abc import Iterator

from communique.actors import _groups as groups
from communique.actors._attacks import UNNAMED_ATTACKS
from communique.actors._found import Actor, Found, keyed
from communique.actors._words import (
    ARMED_SECTORS,
    ARRIVALS,
    BACKERS,
    COMMUNITIES,
    COMPASS_POINTS,
    ENVOYS,
    EQUIPMENT,
    FLEEING,
    HELD_HEADS,
    LED_GROUPS,
    LOCATION_PREPOSITIONS,
    NAME_ENDINGS,
    OWN_ADMINISTRATIONS,
    OWN_HOUSES,
    OWN_SENATES,
    PARTY_ADJECTIVES,
    SPEAKERS_FOR,
    STATE_BODIES,
    STATE_PARTS,
    UNANCHORED_SPEAKERS,
    US_USAGE,
    VENUE_EVENTS,
    VOICES,
    people_of,
)
from communique.actors.knowledge import KBMatch
from communique.actors.places import PlaceCode, place_country
from communique.actors.roles import POSSESSIVE
from communique.records import PERSON_ID_PREFIX
from communique.speech import CUE_VERBS, SUBJECT_DEPS, reported_clause
from communique.textview import AREA_NOUNS, TextView, child_with

# The dependencies of a place named as a noun's modifier ("the Kandahar governor").
MODIFIERS = frozenset({"compound", "nmod"})
# The prepositions that name a counterpart's country ("his counterpart in South Korea").
COUNTERPART_OF = frozenset({"in", "from", "of"})


class SectorPhrases:
    """The noun-phrase half of :class:`~communique.actors.mentions.ActorFinder` (its fields
    are declared there; this class only reads them)."""

    view: TextView
    found: list[Found]
    role_tokens: set[int]
    countries_by_sentence: dict[int, set[str]]
    consumed: set[int]
    places: PlaceCode | None

    def _town_at(self, k: int) -> tuple[int, str] | None:
        """The end and country of a town, province or region the gazetteer knows whose name
        the parser tags as a place at token ``k``."""
        for entity in self.view.annotation.entities:
            start, end = self.view.entity_tokens(entity)
            if start == k and entity.label in {"GPE", "LOC"}:
                return self._coded_town(start, end)
        return None

    def _town_before(self, k: int) -> tuple[int, str] | None:
        """The start and country of a town the gazetteer knows named right before the sector
        noun at token ``k`` and modifying it: "Karachi police", "Mumbai authorities"."""
        view = self.view
        for entity in view.annotation.entities:
            start, end = view.entity_tokens(entity)
            if end != k or view.tokens[end - 1].dep not in {"compound", "amod", "nmod"}:
                continue
            if entity.label not in {"GPE", "LOC"}:
                continue
            found = self._coded_town(start, end)
            if found is not None and found[0] == end:
                return start, found[1]
        return None

    def _coded_town(self, start: int, end: int) -> tuple[int, str] | None:
        """The end (with an area noun after it: "Sindh province") and country of the place
        the parser tags at tokens ``[start, end)``, if the gazetteer knows it."""
        if self.places is None:
            return None
        view = self.view
        if view.phrase(start, end).lower() in COMPASS_POINTS:
            return None  # "envoys from the South": a region, not a town called South
        coded = self.places(view.phrase(start, end))
        if not coded or not coded[1]:
            return None
        last = view.tokens[end - 1]
        if last.dep == "compound" and last.head == end and view.lemma(end) in AREA_NOUNS:
            end += 1  # "Sindh province"
        return end, coded[1]

    def _sector_after(self, m: KBMatch, by_start: dict[int, KBMatch]) -> tuple[str | None, int]:
        """The sector of the noun phrase a country, demonym or capital modifies, and its end.

        "Israeli army" → MIL; "Belarus's rulers" → GOV; "Israeli army bulldozers demolished"
        and "British aircraft … killed" → MIL (weapons that act are their military); but
        "Russian military support" and "found Iranian drones" name only the country; an armed
        force before an attack is the attacker ("U.S. military airstrikes" → MIL).
        """
        if m.kind == "organisation":  # "EU leaders", "NATO foreign ministers": the body
            nxt = by_start.get(m.end)
            words = self.view.words
            if m.end in self.role_tokens:
                return None, m.end  # "NATO Secretary General Jens Stoltenberg": his title
            if nxt is not None and nxt.kind == "sector" and words[nxt.end - 1].lower() in ENVOYS:
                return None, nxt.end
            if m.end < len(words) and words[m.end].lower() in ENVOYS:
                return None, m.end + 1
            if (  # "Taliban attackers", "Hamas militants": the group's own fighters
                nxt is not None
                and (m.code[3:6] in ARMED_SECTORS or m.code.startswith("IMG"))
                and nxt.sector in ARMED_SECTORS | {"MIL"}
                and self.view.tokens[nxt.end - 1].dep not in {"compound", "amod"}
            ):
                return None, nxt.end
            return None, m.end
        if m.form == "people":
            if self._the_nation(m):
                return None, m.end  # "the Iranians pushed back": the side, not its people
            return "CVL", m.end  # "Libyans", "North Koreans": CAMEO codes the people as civilians
        words = self.view.words
        if m.end + 1 < len(words) and words[m.end] == "-" and words[m.end + 1].lower() in BACKERS:
            return None, m.end  # "Turkish-backed rebels" are not Turkey's: the country alone
        if _backer_word(words[m.end - 1]):
            return None, m.end  # "U.S.-backed", one token: the backer alone
        if (  # "the Saudi-led coalition"
            m.end + 2 < len(words)
            and words[m.end] == "-"
            and words[m.end + 1].lower() == "led"
            and words[m.end + 2].lower() in LED_GROUPS
        ):
            return "MIL", m.end + 3
        if m.end < len(words) and self.view.lemma(m.end) == "counterpart":
            return self._counterpart_sector(m.start), m.end + 1  # "her Swedish counterpart"
        k = m.end + (1 if m.end < len(self.view) and self.view.words[m.end] in POSSESSIVE else 0)
        nxt = by_start.get(k)
        if k > m.end and (nxt is None or nxt.kind != "sector"):
            owned = self._owned_sector(m, by_start)  # "Ankara's Cankaya district administration"
            if owned is not None:
                return owned
        if nxt is None or nxt.kind != "sector" or nxt.sector is None:
            acting = self._acting_equipment(k, m.end)
            if acting is not None:
                return "MIL", acting
            return self._sector_of_head(m, by_start)
        head = self.view.tokens[nxt.end - 1]
        attack = self.view.lemma(head.head) in UNNAMED_ATTACKS | {"operation", "offensive"}
        if nxt.sector == "MIL" and head.dep in {"amod", "compound"} and attack:
            return nxt.sector, nxt.end  # "U.S. military airstrikes": the military's
        if (  # "Afghan military leaders": the people of its military
            head.dep in {"amod", "compound"}
            and nxt.end <= head.head < nxt.end + 2
            and people_of(self.view.lemma(head.head), nxt.sector)
        ):
            return nxt.sector, head.head + 1
        if head.pos not in {"NOUN", "PROPN"}:
            return m.sector, m.end
        if head.dep in {"amod", "compound"}:
            acting = self._acting_equipment(nxt.end, nxt.end)
            if acting is not None:  # "army bulldozers demolished": the army's
                return nxt.sector, acting
            if self.view.lemma(head.head) in HELD_HEADS:
                return nxt.sector, nxt.end  # "a US Army base": the US Army's
            return m.sector, m.end  # "Russian military support": the support is Russian
        return nxt.sector, nxt.end

    def _the_nation(self, m: KBMatch) -> bool:
        """Whether a people's name stands for its state: "the Iranians" as the subject of a
        verb, with nothing after that narrows it ("the Iranians who live abroad")."""
        tokens = self.view.tokens
        last = tokens[m.end - 1]
        if m.start == 0 or self.view.words[m.start - 1].lower() != "the" or last.dep != "nsubj":
            return False
        return not any(
            tokens[c].dep in {"relcl", "acl", "prep"} for c in self.view.children(m.end - 1)
        )

    def _conjunct_country(self, i: int, sector: str) -> str | None:
        """The country of the state body a state sector noun at ``i`` is coordinated with:
        "Mexican soldiers, armed police and migration officials" are all Mexico's (not
        rebels or protesters, who are as often the other side)."""
        if sector not in STATE_BODIES:
            return None
        tokens, head = self.view.tokens, i
        while tokens[head].dep == "conj" and tokens[head].head != head:
            head = tokens[head].head
        if head == i:
            return None
        first = next((f for f in self.found if f.end - 1 == head), None)
        if first is None or first.actor.sector not in STATE_BODIES:
            return None
        return first.actor.country

    def _usage_country(self, i: int, focus: str | None, country: str | None) -> str | None:
        """The state news means by a body's bare name ("the administration": the American
        executive, also in a story about Russia), when no name qualifies it ("the Duterte
        administration") and the story is not about a state whose press calls its own
        executive so (the Philippines), and "the House" and "the Senate" the American chambers
        but where the story is about a state with a chamber of that name; "the regime" is the
        state named just before it, and never the American one by the focus of a story
        (American news calls foreign governments so); else ``country``, as anchored before."""
        named = any(self.view.tokens[c].pos == "PROPN" for c in self.view.children(i))
        if not named and self.view.words[i] == "House":
            return country if focus in OWN_HOUSES else "USA"  # "the House voted"
        if not named and self.view.words[i] == "Senate":
            chamber = focus if focus in OWN_SENATES else country
            return chamber if chamber in OWN_SENATES else "USA"  # not Israel's: it has none
        if named or focus in OWN_ADMINISTRATIONS:
            return country
        if self.view.lemma(i) == "regime":
            state = groups.regime_state(self.view, i, self.found)
            return state or (None if country in groups.NEVER_THE_REGIME else country)
        return US_USAGE.get(self.view.lemma(i)) or country

    def _state_part_at(self, i: int) -> str | None:
        """ "the North", "the South" standing alone at token ``i`` in an article that names
        North or South Korea, "the mainland" in one that names Hong Kong, Macao or Taiwan: the
        code of that part (a Korea, China), else None."""
        words = self.view.words
        if not 0 < i < len(words) or words[i] not in STATE_PARTS or words[i - 1].lower() != "the":
            return None
        if i + 1 < len(words) and (words[i + 1][:1].isupper() or words[i + 1] == "-"):
            return None  # "the North Atlantic", "the South China Sea", "the North-South"
        if self.view.tokens[i].dep in {"amod", "compound"}:
            return None  # "the mainland authorities": a modifier, read with its noun
        code, about = STATE_PARTS[words[i]]
        named = set().union(*self.countries_by_sentence.values())
        return code if named & about else None

    def _is_location(self, m: KBMatch) -> bool:
        """Whether a capital names where something happens, not a government: after "in",
        "at" … ("talks in Moscow"), or naming a meeting or accord ("the Helsinki summit",
        "the Minsk agreements")."""
        token = self.view.tokens[m.end - 1]
        head = self.view.tokens[token.head]
        if token.dep == "compound" and head.lemma.lower() in VENUE_EVENTS:
            return True
        if token.head != head.head and self.view.lemma(head.head) in ARRIVALS:
            return False  # "arrived in Moscow": a visit to the government seated there
        return (
            token.dep == "pobj"
            and self.view.words[token.head].lower() in LOCATION_PREPOSITIONS
            and (head.dep == "prep")
        )

    def _holder(self, start: int, end: int) -> Found | None:
        """Who a bare title or speaker's noun at ``[start, end)`` is: the person named before
        who holds the title, or the body named before ("the president", "the ministry": see
        ``_groups.title_holder``); or the body it speaks for ("a spokesman for the Taliban",
        "an official of the World Health Organization", "officials from the State
        Department", "officials at the Pentagon"); None otherwise."""
        holder = groups.title_holder(self.view, start, end, self.found)
        if holder is not None or self.view.words[end - 1].lower() not in VOICES:
            return holder
        for f in self._found_over(_objects_of(self.view, end - 1, {"for", "of", "from", "at"})):
            if not f.actor.key.startswith(PERSON_ID_PREFIX) and f.actor.code != f.actor.country:
                self._name_the_voice(start, end, f.actor)
                return Found(start, end, f.actor)  # the body's voice (not a bare country's)
        return None

    def _name_the_voice(self, start: int, end: int, body: Actor) -> None:
        """ "Ahmed Hafez, a spokesman for the Egyptian Foreign Ministry,": the person the
        voice at ``[start, end)`` stands in apposition to, named and read as no one so far,
        speaks for the body too (added as a mention of its own, by name)."""
        view, title = self.view, end - 1
        name_end = view.tokens[title].head + 1
        if view.tokens[title].dep != "appos" or name_end > start:
            return
        name_start = name_end - 1
        while name_start > 0 and view.tokens[name_start - 1].dep == "compound":
            name_start -= 1
        span = range(name_start, name_end)
        if len(span) < 2 or any(
            view.tokens[k].pos != "PROPN" or not view.is_capitalised(k) for k in span
        ):
            return
        if any(f.start < name_end and name_start < f.end for f in self.found):
            return
        name = view.phrase(name_start, name_end)
        key = keyed(PERSON_ID_PREFIX, name)
        role = view.phrase(start, end)
        actor = Actor(key, body.code, name, body.country, body.sector, role)
        self.found.append(Found(name_start, name_end, actor))

    def _found_over(self, tokens: list[int]) -> Iterator[Found]:
        """The mentions found so far that cover any of ``tokens``, in the order found."""
        return (f for f in self.found if any(f.start <= k < f.end for k in tokens))

    def _possessing_country(self, i: int) -> str | None:
        """The country a possessive before the sector noun at ``i`` names, when it was read
        after the knowledge base's phrases ("The North's delegation": North Korea's); or the
        country of the public figure a speaker speaks for ("a spokesman for President
        Vladimir V. Putin": Russia's)."""
        view = self.view
        owners = [c for c in view.children(i) if view.tokens[c].dep == "poss"]
        speaks_for = view.words[i].lower() in SPEAKERS_FOR
        if speaks_for:
            owners += _objects_of(view, i, {"for"})
        if not owners:
            return None  # most sector nouns: no need to look through what was found
        for f in self._found_over(owners):
            if f.actor.country and (
                not f.actor.sector or (speaks_for and f.actor.sector in STATE_BODIES)
            ):
                return f.actor.country
        return None

    def _reported_country(self, i: int, sector: str) -> str | None:
        """The country of the act a state body at ``i`` reports, for a sentence that names more
        than one: "Sri Lanka opened an embassy in Tehran, the foreign ministry said" is Sri
        Lanka's ministry — the country of the reported clause's subject, a country or one of
        its bodies. Officials, sources and spokesmen stay unanchored ("officials said Iran
        fired" are as often another country's)."""
        view, tokens = self.view, self.view.tokens
        if sector not in STATE_BODIES or tokens[i].dep != "nsubj":
            return None
        verb = tokens[i].head
        if view.lemma(i) in UNANCHORED_SPEAKERS or view.lemma(verb) not in CUE_VERBS:
            return None
        clause = reported_clause(view, verb)
        if clause is None and tokens[verb].dep in {"ccomp", "parataxis"}:
            clause = tokens[verb].head  # "X did Y, the ministry said": "said" hangs on "did"
        subject = child_with(view, clause, SUBJECT_DEPS) if clause is not None else None
        if subject is None:
            return None
        for f in self._found_over([subject]):
            if f.actor.country and (not f.actor.sector or f.actor.sector in STATE_BODIES):
                return f.actor.country
        return None

    def _whose_country(self, i: int, matches: list[KBMatch]) -> str | None:
        """The country a sector noun at ``i`` belongs to through "whose" ("Russia, whose
        military is backing Assad": Russia's), else None."""
        view = self.view
        if not any(view.words[c].lower() == "whose" for c in view.children(i)):
            return None
        k, steps = i, 0
        while view.tokens[k].dep != "relcl" and view.tokens[k].head != k and steps < 4:
            k, steps = view.tokens[k].head, steps + 1
        if view.tokens[k].dep != "relcl":
            return None
        antecedent = view.tokens[k].head
        owner = next((m for m in matches if m.end - 1 == antecedent), None)
        if owner is None or owner.kind not in {"country", "capital", "metonym"}:
            return None
        return owner.country or owner.code[:3]

    def _ends_another_name(self, m: KBMatch) -> bool:
        """A one-word body that ends the name of another ("Congress" in "the African National
        Congress", "the World Uyghur Congress", "China's National People's Congress"): the
        word before it is a capitalised name word of the same phrase, not a party's adjective
        ("a Democratic Congress") or a country ("US Congress" is listed whole)."""
        if m.kind != "metonym" or m.end - m.start != 1 or m.start == 0:
            return False
        if self.view.words[m.start].lower() not in NAME_ENDINGS:
            return False
        before = self.view.tokens[m.start - 1]
        word = self.view.words[m.start - 1]
        return (
            before.pos == "PROPN"
            and before.head == m.start
            and self.view.is_capitalised(m.start - 1)
            and word not in PARTY_ADJECTIVES
        ) or (  # "National People's Congress"
            word in {"'s", "’s"} and m.start > 2 and self.view.is_capitalised(m.start - 3)
        )

    def _us_party_of(self, i: int) -> int | None:
        """The start of "Republican" or "Democratic" right before the plural sector noun at
        ``i`` ("Republican lawmakers", "Democratic senators"), unless it ends a longer name
        ("the Social Democratic members"); None when there is none. One person's party
        ("the Republican president") does not change the office."""
        k = i - 1
        if k < 0 or self.view.words[k] not in PARTY_ADJECTIVES or self.view.tokens[i].tag != "NNS":
            return None
        if self.view.tokens[k].head != i or (k > 0 and self.view.is_capitalised(k - 1)):
            return None
        return k

    def _owned_sector(self, m: KBMatch, by_start: dict[int, KBMatch]) -> tuple[str, int] | None:
        """The sector of the noun a possessive country owns a few words on, and its end."""
        head = self.view.tokens[m.end - 1].head
        if self.view.tokens[m.end - 1].dep != "poss" or not m.end < head <= m.end + 4:
            return None
        owned = next(
            (x for x in by_start.values() if x.kind == "sector" and x.end - 1 == head), None
        )
        return (owned.sector, head + 1) if owned is not None and owned.sector else None

    def _sector_of_head(self, m: KBMatch, by_start: dict[int, KBMatch]) -> tuple[str | None, int]:
        """A demonym a few words before the people noun it modifies: "Turkish Kurd refugees",
        "angry French paper workers" → the noun's sector, the phrase to its end."""
        tokens = self.view.tokens
        last = tokens[m.end - 1]
        if last.dep not in {"amod", "compound", "nmod"}:
            return m.sector, m.end
        head = last.head
        while tokens[head].dep in {"compound", "amod"} and head < tokens[head].head <= m.end + 3:
            head = tokens[head].head  # "Turkish Kurd refugees": Turkish → Kurd → refugees
        if not m.end < head <= m.end + 3:
            return m.sector, m.end
        if any(not m.start <= tokens[i].head <= head for i in range(m.end, head)):
            return m.sector, m.end  # the words between must belong to the same phrase
        sector = next(
            (x for x in by_start.values() if x.kind == "sector" and x.end == head + 1), None
        )
        if sector is None or sector.sector is None or sector.start <= m.end - 1:
            return m.sector, m.end
        if any(tokens[i].dep in {"cc", "conj"} for i in range(m.end, head)):
            return sector.sector, m.end  # "US and British forces": US is the forces' too
        between = {self.view.words[i].lower() for i in range(m.end, head)}
        if sector.sector == "MIL" and between & COMMUNITIES:
            return "REB", head + 1  # "Syrian Kurdish forces": a community's, not the state's
        return sector.sector, head + 1

    def _counterparts(self, by_start: dict[int, KBMatch]) -> list[tuple[int, int, str, str]]:
        """ "his counterpart in South Korea", "counterparts from Japan": the office of the
        person they are the counterparts of, in the country named after them (start, end,
        country, sector of each; the country is read as theirs)."""
        words, found = self.view.words, []
        for i in range(len(words) - 2):
            if self.view.lemma(i) != "counterpart" or words[i + 1].lower() not in COUNTERPART_OF:
                continue
            k = i + 2 + (1 if words[i + 2].lower() == "the" else 0)
            anchor = by_start.get(k)
            if anchor is None or anchor.kind not in {"country", "capital"}:
                continue
            country = anchor.country or anchor.code[:3]
            found.append((i, anchor.end, country, self._counterpart_sector(i)))
            self.consumed.add(anchor.start)
        return found

    def _counterpart_sector(self, i: int) -> str:
        """A counterpart holds the office of the person it is the counterpart of: the sector
        of the last person named before it in the sentence (a minister's → GOV)."""
        sentence = self.view.tokens[i].sentence
        people = [
            f.actor
            for f in self.found
            if f.start < i
            and f.actor.key.startswith(PERSON_ID_PREFIX)
            and self.view.tokens[f.start].sentence == sentence
        ]
        return next((a.sector for a in reversed(people) if a.sector), "GOV")

    def _acting_equipment(self, k: int, start: int) -> int | None:
        """The end of a weapons noun at token ``k`` that heads the phrase from ``start`` and
        acts (a subject, or the agent after "by"), else None."""
        if k >= len(self.view):
            return None
        token = self.view.tokens[k]
        if token.lemma.lower() not in EQUIPMENT or token.pos != "NOUN":
            return None
        if any(self.view.tokens[i].head != k for i in range(start, k)):
            return None
        dep, governor = token.dep, self.view.tokens[token.head]
        if dep == "conj":  # "helicopters and tanks shelled": the first conjunct's role
            dep, governor = governor.dep, self.view.tokens[governor.head]
        acting = dep == "nsubj" or (dep == "pobj" and governor.lemma.lower() == "by")
        return k + 1 if acting else None

    def _community_of(self, i: int) -> int | None:
        """The ethnic or religious community that qualifies the forces noun at ``i`` ("Kurdish
        forces", "Moslem troops"), whose armed men CAMEO codes as rebels; None if none."""
        return next(
            (
                c
                for c in self.view.children(i)
                if c < i
                and self.view.tokens[c].dep in {"amod", "compound"}
                and self.view.lemma(c) in COMMUNITIES
            ),
            None,
        )

    def _fled_from(self, i: int, matches: list[KBMatch]) -> str | None:
        """The country people at ``i`` flee or escape, as CAMEO codes refugees by where they
        come from ("refugees fleeing the civil war in Liberia" → LBR)."""
        view = self.view
        fleeing = [
            c for c in view.children(i) if view.tokens[c].dep == "acl" and view.lemma(c) in FLEEING
        ]
        if not fleeing:
            return None
        inside = set(view.subtree(fleeing[0]))
        return next(
            (
                m.country or m.code[:3]
                for m in matches
                if m.start in inside and m.kind in {"country", "demonym", "capital"}
            ),
            None,
        )

    def _backed(self, i: int) -> bool:
        """Whether the noun at ``i`` is described by who backs it ("U.S.-backed fighters",
        "Iranian-backed militias"): its people are not the backer's, nor the story's by
        default (the backer is often what the story is about)."""
        view = self.view
        return any(
            k < i
            and (
                _backer_word(view.words[k])
                or (view.words[k].lower() in BACKERS and k > 0 and view.words[k - 1] == "-")
            )
            for k in view.subtree(i)
        )

    def _place_modifier_country(self, i: int, matches: list[KBMatch]) -> str | None:
        """The country of a town or region named before the sector noun at ``i`` as its
        modifier: "the Ghazni governor" → AFG, "Kandahar police" → AFG, "the Kirkuk provincial
        council" → IRQ (countries are read as anchors before: this is the gazetteer's places)."""
        if self.places is None:
            return None
        view = self.view
        modifiers = [c for c in view.children(i) if c < i and view.tokens[c].dep in MODIFIERS]
        modifiers += [  # "Kandahar city police": the town modifies the modifier
            k for c in modifiers for k in view.children(c) if view.tokens[k].dep in MODIFIERS
        ]
        known = {k for m in matches for k in range(m.start, m.end)}  # countries read apart
        for c in modifiers:
            if c in known or not view.is_capitalised(c):
                continue
            if (country := place_country(view, c, self.places)) is not None:
                return country
        return None


def no_sector(view: TextView, i: int) -> bool:
    """Whether the sector noun at ``i`` names no actor: a stance taken ("opposition to the
    measure"), or the "House" a name ends with ("Chatham House"; not "the U.S. House")."""
    if view.words[i] == "House" and i > 0 and view.tokens[i - 1].pos == "PROPN":
        before = view.words[i - 1]
        return view.is_capitalised(i - 1) and not (before.isupper() or "." in before)
    return view.lemma(i) == "opposition" and i + 1 < len(view) and view.words[i + 1] == "to"


def _backer_word(word: str) -> bool:
    """Whether ``word`` is one hyphened token naming a backer ("U.S.-backed")."""
    head, hyphen, tail = word.rpartition("-")
    return bool(head and hyphen) and tail.lower() in BACKERS


def _objects_of(view: TextView, i: int, prepositions: set[str]) -> list[int]:
    """The objects of the ``prepositions`` on token ``i`` ("a spokesman for [the Taliban]")."""
    preps = [c for c in view.children(i) if view.lemma(c) in prepositions]
    return [o for p in preps for o in view.children(p) if view.tokens[o].dep == "pobj"]
