"""Polite HTTP fetching for ``communique watch``: robots.txt, rate limit, retries, conditional GET.

A :class:`PoliteFetcher` asks each host's robots.txt first (cached per host for an hour),
waits at least ``min_delay`` seconds (or the host's ``Crawl-delay``) between requests to
one host, retries 429, 5xx and timeouts with exponential backoff, remembers each URL's
``ETag`` and ``Last-Modified`` to ask again conditionally, and stops reading a body past
``max_bytes``. It never raises for a page it could not get: :meth:`PoliteFetcher.fetch`
returns a :class:`NotFetched` that says why.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from importlib.metadata import version
from typing import Literal
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

Reason = Literal["not-modified", "disallowed", "too-large", "http-error", "unreachable"]
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_ROBOTS_TTL = 3600.0
_MAX_RETRY_AFTER = 60.0


def user_agent() -> str:
    """The User-Agent communique sends, with its version."""
    return f"communique/{version('communique')} (political event data from news)"


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page: its bytes, the URL it was found at after redirects, its media type."""

    url: str
    data: bytes
    content_type: str


@dataclass(frozen=True, slots=True)
class NotFetched:
    """Why ``url`` brought nothing: unchanged (304), disallowed by robots.txt, or an error."""

    url: str
    reason: Reason
    detail: str = ""


@dataclass(slots=True)
class _Robots:
    parser: RobotFileParser
    expires: float


class PoliteFetcher:
    """An ``httpx.Client`` that behaves well towards the sites it reads.

    Args:
        min_delay: Least seconds between two requests to one host (robots.txt included).
        retries: Retries after a 429, a 5xx or a timeout, with ``backoff * 2**n`` seconds
            between them (``Retry-After`` is honoured when given in seconds, up to 60).
        backoff: The first retry's wait in seconds.
        max_bytes: The largest body read; a larger one is ``too-large``.
        timeout: Seconds for connecting and for each read.
        client: An ``httpx.Client`` to use instead of a new one (closed by ``close``).
    """

    def __init__(
        self,
        *,
        min_delay: float = 1.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_bytes: int = 20_000_000,
        timeout: float = 30.0,
        client: httpx.Client | None = None,
    ) -> None:
        self.min_delay = min_delay
        self.retries = retries
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.agent = user_agent()
        self.client = client or httpx.Client(
            timeout=timeout, follow_redirects=True, headers={"User-Agent": self.agent}
        )
        self._robots: dict[str, _Robots] = {}
        self._last: dict[str, float] = {}  # host → monotonic time of its last request
        self._validators: dict[str, dict[str, str]] = {}  # URL → conditional GET headers
        self._lock = threading.Lock()

    def __enter__(self) -> PoliteFetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP client."""
        self.client.close()

    def fetch(self, url: str) -> Page | NotFetched:
        """Fetch ``url`` politely; a 304 or a robots.txt refusal gives a NotFetched.

        Args:
            url: An http or https URL.

        Returns:
            The page, or why there is none (``not-modified``, ``disallowed``,
            ``too-large``, ``http-error`` with the status, ``unreachable``).
        """
        robots = self._robots_for(url)
        if not robots.can_fetch(self.agent, url):
            return NotFetched(url, "disallowed", "robots.txt")
        headers = dict(self._validators.get(url, {}))
        response = self._request(url, headers, robots.crawl_delay(self.agent))
        if isinstance(response, NotFetched):
            return response
        status, final_url, content_type, body, validators = response
        if status == 304:
            return NotFetched(url, "not-modified")
        if status >= 400:
            return NotFetched(url, "http-error", f"HTTP {status}")
        if body is None:
            return NotFetched(url, "too-large", f"over {self.max_bytes} bytes")
        if validators:
            self._validators[url] = validators
        return Page(final_url, body, content_type)

    def _request(
        self, url: str, headers: dict[str, str], crawl_delay: str | float | None = None
    ) -> tuple[int, str, str, bytes | None, dict[str, str]] | NotFetched:
        """GET with retries: status, final URL, content type, body (None if too large)."""
        delay = max(self.min_delay, float(crawl_delay or 0))
        for attempt in range(self.retries + 1):
            last_try = attempt == self.retries
            self._wait_turn(url, delay)
            try:
                with self.client.stream("GET", url, headers=headers) as response:
                    if response.status_code in _RETRY_STATUSES and not last_try:
                        time.sleep(self._pause(attempt, response.headers.get("Retry-After")))
                        continue
                    body = self._read(response)
                    return (
                        response.status_code,
                        str(response.url),
                        response.headers.get("Content-Type", ""),
                        body,
                        _validators(response.headers),
                    )
            except httpx.TimeoutException as error:
                if last_try:
                    return NotFetched(url, "unreachable", f"timed out: {error}")
                time.sleep(self._pause(attempt, None))
            except httpx.HTTPError as error:
                return NotFetched(url, "unreachable", str(error) or type(error).__name__)
        raise AssertionError("unreachable: the last attempt always returns")

    def _read(self, response: httpx.Response) -> bytes | None:
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                return None
            chunks.append(chunk)
        return b"".join(chunks)

    def _pause(self, attempt: int, retry_after: str | None) -> float:
        if retry_after is not None and retry_after.strip().isdigit():
            return min(float(retry_after), _MAX_RETRY_AFTER)
        return float(self.backoff * 2**attempt)

    def _wait_turn(self, url: str, delay: float) -> None:
        """Sleep until ``delay`` seconds have passed since the host's last request."""
        host = urlsplit(url).netloc.lower()
        with self._lock:
            now = time.monotonic()
            start = max(now, self._last.get(host, -delay) + delay)
            self._last[host] = start
        if start > now:
            time.sleep(start - now)

    def _robots_for(self, url: str) -> RobotFileParser:
        """The host's robots.txt rules: unreachable or 4xx → allow all, 5xx → disallow all."""
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}".lower()
        cached = self._robots.get(key)
        if cached is not None and cached.expires > time.monotonic():
            return cached.parser
        parser = RobotFileParser(f"{key}/robots.txt")
        self._wait_turn(key, self.min_delay)
        try:
            response = self.client.get(f"{key}/robots.txt")
        except httpx.HTTPError:
            parser.parse([])  # no robots.txt to be had: allowed
        else:
            if response.status_code >= 500:
                parser.parse(["User-agent: *", "Disallow: /"])
            elif response.status_code >= 400:
                parser.parse([])
            else:
                parser.parse(response.text.splitlines())
        self._robots[key] = _Robots(parser, time.monotonic() + _ROBOTS_TTL)
        return parser


def _validators(headers: httpx.Headers) -> dict[str, str]:
    found = {}
    if etag := headers.get("ETag"):
        found["If-None-Match"] = etag
    if modified := headers.get("Last-Modified"):
        found["If-Modified-Since"] = modified
    return found
