"""The full CAMEO code of an appeal, demand, intent, refusal, threat or protest from what it
is about.

CAMEO splits these roots by their content: "urged Uganda to extradite the suspects" is an
appeal for judicial cooperation (0213), "demanded the release of the prisoners" a demand
that the target yields by releasing people (1053), "rejected calls for economic aid" 1221,
"threatened to impose sanctions" 1312. The trigger alone ("urged", "demanded", "rejected")
gives only the root's generic code (020, 100, 120); the act it is about, a verb or noun the
lexicon codes, gives the leaf. The table below maps the content's own code to a kind of
content, and each root to the leaf for that kind.
"""

from __future__ import annotations

from collections.abc import Iterator

from communique.events._arguments import argument_lemmas, object_of, particles_of
from communique.events.lexicon import Lexicon
from communique.textview import TextView

# The kind of content an act's own code names, most specific prefix first.
CONTENT_KINDS = {
    "061": "economic", "062": "military", "063": "judicial", "064": "intelligence",
    "06": "material",
    "05": "diplomatic",
    "071": "economic aid", "072": "military aid", "073": "humanitarian aid",
    "074": "protection", "07": "aid",
    "0831": "leadership", "0832": "policy", "0833": "rights", "0834": "institutions",
    "083": "reform",
    "081": "ease sanctions", "082": "ease dissent", "084": "release", "085": "ease embargo",
    "086": "involvement", "087": "de-escalate", "08": "yield",
    "04": "meet",
    # what a demand or an appeal asks for is the purpose of a protest that makes it ("a hunger
    # strike to demand the resignation of the president": for a change of leader)
    "1041": "leadership", "1042": "policy", "1043": "rights", "1044": "institutions",
    "0241": "leadership", "0242": "policy", "0243": "rights", "0244": "institutions",
}  # fmt: skip

# Where each kind of content sits under the communicative roots (CAMEO's parallel branches):
# "appeal for economic cooperation" is 0211, "demand" it 1011, "intend" it 0311.
BRANCHES = {
    "material": "1", "economic": "11", "military": "12", "judicial": "13",
    "intelligence": "14", "diplomatic": "2", "aid": "3", "economic aid": "31",
    "military aid": "32", "humanitarian aid": "33", "protection": "34", "reform": "4",
    "leadership": "41", "policy": "42", "rights": "43", "institutions": "44", "yield": "5",
    "ease sanctions": "51", "ease dissent": "52", "release": "53", "ease embargo": "54",
    "involvement": "55", "de-escalate": "56", "meet": "6",
}  # fmt: skip
LEAVES = {root: {kind: root + at for kind, at in BRANCHES.items()} for root in ("02", "03", "10")}
# REJECT has no branch for diplomatic cooperation nor intelligence: its branches after
# material cooperation come one place earlier (122 aid, 123 reform, 124 yield, 125 meet).
LEAVES["12"] = {
    kind: "12" + (at if at[0] == "1" else str(int(at[0]) - 1) + at[1:])
    for kind, at in BRANCHES.items()
    if kind not in {"diplomatic", "intelligence"}
}
# Protests split by what they are for ("a hunger strike to demand the resignation of the
# president" 1421): 141–145, each for a change of leader, of policy, for rights, for a change
# of institutions.
PURPOSES = {"leadership": "1", "policy": "2", "rights": "3", "institutions": "4"}
SPECIFIC_LEAVES = {
    f"14{n}": {kind: f"14{n}{at}" for kind, at in PURPOSES.items()} for n in range(1, 6)
}
# Aid cut or stopped splits by the kind of aid ("halted economic aid to Belgrade" 1621).
SPECIFIC_LEAVES["162"] = {
    "economic aid": "1621", "military aid": "1622", "humanitarian aid": "1623"
}  # fmt: skip
GENERIC_CODES = frozenset(
    {f"{root}{tail}" for root in LEAVES for tail in ("", "0")} | set(SPECIFIC_LEAVES)
)
# How the content hangs on the trigger: "urged X to extradite", "demanded that X release",
# "rejected a request to interrogate", "called for the release of", "appealed for aid".
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "prep", "pobj", "acl", "pcomp", "relcl"})
# Four links: "asked Japan for the quick arrival of humanitarian aid" (for, arrival, of, aid).
MAX_DEPTH = 4
# Words that carry the appeal or refusal itself, not what it is about: "rejected calls for
# economic aid" is about the aid, not a phone call.
FORM_NOUNS = frozenset(
    {
        "call",
        "request",
        "demand",
        "appeal",
        "plea",
        "proposal",
        "offer",
        "invitation",
        "suggestion",
        "bid",
        "push",
        "pressure",
        "effort",
        "attempt",
        "plan",
        "step",
        "way",
    }
)


def content_leaf(view: TextView, lexicon: Lexicon, trigger: int, cameo: str) -> str:
    """The full code of an appeal, intent, demand or refusal coded ``cameo`` at ``trigger``
    (the root's generic code) from the first act below it the lexicon codes; ``cameo`` when
    there is none or it names no kind of content the root splits on."""
    if cameo not in GENERIC_CODES:
        return cameo
    leaves = SPECIFIC_LEAVES.get(cameo) or LEAVES[cameo[:2]]
    # a protest's purpose is often a clause of its own ("marched … to demand …"), hung on the
    # verb whose object the protest is ("continued their hunger strike to demand …")
    protest = cameo[:2] == "14"
    deps = CONTENT_DEPS | {"advcl"} if protest else CONTENT_DEPS
    starts = [trigger]
    if protest and view.tokens[trigger].dep == "dobj":
        starts.append(view.tokens[trigger].head)
    for i in (k for start in starts for k in _below(view, start, deps) if k != trigger):
        if view.lemma(i) in FORM_NOUNS:
            continue
        kind = _kind(_code_of(view, lexicon, i))
        if kind is not None:
            return leaves.get(kind, cameo)
    return cameo


def _below(view: TextView, trigger: int, deps: frozenset[str]) -> Iterator[int]:
    """Tokens under the trigger, nearest first, through the links (``deps``) that carry its
    content."""
    level = [trigger]
    for _ in range(MAX_DEPTH):
        level = [c for i in level for c in view.children(i) if view.tokens[c].dep in deps]
        yield from level


def _code_of(view: TextView, lexicon: Lexicon, i: int) -> str | None:
    token = view.tokens[i]
    if token.pos in {"VERB", "AUX"}:
        pos = "verb"
    elif token.pos == "NOUN":
        pos = "noun"
    else:
        return None
    obj = object_of(view, i) if pos == "verb" else i  # a noun's own modifiers: "economic aid"
    entry = lexicon.lookup(
        view.lemma(i),
        pos,
        particles=particles_of(view, i),
        object_lemmas=argument_lemmas(view, i, obj),
    )
    return entry.cameo if entry is not None else None


def _kind(code: str | None) -> str | None:
    if code is None:
        return None
    for length in (4, 3, 2):
        kind = CONTENT_KINDS.get(code[:length])
        if kind is not None:
            return kind
    return None


# A coercive act announced or planned is, as CAMEO codes it, the threat of it, at the most
# specific level CAMEO has one for: "plans to impose sanctions" 1312, "will cut aid" 1311.
PLANNED_THREATS = {
    "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
    "166": "136", "17": "132", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323",
    "1724": "1324", "175": "137", "18": "1383", "19": "1384", "191": "1381",
    "192": "1382", "20": "1385",
}  # fmt: skip

# A material act threatened is coded, as CAMEO codes it, as the threat of it: "threatened to
# attack" is 1384, "warned it would impose sanctions" 1312; the threat itself is asserted.
THREAT_CODES = {
    "14": "133", "15": "138", "16": "131", "17": "137", "18": "1383", "19": "1384", "20": "1385",
}  # fmt: skip


def planned_threat(cameo: str) -> str | None:
    """The threat of the coercive act coded ``cameo`` when it is announced or planned."""
    return (
        PLANNED_THREATS.get(cameo)
        or PLANNED_THREATS.get(cameo[:3])
        or PLANNED_THREATS.get(cameo[:2])
    )


def threat_of(cameo: str) -> str | None:
    """The code of a threat to do the material act coded ``cameo`` ("threatened to sever ties"
    1313, to attack 1384, a show of force 138); None for an act CAMEO has no threat of."""
    specific = PLANNED_THREATS.get(cameo) or PLANNED_THREATS.get(cameo[:3])
    return specific or THREAT_CODES.get(cameo[:2])


THREAT_VERBS = frozenset({"threaten", "warn"})
FUTURE_AUXILIARIES = frozenset({"will", "would", "'ll", "shall"})


def threatened(view: TextView, trigger: int) -> bool:
    """Whether the act at ``trigger`` is what a threat threatens: "threatened to attack",
    "threatened military action", "warned (that) it would strike", "a threat to impose"."""
    token = view.tokens[trigger]
    head = token.head
    if head != trigger and token.dep == "acl" and view.lemma(head) == "threat":
        return True
    if head == trigger or view.lemma(head) not in THREAT_VERBS:
        return False
    if token.dep in {"xcomp", "dobj"}:
        return True
    return token.dep == "ccomp" and any(
        view.tokens[c].dep == "aux" and view.words[c].lower() in FUTURE_AUXILIARIES
        for c in view.children(trigger)
    )
