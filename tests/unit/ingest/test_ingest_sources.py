"""Inputs: directories, globs, stdin, missing paths, suffixes and content sniffing."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from communique.ingest import read_inputs
from communique.ingest._sources import kind_for_path, sniff_kind
from communique.records import RawDocument, Rejection

PAGE = b"<html><body><p>The council met in Valdor on Monday.</p></body></html>"
STORY = b"The council met in Valdor on Monday and agreed a budget."


def _origins(items: list[RawDocument | Rejection]) -> list[str]:
    return [item.origin for item in items]


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.html", "html"),
        ("a.HTM", "html"),
        ("a.txt", "text"),
        ("a.text", "text"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.warc", "warc"),
        ("crawl.warc.gz", "warc"),
        ("a.rss", "feed"),
        ("a.atom", "feed"),
        ("a.xml", "feed"),
        ("report.2024.html", "html"),
        ("a.md", None),
        ("a.tar.gz", None),
    ],
)
def test_kind_for_path_maps_suffixes(name: str, kind: str | None) -> None:
    assert kind_for_path(Path(name)) == kind


def test_sniff_kind_warc_prefix() -> None:
    assert sniff_kind(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n") == "warc"


def test_sniff_kind_gzipped_warc() -> None:
    assert sniff_kind(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")) == "warc"


def test_sniff_kind_gzip_without_warc_is_text() -> None:
    assert sniff_kind(gzip.compress(b"just some text")) == "text"


@pytest.mark.parametrize("head", [b'{"text": "x"}\n', b'  \n{"id": 1}', b'\xef\xbb\xbf{"id": 1}'])
def test_sniff_kind_json_object_is_jsonl(head: bytes) -> None:
    assert sniff_kind(head) == "jsonl"


@pytest.mark.parametrize(
    "head",
    [
        b'<?xml version="1.0"?>\n<rss version="2.0"><channel>',
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">',
        b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    ],
)
def test_sniff_kind_feed_roots(head: bytes) -> None:
    assert sniff_kind(head) == "feed"


def test_sniff_kind_other_markup_is_html() -> None:
    assert sniff_kind(b"\n  <!DOCTYPE html><html><body>x</body></html>") == "html"


def test_sniff_kind_prose_is_text() -> None:
    assert sniff_kind(STORY) == "text"


def test_read_inputs_sniffs_named_file_with_unknown_suffix(tmp_path: Path) -> None:
    page = _write(tmp_path / "story.dat", PAGE)
    [document] = read_inputs([str(page)])
    assert isinstance(document, RawDocument)
    assert document.media_type == "html"
    assert document.producer == "communique.html.v1"


def test_read_inputs_directory_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", STORY)
    _write(tmp_path / "a" / "z.html", PAGE)
    _write(tmp_path / "a" / "notes.md", STORY)  # unknown suffix: not read from a folder
    _write(tmp_path / ".hidden.txt", STORY)
    _write(tmp_path / ".cache" / "c.txt", STORY)
    _write(tmp_path / "c" / "d.htm", PAGE)
    items = list(read_inputs([str(tmp_path)]))
    assert _origins(items) == [
        str(tmp_path / "a" / "z.html"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "c" / "d.htm"),
    ]
    assert [item.media_type for item in items if isinstance(item, RawDocument)] == [
        "html",
        "text",
        "html",
    ]


def test_read_inputs_glob_is_expanded_sorted(tmp_path: Path) -> None:
    for name in ("c.txt", "a.txt", "b.html"):
        _write(tmp_path / name, STORY)
    items = list(read_inputs([str(tmp_path / "*.txt")]))
    assert _origins(items) == [str(tmp_path / "a.txt"), str(tmp_path / "c.txt")]


def test_read_inputs_recursive_glob_reads_each_file_once(tmp_path: Path) -> None:
    _write(tmp_path / "x" / "one.txt", STORY)
    _write(tmp_path / "x" / "y" / "two.txt", STORY + b" Again.")
    items = list(read_inputs([str(tmp_path / "**")]))
    assert _origins(items) == [
        str(tmp_path / "x" / "one.txt"),
        str(tmp_path / "x" / "y" / "two.txt"),
    ]


def test_read_inputs_glob_with_question_mark_and_class(tmp_path: Path) -> None:
    for name in ("a1.txt", "a2.txt", "b1.txt"):
        _write(tmp_path / name, STORY)
    assert _origins(list(read_inputs([str(tmp_path / "a?.txt")]))) == [
        str(tmp_path / "a1.txt"),
        str(tmp_path / "a2.txt"),
    ]
    assert _origins(list(read_inputs([str(tmp_path / "[b]1.txt")]))) == [str(tmp_path / "b1.txt")]


def test_read_inputs_glob_matching_nothing_is_no_match(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.html")
    [rejection] = read_inputs([pattern])
    assert isinstance(rejection, Rejection)
    assert (rejection.origin, rejection.stage, rejection.reason) == (pattern, "ingest", "no-match")
    assert "glob pattern that matches no file" in rejection.detail


def test_read_inputs_folder_without_known_files_is_no_match(tmp_path: Path) -> None:
    _write(tmp_path / "notes.md", STORY)
    [rejection] = read_inputs([str(tmp_path)])
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "no-match"


def test_read_inputs_missing_path_is_not_found(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.html")
    [rejection] = read_inputs([missing])
    assert isinstance(rejection, Rejection)
    assert (rejection.origin, rejection.reason) == (missing, "not-found")
    assert rejection.detail == (
        f"expected a file, directory or glob pattern, found no such path: {missing}"
    )


def test_read_inputs_keeps_input_order_around_failures(tmp_path: Path) -> None:
    first = _write(tmp_path / "first.txt", STORY)
    last = _write(tmp_path / "last.html", PAGE)
    missing = str(tmp_path / "missing.txt")
    items = list(read_inputs([str(first), missing, str(last)]))
    assert _origins(items) == [str(first), missing, str(last)]
    assert [type(item).__name__ for item in items] == ["RawDocument", "Rejection", "RawDocument"]


def test_read_inputs_stdin_html_is_sniffed() -> None:
    [document] = read_inputs(["-"], stdin=io.BytesIO(PAGE))
    assert isinstance(document, RawDocument)
    assert (document.origin, document.media_type, document.data) == ("<stdin>", "html", PAGE)


def test_read_inputs_stdin_jsonl_is_sniffed() -> None:
    lines = b'{"id": "s1", "text": "First."}\n{"id": "s2", "text": "Second."}\n'
    items = list(read_inputs(["-"], stdin=io.BytesIO(lines)))
    assert [(item.id, item.origin) for item in items if isinstance(item, RawDocument)] == [
        ("s1", "<stdin>:1"),
        ("s2", "<stdin>:2"),
    ]
    assert len(items) == 2


def test_read_inputs_fixture_folder(fixtures_dir: Path) -> None:
    items = list(read_inputs([str(fixtures_dir)]))
    documents = [item for item in items if isinstance(item, RawDocument)]
    rejections = [item for item in items if isinstance(item, Rejection)]
    assert len(documents) == 8
    assert [(r.origin.rsplit("/", 1)[1], r.reason) for r in rejections] == [
        ("wire.jsonl:4", "not-json"),
        ("wire.jsonl:5", "missing-field"),
    ]
    assert documents[0].origin == str(fixtures_dir / "ceasefire.txt")
    assert documents[-1].producer == "communique.jsonl.v1"
