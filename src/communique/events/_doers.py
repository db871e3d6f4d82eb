"""Who does what a verb or an event noun names, in the dependency parse: a verb's subject,
inherited through infinitives, conjuncts and participles; the doer of a gerund or event noun
after "for", "of", "to", "by" …; the parser's main verb it hung on its subject.

Works on token indices of a :class:`~communique.textview.TextView`; never on spaCy objects.
"""

from __future__ import annotations

from communique.events._arguments import (
    RELATIVE_PRONOUNS,
    ActorIndex,
    is_person,
    prepositional_objects,
)
from communique.records import ActorMention
from communique.speech import REPORT_NOUNS
from communique.textview import TextView, child_with

SUBJECTS = frozenset({"nsubj", "csubj"})
# Nouns of an intention whose owner does what follows: "Trump's decision to impose sanctions".
INTENT_NOUNS = frozenset(
    {"decision", "plan", "move", "bid", "effort", "attempt", "promise", "pledge", "threat",
     "offer", "refusal", "call", "order", "vow", "readiness", "willingness", "intention",
     "step", "opportunity", "chance"}
)  # fmt: skip
# Judgements that hold someone to account: "holds Russia responsible for the attack", and
# whose subject did what follows "for": "Iran is responsible for arming the rebels".
ACCOUNTABLE = frozenset({"responsible", "accountable", "liable", "culpable", "guilty"})
# Verbs whose subject owns the effort, plan or step it objects ("pursued efforts to punish").
OWNED_INTENT_VERBS = frozenset(
    {"make", "have", "pursue", "launch", "take", "announce", "unveil", "lead", "continue",
     "redouble", "intensify", "begin", "start", "renew", "mount", "spearhead", "step", "issue",
     "extend", "repeat"}
)  # fmt: skip
# Verbs through which a subject passes to the verb they govern ("promised to deepen …").
# Links through which a verb without a subject shares its governor's: "promised to deepen",
# "met and agreed", "is willing to provide" (through the adjective: acomp).
INHERITING_DEPS = frozenset({"xcomp", "conj", "advcl", "acomp"})
# A gerund after these is done by whom the governing verb acts on ("sanctioned Russia for
# annexing", "accused Iran of arming"). Not "against" or "from": "warned Assad against using"
# and "stopped Serbia from joining" name acts that did not happen.
BLAMING_PREPOSITIONS = frozenset({"for", "of"})
# A gerund after these is done by the governing verb's subject ("helped Africa by donating",
# "attacked after massing troops", "insisted on enriching uranium").
MEANS_PREPOSITIONS = frozenset(
    {"by", "after", "before", "while", "without", "despite", "since", "upon", "through", "on", "in"}
)
# A habit, record or part of one's own: its owner does what the gerund after it names ("has a
# long record of using civilians as shields", "had the honour of hosting the summit", "has no
# qualms about criticizing allies", "played a role in organizing the protests").
OWN_ACT_NOUNS = frozenset(
    {"record", "history", "habit", "tradition", "reputation", "honor", "honour", "privilege",
     "pleasure", "qualm", "role", "part", "hand", "experience"}
)  # fmt: skip
OWN_ACT_PREPOSITIONS = frozenset({"of", "about", "in", "for"})
# What a verb's subject meets with for its own act: "faced criticism for congratulating Putin",
# "won praise for ordering the expulsion" (the subject did it, not the criticism).
JUDGEMENT_NOUNS = frozenset(
    {
        "criticism",
        "praise",
        "condemnation",
        "credit",
        "blame",
        "backlash",
        "flak",
        "scrutiny",
        "fire",
        "heat",
        "applause",
        "plaudit",
        "rebuke",
        "censure",
        "outrage",
        "anger",
        "accolade",
        "award",
        "prize",
    }
)
# Verbs that judge someone for an act an event noun names: "blamed Israel for the attacks" (by
# Israel), "accused Iran of aggression". Not "warn": "warned the U.S. of retaliation" is the
# warner's.
JUDGING_VERBS = frozenset(
    {
        "blame", "accuse", "charge", "condemn", "criticize", "criticise", "denounce", "fault",
        "rebuke", "censure", "sanction", "punish", "fine", "indict", "convict", "praise",
        "thank", "commend", "congratulate", "reward", "credit", "hold",
    }
)  # fmt: skip
# Verbs whose subject owns up to the act a gerund after "to" names ("admitted to kidnapping").
OWNING_VERBS = frozenset({"admit", "confess", "resort"})
# Being set on, or given, an act of one's own: the subject does what the gerund after "to",
# "with" or "on" names ("is committed to speaking up against", "is obsessed with examining",
# "is tasked with investigating"), or near it ("is close to charging the spies").
DEVOTED_WORDS = frozenset(
    {"committed", "dedicated", "devoted", "determined", "obsessed", "focused", "intent", "bent",
     "tasked", "charged", "close", "closer"}
)  # fmt: skip
DEVOTED_PREPOSITIONS = frozenset({"to", "with", "on"})
AUX_DEPS = frozenset({"aux", "auxpass"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# How an adjective hangs on the verb whose subject it describes: "was quick in condemning",
# "seemed intent on easing" (the parser reads the second as an object predicate).
PREDICATE_DEPS = frozenset({"acomp", "oprd"})
# Event nouns of what is done to a person: a person who owns one is who it was done to
# ("Khashoggi's murder", "Navalny's arrest"), unless an "of" phrase names that one
# ("Saudi Arabia's killing of a journalist": the owner did it).
PATIENT_NOUNS = frozenset(
    {"killing", "murder", "assassination", "arrest", "detention", "abduction", "kidnapping",
     "execution", "torture", "deportation", "extradition", "release", "imprisonment",
     "jailing", "capture", "expulsion", "indictment"}
)  # fmt: skip


def subject_of(view: TextView, verb: int, depth: int = 0) -> int | None:
    """The subject of a verb, inherited from the governing verb when it has none.

    "Putin promised to deepen ties and support North Korea": "support" has Putin; an object
    before the infinitive is its subject ("urged both sides to agree": the sides agree).
    A relative pronoun stands for the noun the clause modifies ("countries which want").
    """
    subject = child_with(view, verb, SUBJECTS)
    token = view.tokens[verb]
    if subject is not None:
        if view.lemma(subject) in RELATIVE_PRONOUNS and token.dep == "relcl":
            return token.head
        own = child_with(view, subject, {"nsubj"})
        if view.tokens[subject].tag in {"VBG", "VBN"} and own is not None:
            return own  # "The Red Cross operating in Iraq said": the parser made a clause of it
        return subject
    compound = child_with(view, verb, {"compound"})
    if compound is not None and compound < verb and token.pos == "VERB":
        return compound  # "Bolton details how …": the small parser made the name a compound
    acronym = child_with(view, verb, {"advmod", "npadvmod"})
    if acronym is not None and acronym < verb and _is_acronym(view.words[acronym]):
        return acronym  # "USAID provided tents …": the small parser made the name an adverb
    if (listed := _listed_subject(view, verb)) is not None:
        return listed  # "In Helsinki, Trump and Putin met": read as a list after "Helsinki"
    if (
        depth == 0
        and token.dep == "xcomp"
        and (controller := child_with(view, token.head, {"dobj"})) is not None
        and view.tokens[controller].ent_type not in {"DATE", "TIME"}
        and view.tokens[controller].pos != "NUM"
    ):
        # "urged both sides to agree": the sides agree, not the urger; a span of time or a
        # count is no one ("has spent years pushing for a deal", "voted 354 to 60 to condemn
        # the decision": the subject pushes, condemns)
        return controller
    if depth < 4 and token.dep in INHERITING_DEPS and token.head != verb:
        head = view.tokens[token.head]
        controller = child_with(view, token.head, {"nsubjpass"})
        if token.dep == "xcomp" and controller is not None:
            return controller  # "Pence was scheduled to meet North Korean officials"
        if token.dep == "conj" and head.pos in {"NOUN", "PROPN"} and head.dep in {"dobj", "obj"}:
            # "killing one guard and battling security forces": the parser hung the second
            # verb on the first one's object; it shares that verb's subject
            return subject_of(view, head.head, depth + 1)
        return subject_of(view, token.head, depth + 1)
    if token.dep == "relcl" and child_with(view, verb, {"nsubjpass"}) is None:
        return token.head
    if token.dep == "pcomp" or (token.dep == "pobj" and token.tag == "VBG"):
        # "responded by rioting": the parser may make the gerund the preposition's object
        return _gerund_doer(view, verb, depth) if depth < 4 else None
    if token.dep == "acl" and view.lemma(token.head) in INTENT_NOUNS:
        return _intent_owner(view, token.head, depth)
    if token.dep == "acl" and misparsed_main_verb(view, verb):
        return token.head  # "Macron called Trump": the parser hung the verb on its subject
    if token.dep == "acl" and child_with(view, verb, {"dobj"}) is not None:
        noun = view.tokens[token.head]
        if view.lemma(token.head) in REPORT_NOUNS and noun.dep == "dobj" and depth < 4:
            # "Khan issued a statement condemning the attack": the statement's author
            return subject_of(view, noun.head, depth + 1)
        return token.head  # "troops carrying out raids": a participle with an object of its own
    if token.dep == "acl" and token.tag == "VBG" and token.head < verb:
        return token.head  # "Washington trying to negotiate a deal": the noun acts
    return None


def _listed_subject(view: TextView, verb: int) -> int | None:
    """The subject the parser joined to an opening phrase as one list: a finite verb with no
    subject right after names coordinated with the last noun before a comma ("After talks
    in Helsinki, Trump and Putin met" read as "Helsinki, Trump and Putin"): the first name
    after the comma."""
    token = view.tokens[verb]
    if token.tag not in FINITE_TAGS or verb == 0 or view.tokens[verb - 1].dep != "conj":
        return None
    first, steps = verb - 1, 0
    while view.tokens[first].dep == "conj" and first > 0 and steps < 6:
        top = view.tokens[first].head
        if view.words[first - 1] == ",":
            opening = view.tokens[top].dep in {"pobj", "npadvmod"} and top < first
            return first if opening and view.tokens[first].pos in {"PROPN", "NOUN"} else None
        first, steps = top, steps + 1
    return None


def misparsed_main_verb(view: TextView, verb: int) -> bool:
    """Whether the parser made a sentence's main verb a participle of its subject: "Macron
    called Trump on Friday" read as a "Macron (who was) called" with the sentence's root on
    the name. A participle whose noun is the root before it and that takes an object of its
    own (which a passive seldom does), that follows a relative clause or an apposition on it,
    or that the tagger read as a past tense, with no "by" agent is the main verb."""
    token = view.tokens[verb]
    if token.dep != "acl" or token.tag not in {"VBN", "VBD"} or token.head > verb:
        return False
    noun = view.tokens[token.head]
    if noun.pos not in {"PROPN", "NOUN"}:
        return False
    if noun.dep != "ROOT" and not _after_opening_clause(view, token.head):
        return False
    if prepositional_objects(view, verb, {"by"}):
        return False
    # after a relative clause or an apposition on it ("Israeli forces, who had warned …,
    # killed …"; "Schumer, New York Democrat, called on …"), or tagged as a past tense
    between = any(
        view.tokens[c].dep in {"relcl", "appos"} and c < verb for c in view.children(token.head)
    )
    return between or token.tag == "VBD" or child_with(view, verb, {"dobj", "oprd"}) is not None


def _after_opening_clause(view: TextView, noun: int) -> bool:
    """Whether the noun at ``noun`` opens the main clause after an opening participle the
    parser made the sentence's root, hanging the noun on it as an apposition ("Returning to
    the Capitol, Corker called …": the root is "Returning", Corker an apposition of the
    Capitol)."""
    token = view.tokens[noun]
    if token.dep != "appos" or noun == 0 or view.words[noun - 1] != ",":
        return False
    root = token.head
    while view.tokens[root].head != root:
        root = view.tokens[root].head
    return (
        root < noun
        and view.tokens[root].tag in {"VBG", "VBN"}
        and child_with(view, root, SUBJECTS) is None
    )


def _intent_owner(view: TextView, noun: int, depth: int) -> int | None:
    """Whose decision, plan or effort an infinitive after it carries out: its owner
    ("Trump's decision to impose sanctions"), its "by" agent ("the latest step by the US to
    punish"), or the subject of a verb that makes, pursues or announces it ("Congress has
    pursued efforts to punish the Kremlin"); None when someone else's ("rejected calls to")."""
    owner = child_with(view, noun, {"poss"})
    if owner is not None:
        return owner
    agents = prepositional_objects(view, noun, {"by"})
    if agents:
        return agents[0]
    token = view.tokens[noun]
    if token.dep == "dobj" and view.lemma(token.head) in OWNED_INTENT_VERBS and depth < 4:
        return subject_of(view, token.head, depth + 1)
    return None


def _is_acronym(word: str) -> bool:
    """ "USAID", "NATO", "IAEA": two capitals or more, all letters capital (no adverb is)."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _gerund_doer(view: TextView, gerund: int, depth: int) -> int | None:
    """Who does what a gerund after a preposition names: the subject of a verb whose object
    is a record or role of its own ("has a record of using", "played a role in brokering") or
    that a list of its acts follows ("took steps, including expelling"); whom the governing
    verb blames ("sanctioned Russia for annexing"), its subject when the object is a judgement
    of that subject's act ("faced criticism for meeting X") or it owns up to it ("admitted to
    kidnapping") or is set on or close to it ("is committed to speaking up"), and the subject
    too after a preposition of means or time ("helped Africa by donating supplies"), or the
    passive's ("was justified in shelling"); None for any other preposition."""
    preposition = view.tokens[gerund].head
    word, governor = view.lemma(preposition), view.tokens[preposition].head
    if word in OWN_ACT_PREPOSITIONS and view.lemma(governor) in OWN_ACT_NOUNS:
        if view.tokens[governor].dep == "dobj":  # "has a record of using civilians as shields"
            return subject_of(view, view.tokens[governor].head, depth + 1)
        return None
    if word == "include" and view.tokens[governor].dep == "dobj":
        governor = view.tokens[governor].head  # "took steps, including imposing sanctions"
    if word == "include" and view.tokens[governor].pos == "VERB":
        return subject_of(view, governor, depth + 1)  # the subject's, as the steps were
    if word in BLAMING_PREPOSITIONS:
        if view.lemma(governor) in ACCOUNTABLE and view.tokens[governor].dep == "acomp":
            return subject_of(view, view.tokens[governor].head, depth + 1)  # "is responsible for"
        if view.lemma(governor) in JUDGEMENT_NOUNS and view.tokens[governor].dep == "dobj":
            governor = view.tokens[governor].head  # the parser hung "for" on the noun
        judged = child_with(view, governor, {"dobj"})
        if judged is not None and view.lemma(judged) in JUDGEMENT_NOUNS:
            return subject_of(view, governor, depth + 1)  # "faced criticism for meeting X"
        return _blamed(view, governor)
    if word == "to" and view.lemma(governor) in OWNING_VERBS:
        return subject_of(view, governor, depth + 1)  # "admitted to kidnapping"
    if devoted(view, preposition):
        found = subject_of(view, governor, depth + 1)  # "is committed to speaking up"
        if found is None and view.tokens[governor].dep in PREDICATE_DEPS:
            found = subject_of(view, view.tokens[governor].head, depth + 1)  # "seemed intent on"
        if found is None:  # "Mueller's team is tasked with investigating"
            found = child_with(view, governor, {"nsubjpass"})
        if found is None:  # the parser may hang the subject on "is" ("Chile is committed to …")
            auxiliaries = [c for c in view.children(governor) if view.tokens[c].dep in AUX_DEPS]
            subjects = (child_with(view, a, SUBJECTS) for a in auxiliaries)
            found = next((s for s in subjects if s is not None), None)  # token 0 is a subject
        return found
    if word in MEANS_PREPOSITIONS and view.tokens[governor].pos == "VERB":
        found = subject_of(view, governor, depth + 1)  # "helped Africa by donating supplies"
        # or who undergoes it: "was justified in attacking", "was arrested after attacking"
        return found if found is not None else child_with(view, governor, {"nsubjpass"})
    if word in MEANS_PREPOSITIONS and view.tokens[governor].dep in PREDICATE_DEPS:
        # "was more direct in blaming Xi", "was quick in condemning": the one it describes
        return subject_of(view, view.tokens[governor].head, depth + 1)
    return None


def devoted(view: TextView, preposition: int) -> bool:
    """Whether ``preposition`` ties a gerund to a word of being set on it ("committed [to]
    speaking up", "obsessed [with] examining")."""
    token = view.tokens[preposition]
    return (
        view.lemma(preposition) in DEVOTED_PREPOSITIONS
        and view.words[token.head].lower() in DEVOTED_WORDS
    )


def judged_doer(view: TextView, noun: int) -> int | None:
    """Who did the act an event noun after "for" or "of" names when a judging verb holds
    someone to it: whom it judges ("blamed Israel for the attacks" → Israel), or its subject
    when its object is a judgement of the subject's act ("faced criticism for the raid")."""
    preposition = view.tokens[noun].head
    if view.tokens[noun].dep != "pobj" or view.lemma(preposition) not in BLAMING_PREPOSITIONS:
        return None
    governor = view.tokens[preposition].head
    if view.lemma(governor) in JUDGEMENT_NOUNS and view.tokens[governor].dep == "dobj":
        return subject_of(view, view.tokens[governor].head)  # "faced criticism for the raid"
    if view.lemma(governor) not in JUDGING_VERBS:
        return None
    return _blamed(view, governor)


def _blamed(view: TextView, verb: int) -> int | None:
    """Who does what "for" or "of" + a gerund names: the one the verb acts on
    ("sanctioned Russia for annexing Crimea", "vowed revenge on the U.S. for killing …",
    "accused Iran of arming"), or a passive's subject ("Russia was condemned for annexing …").
    None when the verb acts on no one ("paid for building")."""
    if view.tokens[verb].pos not in {"VERB", "AUX"}:
        return None
    obj = child_with(view, verb, {"dobj"})
    if obj is not None:
        aimed = prepositional_objects(view, obj, ("on", "against"))
        return aimed[0] if aimed else obj
    return child_with(view, verb, {"nsubjpass"})


def own_doer(view: TextView, actors: ActorIndex, noun: int) -> bool:
    """Whether an event noun a coded verb takes names a doer of its own who is not the
    verb's subject: a name that owns it or a "by" phrase ("Turkey condemned Saudi Arabia's
    killing of a journalist", "denounced the shelling of Kharkiv by Russia" are two events;
    "provide their assistance" is one, and so is "condemned Navalny's arrest": his, not by him).
    """
    owner = child_with(view, noun, {"poss"})
    owns = owner is not None and view.tokens[owner].pos != "PRON"
    named = [owner] if owns and not owned_patients(view, actors, noun) else []
    named += prepositional_objects(view, noun, ("by",))
    doers = {m.actor_id for n in named for m in actors.of_phrase(n)}
    subject = subject_of(view, view.tokens[noun].head)
    return bool(doers - {m.actor_id for m in actors.of_phrase(subject)})


def owned_patients(view: TextView, actors: ActorIndex, noun: int) -> list[ActorMention]:
    """The people an event noun of what is done to a person is done to when they own it and
    no "of" phrase follows ("Khashoggi's murder", "Navalny's arrest")."""
    owner = child_with(view, noun, {"poss"})
    if owner is None or view.lemma(noun) not in PATIENT_NOUNS:
        return []
    if prepositional_objects(view, noun, ("of",)):
        return []
    owners = actors.of_phrase(owner)
    return owners if owners and all(map(is_person, owners)) else []
