"""What a decided event is coded as, given how the sentence says it.

An act still to come is the intent to do it (a cooperative act, CAMEO 03) or the threat of it
(a coercive one, 13); an act threatened or held back until a condition is met is the threat,
which was made; an act only weighed is the consideration (014); people who "clash" dispute in
words (110). ``as_said`` applies these to a candidate's lexicon entry with the modality the
sentence gives it (``modality.py``).
"""

from __future__ import annotations

import dataclasses

from communique.events._arguments import is_person
from communique.events._content import planned_threat, threat_of, threatened
from communique.events.coder import Dyad
from communique.events.lexicon import LexiconEntry
from communique.events.modality import (
    NEGATING_VERBS,
    cancels,
    excludes,
    modality_of,
    negated_by,
)
from communique.events.ontology import Ontology
from communique.records import Modality
from communique.textview import TextView


def as_said(
    view: TextView, ontology: Ontology, dyad: Dyad, *, future: bool, foretold: bool = False
) -> tuple[LexiconEntry, Modality]:
    """The entry a candidate is coded with and its modality, as its sentence says it.

    Args:
        view: The article's parse.
        ontology: The CAMEO/PLOVER ontology (the PLOVER type of a changed code).
        dyad: The candidate, with the entry the rules or the model gave it.
        future: The text dates the event after the article's day (it is still to come).
        foretold: Another party than the doer tells of the act ("Iran will strike the bases,
            the Pentagon said"): an act still to come is then that party's forecast or
            charge, the act intended, not a threat or an intent the doer made known.
    """
    entry = dyad.entry
    if _verbal_clash(view, dyad):
        # "McMaster clashed with Trump": people clash in words; armed forces and crowds fight
        entry = _recoded(ontology, entry, DISAPPROVE)
    modality = modality_of(view, dyad.trigger, entry.modality)
    if entry.cameo[:2] != REJECT_ROOT and excludes(view, dyad.trigger):
        # "ruled out military action" coded as the action: it is not to be done; "has not
        # ruled out" leaves it open
        modality = "possible" if modality == "negated" else "negated"
    if entry.cameo[:2] not in CANCELLATION_ROOTS and cancels(view, dyad.trigger):
        # "scrapped a planned visit to London" coded as the visit: it did not take place
        modality = "asserted" if modality == "negated" else "negated"
    if modality == "asserted" and future:
        modality = "intended"  # "the June 12 summit" in an article of June 1: still to come
    threat = _threat_made(view, dyad.trigger, entry.cameo, modality)
    if threat is not None:
        # "threatened to attack" (1384), "will not lift the embargo until …" (139): the threat
        # is the event, and it was made
        return _recoded(ontology, entry, threat), "asserted"
    if entry.cameo == DECLINE_COMMENT and modality == "negated":
        # "did not immediately respond to a request for comment": not commenting is the event
        modality = "asserted"
    refusal = entry.cameo[:2] == REJECT_ROOT
    if modality == "negated" and refusal and not _refuses(view, dyad.trigger):
        # "Iran will not negotiate with the US", "refused to meet him", coded as the refusal
        # (125): the negation is the refusal, and the refusal was made
        modality = "asserted"
    if _considered(view, dyad.trigger):
        # "Japan is considering sending aid to Haiti": CAMEO codes the consideration (014),
        # a statement that was made, not an intent to send
        return _recoded(ontology, entry, CONSIDER_POLICY), "asserted"
    if modality == "negated" and entry.cameo[:2] == INTENT_ROOT and _restraint(view, dyad.trigger):
        # "promised not to attack South Korea": a promise of restraint, made; intended
        return entry, "intended"
    if modality == "asserted" and entry.cameo[:2] == INTENT_ROOT:
        # "expressed a willingness to meet" (036): an intent made known is of an act still to
        # come, as the corpus labels code 03 (intended 88 % of the time)
        return entry, "intended"
    if modality != "intended" or _planned_act(entry):
        # "were planning attacks": a plan others tell of is no threat made; the act, intended
        return entry, modality
    intent = _intent_code(entry.cameo)
    if intent is not None and foretold:
        return entry, modality  # another's forecast of the act, not the doer's intent or threat
    if intent is not None:
        # "is willing to provide aid": CAMEO 0331; announcing a coercive act is a threat,
        # and it was made
        return _recoded(ontology, entry, intent), "asserted" if intent[:2] == "13" else modality
    if entry.cameo[:2] == "13":
        return entry, "asserted"  # "said it would respond" read as a threat: the threat was made
    return entry, modality


def _recoded(ontology: Ontology, entry: LexiconEntry, cameo: str) -> LexiconEntry:
    plover = ontology.to_plover(cameo)
    return dataclasses.replace(entry, cameo=cameo, plover=plover[0] if plover else None, mode=None)


REJECT_ROOT = "12"  # the refusals
# Codes of calling something off itself: rejecting (12), reducing relations (16), yielding
# (08), and threatening to (13: "threatened to cancel the summit" was a threat made).
CANCELLATION_ROOTS = frozenset({REJECT_ROOT, "16", "08", "13"})
DECLINE_COMMENT = "011"
INTENT_ROOT = "03"  # the intents: to cooperate, to aid, to yield, to meet
# Words that refuse or defy by themselves: "did not reject the plan", "has not vetoed the
# bill" are refusals that were not made.
REFUSING = NEGATING_VERBS | {
    "rejection", "veto", "block", "boycott", "oppose", "snub", "rebuff", "dismiss", "ignore",
    "defy", "defiance", "violate", "violation", "breach", "flout", "resist",
}  # fmt: skip


def _refuses(view: TextView, trigger: int) -> bool:
    """Whether the trigger's own word refuses ("rejected", "vetoed", "turned down")."""
    return view.lemma(trigger) in REFUSING


# Words whose act is only ever a plan, whatever the model codes it as: "were planning
# attacks" is an intended assault, "pledged troops" an intended deployment. Not "agree",
# "offer", "invite": their act, recoded, was done ("offered rebels the option of …").
PURE_INTENT = frozenset({"plan", "pledge", "promise", "vow"})
PLANNING = frozenset({"plan"})


def kept_modality(entry: LexiconEntry, cameo: str) -> str | None:
    """The modality an entry's word carries, kept when the model gives another code."""
    if entry.cameo[:2] == cameo[:2] or entry.lemma in PURE_INTENT:
        return entry.modality
    return None


# CAMEO codes a cooperative act still to come as the intent to do it (root 03): "is willing
# to provide economic aid" is 0331, not 071 (the modality stays "intended" beside it).
INTENT_CODES = {
    **dict.fromkeys(["06", "060"], "031"),
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "064": "0314",
    **dict.fromkeys(["07", "070", "075"], "033"),
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    **dict.fromkeys(["08", "080"], "035"),
    **dict.fromkeys(["081", "0811", "0812", "0813", "0814"], "0351"),
    "082": "0352",
    "083": "034",
    **dict.fromkeys(["084", "0841", "0842"], "0353"),
    "085": "0354",
    "086": "0355",
    **dict.fromkeys(["087", "0871", "0872", "0873", "0874"], "0356"),
}


# Verbs that weigh an act without committing to it: "is considering sending aid".
CONSIDER_VERBS = frozenset({"consider", "weigh", "mull", "contemplate", "ponder"})
CONSIDER_POLICY = "014"
# A clash between people is a dispute (CAMEO 110, disapprove), not a fight.
DISAPPROVE = "110"
CLASH_WORDS = frozenset({"clash", "spar", "tussle", "lock"})


def _verbal_clash(view: TextView, dyad: Dyad) -> bool:
    """Whether the fight coded at the dyad's trigger is a person's clash with someone
    ("McMaster clashed with Trump"), which is in words."""
    return (
        dyad.entry.cameo[:2] in {"19", "18"}
        and view.lemma(dyad.trigger) in CLASH_WORDS
        and is_person(dyad.source)
    )


PROMISING = frozenset({"promise", "pledge", "vow", "agree", "commit", "undertake", "guarantee"})
NOT_WORDS = frozenset({"not", "n't", "never"})  # a verb's own negation ("no" negates nouns)


def _restraint(view: TextView, trigger: int) -> bool:
    """Whether the negated act at ``trigger`` is what a verb of promising, itself not negated,
    promises not to do ("promised not to attack")."""
    token = view.tokens[trigger]
    if token.dep != "xcomp" or not negated_by(view, trigger, NOT_WORDS):
        return False
    return view.lemma(token.head) in PROMISING and not negated_by(view, token.head, NOT_WORDS)


def _considered(view: TextView, trigger: int) -> bool:
    """Whether the act at ``trigger`` is one its doer is weighing ("considering sending")."""
    token = view.tokens[trigger]
    return (
        token.head != trigger
        and token.dep in {"xcomp", "ccomp", "dobj", "pcomp"}
        and view.lemma(token.head) in CONSIDER_VERBS
    )


def _planned_act(entry: LexiconEntry) -> bool:
    """Whether the trigger is a verb of planning the model coded as the coercive act
    planned ("were planning attacks on the bases"): a plan, not an announcement."""
    return entry.lemma in PLANNING and planned_threat(entry.cameo) is not None


def _intent_code(cameo: str) -> str | None:
    """The code of an act still to come: the intent of a cooperative act, the threat of a
    coercive one; None when CAMEO codes it as it is."""
    if cameo in INTENT_CODES:
        return INTENT_CODES[cameo]
    return planned_threat(cameo)


# "X will not end the strike until Y …": a refusal held until a condition is met is an
# ultimatum (CAMEO 139), a threat made now.
ULTIMATUM = "139"
UNTIL_MARKERS = frozenset({"until", "till", "unless", "before"})


def _threat_made(view: TextView, trigger: int, cameo: str, modality: str) -> str | None:
    """The threat code of an act that is threatened rather than done, else None."""
    if modality in {"negated", "intended"} and _ultimatum(view, trigger):
        return ULTIMATUM
    return threat_to_act(view, trigger, cameo)


def threat_to_act(view: TextView, trigger: int, cameo: str) -> str | None:
    """The threat code of the act coded ``cameo`` at ``trigger`` when a threat governs it
    ("threatened to sever ties" → 1313), else None."""
    threat = threat_of(cameo)
    return threat if threat is not None and threatened(view, trigger) else None


def _ultimatum(view: TextView, trigger: int) -> bool:
    """Whether the negated act at ``trigger`` is held back until a condition is met."""
    children = view.children(trigger)
    if not negated_by(view, trigger, NOT_WORDS):
        return False
    for child in children:
        dep = view.tokens[child].dep
        if dep == "prep" and view.words[child].lower() in UNTIL_MARKERS:
            return True
        if dep == "advcl" and any(
            view.tokens[m].dep == "mark" and view.words[m].lower() in UNTIL_MARKERS
            for m in view.children(child)
        ):
            return True
    return False
