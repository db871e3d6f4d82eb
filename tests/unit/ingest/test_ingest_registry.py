"""Registration of the built-in readers and the kind mapping used by read_bytes."""

from __future__ import annotations

import io

import pytest

from communique import registry
from communique.errors import ConfigError
from communique.ingest import read_bytes, register_builtins
from communique.records import RawDocument

NAMES = [
    "communique.feed.v1",
    "communique.html.v1",
    "communique.jsonl.v1",
    "communique.text.v1",
    "communique.warc.v1",
]


def test_register_builtins_registers_versioned_reader_names() -> None:
    register_builtins()
    assert [name for name in registry.readers.names() if name.startswith("communique.")] == NAMES


def test_register_builtins_twice_is_harmless() -> None:
    register_builtins()
    register_builtins()
    assert set(NAMES) <= set(registry.readers.names())


def test_registered_text_reader_reads_a_stream() -> None:
    register_builtins()
    reader = registry.readers.get("communique.text.v1")
    [document] = reader("memo", io.BytesIO(b"The vote is on Friday."))
    assert isinstance(document, RawDocument)
    assert document.producer == "communique.text.v1"


def test_read_bytes_unknown_kind_lists_valid_kinds() -> None:
    with pytest.raises(ConfigError) as caught:
        read_bytes("x", b"data", kind="pdf")
    assert str(caught.value) == (
        "No input kind 'pdf'. Available kinds: feed, html, jsonl, text, warc."
    )
