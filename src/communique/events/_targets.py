"""Whom an act is aimed at: the dependency coder's target readings (``coder.py``).

The object, the dative and the prepositions the lexicon names come first; then, for a verb
with none, whom its object names in other ways ("rejected an offer from the government",
"cancelled a visit by Erdogan"), whom it holds responsible, helps, or leaves talks with, and
the subjects of the clause it reports.
"""

from __future__ import annotations

from communique.events._arguments import (
    COLLECTIVE_NOUNS,
    ActorIndex,
    is_passive,
    object_of,
    prepositional_objects,
)
from communique.events._doers import ACCOUNTABLE, owned_patients
from communique.events.lexicon import LexiconEntry
from communique.records import ActorMention
from communique.textview import TextView, child_with

# Appeals, demands and threats aim at the subject of the clause they govern.
CLAUSE_TARGET_ROOTS = frozenset({"02", "10", "13"})
# Verbs that report a claim about someone, whom a claim is about when the lexicon codes nothing
# ("McMaster said Russia interfered in the election").
REPORTING_VERBS = frozenset(
    {"say", "tell", "claim", "allege", "charge", "insist", "argue", "assert"}
)
# Uses of force against a place hit whoever holds it: "Israel struck targets in Lebanon".
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
PLACE_PREPOSITIONS = ("in", "into", "on", "at", "across", "over", "near")
# Verbs of force whose place is what they act on, whatever the lexicon's reading of the word
# ("gunmen stormed a hotel in Gwadar": the lexicon's "storm" is a riot).
FORCE_VERBS = frozenset(
    {"storm", "raid", "attack", "bomb", "shell", "strike", "hit", "besiege", "invade", "ambush"}
)
# Talks and deals whose other party ("talks with South Korea") is what acting on them acts on.
TALK_NOUNS = frozenset(
    {"talk", "talks", "negotiation", "summit", "meeting", "dialogue", "deal", "agreement",
     "treaty", "pact", "accord", "truce", "ceasefire", "relation", "tie"}
)  # fmt: skip
# What a verb is about, and the parties the parser may hang on it instead of on the verb
# ("talked about denuclearization with the South Koreans").
TOPIC_PREPS = ("about", "on", "over", "regarding")
PARTY_PREPS = frozenset({"with", "to"})
# Particles of leaving that carry the preposition of what is left ("pulled out of").
AWAY = frozenset({"out", "away"})
# Offices a country opens or closes in another: the host is what the act is about.
HOSTED_OFFICES = frozenset({"embassy", "consulate", "mission", "legation"})
# What one actor puts to another: a response to it acts on its author, named after "from" or
# "by" ("rejected an offer from the Afghan government", "denied charges by the clergy").
AUTHORED_NOUNS = frozenset(
    {"offer", "request", "proposal", "demand", "call", "appeal", "plea", "invitation",
     "suggestion", "bid", "ultimatum", "charge", "accusation", "allegation", "claim",
     "criticism", "decision", "plan", "initiative", "resolution", "ruling", "order",
     "warning", "threat"}
)  # fmt: skip
# Event nouns whose "from" phrase names who made them ("a request from Democratic lawmakers",
# "criticism from the EU", "aid from Japan to Haiti"), as a "by" phrase does for any event noun
# ("a visit by the president"). Not a demand ("demands from the protesters" and "demanded
# concessions from Iran" differ) nor what moves away ("a withdrawal from Syria").
FROM_AUTHORED = frozenset(
    {"request", "proposal", "appeal", "plea", "invitation", "ultimatum", "accusation",
     "allegation", "criticism", "condemnation", "warning", "threat", "praise", "support",
     "assistance", "aid", "apology", "visit", "call"}
)  # fmt: skip


def agent_prepositions(lemma: str) -> tuple[str, ...]:
    """The prepositions whose object made the event noun ``lemma``."""
    return ("by", "from") if lemma in FROM_AUTHORED else ("by",)


# Verbs whose object is what is talked about, never whom: "Lavrov and Pompeo discussed Syria"
# is a talk between the two, not with Syria (the partner follows "with").
TOPIC_VERBS = frozenset({"discuss", "debate"})
# Verbs of a purpose clause whose object is whom aid goes to ("sent food to help Haiti").
HELPING = frozenset({"help", "assist", "support", "aid"})
# Verbs whose object is what is sent or moved, never the receiver: "North Korea sent its spy
# chief to lead the delegation", "Trump pulled the U.S. out of the deal" have no target in
# their object ("sent Iran a letter" still has its dative); nor "contributed troops to".
SENDING_VERBS = frozenset({"send", "dispatch", "deploy", "pull", "contribute", "commit"})
# Verbs whose object is never their target, on either count above.
OBJECT_NOT_TARGET = SENDING_VERBS | TOPIC_VERBS
# Verbs that move forces: in the passive with no agent, the forces are the ones who move.
FORCE_MOVES = frozenset(
    {"withdraw", "deploy", "redeploy", "send", "dispatch", "station", "pull", "move", "airlift",
     "evacuate", "transfer", "return", "mobilize", "mobilise", "position"}
)  # fmt: skip
# Nouns of forces moving: forces named after "of" are the ones who move.
FORCE_MOVE_NOUNS = frozenset({"withdrawal", "deployment", "redeployment", "pullout", "drawdown"})
# Verbs that send people: in the passive, whom they send goes there ("was sent to Seoul").
ENVOY_MOVES = frozenset({"send", "dispatch"})
# Where a country's own forces are moved to, from or within.
FORCE_PLACE_PREPOSITIONS = ("in", "into", "to", "from", "inside", "across", "toward", "towards")
# Measures one actor takes against another, whose owner acts when they are imposed or lifted.
MEASURES = frozenset(
    {"sanction", "embargo", "tariff", "ban", "restriction", "blockade", "boycott", "aid"}
)
# The prepositions after a quantity that name what it counts ("dozens of artifacts",
# "$255 million in military aid").
COUNTING = ("of", "in")
# A state's civil offices, which act for their country and never on it as a thing's owner.
OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD"})
OWNING_DEPS = frozenset({"amod", "compound", "nmod", "poss", "dobj"})
# Roots of a reaction to what was done to someone (praise, criticism, rejection, protest):
# the one it was done to is not whom the reaction is aimed at. Not a demand: "ordered
# Soleimani's killing" aims it at him.
JUDGING_ROOTS = frozenset({"05", "11", "12", "14"})


class TargetReader:
    """Whom a verb acts on; a part of ``DependencyCoder``, which holds the parse and actors."""

    view: TextView
    actors: ActorIndex

    def _own_country_as_thing(self, source: ActorMention, target: ActorMention) -> bool:
        """Whether the target is only the source's own country (or body) as the owner of a
        thing or as what it moves ("an envoy promised Washington's support", "access to the
        U.S. financial system", "withdrew the U.S. from the deal": no act on the United States);
        a place after a preposition stays ("lifted the emergency in parts of South Sudan")."""
        k = self.view.token_at(target.end) - 1  # the mention's last word
        own = {source.code[:3]}
        if "/" not in target.actor_id and self.view.tokens[k].dep == "poss":
            own.add(source.code)  # "Washington's support", promised by its envoy
        if target.code not in own or source.code[3:6] not in OFFICE_SECTORS:
            return False
        return self.view.tokens[k].dep in OWNING_DEPS

    def _targets(
        self, verb: int, entry: LexiconEntry, obj: int | None, own: set[str] | None = None
    ) -> list[ActorMention]:
        """Whom the verb acts on; ``own`` are the subject's actor ids, which a prepositional
        phrase's owner does not stand for ("thanked Trump for his courage" when "his" is the
        thanker's is Trump)."""
        view = self.view
        dative = child_with(view, verb, {"dative"})
        found = (
            []
            if dative is None or view.tokens[dative].pos == "ADP"
            else self.actors.of_phrase(dative)
        )
        for pobj in self._preposition_objects(verb, obj, entry.target_preps):
            found += [m for m in self.actors.of_phrase(pobj) if m.actor_id not in (own or ())]
        if not found and obj is not None and view.lemma(obj) in HOSTED_OFFICES:
            for pobj in self._preposition_objects(verb, obj, ("in",)):
                found += self.actors.of_phrase(pobj)  # "opened an embassy in Tehran": Iran
        if not found and obj is not None and (named := _first_object(view, obj)) is not None:
            found = self.actors.of_phrase(named)  # "called Trump a smart man": Trump
        if not found and view.lemma(verb) not in OBJECT_NOT_TARGET:
            found = self.actors.of_phrase(obj)
            if entry.cameo[:2] in JUDGING_ROOTS and obj is not None:
                # "condemned Navalny's arrest": not Navalny but who arrested him (a "by"
                # phrase names them)
                undergone = owned_patients(view, self.actors, obj)
                found = [m for m in found if m not in undergone]
        if not found:
            found = self._held_to_account(verb)  # "holds Russia responsible for the attack"
        if not found and obj is not None:
            # "rejected an offer from the government", "cancelled a planned visit by Erdogan"
            preps = ("from", "by") if view.lemma(obj) in AUTHORED_NOUNS else ("by",)
            for pobj in prepositional_objects(view, obj, preps):
                found += self.actors.of_phrase(pobj)
            if not found and not is_passive(view, verb):
                # an active verb has no agent of its own: the parser hung the object's "by" on
                # the verb ("criticized joint military exercises by the United States")
                after = [p for p in prepositional_objects(view, verb, ("by",)) if p > obj]
                found = [m for pobj in after for m in self.actors.of_phrase(pobj)]
        if not found and obj is not None and view.lemma(obj) in MEASURES:
            found = self._measure_imposed_on(obj)  # "lifted the ban imposed on the LTTE"
        if not found and entry.plover == "AID":
            found = self._helped(verb, obj)  # "donated ventilators to assist Ethiopia"
        if not found and obj is None and view.lemma(verb) in HELPING:
            found = self._helped_to_do(verb)  # "help train the army", "helped Kenya rebuild"
        if not found:
            found = self._party_to_talks(verb, obj)  # "pulled out of talks with South Korea"
        if not found and entry.cameo[:2] in CLAUSE_TARGET_ROOTS:
            found = self._clause_subjects(verb, owners=True)  # "demanded that Mugabe abandon"
        if not entry.cameo and view.lemma(verb) in REPORTING_VERBS:
            # the press it is told to is no target ("told NBC News that …"); what is said
            # about someone or their conduct is about them ("said Russia interfered", "said
            # Chile's handling of the talks failed")
            found = [m for m in found if not is_press(m)]
            found = found or self._clause_subjects(verb, {"nsubj"}, owners=True)
        if not found and (entry.plover in PLACE_TARGET_TYPES or view.lemma(verb) in FORCE_VERBS):
            for pobj in self._preposition_objects(verb, obj, PLACE_PREPOSITIONS):
                found += self.actors.of_phrase(pobj)  # "struck targets in Lebanon", "a hotel in X"
        return found

    def _held_to_account(self, verb: int) -> list[ActorMention]:
        """Whom a verb holds responsible, written as the subject of the judgement the parser
        hangs below it ("holds Russia responsible", "considers Iran accountable")."""
        view = self.view
        for clause in view.children(verb):
            if (
                view.tokens[clause].dep in {"ccomp", "xcomp", "oprd"}
                and view.lemma(clause) in ACCOUNTABLE
            ):
                subject = child_with(view, clause, {"nsubj"})
                if subject is not None:
                    return self.actors.of_phrase(subject)
        return []

    def _measure_imposed_on(self, measure: int) -> list[ActorMention]:
        """Whom a measure was imposed on, named in the clause that describes it ("the ban
        imposed on the LTTE", "the restrictions that they imposed on aid agencies")."""
        view = self.view
        return [
            m
            for clause in view.children(measure)
            if view.tokens[clause].dep in {"acl", "relcl"}
            for pobj in prepositional_objects(view, clause, ("on", "against"))
            for m in self.actors.of_phrase(pobj)
        ]

    def _helped(self, verb: int, obj: int | None) -> list[ActorMention]:
        """Whom aid is given to help, named in its purpose clause on the verb or its object
        ("donated ventilators to assist Ethiopia with its response")."""
        view = self.view
        heads = [verb] if obj is None else [verb, obj]
        return [
            m
            for head in heads
            for clause in view.children(head)
            if view.tokens[clause].dep in {"advcl", "xcomp", "acl"}
            and view.lemma(clause) in HELPING
            for m in self.actors.of_phrase(object_of(view, clause))
        ]

    def _helped_to_do(self, verb: int) -> list[ActorMention]:
        """Whom help with no object helps: the subject of the clause it helps to do ("helped
        Kenya rebuild its schools"), else that clause's object ("will help train the army")."""
        view = self.view
        found: list[ActorMention] = []
        for clause in view.children(verb):
            if view.tokens[clause].dep in {"xcomp", "ccomp"}:
                subject = child_with(view, clause, {"nsubj"})
                found += self.actors.of_phrase(subject if subject is not None else
                                               object_of(view, clause))  # fmt: skip
        return found

    def _places_moved(self, verb: int, obj: int | None) -> list[ActorMention]:
        """The places forces are moved to, from or within by ``verb``."""
        return [
            m
            for pobj in self._preposition_objects(verb, obj, FORCE_PLACE_PREPOSITIONS)
            for m in self.actors.of_phrase(pobj)
        ]

    def _party_to_talks(self, verb: int, obj: int | None) -> list[ActorMention]:
        """The other party of the talks, summit or deal the verb acts on ("pulled out of
        planned peace talks with South Korea", "cancelled the summit with the U.S.")."""
        view = self.view
        preps = ("of", "from", "on", "to", "into")
        # the verb, an infinitive it governs ("threatened to back away from"), and their
        # particles ("pulled out of talks with X")
        clauses = [verb, *(c for c in view.children(verb) if view.tokens[c].dep == "xcomp")]
        heads = [
            k
            for h in clauses
            for k in (h, *(c for c in view.children(h) if view.words[c].lower() in AWAY))
        ]
        nouns = [obj] if obj is not None else []
        nouns += [n for h in heads for n in prepositional_objects(view, h, preps)]
        for noun in nouns:
            if view.lemma(noun) in TALK_NOUNS:
                parties = prepositional_objects(view, noun, ("with", "between"))
                found = [m for p in parties for m in self.actors.of_phrase(p)]
                if found:
                    return found
        return []

    def _clause_subjects(
        self,
        verb: int,
        deps: frozenset[str] | set[str] = frozenset({"nsubj", "nsubjpass"}),
        owners: bool = False,
    ) -> list[ActorMention]:
        view = self.view
        for clause in view.children(verb):
            if view.tokens[clause].dep in {"ccomp", "xcomp"}:
                subject = child_with(view, clause, set(deps))
                if subject is not None:
                    # "warned that Pyongyang's charm offensive was fooling no one": its owner
                    return self.actors.of_phrase(subject, owners=owners)
        return []

    def _preposition_objects(self, verb: int, obj: int | None, preps: tuple[str, ...]) -> list[int]:
        """Objects of ``preps`` on the verb or on its object ("received aid from France"), or
        on what a quantity object counts ("returned dozens of artifacts to El Salvador")."""
        view = self.view
        found = prepositional_objects(view, verb, preps)
        if not found and (party := tuple(p for p in preps if p in PARTY_PREPS)):
            for topic in prepositional_objects(view, verb, TOPIC_PREPS):
                found += prepositional_objects(view, topic, party)  # "talked about X with Y"
        if obj is not None:
            for each in (obj, *(c for c in view.children(obj) if view.tokens[c].dep == "conj")):
                found += prepositional_objects(view, each, preps)  # "aid and arms deals with X"
            if quantity(view, obj):
                # "dozens of artifacts to", "$255 million in military aid to Pakistan"
                for counted in prepositional_objects(view, obj, COUNTING):
                    found += prepositional_objects(view, counted, preps)
        return found


def quantity(view: TextView, i: int) -> bool:
    """Whether token ``i`` is a quantity ("dozens", "255", "million")."""
    return view.lemma(i) in COLLECTIVE_NOUNS or view.tokens[i].pos == "NUM"


def is_press(mention: ActorMention) -> bool:
    """Whether a mention is the news media, which one speaks through rather than acts on."""
    return mention.code.endswith("MED")


def _first_object(view: TextView, obj: int) -> int | None:
    """A name the parser hung on the object as a modifier, though it comes before the
    object's own article: the first of two objects ("called Trump a smart man", "named
    Lopez its envoy" parsed as "[Trump a smart man]")."""
    articles = [c for c in view.children(obj) if view.tokens[c].dep == "det"]
    for child in view.children(obj):
        token = view.tokens[child]
        if token.dep == "nmod" and token.pos == "PROPN" and articles and child < articles[0]:
            return child
    return None
