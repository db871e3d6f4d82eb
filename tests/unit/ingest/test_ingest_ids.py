"""Content-hash ids: the same bytes always give the same id, wherever they come from."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from communique.ingest import document_id, read_bytes, read_inputs
from communique.records import RawDocument

PAGE = b"<html><body><p>Estavia and Norland exchanged prisoners.</p></body></html>"


def test_document_id_is_sha256_prefix() -> None:
    assert document_id(PAGE) == hashlib.sha256(PAGE).hexdigest()[:16]
    assert document_id(b"") == "e3b0c44298fc1c14"


def test_document_id_differs_for_different_bytes() -> None:
    assert document_id(PAGE) != document_id(PAGE + b"\n")


def test_read_inputs_same_bytes_same_id_across_paths_and_runs(tmp_path: Path) -> None:
    first = tmp_path / "one.html"
    second = tmp_path / "copy" / "two.html"
    second.parent.mkdir()
    first.write_bytes(PAGE)
    second.write_bytes(PAGE)
    runs = [list(read_inputs([str(first), str(second)])) for _ in range(2)]
    ids = {item.id for run in runs for item in run if isinstance(item, RawDocument)}
    assert ids == {document_id(PAGE)}
    [from_stdin] = read_inputs(["-"], stdin=io.BytesIO(PAGE))
    [from_memory] = read_bytes("memory", PAGE)
    assert isinstance(from_stdin, RawDocument)
    assert isinstance(from_memory, RawDocument)
    assert from_stdin.id == from_memory.id == document_id(PAGE)


def test_read_bytes_jsonl_line_id_ignores_line_ending() -> None:
    line = b'{"text": "Border reopened."}'
    [unix] = read_bytes("a", line + b"\n", kind="jsonl")
    [windows] = read_bytes("b", line + b"\r\n", kind="jsonl")
    assert isinstance(unix, RawDocument)
    assert isinstance(windows, RawDocument)
    assert unix.id == windows.id == document_id(line)
