"""Where: the places documents name, event locations read back, and events counted per place.

An event's location is stored flat on its row (``location_name``, ``location_lat`` …, all
NULL when the geo stage gave it none); the places a document names are rows of ``places``.
This module turns both back into the output contract's shape (``{"span", "name",
"geonameid", "lat", "lon", "country", "admin1", "feature"}``) or into :class:`Place`
records, and counts the events located at each place for the dashboard's map.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, cast

import duckdb

from communique.records import Place, PlaceFeature
from communique.store._filters import EventFilter, event_clauses, where_sql

__all__ = [
    "LOCATION_COLUMNS",
    "PLACE_COUNT_KEYS",
    "document_places",
    "fold_location",
    "location_dict",
    "location_place",
    "place_counts",
]

# The location columns of an event row, as :data:`queries.EVENT_COLUMNS` selects them.
LOCATION_FIELDS = (
    "name", "geonameid", "lat", "lon", "country", "admin1", "feature", "start", "end",
    "producer",
)  # fmt: skip
LOCATION_COLUMNS = ", ".join(f'e."location_{name}"' for name in LOCATION_FIELDS)
# The keys of each :func:`place_counts` row (the dashboard's map reads exactly these).
PLACE_COUNT_KEYS = ("lat", "lon", "name", "country", "admin1", "feature", "events")


def location_dict(row: Mapping[str, Any]) -> dict[str, Any] | None:
    """An event row's ``location_*`` columns as the contract's location, or None.

    ``row`` may come from a DataFrame (missing values NaN or NaT) or from a query's
    tuples (None).
    """
    values = _location_values(row)
    if values is None:
        return None
    keys = ("name", "geonameid", "lat", "lon", "country", "admin1", "feature")
    return {"span": [values["start"], values["end"]], **{key: values[key] for key in keys}}


def fold_location(row: Mapping[str, Any]) -> dict[str, Any]:
    """``row`` with its ``location_*`` columns folded into one ``location`` (dict or None)."""
    kept = {name: value for name, value in row.items() if not name.startswith("location_")}
    return {**kept, "location": location_dict(row)}


def location_place(row: Mapping[str, Any]) -> Place | None:
    """An event row's ``location_*`` columns as the :class:`Place` it was stored from."""
    values = _location_values(row)
    if values is None:
        return None
    return Place(
        doc_id=str(row["doc_id"]),
        start=values["start"],
        end=values["end"],
        name=values["name"],
        geonameid=values["geonameid"],
        lat=values["lat"],
        lon=values["lon"],
        country=values["country"],
        admin1=values["admin1"],
        feature=cast(PlaceFeature, values["feature"]),
        producer=values["producer"] or "",
    )


def _location_values(row: Mapping[str, Any]) -> dict[str, Any] | None:
    values = {name: _missing_is_none(row.get(f"location_{name}")) for name in LOCATION_FIELDS}
    if values["name"] is None or values["lat"] is None or values["lon"] is None:
        return None
    for name in ("geonameid", "start", "end"):  # a frame holds them as floats beside NaN
        if values[name] is not None:
            values[name] = int(values[name])
    values["lat"], values["lon"] = float(values["lat"]), float(values["lon"])
    return values


def _missing_is_none(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item") and not isinstance(value, str):  # a numpy scalar
        value = value.item()
        return None if isinstance(value, float) and math.isnan(value) else value
    return value


def document_places(connection: duckdb.DuckDBPyConnection, doc_id: str) -> tuple[Place, ...]:
    """The places the document ``doc_id`` names, in text order."""
    rows = connection.execute(
        'SELECT doc_id, "start", "end", name, geonameid, lat, lon, country, admin1, feature,'
        ' producer FROM places WHERE doc_id = ? ORDER BY "start", "end", name',
        [doc_id],
    ).fetchall()
    return tuple(_place(row) for row in rows)


def _place(row: tuple[Any, ...]) -> Place:
    *values, producer = row
    fields = ("doc_id", "start", "end", "name", "geonameid", "lat", "lon", "country", "admin1")
    return Place(**dict(zip((*fields, "feature"), values, strict=True)), producer=producer or "")


def place_counts(
    connection: duckdb.DuckDBPyConnection,
    where: EventFilter | None = None,
    *,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """How many of the events matching ``where`` happened at each place: the map's circles.

    A place is its GeoNames id, or its name and point when it has none (regions the
    gazetteer adds); events without a location are not counted.

    Args:
        connection: An open connection or cursor.
        where: Which events (its ``limit`` is ignored); every located event when omitted.
        limit: At most this many places (the busiest).

    Returns:
        One dict per place with the keys of :data:`PLACE_COUNT_KEYS` (``lat``, ``lon``,
        ``name``, ``country``, ``admin1``, ``feature``, ``events``), most events first,
        then by name.
    """
    clauses, params = event_clauses(replace(where or EventFilter(), limit=None))
    clauses.append("e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL")
    unnamed = "CASE WHEN e.location_geonameid IS NULL THEN e.location_{} END"
    sql = (
        "SELECT min(e.location_lat) AS lat, min(e.location_lon) AS lon,"
        " mode(e.location_name) AS name, mode(e.location_country) AS country,"
        " mode(e.location_admin1) AS admin1, mode(e.location_feature) AS feature,"
        f" count(*) AS events FROM events AS e{where_sql(clauses)}"
        " GROUP BY e.location_geonameid, "
        + ", ".join(unnamed.format(column) for column in ("name", "lat", "lon"))
        + " ORDER BY events DESC, name, lat, lon"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    result = connection.execute(sql, params)
    return [
        dict(zip(PLACE_COUNT_KEYS, (*row[:-1], int(row[-1])), strict=True))
        for row in result.fetchall()
    ]
