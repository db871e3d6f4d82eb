"""What every reader shares: the reader protocol, content-hash ids, limits and rejections."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import BinaryIO, Protocol

from communique.errors import InputError
from communique.ingest.decoding import check_text_bytes, decode_bytes
from communique.records import MediaType, RawDocument, Rejection

STAGE = "ingest"
DEFAULT_MAX_BYTES = 20_000_000
MAX_BYTES_SETTING = "COMMUNIQUE_MAX_DOCUMENT_BYTES"


class Reader(Protocol):
    """A registered reader: turns one seekable binary stream into documents and rejections.

    ``stream`` is positioned at its start and may be sought; ``max_bytes`` caps the bytes
    of any one document (whole-file readers apply it to the file, container readers to
    each line or record).
    """

    def __call__(
        self, origin: str, stream: BinaryIO, *, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> Iterator[RawDocument | Rejection]:
        """Yield one RawDocument per document in ``stream`` and one Rejection per failure."""
        ...


def document_id(data: bytes) -> str:
    """Return the content-hash id of ``data``: the first 16 hex digits of its SHA-256.

    Args:
        data: The exact bytes of one document.

    Returns:
        A 16-character lowercase hex string; the same bytes always give the same id.
    """
    return hashlib.sha256(data).hexdigest()[:16]


def reject(origin: str, error: InputError, doc_id: str | None = None) -> Rejection:
    """Turn an :class:`InputError` raised while reading ``origin`` into an ingest Rejection."""
    return Rejection(
        origin=origin, stage=STAGE, reason=error.reason, detail=error.detail, doc_id=doc_id
    )


def too_large(size: int, max_bytes: int, *, at_least: bool = False) -> InputError:
    """Build the ``too-large`` error naming the size, the limit and the setting that sets it.

    Args:
        size: The size found, in bytes.
        max_bytes: The limit in force.
        at_least: True when only a prefix was read, so ``size`` is a lower bound.
    """
    found = f"more than {max_bytes:,}" if at_least else f"{size:,}"
    return InputError(
        "too-large",
        f"expected at most {max_bytes:,} bytes, found {found} bytes; "
        f"raise {MAX_BYTES_SETTING} to read larger inputs",
    )


def read_limited(stream: BinaryIO, max_bytes: int) -> bytes:
    """Read all of ``stream`` but never more than ``max_bytes + 1`` bytes.

    Raises:
        InputError: ``too-large`` when the stream holds more than ``max_bytes`` bytes.
    """
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes, at_least=True)
    return data


def build_document(
    origin: str,
    data: bytes,
    *,
    media_type: MediaType,
    producer: str,
    declared: str | None = None,
) -> RawDocument:
    """Screen, decode and wrap the bytes of one document.

    Args:
        origin: Where the bytes came from, for messages.
        data: The exact bytes of the document.
        media_type: ``"html"`` or ``"text"``.
        producer: The registry name of the reader.
        declared: A charset declared by the container (an HTTP header), if any.

    Returns:
        The document, with its content-hash id and the encoding used.

    Raises:
        InputError: ``empty``, ``binary`` or ``encoding``.
    """
    check_text_bytes(data)
    text, encoding = decode_bytes(data, declared=declared, markup=media_type == "html")
    if not text.strip():
        raise InputError("empty", f"expected a document, found only whitespace ({len(data)} bytes)")
    return RawDocument(
        id=document_id(data),
        origin=origin,
        data=data,
        text=text,
        media_type=media_type,
        encoding=encoding,
        producer=producer,
    )


def read_single(
    origin: str, stream: BinaryIO, *, max_bytes: int, media_type: MediaType, producer: str
) -> Iterator[RawDocument | Rejection]:
    """Read a stream that holds exactly one document (an HTML page, a text file).

    Yields:
        The document, or one Rejection saying why it could not be read.
    """
    try:
        data = read_limited(stream, max_bytes)
        document = build_document(origin, data, media_type=media_type, producer=producer)
    except InputError as error:
        yield reject(origin, error)
        return
    yield document
