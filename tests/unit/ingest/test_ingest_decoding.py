"""Encoding detection and the empty / binary screens, directly and through read_inputs."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.ingest import read_inputs
from communique.ingest.decoding import check_text_bytes, decode_bytes
from communique.records import RawDocument, Rejection

CURLY = "The minister said “we will not retreat” — and the talks ‘stalled’ on Tuesday."
FRENCH = "Le ministre a déclaré à Genève que la réunion était reportée à l’été."
ACCENTED = "Le président a déclaré que la séance reprendrait à Genève."
POLISH = "Minister powiedział, że rozmowy zostaną wznowione w środę w Warszawie."
RUSSIAN = "Министр иностранных дел заявил, что переговоры возобновятся в среду."


def _noise(seed: int, low: int, size: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(low, 256) for _ in range(size))


def test_decode_bytes_utf8() -> None:
    assert decode_bytes(CURLY.encode("utf-8")) == (CURLY, "utf-8")


def test_decode_bytes_utf8_bom_is_stripped() -> None:
    assert decode_bytes(b"\xef\xbb\xbf" + FRENCH.encode("utf-8")) == (FRENCH, "utf-8")


def test_decode_bytes_utf16_bom() -> None:
    assert decode_bytes(FRENCH.encode("utf-16")) == (FRENCH, "utf-16")


def test_decode_bytes_cp1252_curly_quotes() -> None:
    text, encoding = decode_bytes(CURLY.encode("cp1252"))
    assert (text, encoding) == (CURLY, "cp1252")


def test_decode_bytes_latin1_accents() -> None:
    # Latin-1 bytes are a subset of Windows-1252 here; é and à come back unchanged.
    text, encoding = decode_bytes(ACCENTED.encode("latin-1"))
    assert text == ACCENTED
    assert encoding == "cp1252"


def test_decode_bytes_short_latin1_word() -> None:
    assert decode_bytes("Café".encode("latin-1")) == ("Café", "cp1252")


def test_decode_bytes_central_european_is_not_forced_to_cp1252() -> None:
    text, encoding = decode_bytes(POLISH.encode("cp1250"))
    assert (text, encoding) == (POLISH, "cp1250")


def test_decode_bytes_cyrillic_is_detected() -> None:
    assert decode_bytes(RUSSIAN.encode("cp1251")) == (RUSSIAN, "cp1251")


def test_decode_bytes_html_meta_charset_is_honoured() -> None:
    page = f'<html><head><meta charset="iso-8859-2"></head><body>{POLISH}</body></html>'
    text, encoding = decode_bytes(page.encode("iso-8859-2"), markup=True)
    assert encoding == "iso8859-2"
    assert POLISH in text


def test_decode_bytes_http_equiv_latin1_label_reads_as_cp1252() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    page = f"<html><head>{meta}</head><body>{CURLY}</body></html>"
    text, encoding = decode_bytes(page.encode("cp1252"), markup=True)
    assert encoding == "cp1252"
    assert CURLY in text


def test_decode_bytes_wrong_meta_charset_falls_back_to_detection() -> None:
    page = f'<html><head><meta charset="utf-8"></head><body>{FRENCH}</body></html>'
    text, encoding = decode_bytes(page.encode("cp1252"), markup=True)
    assert encoding == "cp1252"
    assert FRENCH in text


def test_decode_bytes_meta_charset_ignored_for_plain_text() -> None:
    page = f'<meta charset="iso-8859-2"> {FRENCH}'
    assert decode_bytes(page.encode("cp1252")) == (page, "cp1252")


def test_decode_bytes_declared_charset_is_honoured() -> None:
    text, encoding = decode_bytes(POLISH.encode("iso-8859-2"), declared="ISO-8859-2")
    assert (text, encoding) == (POLISH, "iso8859-2")


def test_decode_bytes_undecodable_is_encoding_error() -> None:
    noise = _noise(7, 0x80, 400)
    with pytest.raises(InputError) as caught:
        decode_bytes(noise)
    assert caught.value.reason == "encoding"
    assert "expected UTF-8 or a recognisable legacy encoding" in caught.value.detail


def test_check_text_bytes_nul_is_binary() -> None:
    with pytest.raises(InputError) as caught:
        check_text_bytes(b"abc\x00def")
    assert caught.value.reason == "binary"
    assert caught.value.detail == (
        "expected text or markup, found binary data (a NUL byte at offset 3)"
    )


def test_check_text_bytes_png_is_binary() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(64))
    with pytest.raises(InputError) as caught:
        check_text_bytes(png)
    assert caught.value.detail == "expected text or markup, found binary data (a PNG image)"


def test_check_text_bytes_control_characters_are_binary() -> None:
    with pytest.raises(InputError) as caught:
        check_text_bytes(b"ab\x01\x02\x03\x04cd" * 100)
    assert caught.value.reason == "binary"
    assert "50% control characters in the first 800 bytes" in caught.value.detail


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        (b"", "expected a document, found an empty file (0 bytes)"),
        (b" \n\t\r\n", "expected a document, found only whitespace (5 bytes)"),
    ],
)
def test_check_text_bytes_empty(data: bytes, detail: str) -> None:
    with pytest.raises(InputError) as caught:
        check_text_bytes(data)
    assert (caught.value.reason, caught.value.detail) == ("empty", detail)


def _read_one(path: Path) -> RawDocument | Rejection:
    [item] = read_inputs([str(path)])
    return item


def test_read_inputs_cp1252_text_file(tmp_path: Path) -> None:
    path = tmp_path / "quotes.txt"
    path.write_bytes(CURLY.encode("cp1252"))
    document = _read_one(path)
    assert isinstance(document, RawDocument)
    assert (document.text, document.encoding) == (CURLY, "cp1252")
    assert document.data == CURLY.encode("cp1252")


def test_read_inputs_latin1_html_file(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(f"<html><body><p>{ACCENTED}</p></body></html>".encode("latin-1"))
    document = _read_one(path)
    assert isinstance(document, RawDocument)
    assert ACCENTED in document.text
    assert document.encoding == "cp1252"


def test_read_inputs_utf8_bom_text_file(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + FRENCH.encode("utf-8"))
    document = _read_one(path)
    assert isinstance(document, RawDocument)
    assert (document.text, document.encoding) == (FRENCH, "utf-8")


def test_read_inputs_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert _read_one(path) == Rejection(
        origin=str(path),
        stage="ingest",
        reason="empty",
        detail="expected a document, found an empty file (0 bytes)",
    )


def test_read_inputs_whitespace_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_bytes(b"\n\n   \n")
    rejection = _read_one(path)
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "empty"


def test_read_inputs_png_named_html_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "photo.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(256))
    rejection = _read_one(path)
    assert isinstance(rejection, Rejection)
    assert (rejection.reason, rejection.detail) == (
        "binary",
        "expected text or markup, found binary data (a PNG image)",
    )


def test_read_inputs_random_bytes_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.bin"
    path.write_bytes(_noise(3, 0, 4096))
    rejection = _read_one(path)
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "binary"


def test_read_inputs_undecodable_text_file(tmp_path: Path) -> None:
    path = tmp_path / "garbled.txt"
    path.write_bytes(_noise(7, 0x80, 400))
    rejection = _read_one(path)
    assert isinstance(rejection, Rejection)
    assert (rejection.origin, rejection.reason) == (str(path), "encoding")
