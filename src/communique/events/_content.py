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

# The leaf each communicative root takes for a kind of content (CAMEO's parallel branches).
LEAVES = {
    "02": {
        "material": "021", "economic": "0211", "military": "0212", "judicial": "0213",
        "intelligence": "0214", "diplomatic": "022", "aid": "023", "economic aid": "0231",
        "military aid": "0232", "humanitarian aid": "0233", "protection": "0234",
        "reform": "024", "leadership": "0241", "policy": "0242", "rights": "0243",
        "institutions": "0244", "yield": "025", "ease sanctions": "0251",
        "ease dissent": "0252", "release": "0253", "ease embargo": "0254",
        "involvement": "0255", "de-escalate": "0256", "meet": "026",
    },
    "03": {
        "material": "031", "economic": "0311", "military": "0312", "judicial": "0313",
        "intelligence": "0314", "diplomatic": "032", "aid": "033", "economic aid": "0331",
        "military aid": "0332", "humanitarian aid": "0333", "protection": "0334",
        "reform": "034", "leadership": "0341", "policy": "0342", "rights": "0343",
        "institutions": "0344", "yield": "035", "ease sanctions": "0351",
        "ease dissent": "0352", "release": "0353", "ease embargo": "0354",
        "involvement": "0355", "de-escalate": "0356", "meet": "036",
    },
    "10": {
        "material": "101", "economic": "1011", "military": "1012", "judicial": "1013",
        "intelligence": "1014", "diplomatic": "102", "aid": "103", "economic aid": "1031",
        "military aid": "1032", "humanitarian aid": "1033", "protection": "1034",
        "reform": "104", "leadership": "1041", "policy": "1042", "rights": "1043",
        "institutions": "1044", "yield": "105", "ease sanctions": "1051",
        "ease dissent": "1052", "release": "1053", "ease embargo": "1054",
        "involvement": "1055", "de-escalate": "1056", "meet": "106",
    },
    "12": {
        "material": "121", "economic": "1211", "military": "1212", "judicial": "1213",
        "aid": "122", "economic aid": "1221", "military aid": "1222",
        "humanitarian aid": "1223", "protection": "1224", "reform": "123",
        "leadership": "1231", "policy": "1232", "rights": "1233", "institutions": "1234",
        "yield": "124", "ease sanctions": "1241", "ease dissent": "1242", "release": "1243",
        "ease embargo": "1244", "involvement": "1245", "de-escalate": "1246", "meet": "125",
    },
}  # fmt: skip
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
