"""Event clusters: one story's events across articles, counted once per article and source.

Events with the same source code, target code and CAMEO root whose dates fall within a
window (default 2 days: a cluster's first day and the next) are one cluster in
``event_clusters``: ``num_mentions`` counts its events, ``num_articles`` the distinct
articles with a near duplicate (``dedup.py``) counted as the article it copies, and
``num_sources`` the distinct outlets of those articles. Every batch marks the keys of the
events it changes in ``stale_cluster_keys`` (in its transaction); at the end of an ingest
:func:`refresh_event_clusters` recomputes exactly those keys. docs/store.md explains the
choices and measurements.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import duckdb
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from communique.errors import ConfigError

DEFAULT_CLUSTER_WINDOW_DAYS = 2

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


def _arrow(connection: duckdb.DuckDBPyConnection, sql: str) -> pa.Table:
    # A relation hands Arrow over without the extra copy a DB-API result makes.
    return connection.sql(sql).to_arrow_table()
