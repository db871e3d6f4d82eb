"""The writer: bulk batches, idempotent by document id, all-or-nothing, recode replaces."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

import duckdb
import pytest

from communique import store
from communique.errors import StorageError

if TYPE_CHECKING:
    from conftest import Build  # the fixture's type; pytest imports conftest itself


def _counts(connection: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {k: v for k, v in store.counts(connection).items() if k != "runs"}


def test_writer_bulk_writes_documents_whole(
    connection: duckdb.DuckDBPyConnection, build: Build
) -> None:
    batch = [
        build.document("a", events=2),
        build.document("b"),
        build.rejected("c"),
        build.unreadable(),
    ]
    result = store.StoreWriter(connection).write(batch)
    assert result == store.WriteResult(
        documents=3, rejections=2, actor_mentions=4, events=3, quotes=2
    )
    assert _counts(connection) == {
        "documents": 3, "articles": 2, "actor_mentions": 4, "events": 3, "quotes": 2,
        "places": 0, "rejections": 2, "role_facts": 0,
    }  # fmt: skip
    data, content_hash = connection.execute(
        "SELECT data, content_hash FROM documents WHERE id = 'c'"
    ).fetchone()  # type: ignore[misc]
    assert data == b"<html></html>" and len(content_hash) == 64


def test_writer_is_idempotent_by_document_id(
    connection: duckdb.DuckDBPyConnection, build: Build
) -> None:
    batch = [build.document("a"), build.rejected("c"), build.unreadable()]
    writer = store.StoreWriter(connection)
    writer.write(batch)
    before = _counts(connection)
    again = writer.write([*batch, build.document("a")])
    assert again == store.WriteResult(skipped=3)
    assert _counts(connection) == before


def test_writer_writes_a_document_repeated_in_one_batch_once(
    connection: duckdb.DuckDBPyConnection, build: Build
) -> None:
    result = store.StoreWriter(connection).write([build.document("a"), build.document("a")])
    assert (result.documents, result.skipped, result.events) == (1, 1, 1)


def test_writer_failing_batch_leaves_nothing_partial(
    connection: duckdb.DuckDBPyConnection, build: Build
) -> None:
    writer = store.StoreWriter(connection)
    writer.write([build.document("a")])
    before = _counts(connection)
    clash = build.document("c")
    clash = replace(clash, events=(build.event("c", id="b-e0"),))  # an event id already in "b"
    with pytest.raises(StorageError, match="rolled back, so none of it was stored"):
        writer.write([build.document("b"), clash])
    assert _counts(connection) == before
    assert store.document_ids(connection) == {"a"}
    assert writer.totals.documents == 1
    assert writer.write([build.document("b")]).documents == 1  # the connection is usable again


def test_writer_bad_event_date_is_a_storage_error_and_rolls_back(
    connection: duckdb.DuckDBPyConnection, build: Build
) -> None:
    bad = replace(build.document("a"), events=(build.event("a", date="next Tuesday"),))
    with pytest.raises(StorageError, match="expected an ISO date"):
        store.StoreWriter(connection).write([build.document("z"), bad])
    assert store.counts(connection)["documents"] == 0


def test_writer_recode_replaces_a_stored_document(
    connection: duckdb.DuckDBPyConnection, build: Build
) -> None:
    store.StoreWriter(connection).write([build.document("a", events=3, quotes=2)])
    recoded = build.document("a", events=1, quotes=0)
    recoded = replace(recoded, events=(build.event("a", 7, cameo="190", quad_class=4),))
    result = store.StoreWriter(connection, recode=True).write([recoded])
    assert (result.documents, result.skipped, result.events, result.quotes) == (1, 0, 1, 0)
    assert store.events(connection)["cameo"].tolist() == ["190"]
    assert store.counts(connection)["quotes"] == 0
    assert store.counts(connection)["documents"] == 1


def test_writer_records_runs_with_config_versions_and_counts(
    connection: duckdb.DuckDBPyConnection, build: Build
) -> None:
    writer = store.StoreWriter(connection)
    run_id = writer.start_run({"paths": ["x"]}, {"communique": "0.1.0"})
    writer.write([build.document("a"), build.unreadable()])
    (counts,) = connection.execute("SELECT counts FROM runs WHERE id = ?", [run_id]).fetchone()  # type: ignore[misc]
    assert json.loads(counts)["documents"] == 1  # counted with the batch, before the run ends
    writer.finish_run()
    run = store.runs(connection).iloc[0]
    assert run["id"] == run_id and run["finished_at"] is not None
    assert json.loads(run["config"]) == {"paths": ["x"]}
    assert set(json.loads(run["versions"])) == {"communique", "duckdb", "schema"}
    assert json.loads(run["counts"])["rejections"] == 1
    (doc_run,) = connection.execute("SELECT run_id FROM documents").fetchone()  # type: ignore[misc]
    assert doc_run == run_id


@dataclass(frozen=True)
class Fact:
    name: str
    role: str
    code: str
    country: str | None = None
    sector: str | None = None
    first_seen: date | None = None
    last_seen: date | None = None


def test_writer_role_facts_are_replaced_by_name(connection: duckdb.DuckDBPyConnection) -> None:
    writer = store.StoreWriter(connection)
    writer.write([], role_facts=[Fact("Antti Häkkänen", "Defence Minister", "FINGOV")])
    later = Fact(
        "Antti Häkkänen",
        "Defence Minister",
        "FINGOV",
        "FIN",
        "GOV",
        date(2024, 1, 2),
        date(2025, 3, 4),
    )
    writer.write([], role_facts=[later, Fact("Kaja Kallas", "Prime Minister", "ESTGOV")])
    facts = {fact.name: fact for fact in store.role_facts(connection)}
    assert set(facts) == {"Antti Häkkänen", "Kaja Kallas"}
    assert facts["Antti Häkkänen"].last_seen == date(2025, 3, 4)
