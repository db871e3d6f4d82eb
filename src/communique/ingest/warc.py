"""The WARC reader: each HTML response or resource record in a (gzipped) web archive.

Other records (requests, metadata, images, redirects) are not documents and are passed
over silently. Damage is reported once, after the documents read before it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, replace
from typing import Any, BinaryIO

from warcio.archiveiterator import WARCIterator
from warcio.exceptions import ArchiveLoadFailed

from communique.errors import InputError
from communique.ingest._documents import DEFAULT_MAX_BYTES, build_document, reject, too_large
from communique.ingest.decoding import HEAD_BYTES, check_not_empty
from communique.records import RawDocument, Rejection

NAME = "communique.warc.v1"

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CHARSET = re.compile(r"""charset\s*=\s*["']?([^"';\s]+)""", re.I)
_DRAIN_CHUNK = 1 << 16

_Records = Generator[RawDocument | Rejection, None, InputError | None]


@dataclass
class _Progress:
    """How far into the archive reading got, for the damage and no-documents messages."""

    size: int
    records: int = 0
    documents: int = 0


def read_warc(
    origin: str, stream: BinaryIO, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | Rejection]:
    """Read the HTML pages in a WARC or WARC.gz archive.

    The archive is streamed, so ``max_bytes`` limits each record's payload, not the file.
    Each document's origin is ``path#N``, N the 1-based index of its record in the archive
    (the first record is usually ``warcinfo``).

    Args:
        origin: The path of the archive, for messages.
        stream: The archive's bytes, positioned at the start and seekable.
        max_bytes: The largest payload accepted.

    Yields:
        A RawDocument (``media_type="html"``, ``url`` from ``WARC-Target-URI``, id from the
        payload) per HTML record; a Rejection per bad record; then one Rejection for the
        archive if it is ``truncated-warc``, ``bad-warc``, ``empty`` or has ``no-documents``.
    """
    progress = _Progress(size=stream.seek(0, io.SEEK_END))
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    try:
        if len(head) == progress.size:  # only a short archive can be blank throughout
            check_not_empty(head)
    except InputError as error:
        yield reject(origin, error)
        return
    stream.seek(0)
    archive = WARCIterator(stream)
    damage = yield from _read_records(origin, archive, progress, max_bytes)
    if damage is None:
        damage = _trailing_damage(stream, archive.offset, progress)
    if damage is None and progress.documents == 0:
        detail = (
            "expected at least one HTML response or resource record, "
            f"found none among {progress.records} records"
        )
        damage = InputError("no-documents", detail)
    if damage is not None:
        yield reject(origin, damage)


def _read_records(origin: str, archive: Any, progress: _Progress, max_bytes: int) -> _Records:
    """Yield the archive's documents; return the damage that stopped reading, if any."""
    records = iter(archive)
    while True:
        try:
            record = next(records)
        except StopIteration:
            return None
        except ArchiveLoadFailed as error:
            return _bad(archive.offset, progress.records + 1, progress, str(error))
        # warcio fails in assorted ways (EOFError, AttributeError, zlib.error) on a cut archive.
        except Exception:
            return _truncated(archive.offset, progress.records + 1, progress)
        progress.records += 1
        start = archive.offset
        if _headless(record):
            return _truncated(start, progress.records, progress)
        item = _read_record(f"{origin}#{progress.records}", record, max_bytes)
        if _cut_off(record):
            return _truncated(start, progress.records, progress)
        if item is not None:
            progress.documents += 1
            yield item


def _read_record(where: str, record: Any, max_bytes: int) -> RawDocument | Rejection | None:
    content_type = _html_content_type(record)
    if content_type is None:
        return None
    try:
        payload = _read_payload(record, max_bytes)
        if len(payload) > max_bytes:
            raise too_large(len(payload), max_bytes, at_least=True)
        charset = _CHARSET.search(content_type)
        declared = charset.group(1) if charset else None
        document = build_document(
            where, payload, media_type="html", producer=NAME, declared=declared
        )
    except InputError as error:
        return reject(where, error)
    return replace(document, url=record.rec_headers.get_header("WARC-Target-URI"))


def _read_payload(record: Any, max_bytes: int) -> bytes:
    """Read up to ``max_bytes + 1`` bytes of the HTTP payload, decoded from its transfer."""
    try:
        return bytes(record.content_stream().read(max_bytes + 1))
    except Exception as error:  # warcio's dechunkers and decompressors raise their own types
        found = " ".join(str(error).split())[:120] or type(error).__name__
        raise InputError("bad-warc", f"expected a readable HTTP payload, found: {found}") from error


def _http_content_type(record: Any) -> str | None:
    headers = record.http_headers
    if headers is None or not str(headers.get_statuscode()).startswith("2"):
        return None  # redirects and error pages are not articles
    return str(headers.get_header("Content-Type") or "")


def _record_content_type(record: Any) -> str | None:
    return str(record.rec_headers.get_header("Content-Type") or "")


# Where each kind of document record keeps its media type; other record types hold none.
_CONTENT_TYPES: dict[str, Callable[[Any], str | None]] = {
    "response": _http_content_type,
    "resource": _record_content_type,
}


def _html_content_type(record: Any) -> str | None:
    """Return the record's Content-Type when it is an HTML document, else None."""
    find = _CONTENT_TYPES.get(record.rec_type)
    content_type = find(record) if find is not None else None
    if content_type is None:
        return None
    return content_type if content_type.split(";")[0].strip().lower() in _HTML_TYPES else None


def _headless(record: Any) -> bool:
    """Whether the record lacks the headers every record has: warcio yields a cut header so."""
    return not record.rec_type or not record.rec_headers.get_header("Content-Length")


def _cut_off(record: Any) -> bool:
    """Whether the record's block ends before its Content-Length says it should."""
    raw = record.raw_stream
    try:
        while raw.read(_DRAIN_CHUNK):
            pass
    except Exception:  # a damaged gzip member fails as it is read; that is a cut too
        return True
    return int(getattr(raw, "limit", 0)) > 0


def _trailing_damage(stream: BinaryIO, offset: int, progress: _Progress) -> InputError | None:
    """Find bytes after the last whole record, which warcio passes over when cut mid-header."""
    if offset >= progress.size:
        return None
    stream.seek(offset)
    if not stream.read(HEAD_BYTES).strip():
        return None
    return _truncated(offset, progress.records + 1, progress)


def _truncated(offset: int, number: int, progress: _Progress) -> InputError:
    return InputError(
        "truncated-warc",
        f"expected a complete WARC archive, found it cut off at byte {offset:,} of "
        f"{progress.size:,} (record {number}); {_kept(progress)}",
    )


def _bad(offset: int, number: int, progress: _Progress, found: str) -> InputError:
    first_line = " ".join(found.split())[:120]
    return InputError(
        "bad-warc",
        f"expected a WARC record at byte {offset:,} (record {number}), "
        f"found: {first_line}; {_kept(progress)}",
    )


def _kept(progress: _Progress) -> str:
    plural = "" if progress.documents == 1 else "s"
    return f"kept the {progress.documents} document{plural} read before it"
