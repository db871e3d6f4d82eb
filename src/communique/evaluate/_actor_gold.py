"""Gold sets for the actor evaluation: the seed reference, PLOVER GSR and ConfliBERT spans.

Each loader turns one file format into the same few records, so the scoring
never looks at the file layout:

* ``seed``: ``expected.json`` (its ``actors``: name, role, code) and the article
  it names in ``document``, read from the same folder;
* ``plover``: JSON Lines with ``text``, ``date`` and ``actors`` / ``recipients``
  lists of ``{text, code, sector}`` (CAMEO country code, sector or ``null``);
* ``conflibert``: JSON Lines with ``text``, ``tokens`` and ``actors`` lists of
  ``{role, tok_start, tok_end}`` (end exclusive); rows without ``tokens`` carry
  no actor spans and are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from communique.errors import InputError

GoldFormat = Literal["seed", "plover", "conflibert"]
GOLD_FORMATS: tuple[GoldFormat, ...] = ("seed", "plover", "conflibert")
F = TypeVar("F", bound=str)

# How far past the cursor a token may start when the text has a character the
# tokens dropped (an opening quote mark).
_TOKEN_SLACK = 3


@dataclass(frozen=True, slots=True)
class GoldActor:
    """One gold actor of a sentence.

    Attributes:
        text: The actor's words as the gold set gives them.
        role: ``source``, ``target`` or ``reciprocal``.
        code: CAMEO country code (``RUS``, ``IGO``), when the gold set has one.
        sector: CAMEO sector (``GOV``, ``MIL``), when the gold set has one.
        start: Character offset in the sentence, when the gold set gives a span.
        end: End offset (exclusive), with ``start``.
    """

    text: str
    role: str
    code: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """A sentence (or article) with its gold actors; ``aligned`` is False when the
    gold tokens could not be matched to the text character for character."""

    id: str
    origin: str
    text: str
    actors: tuple[GoldActor, ...]
    published: str | None = None
    aligned: bool = True


@dataclass(frozen=True, slots=True)
class SeedActor:
    """One actor of the seed reference: full name, role (title) and CAMEO actor code."""

    name: str
    role: str
    code: str


@dataclass(frozen=True, slots=True)
class SeedGold:
    """The seed article and its hand-coded actors."""

    document: GoldSentence
    actors: tuple[SeedActor, ...]


def resolve_format(gold_path: Path, name: str | None = None) -> GoldFormat:
    """Return the gold format named, or the one the file name implies.

    ``expected.json`` is ``seed``; a name containing ``plover`` or ``conflibert``
    is that format.

    Raises:
        InputError: ``name`` is not a format, or none is given and the file name implies none.
    """
    hints: tuple[tuple[str, GoldFormat], ...] = (("plover", "plover"), ("conflibert", "conflibert"))
    return pick_format(gold_path, name, GOLD_FORMATS, hints)


def pick_format(
    gold_path: Path, name: str | None, formats: Sequence[F], hints: Sequence[tuple[str, F]]
) -> F:
    """The format named (one of ``formats``), else the one a hint in the file name implies.

    ``expected.json`` is always ``seed``. Shared by every harness's ``--format`` option.

    Raises:
        InputError: ``name`` is not a format, or none is given and the file name implies none.
    """
    choices = ", ".join(formats)
    for fmt in formats:
        if name == fmt:
            return fmt
    if name is not None:
        raise InputError("bad-format", f"unknown gold format {name!r}; choose one of: {choices}")
    file_name = gold_path.name.lower()
    if file_name == "expected.json":
        for fmt in formats:
            if fmt == "seed":
                return fmt
    for hint, hinted in hints:
        if hint in file_name:
            return hinted
    raise InputError(
        "bad-format",
        f"{gold_path}: cannot tell the gold format from the name; pass --format "
        f"(one of: {choices})",
    )


def read_seed(path: Path, key: str) -> tuple[dict[str, Any], Path]:
    """Read ``expected.json``, check it has a ``key`` list, and find its article file.

    Raises:
        InputError: Either file is missing or ``expected.json`` lacks ``document`` or ``key``.
    """
    record = _json(_read(path), str(path))
    if not isinstance(record, dict) or not isinstance(record.get(key), list):
        raise InputError("not-gold", f"{path}: expected a JSON object with a list under {key!r}")
    document_path = path.parent / str(record.get("document") or "")
    if not document_path.is_file():
        raise InputError(
            "not-found", f"{path}: its 'document' field names {document_path}, which is missing"
        )
    return record, document_path


def load_seed(path: Path) -> SeedGold:
    """Read ``expected.json`` and the article file its ``document`` field names.

    Raises:
        InputError: Either file is missing or ``expected.json`` lacks ``document`` or ``actors``.
    """
    record, document_path = read_seed(path, "actors")
    text = _read(document_path)
    article = record.get("article") or {}
    actors = tuple(
        SeedActor(str(item["name"]), str(item.get("role") or ""), str(item.get("code") or ""))
        for item in record["actors"]
    )
    published = article.get("published") if isinstance(article, dict) else None
    document = GoldSentence(document_path.stem, str(document_path), text, (), published)
    return SeedGold(document, actors)


def load_sentences(path: Path, fmt: GoldFormat) -> Iterator[GoldSentence]:
    """Yield the sentences of a PLOVER or ConfliBERT gold file, with or without actors.

    Raises:
        InputError: The file is missing or a line is not a gold sentence of ``fmt``.
    """
    for number, line in enumerate(_read(path).splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        record = _json(line, origin)
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError("not-gold", f"{origin}: expected a JSON object with a 'text' string")
        yield _plover(record, origin) if fmt == "plover" else _conflibert(record, origin)


def align_tokens(text: str, tokens: Sequence[str]) -> tuple[tuple[tuple[int, int], ...], bool]:
    """Return the character span of each token in ``text``, and whether all matched exactly.

    Tokens are matched left to right, skipping whitespace. A token that is not
    at the cursor is looked for a few characters on (a quote mark the tokens
    dropped); failing that it is taken to cover its own length at the cursor
    (a character the tokenizer replaced, ``ʼ`` for ``'``), clipped to the text.
    """
    spans: list[tuple[int, int]] = []
    cursor, exact = 0, True
    for token in tokens:
        while cursor < len(text) and text[cursor].isspace():
            cursor += 1
        start = cursor
        if not text.startswith(token, cursor):
            exact = False
            found = text.find(token, cursor, cursor + len(token) + _TOKEN_SLACK)
            start = found if found >= 0 else min(cursor, len(text))
        end = min(start + len(token), len(text))
        spans.append((start, end))
        cursor = end
    return tuple(spans), exact


def _plover(record: dict[str, Any], origin: str) -> GoldSentence:
    actors = [
        GoldActor(str(item.get("text") or ""), role, item.get("code"), item.get("sector"))
        for key, role in (("actors", "source"), ("recipients", "target"))
        for item in record.get(key) or []
    ]
    return GoldSentence(
        str(record.get("id") or origin),
        origin,
        record["text"],
        tuple(actor for actor in actors if actor.text),
        record.get("date") or None,
    )


def _conflibert(record: dict[str, Any], origin: str) -> GoldSentence:
    identifier, text = str(record.get("id") or origin), record["text"]
    tokens = record.get("tokens")
    if not isinstance(tokens, list):
        return GoldSentence(identifier, origin, text, ())
    spans, exact = align_tokens(text, [str(token) for token in tokens])
    actors = []
    for item in record.get("actors") or []:
        first, last = int(item["tok_start"]), int(item["tok_end"]) - 1
        if not 0 <= first <= last < len(spans):
            raise InputError("not-gold", f"{origin}: actor tokens {first}..{last} out of range")
        start, end = spans[first][0], spans[last][1]
        actors.append(
            GoldActor(text[start:end], str(item.get("role") or ""), None, None, start, end)
        )
    return GoldSentence(identifier, origin, text, tuple(actors), aligned=exact)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError("unreadable", f"expected a gold file at {path}: {exc}") from exc


def _json(text: str, origin: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("not-json", f"{origin}: expected JSON: {exc}") from exc
