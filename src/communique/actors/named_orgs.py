"""Organisations the knowledge base does not know, read from their names.

A named organisation says what kind of body it is in its head word: "the Association of
African Jurists" is a non-governmental body, "the Rwandan Patriotic Front" a political
grouping, "the Nigerian Union of Teachers" a union, "Freeport-McMoRan Inc." a business. When
the parser tags such a name as an organisation and the knowledge base knows nothing in it,
the name is an actor coded with that sector, and with the country a country word inside it
gives ("Rwandan" → RWA): CAMEO's way of coding a domestic body it has no entry for.

Head words that name very different bodies ("Council", "Committee", "League", "Group",
"Bank") are left alone: "the Security Council" and "the central bank" are not NGOs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from communique.actors.knowledge import KBMatch
from communique.actors.roles import POSSESSIVE
from communique.textview import TextView

# The head word of a name → the CAMEO sector of the body it names.
ORGANISATION_HEADS = {
    **dict.fromkeys(["party", "alliance", "coalition", "bloc", "front", "movement"], "PTY"),
    **dict.fromkeys(["army", "brigade", "brigades"], "REB"),  # only with an armed word (below)
    **dict.fromkeys(
        [
            "association", "society", "foundation", "institute", "federation", "network",
            "centre", "center", "organisation", "organization", "forum", "trust",
        ],
        "NGO",
    ),
    **dict.fromkeys(["union", "unions", "syndicate", "confederation"], "LAB"),
    **dict.fromkeys(["university", "college", "academy", "school"], "EDU"),
    **dict.fromkeys(["church", "diocese", "synod"], "REL"),
    **dict.fromkeys(
        [
            "inc", "inc.", "corp", "corp.", "co.", "ltd", "ltd.", "llc", "plc", "company",
            "corporation", "holdings", "airlines", "airways",
        ],
        "BUS",
    ),
    **dict.fromkeys(["agency", "ministry", "department", "bureau", "commission", "office"], "GOV"),
}  # fmt: skip
# Committees are legislative when their name says so ("Council", "Committee" alone are left
# alone: see the module's note).
COMMITTEES = frozenset({"committee", "subcommittee"})
LEGISLATIVE_WORDS = frozenset(
    {"house", "senate", "congressional", "parliamentary", "parliament", "assembly", "select"}
)
# Words that make a ministry, department or office a defence establishment's (MIL).
DEFENCE_WORDS = frozenset({"defence", "defense"})
# Words that make a front, movement or army an armed group's ("Moro Islamic Liberation Front",
# "the Balochistan Liberation Army").
ARMED_WORDS = frozenset({"liberation", "resistance", "armed", "revolutionary", "mujahideen"})
# A union of these is a trade union; any other union is a political one ("Homeland Union",
# "Christian Democratic Union").
WORKER_WORDS = frozenset(
    {
        "worker", "workers", "workers'", "labour", "labor", "trade", "teachers", "teachers'",
        "employees", "miners", "journalists", "doctors", "nurses", "farmers", "students",
    }
)  # fmt: skip
# Members a body of people names: "the Association of African Jurists" is the jurists' (CAMEO
# codes a professional body with its members' sector), "the Junior Doctors Association" the
# doctors'. Unions keep their own reading (above).
MEMBER_SECTORS = {
    **dict.fromkeys(["jurists", "lawyers", "judges", "advocates", "bar"], "JUD"),
    **dict.fromkeys(["doctors", "physicians", "nurses", "surgeons", "medical"], "HLH"),
    **dict.fromkeys(["journalists", "reporters", "editors", "publishers", "broadcasters"], "MED"),
    **dict.fromkeys(["farmers", "peasants", "growers"], "AGR"),
    **dict.fromkeys(["students", "teachers", "academics", "professors", "scholars"], "EDU"),
    **dict.fromkeys(
        ["employers", "industrialists", "manufacturers", "exporters", "bankers"], "BUS"
    ),
    **dict.fromkeys(["refugees"], "REF"),
}
# Words a name may hold besides capitalised ones ("the Association for the Defence of …").
_JOINING = frozenset({"of", "for", "the", "and", "&", "in", "on", "de", "du", "des", "la", "-"})
_SPLITTING = frozenset({"of", "for"})
_COUNTRY_KINDS = frozenset({"country", "demonym"})
_KNOWN_KINDS = frozenset({"organisation", "person", "metonym", "capital"})


@dataclass(frozen=True, slots=True)
class NamedOrganisation:
    """An organisation read from its name: tokens ``[start, end)``, its sector and country."""

    start: int
    end: int
    name: str
    sector: str
    country: str | None
    non_governmental: bool = False  # a body of people of one sector: NGO + sector

    @property
    def code(self) -> str:
        """Its CAMEO code: the country and sector; a body of one profession with no country
        is a non-governmental one of that sector ("NGOJUD")."""
        if self.non_governmental and self.country is None:
            return "NGO" + self.sector
        return (self.country or "") + self.sector


def named_organisations(view: TextView, matches: Sequence[KBMatch]) -> Iterator[NamedOrganisation]:
    """The organisations the parser tags in ``view`` that the knowledge base does not know
    (``matches`` are its matches in the text) and whose head word names their kind."""
    for entity in view.annotation.entities:
        if entity.label != "ORG":
            continue
        start, end = view.entity_tokens(entity)
        while start < end and view.words[start].lower() == "the":
            start += 1
        while end > start and view.words[end - 1] in POSSESSIVE:
            end -= 1
        if end - start < 2 or not _written_as_a_name(view, start, end):
            continue
        inside = [m for m in matches if m.end > start and m.start < end]
        sector = _sector(view, start, end)
        if sector is None or any(m.start < start or m.end > end for m in inside):
            continue  # no kind of body, or a match crosses its edge
        if sector != "LEG" and any(m.kind in _KNOWN_KINDS for m in inside):
            continue  # the knowledge base knows it ("the House Homeland Security Committee"
            # is the committee, not the department it oversees)
        country = next((m.country for m in inside if m.kind in _COUNTRY_KINDS), None)
        if country is None and sector == "LEG" and _congress_committee(view, start, end):
            country = "USA"  # "the House Intelligence Committee", "the Senate Armed Services …"
        owner = _owner(view, matches, start) if country is None else None
        if owner is not None:  # "China's Commerce Ministry": China's
            start, country = owner.start, owner.country or owner.code[:3]
        members = _members(view, start, end) if sector == "NGO" else None
        name = view.phrase(start, end)
        yield NamedOrganisation(start, end, name, members or sector, country, members is not None)


def _owner(view: TextView, matches: Sequence[KBMatch], start: int) -> KBMatch | None:
    """The country (or its capital) whose possessive stands just before a name at ``start``."""
    if start < 2 or view.words[start - 1] not in POSSESSIVE:
        return None
    return next(
        (m for m in matches if m.end == start - 1 and m.kind in _COUNTRY_KINDS | {"capital"}),
        None,
    )


def _written_as_a_name(view: TextView, start: int, end: int) -> bool:
    words = view.words
    return view.is_capitalised(start) and all(
        view.is_capitalised(i) or words[i].lower() in _JOINING or words[i] in POSSESSIVE
        for i in range(start, end)
    )


def _sector(view: TextView, start: int, end: int) -> str | None:
    """The sector the name's head word gives: the word before its first "of"/"for", else its
    last word ("Association of African Jurists" → Association, "Homeland Union" → Union)."""
    words = [view.words[i].lower() for i in range(start, end)]
    split = next((k for k, word in enumerate(words) if word in _SPLITTING and k > 0), None)
    head = words[split - 1] if split is not None else words[-1]
    sector = ORGANISATION_HEADS.get(head)
    if sector == "PTY" and head in {"front", "movement"} and ARMED_WORDS.intersection(words):
        return "REB"
    if sector == "REB" and not ARMED_WORDS.intersection(words):
        return None  # "the Pakistan Army" is read with its country elsewhere
    if sector == "LAB" and not WORKER_WORDS.intersection(words):
        return "PTY"  # a political union
    if head in COMMITTEES and LEGISLATIVE_WORDS.intersection(words):
        return "LEG"  # "the Senate Intelligence Committee", "a parliamentary committee"
    if sector == "GOV" and DEFENCE_WORDS.intersection(words):
        return "MIL"  # "Peru's Ministry of Defence": as sectors.tsv codes defence ministries
    return sector


def _congress_committee(view: TextView, start: int, end: int) -> bool:
    """Whether a committee's name is written the way the US Congress names its committees:
    "House" or "Senate", a topic, then "Committee" ("the House Intelligence Committee"; other
    senates' are written "Senate Committee on …", and carry their country nearby)."""
    words = [view.words[i].lower() for i in range(start, end)]
    return (
        words[0] in {"house", "senate"}
        and len(words) >= 3
        and words[1] not in COMMITTEES | {"of"}
        and words[-1] in COMMITTEES
    )


def _members(view: TextView, start: int, end: int) -> str | None:
    """The sector of the people a body's name says it gathers ("of African Jurists")."""
    words = (view.words[i].lower() for i in range(start, end))
    return next((MEMBER_SECTORS[w] for w in words if w in MEMBER_SECTORS), None)
