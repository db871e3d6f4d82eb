"""Gold sets for event evaluation: the seed reference, PLOVER GSR, ConfliBERT, CAMEO examples.

Each loader turns one file format into the same few records, so the scoring
never looks at the file layout. The sentence text, date and actor spans come
from the actor harness's loaders (:func:`load_seed`, :func:`load_sentences`);
this module adds the event fields:

* ``seed``: the ``events`` of ``expected.json`` (dyad, accepted PLOVER types and
  CAMEO roots, modality, attribution);
* ``plover``: ``event_type_plover2``, the modes (``mode`` list and
  ``mode_plover2_implied``) and the actors' and recipients' country codes;
* ``conflibert``: ``penta_class`` (``None`` on rows without one, which the
  report skips) and the source / target / reciprocal spans;
* ``cameo-examples``: each ``cameo_codes.csv`` row with an ``example``: its
  ``code``, ``root_code`` and PLOVER crosswalk type (``dropped`` means none).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from communique.errors import InputError
from communique.evaluate._actor_gold import (
    GoldSentence,
    load_seed,
    load_sentences,
    pick_format,
    read_seed,
)
from communique.evaluate._actor_scoring import gold_country

EventFormat = Literal["seed", "plover", "conflibert", "cameo-examples"]
EVENT_FORMATS: tuple[EventFormat, ...] = ("seed", "plover", "conflibert", "cameo-examples")
# The crosswalk's word for a CAMEO code with no PLOVER type (statements, appeals).
DROPPED = "dropped"
# File-name fragments that imply a format, tried in order ("conflibert_cameo" before "cameo_codes").
_NAME_HINTS: tuple[tuple[str, EventFormat], ...] = (
    ("plover", "plover"),
    ("conflibert", "conflibert"),
    ("cameo_codes", "cameo-examples"),
)


@dataclass(frozen=True, slots=True)
class ExpectedEvent:
    """One hand-coded event of the seed reference.

    Attributes:
        id: Its name in ``expected.json``.
        required: Part of the core a coder must find (recall is computed on these).
        source: CAMEO actor code of the source (``RUSGOV``, ``IGOWSTNAT``).
        target: CAMEO actor code of the target.
        symmetric: The direction does not matter (meetings, cooperation).
        types: The PLOVER types that count as right.
        cameo_roots: The CAMEO root codes that count as right.
        modality: ``asserted``, ``possible``, ``intended`` …
        mode: The PLOVER mode, when given.
        cameo: The preferred full CAMEO code, when given.
        attributed_to: Actor code of whoever the claim is attributed to, when given.
        evidence: The words of the article the event is coded from.
        one_sided: The event has no target (``target`` is ``""``): a public act of the
            source alone, matched by a coded event with that source and no target.
    """

    id: str
    required: bool
    source: str
    target: str
    symmetric: bool = False
    types: tuple[str, ...] = ()
    cameo_roots: tuple[str, ...] = ()
    modality: str = "asserted"
    mode: str | None = None
    cameo: str | None = None
    attributed_to: str | None = None
    evidence: str = ""
    one_sided: bool = False


@dataclass(frozen=True, slots=True)
class SeedEvents:
    """The seed article and its hand-coded events."""

    document: GoldSentence
    events: tuple[ExpectedEvent, ...]


@dataclass(frozen=True, slots=True)
class GoldEventSentence:
    """One gold sentence of a sentence-level set, with the event fields its format has.

    Attributes:
        sentence: Text, id, origin, date and (ConfliBERT) actor spans.
        type: The gold PLOVER type (``plover``; ``cameo-examples`` when the code has one).
        modes: Gold PLOVER modes (``plover``); empty when none is given.
        sources: Gold source country codes (``plover``).
        targets: Gold target country codes (``plover``); empty when there is no recipient.
        penta: The ConfliBERT 5-way class, 0 (statement) to 4 (material conflict).
        cameo: The gold full CAMEO code (``cameo-examples``).
        root: The gold CAMEO root code (``cameo-examples``).
    """

    sentence: GoldSentence
    type: str | None = None
    modes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    penta: int | None = None
    cameo: str | None = None
    root: str | None = None


def resolve_event_format(gold_path: Path, name: str | None = None) -> EventFormat:
    """Return the event gold format named, or the one the file name implies.

    ``expected.json`` is ``seed``; a name containing ``plover`` or ``conflibert``
    is that format; one containing ``cameo_codes`` is ``cameo-examples``.

    Raises:
        InputError: ``name`` is not a format, or none is given and the file name implies none.
    """
    return pick_format(gold_path, name, EVENT_FORMATS, _NAME_HINTS)


def load_seed_events(path: Path) -> SeedEvents:
    """Read the seed article and the ``events`` of ``expected.json``.

    Raises:
        InputError: A file is missing, or ``expected.json`` lacks ``events`` or an
            event lacks ``id``, ``source`` or ``target``.
    """
    document = load_seed(path).document
    record, _ = read_seed(path, "events")
    items = record["events"]
    return SeedEvents(
        document, tuple(expected_event(item, f"{path}#{n}") for n, item in enumerate(items))
    )


def load_event_sentences(path: Path, fmt: EventFormat) -> Iterator[GoldEventSentence]:
    """Yield the gold sentences of a PLOVER, ConfliBERT or CAMEO-codes file.

    CAMEO rows without an ``example`` are left out; ConfliBERT rows without a
    ``penta_class`` are yielded with ``penta`` None.

    Raises:
        InputError: The file is missing or a line or row is not gold of ``fmt``.
    """
    if fmt == "cameo-examples":
        yield from _cameo_examples(path)
        return
    if fmt not in ("plover", "conflibert"):
        raise InputError("bad-format", f"{fmt!r} is not a sentence-level gold format")
    # load_sentences yields one sentence per non-blank line, in order, like _records
    for sentence, record in zip(load_sentences(path, fmt), _records(path), strict=True):
        yield _plover(sentence, record) if fmt == "plover" else _conflibert(sentence, record)


def expected_event(item: Any, origin: str) -> ExpectedEvent:
    """One hand-coded event of an article (the seed's ``expected.json`` or the article dev
    set): ``id``, ``source`` and ``target`` are required, except that a ``one_sided`` event
    has no target.

    Raises:
        InputError: A required field is missing.
    """
    one_sided = isinstance(item, dict) and bool(item.get("one_sided"))
    needed = ("id", "source") if one_sided else ("id", "source", "target")
    if not isinstance(item, dict) or not all(item.get(key) for key in needed):
        raise InputError(
            "not-gold", f"{origin}: expected an event with id, source and target (or one_sided)"
        )
    return ExpectedEvent(
        id=str(item["id"]),
        required=bool(item.get("required")),
        source=str(item["source"]).upper(),
        target="" if one_sided else str(item["target"]).upper(),
        one_sided=one_sided,
        symmetric=bool(item.get("symmetric")),
        types=tuple(str(t).upper() for t in item.get("types") or ()),
        cameo_roots=tuple(str(r) for r in item.get("cameo_roots") or ()),
        modality=str(item.get("modality") or "asserted"),
        mode=item.get("mode") or None,
        cameo=item.get("cameo") or None,
        attributed_to=str(item["attributed_to"]).upper() if item.get("attributed_to") else None,
        evidence=str(item.get("evidence") or ""),
    )


def _plover(sentence: GoldSentence, record: dict[str, Any]) -> GoldEventSentence:
    modes = [str(mode) for mode in record.get("mode") or ()]
    if record.get("mode_plover2_implied"):
        modes.append(str(record["mode_plover2_implied"]))
    return GoldEventSentence(
        sentence,
        type=str(record.get("event_type_plover2") or record.get("event_type") or "") or None,
        modes=tuple(dict.fromkeys(modes)),
        sources=_codes(record.get("actors")),
        targets=_codes(record.get("recipients")),
    )


def _conflibert(sentence: GoldSentence, record: dict[str, Any]) -> GoldEventSentence:
    penta = record.get("penta_class")
    if penta is None:
        return GoldEventSentence(sentence)
    if penta not in range(5):
        raise InputError("not-gold", f"{sentence.origin}: penta_class {penta!r} is not 0 to 4")
    return GoldEventSentence(sentence, penta=int(penta))


def _cameo_examples(path: Path) -> Iterator[GoldEventSentence]:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError("unreadable", f"expected a CAMEO codes CSV at {path}: {exc}") from exc
    with handle:
        reader = csv.DictReader(handle)
        if not {"code", "root_code", "example"} <= set(reader.fieldnames or ()):
            raise InputError("not-gold", f"{path}: expected columns code, root_code and example")
        for number, row in enumerate(reader, start=2):
            example = (row.get("example") or "").strip()
            if not example:
                continue
            origin = f"{path}:{number}"
            plover = (row.get("plover_event") or "").strip()
            yield GoldEventSentence(
                GoldSentence(f"cameo-{row['code']}", origin, example, ()),
                type=plover.upper() if plover and plover != DROPPED else None,
                cameo=row["code"].strip(),
                root=row["root_code"].strip(),
            )


def _codes(actors: Any) -> tuple[str, ...]:
    """The gold actors' codes, an older country code read as ISO writes it ("ITL" → ITA)."""
    codes = (str(a.get("code") or "").upper() for a in actors or () if isinstance(a, dict))
    return tuple(dict.fromkeys(gold_country(code[:3]) + code[3:] for code in codes if code))


def _records(path: Path) -> Iterator[dict[str, Any]]:
    # load_sentences has already read and checked the file: every line is a JSON object
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)
