"""The API benchmark on a tiny store: the report's shape and its error counts (never speed)."""

from __future__ import annotations

import asyncio
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

from communique import store
from communique.api import _load, _synthetic, create_app
from communique.api import benchmark as bench
from communique.api.benchmark import ApiBenchOptions, ApiBenchReport, run_api_benchmark
from communique.api.routes import quotes as quotes_route
from communique.settings import Settings

TOKEN = "s3cret-token"


def _options(folder: Path, **changes: Any) -> ApiBenchOptions:
    return ApiBenchOptions(
        **{"articles": 12, "requests": 40, "concurrency": 4, "folder": folder, **changes}
    )


def _in_thread(**settings: Any) -> bench.ServerFactory:
    """Serve the app in this process (tests change it); ``settings`` changes its settings."""

    def serve(db: Path) -> AbstractContextManager[bench.Address]:
        base = Settings(db_path=db, data_dir=db.parent / "data", api_token=TOKEN)
        app = create_app(base.model_copy(update=settings))
        return bench.serve_thread(app)

    return serve


def _run(folder: Path, **settings: Any) -> ApiBenchReport:
    return run_api_benchmark(_options(folder), serve=_in_thread(**settings))


def test_api_bench_reports_each_endpoint_and_the_whole(tmp_path: Path) -> None:
    lines: list[str] = []
    report = run_api_benchmark(_options(tmp_path), serve=_in_thread(), progress=lines.append)
    assert report.ok and report.articles == 12 and report.concurrency == 4
    assert [s.endpoint for s in report.endpoints] == ["/api/events", "/api/actors", "/api/quotes"]
    assert report.overall.requests == sum(s.requests for s in report.endpoints) == 40
    assert 0 < report.cold.requests <= 40
    for stats in (report.cold, report.overall, *report.endpoints):
        assert (stats.server_errors, stats.other_errors, stats.failed) == (0, 0, 0)
        assert stats.requests == 0 or 0 < stats.p50_ms <= stats.p99_ms
        assert stats.per_second >= 0
    text = report.render()
    assert "req/s" in text and "p99 ms" in text and "/api/quotes" in text and "mix: all" in text
    assert any(line.startswith("store: writing 12") for line in lines)
    assert any(line.startswith("mix: 40 requests") for line in lines)


def test_api_bench_writes_its_store_once_and_reuses_it(tmp_path: Path) -> None:
    said: list[str] = []
    first = bench.bench_store(12, 7, tmp_path, said.append)
    again = bench.bench_store(12, 7, tmp_path, said.append)
    assert first == again and said[-1].startswith("store: reusing")
    with store.open_database(first, read_only=True) as connection:
        counts = store.counts(connection)
    assert counts["articles"] == 12 and counts["events"] >= 24 and counts["quotes"] > 0


def test_api_bench_counts_server_errors_and_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("quotes are down")

    monkeypatch.setattr(quotes_route, "quote_page", broken)
    report = _run(tmp_path)
    quotes = next(s for s in report.endpoints if s.endpoint == "/api/quotes")
    assert quotes.requests > 0 and quotes.server_errors == quotes.requests
    assert report.overall.server_errors == quotes.requests
    assert report.overall.other_errors == report.overall.failed == 0
    assert 0 < report.cold.server_errors < report.cold.requests
    assert not report.ok


def test_api_bench_counts_other_refusals_apart_from_server_errors(tmp_path: Path) -> None:
    report = _run(tmp_path, api_read_open=False)  # every read now needs the token: 401
    assert report.overall.other_errors == report.overall.requests == 40
    assert report.overall.server_errors == report.overall.failed == 0
    assert report.ok  # no 5xx, every request answered


def test_api_bench_requests_are_the_same_for_the_same_seed() -> None:
    targets = bench.request_targets(300, seed=3)
    assert targets == bench.request_targets(300, seed=3)
    assert {t.endpoint for t in targets} == {"/api/events", "/api/actors", "/api/quotes"}
    assert all(t.path.startswith(t.endpoint + "?limit=") for t in targets)


def test_synthetic_documents_point_into_their_text() -> None:
    for document in _synthetic.synthetic_documents(50):
        assert document.article is not None
        text = document.article.text
        assert all(text[e.start : e.end] == e.evidence for e in document.events)
        assert all(text[q.start : q.end] == q.text for q in document.quotes)
        assert all(text[m.start : m.end] == m.name for m in document.actors)


async def _answer_chunked_then_close(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    await reader.readuntil(b"\r\n\r\n")
    writer.write(
        b"HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n"
        b"Connection: close\r\n\r\n4\r\nbusy\r\n0\r\n\r\n"
    )
    await writer.drain()
    writer.close()


def test_load_reads_chunked_answers_and_reconnects() -> None:
    targets = [_load.Target("x", f"/x/{n}") for n in range(5)]

    async def run() -> list[_load.Sample]:
        server = await asyncio.start_server(_answer_chunked_then_close, "127.0.0.1", 0)
        async with server:
            port = int(server.sockets[0].getsockname()[1])
            samples, _ = await _load.send("127.0.0.1", port, targets, 2)
        return samples

    assert [s.status for s in asyncio.run(run())] == [503] * 5


def test_load_counts_a_refused_connection_as_failed() -> None:
    port = bench._free_port()  # nothing listens there
    samples, _ = asyncio.run(_load.send("127.0.0.1", port, [_load.Target("x", "/")], 1))
    assert [s.status for s in samples] == [_load.FAILED]


@pytest.mark.slow
def test_api_bench_serves_with_communique_serve_in_its_own_process(tmp_path: Path) -> None:
    report = run_api_benchmark(_options(tmp_path, requests=20))
    assert report.ok and report.overall.requests == 20
    assert report.overall.other_errors == 0
