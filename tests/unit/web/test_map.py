"""The map page: the world drawn from the vendored atlas, a circle per place, links to events."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from communique import store
from communique.api import create_app
from communique.records import CodedDocument, Place
from communique.settings import Settings
from communique.store import EventFilter
from communique.testing import fake_pipeline, sample_documents
from communique.web.forms import SearchForm
from communique.web.routes.places import near
from communique.web.worldmap import draw_map

PYONGYANG = {
    "lat": 39.03385,
    "lon": 125.75432,
    "name": "Pyongyang",
    "country": "PRK",
    "admin1": "Pyongyang",
    "feature": "city",
    "events": 4,
}
KHARKIV = {
    "lat": 49.98081,
    "lon": 36.25272,
    "name": "Kharkiv",
    "country": "UKR",
    "admin1": "Kharkivska",
    "feature": "city",
    "events": 1,
}


@pytest.fixture
def places(monkeypatch: pytest.MonkeyPatch) -> list[EventFilter]:
    """A stand-in for ``store.place_counts``: two places; the filters it is asked for."""
    asked: list[EventFilter] = []

    def place_counts(
        connection: Any, where: EventFilter, *, limit: int | None = None
    ) -> list[dict[str, Any]]:
        asked.append(where)
        return [dict(PYONGYANG), dict(KHARKIV)]

    monkeypatch.setattr(store, "place_counts", place_counts)
    return asked


def _circles(html: str) -> list[tuple[str, float, float, float]]:
    """(link, cx, cy, r) of every place's circle."""
    found = re.findall(
        r'<a class="place" href="([^"]+)"[^>]*>\s*<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"',
        html,
    )
    return [
        (unquote(href.replace("&amp;", "&")), float(x), float(y), float(r))
        for href, x, y, r in found
    ]


def test_map_page_draws_the_countries_and_a_circle_per_place(
    web: TestClient, places: list[EventFilter]
) -> None:
    page = web.get("/map")
    assert page.status_code == 200
    assert '<svg id="map" class="worldmap"' in page.text
    assert page.text.count('<path class="country"') == 177
    assert "<title>Russia</title>" in page.text and "<title>Fiji</title>" in page.text
    circles = _circles(page.text)
    assert [href for href, *_ in circles] == [
        "/?near=39.03385,125.75432,1",
        "/?near=49.98081,36.25272,1",
    ]
    assert "Pyongyang, PRK: 4 events" in page.text  # admin1 equal to the name is left out
    assert "Kharkiv, Kharkivska, UKR: 1 event<" in page.text
    assert "<strong>5</strong> located events at <strong>2</strong> places" in page.text
    assert 'aria-current="page">Map</a>' in page.text
    assert not re.search(r'(src|href)="(https?:)?//', page.text)  # no tiles, no CDN


def test_map_circles_are_placed_by_coordinates_and_sized_by_events(
    web: TestClient, places: list[EventFilter]
) -> None:
    (_, x1, y1, r1), (_, x2, y2, r2) = _circles(web.get("/map").text)
    assert x1 > x2 and y1 > y2  # Pyongyang lies east of and south of Kharkiv
    assert x1 == round((125.75432 + 180) / 360 * 960, 1)  # equirectangular
    assert r1 == 14.0 and r2 == 7.0  # area ∝ events: 4 events, twice the radius of 1


def test_map_follows_the_search_filters_and_links_to_the_events_there(
    web: TestClient, places: list[EventFilter]
) -> None:
    page = web.get("/map", params={"actor": "RUS", "type": "CONSULT", "since": "2024-06-01"})
    assert places[-1] == EventFilter(actor="RUS", type="CONSULT", since=date(2024, 6, 1))
    assert '<input name="actor" value="RUS"' in page.text
    href = _circles(page.text)[0][0]
    assert href == "/?actor=RUS&type=CONSULT&since=2024-06-01&near=39.03385,125.75432,1"
    listed = web.get(href)  # "," as %2C in the page: the same query
    assert listed.status_code == 200
    assert "within 1 km of 39.0339, 125.754" in listed.text
    assert 'type="hidden" name="near" value="39.03385,125.75432,1"' in listed.text
    anywhere = '"/?actor=RUS&amp;type=CONSULT&amp;since=2024-06-01"'
    assert f'class="clear-place" href={anywhere}' in listed.text


def test_map_without_located_events_says_so(
    web: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "place_counts", lambda connection, where, limit: [])
    page = web.get("/map", params={"actor": "RUS"})
    assert page.status_code == 200
    assert "No located events match this search" in page.text
    assert page.text.count('<path class="country"') == 177  # the world is still drawn
    assert _circles(page.text) == []
    assert "Busiest places" not in page.text


def test_search_page_links_its_filters_to_the_map(web: TestClient) -> None:
    page = web.get("/", params={"actor": "PRK", "offset": "0"})
    assert 'class="map-link" href="/map?actor=PRK"' in page.text


@pytest.mark.parametrize("value", ["39,125", "north,east,1", "91,0,1", "0,181,5", "1,2,3,4"])
def test_a_bad_near_value_is_refused(web: TestClient, value: str) -> None:
    assert web.get("/", params={"near": value}).status_code == 422
    assert web.get("/map", params={"near": value}).status_code == 422


@pytest.mark.parametrize(
    ("lat", "lon", "value"),
    [
        (50.29070, 36.0, "50.2907,36,1"),
        (0.00001, -0.000001, "0.00001,-0,1"),
        (-33.9, 151.2, "-33.9,151.2,1"),
    ],
)
def test_a_circle_links_its_place_to_the_metre(lat: float, lon: float, value: str) -> None:
    point = draw_map([{**KHARKIV, "lat": lat, "lon": lon}]).points[0]
    assert near(point) == value
    assert SearchForm(near=value).near == value  # the search page takes it back


# The real store: the sample corpus with three events in Pyongyang and one in Vovchansk.
LOCATED = {
    "sample-pact-e0": ("Pyongyang", 1871859, 39.03385, 125.75432, "PRK", "Pyongyang"),
    "sample-visit-e0": ("Pyongyang", 1871859, 39.03385, 125.75432, "PRK", "Pyongyang"),
    "sample-visit-e1": ("Pyongyang", 1871859, 39.03385, 125.75432, "PRK", "Pyongyang"),
    "ledger/sample-front-e0": ("Vovchansk", 689490, 50.2907, 36.9411, "UKR", "Kharkivska"),
}


def _located(document: CodedDocument) -> CodedDocument:
    assert document.article is not None
    events = []
    for event in document.events:
        if event.id in LOCATED:
            name, geonameid, lat, lon, country, admin1 = LOCATED[event.id]
            start = document.article.text.index(name)
            place = Place(
                event.doc_id, start, start + len(name), name, geonameid, lat, lon, country,
                admin1, "city",
            )  # fmt: skip
            event = dataclasses.replace(event, location=place)
        events.append(event)
    return dataclasses.replace(document, events=tuple(events))


@pytest.fixture(scope="module")
def located_web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A client over a store whose sample events partly say where they happened."""
    db = tmp_path_factory.mktemp("web-map") / "located.duckdb"
    with store.open_database(db) as connection:
        writer = store.StoreWriter(connection)
        writer.start_run({"interface": "test_map"}, {"communique": "located sample"})
        writer.write([_located(document) for document in sample_documents()])
        writer.finish_run()
    settings = Settings(
        db_path=db, data_dir=Path(db.parent, "data"), api_token=SecretStr("map-token")
    )
    with TestClient(create_app(settings, pipeline_factory=fake_pipeline)) as client:
        yield client


def test_map_over_the_store_counts_events_per_place(located_web: TestClient) -> None:
    page = located_web.get("/map")
    circles = _circles(page.text)
    assert [href for href, *_ in circles] == [
        "/?near=39.03385,125.75432,1",
        "/?near=50.2907,36.9411,1",
    ]
    assert circles[0][3] > circles[1][3]
    assert "<strong>4</strong> located events at <strong>2</strong> places" in page.text
    kharkiv = located_web.get("/map", params={"place": "kharkiv"})  # by its admin1
    assert [href for href, *_ in _circles(kharkiv.text)] == [
        "/?place=kharkiv&near=50.2907,36.9411,1"
    ]


def test_a_circle_lists_the_events_located_there(located_web: TestClient) -> None:
    href = _circles(located_web.get("/map", params={"actor": "PRK"}).text)[0][0]
    listed = located_web.get(href)
    assert listed.text.count('class="event"') == 3
    assert "/articles/sample-pact#e-sample-pact-e0" in listed.text
    assert "sample-front" not in listed.text
    anywhere = located_web.get("/", params={"actor": "PRK"})
    assert anywhere.text.count('class="event"') == 6  # the same search without the place


def test_map_over_a_store_without_locations_says_so(web: TestClient) -> None:
    page = web.get("/map")
    assert page.status_code == 200
    assert "No located events match:" in page.text
    assert _circles(page.text) == []
