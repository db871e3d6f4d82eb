"""The built-in readers' versioned names and the kind mapping used by read_bytes."""

from __future__ import annotations

import io

import pytest

from communique.errors import ConfigError
from communique.ingest import read_bytes
from communique.ingest._inputs import READERS
from communique.records import RawDocument

NAMES = [
    "communique.feed.v1",
    "communique.html.v1",
    "communique.jsonl.v1",
    "communique.text.v1",
    "communique.warc.v1",
]


def test_readers_have_versioned_names() -> None:
    assert sorted(name for name, _ in READERS.values()) == NAMES


def test_a_reader_stamps_its_name_as_producer() -> None:
    name, reader = READERS["text"]
    [document] = reader("memo", io.BytesIO(b"The vote is on Friday."))
    assert isinstance(document, RawDocument)
    assert document.producer == name == "communique.text.v1"


def test_read_bytes_unknown_kind_lists_valid_kinds() -> None:
    with pytest.raises(ConfigError) as caught:
        read_bytes("x", b"data", kind="pdf")
    assert str(caught.value) == (
        "No input kind 'pdf'. Available kinds: feed, html, jsonl, text, warc."
    )
