"""From paths, stdin or bytes to documents: open each input and hand it to its reader."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO

from communique.errors import ConfigError, InputError
from communique.ingest import html, jsonl, rss, text, warc
from communique.ingest._documents import DEFAULT_MAX_BYTES, Reader, reject, too_large
from communique.ingest._sources import SNIFF_BYTES, expand_inputs, kind_for_path, sniff_kind
from communique.records import RawDocument, Rejection

STDIN_ORIGIN = "<stdin>"

# Each input kind, the registry name of its reader, and the reader.
READERS: Mapping[str, tuple[str, Reader]] = MappingProxyType(
    {
        "html": (html.NAME, html.read_html),
        "text": (text.NAME, text.read_text),
        "jsonl": (jsonl.NAME, jsonl.read_jsonl),
        "warc": (warc.NAME, warc.read_warc),
        "feed": (rss.NAME, rss.read_feed),
    }
)
# Containers are streamed and limit each document, not the file: archives run to gigabytes.
STREAMED_KINDS = frozenset({"jsonl", "warc"})


def read_inputs(
    paths: Sequence[str], *, stdin: BinaryIO | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | Rejection]:
    """Read files, directories, glob patterns and stdin (``-``), in the order given.

    Args:
        paths: Inputs as typed on a command line. Directories are walked recursively
            (sorted, hidden entries and unknown suffixes skipped); glob patterns
            (``*``, ``?``, ``[``, ``**``) are expanded sorted; a named file with an unknown
            suffix is sniffed by content.
        stdin: The binary stream ``-`` reads; ``sys.stdin.buffer`` when None.
        max_bytes: The largest document accepted (``COMMUNIQUE_MAX_DOCUMENT_BYTES``).

    Yields:
        One RawDocument per document found and one Rejection (stage ``ingest``) per
        failure; bad input never raises.
    """
    for item in expand_inputs(paths):
        if isinstance(item, Rejection):
            yield item
        elif isinstance(item, Path):
            yield from _read_path(item, max_bytes)
        else:  # the STDIN marker, "-"
            yield from _read_stdin(sys.stdin.buffer if stdin is None else stdin, max_bytes)


def read_bytes(
    origin: str, data: bytes, *, kind: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | Rejection]:
    """Read documents from bytes already in memory.

    Args:
        origin: A name for the bytes, used in origins and messages.
        data: The input's bytes.
        kind: ``"html"``, ``"text"``, ``"jsonl"``, ``"warc"`` or ``"feed"``; None to sniff.
        max_bytes: The largest document accepted.

    Returns:
        An iterator over one RawDocument per document and one Rejection per failure.

    Raises:
        ConfigError: At once, not when iterated: ``kind`` names no reader; the message
            lists the valid kinds.
    """
    if kind is not None and kind not in READERS:
        kinds = ", ".join(sorted(READERS))
        raise ConfigError(f"No input kind {kind!r}. Available kinds: {kinds}.")
    return _read_memory(origin, data, kind or sniff_kind(data[:SNIFF_BYTES]), max_bytes)


def _read_memory(
    origin: str, data: bytes, kind: str, max_bytes: int
) -> Iterator[RawDocument | Rejection]:
    if kind not in STREAMED_KINDS and len(data) > max_bytes:
        yield reject(origin, too_large(len(data), max_bytes))
        return
    _, reader = READERS[kind]
    yield from reader(origin, io.BytesIO(data), max_bytes=max_bytes)


def _read_path(path: Path, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    origin = str(path)
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            kind = kind_for_path(path)
            if kind is None:
                kind = sniff_kind(handle.read(SNIFF_BYTES))
                handle.seek(0)
            if kind not in STREAMED_KINDS and size > max_bytes:
                yield reject(origin, too_large(size, max_bytes))  # stat, so it is never loaded
                return
            _, reader = READERS[kind]
            yield from reader(origin, handle, max_bytes=max_bytes)
    except OSError as error:
        yield reject(origin, _unreadable(error))


def _read_stdin(stdin: BinaryIO, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    data = stdin.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield reject(STDIN_ORIGIN, too_large(len(data), max_bytes, at_least=True))
        return
    yield from read_bytes(STDIN_ORIGIN, data, max_bytes=max_bytes)


def _unreadable(error: OSError) -> InputError:
    if isinstance(error, FileNotFoundError):
        return InputError("not-found", f"expected a readable file, found none: {error.strerror}")
    reason = error.strerror or type(error).__name__
    return InputError("unreadable", f"expected a readable file, found it cannot be read: {reason}")
