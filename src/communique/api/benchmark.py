"""The API under load: ``communique serve`` on a synthetic store, hit by many clients at once.

``run_api_benchmark`` writes (or reuses) a store of synthetic articles through the
store's writer, starts ``communique serve`` on it in a process of its own on a free
port, and sends GET requests over the list endpoints (events, actors, quotes) with
filters and pages drawn from a fixed set of queries on what the store holds, a fixed
number at a time, in two phases:

* cold: each distinct query once, so each is answered from the store;
* the mix: the requests asked for, every query now one the server answered before
  (what a server in use mostly sees: its read cache answers until the next write).

It reports requests per second, the median and 99th percentile latency and the errors:
for the cold phase, and for the mix per endpoint and over all.
"""

from __future__ import annotations

import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import uvicorn
from fastapi import FastAPI

from communique import store
from communique.api import _load, _synthetic
from communique.api._load import Sample, Target
from communique.errors import CommuniqueError

HOST = "127.0.0.1"
Address = tuple[str, int]
# Starts a server over the database at the path; the address is good while it is open.
ServerFactory = Callable[[Path], AbstractContextManager[Address]]
Progress = Callable[[str], None]
# Each request goes to one endpoint in these shares (a dashboard lists events the most).
_SHARES = {"/api/events": 0.5, "/api/actors": 0.2, "/api/quotes": 0.3}
_DISTINCT = {"/api/events": 240, "/api/actors": 40, "/api/quotes": 120}  # queries per endpoint


@dataclass(frozen=True, slots=True)
class ApiBenchOptions:
    """What to measure.

    Attributes:
        articles: Synthetic articles in the store (about 3.5 events each).
        requests: GET requests to send.
        concurrency: Requests in flight at once.
        seed: Seed of the store and of the requests.
        folder: Where stores are kept for reuse; a folder under the system's temp dir
            when None.
    """

    articles: int = 1_000
    requests: int = 3_000
    concurrency: int = 32
    seed: int = 7
    folder: Path | None = None


@dataclass(frozen=True, slots=True)
class LoadStats:
    """Requests to one endpoint (or all) and how they went."""

    endpoint: str
    requests: int
    per_second: float
    p50_ms: float
    p99_ms: float
    server_errors: int
    other_errors: int
    failed: int

    def render(self) -> str:
        """One line of the report."""
        return (
            f"  {self.endpoint:<24} {self.requests:>8,} {self.per_second:>8,.0f} "
            f"{self.p50_ms:>7.1f} {self.p99_ms:>7.1f} {self.server_errors:>5} "
            f"{self.other_errors:>6} {self.failed:>6}"
        )


@dataclass(frozen=True, slots=True)
class ApiBenchReport:
    """The load test's figures: the cold phase, and the mix per endpoint and over all."""

    articles: int
    concurrency: int
    cold: LoadStats
    endpoints: tuple[LoadStats, ...]
    overall: LoadStats

    @property
    def ok(self) -> bool:
        """True when every request got an answer and none was a 5xx, in both phases."""
        return not any(s.server_errors or s.failed for s in (self.cold, self.overall))

    def render(self) -> str:
        """A plain-text report."""
        return "\n".join(
            [
                f"api: list endpoints, {self.concurrency} requests at a time, on a store of "
                f"{self.articles:,} synthetic articles",
                f"  {'phase / endpoint':<24} requests    req/s  p50 ms  p99 ms   5xx  other failed",
                self.cold.render(),
                *(stats.render() for stats in self.endpoints),
                self.overall.render(),
            ]
        )


def run_api_benchmark(
    options: ApiBenchOptions,
    *,
    serve: ServerFactory | None = None,
    progress: Progress | None = None,
) -> ApiBenchReport:
    """Serve a synthetic store and measure the list endpoints under concurrent load.

    Args:
        options: Store size, requests, concurrency, seed.
        serve: Starts the server; ``communique serve`` in a process of its own when None.
        progress: Called with a line at each step (the CLI prints them on stderr).

    Returns:
        The report; the store is kept for the next run.

    Raises:
        CommuniqueError: The server did not start.
    """
    say = progress or (lambda line: None)
    db = bench_store(options.articles, options.seed, options.folder, say)
    targets = request_targets(options.requests, options.seed)
    first = list({target.path: target for target in targets}.values())  # in order, once each
    with (serve or serve_process)(db) as (host, port):
        say("warming up: one request per endpoint, not counted")
        asyncio.run(_load.send(host, port, _warm_up_targets(), 1))
        say(f"cold: {len(first):,} distinct queries, each once, {options.concurrency} at a time")
        cold, cold_seconds = asyncio.run(_load.send(host, port, first, options.concurrency))
        say(f"mix: {len(targets):,} requests, {options.concurrency} at a time")
        step = max(1, len(targets) // 10)

        def tick(done: int) -> None:
            if done % step == 0:
                say(f"  {done:,}/{len(targets):,}")

        samples, seconds = asyncio.run(
            _load.send(host, port, targets, options.concurrency, on_sample=tick)
        )
    return ApiBenchReport(
        articles=options.articles,
        concurrency=options.concurrency,
        cold=_stats("cold: each query once", cold, cold_seconds),
        endpoints=tuple(
            _stats(name, [s for s in samples if s.endpoint == name], seconds) for name in _SHARES
        ),
        overall=_stats("mix: all", samples, seconds),
    )


def bench_store(articles: int, seed: int, folder: Path | None, say: Progress) -> Path:
    """The store of ``articles`` synthetic articles, written on first use and then reused."""
    folder = folder or Path(tempfile.gettempdir()) / "communique-bench"
    schema = store.migration_names()[-1]
    path = folder / f"api-{articles}-{seed}-{schema}.duckdb"
    if path.is_file():
        say(f"store: reusing {path}")
        return path
    say(f"store: writing {articles:,} synthetic articles to {path}")
    start = time.perf_counter()
    partial = path.with_name(f"{path.stem}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    documents = _synthetic.synthetic_documents(articles, seed)
    try:
        with store.open_database(partial) as connection:
            writer = store.StoreWriter(connection)
            for offset in range(0, len(documents), 500):
                writer.write(documents[offset : offset + 500])
            writer.refresh_event_clusters()
            connection.execute("CHECKPOINT")
        partial.replace(path)  # whole or not at all: a later run never reuses half a store
    finally:
        partial.unlink(missing_ok=True)
        partial.with_name(partial.name + ".wal").unlink(missing_ok=True)
    say(f"store: written in {time.perf_counter() - start:.1f} s")
    return path


def request_targets(count: int, seed: int) -> list[Target]:
    """``count`` requests over the list endpoints, drawn from a fixed set of queries."""
    rng = random.Random(seed)
    queries = {
        endpoint: sorted({_query(endpoint, rng) for _ in range(distinct * 3)})[:distinct]
        for endpoint, distinct in _DISTINCT.items()
    }
    endpoints = rng.choices(list(_SHARES), weights=list(_SHARES.values()), k=count)
    return [Target(endpoint, rng.choice(queries[endpoint])) for endpoint in endpoints]


def _query(endpoint: str, rng: random.Random) -> str:
    """One query an analyst might send: a page size, a page, and maybe a filter."""
    params: dict[str, object] = {
        "limit": rng.choice((20, 50, 100)),
        "offset": rng.choice((0, 0, 0, 20, 50, 100)),
    }
    actor, other = (ref.code[:3] for ref in rng.sample(_synthetic.ACTORS, 2))
    name = rng.choice(_synthetic.ACTORS).name
    year = rng.randrange(_synthetic.FIRST_DAY.year, _synthetic.FIRST_DAY.year + 5)
    filters: dict[str, list[dict[str, object]]] = {
        "/api/events": [
            {},
            {"actor": actor},
            {"source": actor, "target": other},
            {"cameo": rng.choice(list(_synthetic.CODES))[:2], "order": "oldest"},
            {"quad_class": rng.randint(1, 4), "since": f"{year}-01-01"},
            {"since": f"{year}-01-01", "until": f"{year}-12-31", "modality": "asserted"},
        ],
        "/api/actors": [{}, {}, {"code": actor}, {"name": name.split()[0]}],
        "/api/quotes": [{}, {}, {"speaker": actor}, {"kind": "direct"}, {"text": name.split()[-1]}],
    }
    params.update(rng.choice(filters[endpoint]))
    return f"{endpoint}?{urlencode(params)}"


def _warm_up_targets() -> list[Target]:
    # Pages of one item: not among the measured queries, so nothing measured is cached.
    return [Target(endpoint, f"{endpoint}?limit=1") for endpoint in _SHARES]


def _stats(endpoint: str, samples: Sequence[Sample], seconds: float) -> LoadStats:
    latencies = sorted(s.seconds for s in samples)
    return LoadStats(
        endpoint=endpoint,
        requests=len(samples),
        per_second=len(samples) / seconds if seconds else 0.0,
        p50_ms=_percentile(latencies, 0.50) * 1000,
        p99_ms=_percentile(latencies, 0.99) * 1000,
        server_errors=sum(1 for s in samples if s.status >= 500),
        other_errors=sum(
            1 for s in samples if _load.FAILED < s.status < 200 or 300 <= s.status < 500
        ),
        failed=sum(1 for s in samples if s.status == _load.FAILED),
    )


def _percentile(ordered: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile of sorted values (0 for none)."""
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


@contextmanager
def serve_process(db: Path, *, ready_seconds: float = 60.0) -> Iterator[Address]:
    """Run ``communique serve`` over ``db`` in a process of its own, on a free local port.

    Reads are opened for it (``COMMUNIQUE_API_READ_OPEN=true``); its output goes to a
    log file beside the database, named in the error when it does not start.

    Raises:
        CommuniqueError: The server exited or did not answer within ``ready_seconds``.
    """
    port = _free_port()
    log = db.with_suffix(".serve.log")
    command = [sys.executable, "-m", "communique", "serve", "--db", str(db), "--host", HOST,
               "--port", str(port)]  # fmt: skip
    env = {**os.environ, "COMMUNIQUE_API_READ_OPEN": "true"}
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)
    try:
        _wait_until_ready(port, ready_seconds, lambda: process.poll() is None, log)
        yield HOST, port
    finally:
        process.terminate()  # uvicorn shuts down cleanly on SIGTERM
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def serve_thread(app: FastAPI, *, ready_seconds: float = 30.0) -> Iterator[Address]:
    """Serve ``app`` with uvicorn on a thread of this process, on a free local port.

    The client and the server then share one interpreter, so the figures are lower than
    with :func:`serve_process`; tests use it to serve an app they changed.
    """
    config = uvicorn.Config(app, host=HOST, port=0, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="communique-bench-server", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + ready_seconds
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise CommuniqueError("The benchmark's server thread did not start.")
            time.sleep(0.01)
        port = int(server.servers[0].sockets[0].getsockname()[1])
        yield HOST, port
    finally:
        server.should_exit = True
        thread.join(timeout=ready_seconds)


def _wait_until_ready(port: int, seconds: float, alive: Callable[[], bool], log: Path) -> None:
    deadline = time.monotonic() + seconds
    probe = [Target("ready", "/api/events?limit=1")]
    while time.monotonic() < deadline and alive():
        samples, _ = asyncio.run(_load.send(HOST, port, probe, 1, timeout=2.0))
        if samples[0].status == 200:
            return
        time.sleep(0.2)
    tail = log.read_text(errors="replace")[-2000:] if log.is_file() else ""
    raise CommuniqueError(
        f"'communique serve' did not answer on {HOST}:{port} within {seconds:.0f} s; "
        f"its output ({log}) ends with:\n{tail}"
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])
