"""Store test helpers: a fresh database per test and hand-made coded documents."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

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

RUS = ActorRef(code="RUSGOV", name="Russia", actor_id="rus")
PRK = ActorRef(code="PRKMIL", name="North Korea", actor_id="prk")
NATO = ActorRef(code="IGOWSTNAT", name="NATO", actor_id="nato")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test's database lives."""
    return tmp_path / "store" / "test.duckdb"


@pytest.fixture
def connection(db_path: Path) -> Iterator[store.Connection]:
    """A fresh, migrated database, closed after the test."""
    with store.open_database(db_path) as connection:
        yield connection


@dataclass(frozen=True)
class Build:
    """Builders of hand-made records (no model, no parse)."""

    @staticmethod
    def raw(doc_id: str, text: str = "Russia and North Korea signed a pact.") -> RawDocument:
        return RawDocument(
            id=doc_id,
            origin=f"{doc_id}.txt",
            data=text.encode("utf-8"),
            text=text,
            media_type="text",
            producer="test.reader.v1",
        )

    @staticmethod
    def event(doc_id: str, n: int = 0, **changes: object) -> Event:
        fields: dict[str, object] = {
            "doc_id": doc_id,
            "id": f"{doc_id}-e{n}",
            "source": RUS,
            "target": PRK,
            "type": "AGREE",
            "mode": None,
            "cameo": "057",
            "quad_class": 1,
            "goldstein": 8.0,
            "modality": "asserted",
            "attributed_to": None,
            "date": "2024-06-19",
            "sentence": 0,
            "start": 0,
            "end": 37,
            "evidence": "Russia and North Korea signed a pact.",
            "confidence": 0.9,
            "producer": "test.events.v1",
        }
        fields.update(changes)
        return Event(**fields)  # type: ignore[arg-type]

    def document(self, doc_id: str, events: int = 1, quotes: int = 1) -> CodedDocument:
        raw = self.raw(doc_id)
        article = Article(doc_id=doc_id, text=raw.text, title=f"Title {doc_id}", language="en")
        mentions = (
            ActorMention(doc_id, "rus", 0, 6, "RUSGOV", "Russia", "RUS", "GOV"),
            ActorMention(doc_id, "prk", 11, 22, "PRKMIL", "North Korea", "PRK", "MIL"),
        )
        quote_records = tuple(
            Quote(doc_id, f"{doc_id}-q{n}", "We signed.", "direct", NATO, "said", 0, 10)
            for n in range(quotes)
        )
        return CodedDocument(
            raw=raw,
            article=article,
            actors=mentions,
            events=tuple(self.event(doc_id, n) for n in range(events)),
            quotes=quote_records,
        )

    def rejected(self, doc_id: str) -> CodedDocument:
        rejection = Rejection(f"{doc_id}.txt", "extract", "no-body", "no main text", doc_id)
        return CodedDocument(raw=self.raw(doc_id, "<html></html>"), rejections=(rejection,))

    @staticmethod
    def unreadable(origin: str = "bad.bin") -> Rejection:
        return Rejection(origin, "ingest", "binary", "expected text or HTML, found binary data")


@pytest.fixture
def build() -> Build:
    """Record builders."""
    return Build()
