"""The feed reader: RSS and Atom entries become plain-text documents."""

from __future__ import annotations

import io
from pathlib import Path

from communique.ingest import document_id, read_bytes, read_inputs
from communique.ingest.rss import html_to_text, read_feed
from communique.records import RawDocument, Rejection

CONTENT_1 = (
    "<p>Negotiators from Norland and Estavia resumed talks in Valdor on Wednesday.</p>"
    "<p>The mediator said the two sides <b>agreed</b> on an agenda.<br />"
    "A second round is planned.</p>"
)


def test_read_feed_rss_fixture(fixtures_dir: Path) -> None:
    path = fixtures_dir / "feeds" / "ledger.rss"
    first, second = read_inputs([str(path)])
    assert isinstance(first, RawDocument)
    data = CONTENT_1.encode("utf-8")
    assert first == RawDocument(
        id=document_id(data + b"https://ledger.test/talks-resume"),
        origin=f"{path}#entry-1",
        data=data,
        text=(
            "Negotiators from Norland and Estavia resumed talks in Valdor on Wednesday.\n\n"
            "The mediator said the two sides agreed on an agenda.\nA second round is planned."
        ),
        media_type="text",
        encoding="utf-8",
        url="https://ledger.test/talks-resume",
        title="Talks resume in Valdor",
        published="2024-06-19T09:12:00+02:00",
        source="The Daily Ledger",
        producer="communique.feed.v1",
    )
    assert isinstance(second, RawDocument)
    assert second.origin == f"{path}#entry-2"
    assert second.text == "Estavia’s interior minister visited the northern border post."
    assert second.published == "2024-06-20T10:00:00+00:00"


def test_read_feed_atom_fixture(fixtures_dir: Path) -> None:
    path = fixtures_dir / "feeds" / "wire.atom"
    [entry] = read_inputs([str(path)])
    assert isinstance(entry, RawDocument)
    assert (entry.title, entry.url, entry.source, entry.published) == (
        "Parliament debates budget",
        "https://wire.test/budget",
        "Wire Test Atom",
        "2024-06-21T07:00:00+00:00",
    )
    assert entry.text == "Budget\n\nThe Valdorian parliament opened its budget debate."


def test_read_feed_is_sniffed_from_bytes() -> None:
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>A</title><link>https://t.test/a</link>"
        b"<description>Troops left the city.</description></item></channel></rss>"
    )
    [entry] = read_bytes("feed", feed)
    assert isinstance(entry, RawDocument)
    assert (entry.producer, entry.text, entry.origin) == (
        "communique.feed.v1",
        "Troops left the city.",
        "feed#entry-1",
    )


def test_read_feed_malformed_is_bad_feed() -> None:
    [rejection] = read_feed("broken.rss", io.BytesIO(b"<rss><channel><item><title>Cut of"))
    assert isinstance(rejection, Rejection)
    assert (rejection.origin, rejection.reason) == ("broken.rss", "bad-feed")
    assert rejection.detail.startswith("expected a well-formed RSS or Atom feed, found: ")


def test_read_feed_damaged_after_entries_keeps_them() -> None:
    feed = (
        b'<rss version="2.0"><channel><title>T</title>'
        b"<item><title>A</title><description>Whole entry.</description></item>"
        b"<item><title>B</title><descrip"
    )
    items = list(read_feed("cut.rss", io.BytesIO(feed)))
    assert isinstance(items[0], RawDocument)
    assert items[0].text == "Whole entry."
    assert isinstance(items[-1], Rejection)
    assert items[-1].reason == "bad-feed"


def test_read_feed_without_entries_is_no_documents() -> None:
    feed = b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    [rejection] = read_feed("quiet.rss", io.BytesIO(feed))
    assert rejection == Rejection(
        origin="quiet.rss",
        stage="ingest",
        reason="no-documents",
        detail="expected a feed with entries, found none",
    )


def test_read_feed_entry_without_body_is_missing_field() -> None:
    feed = (
        b'<rss version="2.0"><channel><title>T</title>'
        b"<item><title>Headline only</title><link>https://t.test/h</link></item>"
        b"</channel></rss>"
    )
    [rejection] = read_feed("thin.rss", io.BytesIO(feed))
    assert isinstance(rejection, Rejection)
    assert (rejection.origin, rejection.reason) == ("thin.rss#entry-1", "missing-field")


def test_html_to_text_blocks_become_paragraphs() -> None:
    markup = (
        "<h2>Summit  ends</h2>\n<div>Leaders\n signed <i>two</i> accords.</div>"
        "<ul><li>Trade</li><li>Borders</li></ul><script>track()</script>"
        "<p>Line one<br>line two</p><!-- note -->After."
    )
    assert html_to_text(markup) == (
        "Summit ends\n\nLeaders signed two accords.\n\nTrade\n\nBorders\n\n"
        "Line one\nline two\n\nAfter."
    )


def test_html_to_text_plain_text_passes_through() -> None:
    assert html_to_text("Talks  resumed on\nMonday.") == "Talks resumed on Monday."
