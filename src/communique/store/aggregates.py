"""Aggregate queries for analysis: events counted per period and per actor pair.

``communique.analysis`` turns these into dyad time series and actor networks; the SQL
stays here. Events without a date are left out of the period counts.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from communique.store._filters import QUAD_CLASSES, EventFilter, check_choice, event_clauses
from communique.store._filters import where_sql as _where

# Periods a series can be counted by: DuckDB date_trunc parts (weeks start on Monday).
PERIODS = ("day", "week", "month", "quarter", "year")

# Column names of the quad class counts, 1 → verbal_cooperation … 4 → material_conflict.
QUAD_COLUMNS = {n: name.replace(" ", "_") for n, name in QUAD_CLASSES.items()}

_COUNTS = ", ".join(
    f"count(*) FILTER (WHERE e.quad_class = {n}) AS {name}" for n, name in QUAD_COLUMNS.items()
)


def period_counts(
    connection: duckdb.DuckDBPyConnection, where: EventFilter, by: str = "week"
) -> pd.DataFrame:
    """Events matching ``where`` counted per period, only periods that have events.

    Args:
        connection: An open database.
        where: Which events (``source``/``target``/``symmetric`` for a dyad); its
            ``limit`` is ignored.
        by: ``day``, ``week`` (starting Monday), ``month``, ``quarter`` or ``year``.

    Returns:
        One row per period, oldest first: ``period`` (its first day), ``events``, one
        count per quad class (:data:`QUAD_COLUMNS`), ``goldstein_sum``,
        ``goldstein_mean``, and ``cooperation_weight`` / ``conflict_weight``: the sums of
        |Goldstein| over quad classes 1-2 and 3-4.

    Raises:
        InputError: ``by`` is not one of :data:`PERIODS`.
    """
    check_choice("period", by, PERIODS)
    clauses, params = event_clauses(where)
    clauses.append('e."date" IS NOT NULL')
    sql = f"""
        SELECT CAST(date_trunc(?, e."date") AS DATE) AS period, count(*) AS events, {_COUNTS},
            sum(e.goldstein) AS goldstein_sum, avg(e.goldstein) AS goldstein_mean,
            coalesce(sum(abs(e.goldstein)) FILTER (WHERE e.quad_class <= 2), 0)
                AS cooperation_weight,
            coalesce(sum(abs(e.goldstein)) FILTER (WHERE e.quad_class >= 3), 0)
                AS conflict_weight
        FROM events AS e{_where(clauses)} GROUP BY period ORDER BY period"""
    return connection.execute(sql, [by.lower(), *params]).df()


def actor_pairs(
    connection: duckdb.DuckDBPyConnection, where: EventFilter, min_events: int = 1
) -> pd.DataFrame:
    """Events with a target, counted per (source code, target code) pair.

    Returns:
        ``source``, ``target``, ``events``, ``goldstein_mean``, ``goldstein_sum`` and one
        count per quad class; pairs with fewer than ``min_events`` events are left out;
        most events first.
    """
    clauses, params = event_clauses(where)
    clauses.append("e.target_code IS NOT NULL")
    sql = f"""
        SELECT e.source_code AS source, e.target_code AS target, count(*) AS events,
            avg(e.goldstein) AS goldstein_mean, sum(e.goldstein) AS goldstein_sum, {_COUNTS}
        FROM events AS e{_where(clauses)} GROUP BY source, target HAVING count(*) >= ?
        ORDER BY events DESC, source, target"""
    return connection.execute(sql, [*params, min_events]).df()


def actor_codes(connection: duckdb.DuckDBPyConnection, where: EventFilter) -> pd.DataFrame:
    """Actor codes in the events matching ``where``, as source or target.

    Returns:
        ``code``, ``name`` (the name the code appears with most often), ``events`` (as
        source or target), ``as_source`` and ``as_target``; most events first.
    """
    clauses, params = event_clauses(where)
    sql = f"""
        WITH matched AS (SELECT e.* FROM events AS e{_where(clauses)}),
        sides AS (
            SELECT source_code AS code, source_name AS name, 1 AS src, 0 AS tgt FROM matched
            UNION ALL SELECT target_code, target_name, 0, 1 FROM matched
            WHERE target_code IS NOT NULL),
        named AS (
            SELECT code, name, count(*) AS n, sum(src) AS src, sum(tgt) AS tgt
            FROM sides GROUP BY code, name)
        SELECT code, first(name ORDER BY n DESC, name) AS name,
            CAST(sum(n) AS BIGINT) AS events, CAST(sum(src) AS BIGINT) AS as_source,
            CAST(sum(tgt) AS BIGINT) AS as_target
        FROM named GROUP BY code ORDER BY events DESC, code"""
    return connection.execute(sql, params).df()
