"""Near-duplicate articles: signatures, links to the earliest original, a rebuilt index."""

from __future__ import annotations

import json
from importlib.resources import files

import duckdb
import numpy as np
import pytest

from communique import store
from communique.errors import StorageError
from communique.records import Article, CodedDocument, RawDocument
from communique.store import clusters as store_clusters
from communique.store import dedup

_WIRE = files("communique") / "samples" / "wire.jsonl"
BRASILIA, SUDAN = (json.loads(line)["text"] for line in _WIRE.read_text("utf-8").splitlines())


def wire_copy(text: str) -> str:
    """The same story with another first line (dateline and lead rewritten by the outlet)."""
    rest = text.split("\n", 1)[1]
    return "RIO DE JANEIRO (Other Wire) - Brazil's president hosted China's premier.\n" + rest


def coded(doc_id: str, text: str, source: str = "Meridian Wire") -> CodedDocument:
    raw = RawDocument(doc_id, f"{doc_id}.txt", text.encode(), text, "text", source=source)
    return CodedDocument(raw=raw, article=Article(doc_id=doc_id, text=text, source=source))


def links(connection: duckdb.DuckDBPyConnection) -> dict[str, str]:
    rows = connection.execute("SELECT doc_id, duplicate_of FROM duplicates").fetchall()
    return dict(rows)


def test_text_signature_needs_enough_words() -> None:
    assert dedup.text_signature("Russia and North Korea signed a pact.") is None
    signature = dedup.text_signature(BRASILIA)
    assert signature is not None and signature.shape == (dedup.NUM_PERM,)
    assert signature.dtype == np.uint32
    assert len(dedup.signature_bytes(signature)) == 512


def test_text_signature_similarity_separates_copies_from_other_stories() -> None:
    original, copy, other = (
        dedup.text_signature(t) for t in (BRASILIA, wire_copy(BRASILIA), SUDAN)
    )
    assert original is not None and copy is not None and other is not None
    assert dedup.similarity(original, dedup.text_signature(BRASILIA.upper())) == 1.0  # type: ignore[arg-type]
    assert dedup.similarity(original, copy) >= dedup.THRESHOLD
    assert dedup.similarity(original, other) < 0.1


def test_dedup_wire_copy_is_linked_to_the_original(connection: duckdb.DuckDBPyConnection) -> None:
    writer = store.StoreWriter(connection)
    writer.write([coded("original", BRASILIA)])
    result = writer.write([coded("copy", wire_copy(BRASILIA), source="Other Wire")])
    assert result.duplicates == 1
    doc_id, duplicate_of, similarity = connection.execute("SELECT * FROM duplicates").fetchone()  # type: ignore[misc]
    assert (doc_id, duplicate_of) == ("copy", "original")
    assert dedup.THRESHOLD <= similarity < 1.0
    assert connection.execute("SELECT count(*) FROM article_signatures").fetchone() == (2,)


def test_dedup_distinct_articles_are_not_linked(connection: duckdb.DuckDBPyConnection) -> None:
    result = store.StoreWriter(connection).write(
        [coded("brasilia", BRASILIA), coded("sudan", SUDAN)]
    )
    assert result.duplicates == 0 and links(connection) == {}


def test_dedup_copies_link_to_the_earliest_article_of_their_group(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    writer = store.StoreWriter(connection)
    writer.write([coded("a-original", BRASILIA), coded("b-copy", wire_copy(BRASILIA))])
    writer.write([coded("c-copy", wire_copy(BRASILIA) + "\nUpdated with a closing line.")])
    assert links(connection) == {"b-copy": "a-original", "c-copy": "a-original"}


def test_dedup_index_is_rebuilt_from_the_stored_signatures(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    store.StoreWriter(connection).write([coded("original", BRASILIA), coded("sudan", SUDAN)])
    restarted = store.StoreWriter(connection)
    assert len(restarted.duplicate_index) == 2
    restarted.write([coded("copy", wire_copy(BRASILIA))])
    assert links(connection) == {"copy": "original"}


def test_dedup_rolled_back_batch_leaves_no_signature_and_no_index_entry(
    connection: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = store.StoreWriter(connection)
    writer.write([coded("sudan", SUDAN)])

    def broken(*args: object) -> None:
        raise duckdb.Error("disk full")

    monkeypatch.setattr(store_clusters, "mark_stale_clusters", broken)
    with pytest.raises(StorageError, match="rolled back"):
        writer.write([coded("original", BRASILIA)])
    monkeypatch.undo()
    assert len(writer.duplicate_index) == 1
    assert connection.execute("SELECT doc_id FROM article_signatures").fetchall() == [("sudan",)]
    writer.write([coded("copy", wire_copy(BRASILIA))])
    assert links(connection) == {}  # the original was never stored, so the copy is first


def test_dedup_recoding_the_original_keeps_the_group(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    store.StoreWriter(connection).write([coded("original", BRASILIA)])
    store.StoreWriter(connection).write([coded("copy", wire_copy(BRASILIA))])
    store.StoreWriter(connection, recode=True).write([coded("original", BRASILIA)])
    assert links(connection) == {"copy": "original"}
    store.StoreWriter(connection, recode=True).write([coded("copy", wire_copy(BRASILIA))])
    assert links(connection) == {"copy": "original"}


def test_dedup_index_finds_candidates_after_merging_many_additions() -> None:
    rng = np.random.default_rng(3)
    signatures = rng.integers(0, 2**32, size=(5000, dedup.NUM_PERM), dtype=np.uint32)
    index = dedup._BandIndex()
    for start in range(0, 5000, 1000):
        index.add(
            [f"d{n}" for n in range(start, start + 1000)],
            dedup._band_hashes(signatures[start : start + 1000]),
        )
    near = signatures[[10, 4999]].copy()
    near[:, 64:] = 7  # the second half changed: similarity 0.5
    found = index.candidates(dedup._band_hashes(near))
    assert "d10" in found[0] and "d4999" in found[1]
    assert len(found[0]) < 5


def test_dedup_signature_of_another_size_is_refused(connection: duckdb.DuckDBPyConnection) -> None:
    connection.execute("INSERT INTO article_signatures VALUES ('x', '\\x01\\x02'::BLOB)")
    with pytest.raises(StorageError, match="not 512 bytes"):
        dedup.DuplicateIndex.load(connection)
