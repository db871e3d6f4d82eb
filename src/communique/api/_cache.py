"""Rendered JSON bodies of read responses, kept until the store changes.

A DuckDB query costs milliseconds even on a tiny store (planning, a join, a sort, the
total count), far more than serving its answer again. The server is the only process
that can write its database (it holds DuckDB's file lock), and every write goes through
its single writer, so a body stays right until that writer commits: ``clear`` then drops
every body at once. A read that started before the write cannot store its (older) body
afterwards, because ``put`` takes the generation the read started in.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

# At most this many bytes of bodies (a page of 500 events is about 0.6 MB).
DEFAULT_MAX_BYTES = 64 * 2**20


class ResponseCache:
    """Bodies by request key, least recently used dropped first past ``max_bytes``."""

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        """Keep at most ``max_bytes`` bytes of bodies (0: keep none)."""
        self.max_bytes = max_bytes
        self._generation = 0
        self._bodies: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    @property
    def generation(self) -> int:
        """How many times the store changed; take it before reading, pass it to ``put``."""
        return self._generation

    def get(self, key: Hashable) -> bytes | None:
        """The body stored under ``key`` since the last change, if any."""
        with self._lock:
            body = self._bodies.get(key)
            if body is not None:
                self._bodies.move_to_end(key)
            return body

    def put(self, key: Hashable, body: bytes, generation: int) -> None:
        """Keep ``body`` under ``key`` unless the store changed since ``generation``."""
        if len(body) > self.max_bytes // 8:  # one huge page must not evict every other
            return
        with self._lock:
            if generation != self._generation:
                return
            old = self._bodies.pop(key, None)
            self._size += len(body) - (len(old) if old is not None else 0)
            self._bodies[key] = body
            while self._size > self.max_bytes:
                _, dropped = self._bodies.popitem(last=False)
                self._size -= len(dropped)

    def clear(self) -> None:
        """Drop every body: the store changed."""
        with self._lock:
            self._generation += 1
            self._bodies.clear()
            self._size = 0

    def __len__(self) -> int:
        """Bodies kept."""
        return len(self._bodies)
