"""Reads: pooled cursors, bodies kept until the writer stores something, one build per key."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from communique.api._cache import ResponseCache
from communique.api.routes import events as events_route
from communique.api.state import AppState

MakeClient = Callable[..., TestClient]


def _state(client: TestClient) -> AppState:
    state: AppState = client.app.state.communique  # type: ignore[attr-defined]
    return state


def test_response_cache_keeps_bodies_until_cleared() -> None:
    cache = ResponseCache(max_bytes=1_000)
    cache.put("a", b"[1]", cache.generation)
    assert cache.get("a") == b"[1]" and len(cache) == 1
    cache.clear()
    assert cache.get("a") is None and len(cache) == 0


def test_response_cache_refuses_a_body_read_before_the_last_change() -> None:
    cache = ResponseCache(max_bytes=1_000)
    started = cache.generation
    cache.clear()  # the writer stored something while the body was being read
    cache.put("a", b"[1]", started)
    assert cache.get("a") is None


def test_response_cache_drops_the_least_recently_used_past_its_size() -> None:
    cache = ResponseCache(max_bytes=800)
    for key in "abc":
        cache.put(key, b"x" * 100, cache.generation)
    assert cache.get("a") is not None  # "a" is now the most recently used
    for key in "defghi":  # 900 bytes in all: one must go
        cache.put(key, b"x" * 100, cache.generation)
    assert cache.get("b") is None and cache.get("a") is not None
    cache.put("huge", b"x" * 500, cache.generation)  # over an eighth of the cache: not kept
    assert cache.get("huge") is None


def test_reads_are_answered_again_from_the_cache(client: TestClient) -> None:
    first = client.get("/api/events", params={"actor": "RUS", "limit": 3})
    kept = len(_state(client).cache)
    again = client.get("/api/events", params={"limit": 3, "actor": "RUS"})
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert again.headers["content-type"] == "application/json"
    assert len(_state(client).cache) == kept  # the same validated query: the same key


def test_a_post_drops_the_cached_reads(make_client: MakeClient, auth: dict[str, str]) -> None:
    client = make_client()
    before = client.get("/api/quotes").json()["total"]
    assert client.get("/api/events").status_code == 200
    assert len(_state(client).cache) == 2
    posted = {"text": 'Russia met North Korea. "We agree," Putin said.', "title": "T"}
    assert client.post("/api/documents", json=posted, headers=auth).status_code == 201
    assert len(_state(client).cache) == 0
    assert client.get("/api/events").json()["items"][0]["doc_id"] is not None
    assert client.get("/api/quotes").json()["total"] >= before


def test_concurrent_identical_reads_query_the_store_once(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = events_route.event_page

    def slow_page(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        time.sleep(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(events_route, "event_page", slow_page)
    client = make_client()
    statuses: list[int] = []
    readers = [
        threading.Thread(target=lambda: statuses.append(client.get("/api/events").status_code))
        for _ in range(6)
    ]
    for thread in readers:
        thread.start()
    for thread in readers:
        thread.join()
    assert statuses == [200] * 6
    assert len(calls) == 1


def test_a_failed_read_is_not_kept_and_its_cursor_not_reused(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = events_route.event_page
    failures = [RuntimeError("once")]

    def flaky(*args: Any, **kwargs: Any) -> Any:
        if failures:
            raise failures.pop()
        return real(*args, **kwargs)

    monkeypatch.setattr(events_route, "event_page", flaky)
    client = make_client(raise_errors=False)
    assert client.get("/api/events").status_code == 500
    assert len(_state(client).cache) == 0
    assert client.get("/api/events").status_code == 200


def test_cursors_are_pooled_and_closed_with_the_app(make_client: MakeClient) -> None:
    state = _state(make_client())
    cursor = state.acquire()
    state.release(cursor)
    assert state.acquire() is cursor  # reused: nothing set up per request
    state.release(cursor)
    state.close()
    with pytest.raises(Exception, match="closed"):
        cursor.execute("SELECT 1")


def test_the_actor_table_is_built_once_per_state_of_the_store(client: TestClient) -> None:
    state = _state(client)
    first = client.get("/api/actors", params={"code": "RUS"})
    table = state._actor_table
    assert first.status_code == 200 and table is not None
    client.get("/api/actors", params={"name": "north"})  # another query: the same table
    assert state._actor_table is table
    state.cache.clear()  # what the writer does after it stored something
    client.get("/api/actors", params={"name": "north"})
    assert state._actor_table is not None and state._actor_table is not table
    assert state._actor_table[0] == state.cache.generation
