"""Reported speech in the parse: cue verbs and the clause that reports an event or quote.

Shared by the event coder (who says an event happened) and the quote stage (who said a
quote), so both read "X said that …", "…, X told reporters" and "according to X" the same way.
"""

from __future__ import annotations

from communique.textview import TextView

# Lemmas of verbs that report speech or a claim (the "cue" of a quote).
CUE_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "state",
        "announce",
        "claim",
        "allege",
        "report",
        "stress",
        "note",
        "warn",
        "insist",
        "explain",
        "confirm",
        "write",
        "argue",
        "declare",
        "assert",
        "reiterate",
        "emphasise",
        "emphasize",
        "suggest",
        "acknowledge",
        "admit",
        "remark",
        "comment",
        "respond",
        "reply",
        "answer",
        "tweet",
        "post",
        "recall",
        "predict",
        "underline",
        "underscore",
        "observe",
        "point",
        "deny",
        "accuse",
        "urge",
        "caution",
    }
)
# Verbs by which a report or a person makes a claim about events without quoting anyone:
# "a Senate investigation revealed that …" (cues of attribution, not of quotes).
CLAIM_VERBS = frozenset({"reveal", "disclose", "detail"})
# Verbs of finding or holding a view, a claim only over a clause of their own ("investigators
# concluded that …", "US officials believe Iran …"; not "to show restraint after …").
FINDING_VERBS = frozenset(
    {"find", "conclude", "determine", "prove", "show", "establish", "assess", "believe",
     "think", "suspect"}
)  # fmt: skip
# Nouns for what reports a claim on someone's behalf: "a Senate investigation revealed that
# …", "according to the court filing": the actor behind it is the claimer.
REPORT_NOUNS = frozenset(
    {
        "report", "investigation", "inquiry", "probe", "statement", "filing", "study",
        "document", "review", "audit", "assessment", "analysis", "memo", "letter",
        "complaint", "indictment", "lawsuit", "ruling", "communique", "announcement",
        "cable", "transcript", "record", "records", "dossier", "resolution", "declaration",
        "motion",
    }
)  # fmt: skip
# Light verbs that report speech with a noun or adjective: "drew attention to", "made clear".
CUE_PHRASES = {
    "draw": frozenset({"attention"}),
    "make": frozenset({"clear", "plain", "statement", "remark", "comment"}),
    "express": frozenset({"concern", "hope", "regret", "doubt"}),
    "voice": frozenset({"concern", "support", "doubt"}),
    "issue": frozenset({"statement", "warning"}),
}
# Clause links through which reported content hangs from its cue verb.
REPORTED_DEPS = frozenset(
    {
        "ccomp",
        "parataxis",
        "xcomp",
        "conj",
        "relcl",
        "acl",
        "advcl",
        "pobj",
        "prep",
        "dobj",
        "pcomp",
        "nsubjpass",
        "nsubj",
        "attr",
        "acomp",
        "dep",
    }
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
MAX_STEPS = 10


def reporting_cue(view: TextView, token: int, *, claims: bool = False) -> int | None:
    """The cue verb that reports the clause containing ``token``, or ``None``.

    Walks up the dependency tree from ``token`` to the first verb of saying it hangs from
    (with ``claims``, also a verb of revealing, :data:`CLAIM_VERBS`, or one of finding over
    its clause, :data:`FINDING_VERBS`).
    """
    k, steps = token, 0
    while view.tokens[k].head != k and steps < MAX_STEPS:
        head = view.tokens[k].head
        cue = is_cue(view, head) or (claims and view.lemma(head) in CLAIM_VERBS)
        if cue and view.tokens[k].dep in REPORTED_DEPS:
            return head
        if claims and view.lemma(head) in FINDING_VERBS and view.tokens[k].dep == "ccomp":
            return head
        k, steps = head, steps + 1
    return None


def is_cue(view: TextView, verb: int) -> bool:
    """A verb of saying, or a light verb with a speech noun ("drew attention to", "made clear")."""
    if view.lemma(verb) in CUE_VERBS:
        return True
    nouns = CUE_PHRASES.get(view.lemma(verb), frozenset())
    return any(
        view.tokens[c].dep in {"dobj", "acomp", "ccomp"} and view.lemma(c) in nouns
        for c in view.children(verb)
    )


def cue_subject(view: TextView, cue: int) -> int | None:
    """The grammatical subject of a cue verb ("Stoltenberg" in "…, Stoltenberg said")."""
    for child in view.children(cue):
        if view.tokens[child].dep in SUBJECT_DEPS:
            return child
    return None


def according_to(view: TextView, sentence: int) -> int | None:
    """The head of X in "according to X" within a sentence, or ``None``."""
    for i in view.sentence_range(sentence):
        if view.words[i].lower() != "according":
            continue
        for child in view.children(i):
            if view.words[child].lower() == "to":
                objects = [c for c in view.children(child) if view.tokens[c].dep == "pobj"]
                if objects:
                    return objects[0]
    return None


# Verbs that frame a direct quote beside the verbs of saying ("…?" she asked; "…," he
# continued). Only quotes read them: an event under "asked" or "joked" is not reported speech.
QUOTE_CUE_VERBS = CUE_VERBS | frozenset(
    {
        "ask",
        "continue",
        "conclude",
        "joke",
        "quip",
        "exclaim",
        "shout",
        "yell",
        "scream",
        "whisper",
        "complain",
        "boast",
        "concede",
        "counter",
        "retort",
        "muse",
        "lament",
        "testify",
        "recount",
        "agree",
        "wonder",
        "promise",
        "vow",
        "pledge",
        "mutter",
        "chant",
        "plead",
        "proclaim",
        "charge",
    }
)
# Links from a cue verb to its reported clause: "said (that) …", "told reporters (that) …".
CLAUSE_DEPS = frozenset({"ccomp"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Links through which a cue verb without a subject shares its governor's ("he said, adding …").
SHARED_SUBJECT_DEPS = frozenset({"advcl", "xcomp", "conj"})


def cue_speaker(view: TextView, cue: int, depth: int = 0) -> int | None:
    """The head word of who speaks through a cue verb, or ``None``.

    The active subject nearest the verb ("Stoltenberg said", inverted "said Stoltenberg";
    a subject inside the quote is farther away); for a relative clause, the noun it
    modifies ("a spokesman who said"); for a participle or coordinated verb without a
    subject, its governor's speaker ("he said, adding …", "began by saying …"); for a
    participle on a noun, the speaker of the verb governing the noun ("released a statement
    saying …"); for a passive, the agent ("was announced by the ministry"). A passive subject
    is the hearer ("he was told"), never the speaker.
    """
    token = view.tokens[cue]
    subjects = [c for c in view.children(cue) if view.tokens[c].dep == "nsubj"]
    if subjects:
        subject = min(subjects, key=lambda c: abs(c - cue))
        if view.lemma(subject) in RELATIVE_PRONOUNS and token.dep == "relcl":
            return token.head
        return subject
    for child in view.children(cue):
        if view.tokens[child].dep == "agent":
            objects = [c for c in view.children(child) if view.tokens[c].dep == "pobj"]
            if objects:
                return objects[0]
    if any(view.tokens[c].dep == "nsubjpass" for c in view.children(cue)) or depth >= 3:
        return None
    governor = _governing_verb(view, cue)
    return None if governor is None else cue_speaker(view, governor, depth + 1)


def _governing_verb(view: TextView, verb: int) -> int | None:
    """The verb whose subject a subjectless verb shares, through the links of
    :data:`SHARED_SUBJECT_DEPS`, a preposition ("by saying") or a noun ("a statement saying")."""
    token = view.tokens[verb]
    if token.head == verb:
        return None
    if token.dep in SHARED_SUBJECT_DEPS:
        return token.head
    parent = view.tokens[token.head]
    if token.dep == "pcomp" and parent.dep == "prep" and parent.head != token.head:
        return parent.head
    if token.dep == "acl" and parent.dep in {"dobj", "pobj"} and parent.head != token.head:
        above = view.tokens[parent.head]
        # "emailed supporters saying", "carrying signs saying"; "a statement from X saying"
        return above.head if parent.dep == "pobj" and above.dep == "prep" else parent.head
    return None


def reported_clause(view: TextView, cue: int) -> int | None:
    """The head of the clause a cue verb reports ("… said [that Russia is …]"), or ``None``."""
    for child in view.children(cue):
        if view.tokens[child].dep in CLAUSE_DEPS:
            return child
    return None


def is_passive_participle(view: TextView, verb: int) -> bool:
    """True for a past participle without "have" ("Asked about it, he demurred"): the
    subject it leans on is the one spoken to, not the speaker."""
    if view.tokens[verb].tag != "VBN":
        return False
    return not any(
        view.tokens[c].dep == "aux" and view.lemma(c) == "have" for c in view.children(verb)
    )
