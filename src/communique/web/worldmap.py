"""The map page's drawing: the vendored world shapes projected to SVG, and a circle per place.

The shapes are world-atlas's ``countries-110m.json`` (Natural Earth, public domain; see
``static/vendor/world-atlas/README.md``), TopoJSON decoded here: each arc is a list of
quantised, delta-encoded positions, and a polygon's ring lists arc indexes (``~i`` for arc
``i`` reversed). They are drawn in the equirectangular projection (longitude → x, latitude →
y), cut at 84° N and 60° S, and kept once per process.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

ATLAS = (
    Path(__file__).resolve().parent / "static" / "vendor" / "world-atlas" / "countries-110m.json"
)
WIDTH = 960
NORTH, SOUTH = 84.0, -60.0
HEIGHT = round(WIDTH * (NORTH - SOUTH) / 360)
MIN_RADIUS, MAX_RADIUS = 3.0, 14.0

Position = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Country:
    """One country's outline: its name, ISO 3166 numeric code (when it has one), SVG path."""

    name: str
    iso_numeric: str | None
    path: str


@dataclass(frozen=True, slots=True)
class PlacePoint:
    """A place with located events: where it is drawn, and how big (area ∝ events)."""

    name: str
    country: str | None
    admin1: str | None
    feature: str | None
    lat: float
    lon: float
    x: float
    y: float
    r: float
    events: int


@dataclass(frozen=True, slots=True)
class WorldMap:
    """The whole map as the template draws it."""

    width: int
    height: int
    countries: tuple[Country, ...]
    points: list[PlacePoint]


def draw_map(places: Sequence[Mapping[str, Any]]) -> WorldMap:
    """The world with a circle per place, the busiest drawn first (so under the others).

    Args:
        places: Rows with ``lat``, ``lon``, ``name``, ``country``, ``admin1``, ``feature``
            and ``events`` (as ``store.place_counts`` returns them); places with no events
            are left out.

    Returns:
        The drawing; a circle's radius grows with the square root of its events, so its
        area is proportional to them.
    """
    rows = [row for row in places if int(row["events"]) > 0]
    busiest = max((int(row["events"]) for row in rows), default=1)
    points = [_point(row, busiest) for row in rows]
    points.sort(key=lambda p: (-p.events, p.name))
    return WorldMap(WIDTH, HEIGHT, countries(), points)


def project(lon: float, lat: float) -> Position:
    """Longitude and latitude (degrees) → x, y of the drawing (latitude held to the frame)."""
    x = (lon + 180.0) / 360.0 * WIDTH
    y = (NORTH - max(SOUTH, min(NORTH, lat))) / (NORTH - SOUTH) * HEIGHT
    return round(x, 1), round(y, 1)


def radius(events: int, busiest: int) -> float:
    """A circle's radius: area proportional to ``events``, the busiest place MAX_RADIUS."""
    share = math.sqrt(max(events, 0) / max(busiest, 1))
    return round(max(MIN_RADIUS, MAX_RADIUS * share), 1)


@cache
def countries() -> tuple[Country, ...]:
    """Every country of the vendored atlas as an SVG path (read and projected once)."""
    topology = json.loads(ATLAS.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        rings = [_ring(indexes, arcs) for indexes in _rings(geometry)]
        name = str(geometry.get("properties", {}).get("name", ""))
        shapes.append(Country(name, geometry.get("id"), _path(rings)))
    return tuple(shapes)


def decode_arcs(topology: Mapping[str, Any]) -> list[list[Position]]:
    """The topology's arcs as lists of (longitude, latitude): deltas summed, then scaled."""
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        positions = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            positions.append((x * scale_x + shift_x, y * scale_y + shift_y))
        decoded.append(positions)
    return decoded


def _rings(geometry: Mapping[str, Any]) -> Iterator[list[int]]:
    """The arc indexes of every ring of a Polygon or MultiPolygon (others have none)."""
    if geometry["type"] == "Polygon":
        yield from geometry["arcs"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["arcs"]:
            yield from polygon


def _ring(indexes: Sequence[int], arcs: Sequence[list[Position]]) -> list[Position]:
    """A ring's positions: its arcs joined, each arc's first position shared with the last."""
    positions: list[Position] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        positions.extend(arc if not positions else arc[1:])
    return positions


def _path(rings: Sequence[list[Position]]) -> str:
    """SVG path data of the rings, each made continuous across the antimeridian.

    A ring that crosses it runs past ±180° once unwrapped; it is drawn a second time a
    world's width over, and the frame cuts both copies, so Chukotka and Fiji show on both
    edges instead of as a stripe across the map.
    """
    parts: list[str] = []
    for ring in rings:
        unwrapped = _unwrap(ring)
        lons = [lon for lon, _ in unwrapped]
        shifts = [0.0]
        if max(lons) > 180.0 + 1e-9:
            shifts.append(-360.0)
        if min(lons) < -180.0 - 1e-9:
            shifts.append(360.0)
        parts.extend(_ring_path([(lon + s, lat) for lon, lat in unwrapped]) for s in shifts)
    return "".join(parts)


def _unwrap(ring: Sequence[Position]) -> list[Position]:
    """The ring with longitudes that never jump more than 180° from one position to the next.

    A ring around a pole (Antarctica) then ends a world's width from where it started; it is
    closed along that pole's latitude.
    """
    out: list[Position] = []
    offset = 0.0
    for lon, lat in ring:
        if out:
            step = lon + offset - out[-1][0]
            if step > 180.0:
                offset -= 360.0
            elif step < -180.0:
                offset += 360.0
        out.append((lon + offset, lat))
    if out and abs(out[-1][0] - out[0][0]) > 180.0:
        pole = -90.0 if sum(lat for _, lat in out) < 0 else 90.0
        out += [(out[-1][0], pole), (out[0][0], pole)]
    return out


def _ring_path(ring: Sequence[Position]) -> str:
    """``M x,y l dx,dy …z`` of one ring, relative steps in tenths, repeats left out."""
    projected = [_raw_projection(lon, lat) for lon, lat in ring]
    if not projected:
        return ""
    x0, y0 = projected[0]
    steps = []
    for x, y in projected[1:]:
        dx, dy = x - x0, y - y0
        if dx or dy:
            steps.append(f"{_tenths(dx)},{_tenths(dy)}")
            x0, y0 = x, y
    return f"M{_tenths(projected[0][0])},{_tenths(projected[0][1])}l{' '.join(steps)}z"


def _raw_projection(lon: float, lat: float) -> tuple[int, int]:
    """x, y in tenths of a unit, latitude not held to the frame (the SVG clips it)."""
    x = (lon + 180.0) / 360.0 * WIDTH
    y = (NORTH - lat) / (NORTH - SOUTH) * HEIGHT
    return round(x * 10), round(y * 10)


def _tenths(value: int) -> str:
    """An integer count of tenths as the shortest decimal: 125 → 12.5, -5 → -.5, 30 → 3."""
    sign, value = ("-" if value < 0 else ""), abs(value)
    whole, tenth = divmod(value, 10)
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def _point(row: Mapping[str, Any], busiest: int) -> PlacePoint:
    lat, lon, events = float(row["lat"]), float(row["lon"]), int(row["events"])
    x, y = project(lon, lat)
    return PlacePoint(
        name=str(row.get("name") or ""),
        country=row.get("country"),
        admin1=row.get("admin1"),
        feature=row.get("feature"),
        lat=lat,
        lon=lon,
        x=x,
        y=y,
        r=radius(events, busiest),
        events=events,
    )
