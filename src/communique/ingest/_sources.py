"""Which inputs to read and what kind each is: path expansion, stdin and content sniffing."""

from __future__ import annotations

import glob
import os
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final

from communique.ingest._documents import STAGE
from communique.records import Rejection

STDIN: Final = "-"
SNIFF_BYTES = 2048

SUFFIX_KINDS = {
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
_GLOB_CHARS = ("*", "?", "[")
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
_GZIP_MAGIC = b"\x1f\x8b"


def kind_for_path(path: Path) -> str | None:
    """Return the input kind that ``path``'s suffix names, or None for an unknown suffix."""
    name = path.name.lower()
    double = "".join(Path(name).suffixes[-2:])
    return SUFFIX_KINDS.get(double) or SUFFIX_KINDS.get(Path(name).suffix)


def sniff_kind(head: bytes) -> str:
    """Guess the kind of an input from its first bytes.

    Args:
        head: At least the first 2 KB of the input (fewer if it is shorter).

    Returns:
        ``"warc"`` for a WARC (plain or gzipped), ``"jsonl"`` when the first character is
        ``{``, ``"feed"`` for markup with an RSS/Atom/RDF root, ``"html"`` for other markup,
        else ``"text"``.
    """
    if head.startswith(b"WARC/") or _is_gzipped_warc(head):
        return "warc"
    stripped = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if stripped.startswith(b"{"):
        return "jsonl"
    if not stripped.startswith(b"<"):
        return "text"
    lowered = head[:SNIFF_BYTES].lower()
    return "feed" if any(root in lowered for root in _FEED_ROOTS) else "html"


def expand_inputs(paths: Sequence[str]) -> Iterator[Path | str | Rejection]:
    """Turn command-line inputs into files to read, in order.

    Directories are walked recursively (sorted, hidden entries and unknown suffixes
    skipped); glob patterns are expanded sorted; ``-`` stands for stdin.

    Yields:
        A file path, :data:`STDIN`, or a Rejection (``not-found``, ``no-match``,
        ``unreadable``) for an input that names nothing readable.
    """
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        try:
            yield from _expand_one(raw)
        except OSError as error:  # a parent directory we may not enter
            yield _rejection(raw, "unreadable", f"expected a readable path, got {error.strerror}")


def _expand_one(raw: str) -> Iterator[Path | Rejection]:
    path = Path(raw)
    if path.is_dir():
        yield from _nonempty(raw, _walk(path), "a directory with no files of a known suffix")
    elif path.exists():
        yield path
    elif any(char in raw for char in _GLOB_CHARS):
        yield from _nonempty(raw, _expand_glob(raw), "a glob pattern that matches no file")
    else:
        yield _rejection(
            raw,
            "not-found",
            f"expected a file, directory or glob pattern, found no such path: {raw}",
        )


def _nonempty(raw: str, found: Iterator[Path | Rejection], what: str) -> Iterator[Path | Rejection]:
    empty = True
    for item in found:
        empty = False
        yield item
    if empty:
        known = " ".join(sorted(SUFFIX_KINDS))
        yield _rejection(raw, "no-match", f"expected files to read ({known}), found {what}")


def _walk(root: Path) -> Iterator[Path | Rejection]:
    failures: list[OSError] = []
    files: list[Path] = []
    for folder, dirs, names in os.walk(root, onerror=failures.append):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        files.extend(
            Path(folder, name)
            for name in names
            if not name.startswith(".") and kind_for_path(Path(name)) is not None
        )
    for failure in failures:
        origin = str(failure.filename or root)
        yield _rejection(
            origin, "unreadable", f"expected a readable directory, got {failure.strerror}"
        )
    yield from sorted(files, key=lambda path: path.parts)


def _expand_glob(pattern: str) -> Iterator[Path | Rejection]:
    seen: set[Path] = set()
    # Path.glob takes only relative patterns; a typed pattern may be absolute.
    for match in sorted(glob.glob(pattern, recursive=True)):  # noqa: PTH207
        path = Path(match)
        found = _walk(path) if path.is_dir() else iter([path])
        for item in found:
            if isinstance(item, Path) and item in seen:
                continue  # ``**`` matches a folder and the files in it
            if isinstance(item, Path):
                seen.add(item)
            yield item


def _is_gzipped_warc(head: bytes) -> bool:
    if not head.startswith(_GZIP_MAGIC):
        return False
    try:
        return zlib.decompressobj(wbits=31).decompress(head, 16).startswith(b"WARC/")
    except zlib.error:
        return False


def _rejection(origin: str, reason: str, detail: str) -> Rejection:
    return Rejection(origin=origin, stage=STAGE, reason=reason, detail=detail)
