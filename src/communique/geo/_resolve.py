"""Which place a mention means: gazetteer candidates scored in the document's context.

Each candidate gets a score from what it is (countries and states before towns, capitals
before other cities, larger before smaller) and from the article around it:

- **containment** — "Paris, Texas", "Alexandria, La.", "Aleppo province": a candidate inside
  the place named next to it wins outright;
- **document focus** — the countries and states the article's other places and actors are
  in ("Georgia" in a story about Atlanta is the state);
- **one sense per article** — a name resolved once keeps that place in the same article.

Mentions are resolved in two passes: the first pass reads the article's focus from the
mentions that are not in doubt, the second resolves everything with that focus.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from communique.geo._mentions import STATE_ABBREVIATIONS, PlaceMention
from communique.geo.gazetteer import Gazetteer, GazetteerEntry, normalise_name

# A region's name ("Middle East", "West Africa") means the region, whatever town shares it.
_FEATURE_PRIOR = {"country": 3.0, "region": 6.0, "admin1": 2.0, "admin2": 0.5, "city": 0.0}
_FCODE_BONUS = {"PPLC": 2.5, "PPLA": 0.8, "PPLA2": 0.3}
_CONTAINED = 8.0  # "Paris, Texas": the place named next to it decides
_FOCUS_COUNTRY = 4.0  # scaled by the country's share of the article's places and actors
_FOCUS_ADMIN1 = 3.0
_BARE_ADMIN2 = 2.0
_ALIAS = 1.0
_KIND_NAMED = 4.0
_SURE_MARGIN = 2.0  # a name whose likeliest place leads the next by this much is not in doubt
# Words after a name that say which kind of place it is ("Aleppo province", "Dallas County").
_KIND_WORDS = {
    "province": "admin",
    "state": "admin",
    "region": "admin",
    "governorate": "admin",
    "district": "admin",
    "county": "admin",
    "prefecture": "admin",
    "oblast": "admin",
    "department": "admin",
    "city": "city",
    "town": "city",
    "village": "city",
}
_ADMIN_FEATURES = frozenset({"admin1", "admin2"})


@dataclass
class Context:
    """What the article says about where it is: its countries and states, and the names
    already resolved (one sense per article)."""

    countries: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    admin1: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    resolved: dict[str, GazetteerEntry] = field(default_factory=dict)

    def note(self, entry: GazetteerEntry, weight: float = 1.0) -> None:
        """Count ``entry`` towards the focus (a negative weight takes it back)."""
        if entry.country:
            self.countries[entry.country] += weight
        if entry.country and entry.admin1:
            self.admin1[entry.country, entry.admin1] += weight

    def country_share(self, country: str | None) -> float:
        total = sum(self.countries.values())
        return self.countries.get(country, 0.0) / total if country and total else 0.0


def candidates(gazetteer: Gazetteer, text: str) -> tuple[tuple[GazetteerEntry, ...], str | None]:
    """The gazetteer's entries for a mention, and the kind of place its wording asks for."""
    name = STATE_ABBREVIATIONS.get(text, text)
    found = gazetteer.lookup(name)
    if found:
        return found, None
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _KIND_WORDS:
        kind = _KIND_WORDS[words[-1].lower()]
        return gazetteer.lookup(" ".join(words[:-1])), kind
    if len(words) > 2 and words[0].lower() in _KIND_WORDS and words[1].lower() == "of":
        return gazetteer.lookup(" ".join(words[2:])), _KIND_WORDS[words[0].lower()]
    bare = re.sub(r"^(North|South|East|West|Northern|Southern|Eastern|Western)\s+", "", name)
    return (gazetteer.lookup(bare) if bare != name else ()), None


def given_candidates(
    gazetteer: Gazetteer, text: str
) -> tuple[tuple[GazetteerEntry, ...], str | None]:
    """Candidates for a span someone else says is a place: a demonym there ("Israeli" marked
    as a toponym) stands for its country."""
    found, kind = candidates(gazetteer, text)
    if found:
        return found, kind
    country = gazetteer.demonym(text)
    return ((country,) if country is not None else ()), None


def score(
    entry: GazetteerEntry,
    kind: str | None,
    container: GazetteerEntry | None,
    context: Context,
    name: str = "",
) -> float:
    """How likely the mention ``name`` means ``entry``; higher is better. A place the name
    matches only as one of its other names ("Mexico" for Mexico City, "Victoria" for Hong
    Kong) counts less, and the article's state is no evidence for it."""
    alias = bool(name) and normalise_name(entry.name) != normalise_name(name)
    value = _FEATURE_PRIOR.get(entry.feature, 0.0) - (_ALIAS if alias else 0.0)
    value += 0.5 * math.log10(entry.population + 1)
    value += _FCODE_BONUS.get(entry.fcode, 0.0)
    if (kind == "admin" and entry.feature in _ADMIN_FEATURES) or (
        kind == "city" and entry.feature == "city"
    ):
        value += _KIND_NAMED  # "Aleppo province", "Kabul city"
    elif entry.feature == "admin2":  # "Oakland" alone is the city, not Oakland County
        value -= _BARE_ADMIN2
    if container is not None and contains(container, entry):
        value += _CONTAINED
    value += _FOCUS_COUNTRY * context.country_share(entry.country)
    state = (entry.country or "", entry.admin1 or "")
    if entry.feature != "admin1" and not alias and context.admin1.get(state, 0.0) > 0:
        value += _FOCUS_ADMIN1  # the article names this town's state
    return value


def contains(outer: GazetteerEntry, inner: GazetteerEntry) -> bool:
    """Whether ``inner`` lies in ``outer`` (a country, a state, a county)."""
    if outer is inner or outer.country is None or outer.country != inner.country:
        return False
    if outer.feature == "country":
        return inner.feature != "country"
    if outer.feature == "admin1":
        return inner.admin1 == outer.name and inner.feature != "admin1"
    if outer.feature == "admin2":
        return inner.admin2 == outer.name and inner.feature == "city"
    return False


def resolve_all(
    gazetteer: Gazetteer,
    mentions: Sequence[PlaceMention],
    focus: Counter[str],
    given: bool = False,
) -> list[GazetteerEntry | None]:
    """The place each mention means, in order; ``None`` where the gazetteer has none.

    ``focus`` counts the countries the article's actors belong to; ``given`` says the
    mentions were given as places (gold spans), so demonyms among them are read as places.
    """
    lookup = given_candidates if given else candidates
    found = [lookup(gazetteer, m.text) for m in mentions]
    context = Context()
    for country, n in focus.items():
        context.countries[country] += 0.5 * n
    notes: dict[str, list[tuple[GazetteerEntry, float]]] = {}
    for mention, (entries, kind) in zip(mentions, found, strict=True):
        if entries:  # pass 1: each name's likeliest place sets the focus
            best, weight = _first_guess(entries, kind, mention.text)
            context.note(best, weight)
            notes.setdefault(mention.text.casefold(), []).append((best, weight))
    chosen: list[GazetteerEntry | None] = [None] * len(mentions)
    order = sorted(range(len(mentions)), key=lambda k: mentions[k].within is not None)
    for k in order:  # containers first, so "Paris, Texas" sees Texas resolved
        entries, kind = found[k]
        if not entries:
            continue
        key = mentions[k].text.casefold()
        if key in context.resolved:
            chosen[k] = context.resolved[key]
            continue
        within = mentions[k].within
        container = chosen[within] if within is not None else None
        own = notes.get(key, [])
        for entry, weight in own:  # a name is no evidence for itself
            context.note(entry, -weight)
        text = mentions[k].text
        best = max(entries, key=lambda e: score(e, kind, container, context, text))
        for entry, weight in own:
            context.note(entry, weight)
        chosen[k] = best
        context.resolved[key] = best
    return chosen


def _first_guess(
    entries: tuple[GazetteerEntry, ...], kind: str | None, name: str
) -> tuple[GazetteerEntry, float]:
    """A name's likeliest place without context, and how much it says about the focus:
    fully when every close candidate is in the same country ("Atlanta"), little otherwise
    ("Georgia")."""
    empty = Context()
    scored = sorted(((score(e, kind, None, empty, name), e) for e in entries), key=lambda r: -r[0])
    best = scored[0][1]
    close = [e for value, e in scored if scored[0][0] - value < _SURE_MARGIN]
    return best, 1.0 if all(e.country == best.country for e in close) else 0.3
