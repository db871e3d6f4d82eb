"""PoliteFetcher against a local HTTP server: robots.txt, conditional GET, retries, delay."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise

import pytest

from communique.ingest.fetch import NotFetched, Page, PoliteFetcher

# path → responses served in turn (the last one repeats): (status, headers, body)
Route = list[tuple[int, dict[str, str], bytes]]


class _Site:
    """A local site whose routes tests set, and the requests it saw (path, headers, time)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[tuple[str, dict[str, str], float]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.seen.append((self.path, dict(self.headers), time.monotonic()))
                route = site.routes.get(self.path, [(404, {}, b"not found")])
                status, headers, body = route.pop(0) if len(route) > 1 else route[0]
                etag = headers.get("ETag")
                if status == 200 and etag and etag == self.headers.get("If-None-Match"):
                    status, body = 304, b""
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def paths(self) -> list[str]:
        return [path for path, _, _ in self.seen]


@pytest.fixture
def site() -> Iterator[_Site]:
    site = _Site()
    thread = threading.Thread(target=site.server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield site
    site.server.shutdown()
    site.server.server_close()
    thread.join(5)


@pytest.fixture
def fetcher() -> Iterator[PoliteFetcher]:
    with PoliteFetcher(min_delay=0.0, backoff=0.01, timeout=5) as polite:
        yield polite


def test_robots_txt_disallow_is_honoured(site: _Site, fetcher: PoliteFetcher) -> None:
    site.routes["/robots.txt"] = [(200, {}, b"User-agent: *\nDisallow: /private/\n")]
    site.routes["/private/a.html"] = [(200, {}, b"secret")]
    site.routes["/public/b.html"] = [(200, {"Content-Type": "text/html"}, b"<p>hi</p>")]
    refused = fetcher.fetch(site.url + "/private/a.html")
    page = fetcher.fetch(site.url + "/public/b.html")
    assert refused == NotFetched(site.url + "/private/a.html", "disallowed", "robots.txt")
    assert isinstance(page, Page) and page.data == b"<p>hi</p>"
    assert page.content_type == "text/html"
    assert site.paths() == ["/robots.txt", "/public/b.html"]  # robots.txt asked once
    assert site.seen[0][1]["User-Agent"].startswith("communique/")


def test_robots_txt_5xx_disallows_and_4xx_allows(site: _Site, fetcher: PoliteFetcher) -> None:
    site.routes["/robots.txt"] = [(503, {}, b"")]
    assert fetcher.fetch(site.url + "/a") == NotFetched(site.url + "/a", "disallowed", "robots.txt")
    with PoliteFetcher(min_delay=0.0, timeout=5) as other:
        site.routes["/robots.txt"] = [(404, {}, b"")]
        site.routes["/a"] = [(200, {}, b"fine")]
        assert isinstance(other.fetch(site.url + "/a"), Page)


def test_second_fetch_is_conditional_and_304_brings_nothing(
    site: _Site, fetcher: PoliteFetcher
) -> None:
    site.routes["/feed.xml"] = [
        (200, {"ETag": '"v1"', "Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT"}, b"<rss/>")
    ]
    assert isinstance(fetcher.fetch(site.url + "/feed.xml"), Page)
    again = fetcher.fetch(site.url + "/feed.xml")
    assert again == NotFetched(site.url + "/feed.xml", "not-modified")
    headers = site.seen[-1][1]
    assert headers["If-None-Match"] == '"v1"'
    assert headers["If-Modified-Since"] == "Mon, 01 Jan 2024 00:00:00 GMT"


def test_503_then_200_is_retried(site: _Site, fetcher: PoliteFetcher) -> None:
    site.routes["/flaky"] = [(503, {}, b"busy"), (429, {"Retry-After": "0"}, b""), (200, {}, b"ok")]
    page = fetcher.fetch(site.url + "/flaky")
    assert isinstance(page, Page) and page.data == b"ok"
    assert site.paths().count("/flaky") == 3


def test_gives_up_after_three_retries(site: _Site, fetcher: PoliteFetcher) -> None:
    site.routes["/down"] = [(500, {}, b"")]
    assert fetcher.fetch(site.url + "/down") == NotFetched(
        site.url + "/down", "http-error", "HTTP 500"
    )
    assert site.paths().count("/down") == 4


def test_requests_to_one_host_keep_the_minimum_delay(site: _Site) -> None:
    site.routes["/a"] = [(200, {}, b"a")]
    site.routes["/b"] = [(200, {}, b"b")]
    with PoliteFetcher(min_delay=0.3, timeout=5) as polite:
        polite.fetch(site.url + "/a")
        polite.fetch(site.url + "/b")
    times = [when for _, _, when in site.seen]  # robots.txt, /a, /b
    assert len(times) == 3
    assert all(later - earlier >= 0.3 - 0.02 for earlier, later in pairwise(times))


def test_body_over_max_bytes_is_too_large(site: _Site) -> None:
    site.routes["/big"] = [(200, {}, b"x" * 5000)]
    with PoliteFetcher(min_delay=0.0, max_bytes=1000, timeout=5) as polite:
        result = polite.fetch(site.url + "/big")
    assert isinstance(result, NotFetched) and result.reason == "too-large"
