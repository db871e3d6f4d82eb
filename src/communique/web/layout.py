"""Where the network page draws each actor and edge: a spring layout scaled to the SVG."""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

from communique.api.schemas import Network

WIDTH, HEIGHT, MARGIN = 960, 620, 60
# Above this many actors the spring layout would need scipy; a circle is drawn instead.
_SPRING_LIMIT = 400


@dataclass(frozen=True, slots=True)
class NodeDrawing:
    """An actor: where, how big, what it says."""

    code: str
    name: str
    x: float
    y: float
    r: float
    events: int


@dataclass(frozen=True, slots=True)
class EdgeDrawing:
    """An edge: a curved path from source to target, its width and colour."""

    source: str
    target: str
    path: str
    width: float
    colour: str
    events: int
    goldstein: float


@dataclass(frozen=True, slots=True)
class Drawing:
    """The whole network as the SVG template draws it."""

    width: int
    height: int
    nodes: list[NodeDrawing]
    edges: list[EdgeDrawing]


def draw_network(network: Network) -> Drawing:
    """Lay the network out (deterministically: a fixed seed) in a WIDTH × HEIGHT box."""
    graph = nx.Graph()
    graph.add_nodes_from(n.code for n in network.nodes)
    graph.add_edges_from((e.source, e.target) for e in network.edges)
    positions = _positions(graph) if len(graph) else {}
    busiest = max((n.events for n in network.nodes), default=1)
    nodes = {
        n.code: NodeDrawing(
            code=n.code,
            name=n.name or n.code,
            x=positions[n.code][0],
            y=positions[n.code][1],
            r=round(5 + 13 * math.sqrt(n.events / busiest), 1),
            events=n.events,
        )
        for n in network.nodes
    }
    heaviest = max((e.events for e in network.edges), default=1)
    edges = [
        EdgeDrawing(
            source=e.source,
            target=e.target,
            path=_curve(nodes[e.source], nodes[e.target]),
            width=round(1 + 5 * math.sqrt(e.events / heaviest), 1),
            colour=goldstein_colour(e.goldstein_mean),
            events=e.events,
            goldstein=e.goldstein_mean,
        )
        for e in network.edges
    ]
    return Drawing(WIDTH, HEIGHT, list(nodes.values()), edges)


def goldstein_colour(score: float) -> str:
    """Red for conflict (−10), grey for 0, green for cooperation (+10)."""
    t = max(-1.0, min(1.0, score / 10))
    grey, end = (150, 150, 150), (46, 139, 87) if t > 0 else (200, 40, 40)
    r, g, b = (round(a + (z - a) * abs(t)) for a, z in zip(grey, end, strict=True))
    return f"rgb({r},{g},{b})"


def _positions(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Each connected group laid out alone, the groups packed in rows, biggest first."""
    groups = sorted(nx.connected_components(graph), key=lambda g: (-len(g), min(g)))
    sides = [math.sqrt(len(group)) for group in groups]
    row_width = max([*sides, 1.5 * math.sqrt(sum(side * side for side in sides))])
    placed: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for group, side in zip(groups, sides, strict=True):
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height + 0.3, 0.0
        for code, (u, v) in _unit_layout(graph.subgraph(group)).items():
            placed[code] = (x + side * (0.1 + 0.8 * u), y + side * (0.1 + 0.8 * v))
        x, row_height = x + side + 0.3, max(row_height, side)
    return _fit(placed)


def _unit_layout(group: nx.Graph) -> dict[str, tuple[float, float]]:
    """A spring layout of one connected group in the unit square (a circle when large)."""
    if len(group) == 1:
        return {str(next(iter(group))): (0.5, 0.5)}
    if len(group) > _SPRING_LIMIT:
        raw = nx.circular_layout(group)
    else:
        raw = nx.spring_layout(group, seed=7, iterations=200)
    xs, ys = [float(p[0]) for p in raw.values()], [float(p[1]) for p in raw.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return {
        str(code): ((float(p[0]) - min(xs)) / span, (float(p[1]) - min(ys)) / span)
        for code, p in raw.items()
    }


def _fit(placed: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Scale (one factor for both axes) and centre the positions in the drawing."""
    if not placed:
        return {}
    xs, ys = [p[0] for p in placed.values()], [p[1] for p in placed.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1e-9, (max(ys) - min(ys)) or 1e-9
    scale = min((WIDTH - 2 * MARGIN) / span_x, (HEIGHT - 2 * MARGIN) / span_y, 260.0)
    dx = (WIDTH - (max(xs) - min(xs)) * scale) / 2 - min(xs) * scale
    dy = (HEIGHT - (max(ys) - min(ys)) * scale) / 2 - min(ys) * scale
    return {
        code: (round(dx + x * scale, 1), round(dy + y * scale, 1))
        for code, (x, y) in placed.items()
    }


def _curve(a: NodeDrawing, b: NodeDrawing) -> str:
    """A gentle arc from the rim of ``a`` to the rim of ``b`` (A→B and B→A bend apart)."""
    dx, dy = b.x - a.x, b.y - a.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    x1, y1 = a.x + ux * a.r, a.y + uy * a.r
    x2, y2 = b.x - ux * (b.r + 4), b.y - uy * (b.r + 4)
    bend = 0.12 * length
    cx, cy = (x1 + x2) / 2 - uy * bend, (y1 + y2) / 2 + ux * bend
    return f"M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}"
