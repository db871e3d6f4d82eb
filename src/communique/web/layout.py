"""Where the network page draws each actor and edge: a spring layout scaled to the SVG."""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

from communique.api.schemas import Network

WIDTH, HEIGHT, MARGIN = 960, 620, 60
# Above this many actors the spring layout would need scipy; a circle is drawn instead.
_SPRING_LIMIT = 400
_HUB = "\x00hub"


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
    positions = _positions(graph)
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
    if len(graph) == 0:
        return {}
    if len(graph) == 1:
        return {next(iter(graph)): (WIDTH / 2, HEIGHT / 2)}
    if len(graph) > _SPRING_LIMIT:
        raw = nx.circular_layout(graph)
    else:
        # A weak tie from every actor to a hidden hub keeps separate groups near each other.
        tied = nx.Graph(graph)
        nx.set_edge_attributes(tied, 1.0, "weight")
        tied.add_edges_from(((_HUB, node) for node in graph), weight=0.04)
        k = 1.2 / math.sqrt(len(tied))
        raw = nx.spring_layout(tied, seed=7, k=k, iterations=300, weight="weight")
        raw.pop(_HUB)
    xs = [float(p[0]) for p in raw.values()]
    ys = [float(p[1]) for p in raw.values()]
    span = max(max(xs) - min(xs), (max(ys) - min(ys)) * WIDTH / HEIGHT) or 1.0
    scale = (WIDTH - 2 * MARGIN) / span
    # Centre the drawing; one scale for both axes keeps the layout's proportions.
    dx = (WIDTH - (max(xs) - min(xs)) * scale) / 2
    dy = (HEIGHT - (max(ys) - min(ys)) * scale) / 2
    return {
        str(code): (
            round(dx + (float(p[0]) - min(xs)) * scale, 1),
            round(dy + (float(p[1]) - min(ys)) * scale, 1),
        )
        for code, p in raw.items()
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
