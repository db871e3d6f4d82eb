"""Gold sets for the quote evaluation: PolNeAR attribution relations and the seed's quotes.

* ``polnear``: JSON Lines, one article per line (``doc_id``, ``text``, ``date``, ``quotes``);
  each quote has a ``kind`` (direct / indirect / mixed, from the quotation marks), character
  spans for its ``source`` (the speaker), ``cue`` and ``content``, ``speaker_is_pronoun``,
  and for some pronouns ``speaker_coref_auto`` (a name from automatic coreference).
* ``seed``: ``expected.json``'s ``quotes`` (speaker name, kind, the words the quote starts
  with, ``required``) and ``actors`` (the speakers' codes), and the article it names.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from communique.errors import InputError
from communique.evaluate._actor_gold import pick_format, read_seed

QuoteFormat = Literal["polnear", "seed"]
QUOTE_FORMATS: tuple[QuoteFormat, ...] = ("polnear", "seed")
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One PolNeAR attribution relation, spans in the gold text.

    Attributes:
        id: Its id in the article (``E4``).
        kind: ``direct``, ``indirect``, ``mixed`` or ``""`` when the file gives none.
        source: The speaker's spans (empty when the source is not in the text).
        cue: The cue's spans.
        content: The content's spans (a split quote has several).
        cue_text: The cue as written (``said``, ``according to``, ``:``).
        pronoun: The speaker is a pronoun.
        resolved: The name automatic coreference gave a pronoun speaker, when the file has one.
    """

    id: str
    kind: str
    source: Spans
    cue: Spans
    content: Spans
    cue_text: str = ""
    pronoun: bool = False
    resolved: str | None = None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """An article and its gold attributions."""

    id: str
    origin: str
    text: str
    published: str | None
    attributions: tuple[GoldAttribution, ...]


@dataclass(frozen=True, slots=True)
class SeedQuote:
    """One quote of the seed reference: who said it, its kind and how it starts."""

    speaker: str
    kind: str
    starts_with: str
    required: bool
    code: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class SeedQuotes:
    """The seed article and its hand-coded quotes."""

    article: GoldArticle
    quotes: tuple[SeedQuote, ...]


def resolve_quote_format(gold_path: Path, name: str | None = None) -> QuoteFormat:
    """Return the gold format named, or the one the file name implies.

    Raises:
        InputError: ``name`` is not a format, or none is given and the file name implies none.
    """
    hints: tuple[tuple[str, QuoteFormat], ...] = (("polnear", "polnear"),)
    return pick_format(gold_path, name, QUOTE_FORMATS, hints)


def load_polnear(path: Path) -> Iterator[GoldArticle]:
    """Yield the articles of a PolNeAR JSON Lines file with their attributions.

    Raises:
        InputError: The file is missing or a line is not a PolNeAR article.
    """
    for number, line in enumerate(_read(path).splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        record = _json(line, origin)
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError("not-gold", f"{origin}: expected a JSON object with a 'text' string")
        attributions = tuple(_attribution(item) for item in record.get("quotes") or [])
        yield GoldArticle(
            str(record.get("doc_id") or origin),
            origin,
            record["text"],
            record.get("date") or None,
            attributions,
        )


def load_seed_quotes(path: Path) -> SeedQuotes:
    """Read ``expected.json``'s quotes and the article its ``document`` field names.

    Raises:
        InputError: Either file is missing or ``expected.json`` lacks ``document`` or ``quotes``.
    """
    record, document = read_seed(path, "quotes")
    actors = {
        str(item.get("name")): item for item in record.get("actors") or [] if isinstance(item, dict)
    }
    quotes = []
    for item in record["quotes"]:
        actor = actors.get(str(item.get("speaker")), {})
        quotes.append(
            SeedQuote(
                str(item.get("speaker") or ""),
                str(item.get("kind") or ""),
                str(item.get("starts_with") or ""),
                bool(item.get("required", True)),
                actor.get("code"),
                actor.get("role"),
            )
        )
    article = record.get("article") or {}
    published = article.get("published") if isinstance(article, dict) else None
    gold = GoldArticle(document.stem, str(document), _read(document), published, ())
    return SeedQuotes(gold, tuple(quotes))


def _attribution(item: dict[str, Any]) -> GoldAttribution:
    spans = item.get("spans") or {}
    return GoldAttribution(
        id=str(item.get("id") or ""),
        kind=str(item.get("kind") or ""),
        source=_spans(spans.get("source")),
        cue=_spans(spans.get("cue")),
        content=_spans(spans.get("content")),
        cue_text=str(item.get("cue") or ""),
        pronoun=bool(item.get("speaker_is_pronoun")),
        resolved=item.get("speaker_coref_auto") or None,
    )


def _spans(items: Any) -> Spans:
    return tuple((int(item["start"]), int(item["end"])) for item in items or [])


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
