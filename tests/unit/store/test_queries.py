"""Queries: event filters, counts, ids, an article with its records, raw documents back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

import duckdb
import pytest

from communique import store
from communique.errors import InputError
from communique.records import ActorMention, ActorRef
from communique.store import EventFilter

if TYPE_CHECKING:
    from conftest import Build  # the fixture's type; pytest imports conftest itself

USA = ActorRef(code="USAGOV", name="United States", actor_id="usa")
KOR = ActorRef(code="KORGOV", name="South Korea", actor_id="kor")
NATO = ActorRef(code="IGOWSTNAT", name="NATO", actor_id="nato")
PRK = ActorRef(code="PRKMIL", name="North Korea", actor_id="prk")


@pytest.fixture
def filled(connection: duckdb.DuckDBPyConnection, build: Build) -> duckdb.DuckDBPyConnection:
    """Three documents, four events with different actors, codes, dates and modalities."""
    a = replace(
        build.document("a"),
        events=(
            build.event("a", 0),  # RUSGOV → PRKMIL 057 AGREE 2024-06-19
            build.event(
                "a", 1, source=USA, target=KOR, type="CONSULT", cameo="040", quad_class=1,
                date="2024-07-01", evidence="Washington consulted Seoul on drills.",
            ),
        ),
    )  # fmt: skip
    b = replace(
        build.document("b"),
        events=(
            build.event(
                "b", 0, source=PRK, target=KOR, type="ASSAULT", cameo="195", quad_class=4,
                goldstein=-10.0, modality="possible", attributed_to=NATO, date="2024-08-15",
            ),
            build.event("b", 1, target=None, cameo="190", quad_class=4, date=None, confidence=0.5),
        ),
    )  # fmt: skip
    store.StoreWriter(connection).write([a, b, build.rejected("c")])
    return connection


def _ids(connection: duckdb.DuckDBPyConnection, **where: object) -> list[str]:
    return store.events(connection, EventFilter(**where))["id"].tolist()  # type: ignore[arg-type]


def test_events_without_filters_come_earliest_first_with_their_article(
    filled: duckdb.DuckDBPyConnection,
) -> None:
    frame = store.events(filled)
    assert frame["id"].tolist() == ["a-e0", "a-e1", "b-e0", "b-e1"]
    assert frame.loc[0, "article_title"] == "Title a"
    assert {"source_code", "target_name", "attributed_code", "goldstein"} <= set(frame.columns)


def test_events_filter_by_actor_code_prefix_or_name(filled: duckdb.DuckDBPyConnection) -> None:
    assert _ids(filled, actor="PRK") == ["a-e0", "b-e0"]  # source or target
    assert _ids(filled, actor="korgov") == ["a-e1", "b-e0"]  # codes are case-insensitive
    assert _ids(filled, actor="KOR") == ["a-e0", "a-e1", "b-e0"]  # KORGOV, or "North Korea"
    assert _ids(filled, actor="north korea") == ["a-e0", "b-e0"]
    assert _ids(filled, actor="RUS") == ["a-e0", "b-e1"]  # b-e1 has no target
    assert _ids(filled, source="United") == ["a-e1"]


def test_events_filter_by_dyad(filled: duckdb.DuckDBPyConnection) -> None:
    assert _ids(filled, source="PRK", target="KOR") == ["b-e0"]
    assert _ids(filled, source="KOR", target="PRK") == []


def test_events_filter_by_codes_and_modality(filled: duckdb.DuckDBPyConnection) -> None:
    assert _ids(filled, cameo="19") == ["b-e0", "b-e1"]
    assert _ids(filled, cameo="057") == ["a-e0"]
    assert _ids(filled, type="consult") == ["a-e1"]
    assert _ids(filled, quad_class=4) == ["b-e0", "b-e1"]
    assert _ids(filled, modality="possible") == ["b-e0"]
    assert _ids(filled, attributed_to="NATO") == ["b-e0"]


def test_events_filter_by_date_text_document_and_limit(filled: duckdb.DuckDBPyConnection) -> None:
    assert _ids(filled, since="2024-07-01") == ["a-e1", "b-e0"]
    assert _ids(filled, since="2024-06-01", until="2024-07-01") == ["a-e0", "a-e1"]
    assert _ids(filled, text="SEOUL") == ["a-e1"]
    assert _ids(filled, doc_id="b") == ["b-e0", "b-e1"]
    assert _ids(filled, limit=1) == ["a-e0"]


def test_counts_cover_every_table(filled: duckdb.DuckDBPyConnection) -> None:
    counts = store.counts(filled)
    assert list(counts) == list(store.TABLES)
    assert (counts["documents"], counts["events"], counts["rejections"]) == (3, 4, 1)


def test_document_ids_and_known_ids(filled: duckdb.DuckDBPyConnection) -> None:
    assert store.document_ids(filled) == {"a", "b", "c"}
    assert store.known_document_ids(filled, ["a", "x", "c"]) == {"a", "c"}
    assert store.known_document_ids(filled, []) == set()


def test_article_returns_text_and_its_records(filled: duckdb.DuckDBPyConnection) -> None:
    stored = store.article(filled, "b")
    assert stored is not None
    assert stored.article.title == "Title b" and stored.article.language == "en"
    assert stored.events["id"].tolist() == ["b-e0", "b-e1"]
    assert stored.quotes["speaker_code"].tolist() == ["IGOWSTNAT"]
    assert stored.actors["code"].tolist() == ["RUSGOV", "PRKMIL"]
    assert store.article(filled, "c") is None  # rejected before extraction: no article
    assert store.article(filled, "nope") is None


def test_raw_document_round_trips_the_bytes(
    filled: duckdb.DuckDBPyConnection, build: Build
) -> None:
    assert store.raw_document(filled, "a") == build.raw("a")
    assert store.raw_document(filled, "nope") is None


def test_rejections_are_listed_with_stage_and_reason(filled: duckdb.DuckDBPyConnection) -> None:
    frame = store.rejections(filled)
    assert frame[["doc_id", "stage", "reason"]].values.tolist() == [["c", "extract", "no-body"]]


def test_events_actor_names_match_at_word_starts(
    connection: duckdb.DuckDBPyConnection, build: Build
) -> None:
    israel = ActorRef(code="ISRGOV", name="Jerusalem", actor_id="isr")
    document = replace(build.document("j"), events=(build.event("j", 0, source=israel),))
    store.StoreWriter(connection).write([document])
    assert _ids(connection, actor="usa") == []  # not the "usa" inside "Jerusalem"
    assert _ids(connection, actor="jeru") == ["j-e0"]
    assert _ids(connection, actor="ISR") == ["j-e0"]


def test_event_filter_rejects_values_no_event_has() -> None:
    with pytest.raises(InputError, match="expected one of: asserted, possible"):
        EventFilter(modality="probable")
    with pytest.raises(InputError, match="4 \\(material conflict\\)"):
        EventFilter(quad_class=5)
    with pytest.raises(InputError, match="2 to 4 digits"):
        EventFilter(cameo="19a")
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        EventFilter(until="yesterday")
    with pytest.raises(InputError, match="limit"):
        EventFilter(limit=-1)
    assert EventFilter(modality="NEGATED", since=date(2024, 1, 1), until="2024-01-01").until


def test_events_symmetric_dyad(filled: duckdb.DuckDBPyConnection) -> None:
    assert _ids(filled, source="KORGOV", target="USA") == []
    assert _ids(filled, source="KORGOV", target="USA", symmetric=True) == ["a-e1"]
    assert _ids(filled, source="PRK", symmetric=True) == ["a-e0", "b-e0"]


def test_actors_and_quotes_queries(filled: duckdb.DuckDBPyConnection) -> None:
    actors = store.actors(filled)
    assert actors[["code", "mentions", "documents"]].values.tolist() == [
        ["PRKMIL", 2, 2], ["RUSGOV", 2, 2],
    ]  # fmt: skip
    assert store.actors(filled, name="north", limit=1)["code"].tolist() == ["PRKMIL"]
    quotes = store.quotes(filled, speaker="nato")
    assert quotes["id"].tolist() == ["a-q0", "b-q0"]
    assert quotes["article_title"].tolist() == ["Title a", "Title b"]
    assert store.quotes(filled, text="nothing").empty


def test_coded_document_rebuilds_the_records(
    connection: duckdb.DuckDBPyConnection, build: Build
) -> None:
    original = build.document("a", events=2, quotes=1)
    store.StoreWriter(connection).write([original, build.rejected("c")])
    stored = store.coded_document(connection, "a")
    assert stored is not None
    assert stored.events == original.events
    assert [replace(q, speaker_name=None) for q in stored.quotes] == list(original.quotes)
    assert stored.actors == original.actors and stored.raw == original.raw
    assert [q.speaker_name for q in stored.quotes] == ["NATO"]  # the store keeps one name
    rejected = store.coded_document(connection, "c")
    assert rejected is not None and rejected.article is None
    assert [r.reason for r in rejected.rejections] == ["no-body"]
    assert store.coded_document(connection, "nope") is None


def test_events_min_confidence_filters_and_checks_its_range(
    filled: duckdb.DuckDBPyConnection,
) -> None:
    assert _ids(filled, min_confidence=0.7) == ["a-e0", "a-e1", "b-e0"]
    assert _ids(filled, min_confidence=0.5) == ["a-e0", "a-e1", "b-e0", "b-e1"]
    with pytest.raises(InputError, match="between 0 and 1"):
        EventFilter(min_confidence=1.5)


def test_quotes_and_quote_page_are_one_query(filled: duckdb.DuckDBPyConnection) -> None:
    from communique.store.queries import quote_page

    whole = store.quotes(filled, speaker="nato")
    page, total = quote_page(filled, speaker="nato", limit=10, newest_first=False)
    assert [row["id"] for row in page] == whole["id"].tolist() and total == len(whole)
    newest, _ = quote_page(filled, speaker="nato", limit=10)
    assert sorted(row["id"] for row in newest) == sorted(whole["id"])  # the API's order
    one, total = quote_page(filled, doc_id="b", limit=10)
    assert [row["id"] for row in one] == store.quotes(filled, doc_id="b")["id"].tolist()
    assert total == 1 and "total_matching" not in one[0]


def test_pages_count_every_match_even_past_the_end(filled: duckdb.DuckDBPyConnection) -> None:
    from communique.store.queries import event_page, quote_page

    page, total = event_page(filled, EventFilter(), limit=1, offset=1, newest_first=False)
    assert [row["id"] for row in page] == ["a-e1"] and total == 4
    assert set(page[0]) >= {"source_code", "article_title", "ingested_at"}
    assert "total_matching" not in page[0]
    assert event_page(filled, EventFilter(), limit=5, offset=10) == ([], 4)
    assert event_page(filled, EventFilter(source="ZZZ"), limit=5) == ([], 0)
    assert quote_page(filled, limit=5, offset=10) == ([], 2)


def test_actor_table_filters_as_the_actor_query(
    connection: duckdb.DuckDBPyConnection, build: Build
) -> None:
    document = build.document("a")
    roled = (
        ActorMention(
            "a", "p1", 30, 40, "RUSGOV", "Sergey Lavrov", "RUS", "GOV", "Foreign Minister"
        ),
        ActorMention("a", "p2", 50, 60, "RUSGOV", "Sergey Lavrov", "RUS", "GOV", "diplomat"),
        ActorMention(
            "a", "p3", 70, 80, "USAGOV", "Marco Rubio", "USA", "GOV", "Secretary of State"
        ),
    )
    store.StoreWriter(connection).write([replace(document, actors=document.actors + roled)])
    table = store.actor_table(connection)
    assert [row["code"] for row in table.select(code="rus")] == ["RUSGOV", "RUSGOV"]
    assert table.select(code="gov") == []  # a prefix, not a part
    assert [row["name"] for row in table.select(name="KOREA")] == ["North Korea"]
    assert table.select(name="orea") == []  # the start of a word
    lavrov = table.select(role="minister")
    assert [row["name"] for row in lavrov] == ["Sergey Lavrov"]
    assert lavrov[0]["roles"] == "Foreign Minister; diplomat" and lavrov[0]["mentions"] == 2
    assert table.select(role="minister; dip") == []  # one role, not the roles joined
    for role in ("minister", "STATE", "diplomat", "nobody"):
        expected = store.actors(connection, role=role)["name"].tolist()
        assert [row["name"] for row in table.select(role=role)] == expected
