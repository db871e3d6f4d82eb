"""The WARC reader: HTML records in, everything else passed over, damage reported once."""

from __future__ import annotations

import gzip as gzip_module
import io
from pathlib import Path
from typing import Any

import pytest

from communique.ingest import document_id, read_bytes, read_inputs
from communique.ingest.warc import read_warc
from communique.records import RawDocument, Rejection

PAGE_A = b"<html><body><p>Norland closed its embassy in Valdor on Monday.</p></body></html>"
PAGE_B = b"<html><body><p>Estavia's parliament approved the treaty.</p></body></html>"
PAGE_C = (
    b"<html><body><p>Talks on the border resumed after a week.</p>"
    + b" " * 3000
    + b"</body></html>"
)

CRAWL: list[dict[str, Any]] = [
    {"type": "warcinfo"},
    {"type": "request", "uri": "https://news.test/a"},
    {"type": "response", "uri": "https://news.test/a", "body": PAGE_A},
    {"type": "metadata", "uri": "https://news.test/a", "body": b"via: https://news.test/"},
    {
        "type": "response",
        "uri": "https://news.test/logo.png",
        "body": b"\x89PNG\r\n\x1a\n",
        "content_type": "image/png",
    },
    {"type": "response", "uri": "https://news.test/old", "body": PAGE_B, "status": "301 Moved"},
    {"type": "resource", "uri": "file:///b.html", "body": PAGE_B, "content_type": "text/html"},
    {"type": "response", "uri": "https://news.test/c", "body": PAGE_C},
]


def _save(tmp_path: Path, data: bytes, name: str = "crawl.warc") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("gzip", "name"), [(False, "crawl.warc"), (True, "crawl.warc.gz")])
def test_read_warc_yields_html_records_only(
    tmp_path: Path, build_warc: Any, gzip: bool, name: str
) -> None:
    data, _ = build_warc(CRAWL, gzip=gzip)
    path = _save(tmp_path, data, name)
    items = [item for item in read_inputs([str(path)]) if isinstance(item, RawDocument)]
    assert len(items) == len(list(read_inputs([str(path)])))
    assert [(item.origin, item.url) for item in items] == [
        (f"{path}#3", "https://news.test/a"),
        (f"{path}#7", "file:///b.html"),
        (f"{path}#8", "https://news.test/c"),
    ]
    first = items[0]
    assert isinstance(first, RawDocument)
    assert (first.data, first.id, first.media_type, first.producer) == (
        PAGE_A,
        document_id(PAGE_A),
        "html",
        "communique.warc.v1",
    )
    assert first.text == PAGE_A.decode()


def test_read_warc_gzip_is_sniffed_without_suffix(build_warc: Any) -> None:
    data, _ = build_warc(CRAWL, gzip=True)
    items = list(read_bytes("upload", data))
    assert [item.origin for item in items] == ["upload#3", "upload#7", "upload#8"]


def test_read_warc_honours_http_charset(build_warc: Any) -> None:
    body = "<p>The envoy said “no” in Genève.</p>".encode("cp1252")
    record = {"type": "response", "body": body, "content_type": "text/html; charset=windows-1252"}
    data, _ = build_warc([record])
    [document] = read_warc("a.warc", io.BytesIO(data))
    assert isinstance(document, RawDocument)
    assert (document.text, document.encoding) == ("<p>The envoy said “no” in Genève.</p>", "cp1252")


def test_read_warc_payload_is_decoded_from_content_encoding(build_warc: Any) -> None:
    record = {
        "type": "response",
        "body": gzip_module.compress(PAGE_A),
        "headers": [("Content-Encoding", "gzip")],
    }
    data, _ = build_warc([record])
    [document] = read_warc("a.warc", io.BytesIO(data))
    assert isinstance(document, RawDocument)
    assert (document.data, document.id) == (PAGE_A, document_id(PAGE_A))


@pytest.mark.parametrize("gzip", [False, True])
def test_read_warc_truncated_keeps_earlier_records(build_warc: Any, gzip: bool) -> None:
    data, offsets = build_warc(CRAWL, gzip=gzip)
    cut = (offsets[-1] + len(data)) // 2  # halfway through the last record
    items = list(read_warc("cut.warc", io.BytesIO(data[:cut])))
    documents = [item for item in items if isinstance(item, RawDocument)]
    assert [document.data for document in documents] == [PAGE_A, PAGE_B]
    rejection = items[-1]
    assert isinstance(rejection, Rejection)
    assert (rejection.origin, rejection.reason) == ("cut.warc", "truncated-warc")
    assert rejection.detail == (
        f"expected a complete WARC archive, found it cut off at byte {offsets[-1]:,} of "
        f"{cut:,} (record 8); kept the 2 documents read before it"
    )


@pytest.mark.parametrize("gzip", [False, True])
@pytest.mark.parametrize("into", [20, 200])
def test_read_warc_cut_in_record_header_is_truncated(
    build_warc: Any, gzip: bool, into: int
) -> None:
    data, offsets = build_warc(CRAWL, gzip=gzip)
    items = list(read_warc("cut.warc", io.BytesIO(data[: offsets[-1] + into])))
    assert [type(item).__name__ for item in items] == ["RawDocument", "RawDocument", "Rejection"]
    rejection = items[-1]
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "truncated-warc"
    assert f"at byte {offsets[-1]:,}" in rejection.detail


def test_read_warc_garbage_between_records_is_bad_warc(build_warc: Any) -> None:
    data, offsets = build_warc(CRAWL)
    damaged = data[: offsets[4]] + b"GARBAGE LINE\r\n\r\n" + data[offsets[4] :]
    items = list(read_warc("bad.warc", io.BytesIO(damaged)))
    assert [item.origin for item in items] == ["bad.warc#3", "bad.warc"]
    rejection = items[-1]
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "bad-warc"
    assert rejection.detail == (
        f"expected a WARC record at byte {offsets[4]:,} (record 5), found: Invalid WARC record, "
        "first line: GARBAGE LINE; kept the 1 document read before it"
    )


def test_read_warc_not_a_warc_is_bad_warc(tmp_path: Path) -> None:
    path = _save(tmp_path, b"This is a plain note, not an archive.\n")
    [rejection] = read_inputs([str(path)])
    assert isinstance(rejection, Rejection)
    assert (rejection.origin, rejection.reason) == (str(path), "bad-warc")


def test_read_warc_without_html_is_no_documents(build_warc: Any) -> None:
    data, _ = build_warc([*CRAWL[:2], CRAWL[4]])
    [rejection] = read_warc("images.warc", io.BytesIO(data))
    assert rejection == Rejection(
        origin="images.warc",
        stage="ingest",
        reason="no-documents",
        detail="expected at least one HTML response or resource record, found none among 3 records",
    )


def test_read_warc_empty_file(tmp_path: Path) -> None:
    path = _save(tmp_path, b"")
    [rejection] = read_inputs([str(path)])
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "empty"


def test_read_warc_large_payload_is_too_large_and_others_land(build_warc: Any) -> None:
    data, _ = build_warc(CRAWL)
    items = list(read_warc("big.warc", io.BytesIO(data), max_bytes=1000))
    assert [(item.origin, type(item).__name__) for item in items] == [
        ("big.warc#3", "RawDocument"),
        ("big.warc#7", "RawDocument"),
        ("big.warc#8", "Rejection"),
    ]
    rejection = items[-1]
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "too-large"
    assert "more than 1,000 bytes" in rejection.detail


def test_read_warc_file_larger_than_limit_is_streamed(tmp_path: Path, build_warc: Any) -> None:
    data, _ = build_warc(CRAWL)
    path = _save(tmp_path, data)
    items = list(read_inputs([str(path)], max_bytes=len(data) // 2))
    assert len([item for item in items if isinstance(item, RawDocument)]) == 3


@pytest.mark.parametrize("gzip", [False, True])
def test_read_warc_any_cut_keeps_whole_documents_only(build_warc: Any, gzip: bool) -> None:
    data, _ = build_warc(CRAWL, gzip=gzip)
    pages = [PAGE_A, PAGE_B, PAGE_C]
    for cut in range(1, len(data), 13):
        items = list(read_warc("cut.warc", io.BytesIO(data[:cut])))
        kept = [item.data for item in items if isinstance(item, RawDocument)]
        assert kept == pages[: len(kept)], cut
        assert all(isinstance(item, RawDocument) for item in items[:-1]), cut
