"""The HTML reader: one web page per file, decoded but otherwise untouched."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from communique.ingest._documents import DEFAULT_MAX_BYTES, read_single
from communique.records import RawDocument, Rejection

NAME = "communique.html.v1"


def read_html(
    origin: str, stream: BinaryIO, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | Rejection]:
    """Read one HTML page.

    The encoding comes from a byte-order mark, valid UTF-8, the page's ``<meta>`` charset,
    or detection, in that order; boilerplate is left for the extract stage.

    Args:
        origin: The path (or other name) of the page, for messages.
        stream: The page's bytes.
        max_bytes: The largest page accepted.

    Returns:
        An iterator over one RawDocument with ``media_type="html"``, or one Rejection (``empty``,
        ``binary``, ``encoding``, ``too-large``).
    """
    return read_single(origin, stream, max_bytes=max_bytes, media_type="html", producer=NAME)
