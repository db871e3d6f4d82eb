"""The actor network: nodes, weighted edges, GraphML and GEXF written and read back."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import typer
from typer.testing import CliRunner

from communique import store
from communique.analysis.network import actor_network, write_network
from communique.errors import InputError


def test_actor_network_nodes_and_edges(connection: store.Connection) -> None:
    graph = actor_network(connection)
    assert set(graph.nodes) == {"RUSGOV", "PRKGOV", "USAGOV", "UKRMIL"}
    assert graph.nodes["RUSGOV"] == {"name": "Russia", "events": 7, "as_source": 5, "as_target": 2}
    edge = graph.edges["RUSGOV", "PRKGOV"]
    assert edge["weight"] == 3 and edge["goldstein_sum"] == 7.0
    assert edge["goldstein_mean"] == pytest.approx(7 / 3)
    assert (edge["verbal_cooperation"], edge["verbal_conflict"]) == (2, 1)
    assert graph.edges["RUSGOV", "UKRMIL"]["weight"] == 1  # the "possible" strike is left out
    assert graph.has_edge("PRKGOV", "RUSGOV") and not graph.has_edge("UKRMIL", "RUSGOV")


def test_actor_network_min_events_dates_and_modality(connection: store.Connection) -> None:
    strong = actor_network(connection, min_events=2)
    assert list(strong.edges) == [("RUSGOV", "PRKGOV")] and set(strong) == {"RUSGOV", "PRKGOV"}
    june18 = actor_network(connection, since="2024-06-18", until="2024-06-18")
    assert list(june18.edges) == [("RUSGOV", "PRKGOV")]
    every = actor_network(connection, modality=None)
    assert every.edges["RUSGOV", "UKRMIL"]["weight"] == 2
    with pytest.raises(InputError, match="min_events"):
        actor_network(connection, min_events=0)
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        actor_network(connection, since="June")


@pytest.mark.parametrize(
    ("suffix", "read"), [(".graphml", nx.read_graphml), (".gexf", nx.read_gexf)]
)
def test_network_written_and_read_back(
    connection: store.Connection, tmp_path: Path, suffix: str, read: object
) -> None:
    graph = actor_network(connection)
    path = write_network(graph, tmp_path / "sub" / f"actors{suffix}")
    back = read(path)  # type: ignore[operator]
    assert set(back.nodes) == set(graph.nodes)
    assert set(back.edges) == set(graph.edges)
    assert back.nodes["PRKGOV"]["name"] == "North Korea"
    for source, target, data in graph.edges(data=True):
        assert back.edges[source, target]["weight"] == data["weight"]
        assert back.edges[source, target]["goldstein_mean"] == pytest.approx(data["goldstein_mean"])


def test_write_network_unknown_suffix(connection: store.Connection, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"ending in \.graphml or \.gexf"):
        write_network(actor_network(connection), tmp_path / "actors.dot")


def test_network_command(db: Path, cli: typer.Typer, tmp_path: Path) -> None:
    target = tmp_path / "net.gexf"
    args = ["network", "-o", str(target), "--min-events", "2", "--db", str(db)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"2 actors, 1 edges → {target}\n"
    assert set(nx.read_gexf(target).edges) == {("RUSGOV", "PRKGOV")}
