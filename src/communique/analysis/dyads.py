"""Dyad time series: the events between two actors per period, and how cooperative they were.

The conflict–cooperation index of a period is

    cc_index = (W_coop − W_conflict) / (W_coop + W_conflict)

where W_coop is the sum of |Goldstein| over the period's cooperation events (quad classes
1 and 2) and W_conflict the same sum over its conflict events (quad classes 3 and 4). It runs
from −1 (only conflict) to +1 (only cooperation); a fight (Goldstein −10) weighs as much
as a treaty (+10) and more than a comment (−2). It is 0 when every event of the period has
Goldstein 0, and missing (NaN) for a period without events.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from communique.store import Connection, EventFilter
from communique.store.aggregates import QUAD_COLUMNS, period_counts

# The columns of a dyad series, in order.
DYAD_COLUMNS = (
    "period",
    "events",
    *QUAD_COLUMNS.values(),
    "goldstein_sum",
    "goldstein_mean",
    "cc_index",
)

# pandas frequencies whose periods start where DuckDB's date_trunc puts them.
_FREQUENCIES = {"day": "D", "week": "W-MON", "month": "MS", "quarter": "QS", "year": "YS"}
_FLOATS = ("goldstein_sum", "goldstein_mean", "cc_index")


def dyad_series(
    connection: Connection,
    a: str,
    b: str,
    by: str = "week",
    symmetric: bool = False,
    *,
    modality: str | None = "asserted",
) -> pd.DataFrame:
    """Events from ``a`` to ``b`` per period, by quad class, with Goldstein and the index.

    Every period from the first event to the last gets a row, so a plot or a rolling
    mean of the series sees the quiet periods as zeros. Events without a date are not
    counted.

    Args:
        connection: An open database (``store.open_database``).
        a: The source actor: a CAMEO code prefix (``RUS``) or the start of a word of its
            name (``russia``).
        b: The target actor, the same way.
        by: ``day``, ``week`` (Monday to Sunday), ``month``, ``quarter`` or ``year``.
        symmetric: Count the events from ``b`` to ``a`` too.
        modality: Count only events of this modality; the default ``asserted`` leaves out
            what was only possible, intended, conditional or denied. None counts all.

    Returns:
        The columns of :data:`DYAD_COLUMNS`: ``period`` (first day, a timestamp),
        ``events``, one count per quad class, ``goldstein_sum``, ``goldstein_mean``
        (NaN without events) and ``cc_index`` (see the module docstring).

    Raises:
        InputError: ``by`` or ``modality`` is not a valid choice (the message lists them).
    """
    where = EventFilter(source=a, target=b, symmetric=symmetric, modality=modality)
    counts = period_counts(connection, where, by)
    return _fill_periods(counts, _FREQUENCIES[by.lower()])


def _fill_periods(counts: pd.DataFrame, frequency: str) -> pd.DataFrame:
    counts = counts.assign(period=pd.to_datetime(counts["period"]).astype("datetime64[ns]"))
    if counts.empty:
        return pd.DataFrame(
            {
                column: pd.Series(dtype="float64" if column in _FLOATS else "int64")
                for column in DYAD_COLUMNS
            }
        ).astype({"period": "datetime64[ns]"})
    periods = pd.date_range(counts["period"].min(), counts["period"].max(), freq=frequency)
    filled = counts.set_index("period").reindex(periods)
    totals = ["events", *QUAD_COLUMNS.values(), "cooperation_weight", "conflict_weight"]
    filled[totals] = filled[totals].fillna(0)
    filled["goldstein_sum"] = filled["goldstein_sum"].fillna(0.0)
    filled[totals[:-2]] = filled[totals[:-2]].astype("int64")
    filled["cc_index"] = cc_index(filled["cooperation_weight"], filled["conflict_weight"])
    filled.loc[filled["events"] == 0, "cc_index"] = np.nan
    return filled.rename_axis("period").reset_index()[list(DYAD_COLUMNS)]


def cc_index(cooperation_weight: pd.Series, conflict_weight: pd.Series) -> pd.Series:
    """(W_coop − W_conflict) / (W_coop + W_conflict), 0 where both are 0."""
    total = cooperation_weight + conflict_weight
    index = (cooperation_weight - conflict_weight) / total.where(total > 0)
    return index.fillna(0.0)
