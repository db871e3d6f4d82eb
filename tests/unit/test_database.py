"""`communique.database`: the Store behind ``communique.open(db)``."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.database import FILTER_NAMES, Store, event_filter, open_store
from communique.errors import InputError, StorageError
from sample_events import write_sample_db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_db(tmp_path_factory.mktemp("database") / "sample.duckdb")


def test_store_answers_with_frames_and_closes(db: Path, tmp_path: Path) -> None:
    with open_store(db) as found:
        assert isinstance(found, Store) and repr(found) == f"<communique.Store {db}>"
        assert found.counts()["events"] == 8
        assert found.events(dyad=("RUS", "PRK"))["id"].tolist() == ["d1-e0", "d2-e0", "d2-e3"]
        assert found.events(type="accuse", since="2024-06-10")["id"].tolist() == ["d2-e0"]
        assert found.dyad("RUS", "PRK", by="month")["events"].tolist() == [3]
        assert found.network(min_events=2).number_of_edges() == 1
        assert found.actors(role="president")["name"].tolist() == ["Vladimir Putin"]
        assert found.quotes(speaker="NATO")["text"].tolist() == ["We are concerned."]
        article = found.article("d1")
        assert article is not None and article.article.title == "Title d1"
        document = found.document("d2")
        assert document is not None and len(document.events) == 5
        assert found.article("nope") is None and found.document("nope") is None
        assert found.export(tmp_path / "e.csv", "csv", cameo="19") == 3
    with pytest.raises(Exception, match="closed"):
        found.counts()


def test_store_is_read_only_by_default(db: Path) -> None:
    with open_store(db) as found, pytest.raises(Exception, match="read-only"):
        found.connection.execute("DELETE FROM events")


def test_open_store_uses_the_setting_and_says_when_there_is_no_database(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMMUNIQUE_DB", str(db))
    with open_store() as found:
        assert found.path == db
    with pytest.raises(StorageError, match="No database at"):
        open_store(tmp_path / "missing.duckdb")


def test_event_filter_checks_names_and_the_ontology() -> None:
    assert event_filter(dyad=("RUS", "PRK"), limit=None).target == "PRK"
    with pytest.raises(InputError, match="unknown event filter colour; expected: dyad, actor"):
        event_filter(colour="red")
    with pytest.raises(InputError, match="AGREE, CONSULT"):
        event_filter(type="HUG")
    with pytest.raises(InputError, match="unknown CAMEO code '199'"):
        event_filter(cameo="199")
    with pytest.raises(InputError, match="not both"):
        event_filter(dyad=("RUS", "PRK"), source="USA")
    assert set(FILTER_NAMES) >= {"dyad", "actor", "type", "cameo", "modality", "text", "limit"}
