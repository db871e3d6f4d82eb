"""Dyad series: counts per period and quad class, Goldstein, the conflict–cooperation index."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from communique import store
from communique.analysis import DYAD_COLUMNS, cc_index, dyad_series
from communique.analysis.dyads import _FREQUENCIES
from communique.errors import InputError
from communique.store.aggregates import PERIODS


def test_dyad_series_by_week_fills_quiet_weeks(connection: store.Connection) -> None:
    series = dyad_series(connection, "RUS", "PRK", by="week")
    assert list(series.columns) == list(DYAD_COLUMNS)
    assert [str(p.date()) for p in series["period"]] == ["2024-06-03", "2024-06-10", "2024-06-17"]
    assert series["events"].tolist() == [1, 0, 2]
    assert series["verbal_cooperation"].tolist() == [1, 0, 1]
    assert series["verbal_conflict"].tolist() == [0, 0, 1]
    assert series["goldstein_sum"].tolist() == [8.0, 0.0, -1.0]
    assert series["goldstein_mean"].iloc[0] == 8.0 and math.isnan(series["goldstein_mean"].iloc[1])
    assert series["cc_index"].iloc[0] == 1.0 and math.isnan(series["cc_index"].iloc[1])
    assert series["cc_index"].iloc[2] == pytest.approx((1 - 2) / 3)  # +1 coop, -2 conflict


def test_dyad_series_symmetric_by_month(connection: store.Connection) -> None:
    series = dyad_series(connection, "RUS", "PRK", by="month", symmetric=True)
    assert series["events"].tolist() == [4]  # + PRK → RUS on 2024-06-05
    assert series["goldstein_sum"].tolist() == [8.0]
    assert series["cc_index"].iloc[0] == pytest.approx((10 - 2) / 12)
    by_name = dyad_series(connection, "russia", "north korea", by="month", symmetric=True)
    assert by_name["events"].tolist() == [3]  # "Vladimir Putin" (RUSGOV) is not "russia"


def test_dyad_series_counts_asserted_events_unless_told(connection: store.Connection) -> None:
    assert dyad_series(connection, "RUS", "UKR", by="year")["events"].tolist() == [1]
    every = dyad_series(connection, "RUS", "UKR", by="year", modality=None)
    assert every["events"].tolist() == [2] and every["material_conflict"].tolist() == [2]
    assert every["cc_index"].tolist() == [-1.0]
    daily = dyad_series(connection, "RUS", "UKR", by="day", modality="possible")
    assert [str(p.date()) for p in daily["period"]] == ["2024-06-19"]


def test_dyad_series_without_events_is_empty_with_the_columns(
    connection: store.Connection,
) -> None:
    series = dyad_series(connection, "FRA", "DEU")
    assert series.empty and list(series.columns) == list(DYAD_COLUMNS)


def test_dyad_series_bad_period_or_modality_lists_the_choices(
    connection: store.Connection,
) -> None:
    with pytest.raises(InputError, match="expected one of: day, week, month, quarter, year"):
        dyad_series(connection, "RUS", "PRK", by="fortnight")
    with pytest.raises(InputError, match="asserted, possible"):
        dyad_series(connection, "RUS", "PRK", modality="rumoured")


def test_dyad_periods_have_a_pandas_frequency() -> None:
    assert set(_FREQUENCIES) == set(PERIODS)


def test_cc_index_formula() -> None:
    coop = pd.Series([10.0, 0.0, 3.0, 0.0])
    conflict = pd.Series([0.0, 4.0, 1.0, 0.0])
    assert cc_index(coop, conflict).tolist() == [1.0, -1.0, 0.5, 0.0]


def test_dyad_command_formats(db: Path, cli: typer.Typer) -> None:
    args = ["dyad", "RUS", "PRK", "--db", str(db)]
    rows = json.loads(CliRunner().invoke(cli, [*args, "--format", "json"]).stdout)
    assert [(r["period"], r["events"]) for r in rows] == [
        ("2024-06-03", 1), ("2024-06-10", 0), ("2024-06-17", 2),
    ]  # fmt: skip
    assert rows[1]["cc_index"] is None and rows[1]["goldstein_mean"] is None
    frame = pd.read_csv(io.StringIO(CliRunner().invoke(cli, [*args, "--format", "csv"]).stdout))
    assert frame["events"].tolist() == [1, 0, 2]
    table = CliRunner().invoke(cli, [*args, "--by", "month", "--symmetric"]).stdout
    assert table.splitlines()[1].split()[:3] == ["2024-06-01", "4", "3"]
    every = CliRunner().invoke(cli, ["dyad", "RUS", "UKR", "--modality", "any", "--db", str(db)])
    assert every.stdout.splitlines()[1].split()[1] == "2"
    bad = CliRunner().invoke(cli, [*args, "--by", "decade"])
    assert isinstance(bad.exception, InputError)
