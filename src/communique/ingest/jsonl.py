"""The JSON Lines reader: one JSON object per line, each an article with its metadata.

Fields: ``id``, ``html`` or ``text`` (``html`` wins when both are given, since it still
holds the metadata extraction needs), and optional ``title``, ``published`` or ``date``,
``url`` and ``source``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from communique.errors import InputError
from communique.ingest._dates import normalise_date
from communique.ingest._documents import DEFAULT_MAX_BYTES, document_id, reject, too_large
from communique.ingest.decoding import HEAD_BYTES, check_not_binary, decode_bytes
from communique.records import MediaType, RawDocument, Rejection

NAME = "communique.jsonl.v1"

_BODY_FIELDS: tuple[tuple[str, MediaType], ...] = (("html", "html"), ("text", "text"))
_SKIP_CHUNK = 1 << 20
_JSON_TYPES: dict[type, str] = {
    list: "array",
    str: "string",
    int: "number",
    float: "number",
    bool: "boolean",
    type(None): "null",
}


def read_jsonl(
    origin: str, stream: BinaryIO, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | Rejection]:
    """Read a JSON Lines file, one document per non-blank line.

    The file is streamed, so ``max_bytes`` limits each line, not the file. A bad line
    becomes a Rejection with origin ``path:LINE`` (1-based) and the other lines still land.

    Args:
        origin: The path of the file, for messages.
        stream: The file's bytes, positioned at the start and seekable.
        max_bytes: The longest line accepted.

    Yields:
        A RawDocument per good line; a Rejection per bad line (``not-json``,
        ``missing-field``, ``encoding``, ``too-large``), or one for the whole file
        (``binary``, ``empty``).
    """
    try:
        check_not_binary(stream.read(HEAD_BYTES))
    except InputError as error:
        yield reject(origin, error)
        return
    stream.seek(0)
    found = False
    for number, line in enumerate(_lines(stream, max_bytes), start=1):
        where = f"{origin}:{number}"
        if isinstance(line, int):
            found = True
            yield reject(where, too_large(line, max_bytes))
        elif line.strip():
            found = True
            yield _read_line(where, line)
    if not found:
        yield reject(origin, InputError("empty", "expected JSON lines, found no non-blank line"))


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | int]:
    """Yield each line without its line ending, or the size of a line over ``max_bytes``."""
    while line := stream.readline(max_bytes + 2):
        body = line.rstrip(b"\r\n")
        if len(body) <= max_bytes:
            yield body
            continue
        size = len(body)
        while not line.endswith(b"\n") and (line := stream.readline(_SKIP_CHUNK)):
            size += len(line.rstrip(b"\r\n"))  # skip the rest of the long line unread
        yield size


def _read_line(origin: str, line: bytes) -> RawDocument | Rejection:
    try:
        text, encoding = decode_bytes(line)
        value = _parse_object(text)
    except InputError as error:
        return reject(origin, error)
    doc_id = _record_id(value, line)
    body = next(
        ((value[key], kind) for key, kind in _BODY_FIELDS if _string(value, key).strip()), None
    )
    if body is None:
        keys = ", ".join(sorted(value)) or "none"
        detail = f"expected a non-empty 'text' or 'html' string field, found keys: {keys}"
        return reject(origin, InputError("missing-field", detail), doc_id)
    return RawDocument(
        id=doc_id,
        origin=origin,
        data=line,
        text=body[0],
        media_type=body[1],
        encoding=encoding,
        url=_string(value, "url") or None,
        title=_string(value, "title") or None,
        published=normalise_date(_string(value, "published") or _string(value, "date") or None),
        source=_string(value, "source") or None,
        producer=NAME,
    )


def _parse_object(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        detail = (
            f"expected one JSON object per line, found invalid JSON: {error.msg} "
            f"(column {error.colno})"
        )
        raise InputError("not-json", detail) from error
    if not isinstance(value, dict):
        found = _JSON_TYPES.get(type(value), "value")
        detail = f"expected a JSON object with a 'text' or 'html' field, found a JSON {found}"
        raise InputError("missing-field", detail)
    return value


def _record_id(value: dict[str, Any], line: bytes) -> str:
    given = value.get("id")
    if isinstance(given, str | int) and not isinstance(given, bool) and str(given):
        return str(given)
    return document_id(line)


def _string(value: dict[str, Any], key: str) -> str:
    found = value.get(key)
    return found if isinstance(found, str) else ""
