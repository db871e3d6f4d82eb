"""Event filters → SQL WHERE clauses with parameters (never values formatted into SQL).

Filters are checked when built, so a bad value fails with the valid choices before any
query runs; the clauses name the events table ``e``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, get_args

from communique.errors import InputError
from communique.records import Modality, QuoteKind

MODALITIES: tuple[str, ...] = get_args(Modality)
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)
QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
# The mean Earth radius (IUGG), in km: great-circle distances of ``near``.
EARTH_RADIUS_KM = 6371.0088
Near = tuple[float, float, float]


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return; every field left None matches everything.

    Actors (``actor``, ``source``, ``target``, ``attributed_to``) match a CAMEO code
    prefix (``RUS`` matches ``RUSGOV`` and ``RUSMIL``) or, case-insensitively, the start
    of a word of the actor's name (``korea`` and ``north korea`` match "North Korea";
    ``usa`` does not match "Jerusalem"). ``place``, ``country`` and ``near`` select by the
    event's location (where it happened, as the geo stage resolved it); events without a
    location never match them.

    Attributes:
        actor: Source or target.
        source: The actor who acts.
        target: The actor acted on (with ``source``: a dyad).
        type: PLOVER event type (``CONSULT``, ``ASSAULT`` …), case-insensitive.
        cameo: CAMEO code or root: ``19`` matches ``190`` to ``196``.
        quad_class: 1 verbal cooperation … 4 material conflict.
        modality: ``asserted``, ``possible``, ``intended``, ``negated`` or ``conditional``.
        min_confidence: Only events the coder is at least this sure of (0 to 1).
        attributed_to: Who says so.
        since: First event date included (``date`` or ISO string).
        until: Last event date included.
        text: Part of the evidence sentence, case-insensitive.
        doc_id: Events of one document.
        limit: At most this many events (earliest first).
        symmetric: Match ``source`` and ``target`` in both directions (A → B and B → A).
        place: The start of a word of the location's name or of its first-level division
            (admin1), case-insensitive: ``kharkiv`` matches Kharkiv and places in
            "Kharkivska Oblast".
        country: The ISO 3166 alpha-3 code of the country the event happened in (``UKR``),
            case-insensitive; not the actors' countries.
        near: ``"LAT,LON,KM"`` or ``(lat, lon, km)``: located at most KM kilometres (great
            circle) from the point.

    Raises:
        InputError: A value no event can have (unknown modality, quad class 7, a date
            that is not YYYY-MM-DD …); the message lists the valid choices.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    type: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    modality: str | None = None
    min_confidence: float | None = None
    attributed_to: str | None = None
    since: date | str | None = None
    until: date | str | None = None
    text: str | None = None
    doc_id: str | None = None
    limit: int | None = None
    symmetric: bool = False
    place: str | None = None
    country: str | None = None
    near: str | Near | None = None

    def __post_init__(self) -> None:
        check_choice("modality", self.modality, MODALITIES)
        self._check_location()
        if self.quad_class is not None and self.quad_class not in QUAD_CLASSES:
            valid = ", ".join(f"{n} ({name})" for n, name in QUAD_CLASSES.items())
            raise InputError(
                "unknown-quad-class", f"quad class {self.quad_class!r} is not one of {valid}."
            )
        if self.cameo is not None and not (self.cameo.isdigit() and 2 <= len(self.cameo) <= 4):
            raise InputError(
                "unknown-code",
                f"CAMEO code {self.cameo!r} is not 2 to 4 digits; expected a root such as 19 "
                "or a code such as 042 (run `communique explain --list`).",
            )
        if self.type is not None and not self.type.strip():
            raise InputError("unknown-type", "the PLOVER type is empty; expected e.g. CONSULT.")
        since, until = as_date("since", self.since), as_date("until", self.until)
        if since is not None and until is not None and since > until:
            raise InputError("bad-date", f"since ({since}) is after until ({until}).")
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise InputError(
                "bad-confidence",
                f"min_confidence must be between 0 and 1, got {self.min_confidence}.",
            )
        if self.limit is not None and self.limit < 0:
            raise InputError("bad-limit", f"limit must be 0 or more, got {self.limit}.")

    def _check_location(self) -> None:
        if self.place is not None and not self.place.strip():
            raise InputError("bad-place", "the place is empty; expected a name, e.g. Kharkiv.")
        if self.country is not None:
            check_country(self.country)
        if self.near is not None:
            near_point(self.near)


def check_country(value: str) -> str:
    """``value`` as an upper-case ISO 3166 alpha-3 code.

    Raises:
        InputError: ``value`` is not three letters.
    """
    if not re.fullmatch(r"[A-Za-z]{3}", value.strip()):
        raise InputError(
            "bad-country",
            f"country {value!r} is not an ISO 3166 alpha-3 code; expected three letters "
            "such as UKR or PRK.",
        )
    return value.strip().upper()


def near_point(value: str | Near) -> Near:
    """``"LAT,LON,KM"`` or ``(lat, lon, km)`` → (lat, lon, km), checked.

    Raises:
        InputError: Not three numbers, a latitude outside -90..90, a longitude outside
            -180..180, or a negative distance.
    """
    expected = (
        "expected LAT,LON,KM in degrees and kilometres, e.g. 50.45,30.52,25 "
        "(latitude -90..90, longitude -180..180, km 0 or more)"
    )
    parts = value.split(",") if isinstance(value, str) else list(value)
    try:
        lat, lon, km = (float(part) for part in parts)
    except (TypeError, ValueError):
        raise InputError("bad-near", f"near {value!r} is not three numbers; {expected}.") from None
    if not all(math.isfinite(x) for x in (lat, lon, km)):
        raise InputError("bad-near", f"near {value!r} is not three finite numbers; {expected}.")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km >= 0):
        raise InputError("bad-near", f"near {value!r} is off the map; {expected}.")
    return lat, lon, km


def check_choice(what: str, value: str | None, choices: tuple[str, ...]) -> None:
    """Raise InputError unless ``value`` is None or one of ``choices`` (case-insensitive)."""
    if value is not None and value.lower() not in choices:
        raise InputError(
            f"unknown-{what.replace('_', '-')}",
            f"unknown {what.replace('_', ' ')} {value!r}; expected one of: {', '.join(choices)}.",
        )


def as_date(what: str, value: date | str | None) -> date | None:
    """``value`` as a date (a datetime loses its time).

    Raises:
        InputError: A string that is not an ISO date.
    """
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            "bad-date", f"{what} {value!r} is not a date; expected YYYY-MM-DD, e.g. 2024-06-19."
        ) from None


def event_clauses(where: EventFilter) -> tuple[list[str], list[Any]]:
    """The WHERE clauses (joined with AND) and their parameters for ``where``."""
    clauses: list[str] = []
    params: list[Any] = []

    def add(clause: str, *values: Any) -> None:
        clauses.append(clause)
        params.extend(values)

    if where.actor is not None:
        add(f"({actor_match('e.source')} OR {actor_match('e.target')})", *[where.actor] * 4)
    if where.source is not None or where.target is not None:
        add(*_dyad(where.source, where.target, where.symmetric))
    if where.attributed_to is not None:
        add(actor_match("e.attributed"), where.attributed_to, where.attributed_to)
    if where.type is not None:
        add('upper(e."type") = upper(?)', where.type.strip())
    if where.cameo is not None:
        add("starts_with(e.cameo, ?)", where.cameo)
    if where.quad_class is not None:
        add("e.quad_class = ?", where.quad_class)
    if where.modality is not None:
        add("e.modality = lower(?)", where.modality)
    if where.min_confidence is not None:
        add("e.confidence >= ?", where.min_confidence)
    if where.since is not None:
        add('e."date" >= ?', as_date("since", where.since))
    if where.until is not None:
        add('e."date" <= ?', as_date("until", where.until))
    if where.text is not None:
        add("contains(lower(e.evidence), lower(?))", where.text)
    if where.doc_id is not None:
        add("e.doc_id = ?", where.doc_id)
    if where.place is not None:
        place = where.place.strip()
        add(
            "(contains(' ' || lower(e.location_name), ' ' || lower(?))"
            " OR contains(' ' || lower(e.location_admin1), ' ' || lower(?)))",
            place,
            place,
        )
    if where.country is not None:
        add("e.location_country = upper(?)", where.country.strip())
    if where.near is not None:
        add(*_near(near_point(where.near)))
    return clauses, params


def _near(point: Near) -> tuple[Any, ...]:
    """The haversine distance clause, behind a latitude band that prunes most rows cheaply."""
    lat, lon, km = point
    band = math.degrees(km / EARTH_RADIUS_KM)  # no point farther in latitude is within km
    half_chord = (
        "pow(sin(radians(e.location_lat - ?) / 2), 2) + cos(radians(?))"
        " * cos(radians(e.location_lat)) * pow(sin(radians(e.location_lon - ?) / 2), 2)"
    )
    clause = (
        "(e.location_lat BETWEEN ? AND ?"
        f" AND 2 * {EARTH_RADIUS_KM} * asin(sqrt(least(1.0, {half_chord}))) <= ?)"
    )
    return (clause, lat - band, lat + band, lat, lat, lon, km)


def actor_match(prefix: str) -> str:
    """Clause matching ``{prefix}_code`` by prefix or ``{prefix}_name`` at a word start.

    Takes the value twice (code, then name).
    """
    return (
        f"(starts_with({prefix}_code, upper(?)) "
        f"OR contains(' ' || lower({prefix}_name), ' ' || lower(?)))"
    )


def _dyad(source: str | None, target: str | None, symmetric: bool) -> tuple[Any, ...]:
    def one_way(first: str | None, second: str | None) -> tuple[str, list[str]]:
        parts = [(f"e.{role}", value) for role, value in (("source", first), ("target", second))]
        chosen = [(column, value) for column, value in parts if value is not None]
        sql = " AND ".join(actor_match(column) for column, _ in chosen)
        return f"({sql})", [v for _, value in chosen for v in (value, value)]

    forward, params = one_way(source, target)
    if not symmetric:
        return (forward, *params)
    backward, reverse_params = one_way(target, source)
    return (f"({forward} OR {backward})", *params, *reverse_params)


def where_sql(clauses: list[str]) -> str:
    """`` WHERE a AND b`` or nothing."""
    return " WHERE " + " AND ".join(clauses) if clauses else ""
