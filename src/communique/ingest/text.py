"""The plain-text reader: one article per file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from communique.ingest._documents import DEFAULT_MAX_BYTES, read_single
from communique.records import RawDocument, Rejection

NAME = "communique.text.v1"


def read_text(
    origin: str, stream: BinaryIO, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | Rejection]:
    """Read one plain-text article.

    Args:
        origin: The path (or other name) of the file, for messages.
        stream: The file's bytes.
        max_bytes: The largest file accepted.

    Returns:
        An iterator over one RawDocument with ``media_type="text"``, or one Rejection (``empty``,
        ``binary``, ``encoding``, ``too-large``).
    """
    return read_single(origin, stream, max_bytes=max_bytes, media_type="text", producer=NAME)
