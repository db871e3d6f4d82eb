"""``GET /api/events`` with locations: each event's ``location`` and the place, country and
near filters, over a database of hand-made located events."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique.api import create_app
from communique.pipeline.output import place_dict
from communique.settings import Settings
from communique.testing import fake_pipeline
from located_events import all_located_events, write_located_db

EVENTS = {e.id: e for e in all_located_events()}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder: Path = tmp_path_factory.mktemp("api-located")
    db = write_located_db(folder / "located.duckdb")
    settings = Settings(db_path=db, data_dir=folder / "data", api_token="t0ken")
    with TestClient(create_app(settings, pipeline_factory=fake_pipeline)) as client:
        yield client


def ids(client: TestClient, **params: object) -> list[str]:
    response = client.get("/api/events", params={"order": "oldest", **params})
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_events_carry_their_location_in_the_contract_shape(client: TestClient) -> None:
    items = client.get("/api/events", params={"limit": 50}).json()["items"]
    assert len(items) == len(EVENTS)
    for item in items:
        where = EVENTS[item["id"]].location
        assert item["location"] == (None if where is None else place_dict(where)), item["id"]


def test_events_filter_by_place_country_and_near(client: TestClient) -> None:
    assert ids(client, place="Kharkiv") == ["loc1-e0", "loc1-e1"]
    assert ids(client, place="kyiv city") == ["loc1-e2"]
    assert ids(client, country="prk") == ["loc2-e0", "loc2-e1"]
    assert ids(client, near="50.45,30.52,25") == ["loc1-e2"]
    assert ids(client, near="31.25,-99.25,10", country="USA") == ["loc2-e2"]
    assert ids(client, near="-33.9,18.4,100") == []


@pytest.mark.parametrize(
    ("params", "field", "says"),
    [
        ({"near": "50.45,30.52"}, "near", "not three numbers"),
        ({"near": "95,30,1"}, "near", "off the map"),
        ({"near": "50,30,-1"}, "near", "off the map"),
        ({"country": "UA"}, "country", "pattern"),
        ({"place": ""}, "place", "at least 1 character"),
    ],
)
def test_events_bad_location_params_are_422_naming_the_field(
    client: TestClient, params: dict[str, str], field: str, says: str
) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid"
    (detail,) = error["detail"]
    assert detail["loc"] == ["query", field] and says in str(detail)


def test_article_events_carry_their_location(client: TestClient) -> None:
    body = client.get("/api/articles/loc2").json()
    locations = {e["id"]: e["location"] for e in body["events"]}
    assert locations["loc2-e0"]["name"] == "Pyongyang"
    assert locations["loc2-e4"] == place_dict(EVENTS["loc2-e4"].location)  # type: ignore[arg-type]


def test_openapi_documents_the_location_params_and_schema(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"place", "country", "near"} <= names
    assert "PlaceOut" in spec["components"]["schemas"]


def test_places_count_the_located_events_of_the_filter(client: TestClient) -> None:
    response = client.get("/api/places")
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    located = [e for e in EVENTS.values() if e.location is not None]
    assert sum(item["events"] for item in items) == len(located)
    assert [item["events"] for item in items] == sorted(
        (item["events"] for item in items), reverse=True
    )
    korea = client.get("/api/places", params={"country": "PRK"}).json()["items"]
    assert {item["country"] for item in korea} == {"PRK"}
    assert sum(item["events"] for item in korea) == 2
    assert client.get("/api/places", params={"near": "1,2"}).status_code == 422


def test_article_lists_its_places(client: TestClient) -> None:
    doc_id = next(e.doc_id for e in EVENTS.values() if e.location is not None)
    response = client.get(f"/api/articles/{doc_id}")
    assert response.status_code == 200, response.text
    places = response.json()["places"]
    assert places and all(set(p) >= {"span", "name", "lat", "lon", "feature"} for p in places)
    assert [p["span"][0] for p in places] == sorted(p["span"][0] for p in places)
