"""A small HTTP/1.1 load generator: GET requests over keep-alive connections, timed.

It speaks just enough HTTP for a local server (``Content-Length`` or chunked bodies,
keep-alive, reconnecting when the server closes), so that the client costs a tenth of
the server's time per request: a general client such as httpx spends about a
millisecond of CPU on each request, which on a 2-core machine would measure the client.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# A status for a request that got no HTTP answer (refused, reset, timed out, garbled).
FAILED = 0


@dataclass(frozen=True, slots=True)
class Target:
    """One request to send: its path with the query, and the endpoint it is counted under."""

    endpoint: str
    path: str


@dataclass(frozen=True, slots=True)
class Sample:
    """One request sent: its endpoint, the status (``FAILED``: no answer) and its latency."""

    endpoint: str
    status: int
    seconds: float


class _Connection:
    """One keep-alive connection, opened again whenever it is lost."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        """Send one GET and read its answer; return the status."""
        if self._reader is None or self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
            return await self._exchange(path, self._reader, self._writer)
        try:
            return await self._exchange(path, self._reader, self._writer)
        except (ConnectionError, asyncio.IncompleteReadError) as error:
            if isinstance(error, asyncio.IncompleteReadError) and error.partial:
                raise
            # The server closed the idle connection (uvicorn does after a 500): as browsers
            # do for a GET, send it once more on a new one.
            self.close()
            return await self.get(path)

    async def _exchange(
        self, path: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> int:
        request = f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n"
        writer.write(request.encode("ascii"))
        head = await reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        headers = dict(_header(line) for line in header_lines if ":" in line)
        if headers.get("transfer-encoding", "").lower() == "chunked":
            await self._skip_chunks(reader)
        else:
            await reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            self.close()
        return int(status_line.split(" ", 2)[1])

    async def _skip_chunks(self, reader: asyncio.StreamReader) -> None:
        while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._reader = self._writer = None


def _header(line: str) -> tuple[str, str]:
    name, _, value = line.partition(":")
    return name.strip().lower(), value.strip()


async def send(
    host: str,
    port: int,
    targets: Sequence[Target],
    concurrency: int,
    *,
    timeout: float = 30.0,
    on_sample: Callable[[int], None] | None = None,
) -> tuple[list[Sample], float]:
    """Send every target once, ``concurrency`` at a time, each worker on its own connection.

    Args:
        host: The server's address.
        port: The server's port.
        targets: The requests, sent in this order (each worker takes the next one).
        concurrency: Requests in flight at once.
        timeout: Seconds a request may take before it counts as failed.
        on_sample: Called with the number of requests done after each one.

    Returns:
        One sample per target, in the order they finished, and the wall-clock seconds.
    """
    samples: list[Sample] = []
    queue = iter(targets)

    async def work() -> None:
        connection = _Connection(host, port)
        for target in queue:
            start = time.perf_counter()
            try:
                status = await asyncio.wait_for(connection.get(target.path), timeout)
            # OSError covers refused, reset and timed out (TimeoutError); ValueError garbled.
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
                status = FAILED
                connection.close()
            samples.append(Sample(target.endpoint, status, time.perf_counter() - start))
            if on_sample is not None:
                on_sample(len(samples))
        connection.close()

    start = time.perf_counter()
    await asyncio.gather(*(work() for _ in range(max(1, concurrency))))
    return samples, time.perf_counter() - start
