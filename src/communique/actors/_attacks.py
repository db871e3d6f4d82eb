"""Attacks whose authors nobody names: "A roadside bombing near Samarra killed a U.S. soldier".

CAMEO and PLOVER code the attack itself as its source, an unidentified armed force (``UAF``)
of the country where it happened (the PLOVER gold codes "a roadside bombing near the town of
Samarra" as IRQ UAF), as ICEWS codes "Unidentified Attackers (Iraq)". The reader here finds
such nouns for the actor finder: an attack word that is the subject of a verb of harm, or
the one its victims fell in or by ("were killed in a suicide bombing", "were wounded by a
roadside bomb"), with no actor before it or after "by" who carried it out ("a Taliban
bombing", "an Israeli airstrike", "a bombing by the rebels" are theirs).
"""

from __future__ import annotations

from collections.abc import Sequence

from communique.actors._found import Found
from communique.actors.places import PlaceCode
from communique.textview import TextView

# Attacks that happen without a named author in the sentence.
UNNAMED_ATTACKS = frozenset(
    {
        "bombing", "bomb", "explosion", "blast", "attack", "ambush", "shelling", "landmine",
        "mine", "rocket", "mortar", "grenade", "ied", "airstrike", "strike", "raid",
        "shooting", "gunfire", "assault",
    }
)  # fmt: skip
# What such an attack does to its victims.
HARM_VERBS = frozenset(
    {
        "kill", "wound", "injure", "hurt", "maim", "hit", "destroy", "damage", "target",
        "strike", "claim", "leave", "rock", "tear", "devastate",
    }
)  # fmt: skip
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "det", "nummod"})
# "The attack killed twelve" after "Taliban fighters stormed a base" is theirs: only an attack
# told as new (no article, or "a", "an") is nobody's.
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def unnamed_attacks(view: TextView, taken: set[int]) -> list[tuple[int, int]]:
    """Token spans ``[start, end)`` of the attacks of the text that harm someone and that no
    actor is named to have carried out ("A suicide car bombing killed …": the whole phrase
    without its article). ``taken``: tokens already read as actors."""
    found = []
    for i, token in enumerate(view.tokens):
        if view.lemma(i).lower() not in UNNAMED_ATTACKS or token.pos != "NOUN":
            continue
        if not _harms(view, i):
            continue
        modifiers = [c for c in view.children(i) if c < i and view.tokens[c].dep in MODIFIER_DEPS]
        if any(view.words[c].lower() in DEFINITE for c in modifiers):
            continue
        start = min((_leftmost(view, c) for c in modifiers), default=i)
        while start < i and view.tokens[start].dep == "det":
            start += 1
        phrase = set(range(start, i + 1))
        if phrase & taken or _has_agent(view, i, taken):
            continue  # "a Taliban bombing", "an attack by the rebels": the author is named
        found.append((start, i + 1))
    return found


def _harms(view: TextView, i: int) -> bool:
    """Whether the attack noun at ``i`` harms someone: it is the subject of a verb of harm
    ("A bombing killed …"), or what a passive verb of harm's victims fell in or by ("three
    civilians were killed in a car bombing", "two soldiers were hurt by a mine")."""
    tokens = view.tokens
    if tokens[i].dep == "nsubj":
        return view.lemma(tokens[i].head) in HARM_VERBS
    preposition = tokens[i].head
    if (
        tokens[i].dep != "pobj"
        or view.words[preposition].lower() not in {"in", "by"}
        or tokens[preposition].dep not in {"prep", "agent"}
    ):
        return False
    verb = tokens[preposition].head
    passive = any(tokens[c].dep in {"auxpass", "nsubjpass"} for c in view.children(verb))
    return passive and view.lemma(verb) in HARM_VERBS


def _leftmost(view: TextView, i: int) -> int:
    return min(view.subtree(i))


def _has_agent(view: TextView, i: int, taken: set[int]) -> bool:
    """Whether "by X" or "of X" after the attack names its author among the actors."""
    return any(
        view.tokens[child].dep == "prep"
        and view.words[child].lower() in {"by", "of"}
        and taken.intersection(view.subtree(child))
        for child in view.children(i)
    )


def attack_country(
    view: TextView, i: int, found: Sequence[Found], places: PlaceCode | None
) -> str | None:
    """The country of the place where the attack at token ``i`` happened: the first known
    place its sentence names that is no part of a longer actor ("near the town of Samarra",
    not the "U.S." of "killed a U.S. soldier", which says whose the victims are)."""
    if places is None:
        return None
    sentence = view.tokens[i].sentence
    taken = {k for f in found if f.end - f.start > 1 for k in range(f.start, f.end)}
    for entity in view.annotation.entities:
        first = view.token_at(entity.start)
        if (
            entity.label in {"GPE", "LOC", "FAC", "NORP"}  # the small tagger: "Samarra" NORP
            and view.tokens[first].sentence == sentence
            and first not in taken
        ):
            place = places(view.text[entity.start : entity.end])
            if place is not None and place[1]:
                return place[1]
    return None
