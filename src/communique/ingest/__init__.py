"""Ingest: bytes → RawDocument.

Reads HTML pages, text files, JSON Lines, WARC archives and RSS/Atom feeds from paths,
directories, glob patterns, stdin or memory. Every document found becomes a
:class:`~communique.records.RawDocument` holding its exact bytes, its decoded text and a
content-hash id; every input that cannot be read becomes a
:class:`~communique.records.Rejection` with stage ``ingest``. Bad input never raises.
"""

from __future__ import annotations

from communique.ingest._documents import document_id
from communique.ingest._inputs import read_bytes, read_inputs

__all__ = ["document_id", "read_bytes", "read_inputs"]
