"""The world map's drawing: TopoJSON decoded, projected, cut at the antimeridian; circles."""

from __future__ import annotations

import hashlib
import re

from communique.web import worldmap
from communique.web.worldmap import (
    HEIGHT,
    WIDTH,
    countries,
    decode_arcs,
    draw_map,
    project,
    radius,
)

ATLAS_SHA256 = "2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8"


def _place(name: str, lat: float, lon: float, events: int) -> dict[str, object]:
    return {"name": name, "lat": lat, "lon": lon, "events": events, "country": None}


def test_the_vendored_atlas_is_the_recorded_file() -> None:
    data = worldmap.ATLAS.read_bytes()
    assert hashlib.sha256(data).hexdigest() == ATLAS_SHA256
    assert len(data) < 150_000
    licence = worldmap.ATLAS.with_name("LICENSE").read_text(encoding="utf-8")
    assert "Michael Bostock" in licence
    assert ATLAS_SHA256 in worldmap.ATLAS.with_name("README.md").read_text(encoding="utf-8")


def test_arcs_are_delta_decoded_then_scaled() -> None:
    topology = {
        "transform": {"scale": [0.5, 0.25], "translate": [-180, -90]},
        "arcs": [[[0, 0], [2, 4], [-1, 0]], [[10, 10]]],
    }
    assert decode_arcs(topology) == [
        [(-180.0, -90.0), (-179.0, -89.0), (-179.5, -89.0)],
        [(-175.0, -87.5)],
    ]


def test_every_country_has_a_closed_path_and_is_read_once() -> None:
    shapes = countries()
    assert shapes is countries()  # cached for the process
    assert len(shapes) == 177
    by_name = {shape.name: shape for shape in shapes}
    assert by_name["France"].iso_numeric == "250"
    assert by_name["Kosovo"].iso_numeric is None  # no ISO code; drawn all the same
    for shape in shapes:
        assert shape.path.startswith("M") and shape.path.endswith("z"), shape.name


def test_shapes_across_the_antimeridian_show_on_both_edges() -> None:
    by_name = {shape.name: shape for shape in countries()}

    def starts(name: str) -> list[float]:
        return [float(x) for x in re.findall(r"M(-?[\d.]+),", by_name[name].path)]

    fiji = starts("Fiji")
    assert any(x < 5 for x in fiji) and any(x > WIDTH - 10 for x in fiji)
    # Chukotka: a copy at the left edge; no ring runs across the whole map.
    russia = by_name["Russia"].path
    assert any(x < 0 for x in starts("Russia")) or "M0," in russia
    assert max(_extents(russia)) < WIDTH + 80


def _extents(path: str) -> list[float]:
    """How wide each ring of a path is, in drawing units."""
    widths = []
    for ring in path.split("M")[1:]:
        first, _, rest = ring.partition("l")
        x = float(first.split(",")[0])
        xs = [x]
        for step in rest.rstrip("z").split():
            x += float(step.split(",")[0])
            xs.append(x)
        widths.append(max(xs) - min(xs))
    return widths


def test_projection_puts_the_corners_and_holds_latitude_to_the_frame() -> None:
    assert project(-180, worldmap.NORTH) == (0.0, 0.0)
    assert project(180, worldmap.SOUTH) == (WIDTH, HEIGHT)
    assert project(0, 0)[0] == WIDTH / 2
    assert project(0, -89)[1] == HEIGHT  # Antarctica's stations sit on the bottom edge


def test_circle_area_is_proportional_to_events() -> None:
    assert radius(100, 100) == worldmap.MAX_RADIUS
    assert radius(25, 100) == worldmap.MAX_RADIUS / 2
    assert radius(1, 10_000) == worldmap.MIN_RADIUS  # still big enough to click


def test_draw_map_puts_the_busiest_place_first_and_leaves_out_empty_ones() -> None:
    drawing = draw_map(
        [
            _place("Kyiv", 50.45, 30.52, 2),
            _place("Seoul", 37.57, 126.98, 8),
            _place("Nowhere", 0, 0, 0),
        ]
    )
    assert [p.name for p in drawing.points] == ["Seoul", "Kyiv"]
    assert drawing.points[0].r == worldmap.MAX_RADIUS
    assert drawing.points[1].r == worldmap.MAX_RADIUS / 2
    assert (drawing.width, drawing.height) == (WIDTH, HEIGHT)
    assert draw_map([]).points == []
