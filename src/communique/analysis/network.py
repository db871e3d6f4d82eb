"""The actor network: who acts on whom, as a directed graph for networkx, Gephi or yEd."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from communique.errors import InputError, StorageError
from communique.store import Connection, EventFilter
from communique.store.aggregates import actor_codes, actor_pairs

# File formats by suffix; both keep every node and edge attribute.
_WRITERS: dict[str, Callable[[Any, Path], None]] = {
    ".graphml": lambda graph, path: nx.write_graphml(graph, path),
    ".gexf": lambda graph, path: nx.write_gexf(graph, path),
}


def actor_network(
    connection: Connection,
    since: date | str | None = None,
    until: date | str | None = None,
    min_events: int = 1,
    *,
    modality: str | None = "asserted",
) -> nx.DiGraph:
    """The directed graph of actors (CAMEO codes) linked by the events between them.

    Args:
        connection: An open database.
        since: First event date counted.
        until: Last event date counted.
        min_events: Leave out pairs with fewer events than this.
        modality: Count only events of this modality (default ``asserted``); None for all.

    Returns:
        A ``networkx.DiGraph``. Nodes are actor codes with ``name`` (the name the code
        appears with most often), ``events`` (as source or target, in the period),
        ``as_source`` and ``as_target``. An edge source → target has ``weight`` (its
        number of events), ``goldstein_mean``, ``goldstein_sum`` and one count per quad
        class. Only actors on a kept edge are nodes; events without a target are not
        edges.

    Raises:
        InputError: A bad date, modality or ``min_events`` below 1.
    """
    if min_events < 1:
        raise InputError("bad-min-events", f"min_events must be 1 or more, got {min_events}.")
    where = EventFilter(since=since, until=until, modality=modality)
    pairs = actor_pairs(connection, where, min_events)
    graph = nx.DiGraph(since=str(since or ""), until=str(until or ""), min_events=min_events)
    kept = set(pairs["source"]) | set(pairs["target"])
    for node in _rows(actor_codes(connection, where)):
        if node["code"] in kept:
            code = node.pop("code")
            graph.add_node(code, **node)
    for edge in _rows(pairs):
        source, target = edge.pop("source"), edge.pop("target")
        graph.add_edge(source, target, weight=edge.pop("events"), **edge)
    return graph


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts of plain Python values; GraphML and GEXF refuse None, so it becomes ""."""
    rows: list[dict[str, Any]] = frame.to_dict("records")
    return [{k: "" if v is None or v != v else v for k, v in row.items()} for row in rows]


def write_network(graph: nx.DiGraph, path: Path | str) -> Path:
    """Write ``graph`` to ``path`` as GraphML (``.graphml``) or GEXF (``.gexf``).

    Returns:
        The path written.

    Raises:
        InputError: Another suffix (the message lists the two).
        StorageError: The file cannot be written.
    """
    target = Path(path).expanduser()
    writer = _WRITERS.get(target.suffix.lower())
    if writer is None:
        raise InputError(
            "unknown-format",
            f"cannot write a network to {target.name!r}; expected a file ending in "
            f"{' or '.join(_WRITERS)}.",
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        writer(graph, target)
    except OSError as error:
        raise StorageError(
            f"Cannot write the network to {target}: {error.strerror or error}. "
            "Pass -o with a writable path."
        ) from error
    return target
