"""The REST API over a database of hand-made records: every endpoint, pages, access, limits."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from communique.api import create_app
from communique.settings import Settings
from communique.testing import sample_documents

MakeClient = Callable[..., TestClient]
ALL_EVENTS = sum(len(d.events) for d in sample_documents())


def test_events_list_newest_first_with_total(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == ALL_EVENTS == len(body["items"])
    dates = [e["date"] for e in body["items"]]
    assert dates == sorted(dates, reverse=True)
    first = body["items"][0]
    assert first["source"]["code"] and first["article_title"]
    oldest = client.get("/api/events", params={"order": "oldest"}).json()["items"]
    assert oldest[0]["date"] == "2024-06-03"


def test_events_filter_by_dyad_actor_modality_and_dates(client: TestClient) -> None:
    def ids(**params: object) -> set[str]:
        return {e["id"] for e in client.get("/api/events", params=params).json()["items"]}

    assert ids(source="RUS", target="PRK") == {"sample-pact-e0", "sample-visit-e0"}
    assert ids(source="russia", target="north korea") == {"sample-pact-e0", "sample-visit-e0"}
    assert ids(modality="intended") == {"sample-pact-e1"}
    assert ids(attributed_to="KOR") == {"sample-pact-e1"}
    assert ids(actor="PRK", since="2024-07-01") == {"sample-sanctions-e1", "ledger/sample-front-e1"}
    assert ids(type="assault") == {"ledger/sample-front-e0"}
    assert ids(cameo="16", quad_class=4) == {"sample-sanctions-e0", "sample-sanctions-e1"}


def test_events_pages_cover_every_event_once(client: TestClient) -> None:
    seen: list[str] = []
    for offset in range(0, ALL_EVENTS, 3):
        page = client.get("/api/events", params={"limit": 3, "offset": offset}).json()
        assert (page["limit"], page["offset"], page["total"]) == (3, offset, ALL_EVENTS)
        seen += [e["id"] for e in page["items"]]
    assert len(seen) == len(set(seen)) == ALL_EVENTS
    past_the_end = client.get("/api/events", params={"offset": 1000}).json()
    assert past_the_end["items"] == [] and past_the_end["total"] == ALL_EVENTS


@pytest.mark.parametrize("path", ["/api/events", "/api/actors", "/api/quotes"])
def test_lists_limit_is_capped_at_500(client: TestClient, path: str) -> None:
    assert client.get(path, params={"limit": 500}).status_code == 200
    for bad in ({"limit": 501}, {"limit": 0}, {"offset": -1}, {"unknown": "x"}):
        response = client.get(path, params=bad)
        assert response.status_code == 422, bad
        assert response.json()["error"]["code"] == "invalid"


def test_events_contradictory_dates_are_a_400(client: TestClient) -> None:
    response = client.get("/api/events", params={"since": "2024-07-01", "until": "2024-06-01"})
    assert response.status_code == 400
    assert "is after until" in response.json()["error"]["message"]


def test_actors_most_mentioned_first_paged(client: TestClient) -> None:
    body = client.get("/api/actors", params={"limit": 2}).json()
    assert body["total"] > 2 and len(body["items"]) == 2
    assert body["items"][0]["code"] == "RUSGOV" and body["items"][0]["name"] == "Russia"
    assert body["items"][0]["mentions"] >= body["items"][1]["mentions"]
    korea = client.get("/api/actors", params={"name": "korea"}).json()["items"]
    assert {a["name"] for a in korea} == {"North Korea", "South Korea"}


def test_quotes_filter_by_speaker_and_text(client: TestClient) -> None:
    assert client.get("/api/quotes").json()["total"] == 2
    putin = client.get("/api/quotes", params={"speaker": "putin"}).json()["items"]
    assert [q["speaker"]["name"] for q in putin] == ["Vladimir Putin"]
    region = client.get("/api/quotes", params={"text": "REGION", "kind": "direct"}).json()
    assert region["items"][0]["doc_id"] == "sample-sanctions"


def test_dyad_series_by_week_has_zero_weeks_between(client: TestClient) -> None:
    body = client.get("/api/dyads/RUS/PRK").json()
    assert (body["interval"], body["directed"], body["modality"]) == ("week", False, "asserted")
    weeks = {p["period"]: p["events"] for p in body["points"]}
    assert weeks == {
        "2024-06-03": 1,  # the pact; the intended shell delivery is not asserted
        "2024-06-10": 0,
        "2024-06-17": 2,
        "2024-06-24": 0,
        "2024-07-01": 0,
        "2024-07-08": 1,
    }
    visit = next(p for p in body["points"] if p["period"] == "2024-06-17")
    assert visit["verbal_cooperation"] == 2 and visit["goldstein_mean"] == pytest.approx(2.35)
    quiet = next(p for p in body["points"] if p["period"] == "2024-06-10")
    assert quiet["goldstein_mean"] is None


def test_dyad_series_by_month_directed_and_all_modalities(client: TestClient) -> None:
    months = client.get("/api/dyads/PRK/RUS", params={"interval": "month", "directed": True})
    assert [(p["period"], p["events"]) for p in months.json()["points"]] == [
        ("2024-06-01", 1),
        ("2024-07-01", 1),
    ]
    every = client.get("/api/dyads/RUS/PRK", params={"modality": "all", "until": "2024-06-09"})
    assert [p["events"] for p in every.json()["points"]] == [2]


def test_network_nodes_and_edges(client: TestClient) -> None:
    body = client.get("/api/network").json()
    edges = {(e["source"], e["target"]): e for e in body["edges"]}
    assert edges["USAGOV", "RUSGOV"]["events"] == 2
    assert edges["USAGOV", "RUSGOV"]["material_conflict"] == 1
    codes = {n["code"] for n in body["nodes"]}
    assert {"RUSGOV", "PRKGOV", "USAGOV"} <= codes
    top = client.get("/api/network", params={"limit": 1}).json()
    assert len(top["edges"]) == 1 and len(top["nodes"]) == 2
    later = client.get("/api/network", params={"since": "2024-07-05"}).json()
    assert {(e["source"], e["target"]) for e in later["edges"]} == {
        ("RUSMIL", "UKRMIL"),
        ("PRKGOV", "RUSGOV"),
    }


def test_article_has_events_and_quotes_as_spans_of_its_text(client: TestClient) -> None:
    body = client.get("/api/articles/sample-pact").json()
    assert body["title"] == "Russia and North Korea sign a defence pact"
    assert len(body["events"]) == 3 and len(body["quotes"]) == 1
    text = body["text"]
    for span in body["spans"]:
        covered = text[span["start"] : span["end"]]
        if span["kind"] == "event":
            event = next(e for e in body["events"] if e["id"] == span["id"])
            assert covered == event["evidence"]
        else:
            assert covered == "We will stand together against any aggression,"
            assert span["attributed_to"] == "Vladimir Putin"
    intended = next(s for s in body["spans"] if s["id"] == "sample-pact-e1")
    assert (intended["modality"], intended["attributed_to"]) == ("intended", "South Korea")
    assert intended["label"] == "030 AGREE"


def test_article_id_with_a_slash(client: TestClient) -> None:
    body = client.get("/api/articles/ledger/sample-front").json()
    assert body["doc_id"] == "ledger/sample-front" and len(body["events"]) == 2
    assert client.get("/api/articles/ledger%2Fsample-front").json()["doc_id"] == body["doc_id"]


def test_article_unknown_id_is_a_404(client: TestClient) -> None:
    response = client.get("/api/articles/no-such-id")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_post_document_is_refused_without_a_configured_token(
    make_client: MakeClient, auth: dict[str, str]
) -> None:
    client = make_client(api_token=None)
    response = client.post("/api/documents", json={"text": "Some news."}, headers=auth)
    assert response.status_code == 403
    assert "COMMUNIQUE_API_TOKEN" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic czNjcmV0"}]
)
def test_post_document_needs_the_right_token(client: TestClient, headers: dict[str, str]) -> None:
    response = client.post("/api/documents", json={"text": "Some news."}, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["error"]["code"] == "unauthorized"


def test_body_over_the_limit_is_a_413(make_client: MakeClient, auth: dict[str, str]) -> None:
    client = make_client(api_max_body_bytes=1_000)
    big = {"text": "x" * 2_000}
    response = client.post("/api/documents", json=big, headers=auth)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"

    def chunks():  # no Content-Length: counted as it arrives
        yield b'{"text": "'
        yield b"y" * 2_000
        yield b'"}'

    streamed = client.post(
        "/api/documents", content=chunks(), headers={**auth, "Content-Type": "application/json"}
    )
    assert streamed.status_code == 413
    assert streamed.json()["error"]["code"] == "too_large"


def test_post_document_ingests_once_through_the_writer(
    make_client: MakeClient, auth: dict[str, str]
) -> None:
    client = make_client()
    document = {"text": "Russia hosted talks with North Korea. More talks follow.", "title": "T"}
    first = client.post("/api/documents", json=document, headers=auth)
    assert first.status_code == 201, first.text
    created = first.json()
    assert created["created"] is True and created["events"] == 1
    again = client.post("/api/documents", json=document, headers=auth)
    assert again.status_code == 200
    assert again.json()["doc_id"] == created["doc_id"] and again.json()["created"] is False
    article = client.get(f"/api/articles/{created['doc_id']}").json()
    assert article["title"] == "T"
    assert client.get("/api/events").json()["total"] == ALL_EVENTS + 1


def test_post_document_needs_text_or_html(client: TestClient, auth: dict[str, str]) -> None:
    for body in ({}, {"text": "  "}, {"text": "x", "extra": 1}):
        response = client.post("/api/documents", json=body, headers=auth)
        assert response.status_code == 422, body
        assert response.json()["error"]["code"] == "invalid"


def test_post_while_the_dashboard_reads(make_client: MakeClient, auth: dict[str, str]) -> None:
    client = make_client()
    failures: list[str] = []

    def read() -> None:
        for _ in range(3):
            for path in ("/api/events", "/dyad/RUS/PRK", "/articles/sample-pact"):
                response = client.get(path)
                if response.status_code != 200:
                    failures.append(f"{path}: {response.status_code}")

    readers = [threading.Thread(target=read) for _ in range(2)]
    for thread in readers:
        thread.start()
    for n in range(6):
        body = {"text": f"Russia met North Korea, round {n}. Nothing else."}
        response = client.post("/api/documents", json=body, headers=auth)
        assert response.status_code == 201, response.text
    for thread in readers:
        thread.join()
    assert failures == []
    assert client.get("/api/events").json()["total"] == ALL_EVENTS + 6


def test_closed_reads_need_the_token(make_client: MakeClient, auth: dict[str, str]) -> None:
    client = make_client(api_read_open=False)
    assert client.get("/api/events").status_code == 401
    assert client.get("/").status_code == 401
    assert client.get("/api/events", headers=auth).status_code == 200
    closed_without_token = make_client(api_read_open=False, api_token=None)
    assert closed_without_token.get("/api/actors").status_code == 403


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths) == {
        "/api/events",
        "/api/places",
        "/api/actors",
        "/api/quotes",
        "/api/dyads/{a}/{b}",
        "/api/network",
        "/api/articles/{doc_id}",
        "/api/documents",
    }
    for path, operations in paths.items():
        for operation in operations.values():
            assert "200" in operation["responses"] or "201" in operation["responses"], path
            assert "422" in operation["responses"], path


@pytest.mark.model
def test_post_document_runs_the_real_pipeline(settings: Settings, auth: dict[str, str]) -> None:
    app = create_app(settings)
    text = (
        "Finland and Estonia signed a border patrol agreement in Helsinki on Tuesday. "
        '"We will patrol together," the Finnish defence minister said.'
    )
    with TestClient(app) as client:
        response = client.post(
            "/api/documents",
            json={"text": text, "title": "Patrols", "published": "2024-05-14"},
            headers=auth,
        )
        assert response.status_code == 201, response.text
        created = response.json()
        assert created["rejections"] == []
        article = client.get(f"/api/articles/{created['doc_id']}").json()
        assert article["text"].startswith("Finland and Estonia")
        assert len(article["events"]) == created["events"]
        assert len(article["quotes"]) == created["quotes"]
