"""Event clusters: one story counted once per article and source, kept exact incrementally."""

from __future__ import annotations

import json
from importlib.resources import files

import duckdb
import numpy as np
import pytest

from communique import store
from communique.errors import ConfigError
from communique.records import ActorRef, Article, CodedDocument, Event, RawDocument
from communique.store import clusters as store_clusters

_WIRE = files("communique") / "samples" / "wire.jsonl"
BRASILIA, SUDAN = (json.loads(line)["text"] for line in _WIRE.read_text("utf-8").splitlines())
BRA = ActorRef(code="BRAGOV", name="Brazil")
CHN = ActorRef(code="CHNGOV", name="China")


def event(doc_id: str, n: int, date: str | None, cameo: str = "057", **changes: object) -> Event:
    fields: dict[str, object] = {
        "doc_id": doc_id, "id": f"{doc_id}-e{n}", "source": BRA, "target": CHN,
        "type": "AGREE", "mode": None, "cameo": cameo, "quad_class": 1, "goldstein": 8.0,
        "modality": "asserted", "attributed_to": None, "date": date, "sentence": 0,
        "start": 0, "end": 10, "evidence": "signed", "confidence": 0.9,
    }  # fmt: skip
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]


def coded(doc_id: str, text: str, source: str | None, *events: Event) -> CodedDocument:
    raw = RawDocument(doc_id, f"{doc_id}.txt", text.encode(), text, "text")
    article = Article(doc_id=doc_id, text=text, source=source)
    return CodedDocument(raw=raw, article=article, events=events)


def clusters(connection: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    return connection.execute(
        "SELECT source_code, target_code, cameo, CAST(first_date AS VARCHAR),"
        " CAST(last_date AS VARCHAR), num_mentions, num_articles, num_sources"
        " FROM event_clusters ORDER BY ALL"
    ).fetchall()


def copy_of(text: str) -> str:
    return "RIO DE JANEIRO (Other Wire) - Brazil hosted China.\n" + text.split("\n", 1)[1]


def test_clusters_count_a_wire_copy_as_a_mention_not_an_article_or_source(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    writer = store.StoreWriter(connection)
    writer.write([coded("original", BRASILIA, "Meridian Wire", event("original", 0, "2025-05-20"))])
    writer.write([coded("copy", copy_of(BRASILIA), "Other Wire", event("copy", 0, "2025-05-20"))])
    assert writer.refresh_event_clusters() == 1
    assert clusters(connection) == [("BRAGOV", "CHNGOV", "05", "2025-05-20", "2025-05-20", 2, 1, 1)]
    other = coded("sudan", SUDAN, "Daily Paper", event("sudan", 0, "2025-05-21", cameo="051"))
    writer.write([other])
    writer.refresh_event_clusters()
    assert clusters(connection) == [("BRAGOV", "CHNGOV", "05", "2025-05-20", "2025-05-21", 3, 2, 2)]


def test_clusters_split_by_window_key_and_undated_article(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    events = (
        event("a", 0, "2025-05-20"),
        event("a", 1, "2025-05-22"),  # 2 days after the first: a new cluster
        event("a", 2, "2025-05-20", target=None),
        event("a", 3, "2025-05-20", cameo="190"),
        event("a", 4, None),
    )
    writer = store.StoreWriter(connection)
    writer.write(
        [coded("a", SUDAN, None, *events), coded("b", BRASILIA, None, event("b", 0, None))]
    )
    writer.refresh_event_clusters()
    assert clusters(connection) == [
        ("BRAGOV", "CHNGOV", "05", "2025-05-20", "2025-05-20", 1, 1, 1),
        ("BRAGOV", "CHNGOV", "05", "2025-05-22", "2025-05-22", 1, 1, 1),
        ("BRAGOV", "CHNGOV", "05", None, None, 1, 1, 1),  # undated: one cluster per article
        ("BRAGOV", "CHNGOV", "05", None, None, 1, 1, 1),
        ("BRAGOV", "CHNGOV", "19", "2025-05-20", "2025-05-20", 1, 1, 1),
        ("BRAGOV", None, "05", "2025-05-20", "2025-05-20", 1, 1, 1),
    ]
    writer.refresh_event_clusters(window_days=3)  # another window: everything again
    assert ("BRAGOV", "CHNGOV", "05", "2025-05-20", "2025-05-22", 2, 1, 1) in clusters(connection)


def test_clusters_refresh_only_what_changed_and_match_a_full_refresh(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    writer = store.StoreWriter(connection)
    writer.write([coded("a", SUDAN, "x", event("a", 0, "2025-01-01"))])
    writer.refresh_event_clusters()
    assert writer.refresh_event_clusters() == 0  # nothing marked since
    target = ActorRef(code="USAGOV", name="United States")
    writer.write(
        [
            coded(
                "b",
                BRASILIA,
                "y",
                event("b", 0, "2025-01-02"),
                event("b", 1, "2025-01-02", target=target),
            )
        ]
    )
    assert writer.refresh_event_clusters() == 2  # BRA→CHN recomputed, BRA→USA new
    incremental = clusters(connection)
    connection.execute("DELETE FROM event_cluster_window")
    writer.refresh_event_clusters()
    assert clusters(connection) == incremental


def test_clusters_keys_marked_by_a_batch_survive_until_the_refresh(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    store.StoreWriter(connection).write([coded("a", SUDAN, "x", event("a", 0, "2025-01-01"))])
    # the process dies before refreshing; the next writer finds the marks
    assert store.StoreWriter(connection).refresh_event_clusters() == 1
    assert connection.execute("SELECT count(*) FROM stale_cluster_keys").fetchone() == (0,)


def test_clusters_recoding_marks_the_replaced_events_keys(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    writer = store.StoreWriter(connection)
    writer.write([coded("a", SUDAN, "x", event("a", 0, "2025-01-01"))])
    writer.refresh_event_clusters()
    recoder = store.StoreWriter(connection, recode=True)
    recoder.write([coded("a", SUDAN, "x", event("a", 0, "2025-01-01", cameo="190"))])
    recoder.refresh_event_clusters()
    assert [row[2] for row in clusters(connection)] == ["19"]


def test_clusters_window_must_be_a_day_or_more(connection: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ConfigError, match="expected 1 or more"):
        store.StoreWriter(connection).refresh_event_clusters(window_days=0)


def test_first_days_are_greedy_windows_per_key() -> None:
    new_key = np.array([1, 0, 0, 0, 0, 1, 0], dtype=bool)
    day = np.array([0, 1, 2, 3, 5, 2, 9], dtype=np.int32)
    assert store_clusters._first_days(new_key, day, 2).tolist() == [0, 0, 2, 2, 5, 2, 9]
    assert store_clusters._first_days(new_key, day, 1).tolist() == [0, 1, 2, 3, 5, 2, 9]
    assert store_clusters._first_days(new_key, day, 7).tolist() == [0, 0, 0, 0, 0, 2, 9]
