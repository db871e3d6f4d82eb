"""Plots of analysis tables, drawn with matplotlib's Agg canvas (no display, no pyplot state)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from communique.errors import InputError, StorageError
from communique.store.aggregates import QUAD_COLUMNS

# Cooperation in blues, conflict in reds; verbal lighter than material.
_QUAD_COLOURS = ("#9ecae1", "#3182bd", "#fc9272", "#de2d26")
_PERIOD_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4, "quarter": 91.3, "year": 365.2}


def plot_dyad(
    series: pd.DataFrame, path: Path | str, title: str = "", *, by: str | None = None
) -> Path:
    """Draw a dyad series: events per period stacked by quad class, and mean Goldstein.

    Args:
        series: A frame from :func:`communique.analysis.dyad_series`.
        path: The image file; its suffix picks the format (``.png``, ``.svg``, ``.pdf``).
        title: The figure's title.
        by: The series' period (``week`` …), for the bar width; else read from the series.

    Returns:
        The path written.

    Raises:
        InputError: The series has no events (there is nothing to draw).
        StorageError: The file cannot be written.
    """
    if series.empty or int(series["events"].sum()) == 0:
        raise InputError("empty", f"no events to plot{f' for {title}' if title else ''}.")
    figure = Figure(figsize=(10, 4.5), layout="constrained")
    _draw(figure, series, by)
    figure.axes[0].set_title(title)
    target = Path(path).expanduser()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(target, dpi=120)
    except OSError as error:
        raise StorageError(
            f"Cannot write the plot to {target}: {error.strerror or error}. "
            "Pass -o with a writable path."
        ) from error
    return target


def _draw(figure: Figure, series: pd.DataFrame, by: str | None) -> None:
    bars = figure.subplots()
    periods = pd.to_datetime(series["period"])
    step = _PERIOD_DAYS.get(by or "", _step_days(periods))
    bottom = pd.Series(0, index=series.index)
    for column, colour in zip(QUAD_COLUMNS.values(), _QUAD_COLOURS, strict=True):
        label = column.replace("_", " ")
        # Each bar covers its period, from its first day.
        bars.bar(periods, series[column], 0.85 * step, bottom=bottom, align="edge",
                 color=colour, label=label)  # fmt: skip
        bottom = bottom + series[column]
    bars.set_ylabel("events")
    bars.yaxis.set_major_locator(MaxNLocator(integer=True))
    line = bars.twinx()
    middle = periods + pd.Timedelta(days=0.85 * step / 2)
    line.plot(middle, series["goldstein_mean"], color="black", marker="o", markersize=4,
              label="mean Goldstein")  # fmt: skip
    line.axhline(0, color="grey", linewidth=0.5)
    line.set_ylim(-10.5, 10.5)
    line.set_ylabel("mean Goldstein")
    handles = bars.get_legend_handles_labels()[0] + line.get_legend_handles_labels()[0]
    figure.legend(handles=handles, loc="outside lower center", ncols=5, frameon=False)


def _step_days(periods: pd.Series) -> float:
    """Days from one period to the next (1 for a single period)."""
    if len(periods) < 2:
        return 1.0
    return float(max((periods.iloc[1] - periods.iloc[0]).days, 1))
