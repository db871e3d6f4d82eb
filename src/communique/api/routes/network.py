"""``GET /api/network``: who acted on whom in a period, as nodes and directed edges."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from communique.analysis.network import actor_network
from communique.api.deps import ReadAccess, StateDep
from communique.api.routes import ERRORS, respond
from communique.api.schemas import Network, NetworkEdge, NetworkNode, NetworkParams
from communique.store import Connection

router = APIRouter(prefix="/api", tags=["network"], dependencies=[ReadAccess])
_QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@router.get("/network", response_model=Network, responses=ERRORS)
async def get_network(state: StateDep, params: Annotated[NetworkParams, Query()]) -> Response:
    """The actor network: the ``limit`` busiest (source, target) pairs and their actors."""
    key = ("network", params.model_dump_json())
    return await respond(state, key, lambda db: load_network(db, params))


def load_network(db: Connection, params: NetworkParams) -> Network:
    """The network as the API returns it (the dashboard's network page draws the same)."""
    modality = None if params.modality == "all" else params.modality
    graph = actor_network(db, params.since, params.until, params.min_events, modality=modality)
    ranked = sorted(graph.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1]))
    edges = [_edge(source, target, data) for source, target, data in ranked[: params.limit]]
    kept = {e.source for e in edges} | {e.target for e in edges}
    nodes = [_node(code, data) for code, data in graph.nodes(data=True) if code in kept]
    nodes.sort(key=lambda n: (-n.events, n.code))
    return Network(since=params.since, until=params.until, nodes=nodes, edges=edges)


def _node(code: str, data: dict[str, Any]) -> NetworkNode:
    return NetworkNode(
        code=code,
        name=data.get("name") or None,
        events=int(data.get("events", 0)),
        as_source=int(data.get("as_source", 0)),
        as_target=int(data.get("as_target", 0)),
    )


def _edge(source: str, target: str, data: dict[str, Any]) -> NetworkEdge:
    return NetworkEdge(
        source=source,
        target=target,
        events=int(data["weight"]),
        goldstein_mean=round(float(data.get("goldstein_mean", 0.0)), 2),
        **{quad: int(data.get(quad, 0)) for quad in _QUADS},
    )
