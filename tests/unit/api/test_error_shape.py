"""Every API error has one shape, rendered in one place: {"error": {code, message, detail}}."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from fastapi.testclient import TestClient

from communique.api.routes import events as events_route
from communique.api.schemas import ErrorResponse

MakeClient = Callable[..., TestClient]


def _assert_error(response: httpx.Response, status: int, code: str) -> ErrorResponse:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    error = ErrorResponse.model_validate(response.json())  # extra="forbid": nothing else
    assert error.error.code == code
    assert error.error.message and "Traceback" not in error.error.message
    return error


def test_error_shape_400_bad_filter(client: TestClient) -> None:
    response = client.get("/api/events", params={"since": "2024-02-01", "until": "2024-01-01"})
    _assert_error(response, 400, "bad_request")


def test_error_shape_400_bad_content_length(client: TestClient, auth: dict[str, str]) -> None:
    headers = {**auth, "Content-Length": "lots", "Content-Type": "application/json"}
    response = client.post("/api/documents", content=b"{}", headers=headers)
    _assert_error(response, 400, "bad_request")


def test_error_shape_401_403(make_client: MakeClient, auth: dict[str, str]) -> None:
    with_token = make_client()
    _assert_error(with_token.post("/api/documents", json={"text": "x"}), 401, "unauthorized")
    without_token = make_client(api_token=None)
    response = without_token.post("/api/documents", json={"text": "x"}, headers=auth)
    _assert_error(response, 403, "forbidden")


def test_error_shape_404_unknown_path_and_id(client: TestClient) -> None:
    _assert_error(client.get("/api/nothing-here"), 404, "not_found")
    error = _assert_error(client.get("/api/articles/unknown"), 404, "not_found")
    assert "unknown" in error.error.message


def test_error_shape_405_wrong_method(client: TestClient) -> None:
    _assert_error(client.delete("/api/events"), 405, "method_not_allowed")


def test_error_shape_413_too_large(make_client: MakeClient, auth: dict[str, str]) -> None:
    client = make_client(api_max_body_bytes=100)
    response = client.post("/api/documents", json={"text": "z" * 500}, headers=auth)
    error = _assert_error(response, 413, "too_large")
    assert "COMMUNIQUE_API_MAX_BODY_BYTES" in error.error.message


def test_error_shape_422_lists_each_bad_field(client: TestClient) -> None:
    response = client.get("/api/events", params={"limit": "many", "quad_class": 9})
    error = _assert_error(response, 422, "invalid")
    assert isinstance(error.error.detail, list)
    assert {tuple(d["loc"]) for d in error.error.detail} == {
        ("query", "limit"),
        ("query", "quad_class"),
    }


def test_error_shape_422_bad_json_body(client: TestClient, auth: dict[str, str]) -> None:
    headers = {**auth, "Content-Type": "application/json"}
    response = client.post("/api/documents", content=b"{not json", headers=headers)
    _assert_error(response, 422, "invalid")


def test_error_shape_500_hides_the_bug(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(events_route, "event_page", broken)
    client = make_client(raise_errors=False)
    error = _assert_error(client.get("/api/events"), 500, "internal")
    assert "secret internals" not in error.error.message


def test_error_pages_of_the_dashboard_are_html_with_the_same_message(client: TestClient) -> None:
    response = client.get("/articles/unknown")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "No article &#x27;unknown&#x27;" in response.text or "No article 'unknown'" in (
        response.text
    )
