"""Modality of an event: did it happen, may it happen, was it promised, denied, conditional?

Read from the trigger and the clauses that govern it, up to the first verb of saying:

* ``negated`` — a negation on the trigger or a governing word ("did not send", "has no
  plans to meet"), or a governing verb of denial or refusal ("denied sending", "refused to
  withdraw");
* ``conditional`` — the trigger sits in an ``if`` / ``unless`` clause, or governs one;
* ``possible`` — may, might, could; "potential", "possible" on an event noun;
* ``intended`` — will, shall; a governing verb of intent ("promised to deepen",
  "plans to visit", "agreed to withdraw"); "is to meet"; a time still to come in the
  trigger's clause ("a trip to Moscow **next week**", "the **upcoming** visit"); a trigger
  that itself carries intent (the lexicon's ``modality`` column, e.g. "promise");
* otherwise ``asserted``.

When several apply, the first in that list wins. An event noun that is the subject of a verb
saying whether it takes place ("if the summit happens", "the meeting did not take place",
"talks resume next week") takes that verb's marks as its own.
"""

from __future__ import annotations

import re

from communique.events._arguments import is_passive
from communique.events._doers import devoted
from communique.records import Modality
from communique.speech import CUE_VERBS
from communique.textview import TextView

POSSIBLE_AUXILIARIES = frozenset({"may", "might", "could", "can"})
INTENT_AUXILIARIES = frozenset({"will", "shall", "'ll", "would", "wo"})
POSSIBLE_WORDS = frozenset({"potential", "possible", "possibly", "likely", "perhaps", "maybe"})
# "There is no doubt that Russia interfered": "no" before these affirms what follows.
AFFIRMING_NOUNS = frozenset({"doubt", "question"})
INTENT_VERBS = frozenset(
    {
        "promise",
        "pledge",
        "vow",
        "plan",
        "intend",
        "agree",
        "offer",
        "prepare",
        "aim",
        "seek",
        "want",
        "hope",
        "expect",
        "decide",
        "commit",
        "undertake",
        "propose",
        "consider",
        "schedule",  # "was scheduled to meet"
        "due",  # "is due to visit"
        # adjectives of readiness: "is willing to provide", "stands ready to help"
        "willing",
        "ready",
        "prepared",
        "committed",
        "determined",
        "eager",
        "keen",
        # nouns of intent: "its intention to withdraw", "their readiness to talk"; not
        # "decision" (what is decided, the corpus labels split 7 / 6 between intended and done)
        "intention",
        "intent",
        "readiness",
        "willingness",
    }
)
NEGATING_VERBS = frozenset(
    {"deny", "refuse", "decline", "fail", "reject", "rule", "refusal", "denial", "failure"}
)  # and their nouns: "China's refusal to condemn Russia"
CONDITION_MARKERS = frozenset({"if", "unless"})
# Verbs that call off the event their object names: "scrapped a planned visit" (negated).
CANCELLING = frozenset({"cancel", "scrap", "scuttle", "shelve", "nix"})
# Verbs of holding back from an act: "has refrained from carrying out attacks" (negated).
ABSTAINING = frozenset({"refrain", "abstain", "desist"})
# Times still to come: the event is planned, not done.
FUTURE_TIME = re.compile(
    r"\b(tomorrow|next (week|month|year|weekend|spring|summer|autumn|fall|winter|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|later this (week|month|year)|"
    r"in the coming (days|weeks|months))\b",
    re.IGNORECASE,
)
TIME_DEPS = frozenset({"npadvmod", "tmod", "advmod", "prep"})
FUTURE_WORDS = frozenset(
    {"upcoming", "forthcoming", "planned", "scheduled", "proposed", "next", "anticipated",
     "impending", "coming"}
)  # fmt: skip
NEGATIONS = frozenset({"not", "n't", "never", "no"})
# Being near an act that has not happened yet ("is close to a deal"): the corpus labels read
# it as possible.
NEAR_WORDS = frozenset({"close", "closer", "near", "nearer"})
# Words that hedge the clause they govern: "is likely to sanction". Not "appears to have
# attacked", "is believed to have sent": the corpus labels split those between asserted and
# possible (27 / 24 and 3 / 3), where "likely to" is possible 13 times in 14.
LIKELIHOOD = POSSIBLE_WORDS | {"unlikely"}
# Forms of intent verbs the small model lemmatises wrongly ("hopes" as "hop").
INTENT_FORMS = frozenset({"hopes", "hoped", "hoping"})
# Participles that, in the passive before an infinitive, say an act is arranged ("are set to
# sign", "is slated to visit"); read as written (the small model lemmatises "slated" as "slat").
ARRANGED = frozenset({"set", "slated", "poised"})
# Clause links that carry modality up to the trigger ("promised [to deepen]").
# Not through prepositions: "following Putin's visit", "in talks with" keep their own modality
# (but "committed to", "determined to" + a gerund are the intent of it).
GOVERNING_DEPS = frozenset({"xcomp", "conj", "relcl", "acl", "dobj", "nsubjpass", "pcomp", "ccomp"})
# Verbs that say whether an event noun, their subject, takes place: "if the summit happens",
# "the talks will not take place", "the talks resume next week" carry their modality to it.
OCCURRENCE_VERBS = frozenset(
    {"happen", "occur", "take", "proceed", "resume", "go", "start", "begin", "materialize"}
)


def modality_of(view: TextView, trigger: int, lexical: str | None = None) -> Modality:
    """Return the modality of the event whose trigger is token ``trigger``.

    Args:
        view: The article's parse.
        trigger: Token index of the event's verb or noun.
        lexical: Modality the trigger word itself carries (from the lexicon), if any.
    """
    found: set[str] = set()
    if lexical in {"intended", "possible", "negated"}:
        found.add(lexical)
    chain = _governing_chain(view, trigger)
    for below, k in zip([None, *chain], chain, strict=False):
        if below is not None and view.tokens[below].dep == "conj":
            found |= _joined_marks(view, k)
            continue
        found |= _marks(view, k, is_trigger=k == trigger)
        if below is not None and _hedges(view, k, below):
            found.add("possible")  # "is likely to sanction", "is unlikely to meet"
    if _still_to_come(view, trigger):
        found.add("intended")
    if _cancelled(view, trigger):
        found.add("negated")  # "scrapped a planned visit to London": the visit did not happen
    if _performed(view, chain):
        found.discard("intended")  # "I want to thank", "we would urge restraint": said is done
    for label in ("negated", "conditional", "possible", "intended"):
        if label in found:
            return label
    return "asserted"


# Acts done by saying them, which a speaker who "wants" or "would like" to do them does in
# the words: "I want to thank the King", "we would urge both sides to talk" (the corpus
# labels: asserted).
PERFORMATIVES = frozenset(
    {"thank", "apologize", "apologise", "congratulate", "welcome", "commend", "praise", "urge",
     "encourage", "applaud", "condemn", "express", "appeal", "ask"}
)  # fmt: skip
SPEAKERS = frozenset({"i", "we"})
WISHING = frozenset({"want", "like", "wish"})


def cancels(view: TextView, k: int) -> bool:
    """Whether word ``k`` is a verb that calls something off ("scrapped", "called off")."""
    return view.lemma(k) in CANCELLING or (view.lemma(k) == "call" and _has_word(view, k, "off"))


def _cancelled(view: TextView, trigger: int) -> bool:
    """Whether the trigger is what a verb calls off: its object, or its passive subject."""
    token = view.tokens[trigger]
    if token.dep not in {"dobj", "nsubjpass"} or token.head == trigger:
        return False
    return cancels(view, token.head)


def _performed(view: TextView, chain: list[int]) -> bool:
    """Whether the trigger is an act done by saying it, which the speaker ("I", "we") says
    they want, would like or would do."""
    if view.lemma(chain[0]) not in PERFORMATIVES or any(
        view.tokens[c].dep == "aux" and view.words[c].lower() in INTENT_AUXILIARIES - {"would"}
        for c in view.children(chain[0])
    ):
        return False  # "we will urge them": still to come
    heads = [k for k in chain[:2] if k == chain[0] or view.lemma(k) in WISHING]
    subjects = [c for k in heads for c in view.children(k) if view.tokens[c].dep == "nsubj"]
    return bool(subjects) and all(view.words[c].lower() in SPEAKERS for c in subjects)


def _governing_chain(view: TextView, trigger: int) -> list[int]:
    """The trigger and the words that govern it, stopping at a verb of saying."""
    chain, k = [trigger], trigger
    while _governed(view, k) and len(chain) < 8:
        k = view.tokens[k].head
        if view.lemma(k) in CUE_VERBS:
            if view.lemma(k) in NEGATING_VERBS and view.tokens[chain[-1]].dep != "conj":
                chain.append(k)  # "denied sending": the denial negates what it reports
            break
        chain.append(k)
    return chain


def _governed(view: TextView, k: int) -> bool:
    """Whether token ``k``'s head governs its modality: a clause link, or an occurrence verb
    whose subject is the event noun ``k``."""
    token = view.tokens[k]
    if token.head == k:
        return False
    if token.dep in GOVERNING_DEPS:
        return True
    if token.dep == "prep" and devoted(view, k):
        return True  # "committed [to speaking]"
    if token.dep == "prep" and view.words[k].lower() == "from":
        return view.lemma(token.head) in ABSTAINING  # "refrained [from carrying out] attacks"
    if _purpose(view, k):
        return True  # "will travel to Moscow [for talks]": the talks are what the trip is for
    return (
        token.dep == "nsubj"
        and token.pos == "NOUN"
        and view.lemma(token.head) in OCCURRENCE_VERBS
        and _completes(view, token.head)
    )


# Verbs of going somewhere, whose "for" + event noun is what the going is for: "will travel to
# Moscow for talks", "prepared for another round of talks". Not any "for": "will sanction
# Russia for its invasion" gives the cause, which happened.
GOING_VERBS = frozenset(
    {"travel", "go", "fly", "head", "come", "arrive", "return", "leave", "prepare", "gather"}
)


def _purpose(view: TextView, k: int) -> bool:
    """Whether token ``k`` links an event noun to a verb of going as what it is for: the
    noun after "for", or that "for" under the verb."""
    token = view.tokens[k]
    if token.dep == "pobj" and token.pos == "NOUN":
        k, token = token.head, view.tokens[token.head]
    elif token.dep != "prep" or not any(
        view.tokens[c].dep == "pobj" and view.tokens[c].pos == "NOUN" for c in view.children(k)
    ):
        return False
    return (
        view.words[k].lower() == "for"
        and token.dep == "prep"
        and token.head != k
        and view.lemma(token.head) in GOING_VERBS
    )


def _completes(view: TextView, verb: int) -> bool:
    """ "take" and "go" say it only as "take place" and "go ahead"."""
    needed = {"take": "place", "go": "ahead"}.get(view.lemma(verb))
    return needed is None or _has_word(view, verb, needed)


def _has_word(view: TextView, k: int, word: str) -> bool:
    """Whether ``word`` hangs on word ``k`` ("out" of "ruled out", "place" of "take place")."""
    return any(view.words[c].lower() == word for c in view.children(k))


def _marks(view: TextView, k: int, *, is_trigger: bool) -> set[str]:
    if not is_trigger and excludes(view, k) and negated_by(view, k):
        return {"possible"}  # "has not ruled out military action": left open
    marks: set[str] = set()
    lemma = view.lemma(k)
    if not is_trigger and (lemma in INTENT_VERBS or view.words[k].lower() in INTENT_FORMS):
        marks.add("intended")
    if not is_trigger and lemma == "about" and view.tokens[k].dep == "acomp":
        marks.add("intended")  # "is about to sign"
    if not is_trigger and view.words[k].lower() in NEAR_WORDS:
        marks.add("possible")  # "is close to charging them", "edged closer to declaring"
    if not is_trigger and _not_yet(view, k):
        marks.add("negated")  # "has yet to recognize": not done
    if not is_trigger and view.words[k].lower() in ARRANGED and is_passive(view, k):
        marks.add("intended")  # "are set to sign": arranged, not yet done
    if not is_trigger and lemma in NEGATING_VERBS | ABSTAINING:
        marks.add("negated")
    if _conditional(view, k):
        marks.add("conditional")
    for child in view.children(k):
        dep, word = view.tokens[child].dep, view.words[child].lower()
        if _negation(dep, word):
            marks.add("negated")
        elif dep == "det" and word == "no" and lemma not in AFFIRMING_NOUNS:
            marks.add("negated")  # "has no plans to meet Putin", "no talks took place"
        elif (auxiliary := _auxiliary_mark(dep, word)) is not None:
            marks.add(auxiliary)
        elif dep in {"amod", "advmod"} and word in POSSIBLE_WORDS:
            marks.add("possible")
        elif dep == "advcl" and is_trigger and _has_marker(view, child):
            marks.add("conditional")
        elif dep == "mark" and word == "whether":
            marks.add("possible")  # "debated whether to launch a strike"
        elif is_trigger and dep in {"dobj", "nsubjpass"} and _none_of(view, child):
            marks.add("negated")  # "offered no apologies", "no aid was delivered"
    return marks


def _joined_marks(view: TextView, k: int) -> set[str]:
    """What a verb carries to a verb joined to it: its auxiliaries ("will meet and sign"), a
    condition it states ("if Iran attacks and kills") and its negation where the verbs are
    alternatives ("did not condemn or criticise"); not its own sense ("refused the offer and
    attacked", "denied the report and accused Germany": the second act happened)."""
    marks: set[str] = set()
    if _conditional(view, k):
        marks.add("conditional")
    alternatives = any(
        view.tokens[c].dep == "cc" and view.words[c].lower() in {"or", "nor"}
        for c in view.children(k)
    )
    for child in view.children(k):
        dep, word = view.tokens[child].dep, view.words[child].lower()
        if (auxiliary := _auxiliary_mark(dep, word)) is not None:
            marks.add(auxiliary)
        elif alternatives and _negation(dep, word):
            marks.add("negated")
    return marks


def _conditional(view: TextView, k: int) -> bool:
    """Whether word ``k`` heads a clause of condition on its head ("if Iran attacks")."""
    return view.tokens[k].dep == "advcl" and _has_marker(view, k)


def _negation(dep: str, word: str) -> bool:
    """Whether a child with this label and word negates its head ("not", "never")."""
    return dep == "neg" or (dep == "advmod" and word in NEGATIONS)


def _auxiliary_mark(dep: str, word: str) -> str | None:
    """The modality an auxiliary child gives its verb: "may" possible, "will" intended."""
    if dep != "aux":
        return None
    if word in POSSIBLE_AUXILIARIES:
        return "possible"
    return "intended" if word in INTENT_AUXILIARIES else None


def _hedges(view: TextView, k: int, below: int) -> bool:
    """Whether ``k`` hedges the clause ``below`` it that is its complement ("is likely [to
    sanction]"), not a clause joined to it."""
    return view.tokens[below].dep in {"xcomp", "ccomp"} and view.lemma(k) in LIKELIHOOD


def _none_of(view: TextView, noun: int) -> bool:
    """Whether a noun is quantified by "no" ("no apologies"; not "no doubt")."""
    return view.lemma(noun) not in AFFIRMING_NOUNS and any(
        view.tokens[c].dep == "det" and view.words[c].lower() == "no" for c in view.children(noun)
    )


def negated_by(view: TextView, k: int, words: frozenset[str] = NEGATIONS) -> bool:
    """Whether word ``k`` carries a negation of its own: a ``neg`` child or one of ``words``."""
    return any(
        view.tokens[c].dep == "neg" or view.words[c].lower() in words for c in view.children(k)
    )


def excludes(view: TextView, k: int) -> bool:
    """Whether word ``k`` is a verb that excludes an act ("ruled out", "excluded")."""
    lemma = view.lemma(k)
    return lemma == "exclude" or (lemma == "rule" and _has_word(view, k, "out"))


def _not_yet(view: TextView, k: int) -> bool:
    """ "has yet to", "is yet to": ``k`` is the verb whose clause is not done yet."""
    return view.lemma(k) in {"have", "be"} and any(
        view.tokens[c].dep == "advmod" and view.words[c].lower() == "yet" for c in view.children(k)
    )


def _still_to_come(view: TextView, trigger: int) -> bool:
    """ "is to meet"; or a time still to come on the trigger, or on the verb whose object it
    is ("announced a trip … next week", "the upcoming visit"), or whose subject it is ("talks
    resume next week")."""
    token = view.tokens[trigger]
    if (
        token.dep == "xcomp"
        and view.lemma(token.head) == "be"
        and any(
            view.tokens[c].dep == "aux" and view.words[c] == "to" for c in view.children(trigger)
        )
    ):
        return True
    if token.dep == "pobj" and _ahead_of(view, token.head):
        return True  # "ahead of his meeting with Putin on Monday"
    on_head = token.dep == "dobj" or (token.dep == "nsubj" and _governed(view, trigger))
    anchors = [trigger] + ([token.head] if on_head else [])
    for anchor in anchors:
        for child in view.children(anchor):
            dep = view.tokens[child].dep
            if dep == "amod" and view.words[child].lower() in FUTURE_WORDS:
                return True
            if dep in TIME_DEPS and child != trigger:
                words = view.subtree(child)
                if FUTURE_TIME.search(view.phrase(words[0], words[-1] + 1)):
                    return True
    return False


def _ahead_of(view: TextView, prep: int) -> bool:
    """Whether ``prep`` is the "of" of "ahead of" or the "for" of "in preparation for"."""
    token = view.tokens[prep]
    word, head = view.words[prep].lower(), view.words[token.head].lower()
    return token.head != prep and (
        (word == "of" and head == "ahead") or (word == "for" and head == "preparation")
    )


def _has_marker(view: TextView, clause: int) -> bool:
    return any(
        view.tokens[c].dep == "mark" and view.words[c].lower() in CONDITION_MARKERS
        for c in view.children(clause)
    )
