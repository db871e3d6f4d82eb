"""The single-document readers: HTML pages and plain-text files."""

from __future__ import annotations

import io
from pathlib import Path

from communique.ingest import document_id, read_bytes, read_inputs
from communique.ingest.html import read_html
from communique.ingest.text import read_text
from communique.records import RawDocument, Rejection


def test_read_html_fixture_page(fixtures_dir: Path) -> None:
    path = fixtures_dir / "summit.html"
    data = path.read_bytes()
    [document] = read_inputs([str(path)])
    assert document == RawDocument(
        id=document_id(data),
        origin=str(path),
        data=data,
        text=data.decode("utf-8"),
        media_type="html",
        encoding="utf-8",
        producer="communique.html.v1",
    )
    assert "“We have made real progress,”" in document.text


def test_read_text_fixture_file(fixtures_dir: Path) -> None:
    path = fixtures_dir / "ceasefire.txt"
    [document] = read_inputs([str(path)])
    assert isinstance(document, RawDocument)
    assert document.media_type == "text"
    assert document.producer == "communique.text.v1"
    assert document.text.startswith("Ceasefire holds in northern province\n\nThe ceasefire")
    assert document.id == document_id(path.read_bytes())


def test_read_html_called_as_registered_reader() -> None:
    page = b"<p>The Estavian senate voted 41 to 12.</p>"
    [document] = read_html("memory", io.BytesIO(page))
    assert isinstance(document, RawDocument)
    assert (document.origin, document.text, document.id) == (
        "memory",
        page.decode(),
        document_id(page),
    )


def test_read_text_rejects_binary_stream() -> None:
    [rejection] = read_text("blob", io.BytesIO(b"GIF89a\x01\x00\x01\x00"))
    assert rejection == Rejection(
        origin="blob",
        stage="ingest",
        reason="binary",
        detail="expected text or markup, found binary data (a GIF image)",
    )


def test_read_bytes_with_kind_text_keeps_markup_as_text() -> None:
    [document] = read_bytes("note", b"<b>Not parsed</b> as HTML", kind="text")
    assert isinstance(document, RawDocument)
    assert document.media_type == "text"


def test_read_bytes_sniffs_html() -> None:
    [document] = read_bytes("page", b"<html><body>The talks ended.</body></html>")
    assert isinstance(document, RawDocument)
    assert (document.media_type, document.producer) == ("html", "communique.html.v1")
