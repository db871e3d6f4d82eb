"""Places that act or are acted on: "shelling **Mosul**", "a car bomb hit **Kandahar**",
"an attack on **Basra**", "**West Darfur State** lifted its curfew".

CAMEO codes a place that is a party to an event as its country ("IRQ" for Mosul), and a
region as the region's code ("WAF" for West Africa). The knowledge base knows countries and
capitals; towns, provinces and regions come from the gazetteer, which the geo stage owns —
the pipeline hands its lookup in as a plain function (``PlaceCode``), so this package never
imports another stage.

A place is an actor only as an argument: the subject or object of a verb, or the object of
"against", "on", "into", "toward(s)" or "at". After "in", "near", "from" and the like it is
where something happened, which is the geo stage's business, not an actor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from communique.actors._words import (
    FORCE_MOVING_VERBS,
    LOCATED_SECTORS,
    STAYING_SECTORS,
    WHERE_PREPOSITIONS,
)
from communique.actors.roles import POSSESSIVE, RoleReading
from communique.records import Annotation
from communique.textview import TextView, area_around

# The CAMEO code and ISO3 country of a place name ("Mosul" → ("IRQ", "IRQ"), "West Africa" →
# ("WAF", None)), or None when the name is no known place.
PlaceCode = Callable[[str], tuple[str, str | None] | None]

PLACE_LABELS = frozenset({"GPE", "LOC"})
# Labels the small parser gives some places ("forces in Crimea", "troops from Abyei").
NAMED_PLACE_LABELS = frozenset({"ORG", "FAC"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
# A place right after its verb that the small parser takes for an adverb is its object.
MISPARSED_OBJECTS = frozenset({"advmod", "npadvmod"})
TARGET_PREPOSITIONS = frozenset({"against", "on", "into", "toward", "towards", "at"})
# Where troops go or leave, where a curfew, siege or alert holds and where force is used is
# what the event acts on (CAMEO codes "withdrew its troops from Abyei", "imposed a curfew in
# Ahmedabad", "stormed a hotel in Gwadar" against the place): after these prepositions a place
# is an actor when the phrase hangs on such a word, or on the object of such a verb.
LOCATIVE_PREPOSITIONS = frozenset({"to", "from", "in", "for", "inside", "across"})
LOCATIVE_TARGET_HEADS = FORCE_MOVING_VERBS | frozenset(
    {
        # more verbs of moving forces or people in or out
        "arrive", "airlift", "destine", "head",
        # verbs of imposing or lifting a restriction
        "impose", "declare", "lift", "ease", "extend", "enforce",
        # the restrictions and postures themselves
        "curfew", "emergency", "siege", "lockdown", "blockade", "alert", "deployment",
        "withdrawal", "pullout",
        # forces stationed, refuge sought and embassies opened somewhere
        "force", "troop", "peacekeeper", "soldier", "refuge", "asylum", "embassy", "consulate",
        # force used on something somewhere ("stormed a hotel in Gwadar")
        "raid", "storm", "attack", "bomb", "shell", "strike", "hit", "target", "besiege",
        "occupy", "invade", "seize", "capture", "ambush",
        # a disaster or conflict somewhere, which aid, condolences and sanctions act on ("funds
        # to fight the epidemic in West Africa", "condolences over the earthquake in Sichuan")
        "epidemic", "outbreak", "pandemic", "famine", "drought", "earthquake", "flood",
        "flooding", "disaster", "crisis", "war", "conflict", "violence", "insurgency",
    }
)  # fmt: skip
# States forces are put on somewhere ("remained on alert in New Delhi").
ON_STATES = frozenset({"alert", "standby", "patrol"})
_LEADING = frozenset({"the", "The"})


def place_actor_spans(
    view: TextView, annotation: Annotation, taken: set[int], code_of: PlaceCode
) -> Iterator[tuple[int, int, str, tuple[str, str | None]]]:
    """Token spans ``[start, end)`` of places that are arguments, with their written name,
    code and country; tokens in ``taken`` (already part of an actor) are never read again."""
    for entity in annotation.entities:
        if entity.label not in PLACE_LABELS | NAMED_PLACE_LABELS:
            continue
        start, end = view.entity_tokens(entity)
        inside = area_around(view, end - 1)
        if entity.label in NAMED_PLACE_LABELS and view.tokens[inside].dep != "pobj":
            continue  # a name tagged ORG or FAC is a place only after a preposition
        while start < end and view.words[start] in _LEADING:
            start += 1
        while end > start and view.words[end - 1] in POSSESSIVE:
            end -= 1
        if start >= end or taken.intersection(range(start, end)) or not _argument(view, end):
            continue
        name = view.phrase(start, end)
        coded = code_of(name)
        if coded is not None and re.fullmatch(r"[A-Z]{3}", coded[0]):
            yield start, end, name, coded


def _argument(view: TextView, end: int) -> bool:
    """Whether the phrase ending at token ``end`` is a verb's subject or object, the object
    of a preposition that marks a target, or where forces go or a restriction holds; an area
    phrase counts as the place inside it ("shelled the outskirts of Aleppo")."""
    i = area_around(view, end - 1)
    token = view.tokens[i]
    if token.dep in ARGUMENT_DEPS:
        return view.tokens[token.head].pos in {"VERB", "AUX"}
    if token.dep in MISPARSED_OBJECTS and token.head < i:
        return view.tokens[token.head].pos == "VERB"  # "shelled Mosul" read as an adverb
    if token.dep != "pobj":
        return False
    word = view.words[token.head].lower()
    if word in TARGET_PREPOSITIONS:
        return True
    return word in LOCATIVE_PREPOSITIONS and _targets_places(view, view.tokens[token.head].head)


def _targets_places(view: TextView, i: int) -> bool:
    """Whether token ``i`` moves forces or imposes a restriction, itself, as the object of a
    verb that does ("dispatching a team to Detroit"), or through its own object or state
    ("sought refuge in Amman", "remained on alert in New Delhi")."""
    if view.lemma(i) in LOCATIVE_TARGET_HEADS:
        return True
    if view.tokens[i].dep == "dobj" and view.lemma(view.tokens[i].head) in LOCATIVE_TARGET_HEADS:
        return True
    for child in view.children(i):
        dep = view.tokens[child].dep
        if dep == "dobj" and view.lemma(child) in LOCATIVE_TARGET_HEADS:
            return True
        on = dep == "prep" and view.words[child].lower() == "on"
        if on and any(view.lemma(k) in ON_STATES for k in view.children(child)):
            return True
    return False


# Where people go about, with a place inside it ("marched through the streets in Lima").
AROUND_PREPOSITIONS = WHERE_PREPOSITIONS | {"through", "outside"}
_QUANTITY_HEADS = frozenset({"hundred", "thousand", "million", "dozen", "ten", "score", "group"})


def located_country(view: TextView, i: int, code_of: PlaceCode | None, sector: str) -> str | None:
    """The country of the place where the people of ``sector`` the noun at token ``i`` names
    are: a place after "in", "inside", "across", "throughout" or "at" on the noun ("officials
    in Pyongyang", "hundreds of protesters in Lima"); for people who live where they act
    (``STAYING_SECTORS``), also a place on the verb they are the subject of or on its object,
    after it ("Hundreds of thousands of people blocked streets in Hong Kong" → HKG,
    "prisoners rioted at a jail in Dili" → TLS). None when no place is named there, or
    places of two countries are, or the sector is not anchored so (soldiers, spies)."""
    if code_of is None or sector not in LOCATED_SECTORS:
        return None
    by_verb = sector in STAYING_SECTORS
    tokens, k = view.tokens, i
    while tokens[k].dep == "pobj" and view.words[tokens[k].head].lower() == "of":
        owner = tokens[tokens[k].head].head  # "hundreds of people": the quantity's place
        if view.lemma(owner).lower() not in _QUANTITY_HEADS and tokens[owner].pos != "NUM":
            break
        k = owner
    heads = [i, k]
    if by_verb and tokens[k].dep in {"nsubj", "nsubjpass"}:
        verb = tokens[k].head
        heads.append(verb)
        heads += [c for c in view.children(verb) if tokens[c].dep == "dobj"]
    countries = {
        country
        for head in dict.fromkeys(heads)
        for preposition in view.children(head)
        if tokens[preposition].dep == "prep"
        and preposition > head
        and view.words[preposition].lower() in AROUND_PREPOSITIONS
        for place in view.children(preposition)
        if tokens[place].dep == "pobj"
        and (country := _place_country(view, place, code_of, 3)) is not None
    }
    return next(iter(countries)) if len(countries) == 1 else None


def place_country(view: TextView, i: int, code_of: PlaceCode) -> str | None:
    """The country of the town or region whose name covers token ``i``, if the gazetteer
    knows it."""
    return _place_country(view, i, code_of, 0)


def _place_country(view: TextView, i: int, code_of: PlaceCode, depth: int) -> str | None:
    """The country of the place the noun at ``i`` names, or of a place "in" it names ("a jail
    in Dili"); not of a modifier ("the U.S. embassy" is no place in the United States)."""
    for entity in view.annotation.entities:
        start, end = view.entity_tokens(entity)
        if entity.label in PLACE_LABELS and start <= i < end:
            coded = code_of(view.phrase(start, end))
            return coded[1] if coded is not None else None
    if depth == 0:
        return None
    for preposition in view.children(i):
        if view.words[preposition].lower() in WHERE_PREPOSITIONS:
            for place in view.children(preposition):
                if view.tokens[place].dep == "pobj":
                    return _place_country(view, place, code_of, depth - 1)
    return None


# Offices of a town or province, whose name the parser often tags ORG before them.
LOCAL_OFFICES = frozenset({"mayor", "governor", "deputy mayor", "deputy governor", "police chief"})


def town_before_title(
    view: TextView, reading: RoleReading, code_of: PlaceCode | None
) -> str | None:
    """The country of a town or region the gazetteer knows, named right before the title
    ``reading`` reads ("Tijuana Mayor Juan Gastelum" → MEX); the parser's ORG tag counts too
    before a local office."""
    if code_of is None:
        return None
    labels = PLACE_LABELS | ({"ORG"} if reading.role.lower() in LOCAL_OFFICES else set())
    for entity in view.annotation.entities:
        start, end = view.entity_tokens(entity)
        if end == reading.start and entity.label in labels:
            coded = code_of(view.phrase(start, end))
            return coded[1] if coded else None
    return None
