"""Hand-made documents whose events have locations: the store, CLI, API and export tests of
"where" (no gazetteer, no model). Written through ``StoreWriter`` like a real ingest.

Events (id: location, feature):

    loc1-e0  Kharkiv (city, UKR)       2024-06-03
    loc1-e1  Kharkiv (city, UKR)       2024-06-04
    loc1-e2  Kyiv (city, UKR)          2024-06-05
    loc1-e3  no location               2024-06-06
    loc2-e0  Pyongyang (city, PRK)     2024-06-18
    loc2-e1  North Korea (country)     2024-06-18
    loc2-e2  Texas (admin1, USA)       2024-06-19
    loc2-e3  Donbas (region, UKR, no geonameid)
    loc2-e4  Black Sea (region, no country, no geonameid)
"""

from __future__ import annotations

from pathlib import Path

from communique import store
from communique.records import ActorRef, Article, CodedDocument, Event, Place, RawDocument

PRODUCER = "geo.test.v1"
RUS = ActorRef(code="RUSMIL", name="Russian forces", actor_id="rus")
UKR = ActorRef(code="UKRMIL", name="Ukrainian forces", actor_id="ukr")
PRK = ActorRef(code="PRKGOV", name="North Korea", actor_id="prk")
USA = ActorRef(code="USAGOV", name="United States", actor_id="usa")

TEXTS = {
    "loc1": (
        "Russian forces shelled Kharkiv on Monday. They struck Kharkiv again. "
        "Drones hit Kyiv. Ukrainian forces answered."
    ),
    "loc2": (
        "Russian officials met in Pyongyang. The United States accused North Korea. "
        "Texas officials spoke. Fighting went on in Donbas and on the Black Sea."
    ),
}
# name: geonameid, lat, lon, country, admin1, feature
GAZETTEER: dict[str, tuple[int | None, float, float, str | None, str | None, str]] = {
    "Kharkiv": (706483, 49.98081, 36.25272, "UKR", "Kharkivska Oblast", "city"),
    "Kyiv": (703448, 50.45466, 30.5238, "UKR", "Kyiv City", "city"),
    "Pyongyang": (1871859, 39.03385, 125.75432, "PRK", "Pyongyang", "city"),
    "North Korea": (1873107, 40.0, 127.0, "PRK", None, "country"),
    "Texas": (4736286, 31.25044, -99.25061, "USA", "Texas", "admin1"),
    "Donbas": (None, 48.0, 38.0, "UKR", None, "region"),
    "Black Sea": (None, 43.0, 35.0, None, None, "region"),
}
# Per document: (event number, the place it happened at or None, date)
EVENTS: dict[str, list[tuple[str | None, str | None]]] = {
    "loc1": [
        ("Kharkiv", "2024-06-03"),
        ("Kharkiv", "2024-06-04"),
        ("Kyiv", "2024-06-05"),
        (None, "2024-06-06"),
    ],
    "loc2": [
        ("Pyongyang", "2024-06-18"),
        ("North Korea", "2024-06-18"),
        ("Texas", "2024-06-19"),
        ("Donbas", None),
        ("Black Sea", None),
    ],
}


def place(doc_id: str, name: str, occurrence: int = 0) -> Place:
    """The place ``name`` as mentioned in document ``doc_id`` (its ``occurrence``-th time)."""
    text = TEXTS[doc_id]
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(name, start + 1)
    geonameid, lat, lon, country, admin1, feature = GAZETTEER[name]
    return Place(
        doc_id=doc_id,
        start=start,
        end=start + len(name),
        name=name,
        geonameid=geonameid,
        lat=lat,
        lon=lon,
        country=country,
        admin1=admin1,
        feature=feature,  # type: ignore[arg-type]
        producer=PRODUCER,
    )


def document(doc_id: str) -> CodedDocument:
    """One located document with its events and every place it names."""
    text = TEXTS[doc_id]
    raw = RawDocument(
        id=doc_id,
        origin=f"{doc_id}.txt",
        data=text.encode("utf-8"),
        text=text,
        media_type="text",
        url=f"https://example.org/{doc_id}",
        producer="test.reader.v1",
    )
    article = Article(
        doc_id=doc_id, text=text, title=f"Title {doc_id}", url=raw.url, published="2024-06-03"
    )
    seen: dict[str, int] = {}
    events = []
    for n, (name, day) in enumerate(EVENTS[doc_id]):
        location = None
        if name is not None:
            location = place(doc_id, name, seen.get(name, 0))
            seen[name] = seen.get(name, 0) + 1
        events.append(_event(doc_id, n, day, location))
    places = sorted(
        {e.location for e in events if e.location is not None},
        key=lambda p: (p.start, p.end),
    )
    return CodedDocument(raw=raw, article=article, events=tuple(events), places=tuple(places))


def _event(doc_id: str, n: int, day: str | None, location: Place | None) -> Event:
    source, target = (RUS, UKR) if doc_id == "loc1" else (USA if n else RUS, PRK)
    return Event(
        doc_id=doc_id,
        id=f"{doc_id}-e{n}",
        source=source,
        target=target,
        type="ASSAULT" if doc_id == "loc1" else "CONSULT",
        mode=None,
        cameo="190" if doc_id == "loc1" else "040",
        quad_class=4 if doc_id == "loc1" else 1,
        goldstein=-10.0 if doc_id == "loc1" else 1.0,
        modality="asserted",
        attributed_to=None,
        date=day,
        sentence=n,
        start=0,
        end=10,
        evidence=f"Sentence {n} of {doc_id}.",
        confidence=0.9,
        producer="test.events.v1",
        location=location,
    )


def located_documents() -> list[CodedDocument]:
    """Both located documents."""
    return [document("loc1"), document("loc2")]


def all_located_events() -> list[Event]:
    """Every event of :func:`located_documents`, in id order (= the store's date order
    for the dated ones)."""
    return [e for d in located_documents() for e in d.events]


def write_located_db(path: Path) -> Path:
    """Write :func:`located_documents` to a new database at ``path``; return the path."""
    with store.open_database(path) as connection:
        store.StoreWriter(connection).write(located_documents())
    return path
