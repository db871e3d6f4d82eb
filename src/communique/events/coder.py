"""The dependency-pattern event coder: triggers, arguments, direction, then one event per dyad.

For each verb or event noun the lexicon knows, the coder reads its arguments from the parse:

* verbs: subject → object, dative or prepositional target; passives swap
  ("is supported by China, North Korea and Iran" → three events, each → Russia); verbs of
  receiving and obtaining invert ("Moscow received North Korean missiles" → PRK → RUS);
  subjects pass down to governed verbs ("promised to deepen ties and support X");
  relative clauses take the noun they modify ("the assistance that Russia may provide");
* nouns: the possessor or an actor adjective is the source ("Putin's visit to the DPRK"),
  else the subject of the verb the noun hangs from ("held talks with …", "in talks with its
  leader …"); prepositions give the target;
* coordination expands compound actors; a symmetric event with a compound subject and no
  target pairs the members ("Russia and North Korea stepped up their cooperation");
* light verbs hand their object noun the event ("stepped up cooperation", "held talks").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from communique.events._arguments import (
    ActorIndex,
    argument_lemmas,
    is_passive,
    is_person,
    object_of,
    particles_of,
    prepositional_objects,
    reads_as_noun,
)
from communique.events._doers import (
    PATIENT_NOUNS,
    judged_doer,
    misparsed_main_verb,
    own_doer,
    owned_patients,
    subject_of,
)
from communique.events._targets import (
    AWAY,
    COUNTING,
    ENVOY_MOVES,
    FORCE_MOVE_NOUNS,
    FORCE_MOVES,
    MEASURES,
    REPORTING_VERBS,
    TALK_NOUNS,
    TargetReader,
    agent_prepositions,
    quantity,
)
from communique.events.lexicon import Lexicon, LexiconEntry
from communique.records import PLACE_ID_PREFIX, ActorMention
from communique.textview import TextView, child_with

# Verbs that carry no event of their own when their object is an event noun.
LIGHT_VERBS = frozenset(
    {"have", "hold", "make", "take", "step", "deepen", "expand", "continue", "begin", "start",
     "resume", "renew", "restart", "conduct", "carry", "pay", "give", "launch", "intensify",
     "strengthen", "boost", "increase", "enhance", "broaden", "seek", "stage", "mount", "keep",
     "add"}
)  # fmt: skip
VERB_POS = frozenset({"VERB"})
# What is met without meeting anyone: "met the conditions", "meet the deadline".
REQUIREMENTS = frozenset(
    {"condition", "demand", "requirement", "target", "deadline", "goal", "expectation",
     "standard", "criterion", "obligation", "need", "threshold", "commitment", "quota"}
)  # fmt: skip
# Verbs that report an obligation laid on someone ("said Iran must stop"), and the modals of it.
DEMAND_CUES = frozenset(
    {"say", "insist", "stress", "declare", "warn", "tell", "state", "announce", "reaffirm",
     "reiterate"}
)  # fmt: skip
OBLIGATION_AUXILIARIES = frozenset({"must", "should"})
# Verbs whose subject undergoes the act its object names, done by someone else; those of
# receiving make the subject its target ("drew criticism from lawmakers", "faced a backlash
# from Republicans"; "receive" is the lexicon's, read the other way round).
RECEIVING_VERBS = frozenset({"draw", "face", "attract", "earn", "incur", "garner"})
UNDERGOING_VERBS = RECEIVING_VERBS | {"survive", "escape", "suffer", "endure", "withstand", "evade"}
# Verbs whose event-noun object codes the event in their place.
NOUN_CARRIERS = LIGHT_VERBS | RECEIVING_VERBS
# Participles whose passive with "to" is a state of the subject, not an act done to it: "Israel
# is opposed to French mediation" is Israel's act on the mediation's owner.
STATIVE_PASSIVES = frozenset({"oppose", "commit", "dedicate", "devote"})
# Infinitives after "be" whose subject undergoes the act: "Iran is to blame" (is blamed).
PASSIVE_INFINITIVES = frozenset({"blame"})
# Sectors of a country's armed and security forces.
FORCE_SECTORS = frozenset({"MIL", "COP", "SPY"})
# Acts whose "by" names who did them, when a passive's victim fell in one ("was killed in an
# attack by militants").
OWNER_DEPS = frozenset({"compound", "poss", "amod"})
ATTACK_NOUNS = frozenset(
    {"attack", "strike", "airstrike", "raid", "ambush", "assault", "bombing", "shelling"}
)


@dataclass(frozen=True, slots=True)
class Dyad:
    """One coded event before modality, dates and the ontology are added."""

    trigger: int
    entry: LexiconEntry
    source: ActorMention
    target: ActorMention | None
    inherited: bool  # the source was found away from the trigger (lower confidence)
    decided: float | None = None  # the learned decision's confidence, once it coded the dyad
    reported: float | None = None  # the confidence reported with the event (its reliability)


# In proposal mode, a verb the lexicon does not code still proposes a candidate with this
# entry: its arguments read the usual way, its code left to the learned decision.
PROPOSED = LexiconEntry(
    cameo="",
    plover=None,
    mode=None,
    pos="verb",
    lemma="",
    particle=None,
    object_class=None,
    direction="forward",
    target_preps=("to", "with", "against", "on", "at", "for", "into", "toward", "towards", "among"),
    modality=None,
    example="",
)


class DependencyCoder(TargetReader):
    """Finds dyads in one sentence at a time.

    With ``propose=True`` (the learned decision's candidates) every verb with an actor as
    its subject proposes dyads, not only the verbs the lexicon codes; a verb the lexicon
    does not code (or not with this object) carries :data:`PROPOSED` as its entry.
    """

    def __init__(
        self, view: TextView, actors: ActorIndex, lexicon: Lexicon, *, propose: bool = False
    ) -> None:
        self.view = view
        self.actors = actors
        self.lexicon = lexicon
        self.propose = propose
        self.verbs = lexicon.lemmas("verb")
        self.nouns = lexicon.lemmas("noun")

    def code_sentence(self, sentence: int) -> Iterator[Dyad]:
        """Every dyad whose trigger lies in sentence number ``sentence``."""
        for i in self.view.sentence_range(sentence):
            token = self.view.tokens[i]
            lemma = self.view.lemma(i)
            if lemma in self.nouns and reads_as_noun(self.view, i):
                yield from self._code_noun(i)  # also a noun the tagger read as a verb
            elif token.pos in VERB_POS and (
                self.propose or lemma in self.verbs or lemma in DEMAND_CUES
            ):
                yield from self._code_verb(i)

    # -- verbs --------------------------------------------------------------------------

    def _code_verb(self, verb: int) -> Iterator[Dyad]:
        view = self.view
        if view.lemma(verb) in DEMAND_CUES and (demand := self._must_clause(verb)) is not None:
            yield from demand  # "Trump said North Korea must …": a demand on North Korea
            return
        obj = object_of(view, verb)
        carrier = view.lemma(verb) in NOUN_CARRIERS
        if obj is not None and carrier and view.lemma(obj) in self.nouns:
            return  # the object noun codes the event ("stepped up cooperation")
        if obj is not None and view.lemma(verb) == "meet" and view.lemma(obj) in REQUIREMENTS:
            return  # "had not met the conditions for the summit": no meeting
        patient = child_with(view, verb, {"nsubjpass"})  # a passive's subject is its object
        if patient is None and view.tokens[verb].dep == "xcomp" and is_passive(view, verb):
            patient = subject_of(view, verb)  # "Iran will continue to be denied access"
        if (
            patient is None
            and view.tokens[verb].dep == "acl"
            and view.tokens[verb].tag == "VBN"
            and not misparsed_main_verb(view, verb)
        ):
            patient = view.tokens[verb].head  # "the companies targeted by the US"
        if patient is None and _to_blame(view, verb):
            patient = subject_of(view, verb)  # "Iran is to blame": nobody's act of blaming
        entry = self.lexicon.lookup(
            view.lemma(verb),
            "verb",
            particles=particles_of(view, verb),
            object_lemmas=argument_lemmas(view, verb, obj if obj is not None else patient),
        )
        if entry is None:
            if not self.propose:
                return
            entry = PROPOSED
        stative = self._stative_subject(verb, patient)
        if stative is not None:  # "Israel is opposed to French mediation"
            aimed = prepositional_objects(view, verb, {"to"})
            targets = [m for a in aimed for m in self.actors.of_phrase(a)]
            yield from self._pairs(verb, entry, self.actors.of_phrase(stative), targets, False)
            return
        if patient is not None:
            agents = prepositional_objects(view, verb, {"by"}) or self._attackers(verb)
            sources = [m for a in agents for m in self.actors.of_phrase(a)]
            targets = self.actors.of_phrase(patient)
            if view.lemma(patient) in MEASURES and (against := self._measure_aimed(verb, patient)):
                # "UN sanctions against Iran were lifted", "the sanctions imposed on Iran by
                # the UN": the agent, or else the owner of the measure, acts on whom it is
                # against
                yield from self._pairs(verb, entry, sources or targets, against, inherited=False)
                return
            if (
                not sources
                and targets
                and view.lemma(verb) in FORCE_MOVES
                and (
                    all(_forces(t) for t in targets)
                    or (  # a person named, or an envoy, minister, delegation …
                        view.lemma(verb) in ENVOY_MOVES
                        and (entry.object_class == "delegation" or all(map(is_person, targets)))
                    )
                )
            ):
                # "German troops would be withdrawn from Iraq", "the envoy was sent to Seoul":
                # the forces or people moved act on the place they leave or go to
                places = self._places_moved(verb, None)
                yield from self._pairs(verb, entry, targets, places, inherited=False)
                return
            if entry.direction == "mutual" and not targets and len(sources) > 1:
                yield from self._mutual_pairs(verb, entry, sources, False)  # "signed by A and B"
                return
            yield from self._pairs(verb, entry, sources, targets, inherited=False)
            return
        subject = subject_of(view, verb)
        inherited = subject is None or child_with(view, verb, {"nsubj"}) is None
        subjects = self.actors.of_phrase(subject, owners=subject is not None)
        for other in (c for c in view.children(verb) if view.tokens[c].dep == "nsubj"):
            if subjects:
                break
            subjects = self.actors.of_phrase(other)  # a title the parser split off the name
        yield from self._directed(verb, entry, subjects, obj, inherited)

    def _measure_aimed(self, verb: int, measure: int) -> list[ActorMention]:
        """Whom a measure imposed, lifted or eased in the passive is against."""
        aimed = prepositional_objects(
            self.view, measure, ("against", "on", "to")
        ) or prepositional_objects(self.view, verb, ("against", "on"))
        return [m for a in aimed for m in self.actors.of_phrase(a)]

    def _stative_subject(self, verb: int, patient: int | None) -> int | None:
        """The subject of a stative passive ("is opposed to"), which the parser hangs on the
        verb or on its "is"; None when the verb is no such passive or has a "by" agent."""
        view = self.view
        auxiliary = child_with(view, verb, {"auxpass"})
        if (
            auxiliary is None
            or view.lemma(verb) not in STATIVE_PASSIVES
            or prepositional_objects(view, verb, {"by"})
        ):
            return None
        for subject in (patient, child_with(view, verb, {"nsubj"})):
            if subject is not None:
                return subject
        return child_with(view, auxiliary, {"nsubj"})

    def _directed(
        self,
        verb: int,
        entry: LexiconEntry,
        subjects: list[ActorMention],
        obj: int | None,
        inherited: bool,
    ) -> Iterator[Dyad]:
        if entry.direction == "inverse":
            givers = self._preposition_objects(verb, obj, ("from",))
            sources = [m for g in givers for m in self.actors.of_phrase(g)]
            sources = sources or self.actors.of_phrase(obj)
            yield from self._pairs(verb, entry, sources, subjects, inherited)
            return
        targets = self._targets(verb, entry, obj, {m.actor_id for m in subjects})
        if obj is not None and len(targets) > 1 and self.view.lemma(obj) in TALK_NOUNS:
            # "the North threatened to abandon the Trump-Kim meeting": not its own side
            sides = {m.code[:3] for m in subjects}
            targets = [t for t in targets if t.code[:3] not in sides] or targets
        if not entry.cameo and self.view.lemma(verb) in REPORTING_VERBS:
            # Not the speaker's own country ("Abe said Japan will deal firmly with …"), nor an
            # actor of the speaker's own code ("the spokeswoman said the president agrees").
            own = {m.code[:3] for m in subjects} | {m.code for m in subjects}
            targets = [t for t in targets if t.code not in own]
        if targets and subjects and _own_forces(targets, subjects):
            # "Russia strengthened its forces in Crimea": the place, not its own forces, is
            # what the move acts on; its forces stay the target only when no place is named.
            own = {m.code for m in subjects}
            places = [m for m in self._places_moved(verb, obj) if m.code not in own]
            targets = places or targets
        if entry.direction == "mutual" and not targets and len(subjects) > 1:
            yield from self._mutual_pairs(verb, entry, subjects, inherited)
            return
        yield from self._pairs(verb, entry, subjects, targets, inherited)

    def _must_clause(self, verb: int) -> list[Dyad] | None:
        """A demand reported as an obligation: "X said (that) Y must/should …" is X's demand
        on Y (CAMEO 10), when Y is an actor other than X."""
        view = self.view
        clause = child_with(view, verb, {"ccomp"})
        if clause is None or not owed(view, clause):
            return None
        entry = self.lexicon.lookup("demand", "verb")
        if entry is None:
            return None
        subject = child_with(view, clause, {"nsubj", "nsubjpass"})
        speaker = subject_of(view, verb)
        sources = self.actors.of_phrase(speaker)
        own = {m.code[:3] for m in sources}
        named = self.actors.of_phrase(subject, owners=False) or self._named_within(subject)
        # "Merkel said Germany must do more" lays no demand on another
        targets = [m for m in named if m.code not in own]
        if not targets or not sources:
            return None
        inherited = child_with(view, verb, {"nsubj"}) is None
        return list(self._pairs(verb, entry, sources, targets, inherited))

    def _named_within(self, phrase: int | None) -> list[ActorMention]:
        """The actors named inside a phrase that is no actor itself: "military intervention
        in Venezuela", "the oppression of the Venezuelan people" (what a demand is about)."""
        if phrase is None:
            return []
        found: list[ActorMention] = []
        for k in sorted(self.view.subtree(phrase)):
            mention = self.actors.at(k)
            if mention is not None and all(m.actor_id != mention.actor_id for m in found):
                found.append(mention)
        return found

    def _attackers(self, verb: int) -> list[int]:
        """Who carried out the attack a passive's victim fell in: its "by" phrase ("was
        murdered in an attack on a police patrol by Kosovo Albanians") or its owner ("were
        killed in a Taliban attack")."""
        view = self.view
        for noun in prepositional_objects(view, verb, ("in",)):
            if view.lemma(noun) in ATTACK_NOUNS:
                by = [k for k in view.subtree(noun) if view.lemma(k) == "by"]
                found = [c for k in by for c in view.children(k) if view.tokens[c].dep == "pobj"]
                owners = (c for c in view.children(noun) if view.tokens[c].dep in OWNER_DEPS)
                return found or list(owners) or [noun]  # or the attack, when no one's
        return []

    # -- nouns --------------------------------------------------------------------------

    def _code_noun(self, noun: int) -> Iterator[Dyad]:
        view = self.view
        token = view.tokens[noun]
        if (
            token.dep in {"dobj", "nsubjpass"}
            and self._coded_by_head(noun)
            and not own_doer(view, self.actors, noun)
        ):
            return  # "provide assistance": the verb codes it
        if self._counted_object(noun):
            return  # "withheld $255 million in military aid": the verb codes it
        if view.lemma(noun) in TALK_NOUNS and self._left_by_head(noun):
            return  # "pulled out of the summit with Kim": leaving it is the event
        if any(
            view.tokens[c].dep == "relcl" and self._is_event_verb(c) for c in view.children(noun)
        ):
            return  # "the assistance that Russia may provide": the relative clause codes it
        entry = self.lexicon.lookup(
            view.lemma(noun), "noun", object_lemmas=argument_lemmas(view, noun, noun)
        )
        if entry is None:
            return
        patients = owned_patients(view, self.actors, noun)
        sources, inherited = self._noun_sources(noun, bool(patients))
        if inherited and token.dep != "dobj" and view.lemma(noun) in PATIENT_NOUNS:
            sources = []  # "after (Soleimani's) killing, Tehran …": not Tehran's act
        sources = [m for m in sources if m not in patients]
        targets: list[ActorMention] = list(patients)
        heads = [noun]
        head = token.head
        if token.dep == "compound" and view.tokens[head].pos == "NOUN":
            if view.lemma(head) in self.nouns:
                return  # "trade talks with China": the head noun codes the event
            heads.append(head)  # "a mediation mission between A and B"
        if token.dep == "dobj" and view.lemma(head) in LIGHT_VERBS:
            heads.append(head)  # "launched airstrikes on rebel positions": on the light verb
        for pobj in (
            p
            for h in heads
            for p in prepositional_objects(view, h, (*entry.target_preps, "between"))
        ):
            targets += self.actors.of_phrase(pobj)
        if not targets and not inherited and self._received(noun):
            targets = self.actors.of_phrase(subject_of(view, head))  # "Obama drew criticism"
        if not targets:  # "a suspension of ferry links with Albania", "withdrawal of troops from"
            for what in prepositional_objects(view, noun, ("of",)):
                for pobj in prepositional_objects(view, what, entry.target_preps):
                    targets += self.actors.of_phrase(pobj)
        if (
            entry.direction == "mutual"
            and len(targets) > 1
            and not self._owned(noun, sources)
            and self._between(heads)
        ):  # "talks between A and B"; "alliances with A and B" are someone's with each
            yield from self._mutual_pairs(noun, entry, targets, False)
            return
        if entry.direction == "mutual" and inherited:
            # "clashes between Hindu and Muslim gangs" after "police imposed a curfew": the
            # parties are named; the clause's subject is not one of them
            parties = prepositional_objects(view, noun, ("between",))
            between = [m for p in parties for m in self.actors.of_phrase(p)]
            if between:
                yield from self._pairs(noun, entry, between, [], False)
                return
        if entry.direction == "inverse":
            sources, targets = targets, sources
        if entry.direction == "mutual" and not targets and len(sources) > 1:
            if not inherited:  # "A and B urged a truce" is not a truce between A and B
                yield from self._mutual_pairs(noun, entry, sources, inherited)
            return
        yield from self._pairs(noun, entry, sources, targets, inherited)

    def _received(self, noun: int) -> bool:
        """Whether the noun is what a verb of receiving's subject gets ("faced criticism")."""
        token = self.view.tokens[noun]
        return token.dep == "dobj" and self.view.lemma(token.head) in RECEIVING_VERBS

    def _between(self, heads: list[int]) -> bool:
        """Whether a noun's parties are named after "between" ("talks between A and B")."""
        return any(prepositional_objects(self.view, h, ("between",)) for h in heads)

    def _counted_object(self, noun: int) -> bool:
        """Whether the noun is what a coded verb's quantity object counts ("withheld
        hundreds of millions in military aid", "returned dozens of artifacts")."""
        view = self.view
        prep = view.tokens[noun].head
        if view.tokens[noun].dep != "pobj" or view.lemma(prep) not in COUNTING:
            return False
        counter = view.tokens[prep].head
        return (
            view.tokens[counter].dep in {"dobj", "nsubjpass"}
            and quantity(view, counter)
            and self._coded_by_head(counter)
        )

    def _owned(self, noun: int, sources: list[ActorMention]) -> bool:
        """Whether the noun's sources are its own (an owner or a subject that acts), not
        only inherited from a governing verb."""
        return bool(sources) and child_with(self.view, noun, {"poss"}) is not None

    def _noun_sources(self, noun: int, patient: bool = False) -> tuple[list[ActorMention], bool]:
        view = self.view
        owner = None if patient else child_with(view, noun, {"poss"})
        if owner is not None and view.tokens[owner].pos != "PRON":
            return self.actors.of_phrase(owner), False
        if owner is not None and view.tokens[noun].dep == "pobj":
            owners = self.actors.of_phrase(owner) if view.lemma(owner) in {"its", "their"} else []
            if owners:
                return owners, False  # "in response to its invasion of Kuwait": whom "its" means
        # "drew praise from Uganda": the parser hangs the author on the verb of receiving
        holders = (noun, view.tokens[noun].head) if self._received(noun) else (noun,)
        preps = agent_prepositions(view.lemma(noun))
        agents = [a for h in holders for a in prepositional_objects(view, h, preps)]
        if by := [m for a in agents for m in self.actors.of_phrase(a)]:
            return by, False  # "a visit by a South Korean delegation", "a plea from Kyiv"
        if view.lemma(noun) in FORCE_MOVE_NOUNS:
            moved = [m for a in prepositional_objects(view, noun, ("of",))
                     for m in self.actors.of_phrase(a)]  # fmt: skip
            if moved and all(map(_forces, moved)):
                return moved, False  # "the withdrawal of U.S. forces from Syria": they move
        if pair := self.actors.joined(noun):
            return pair, False  # "Russia-Ukraine talks": both parties
        for child in view.children(noun):
            if view.tokens[child].dep in {"amod", "compound"} and (m := self.actors.at(child)):
                return [m], False
        judged = judged_doer(view, noun)
        if judged is not None:  # "blamed Israel for the attacks": Israel's attacks
            return self.actors.of_phrase(judged), False
        head = view.tokens[noun].head
        if view.tokens[noun].dep == "dobj" and view.lemma(head) in LIGHT_VERBS:
            subject = subject_of(view, head)  # "stepped up their cooperation": its own subject
            return self.actors.of_phrase(subject), subject is None
        if owner is not None and (owners := self.actors.of_phrase(owner)):
            return owners, False  # "during his visit to Lima": whom "his" stands for
        if view.tokens[noun].dep == "pobj" and view.words[view.tokens[noun].head].lower() == "as":
            return [], True  # "condemned the bombing as an assault on Turkey": what it is called
        k, steps = noun, 0
        while view.tokens[k].head != k and steps < 5:
            k, steps = view.tokens[k].head, steps + 1
            if view.tokens[k].pos in {"VERB", "AUX"}:
                if steps == 1 and view.lemma(k) in UNDERGOING_VERBS:
                    return [], True  # "Maduro survived an assassination attempt": not his
                return self.actors.of_phrase(subject_of(view, k)), True
            if (m := self.actors.at(k) or self.actors.apposed(k)) is not None:
                return [m], True  # "Stoltenberg at a press conference with …"
        return (self.actors.of_phrase(owner) if owner is not None else []), True

    def _left_by_head(self, noun: int) -> bool:
        """Whether the noun is what a coded verb leaves ("withdrew from the talks", "pulled
        out of the summit")."""
        view = self.view
        prep = view.tokens[noun].head
        if view.tokens[noun].dep != "pobj" or view.words[prep].lower() not in {"of", "from"}:
            return False
        verb = view.tokens[prep].head
        if view.words[verb].lower() in AWAY:
            verb = view.tokens[verb].head
        return self._coded_by_head(prep) or (verb != prep and self._is_event_verb(verb))

    def _coded_by_head(self, noun: int) -> bool:
        head = self.view.tokens[noun].head
        return self._is_event_verb(head) and self.view.lemma(head) not in LIGHT_VERBS

    def _is_event_verb(self, i: int) -> bool:
        return self.view.tokens[i].pos in VERB_POS and self.view.lemma(i) in self.verbs

    # -- dyads --------------------------------------------------------------------------

    def _pairs(
        self,
        trigger: int,
        entry: LexiconEntry,
        sources: list[ActorMention],
        targets: list[ActorMention],
        inherited: bool,
    ) -> Iterator[Dyad]:
        for source in sources:
            # Not the source itself ("Croatia opened its borders") nor a town of its own
            # ("Sudan deployed troops to Darfur"): with no other target the act is one-sided.
            others = [
                t
                for t in targets
                if t.actor_id != source.actor_id
                and not _own_place(source, t)
                and not self._own_country_as_thing(source, t)
            ]
            if not others:
                yield Dyad(trigger, entry, source, None, inherited)
            for target in others:
                yield Dyad(trigger, entry, source, target, inherited)

    def _mutual_pairs(
        self, trigger: int, entry: LexiconEntry, members: list[ActorMention], inherited: bool
    ) -> Iterator[Dyad]:
        for n, source in enumerate(members):
            for target in members[n + 1 :]:
                yield Dyad(trigger, entry, source, target, inherited)


def owed(view: TextView, verb: int) -> bool:
    """Whether the verb carries "must" or "should": an act owed, not done ("Y must withdraw")."""
    return any(
        view.tokens[c].dep == "aux" and view.lemma(c) in OBLIGATION_AUXILIARIES
        for c in view.children(verb)
    )


def _forces(mention: ActorMention) -> bool:
    """Whether a mention is armed or security forces (a country's, or peacekeepers)."""
    return mention.code[3:6] in FORCE_SECTORS or mention.code.startswith("IGOPKO")


def _own_forces(targets: list[ActorMention], subjects: list[ActorMention]) -> bool:
    """Whether every target is the armed forces of a subject's own country or body ("Russia
    … its forces", "the UN … peacekeepers")."""
    owners = {m.code[:3] for m in subjects}
    return all(
        _forces(t) and (t.code[:3] in owners or t.code.startswith("IGOPKO")) for t in targets
    )


def _own_place(source: ActorMention, target: ActorMention) -> bool:
    """Whether ``target`` is a town or region of the source's own country."""
    return target.actor_id.startswith(PLACE_ID_PREFIX) and target.code == source.code[:3]


def _to_blame(view: TextView, verb: int) -> bool:
    """Whether ``verb`` is an infinitive after "be" that its subject undergoes ("is to
    blame")."""
    token = view.tokens[verb]
    return (
        token.dep == "xcomp"
        and view.lemma(verb) in PASSIVE_INFINITIVES
        and view.lemma(token.head) == "be"
        and object_of(view, verb) is None
    )
