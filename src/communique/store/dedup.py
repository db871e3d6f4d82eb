"""Deduplication: near-duplicate articles, and event clusters that count one story once.

**Near duplicates** (wire copies, syndication, updates). Each new article's text is cut
into 5-word shingles and summarised by a 128-permutation MinHash (datasketch, scheme
``affine32``), stored in ``article_signatures``. A banded LSH index over the signatures
finds the stored articles that may be copies; the share of equal signature values (the
estimated Jaccard similarity of the shingle sets) confirms those at or above
:data:`THRESHOLD`, and the article is linked in ``duplicates`` to the earliest stored
article of the group it joins (``duplicate_of`` never names another duplicate). The
index lives in memory and is rebuilt from ``article_signatures`` when a writer starts.

**Event clusters.** Events with the same source code, target code and CAMEO root whose
dates fall within a window (default 2 days: a cluster's first day and the next) are one
cluster in ``event_clusters``: ``num_mentions`` counts its events, ``num_articles`` the
distinct articles with a near-duplicate counted as the article it copies, and
``num_sources`` the distinct outlets of those articles. The table is recomputed from
all events at the end of an ingest. docs/store.md explains the choices and measurements.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

import duckdb
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc
from datasketch import MinHash  # type: ignore[import-untyped]

from communique.errors import ConfigError, StorageError

SHINGLE_WORDS = 5
NUM_PERM = 128
# Measured on the AllSides corpus: distinct stories reach 0.27, rewritten wire copies 0.48.
THRESHOLD = 0.4
# Shorter texts (captions, teasers, extraction leftovers) are too short to tell a copy
# from a coincidence; they get no signature and are never linked.
MIN_WORDS = 20
DEFAULT_CLUSTER_WINDOW_DAYS = 2

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
    bands = signatures[:, : _BANDS * _ROWS].reshape(-1, _BANDS, _ROWS).astype(np.uint64)
    folded = (bands * _BAND_MULTIPLIERS).sum(axis=2, dtype=np.uint64)
    hashes: npt.NDArray[np.uint32] = (folded >> np.uint64(32)).astype(np.uint32)
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
        order = np.argsort(hashes, axis=1, kind="stable")
        self._hashes = np.take_along_axis(hashes, order, axis=1)
        self._rows = np.take_along_axis(np.concatenate([self._rows, rows], axis=1), order, axis=1)
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
        table = _arrow(
            connection, "SELECT doc_id, signature FROM article_signatures ORDER BY doc_id"
        )
        if table.num_rows:
            signatures = _signature_matrix(table.column("signature").combine_chunks())
            index._bands.add(table.column("doc_id").to_pylist(), _band_hashes(signatures))
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
    blobs = column.cast(pa.large_binary())
    offsets = np.frombuffer(blobs.buffers()[1], dtype=np.int64)
    offsets = offsets[blobs.offset : blobs.offset + len(blobs) + 1]
    if np.any(np.diff(offsets) != _SIGNATURE_BYTES):
        raise StorageError(
            f"article_signatures holds signatures that are not {_SIGNATURE_BYTES} bytes "
            f"({NUM_PERM} MinHash values): it was written with another deduplication setup. "
            "Delete its rows and run 'communique ingest --recode' to sign the articles again."
        )
    start, end = int(offsets[0]), int(offsets[-1])
    values = np.frombuffer(blobs.buffers()[2], dtype="<u4", count=(end - start) // 4, offset=start)
    return values.reshape(-1, NUM_PERM).astype(np.uint32)


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


def _arrow(connection: duckdb.DuckDBPyConnection, sql: str) -> pa.Table:
    # A relation hands Arrow over without the extra copy a DB-API result makes.
    return connection.sql(sql).to_arrow_table()


def _from_bytes(blob: bytes) -> Signature:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


ClusterKey = tuple[str, str | None, str]


def mark_stale_clusters(connection: duckdb.DuckDBPyConnection, keys: Iterable[ClusterKey]) -> None:
    """Record that the clusters of ``keys`` (source code, target code, CAMEO code or root)
    must be recomputed; the writer calls this in the transaction that changes their events."""
    unique = {(source, target or "", cameo[:2]) for source, target, cameo in keys}
    if not unique:
        return
    sources, targets, roots = zip(*sorted(unique), strict=True)
    stale = pa.table({"source_code": sources, "target_code": targets, "cameo": roots})
    connection.register("stale", stale)
    try:
        connection.execute("INSERT INTO stale_cluster_keys BY NAME SELECT * FROM stale")
    finally:
        connection.unregister("stale")


def mark_stale_documents(connection: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> None:
    """Mark the cluster keys of the stored events of ``doc_ids`` stale (before recoding them)."""
    connection.execute(
        "INSERT INTO stale_cluster_keys SELECT DISTINCT source_code, coalesce(target_code, ''),"
        " left(cameo, 2) FROM events WHERE list_contains(?, doc_id)",
        [list(doc_ids)],
    )


def mark_stale_loaded(connection: duckdb.DuckDBPyConnection, relation: str) -> None:
    """Mark the cluster keys of the events in the registered ``relation`` stale (bulk loads)."""
    connection.execute(
        "INSERT INTO stale_cluster_keys SELECT DISTINCT source_code, coalesce(target_code, ''),"
        f" left(cameo, 2) FROM {relation}"
    )


def refresh_event_clusters(
    connection: duckdb.DuckDBPyConnection, window_days: int = DEFAULT_CLUSTER_WINDOW_DAYS
) -> int:
    """Recompute the event clusters whose keys are marked stale (all of them when the
    window differs from the one they were computed with). The writer calls this.

    A key's clusters depend only on that key's events, so recomputing the stale keys
    gives the same table as recomputing everything, whatever order events came in.

    Args:
        connection: The writer's connection, inside its transaction.
        window_days: A cluster holds the events of its key dated less than this many
            days after its first event; the next event starts a new cluster.

    Returns:
        Clusters written (0 when nothing was stale).

    Raises:
        ConfigError: ``window_days`` is below 1.
    """
    if window_days < 1:
        raise ConfigError(
            f"The event cluster window is {window_days} days; expected 1 or more "
            "(1: the same day only, 2: the first day and the next)."
        )
    # fetchall, not fetchone: an unfinished result blocks the relation queries below.
    stored = connection.execute("SELECT window_days FROM event_cluster_window").fetchall()
    everything = stored != [(window_days,)]
    if not everything:
        connection.execute(
            "CREATE OR REPLACE TEMP TABLE refresh_keys AS SELECT DISTINCT * FROM stale_cluster_keys"
        )
        if not _count(connection, "refresh_keys"):
            return 0
    only = "" if everything else _STALE_ONLY
    days = _arrow(connection, _KEY_DAYS.format(only=only))
    days = days.append_column("first_date", _cluster_first_dates(days, window_days))
    connection.register("cluster_days", days)
    try:
        connection.execute(_DELETE_CLUSTERS.format(only="" if everything else _STALE_CLUSTERS))
        written = _count(connection, "event_clusters")
        connection.execute(_INSERT_CLUSTERS.format(only=only))
        written = _count(connection, "event_clusters") - written
    finally:
        connection.unregister("cluster_days")
    connection.execute("DELETE FROM stale_cluster_keys")
    connection.execute("DELETE FROM event_cluster_window")
    connection.execute("INSERT INTO event_cluster_window VALUES (?)", [window_days])
    return written


def _count(connection: duckdb.DuckDBPyConnection, table: str) -> int:
    ((count,),) = connection.execute(f"SELECT count(*) FROM {table}").fetchall()
    return int(count)


# Restricts events ``e`` to the stale keys (semi join: each event at most once).
_STALE_ONLY = """
    SEMI JOIN refresh_keys AS k ON k.source_code = e.source_code
        AND k.target_code = coalesce(e.target_code, '') AND k.cameo = left(e.cameo, 2)"""
_STALE_CLUSTERS = """
    WHERE EXISTS (SELECT 1 FROM refresh_keys AS k WHERE k.source_code = c.source_code
        AND k.target_code = coalesce(c.target_code, '') AND k.cameo = c.cameo)"""
_DELETE_CLUSTERS = "DELETE FROM event_clusters AS c {only}"

# Every (key, date) that has events, grouped by key and in date order.
_KEY_DAYS = """
    SELECT e.source_code, coalesce(e.target_code, '') AS target_code,
        left(e.cameo, 2) AS cameo, e."date"
    FROM events AS e {only} WHERE e."date" IS NOT NULL GROUP BY ALL ORDER BY ALL"""

# An event's article is the one it copies when it is a near duplicate; undated events
# cluster per article. An article without a known outlet counts as its own source.
_INSERT_CLUSTERS = r"""
    INSERT INTO event_clusters BY NAME
    WITH mention AS (
        SELECT e.source_code, coalesce(e.target_code, '') AS target_code,
            left(e.cameo, 2) AS cameo, e."date", coalesce(d.duplicate_of, e.doc_id) AS article
        FROM events AS e {only} LEFT JOIN duplicates AS d ON d.doc_id = e.doc_id),
    placed AS (
        SELECT m.*, coalesce(CAST(c.first_date AS VARCHAR), 'undated ' || m.article) AS span
        FROM mention AS m LEFT JOIN cluster_days AS c
            ON c.source_code = m.source_code AND c.target_code = m.target_code
            AND c.cameo = m.cameo AND c."date" = m."date"),
    outlet AS (
        SELECT doc_id, lower(coalesce(nullif(trim(source), ''), nullif(trim(site_name), ''),
            nullif(regexp_extract(url, '^[A-Za-z][A-Za-z0-9+.-]*://(www\.)?([^/:?#]+)', 2), '')))
            AS name
        FROM articles)
    SELECT left(md5(concat_ws('|', p.source_code, p.target_code, p.cameo, p.span)), 16)
            AS cluster_id,
        p.source_code, nullif(p.target_code, '') AS target_code, p.cameo,
        min(p."date") AS first_date, max(p."date") AS last_date, count(*) AS num_mentions,
        count(DISTINCT p.article) AS num_articles,
        count(DISTINCT coalesce(o.name, 'article ' || p.article)) AS num_sources
    FROM placed AS p LEFT JOIN outlet AS o ON o.doc_id = p.article
    GROUP BY p.source_code, p.target_code, p.cameo, p.span"""


def _cluster_first_dates(days: pa.Table, window_days: int) -> pa.Array:
    """The first date of the cluster each (key, date) row of ``_KEY_DAYS`` falls in."""
    if days.num_rows == 0:
        return pa.array([], type=pa.date32())
    new_key = np.zeros(days.num_rows, dtype=bool)
    new_key[0] = True
    for name in ("source_code", "target_code", "cameo"):
        column = days.column(name).combine_chunks()
        changed = pc.not_equal(column[1:], column[:-1])
        new_key[1:] |= changed.to_numpy(zero_copy_only=False)
    day = days.column("date").combine_chunks().cast(pa.int32()).to_numpy()
    return pa.array(_first_days(new_key, day, window_days), type=pa.int32()).cast(pa.date32())


def _first_days(
    new_key: npt.NDArray[np.bool_], day: npt.NDArray[np.int32], window: int
) -> npt.NDArray[np.int32]:
    """Greedy windows per key: a cluster starts at the first day not within ``window`` days
    of the current cluster's start. Vectorised: each row's next start is found by binary
    search, and the starts are followed from every key's first row at once."""
    rows = len(day)
    key = np.cumsum(new_key) - 1
    key_starts = np.flatnonzero(new_key)
    key_ends = np.append(key_starts[1:], rows)[key]
    offset = day.astype(np.int64) - int(day.min())
    span = int(offset.max()) + window + 1  # keys never overlap in the combined order
    combined = key.astype(np.int64) * span + offset
    following = np.searchsorted(combined, combined + window, side="left")
    following = np.where(following < key_ends, following, -1)
    is_start = np.zeros(rows, dtype=bool)
    current = key_starts
    while current.size:
        is_start[current] = True
        current = following[current]
        current = current[current >= 0]
    cluster = np.cumsum(is_start) - 1
    first: npt.NDArray[np.int32] = day[np.flatnonzero(is_start)][cluster].astype(np.int32)
    return first
