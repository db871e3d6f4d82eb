"""Places of an article and the place of each event.

``find_places`` recognises the article's place mentions and resolves each to a gazetteer
entry; ``resolve_spans`` resolves spans given from outside (gold toponyms, for evaluation);
``locate_events`` gives each event where it happened:

1. a place in the event's own clause after a locative preposition ("talks **in Geneva**",
   "shelling **near Kharkiv**"), or the destination of a visit ("Putin's visit **to the
   DPRK**", "visited **Pyongyang**");
2. else a place after a locative preposition elsewhere in its sentence, or where an actor of
   the sentence is based ("the **Kabul**-based group");
3. else the dateline's place ("KYIV, Ukraine (Reuters) —");
4. else nothing: ``location`` stays ``None`` when the text does not say.

A place that is one of the event's own actors ("**Washington** condemned …") is never where
the event happened unless a preposition or a visit says so.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence

from communique.geo._mentions import PlaceMention, find_mentions, mentions_at
from communique.geo._resolve import resolve_all
from communique.geo.gazetteer import Gazetteer, GazetteerEntry
from communique.records import (
    PLACE_ID_PREFIX,
    ActorMention,
    Annotation,
    Article,
    Event,
    Place,
    Span,
)
from communique.textview import TextView, dateline_end

PRODUCER = "communique.geo.v1"
LOCATIVE = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within", "on"}
)
# Events whose "to X" / direct object is where they happen.
MOVEMENT = frozenset(
    {"visit", "trip", "travel", "tour", "arrive", "fly", "journey", "go", "come", "return"}
)
_CLAUSE_EDGES = frozenset({"ccomp", "advcl", "relcl", "parataxis", "acl"})
_SPECIFIC = {"city": 0, "other": 1, "admin2": 2, "admin1": 3, "country": 4, "region": 5}


def find_places(
    article: Article,
    annotation: Annotation,
    actors: Sequence[ActorMention],
    gazetteer: Gazetteer,
) -> tuple[Place, ...]:
    """Recognise and resolve the places the article names, in text order."""
    view = TextView(article.text, annotation)
    mentions = find_mentions(article, annotation, gazetteer, view)
    entries = resolve_all(gazetteer, mentions, _actor_countries(actors, mentions))
    return tuple(
        _place(article.doc_id, mention, entry)
        for mention, entry in zip(mentions, entries, strict=True)
        if entry is not None
    )


def resolve_spans(
    article: Article,
    annotation: Annotation,
    spans: Sequence[tuple[int, int]],
    actors: Sequence[ActorMention],
    gazetteer: Gazetteer,
) -> list[Place | None]:
    """Resolve places at given character spans; ``None`` where the gazetteer has no entry.

    The spans are taken as places, so a demonym among them ("Israeli") is its country.
    """
    mentions = mentions_at(article, annotation, spans)
    entries = resolve_all(gazetteer, mentions, _actor_countries(actors, mentions), given=True)
    return [
        None if entry is None else _place(article.doc_id, mention, entry)
        for mention, entry in zip(mentions, entries, strict=True)
    ]


def locate_events(
    article: Article,
    annotation: Annotation,
    events: Sequence[Event],
    places: Sequence[Place],
    actors: Sequence[ActorMention],
) -> tuple[Event, ...]:
    """The events with ``location`` set where the text says where they happened."""
    if not places:
        return tuple(events)
    view = TextView(article.text, annotation)
    dateline = _dateline(article.text, places)
    return tuple(
        dataclasses.replace(event, location=_event_place(view, event, places, actors) or dateline)
        for event in events
    )


def _actor_countries(
    actors: Sequence[ActorMention], mentions: Sequence[PlaceMention]
) -> Counter[str]:
    """The countries of the article's actors, leaving out actors that are place mentions
    themselves ("Georgia" coded as the country must not decide which Georgia it is)."""
    places = {(m.start, m.end) for m in mentions}
    return Counter(
        m.country
        for m in actors
        if m.country
        and m.country.isalpha()
        and not m.actor_id.startswith(PLACE_ID_PREFIX)  # a town the actor stage read is a place
        and not _overlaps((m.start, m.end), places)
    )


def _overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in spans)


def _place(doc_id: str, mention: PlaceMention, entry: GazetteerEntry) -> Place:
    return Place(
        doc_id=doc_id,
        start=mention.start,
        end=mention.end,
        name=entry.name,
        geonameid=entry.geonameid,
        lat=entry.lat,
        lon=entry.lon,
        country=entry.country,
        admin1=entry.admin1,
        feature=entry.feature,
        producer=PRODUCER,
    )


def _event_place(
    view: TextView, event: Event, places: Sequence[Place], actors: Sequence[ActorMention]
) -> Place | None:
    span = view.annotation.sentences[event.sentence]
    here = [p for p in places if span.start <= p.start < span.end]
    if not here:
        return None
    trigger = view.token_at(event.trigger[0]) if event.trigger else None
    own = _own_spans(event, actors, span.start, span.end)
    ranked = []
    for place in here:
        level = _level(view, place, trigger, own)
        if level is not None:
            distance = abs(view.token_at(place.start) - trigger) if trigger is not None else 0
            ranked.append((level, _SPECIFIC.get(place.feature, 1), distance, place))
    return min(ranked, key=lambda r: r[:3])[3] if ranked else None


def _own_spans(
    event: Event, actors: Sequence[ActorMention], start: int, end: int
) -> list[tuple[int, int]]:
    ids = {ref.actor_id for ref in (event.source, event.target) if ref is not None}
    return [(m.start, m.end) for m in actors if m.actor_id in ids and start <= m.start < end]


def _level(
    view: TextView, place: Place, trigger: int | None, own: list[tuple[int, int]]
) -> int | None:
    """1: in the event's clause; 2: elsewhere in the sentence; None: not where it happened."""
    head = _phrase_head(view, place)
    parent = view.tokens[head].head
    word = view.words[parent].lower()
    locative = view.tokens[head].dep == "pobj" and word in LOCATIVE
    if trigger is not None and view.lemma(trigger) in MOVEMENT:
        destination = (view.tokens[head].dep == "pobj" and word == "to") or (
            view.tokens[head].dep == "dobj"
        )
        target = parent if view.tokens[head].dep == "dobj" else view.tokens[parent].head
        if destination and target == trigger:
            return 1
    if not locative:
        return 2 if _based(view, place) else None
    if trigger is not None and _same_clause(view, view.tokens[parent].head, trigger):
        return 1
    if _overlaps((place.start, place.end), own):
        return None
    return 2


def _based(view: TextView, place: Place) -> bool:
    """ "the Kabul-based group": where an actor sits, a weaker clue than a preposition."""
    after = view.token_at(place.end)
    return after + 1 < len(view) and view.words[after] == "-" and view.lemma(after + 1) == "base"


def _phrase_head(view: TextView, place: Place) -> int:
    first, last = view.entity_tokens(Span(place.start, place.end))
    for k in range(first, max(last, first + 1)):
        if not first <= view.tokens[k].head < last or view.tokens[k].head == k:
            return k
    return first


def _same_clause(view: TextView, a: int, b: int) -> bool:
    """Whether one token governs the other within three steps, inside one clause."""
    return _governs(view, a, b) or _governs(view, b, a)


def _governs(view: TextView, upper: int, lower: int) -> bool:
    k = lower
    for _ in range(4):
        if k == upper:
            return True
        token = view.tokens[k]
        if token.head == k or token.dep in _CLAUSE_EDGES:
            return False
        k = token.head
    return k == upper


def _dateline(text: str, places: Sequence[Place]) -> Place | None:
    """The place of a dateline opening the article ("KYIV, Ukraine (AP) —"), if any."""
    end = dateline_end(text)
    return places[0] if end and places[0].start < end else None
