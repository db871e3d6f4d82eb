"""The JSON Lines reader: records, ids, dates and bad lines that do not stop the rest."""

from __future__ import annotations

import io
from pathlib import Path

from communique.ingest import document_id, read_bytes, read_inputs
from communique.ingest.jsonl import read_jsonl
from communique.records import RawDocument, Rejection


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().split(b"\n")


def test_read_jsonl_fixture_records_and_bad_lines(fixtures_dir: Path) -> None:
    path = fixtures_dir / "wire.jsonl"
    items = list(read_inputs([str(path)]))
    assert [item.origin for item in items] == [f"{path}:{n}" for n in (1, 2, 4, 5, 6)]
    first, second, not_json, missing, last = items
    assert first == RawDocument(
        id="wire-1",
        origin=f"{path}:1",
        data=_lines(path)[0],
        text="Estavia recalled its ambassador from Norland on Monday.",
        media_type="text",
        encoding="utf-8",
        url="https://wire.test/envoy",
        title="Envoy recalled",
        published="2024-06-19",
        source="Wire Test",
        producer="communique.jsonl.v1",
    )
    assert isinstance(second, RawDocument)
    assert second.media_type == "html"
    assert second.id == document_id(_lines(path)[1])
    assert second.published == "2024-06-20T08:30:00+02:00"
    assert isinstance(not_json, Rejection)
    assert not_json.reason == "not-json"
    assert not_json.detail.startswith("expected one JSON object per line, found invalid JSON: ")
    assert "Unterminated string" in not_json.detail
    assert isinstance(missing, Rejection)
    assert (missing.reason, missing.doc_id) == ("missing-field", "wire-5")
    assert missing.detail == (
        "expected a non-empty 'text' or 'html' string field, found keys: id, title"
    )
    assert isinstance(last, RawDocument)
    assert (last.id, last.published) == ("6", "yesterday")


def test_read_jsonl_html_wins_over_text() -> None:
    line = b'{"html": "<p>Markup</p>", "text": "Markup"}'
    [document] = read_bytes("both.jsonl", line, kind="jsonl")
    assert isinstance(document, RawDocument)
    assert (document.media_type, document.text) == ("html", "<p>Markup</p>")


def test_read_jsonl_non_object_is_missing_field() -> None:
    [rejection] = read_jsonl("list.jsonl", io.BytesIO(b'["text", "no"]\n'))
    assert isinstance(rejection, Rejection)
    assert (rejection.origin, rejection.reason) == ("list.jsonl:1", "missing-field")
    assert rejection.detail == (
        "expected a JSON object with a 'text' or 'html' field, found a JSON array"
    )


def test_read_jsonl_empty_text_is_missing_field() -> None:
    [rejection] = read_jsonl("e.jsonl", io.BytesIO(b'{"id": "e1", "text": "  "}\n'))
    assert isinstance(rejection, Rejection)
    assert (rejection.reason, rejection.doc_id) == ("missing-field", "e1")


def test_read_jsonl_crlf_lines_and_no_final_newline() -> None:
    data = b'{"text": "One."}\r\n{"text": "Two."}'
    items = list(read_jsonl("crlf.jsonl", io.BytesIO(data)))
    assert [item.data for item in items if isinstance(item, RawDocument)] == [
        b'{"text": "One."}',
        b'{"text": "Two."}',
    ]


def test_read_jsonl_cp1252_line_is_decoded() -> None:
    line = '{"text": "He said “enough” in Genève."}'.encode("cp1252")
    [document] = read_jsonl("legacy.jsonl", io.BytesIO(line))
    assert isinstance(document, RawDocument)
    assert (document.text, document.encoding) == ("He said “enough” in Genève.", "cp1252")


def test_read_jsonl_long_line_is_too_large_and_others_land() -> None:
    long_line = b'{"text": "' + b"x" * 500 + b'"}'
    data = b'{"text": "short"}\n' + long_line + b'\n{"text": "after"}\n'
    items = list(read_jsonl("big.jsonl", io.BytesIO(data), max_bytes=100))
    assert [item.origin for item in items] == ["big.jsonl:1", "big.jsonl:2", "big.jsonl:3"]
    rejection = items[1]
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "too-large"
    assert rejection.detail == (
        "expected at most 100 bytes, found 512 bytes; "
        "raise COMMUNIQUE_MAX_DOCUMENT_BYTES to read larger inputs"
    )
    assert [item.text for item in items if isinstance(item, RawDocument)] == ["short", "after"]


def test_read_jsonl_blank_file_is_empty() -> None:
    [rejection] = read_jsonl("blank.jsonl", io.BytesIO(b"\n\n  \n"))
    assert isinstance(rejection, Rejection)
    assert (rejection.origin, rejection.reason) == ("blank.jsonl", "empty")


def test_read_jsonl_binary_file_is_one_rejection() -> None:
    [rejection] = read_jsonl("zip.jsonl", io.BytesIO(b"PK\x03\x04" + bytes(100)))
    assert isinstance(rejection, Rejection)
    assert (rejection.reason, rejection.origin) == ("binary", "zip.jsonl")
