"""The shipped gazetteer: names, ranking, divisions, regions, demonyms and coordinates."""

from __future__ import annotations

import csv
import gzip
import math
from pathlib import Path

import pytest

from communique.errors import ConfigError
from communique.geo.gazetteer import (
    DEFAULT_PATH,
    Gazetteer,
    GazetteerEntry,
    load_gazetteer,
    normalise_name,
    read_gazetteer,
)

DATA = DEFAULT_PATH.parent


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def _km(entry: GazetteerEntry, lat: float, lon: float) -> float:
    """Great-circle distance from an entry to a point."""
    lat1, lon1, lat2, lon2 = map(math.radians, (entry.lat, entry.lon, lat, lon))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(h))


def _first(gaz: Gazetteer, name: str) -> GazetteerEntry:
    found = gaz.lookup(name)
    assert found, f"{name!r} not found"
    return found[0]


def _table(name: str) -> list[dict[str, str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader((line for line in lines if line[:1] != "#"), delimiter="\t"))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("PYONGYANG", "pyongyang"),
        ("Sana'a", "sanaa"),
        ("Sana’a", "sanaa"),
        ("St. Louis", "saint louis"),
        ("Saint-Louis", "saint louis"),
        ("São Paulo", "sao paulo"),
        ("U.S.", "us"),
        ("the Gambia", "gambia"),
        ("Bosnia & Herzegovina", "bosnia and herzegovina"),
        ("Guinea-Bissau", "guinea bissau"),
        ("Łódź", "lodz"),
        ("  ", ""),
    ],
)
def test_normalise_name(text: str, key: str) -> None:
    assert normalise_name(text) == key


def test_the_shipped_file_loads_with_a_version(gaz: Gazetteer) -> None:
    assert len(gaz) > 200_000
    assert len(gaz.version) == 12
    assert int(gaz.version, 16) >= 0
    assert load_gazetteer() is gaz  # the default file is read once


@pytest.mark.parametrize(
    ("name", "iso3", "lat", "lon"),
    [
        ("Pyongyang", "PRK", 39.03, 125.75),
        ("Kabul", "AFG", 34.53, 69.17),
        ("Paris", "FRA", 48.85, 2.35),
        ("Nairobi", "KEN", -1.28, 36.82),
        ("Brasília", "BRA", -15.78, -47.93),
    ],
)
def test_capitals(gaz: Gazetteer, name: str, iso3: str, lat: float, lon: float) -> None:
    capitals = [e for e in gaz.lookup(name) if e.fcode == "PPLC" and e.country == iso3]
    assert len(capitals) == 1
    assert capitals[0].feature == "city"
    assert _km(capitals[0], lat, lon) < 50


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("United States", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("America", "USA"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Burma", "MMR"),
        ("DRC", "COD"),
        ("Kosovo", "XKX"),
    ],
)
def test_country_names_and_aliases(gaz: Gazetteer, name: str, iso3: str) -> None:
    entry = _first(gaz, name)
    assert (entry.feature, entry.country, entry.fcode) == ("country", iso3, "PCLI")
    assert gaz.country(iso3) == entry


def test_country_points(gaz: Gazetteer) -> None:
    for iso3, lat, lon in [
        ("USA", 39.76, -98.5),
        ("FRA", 46, 2),
        ("RUS", 60, 100),
        ("TUR", 39, 35),
    ]:
        country = gaz.country(iso3)
        assert country is not None
        assert _km(country, lat, lon) < 50
    assert gaz.country("prk") == gaz.country("PRK")
    assert gaz.country("ZZZ") is None


def test_aliases_that_name_a_place_inside_go_to_that_place(gaz: Gazetteer) -> None:
    assert _first(gaz, "England").feature == "admin1"
    assert all(e.feature != "country" for e in gaz.lookup("Gaza"))


def test_demonyms_are_not_names(gaz: Gazetteer) -> None:
    assert gaz.lookup("French") == ()
    france = gaz.demonym("French")
    assert france is not None and france.country == "FRA"
    assert gaz.demonym("french") is None  # lowercase: "french fries"
    europe = gaz.demonym("European")
    assert europe is not None and europe.feature == "region"


def test_us_state(gaz: Gazetteer) -> None:
    texas = _first(gaz, "Texas")
    assert (texas.feature, texas.country, texas.fcode) == ("admin1", "USA", "ADM1")
    assert texas.geonameid == 4736286
    assert _km(texas, 31.25, -99.25) < 100  # a computed centre
    assert gaz.admin1("USA", "Texas") == texas
    assert gaz.admin1("USA", "Tex.") == texas
    assert gaz.admin1("MEX", "Texas") is None


def test_admin1_by_stripped_and_added_names(gaz: Gazetteer) -> None:
    xinjiang = gaz.admin1("CHN", "Xinjiang")
    assert xinjiang is not None and xinjiang.name == "Xinjiang Uygur Zizhiqu"
    assert _first(gaz, "Tibet").feature == "admin1"
    washington_dc = gaz.admin1("USA", "D.C.")
    assert washington_dc is not None and washington_dc.name == "Washington, D.C."


def test_county(gaz: Gazetteer) -> None:
    dallas = _first(gaz, "Dallas County")
    assert (dallas.feature, dallas.country, dallas.admin1) == ("admin2", "USA", "Texas")
    assert _km(dallas, 32.77, -96.78) < 50
    assert gaz.admin2("USA", "Texas", "Dallas County") == dallas
    assert gaz.admin2("USA", "Iowa", "Dallas County") not in {None, dallas}
    assert gaz.admin2("USA", "Nowhere", "Dallas County") is None


def test_cities_know_their_divisions(gaz: Gazetteer) -> None:
    houston = _first(gaz, "Houston")
    assert (houston.country, houston.admin1, houston.admin2) == ("USA", "Texas", "Harris County")
    assert _km(houston, 29.76, -95.36) < 50


def test_case_accents_and_punctuation_do_not_matter(gaz: Gazetteer) -> None:
    assert gaz.lookup("PYONGYANG") == gaz.lookup("pyongyang") == gaz.lookup("Pyongyang")
    assert gaz.lookup("Sana'a") == gaz.lookup("Sanaa")
    assert gaz.lookup("São Paulo") == gaz.lookup("Sao Paulo")
    assert gaz.lookup("St. Louis") == gaz.lookup("Saint Louis")
    assert any(e.name == "St. Louis" and e.admin1 == "Missouri" for e in gaz.lookup("St Louis"))
    assert "PYONGYANG" in gaz
    assert "Xqzzv" not in gaz
    assert gaz.lookup("Xqzzv") == ()
    assert gaz.lookup("") == ()


def test_regions(gaz: Gazetteer) -> None:
    middle_east = _first(gaz, "Middle East")
    assert (middle_east.feature, middle_east.country) == ("region", None)
    assert gaz.cameo_code(middle_east) == "MEA"
    assert gaz.cameo_code(_first(gaz, "West Africa")) == "WAF"
    assert _first(gaz, "Mideast") == middle_east
    europe = _first(gaz, "Europe")
    assert (europe.fcode, europe.geonameid) == ("CONT", 6255148)
    assert gaz.cameo_code(_first(gaz, "Paris")) is None


def test_every_region_row_is_shipped(gaz: Gazetteer) -> None:
    for row in _table("regions.tsv"):
        found = [e for e in gaz.lookup(row["name"]) if e.feature == row["feature"]]
        assert found and found[0].name == row["name"], row["name"]
        assert (gaz.cameo_code(found[0]) or "") == row["cameo"]


def test_ranking_countries_then_admin1_then_population(gaz: Gazetteer) -> None:
    paris = gaz.lookup("Paris")
    assert (paris[0].country, paris[0].fcode) == ("FRA", "PPLC")
    cities = [e.population for e in paris if e.feature == "city"]
    assert cities == sorted(cities, reverse=True)
    assert paris[-1].feature == "admin2"  # divisions named like a city come after the cities
    georgia = gaz.lookup("Georgia")
    assert (georgia[0].feature, georgia[0].country) == ("country", "GEO")
    assert (georgia[1].feature, georgia[1].country) == ("admin1", "USA")
    punjab = gaz.lookup("Punjab")
    assert {e.country for e in punjab[:2]} == {"PAK", "IND"}
    assert all(e.feature == "admin1" for e in punjab[:2])


def test_cities_in_and_by_geonameid(gaz: Gazetteer) -> None:
    texas = gaz.cities_in("USA", "Tex.")
    assert texas[0].name == "Houston"
    assert all(city.admin1 == "Texas" for city in texas)
    assert len(gaz.cities_in("USA")) > len(texas)
    assert gaz.cities_in("ZZZ") == ()
    paris = gaz.by_geonameid(2988507)
    assert paris is not None and paris.name == "Paris"
    assert gaz.by_geonameid(-1) is None


def test_points_table_is_applied(gaz: Gazetteer) -> None:
    for row in _table("points.tsv"):
        if row["admin1"]:
            entry = gaz.admin1(row["iso3"], row["admin1"])
        else:
            entry = gaz.country(row["iso3"])
        assert entry is not None, row
        assert _km(entry, float(row["lat"]), float(row["lon"])) < 1, row


def test_a_bad_file_is_a_config_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.tsv.gz"
    with pytest.raises(ConfigError, match="make gazetteer"):
        read_gazetteer(missing)
    other = tmp_path / "other.tsv.gz"
    other.write_bytes(gzip.compress(b"something else\n"))
    with pytest.raises(ConfigError, match="not a gazetteer file"):
        read_gazetteer(other)
    truncated = tmp_path / "truncated.tsv.gz"
    head = b"communique-gazetteer\t1\ncountry=5\tnames=0\tcodes=0\tdemonyms=0\n"
    truncated.write_bytes(gzip.compress(head))
    with pytest.raises(ConfigError, match="truncated"):
        read_gazetteer(truncated)


def test_another_file_can_be_loaded(tmp_path: Path) -> None:
    row = "1\tTestville\t1.00000\t2.00000\tFRA\t\t\tcity\t10\t"
    text = "communique-gazetteer\t1\ncity=1\tnames=1\tcodes=0\tdemonyms=0\n"
    text += f"{row}\ntestville\n0\n"
    path = tmp_path / "tiny.tsv.gz"
    path.write_bytes(gzip.compress(text.encode()))
    tiny = load_gazetteer(path)
    assert len(tiny) == 1
    assert tiny.lookup("TESTVILLE") == (
        GazetteerEntry(1, "Testville", 1.0, 2.0, "FRA", None, None, "city", 10, ""),
    )
    assert tiny.country("FRA") is None
