"""Encoding detection: the bytes of a page, text file or JSONL line → text and its codec.

The order of trust is: a Unicode byte-order mark, valid UTF-8, a charset the container
declares (HTTP header, ``<meta charset>``) when it decodes cleanly, then charset-normalizer.
Unlabelled legacy bytes in a Latin script are read as Windows-1252, as browsers do,
because charset-normalizer ranks cp1250 (or a DOS code page) first for most short Western
texts; another Latin encoding wins only with a clear lead in language coherence.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import CharsetMatch, from_bytes

from communique.errors import InputError

HEAD_BYTES = 8192
META_BYTES = 2048

# Text has almost no C0 control characters; a tenth of them means the bytes are not text.
_CONTROL_RATIO = 0.1
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1b") + b"\x7f"
_MAGIC_NAMES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive",
    b"\x1f\x8b": "gzip-compressed data",
}
# UTF-32 LE before UTF-16 LE: their marks share a prefix.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# WHATWG: pages labelled Latin-1 or ASCII are decoded as Windows-1252.
_LABEL_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}
# Without a byte-order mark these are never what a news page or text file is in.
_IMPLAUSIBLE = ("utf_16", "utf_32", "cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140")
_WESTERN = "cp1252"
# Other single-byte Latin encodings still in use; DOS and Mac code pages are not, for news.
_LATIN_RIVALS = frozenset(
    {
        "cp1250",
        "cp1254",
        "cp1257",
        "iso8859_2",
        "iso8859_4",
        "iso8859_9",
        "iso8859_13",
        "iso8859_16",
    }
)
# charset-normalizer's language coherence is noisy on short texts; only a clear lead counts.
_COHERENCE_MARGIN = 0.1
_LATIN_END = "\u0250"  # Latin letters end with Latin Extended-B


def check_not_empty(data: bytes) -> None:
    """Reject bytes that hold nothing but whitespace.

    Raises:
        InputError: ``empty``.
    """
    if not data:
        raise InputError("empty", "expected a document, found an empty file (0 bytes)")
    if not data.strip():
        raise InputError("empty", f"expected a document, found only whitespace ({len(data)} bytes)")


def check_not_binary(data: bytes) -> None:
    """Reject bytes whose first 8 KB look binary: a known file signature, NULs, controls.

    Raises:
        InputError: ``binary``.
    """
    if _byte_order_mark(data) is not None:
        return  # UTF-16 and UTF-32 text is full of NUL bytes
    head = data[:HEAD_BYTES]
    found = next((name for magic, name in _MAGIC_NAMES.items() if head.startswith(magic)), None)
    nul = head.find(b"\x00")
    if found is None and nul >= 0:
        found = f"a NUL byte at offset {nul}"
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if found is None and controls > _CONTROL_RATIO * len(head):
        found = f"{controls / len(head):.0%} control characters in the first {len(head):,} bytes"
    if found is not None:
        raise InputError("binary", f"expected text or markup, found binary data ({found})")


def check_text_bytes(data: bytes) -> None:
    """Reject bytes that are empty or binary, before trying to decode them.

    Raises:
        InputError: ``empty`` or ``binary``.
    """
    check_not_empty(data)
    check_not_binary(data)


def decode_bytes(
    data: bytes, *, declared: str | None = None, markup: bool = False
) -> tuple[str, str]:
    """Decode ``data`` to text, choosing the encoding as the module docstring says.

    Args:
        data: The bytes of one document.
        declared: A charset named by the container (an HTTP ``Content-Type``), if any.
        markup: True for HTML, whose ``<meta>`` charset in the first 2 KB is honoured.

    Returns:
        The text (without a byte-order mark) and the Python name of the codec used.

    Raises:
        InputError: ``encoding`` when the bytes decode in no plausible encoding.
    """
    bom = _byte_order_mark(data)
    if bom is not None:
        decoded = _decode_as(data, bom)
        if decoded is not None:
            return decoded[0], "utf-8" if bom == "utf-8-sig" else bom
    labels = [declared, _meta_charset(data) if markup else None]
    for label in ["utf-8", *labels]:
        codec = _codec_for_label(label)
        decoded = _decode_as(data, codec) if codec is not None else None
        if decoded is not None:
            return decoded
    return _detect(data)


def _byte_order_mark(data: bytes) -> str | None:
    return next((codec for bom, codec in _BYTE_ORDER_MARKS if data.startswith(bom)), None)


def _meta_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:META_BYTES])
    return found.group(1).decode("ascii") if found else None


def _codec_for_label(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return None  # an ASCII-compatible page that claims UTF-16 is mislabelled (WHATWG)
    return _LABEL_ALIASES.get(name, name)


def _decode_as(data: bytes, codec: str) -> tuple[str, str] | None:
    try:
        return data.decode(codec), codecs.lookup(codec).name
    except UnicodeDecodeError:
        return None


def _detect(data: bytes) -> tuple[str, str]:
    candidates = [m for m in from_bytes(data) if not m.encoding.startswith(_IMPLAUSIBLE)]
    if not candidates:
        raise InputError(
            "encoding",
            "expected UTF-8 or a recognisable legacy encoding (such as Windows-1252), found "
            "bytes that decode in none; convert the file to UTF-8",
        )
    best = candidates[0]
    western = _decode_as(data, _WESTERN)
    if western is None or not _mostly_latin(str(best)):
        return str(best), codecs.lookup(best.encoding).name
    rival = _latin_rival(candidates)
    if rival is not None:
        return str(rival), codecs.lookup(rival.encoding).name
    return western


def _mostly_latin(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    latin = sum(1 for char in letters if char < _LATIN_END or "\u1e00" <= char <= "\u1eff")
    return latin * 2 >= len(letters)


def _latin_rival(candidates: list[CharsetMatch]) -> CharsetMatch | None:
    """A Central European or Baltic reading that fits a language clearly better than cp1252."""
    rival = next((m for m in candidates if m.encoding in _LATIN_RIVALS), None)
    if rival is None:
        return None
    western = next((m for m in candidates if _WESTERN in m.could_be_from_charset), None)
    baseline = western.coherence if western is not None else 0.0
    return rival if rival.coherence >= baseline + _COHERENCE_MARGIN else None
