"""Shared test helpers for ingest: the fixture folder and a WARC builder on warcio's writer."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ingest"

WarcBuilder = Callable[..., tuple[bytes, list[int]]]


@pytest.fixture
def fixtures_dir() -> Path:
    """The folder of hand-written ingest fixtures."""
    return FIXTURES


def _write_record(writer: WARCWriter, spec: dict[str, Any]) -> None:
    kind = spec["type"]
    uri = spec.get("uri", "https://news.test/")
    body = spec.get("body", b"")
    if kind == "warcinfo":
        writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
        return
    http_headers = None
    warc_content_type = ""
    if kind == "response":
        headers = [("Content-Type", spec.get("content_type", "text/html; charset=utf-8"))]
        headers += spec.get("headers", [])
        http_headers = StatusAndHeaders(spec.get("status", "200 OK"), headers, protocol="HTTP/1.1")
    elif kind == "request":
        http_headers = StatusAndHeaders(
            "GET / HTTP/1.1", [("Host", "news.test")], is_http_request=True
        )
    else:  # resource, metadata: the WARC header carries the media type
        warc_content_type = spec.get("content_type", "application/warc-fields")
    record = writer.create_warc_record(
        uri,
        kind,
        payload=io.BytesIO(body),
        length=len(body),
        http_headers=http_headers,
        warc_content_type=warc_content_type,
    )
    writer.write_record(record)


@pytest.fixture
def build_warc() -> WarcBuilder:
    """Return ``build(records, gzip=False) -> (bytes, record start offsets)``.

    Each record is a dict: ``type`` (warcinfo, response, request, resource, metadata),
    ``uri``, ``body`` (bytes), ``content_type`` and, for responses, ``status`` and extra
    HTTP ``headers`` (a list of name-value pairs).
    """

    def build(records: list[dict[str, Any]], *, gzip: bool = False) -> tuple[bytes, list[int]]:
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=gzip)
        offsets = []
        for spec in records:
            offsets.append(buffer.tell())
            _write_record(writer, spec)
        return buffer.getvalue(), offsets

    return build
