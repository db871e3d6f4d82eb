"""Rendering query results (DataFrames) as a table, one JSON array, or CSV on stdout."""

from __future__ import annotations

import json
import sys
from typing import Any

import pandas as pd
import typer

OUTPUT_FORMATS = ("table", "json", "csv")
_WIDEST = 60  # characters of a table cell before it is cut (evidence, quotes)


def check_format(value: str) -> str:
    """Option callback: ``--format`` must be one of :data:`OUTPUT_FORMATS`."""
    if value not in OUTPUT_FORMATS:
        raise typer.BadParameter(f"expected one of {', '.join(OUTPUT_FORMATS)}, got {value!r}")
    return value


def echo_frame(
    frame: pd.DataFrame, output_format: str, table_columns: list[str], what: str
) -> None:
    """Print ``frame``: a table of ``table_columns``, or every column as JSON or CSV.

    An empty result prints ``[]`` (json), a header (csv), or "no <what>" on stderr (table).
    """
    plain = _plain(frame)
    if output_format == "json":
        sys.stdout.write(json_array(records(plain)) + "\n")
    elif output_format == "csv":
        plain.to_csv(sys.stdout, index=False)
    elif plain.empty:
        typer.echo(f"no {what}", err=True)
    else:
        typer.echo(plain[table_columns].to_string(index=False, max_colwidth=_WIDEST, na_rep=""))


def json_array(items: list[dict[str, Any]]) -> str:
    """One JSON array, one item per line."""
    return "[" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in items) + "]"


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts of JSON values: missing values become None."""
    rows: list[dict[str, Any]] = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return rows


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as ``YYYY-MM-DD`` (ISO date-times when they have a time), for every format."""
    plain = frame.copy()
    for column in plain.columns:
        values = plain[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            dated = (values.dropna() == values.dropna().dt.normalize()).all()
            text = values.dt.strftime("%Y-%m-%d" if dated else "%Y-%m-%dT%H:%M:%S")
            plain[column] = text.astype(object).where(values.notna(), None)
    return plain
