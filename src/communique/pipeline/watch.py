"""Watch folders and feeds: ingest what is new in each round, politely, until stopped.

A folder (or file, or glob) source is ingested whole each round: documents already stored
are skipped by their content-hash id, so only new files are coded. A feed URL is fetched
with a conditional GET (an unchanged feed costs one 304); each entry whose link this watch
has not seen is fetched politely, and the pages become one JSON Lines file (``url``,
``title``, ``published``, ``html``) that ``ingest_paths`` codes with the folders. A page
stored by an earlier process has the same bytes and so the same id, and is skipped.
"""

from __future__ import annotations

import json
import logging
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import feedparser

from communique.errors import InputError
from communique.ingest.decoding import decode_bytes
from communique.ingest.fetch import NotFetched, Page, PoliteFetcher
from communique.pipeline.ingest import IngestSummary, ProgressCallback, ingest_paths
from communique.settings import Settings, get_settings

_log = logging.getLogger(__name__)


def watch(
    sources: Sequence[str],
    db: Path | str,
    settings: Settings | None = None,
    *,
    interval: float = 300.0,
    once: bool = False,
    fetcher: PoliteFetcher | None = None,
    progress: ProgressCallback | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[IngestSummary]:
    """Ingest new documents from ``sources`` every ``interval`` seconds, one summary a round.

    Args:
        sources: Folders, files or globs, and http(s) URLs of RSS or Atom feeds.
        db: The database file.
        settings: Settings; the environment's when omitted.
        interval: Seconds between the start of one round's wait and the next round.
        once: Do one round and stop (for tests and cron).
        fetcher: The fetcher for feeds and pages; a new ``PoliteFetcher`` when None.
        progress: Passed to ``ingest_paths``.
        sleep: Waits between rounds (a fake one in tests).

    Yields:
        Each round's summary; a round with nothing to ingest does not open the database.
    """
    settings = settings or get_settings()
    own = fetcher is None
    polite = fetcher or PoliteFetcher(max_bytes=settings.max_document_bytes)
    seen: set[str] = set()
    try:
        while True:
            yield _round(sources, db, settings, polite, seen, progress)
            if once:
                return
            sleep(interval)
    finally:
        if own:
            polite.close()


def _round(
    sources: Sequence[str],
    db: Path | str,
    settings: Settings,
    fetcher: PoliteFetcher,
    seen: set[str],
    progress: ProgressCallback | None,
) -> IngestSummary:
    started = time.perf_counter()
    paths = [source for source in sources if not _is_url(source)]
    records = [r for s in sources if _is_url(s) for r in _new_entries(s, fetcher, seen)]
    if not paths and not records:
        return _nothing(db, time.perf_counter() - started)
    with tempfile.TemporaryDirectory(prefix="communique-watch-") as folder:
        if records:
            feed = Path(folder) / "feed-pages.jsonl"
            lines = (json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records)
            feed.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
            paths.append(str(feed))
        return ingest_paths(paths, db, settings, progress=progress, interface="watch")


def _new_entries(url: str, fetcher: PoliteFetcher, seen: set[str]) -> Iterator[dict[str, Any]]:
    """One record per page linked from the feed at ``url`` that this watch has not seen."""
    feed = fetcher.fetch(url)
    if isinstance(feed, NotFetched):
        if feed.reason != "not-modified":
            _log.warning("feed %s not fetched: %s %s", url, feed.reason, feed.detail)
        return
    for entry in feedparser.parse(feed.data).entries:
        link = entry.get("link")
        if not link:
            continue
        link = urljoin(feed.url, link)
        if link in seen:
            continue
        page = fetcher.fetch(link)
        if isinstance(page, NotFetched) and page.reason in ("http-error", "unreachable"):
            _log.warning("page %s not fetched: %s %s", link, page.reason, page.detail)
            continue  # tried again next round
        seen.add(link)
        if isinstance(page, Page) and (html := _text(page)) is not None:
            published = entry.get("published") or entry.get("updated")
            yield {
                "url": page.url,
                "title": entry.get("title"),
                "published": published,
                "html": html,
            }


def _text(page: Page) -> str | None:
    charset = page.content_type.partition("charset=")[2].strip().strip('"') or None
    try:
        return decode_bytes(page.data, declared=charset, markup=True)[0]
    except InputError as error:
        _log.warning("page %s not decoded: %s", page.url, error)
        return None


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def _nothing(db: Path | str, seconds: float) -> IngestSummary:
    return IngestSummary(
        run_id="",
        db=Path(db),
        read=0,
        new=0,
        coded=0,
        skipped=0,
        rejected=0,
        actor_mentions=0,
        events=0,
        quotes=0,
        seconds=seconds,
    )
