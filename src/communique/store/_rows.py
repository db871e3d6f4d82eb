"""Records → Arrow tables, one per store table: the column layout the writer inserts."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

import pyarrow as pa

from communique.errors import StorageError
from communique.records import (
    ActorMention,
    ActorRef,
    Article,
    Event,
    Place,
    Quote,
    RawDocument,
    Rejection,
    RoleFact,
)

Row = tuple[Any, ...]


_S, _I, _BIG, _F = pa.string(), pa.int32(), pa.int64(), pa.float64()
_TS, _D = pa.timestamp("us"), pa.date32()

# Column names and Arrow types per table; inserted BY NAME, so the order is free.
COLUMNS: dict[str, tuple[tuple[str, pa.DataType], ...]] = {
    "documents": (
        ("id", _S), ("origin", _S), ("content_hash", _S), ("data", pa.binary()),
        ("media_type", _S), ("encoding", _S), ("url", _S), ("title", _S), ("published", _S),
        ("source", _S), ("producer", _S), ("ingested_at", _TS), ("run_id", _S),
    ),
    "articles": (
        ("doc_id", _S), ("title", _S), ("published", _S), ("source", _S), ("url", _S),
        ("language", _S), ("author", _S), ("site_name", _S), ("text", _S), ("producer", _S),
    ),
    "actor_mentions": (
        ("doc_id", _S), ("actor_id", _S), ("start", _I), ("end", _I), ("code", _S),
        ("name", _S), ("country", _S), ("sector", _S), ("role", _S), ("producer", _S),
    ),
    "events": (
        ("id", _S), ("doc_id", _S), ("source_code", _S), ("source_name", _S),
        ("source_actor_id", _S), ("target_code", _S), ("target_name", _S),
        ("target_actor_id", _S), ("type", _S), ("mode", _S), ("cameo", _S),
        ("quad_class", pa.int8()), ("goldstein", _F), ("modality", _S),
        ("attributed_code", _S), ("attributed_name", _S), ("attributed_actor_id", _S),
        ("date", _D), ("sentence", _I), ("start", _I), ("end", _I), ("evidence", _S),
        ("confidence", _F), ("producer", _S), ("location_name", _S),
        ("location_geonameid", _BIG), ("location_lat", _F), ("location_lon", _F),
        ("location_country", _S), ("location_admin1", _S), ("location_feature", _S),
        ("location_start", _I), ("location_end", _I), ("location_producer", _S),
    ),
    "places": (
        ("doc_id", _S), ("start", _I), ("end", _I), ("name", _S), ("geonameid", _BIG),
        ("lat", _F), ("lon", _F), ("country", _S), ("admin1", _S), ("feature", _S),
        ("producer", _S),
    ),
    "quotes": (
        ("id", _S), ("doc_id", _S), ("text", _S), ("kind", _S), ("speaker_code", _S),
        ("speaker_name", _S), ("speaker_actor_id", _S), ("cue", _S), ("start", _I),
        ("end", _I), ("producer", _S),
    ),
    "rejections": (
        ("origin", _S), ("stage", _S), ("reason", _S), ("detail", _S), ("doc_id", _S),
        ("run_id", _S), ("at", _TS),
    ),
    "role_facts": (
        ("name", _S), ("role", _S), ("code", _S), ("country", _S), ("sector", _S),
        ("first_seen", _D), ("last_seen", _D),
    ),
    "article_signatures": (("doc_id", _S), ("signature", pa.binary())),
    "duplicates": (("doc_id", _S), ("duplicate_of", _S), ("similarity", _F)),
}  # fmt: skip


def arrow_table(table: str, rows: Sequence[Row]) -> pa.Table:
    """Build the Arrow table of ``rows`` (tuples in :data:`COLUMNS` order) for ``table``."""
    columns = COLUMNS[table]
    values: Iterable[Sequence[Any]] = zip(*rows, strict=True) if rows else ([] for _ in columns)
    arrays = [
        pa.array(column, type=kind) for (_, kind), column in zip(columns, values, strict=True)
    ]
    return pa.Table.from_arrays(arrays, names=[name for name, _ in columns])


def document_row(raw: RawDocument, run_id: str | None, now: datetime) -> Row:
    """The ``documents`` row: every RawDocument field but ``text`` (``data`` decodes to it)."""
    content_hash = hashlib.sha256(raw.data).hexdigest()
    return (
        raw.id, raw.origin, content_hash, raw.data, raw.media_type, raw.encoding, raw.url,
        raw.title, raw.published, raw.source, raw.producer, now, run_id,
    )  # fmt: skip


def article_row(article: Article) -> Row:
    """The ``articles`` row."""
    return (
        article.doc_id, article.title, article.published, article.source, article.url,
        article.language, article.author, article.site_name, article.text, article.producer,
    )  # fmt: skip


def mention_row(mention: ActorMention) -> Row:
    """The ``actor_mentions`` row."""
    return (
        mention.doc_id, mention.actor_id, mention.start, mention.end, mention.code,
        mention.name, mention.country, mention.sector, mention.role, mention.producer,
    )  # fmt: skip


def event_row(event: Event) -> Row:
    """The ``events`` row: actor references flattened to code, name and actor id, the
    location to ``location_*`` columns (all NULL when the event has none)."""
    return (
        event.id, event.doc_id, *_ref(event.source), *_ref(event.target), event.type,
        event.mode, event.cameo, event.quad_class, event.goldstein, event.modality,
        *_ref(event.attributed_to), _date(event.date, event.id), event.sentence, event.start,
        event.end, event.evidence, event.confidence, event.producer, *_location(event.location),
    )  # fmt: skip


def place_row(place: Place) -> Row:
    """The ``places`` row."""
    return (
        place.doc_id, place.start, place.end, place.name, place.geonameid, place.lat, place.lon,
        place.country, place.admin1, place.feature, place.producer,
    )  # fmt: skip


def _location(place: Place | None) -> Row:
    """An event's ``location_*`` values, in :data:`COLUMNS` order."""
    if place is None:
        return (None,) * 10
    return (
        place.name, place.geonameid, place.lat, place.lon, place.country, place.admin1,
        place.feature, place.start, place.end, place.producer,
    )  # fmt: skip


def _speaker(quote: Quote) -> tuple[str | None, str | None, str | None]:
    """The speaker's code, name and actor id; an uncoded speaker keeps its name."""
    code, name, actor_id = _ref(quote.speaker)
    return code, name or quote.speaker_name, actor_id


def quote_row(quote: Quote) -> Row:
    """The ``quotes`` row: the speaker flattened to code, name and actor id."""
    return (
        quote.id, quote.doc_id, quote.text, quote.kind, *_speaker(quote), quote.cue,
        quote.start, quote.end, quote.producer,
    )  # fmt: skip


def rejection_row(rejection: Rejection, run_id: str | None, now: datetime) -> Row:
    """The ``rejections`` row."""
    return (
        rejection.origin, rejection.stage, rejection.reason, rejection.detail,
        rejection.doc_id, run_id, now,
    )  # fmt: skip


def role_fact_row(fact: RoleFact) -> Row:
    """The ``role_facts`` row."""
    return (
        fact.name, fact.role, fact.code, fact.country, fact.sector, fact.first_seen,
        fact.last_seen,
    )  # fmt: skip


def _ref(ref: ActorRef | None) -> tuple[str | None, str | None, str | None]:
    return (None, None, None) if ref is None else (ref.code, ref.name, ref.actor_id)


def _date(value: str | None, event_id: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError as error:
        raise StorageError(
            f"Event {event_id} has date {value!r}; expected an ISO date (YYYY-MM-DD) or None. "
            "This is a bug in the event coder: please report it with the document."
        ) from error
