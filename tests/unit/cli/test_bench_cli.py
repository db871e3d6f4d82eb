"""`communique bench --api`: options reach the benchmark, the report is printed, 5xx fail."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from communique.api.benchmark import ApiBenchOptions, ApiBenchReport, LoadStats
from communique.cli import bench as bench_module

app = typer.Typer()
app.command()(bench_module.bench_command)


def _report(server_errors: int = 0) -> ApiBenchReport:
    def stats(name: str, requests: int) -> LoadStats:
        return LoadStats(name, requests, 100.0, 1.0, 2.0, server_errors, 0, 0)

    return ApiBenchReport(
        articles=5,
        concurrency=2,
        cold=stats("cold: each query once", 3),
        endpoints=(stats("/api/events", 10),),
        overall=stats("mix: all", 10),
    )


@pytest.mark.parametrize(("server_errors", "exit_code"), [(0, 0), (3, 1)])
def test_bench_api_prints_the_report_and_fails_on_5xx(
    monkeypatch: pytest.MonkeyPatch, server_errors: int, exit_code: int
) -> None:
    calls: list[ApiBenchOptions] = []

    def fake_run(options: ApiBenchOptions, **kwargs: Any) -> ApiBenchReport:
        calls.append(options)
        kwargs["progress"]("store: writing 5 synthetic articles")
        return _report(server_errors)

    monkeypatch.setattr(bench_module, "run_api_benchmark", fake_run)
    args = ["--api", "--requests", "10", "--concurrency", "2", "--articles", "5"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == exit_code, result.output
    assert calls == [ApiBenchOptions(articles=5, requests=10, concurrency=2)]
    assert "/api/events" in result.stdout and "p99 ms" in result.stdout
    assert "store: writing" in result.stderr and "store: writing" not in result.stdout
