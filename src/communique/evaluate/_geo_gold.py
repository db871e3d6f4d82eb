"""Gold toponyms for the geo evaluation: LGL, GeoVirus, GeoWebNews and TR-News articles.

Every set shares one layout, JSON Lines with one article a line: ``id``, ``text``,
``source_set`` and ``toponyms``, each ``{start, end, name, lat, lon, …}`` with
``text[start:end] == name``. What differs is which toponyms are *place names*, the subset a
named-entity recogniser tagging places (GPE and LOC) is meant to find; recall is also reported
on that subset alone (:func:`is_place_name`):

* ``gwn`` (GeoWebNews) labels each toponym with a type: place names are the ``Literal``,
  ``Metonymic`` and ``Mixed`` ones written as nouns. Modifiers (``Non_Literal_Modifier``,
  ``Literal_Modifier``), toponyms inside another name (``Embedded_Non_Lit``,
  ``Embedded_Literal``), ``Coercion`` (buildings and facilities: "White House", a golf club)
  and adjectives ("Turkish" in a ``Mixed`` reading) are left out.
* ``lgl`` and ``trnews`` have no types but mark demonyms ("Russian", "Israelis") as toponyms
  of the country; those are left out (:func:`is_demonym`). Everything else is a place name.
* ``geovirus`` marks place names only: all of them count.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from communique.errors import InputError

GEO_SETS: tuple[str, ...] = ("lgl", "geovirus", "gwn", "trnews")
# GeoWebNews types whose noun mentions are names of places (see the module docstring).
GWN_PLACE_TYPES = frozenset({"Literal", "Metonymic", "Mixed"})
# Endings of English demonyms and adjectives of place: Russian, Turkish, Chinese, Israeli,
# French, Cypriot; a plural s may follow (Palestinians, Israelis).
_DEMONYM = re.compile(r"(?:an|ish|ese|i|ch|ot|ic)s?$")


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One gold toponym: its span in the gold text and the point it refers to.

    Attributes:
        start: Character offset in the gold article's text.
        end: End offset (exclusive).
        name: The words of the text (``text[start:end]``).
        lat: Latitude of the place meant, in degrees.
        lon: Longitude, in degrees.
        geonameid: Its GeoNames id, when the set gives one.
        place_name: Whether it counts among the GPE/LOC-type names (see the module docstring).
        kind: The set's type for it (GeoWebNews), ``demonym`` when left out as one, else ``""``.
    """

    start: int
    end: int
    name: str
    lat: float
    lon: float
    geonameid: int | None = None
    place_name: bool = True
    kind: str = ""


@dataclass(frozen=True, slots=True)
class GeoArticle:
    """A gold article and its toponyms; ``published`` is always ``None`` (the sets give no
    dates), kept so the article can be coded like any gold item."""

    id: str
    origin: str
    text: str
    source_set: str
    toponyms: tuple[GoldToponym, ...]
    published: str | None = None


def load_geo(path: Path) -> list[GeoArticle]:
    """Read a geo gold file: one article a line.

    Raises:
        InputError: The file is missing, a line is not JSON or not a geo gold article, or a
            toponym's span does not hold its name.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError("unreadable", f"expected a geo gold file at {path}: {exc}") from exc
    articles = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            articles.append(_article(line, f"{path}:{number}", path))
    return articles


def _article(line: str, origin: str, path: Path) -> GeoArticle:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError("not-json", f"{origin}: expected JSON: {exc}") from exc
    if (
        not isinstance(record, dict)
        or not isinstance(record.get("text"), str)
        or not isinstance(record.get("toponyms"), list)
    ):
        raise InputError(
            "not-gold", f"{origin}: expected a JSON object with 'text' and a 'toponyms' list"
        )
    source_set = str(record.get("source_set") or guess_set(path))
    text = record["text"]
    toponyms = tuple(_toponym(item, text, source_set, origin) for item in record["toponyms"])
    return GeoArticle(str(record.get("id") or origin), origin, text, source_set, toponyms)


def _toponym(item: Any, text: str, source_set: str, origin: str) -> GoldToponym:
    try:
        start, end, name = int(item["start"]), int(item["end"]), str(item["name"])
        lat, lon = float(item["lat"]), float(item["lon"])
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(
            "not-gold", f"{origin}: a toponym needs start, end, name, lat and lon: {exc}"
        ) from exc
    if text[start:end] != name:
        raise InputError("not-gold", f"{origin}: toponym {name!r} is not at {start}..{end}")
    geonameid = item.get("geonameid")
    place, kind = is_place_name(source_set, item)
    return GoldToponym(
        start, end, name, lat, lon, int(geonameid) if geonameid else None, place, kind
    )


def is_place_name(source_set: str, item: dict[str, Any]) -> tuple[bool, str]:
    """Whether a gold toponym counts as a GPE/LOC-type place name, and the kind it has.

    Args:
        source_set: ``lgl``, ``geovirus``, ``gwn`` or ``trnews`` (any other set: all count).
        item: The toponym's record (``name``; ``toponym_type`` and ``modifier_type`` for
            GeoWebNews; ``gaz_name`` when the set gives one).
    """
    if source_set == "gwn":
        kind = str(item.get("toponym_type") or "")
        return kind in GWN_PLACE_TYPES and item.get("modifier_type") != "Adjective", kind
    if source_set in ("lgl", "trnews") and is_demonym(
        str(item["name"]), item.get("gaz_name") or None
    ):
        return False, "demonym"
    return True, ""


def is_demonym(name: str, gazetteer_name: str | None) -> bool:
    """Whether a toponym is written as a demonym or adjective of its place ("Turkish").

    A demonym is one capitalised word (not an abbreviation: ``US``, ``Ky.``) with a demonym
    ending, that is not a word of the place's gazetteer name ("Sudan" in "Republic of the
    Sudan" is the name itself), accents aside. Without a gazetteer name it is never one.
    """
    if " " in name or not name[:1].isupper() or name.isupper() or not name.isalpha():
        return False
    if not _DEMONYM.search(name):
        return False
    if gazetteer_name is None:
        return False  # "Iran" and "Iranian" end alike: without the place's name, keep it
    words = {_plain(word) for word in re.findall(r"\w+", gazetteer_name)}
    return _plain(name) not in words


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def guess_set(path: Path) -> str:
    """The set a file holds, from its name (``geo_lgl_dev.jsonl`` → ``lgl``); ``""`` if none."""
    stem = path.name.lower()
    return next((name for name in GEO_SETS if f"_{name}" in stem or stem.startswith(name)), "")
