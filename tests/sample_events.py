"""A small hand-made database for the query, analysis and export tests (no model, no parse).

Three documents: ``d1`` (week of 2024-06-03) and ``d2`` (week of 2024-06-17), coded by hand,
and ``d3``, rejected before extraction. Written through ``StoreWriter`` like a real ingest.

Events (id: source → target, type, CAMEO, quad class, Goldstein, modality, date):

    d1-e0  RUSGOV Russia → PRKGOV   SUPPORT 057 q1 +8   asserted 2024-06-03
    d1-e1  PRKGOV → RUSGOV          CONSULT 040 q1 +1   asserted 2024-06-05
    d1-e2  USAGOV → RUSGOV          ACCUSE  112 q3 -2   asserted 2024-06-05 (according to NATO)
    d2-e0  RUSGOV Russia → PRKGOV   ACCUSE  112 q3 -2   asserted 2024-06-18
    d2-e1  RUSGOV → UKRMIL          ASSAULT 195 q4 -10  asserted 2024-06-19
    d2-e2  RUSGOV → UKRMIL          ASSAULT 190 q4 -10  possible 2024-06-19
    d2-e3  RUSGOV Vladimir Putin → PRKGOV CONSULT 040 q1 +1 asserted 2024-06-19
    d2-e4  RUSGOV → (none)          ASSAULT 190 q4 -10  asserted, no date
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from communique import store
from communique.records import (
    ActorMention,
    ActorRef,
    Article,
    CodedDocument,
    Event,
    Quote,
    RawDocument,
    Rejection,
)

RUS = ActorRef("RUSGOV", "Russia", "rus")
PUTIN = ActorRef("RUSGOV", "Vladimir Putin", "putin")
PRK = ActorRef("PRKGOV", "North Korea", "prk")
USA = ActorRef("USAGOV", "United States", "usa")
UKR = ActorRef("UKRMIL", "Ukrainian military", "ukr")
NATO = ActorRef("IGOWSTNAT", "NATO", "nato")

TEXT = {
    "d1": "Russia and North Korea signed a pact. Pyongyang consulted Moscow.\n"
    "Washington accused Moscow of arming Pyongyang, NATO said.",
    "d2": "Russia accused North Korea of delays. Russian jets bombed Ukrainian positions.\n"
    "Putin met Kim.",
}
EVENTS = {
    "d1": [
        (RUS, PRK, "SUPPORT", "057", 1, 8.0, "asserted", None, "2024-06-03"),
        (PRK, RUS, "CONSULT", "040", 1, 1.0, "asserted", None, "2024-06-05"),
        (USA, RUS, "ACCUSE", "112", 3, -2.0, "asserted", NATO, "2024-06-05"),
    ],
    "d2": [
        (RUS, PRK, "ACCUSE", "112", 3, -2.0, "asserted", None, "2024-06-18"),
        (RUS, UKR, "ASSAULT", "195", 4, -10.0, "asserted", None, "2024-06-19"),
        (RUS, UKR, "ASSAULT", "190", 4, -10.0, "possible", None, "2024-06-19"),
        (PUTIN, PRK, "CONSULT", "040", 1, 1.0, "asserted", None, "2024-06-19"),
        (RUS, None, "ASSAULT", "190", 4, -10.0, "asserted", None, None),
    ],
}
EVIDENCE = {
    "d1-e2": "Washington accused Moscow of arming Pyongyang, NATO said.",
    "d2-e1": "Russian jets bombed Ukrainian positions.",
}
MENTIONS = (
    (RUS, "RUS", "GOV", None),
    (PUTIN, "RUS", "GOV", "president"),
    (PRK, "PRK", "GOV", None),
    (USA, "USA", "GOV", None),
    (UKR, "UKR", "MIL", None),
    (NATO, None, None, None),
)


def event(doc_id: str, n: int, row: tuple[Any, ...]) -> Event:
    """The ``n``-th hand-coded event of ``doc_id``."""
    source, target, kind, cameo, quad, goldstein, modality, said_by, day = row
    return Event(
        doc_id=doc_id,
        id=f"{doc_id}-e{n}",
        source=source,
        target=target,
        type=kind,
        mode="phone" if kind == "CONSULT" else None,
        cameo=cameo,
        quad_class=quad,
        goldstein=goldstein,
        modality=modality,
        attributed_to=said_by,
        date=day,
        sentence=n,
        start=10 * n,
        end=10 * n + 9,
        evidence=EVIDENCE.get(f"{doc_id}-e{n}", f"Sentence {n} of {doc_id}."),
        confidence=0.75,
        producer="test.events.v1",
    )


def document(doc_id: str, published: str) -> CodedDocument:
    """A coded document with its article, actor mentions, events and quotes."""
    text = TEXT[doc_id]
    raw = RawDocument(doc_id, f"{doc_id}.txt", text.encode(), text, "text", producer="test.v1")
    article = Article(
        doc_id=doc_id,
        text=text,
        title=f"Title {doc_id}",
        published=published,
        source="Example Wire",
        url=f"https://example.org/{doc_id}",
        language="en",
        producer="test.extract.v1",
    )
    mentions = tuple(
        ActorMention(doc_id, ref.actor_id or "", i, i + 3, ref.code, ref.name, country, sector,
                     role, "test.actors.v1")
        for i, (ref, country, sector, role) in enumerate(MENTIONS)
    )  # fmt: skip
    speakers = {"d1": [(NATO, "We are concerned.")], "d2": [(PUTIN, "We help friends.")]}
    speakers["d2"].append((None, "Nobody knows."))  # a speaker the actor stage did not code
    quotes = tuple(
        Quote(doc_id, f"{doc_id}-q{n}", said, "direct", who, "said", n, n + 5, "test.quotes.v1",
              speaker_name=who.name if who else "an official")
        for n, (who, said) in enumerate(speakers[doc_id])
    )  # fmt: skip
    events = tuple(event(doc_id, n, row) for n, row in enumerate(EVENTS[doc_id]))
    return CodedDocument(raw=raw, article=article, actors=mentions, events=events, quotes=quotes)


def rejected(doc_id: str) -> CodedDocument:
    """A document rejected before extraction (no article)."""
    raw = RawDocument(doc_id, f"{doc_id}.html", b"<html></html>", "<html></html>", "html")
    rejection = Rejection(f"{doc_id}.html", "extract", "no-body", "no main text", doc_id)
    return CodedDocument(raw=raw, rejections=(rejection,))


def write_sample_db(path: Path) -> Path:
    """Write the sample documents to a new database at ``path``; return ``path``."""
    with store.open_database(path) as connection:
        writer = store.StoreWriter(connection)
        writer.write([document("d1", "2024-06-03"), document("d2", "2024-06-18"), rejected("d3")])
    return path


def all_events() -> list[Event]:
    """Every sample event, as written."""
    return [event(doc_id, n, row) for doc_id, rows in EVENTS.items() for n, row in enumerate(rows)]
