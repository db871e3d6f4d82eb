"""The full CAMEO code of an appeal, demand, intent, refusal or threat from what it is about.

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
GENERIC_CODES = frozenset({f"{root}{tail}" for root in LEAVES for tail in ("", "0")})
# How the content hangs on the trigger: "urged X to extradite", "demanded that X release",
# "rejected a request to interrogate", "called for the release of", "appealed for aid".
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "prep", "pobj", "acl", "pcomp", "relcl"})
MAX_DEPTH = 3
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
    leaves = LEAVES[cameo[:2]]
    for i in _below(view, trigger):
        if view.lemma(i) in FORM_NOUNS:
            continue
        kind = _kind(_code_of(view, lexicon, i))
        if kind is not None:
            return leaves.get(kind, cameo)
    return cameo


def _below(view: TextView, trigger: int) -> Iterator[int]:
    """Tokens under the trigger, nearest first, through the links that carry its content."""
    level = [trigger]
    for _ in range(MAX_DEPTH):
        level = [c for i in level for c in view.children(i) if view.tokens[c].dep in CONTENT_DEPS]
        yield from level


def _code_of(view: TextView, lexicon: Lexicon, i: int) -> str | None:
    token = view.tokens[i]
    if token.pos in {"VERB", "AUX"}:
        pos = "verb"
    elif token.pos == "NOUN":
        pos = "noun"
    else:
        return None
    obj = object_of(view, i) if pos == "verb" else None
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
