"""Arguments of an event trigger in the dependency parse: the actors of a phrase, objects,
prepositions and the words that pick a lexicon entry (who did it: ``_doers.py``).

Works on token indices of a :class:`~communique.textview.TextView` and the actor mentions
the actor stage found; never on spaCy objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from communique.records import PERSON_ID_PREFIX, PRIVATE_PERSON, ActorMention
from communique.textview import TextView, child_with, place_inside

RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom", "what"})
# Dependents of a noun that may name who it belongs to: "Russia's war", "North Korean missiles".
OWNER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
# Plurals that a list of countries after "including" spells out.
COUNTRY_PLURALS = frozenset({"country", "nation", "state", "government", "ally", "power"})
# What an actor holds, so that acting on it acts on the actor: "shelled positions of the
# rebels", "raided the headquarters of the party", "attacked a convoy of the army".
HELD_BY_OWNER = frozenset(
    {"position", "base", "camp", "headquarters", "home", "house", "office", "convoy",
     "stronghold", "outpost", "installation", "facility", "property", "asset", "vessel",
     "ship", "aircraft", "building", "residence", "compound", "hideout", "checkpoint",
     "website", "network", "server", "system", "infrastructure", "port", "airport",
     "pipeline", "plant", "refinery"}
)  # fmt: skip
# Nouns for others seen from their owner: "America's allies", "Russia's neighbours" are not
# America or Russia.
RELATIONAL_NOUNS = frozenset(
    {"ally", "partner", "neighbour", "neighbor", "rival", "enemy", "adversary", "foe",
     "friend", "critic", "opponent", "creditor", "debtor", "client", "proxy"}
)  # fmt: skip
# Relations that act for whom they are named after: "Iran proxies" are Iran's doing.
AGENT_RELATIONS = frozenset({"proxy"})
# "rebel-held", "Taliban-controlled": the participle names who holds the place it modifies.
HOLDING_PARTICIPLES = frozenset({"hold", "control", "run", "occupy", "seize"})
# Labels the parser gives prepositions ("to" in "sent X to Y" is often "dative").
PREPOSITION_DEPS = frozenset({"prep", "agent", "dative"})
# Heads that stand for the group named after "of": "thousands of Nigerians".
COLLECTIVE_NOUNS = frozenset(
    {
        "thousand",
        "hundred",
        "dozen",
        "million",
        "score",
        "group",
        "member",
        "number",
        "some",
        "many",
        "most",
        "all",
        "part",
        "majority",
        "crowd",
        "band",
        "contingent",
        "delegation",
    }
)
# Modifiers before a head noun whose coordinated countries all qualify it ("US and British forces").
MODIFIER_DEPS = frozenset({"nmod", "amod", "compound"})


class ActorIndex:
    """Actor mentions by token, and the actors a phrase denotes."""

    def __init__(self, view: TextView, mentions: Sequence[ActorMention]) -> None:
        self.view = view
        self._at: dict[int, ActorMention] = {}
        for mention in sorted(mentions, key=lambda m: m.end - m.start, reverse=True):
            first = view.token_at(mention.start)
            k = first
            while k < len(view) and view.tokens[k].start < mention.end:
                self._at[k] = mention  # shorter mentions (pronouns) win over longer ones
                k += 1

    def at(self, i: int) -> ActorMention | None:
        """The actor mention covering token ``i``."""
        return self._at.get(i)

    def joined(self, i: int) -> list[ActorMention]:
        """The two actors a hyphen joins before the noun at ``i`` ("the Trump-Kim summit",
        "Russia-Ukraine talks"), in text order; none otherwise."""
        view = self.view
        for second in view.children(i):
            if view.tokens[second].dep != "compound" or (last := self.at(second)) is None:
                continue
            for first in view.children(second):
                hyphen = first + 1 < second and view.words[first + 1] == "-"
                if view.tokens[first].dep == "compound" and hyphen and (one := self.at(first)):
                    return [one, last] if one.actor_id != last.actor_id else []
        return []

    def of_phrase(self, i: int | None, *, owners: bool = True) -> list[ActorMention]:
        """The actors a noun phrase headed by token ``i`` names, coordination expanded.

        "China, North Korea and Iran" gives three; "Russia's war" gives Russia (the owner)
        when ``owners`` is set; "parts of Ahmedabad" gives the place inside; "the assistance"
        gives none.
        """
        if i is None:
            return []
        found: list[ActorMention] = []
        heads = []
        for head in self.conjuncts(i):
            member = self._member_of(head)  # "hundreds of protesters and troops": both
            heads += self.conjuncts(member) if member != head else [head]
        for head in heads:
            apposed = self.appositions(head)  # "Syria's allies, Russia and Iran": both
            mention = apposed[0] if apposed else self.at(head)
            if mention is None and owners and (pair := self.joined(head)):
                found += [m for m in pair if m not in found]  # "the Trump-Kim summit"
                continue
            mention = mention or (self._owner(head) if owners else None) or self._titled(head)
            if mention is None and (inside := place_inside(self.view, head)) is not None:
                mention = self.at(inside)  # "a curfew in parts of Ahmedabad"
            if mention is None and self.view.tokens[head].dep == "appos":
                # "Nadler, the committee chairman who had threatened …": the name it describes
                mention = self.at(self.view.tokens[head].head)
            if mention is None:
                found += [m for m in self._included(head) if m not in found]
            mentions = (
                [*self._hidden_conjuncts(head, mention), mention, *apposed[1:],
                 *self._of_coordinated(head), *self._second_subjects(head)] if mention else []
            )  # fmt: skip
            for one in (member for each in mentions for member in members_of(each)):
                if all(m.actor_id != one.actor_id for m in found):
                    found.append(one)
        return found

    def _of_others(self, i: int) -> bool:
        """Whether the relation at ``i``, named after a person or a state, is others ("Trump
        allies", "Kremlin critics"); an organisation's allies are its members ("NATO allies"),
        and proxies act for whom they are named after ("Iran proxies")."""
        if self.view.lemma(i) in AGENT_RELATIONS:
            return False
        owners = [m for c in self.view.children(i) if (m := self.at(c)) is not None]
        return any(not m.code.startswith(("IGO", "NGO")) for m in owners)

    def _titled(self, head: int) -> ActorMention | None:
        """The person a written title heading the phrase names, when the parser made the title
        the head and hung the name below it ("met Japanese Minister of Foreign Affairs Taro
        Kono": "Minister" is the object, "Kono" the object of "of")."""
        view = self.view
        if view.tokens[head].pos != "PROPN":
            return None
        below = set(view.subtree(head))
        for k in range(head + 1, min(head + TITLE_REACH, len(view))):
            if k not in below:
                return None
            if (mention := self.at(k)) is not None:
                return mention if is_person(mention) else None
            if not view.words[k][:1].isupper() and view.words[k].lower() not in TITLE_LINKS:
                return None
        return None

    def _included(self, head: int) -> list[ActorMention]:
        """ "Several countries, including Turkey and Russia": the actors the phrase lists; for a
        plural of countries or governments, also a list the parser hung further on in the
        sentence ("Other countries expressed support after the attack, including Turkey")."""
        view = self.view
        objects = prepositional_objects(view, head, ("including",))
        if not objects and view.lemma(head) in COUNTRY_PLURALS and view.words[head].endswith("s"):
            objects = [
                obj
                for k in view.sentence_range(view.tokens[head].sentence)
                if k > head and view.words[k].lower() == "including"
                for obj in view.children(k)
                if view.tokens[obj].dep == "pobj"
            ]
        for obj in objects[:1]:
            return [m for k in self.conjuncts(obj) if (m := self.at(k)) is not None]
        return []

    def _of_coordinated(self, head: int) -> list[ActorMention]:
        """ "The leaders of France, Germany and Britain", "officials from the U.S., Canada and
        Mexico": the actors coordinated after the head's own "of"/"from"/"in" (the first is
        part of its mention)."""
        mention = self.at(head)
        if mention is None:
            return []
        for obj in prepositional_objects(self.view, head, OF_FROM_IN):
            if self.at(obj) is mention:
                others = (self.at(k) for k in self.conjuncts(obj) if k != obj)
                return [m for m in others if m is not None and m is not mention]
        for modifier in self.view.children(head):  # "US and British forces": US is theirs too
            if modifier > head or self.view.tokens[modifier].dep not in MODIFIER_DEPS:
                continue
            members = [self.at(k) for k in self.conjuncts(modifier)]
            if any(m is mention for m in members):
                return [m for m in members if m is not None and m is not mention]
        return []

    def _hidden_conjuncts(self, head: int, mention: ActorMention) -> list[ActorMention]:
        """Actors joined to a subject by "and" that the parser hung inside its phrase ("South
        Korean President Moon Jae-in and North Korean leader Kim Jong Un held talks", with
        Moon's name a modifier of "Un"), when the subject has no conjunct of its own."""
        view = self.view
        if view.tokens[head].dep not in {"nsubj", "nsubjpass"} or any(
            view.tokens[c].dep == "conj" for c in view.children(head)
        ):
            return []
        found: list[ActorMention] = []
        first = view.token_at(mention.start)
        for k in view.subtree(head):
            if k >= first:
                break  # only before the subject's own name ("Blinken, who … and helped")
            if view.words[k].lower() == "and" and k > 0 and view.tokens[k].dep == "cc":
                before = self.at(k - 1)
                if before is not None and before.actor_id != mention.actor_id:
                    found.append(before)
        return found

    def _second_subjects(self, head: int) -> list[ActorMention]:
        """A second subject the parser gave the verb after an "and" on the first ("Moon Jae-in
        and Chinese Premier Li Keqiang held talks", both hung on "held")."""
        view = self.view
        token = view.tokens[head]
        if token.dep != "nsubj" or not any(
            view.tokens[c].dep == "cc" and view.words[c].lower() == "and"
            for c in view.children(head)
        ):
            return []
        return [
            m
            for c in view.children(token.head)
            if c > head and view.tokens[c].dep == "nsubj" and (m := self.at(c)) is not None
        ]

    def conjuncts(self, i: int) -> list[int]:
        """Token ``i`` and the heads coordinated with it ("A, B and C")."""
        result, stack = [], [i]
        while stack:
            k = stack.pop()
            result.append(k)
            stack.extend(c for c in self.view.children(k) if self.view.tokens[c].dep == "conj")
        return sorted(result)

    def _member_of(self, i: int) -> int:
        """ "Thousands of Nigerians", "members of the union": the group named after "of"."""
        view = self.view
        if self.at(i) is not None or not (
            view.lemma(i) in COLLECTIVE_NOUNS or view.tokens[i].pos == "NUM"
        ):
            return i
        for child in view.children(i):
            if view.tokens[child].dep == "prep" and view.words[child].lower() == "of":
                objects = [c for c in view.children(child) if view.tokens[c].dep == "pobj"]
                if objects:
                    return objects[0]
        return i

    def apposed(self, i: int) -> ActorMention | None:
        """A more specific actor in apposition: "its leader, Kim Jong Un" → Kim Jong Un."""
        found = self.appositions(i)
        return found[0] if found else None

    def appositions(self, i: int) -> list[ActorMention]:
        """The actors in apposition to token ``i``, the one apposed first, then those
        coordinated with it ("Syria's two allies, Russia and Iran": both)."""
        for child in self.view.children(i):
            if self.view.tokens[child].dep != "appos" or not self._next_to(i, child):
                continue
            if first := self.at(child):
                others = (self.at(k) for k in self.conjuncts(child) if k != child)
                return [first, *(m for m in others if m is not None)]
        return []

    def _next_to(self, head: int, appos: int) -> bool:
        """Whether the apposition at ``appos`` follows its head's phrase with nothing of
        another phrase between (the parser also hangs a phrase from the end of the sentence
        on a subject: "The spokesman, X, on Monday ridiculed …, according to IRNA, the
        state-run news agency")."""
        view = self.view
        own = set(view.subtree(head))
        first = min(view.subtree(appos))
        return all(k in own for k in range(head + 1, first))

    def _owner(self, i: int) -> ActorMention | None:
        relational = self.view.lemma(i) in RELATIONAL_NOUNS  # "America's allies" are others
        for dep in OWNER_DEPS:
            if relational and dep == "poss":
                continue
            if relational and dep == "compound" and self._of_others(i):
                continue  # "Trump allies", "U.S. friends": others ("NATO allies" are NATO's)
            for child in self.view.children(i):
                if self.view.tokens[child].dep == dep and (mention := self.at(child)):
                    return mention
        for child in self.view.children(i):  # "a US Army base": the base's owner is American
            holding = self.view.lemma(child) in HOLDING_PARTICIPLES
            if holding and self.view.tokens[child].dep == "amod":
                for holder in self.view.children(child):  # "the rebel-held enclave": the rebels'
                    if (mention := self.at(holder)) is not None:
                        return mention
            if self.view.tokens[child].dep == "compound" and self.at(child) is None:
                for grandchild in self.view.children(child):
                    mention = self.at(grandchild)
                    if mention is not None and self.view.tokens[grandchild].dep in OWNER_DEPS:
                        return mention
        if self.view.lemma(i) in HELD_BY_OWNER:  # "shelled positions of the rebels"
            for obj in prepositional_objects(self.view, i, ("of",)):
                if (mention := self.at(obj)) is not None:
                    return mention
        return None


OF_FROM_IN = frozenset({"of", "from", "in"})
# How far after a title's head its holder's name may start, and the small words inside a title
# ("Minister of State for the Middle East").
TITLE_REACH = 8
TITLE_LINKS = frozenset({"of", "for", "the"})


def is_passive(view: TextView, verb: int) -> bool:
    """Whether ``verb`` is a passive ("to be denied", "are set to"): its subject is what it
    acts on."""
    return child_with(view, verb, {"auxpass"}) is not None


def object_of(view: TextView, verb: int) -> int | None:
    """The direct object; a relative pronoun stands for the noun the clause modifies. A name
    the parser reads as an object predicate is the object when there is no other ("Macron
    called Putin on Friday" parsed like "called him a liar")."""
    obj = child_with(view, verb, {"dobj", "obj"})
    if obj is None and (predicate := child_with(view, verb, {"oprd"})) is not None:
        obj = predicate if view.tokens[predicate].pos == "PROPN" else None
    if (
        obj is not None
        and view.lemma(obj) in RELATIVE_PRONOUNS
        and view.tokens[verb].dep == "relcl"
    ):
        return view.tokens[verb].head
    return obj


def is_person(mention: ActorMention) -> bool:
    """Whether a mention is one person named (coded by name, not a body)."""
    return mention.actor_id.startswith(PERSON_ID_PREFIX)


def prepositional_objects(view: TextView, i: int, preps: Iterable[str]) -> list[int]:
    """Objects of the prepositions ``preps`` attached to token ``i`` ("to Russia"); a
    preposition the parser tags as a particle still has its object ("called on Trump")."""
    wanted = {p.lower() for p in preps}
    found: list[int] = []
    for child in view.children(i):
        dep = view.tokens[child].dep
        if (dep in PREPOSITION_DEPS or dep == "prt") and view.words[child].lower() in wanted:
            found.extend(c for c in view.children(child) if view.tokens[c].dep == "pobj")
    return found


def particles_of(view: TextView, verb: int) -> set[str]:
    """Particles and prepositions attached to a verb ("up" in "step up", "for" in "call for").

    A preposition that only dates the event ("on Friday") is not a particle.
    """
    return {
        view.words[c].lower()
        for c in view.children(verb)
        if view.tokens[c].dep in {"prt", *PREPOSITION_DEPS} and not _is_time_phrase(view, c)
    }


def _is_time_phrase(view: TextView, prep: int) -> bool:
    objects = [c for c in view.children(prep) if view.tokens[c].dep == "pobj"]
    return bool(objects) and all(view.tokens[o].ent_type in {"DATE", "TIME"} for o in objects)


def argument_lemmas(view: TextView, i: int, obj: int | None) -> list[str]:
    """Lemmas that decide an entry's object class: the object, and objects of prepositions.

    "called for talks", "accused X of genocide", "the delivery of tanks".
    """
    lemmas = phrase_lemmas(view, obj)
    predicate = child_with(view, i, {"oprd"})  # "called the probe a witch hunt"
    if predicate is not None and predicate != obj:
        lemmas += phrase_lemmas(view, predicate)
        lemmas += [view.lemma(c) for c in view.children(predicate) if view.tokens[c].dep == "conj"]
    for head in (i, obj):
        if head is None:
            continue
        for child in view.children(head):
            if view.tokens[child].dep in PREPOSITION_DEPS and not _is_time_phrase(view, child):
                for pobj in view.children(child):
                    if view.tokens[pobj].dep == "pobj":
                        lemmas += phrase_lemmas(view, pobj)
    return lemmas


def phrase_lemmas(view: TextView, i: int | None) -> list[str]:
    """Lemmas of a noun and its compound/amod modifiers ("ballistic missiles" → missile …),
    and of a name's title that the parser hung on it ("Secretary of State Mike Pompeo")."""
    if i is None:
        return []
    deps = {"compound", "amod", "nmod"} if view.tokens[i].pos == "PROPN" else {"compound", "amod"}
    lemmas = [view.lemma(i)]
    lemmas += [view.lemma(c) for c in view.children(i) if view.tokens[c].dep in deps]
    return lemmas


def members_of(mention: ActorMention) -> list[ActorMention]:
    """A named group of countries as its member states ("the Nordic states" → five mentions
    at the group's place, one per member), any other mention as itself. A member nothing
    identifies (a private person among "the two men") is no party to an event."""
    if not mention.members:
        return [mention]
    return [
        replace(
            mention,
            actor_id=code,
            code=code,
            name=code,
            country=code[:3],
            sector=code[3:6] or None,  # a member named with its office ("the two leaders")
            members=(),
        )
        for code in mention.members
        if code != PRIVATE_PERSON
    ]


# Where a noun phrase stands in its clause: a word there with an article or an owner before
# it is a noun, whatever the tagger says.
NOMINAL_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"})


def reads_as_noun(view: TextView, i: int) -> bool:
    """Whether token ``i`` is a noun: tagged one, or tagged a verb where the parse has it head
    a noun phrase, with an owner or an article before it ("Macron's May 3 call with Xi":
    "call" tagged a verb)."""
    token = view.tokens[i]
    if token.pos == "NOUN":
        return True
    if token.pos != "VERB" or token.dep not in NOMINAL_ROLES:
        return False
    return any(
        c < i
        and (
            view.tokens[c].dep == "poss"
            or (view.tokens[c].dep == "det" and view.lemma(c) in {"the", "a", "an"})
        )
        for c in view.children(i)
    )
