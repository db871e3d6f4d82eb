"""Place mentions: where the text names a place, before anything is resolved.

The parser's GPE and LOC entities are the mentions, trimmed of a leading article and a
possessive ("the United States's" → "United States"); runs of proper nouns the parser left
untagged count when they name a country or a first-level division the gazetteer knows. Two
mentions joined by a comma ("Paris, Texas", "Alexandria, La.") are kept apart, and the
second one's place contains the first (``PlaceMention.within``).

Demonyms and adjectives are not places ("French", "Iraqi" are NORP entities and are never
read here); a place that is an actor ("Washington said") is still a place mention — the
actor stage codes it as an actor, and ``locate_events`` never takes an event's own actor as
where it happened unless the text says so ("a visit to Pyongyang").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from communique.geo.gazetteer import Gazetteer, GazetteerEntry, normalise_name
from communique.records import Annotation, Article, Span
from communique.textview import TextView

# Buildings and streets (FAC) are left out: "White House" is an actor, and the gazetteer's
# alternate names would read it as Casablanca.
PLACE_LABELS = frozenset({"GPE", "LOC"})
_LEADING = frozenset({"the", "The", "THE"})
_COMPASS = frozenset(
    {"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest"}
    | {"Northern", "Southern", "Eastern", "Western", "Central"}
)
_MAX_PLACE_TOKENS = 4
_TOWN_POPULATION = 100_000  # a city this large is a place even where the parser missed it
_TRAILING = frozenset({"'s", "’s", "'", "’", ".", ",", ";", ":"})
# The US states as news agencies abbreviate them after a town ("Alexandria, La."); the AP
# forms.
STATE_ABBREVIATIONS = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Kans.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Tex.": "Texas",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named at tokens ``[first, last)``; ``within`` is the index (in the article's
    mention list) of the mention right after it that names a place containing it."""

    first: int
    last: int
    start: int
    end: int
    text: str
    label: str
    within: int | None = None


def find_mentions(
    article: Article, annotation: Annotation, gazetteer: Gazetteer, view: TextView | None = None
) -> list[PlaceMention]:
    """Every place mention of the article, in text order."""
    view = view or TextView(article.text, annotation)
    found: list[PlaceMention] = []
    taken: set[int] = set()
    for entity in annotation.entities:
        if entity.label not in PLACE_LABELS:
            continue
        first, last = _trimmed(view, *view.entity_tokens(entity))
        if first >= last or not view.is_capitalised(first):
            continue
        if view.phrase(first, last) in _COMPASS:
            continue  # "the North", "the South": directions, not places
        found.append(_mention(view, first, last, entity.label))
        taken.update(range(first, last))
    blocked = {  # a person's name, a building's or a park's is not searched for towns
        k
        for entity in annotation.entities
        if entity.label in {"PERSON", "FAC"}
        for k in range(*view.entity_tokens(entity))
    }
    found.extend(_untagged(view, gazetteer, taken, blocked))
    found.sort(key=lambda m: m.first)
    return _linked(view, found)


def mentions_at(
    article: Article,
    annotation: Annotation,
    spans: Sequence[tuple[int, int]],
    view: TextView | None = None,
) -> list[PlaceMention]:
    """Mentions at given character spans (gold toponyms), in the given order."""
    view = view or TextView(article.text, annotation)
    mentions = []
    for start, end in spans:
        first, last = view.entity_tokens(Span(start, end))
        text = article.text[start:end]
        mentions.append(PlaceMention(first, max(last, first + 1), start, end, text, "GOLD"))
    ordered = sorted(range(len(mentions)), key=lambda k: mentions[k].first)
    linked = _linked(view, [mentions[k] for k in ordered])
    back = {k: linked[n] for n, k in enumerate(ordered)}
    return [_renumber(back[k], ordered) for k in range(len(mentions))]


def _renumber(mention: PlaceMention, ordered: list[int]) -> PlaceMention:
    """``within`` counted in the given order instead of text order."""
    if mention.within is None:
        return mention
    return dataclasses.replace(mention, within=ordered[mention.within])


def _trimmed(view: TextView, first: int, last: int) -> tuple[int, int]:
    while first < last and view.words[first] in _LEADING:
        first += 1
    while last > first and view.words[last - 1] in _TRAILING:
        last -= 1
    return first, last


def _mention(view: TextView, first: int, last: int, label: str) -> PlaceMention:
    start, end = view.chars(first, last)
    return PlaceMention(first, last, start, end, view.text[start:end], label)


def _untagged(
    view: TextView, gazetteer: Gazetteer, taken: set[int], blocked: set[int]
) -> Iterator[PlaceMention]:
    """Places inside proper-noun runs the parser did not tag as places ("the **Illinois**
    State Police", "**Gainesville** Police Department"), and state abbreviations after a
    comma ("…, La."). Never inside ``blocked`` tokens (a person's or a building's name)."""
    i = 0
    while i < len(view):
        if i in taken or i in blocked or not _proper(view, i):
            i += 1
            continue
        end = i
        while end < len(view) and end not in taken and end not in blocked and _proper(view, end):
            end += 1
        yield from _known_runs(view, gazetteer, i, end)
        i = end
    for k, word in enumerate(view.words):
        if k not in taken and word in STATE_ABBREVIATIONS and k > 0 and view.words[k - 1] == ",":
            yield _mention(view, k, k + 1, "GPE")


def _proper(view: TextView, i: int) -> bool:
    return view.tokens[i].pos == "PROPN" and view.is_capitalised(i)


def _known_runs(
    view: TextView, gazetteer: Gazetteer, first: int, last: int
) -> Iterator[PlaceMention]:
    """The longest known places in a run of proper nouns, left to right."""
    i = first
    while i < last:
        for end in range(min(last, i + _MAX_PLACE_TOKENS), i, -1):
            name = view.phrase(i, end)
            if view.words[i] not in STATE_ABBREVIATIONS and _known_place(
                gazetteer.lookup(name), name
            ):
                yield _mention(view, i, end, "GPE")
                i = end
                break
        else:
            i += 1


def _known_place(entries: tuple[GazetteerEntry, ...], text: str) -> bool:
    """A name sure enough to be a place outside a place entity: a country, a state, a
    region, a county named as one, or a town of some size."""
    if not entries or text in _COMPASS:
        return False
    best = entries[0]
    if best.feature in {"country", "admin1", "region"}:
        return True
    if best.feature == "admin2":
        return text.split()[-1] in {"County", "Parish"}
    return (
        best.feature == "city"
        and best.population >= _TOWN_POPULATION
        and normalise_name(best.name) == normalise_name(text)  # no alternate names: "Police"
    )


def _linked(view: TextView, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Mark "A, B" pairs: B (right after a comma) is the place that contains A."""
    linked = list(mentions)
    for k in range(len(mentions) - 1):
        here, after = mentions[k], mentions[k + 1]
        if after.first == here.last + 1 and view.words[here.last] == ",":
            linked[k] = dataclasses.replace(here, within=k + 1)
    return linked
