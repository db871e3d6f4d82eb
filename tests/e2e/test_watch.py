"""End to end: `communique watch --once` ingests a local feed's pages, then nothing new."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from communique import store
from communique.cli.watch import watch_command
from communique.ingest.fetch import PoliteFetcher
from communique.pipeline import watch as watching
from communique.pipeline.watch import watch

pytestmark = pytest.mark.model

PAGES = {
    "talks.html": (
        "Ministers resume border talks",
        "The foreign ministers of Estonia and Latvia met in Riga on Monday to resume talks "
        "on a shared border crossing. Both governments said the meeting was constructive.",
        "Estonia's foreign minister praised Latvia for its patience during the negotiations. "
        "The two delegations agreed to meet again next month in Tallinn.",
    ),
    "aid.html": (
        "Aid convoy reaches northern Mali",
        "A United Nations convoy delivered food and medicine to the town of Gao on Tuesday. "
        "Aid workers said thousands of families had waited weeks for the supplies.",
        "The government of Mali thanked the United Nations for the delivery. Officials "
        "promised to keep the main road open for further convoys this week.",
    ),
}


def _write_site(root: Path, base: str) -> None:
    items = []
    for name, (title, *paragraphs) in PAGES.items():
        body = "".join(f"<p>{text}</p>" for text in paragraphs)
        head = f"<html><head><title>{title}</title></head>"
        html = f"{head}<body><article><h1>{title}</h1>{body}</article></body></html>"
        (root / name).write_text(html, encoding="utf-8")
        items.append(
            f"<item><title>{title}</title><link>{base}/{name}</link>"
            "<pubDate>Mon, 03 Jun 2024 09:00:00 GMT</pubDate></item>"
        )
    channel = f"<channel><title>Local</title>{''.join(items)}</channel>"
    feed = f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'
    (root / "feed.xml").write_text(feed, encoding="utf-8")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def feed_url(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "site"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    _write_site(root, base)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"{base}/feed.xml"
    server.shutdown()
    server.server_close()
    thread.join(5)


def test_watch_once_ingests_two_pages_then_nothing(feed_url: str, tmp_path: Path) -> None:
    db = tmp_path / "watch.duckdb"
    with PoliteFetcher(min_delay=0.0, timeout=5) as fetcher:
        (first,) = watch([feed_url], db, once=True, fetcher=fetcher)
        (second,) = watch([feed_url], db, once=True, fetcher=fetcher)
    assert (first.new, first.coded, first.rejected) == (2, 2, 0)
    assert second.new == 0
    with store.open_database(db, read_only=True) as connection:
        urls = {
            doc.url
            for i in store.document_ids(connection)
            if (doc := store.raw_document(connection, i))
        }
    assert urls == {feed_url.replace("feed.xml", name) for name in PAGES}


def test_watch_command_once_in_a_new_process_skips_what_is_stored(
    feed_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(watching, "PoliteFetcher", partial(PoliteFetcher, min_delay=0.0))
    db = str(tmp_path / "cli.duckdb")
    app = typer.Typer()
    app.command("watch")(watch_command)
    app.command("other")(lambda: None)  # two commands: typer keeps the name
    runner = CliRunner()
    first = runner.invoke(app, ["watch", feed_url, "--db", db, "--once"])
    second = runner.invoke(app, ["watch", feed_url, "--db", db, "--once"])
    assert first.exit_code == 0, first.output
    assert "2 new" in first.output
    assert "0 new, 2 already stored" in second.output
