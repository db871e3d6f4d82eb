"""Near-duplicate articles: wire copies, syndication and updates linked to one original.

Each new article's text is cut into 5-word shingles and summarised by a 128-permutation
MinHash (datasketch, scheme ``affine32``), stored in ``article_signatures``. A banded LSH
index over the signatures finds the stored articles that may be copies; the share of equal
signature values (the estimated Jaccard similarity of the shingle sets) confirms those at or
above :data:`THRESHOLD`, and the article is linked in ``duplicates`` to the earliest stored
article of the group it joins (``duplicate_of`` never names another duplicate). The index
lives in memory and is rebuilt from ``article_signatures`` when a writer starts. Event
clusters, which count a story once per group, are in ``clusters.py``; docs/store.md explains
the choices and measurements.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

import duckdb
import numpy as np
import numpy.typing as npt
import pyarrow as pa
from datasketch import MinHash  # type: ignore[import-untyped]

from communique.errors import StorageError

SHINGLE_WORDS = 5
NUM_PERM = 128
# Measured on the AllSides corpus: distinct stories reach 0.27, rewritten wire copies 0.48.
THRESHOLD = 0.4
# Shorter texts (captions, teasers, extraction leftovers) are too short to tell a copy
# from a coincidence; they get no signature and are never linked.
MIN_WORDS = 20

# LSH bands × rows per band: an article pair with similarity s shares a band with
# probability 1 - (1 - s^3)^42: 0.94 at 0.4, 0.996 at 0.5, 0.04 at 0.1.
_BANDS, _ROWS = 42, 3
_SEED = 1
_SIGNATURE_BYTES = NUM_PERM * 4
_WORD = re.compile(r"\w+")
# Odd 64-bit multipliers folding a band's values into one hash (never stored).
_BAND_MULTIPLIERS = np.random.default_rng(20_240_501).integers(
    1, 2**63, size=_ROWS, dtype=np.uint64
) | np.uint64(1)

Signature = npt.NDArray[np.uint32]


@cache
def _empty_minhash() -> MinHash:
    # Building the permutations is the costly part of a MinHash: do it once, copy it after.
    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme="affine32")


def text_signature(text: str) -> Signature | None:
    """The MinHash signature of ``text``'s lower-cased 5-word shingles.

    Returns:
        128 unsigned 32-bit values, or None when the text has fewer than
        :data:`MIN_WORDS` words.
    """
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - 4)}
    minhash = _empty_minhash().copy()
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles])
    values: Signature = np.asarray(minhash.hashvalues, dtype=np.uint32)
    return values


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of two signatures' shingle sets (0.0 to 1.0)."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def signature_bytes(signature: Signature) -> bytes:
    """The stored form: 128 little-endian unsigned 32-bit integers (512 bytes)."""
    return signature.astype("<u4").tobytes()


def _band_hashes(signatures: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """One 32-bit hash per band and signature (rows × :data:`_BANDS`)."""
    # In slices of 65,536 rows, one value column at a time: fast, and the 64-bit
    # intermediates stay small however many signatures a rebuild hashes.
    hashes = np.empty((len(signatures), _BANDS), dtype=np.uint32)
    for start in range(0, len(signatures), 65_536):
        bands = signatures[start : start + 65_536, : _BANDS * _ROWS].reshape(-1, _BANDS, _ROWS)
        folded = bands[:, :, 0].astype(np.uint64) * _BAND_MULTIPLIERS[0]
        for row in range(1, _ROWS):
            folded += bands[:, :, row].astype(np.uint64) * _BAND_MULTIPLIERS[row]
        hashes[start : start + len(bands)] = folded >> np.uint64(32)
    return hashes


class _BandIndex:
    """Banded LSH in sorted arrays: 8 bytes per band and article, appended in batches.

    datasketch's ``MinHashLSH`` holds a Python set per bucket: 11 KB and 130 µs per
    article at threshold 0.4 (measured), too much for millions of articles.
    """

    def __init__(self) -> None:
        self.doc_ids: list[str] = []
        self._hashes = np.empty((_BANDS, 0), dtype=np.uint32)  # each band sorted
        self._rows = np.empty((_BANDS, 0), dtype=np.int32)  # doc_ids index per hash
        self._tail: list[npt.NDArray[np.uint32]] = []  # unsorted recent additions
        self._tail_size = 0

    def __len__(self) -> int:
        return len(self.doc_ids)

    def add(self, doc_ids: Sequence[str], hashes: npt.NDArray[np.uint32]) -> None:
        """Index ``doc_ids`` by their band hashes (rows × bands)."""
        self.doc_ids.extend(doc_ids)
        self._tail.append(hashes)
        self._tail_size += len(doc_ids)
        if self._tail_size > max(4096, self._hashes.shape[1] // 4):
            self._merge()

    def candidates(self, hashes: npt.NDArray[np.uint32]) -> list[set[str]]:
        """For each row of band hashes, the indexed ids sharing at least one band."""
        found: list[set[int]] = [set() for _ in range(len(hashes))]
        for band in range(_BANDS):
            column = hashes[:, band]
            low = np.searchsorted(self._hashes[band], column, side="left")
            high = np.searchsorted(self._hashes[band], column, side="right")
            for query in np.nonzero(high > low)[0]:
                found[query].update(self._rows[band, low[query] : high[query]].tolist())
        if self._tail:
            tail = np.concatenate(self._tail)
            first = len(self.doc_ids) - len(tail)
            hits = (tail[None, :, :] == hashes[:, None, :]).any(axis=2)
            for query, row in zip(*np.nonzero(hits), strict=True):
                found[query].add(first + int(row))
        return [{self.doc_ids[row] for row in rows} for rows in found]

    def _merge(self) -> None:
        tail = np.concatenate(self._tail).T
        first = len(self.doc_ids) - tail.shape[1]
        rows = np.broadcast_to(np.arange(first, len(self.doc_ids), dtype=np.int32), tail.shape)
        hashes = np.concatenate([self._hashes, tail], axis=1)
        indexed = np.concatenate([self._rows, rows], axis=1)
        for band in range(_BANDS):  # one band at a time: a small sort index
            order = np.argsort(hashes[band])
            hashes[band], indexed[band] = hashes[band][order], indexed[band][order]
        self._hashes, self._rows = hashes, indexed
        self._tail, self._tail_size = [], 0


@dataclass(frozen=True, slots=True)
class DuplicatePlan:
    """What one batch adds: signature rows, duplicate rows, and the index entries.

    The writer inserts the rows in the batch's transaction and calls
    :meth:`DuplicateIndex.add` only once that transaction has committed.
    """

    signatures: list[tuple[str, bytes]] = field(default_factory=list)
    duplicates: list[tuple[str, str, float]] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    hashes: npt.NDArray[np.uint32] = field(
        default_factory=lambda: np.empty((0, _BANDS), dtype=np.uint32)
    )


@dataclass(frozen=True, slots=True)
class _Group:
    """The group a signature belongs to: its root article, when that was stored, its signature."""

    root: str
    stored_at: datetime
    signature: Signature

    def earlier(self, other: _Group | None) -> bool:
        return other is None or (self.stored_at, self.root) < (other.stored_at, other.root)


class DuplicateIndex:
    """Links each new article to the earliest stored article it nearly copies."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        """An empty index; :meth:`load` fills one from the database."""
        self.threshold = threshold
        self._bands = _BandIndex()

    def __len__(self) -> int:
        """Articles indexed."""
        return len(self._bands)

    @classmethod
    def load(
        cls, connection: duckdb.DuckDBPyConnection, threshold: float = THRESHOLD
    ) -> DuplicateIndex:
        """Rebuild the index from every stored signature.

        Raises:
            StorageError: A stored signature is not 512 bytes (a different MinHash setup).
        """
        index = cls(threshold)
        ids: list[str] = []
        hashes: list[npt.NDArray[np.uint32]] = []
        # Streamed in batches: only the band hashes of all articles are held at once.
        rows = connection.sql("SELECT doc_id, signature FROM article_signatures")
        for batch in rows.to_arrow_reader(65_536):
            ids.extend(batch.column(0).to_pylist())
            hashes.append(_band_hashes(_signature_matrix(batch.column(1))))
        if ids:
            index._bands.add(ids, np.concatenate(hashes))
        return index

    def plan(
        self,
        connection: duckdb.DuckDBPyConnection,
        articles: Sequence[tuple[str, str]],
        now: datetime,
    ) -> DuplicatePlan:
        """Sign ``articles`` (doc id, text) and find the group each one joins.

        Call inside the batch's transaction, after any rows of recoded articles were
        deleted: candidates are checked against the signatures stored now. An article
        may also join one written earlier in the same batch (stored at ``now``).
        """
        signed = [
            (doc_id, sig) for doc_id, text in articles if (sig := text_signature(text)) is not None
        ]
        if not signed:
            return DuplicatePlan()
        matrix = np.stack([sig for _, sig in signed])
        hashes = _band_hashes(matrix)
        candidates = self._bands.candidates(hashes)
        stored = _stored_groups(connection, set().union(*candidates))
        plan = DuplicatePlan(doc_ids=[doc_id for doc_id, _ in signed], hashes=hashes)
        batch: list[tuple[str, Signature, _Group]] = []
        for (doc_id, sig), found in zip(signed, candidates, strict=True):
            best: _Group | None = None
            for other, (other_sig, group) in ((c, stored[c]) for c in found if c in stored):
                if other != doc_id and group.root != doc_id and self._near(sig, other_sig):
                    best = group if group.earlier(best) else best
            for other, other_sig, group in batch:
                if other != doc_id and self._near(sig, other_sig):
                    best = group if group.earlier(best) else best
            if best is None:
                best = _Group(doc_id, now, sig)
            else:
                plan.duplicates.append((doc_id, best.root, similarity(sig, best.signature)))
            batch.append((doc_id, sig, best))
            plan.signatures.append((doc_id, signature_bytes(sig)))
        return plan

    def add(self, plan: DuplicatePlan) -> None:
        """Index the articles of a committed plan."""
        if plan.doc_ids:
            self._bands.add(plan.doc_ids, plan.hashes)

    def _near(self, a: Signature, b: Signature) -> bool:
        return similarity(a, b) >= self.threshold


def _signature_matrix(column: pa.Array) -> npt.NDArray[np.uint32]:
    """Stored signature BLOBs → one (articles × 128) array, without a Python object each."""
    blobs = column if pa.types.is_large_binary(column.type) else column.cast(pa.binary())
    width = np.int64 if pa.types.is_large_binary(blobs.type) else np.int32
    offsets = np.frombuffer(blobs.buffers()[1], dtype=width)
    offsets = offsets[blobs.offset : blobs.offset + len(blobs) + 1]
    if np.any(np.diff(offsets) != _SIGNATURE_BYTES):
        raise StorageError(
            f"article_signatures holds signatures that are not {_SIGNATURE_BYTES} bytes "
            f"({NUM_PERM} MinHash values): it was written with another deduplication setup. "
            "Delete its rows and run 'communique ingest --recode' to sign the articles again."
        )
    start, end = int(offsets[0]), int(offsets[-1])
    values = np.frombuffer(blobs.buffers()[2], dtype="<u4", count=(end - start) // 4, offset=start)
    return values.reshape(-1, NUM_PERM).astype(np.uint32, copy=False)


def _stored_groups(
    connection: duckdb.DuckDBPyConnection, doc_ids: set[str]
) -> dict[str, tuple[Signature, _Group]]:
    """Each stored candidate's signature and the group (root, its time, its signature)."""
    if not doc_ids:
        return {}
    rows = connection.execute(
        "SELECT s.doc_id, s.signature, coalesce(d.duplicate_of, s.doc_id) AS root"
        " FROM article_signatures AS s LEFT JOIN duplicates AS d ON d.doc_id = s.doc_id"
        " WHERE list_contains(?, s.doc_id)",
        [sorted(doc_ids)],
    ).fetchall()
    roots = {str(root) for _, _, root in rows}
    root_rows = connection.execute(
        "SELECT s.doc_id, s.signature, doc.ingested_at FROM article_signatures AS s"
        " JOIN documents AS doc ON doc.id = s.doc_id"
        " WHERE list_contains(?, s.doc_id) AND list_contains(?, doc.id)",
        [sorted(roots), sorted(roots)],
    ).fetchall()
    groups = {str(root): _Group(str(root), at, _from_bytes(sig)) for root, sig, at in root_rows}
    return {
        str(doc_id): (_from_bytes(sig), groups[str(root)])
        for doc_id, sig, root in rows
        if str(root) in groups
    }


def _from_bytes(blob: bytes) -> Signature:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)
