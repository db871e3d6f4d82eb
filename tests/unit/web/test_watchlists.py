"""Watchlists: saved searches in the store that show what was stored since the last visit.

Their forms post with a CSRF token (``web/csrf.py``); a post without a valid one is refused.
"""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from communique import store
from communique.api import create_app
from communique.settings import Settings
from communique.testing import fake_pipeline
from communique.web import router as dashboard_router
from communique.web.csrf import COOKIE, FIELD, check_csrf

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
_TOKEN = re.compile(rf'name="{FIELD}" value="([0-9a-f]{{64}})"')


def _token(client: TestClient, page: str) -> str:
    """The CSRF token of the first form of ``page`` (the client keeps its cookie)."""
    found = _TOKEN.search(client.get(page).text)
    assert found, f"no {FIELD} on {page}"
    return found[1]


def _save(client: TestClient, name: str, query: str) -> None:
    token = _token(client, f"/?{query}")
    fields = {"name": name, "query": query, FIELD: token}
    response = client.post("/watchlists", data=fields, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/watchlists"


def _stored(client: TestClient) -> list[store.Watchlist]:
    cursor = client.app.state.communique.cursor()  # type: ignore[attr-defined]
    try:
        return store.all_watchlists(cursor)
    finally:
        cursor.close()


def test_watchlist_shows_what_is_new_since_the_last_visit(
    fresh_web: TestClient, auth: dict[str, str]
) -> None:
    _save(fresh_web, "Russia and Korea", "actor=RUS&other=PRK")
    (watchlist,) = _stored(fresh_web)
    assert watchlist.query == "actor=RUS&other=PRK"
    assert "nothing new" in fresh_web.get("/watchlists").text

    document = {
        "text": "Russia and North Korea held talks. Nothing else.",
        "published": "2024-08-01",
    }
    assert fresh_web.post("/api/documents", json=document, headers=auth).status_code == 201
    listing = fresh_web.get("/watchlists").text
    assert "1 new" in listing
    opened = fresh_web.get(f"/watchlists/{watchlist.id}")
    assert opened.status_code == 200 and opened.text.count('class="event"') == 1
    assert "Russia and North Korea held talks" in opened.text
    assert "nothing new" in fresh_web.get("/watchlists").text  # the visit was recorded


def test_watchlist_delete_with_the_token_of_the_list_and_unknown(fresh_web: TestClient) -> None:
    _save(fresh_web, "All assaults", "type=ASSAULT")
    assert fresh_web.get("/watchlists/nope").status_code == 404
    (saved,) = _stored(fresh_web)
    token = _token(fresh_web, "/watchlists")
    gone = fresh_web.post(
        f"/watchlists/{saved.id}/delete", data={FIELD: token}, follow_redirects=False
    )
    assert gone.status_code == 303 and _stored(fresh_web) == []


def test_watchlist_with_an_invalid_saved_search_is_a_400(fresh_web: TestClient) -> None:
    fields = {"name": "bad", "query": "since=yesterday", FIELD: _token(fresh_web, "/")}
    response = fresh_web.post("/watchlists", data=fields, follow_redirects=False)
    assert response.status_code == 400
    assert _stored(fresh_web) == []


def test_watchlists_persist_in_the_store_across_restarts(web_settings: Settings) -> None:
    with TestClient(create_app(web_settings, pipeline_factory=fake_pipeline)) as first:
        _save(first, "Korea", "actor=PRK")
    assert not (web_settings.data_dir / store.LEGACY_WATCHLISTS_FILE).exists()
    with TestClient(create_app(web_settings, pipeline_factory=fake_pipeline)) as again:
        (saved,) = _stored(again)
        assert saved.name == "Korea" and saved.query == "actor=PRK"
        assert f'href="/watchlists/{saved.id}">Korea</a>' in again.get("/watchlists").text


def test_watchlists_legacy_json_file_is_imported_once(web_settings: Settings) -> None:
    legacy = [
        {
            "id": "0123456789ab",
            "name": "Korea since 2000",
            "query": "actor=PRK",
            "created": "2000-01-01T00:00:00",
            "last_visit": "2000-01-01T00:00:00",
        }
    ]
    web_settings.data_dir.mkdir(parents=True)
    path = web_settings.data_dir / store.LEGACY_WATCHLISTS_FILE
    path.write_text(json.dumps(legacy), encoding="utf-8")
    with TestClient(create_app(web_settings, pipeline_factory=fake_pipeline)) as client:
        listing = client.get("/watchlists").text
        assert "Korea since 2000" in listing and "nothing new" not in listing
        assert not path.exists() and path.with_name("watchlists.json.imported").is_file()
        token = _token(client, "/watchlists")
        client.post("/watchlists/0123456789ab/delete", data={FIELD: token})
    with TestClient(create_app(web_settings, pipeline_factory=fake_pipeline)) as again:
        assert _stored(again) == []  # deleted stays deleted: the file was imported once


@pytest.mark.parametrize("with_cookie", [False, True])
def test_watchlist_cross_site_post_without_the_token_is_refused(
    fresh_web: TestClient, with_cookie: bool
) -> None:
    if with_cookie:  # a browser that sends the dashboard's cookie with another site's form
        _token(fresh_web, "/")
        assert fresh_web.cookies.get(COOKIE)
    fields = {"name": "Hijacked", "query": "actor=RUS"}
    response = fresh_web.post(
        "/watchlists", data=fields, headers={"Origin": "https://evil.example"}
    )
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("text/html")
    assert "without a valid CSRF token" in response.text
    assert _stored(fresh_web) == []


def test_watchlist_post_with_another_browsers_token_is_refused(
    fresh_web: TestClient, web_settings: Settings
) -> None:
    with TestClient(create_app(web_settings, pipeline_factory=fake_pipeline)) as attacker:
        stolen = _token(attacker, "/")  # valid, but for the attacker's own cookie
    _token(fresh_web, "/")  # the victim has a cookie of their own
    fields = {"name": "Hijacked", "query": "actor=RUS", FIELD: stolen}
    response = fresh_web.post("/watchlists", data=fields)
    assert response.status_code == 403 and "does not match its cookie" in response.text
    _save(fresh_web, "Mine", "actor=RUS")
    deleted = fresh_web.post(f"/watchlists/{_stored(fresh_web)[0].id}/delete", data={})
    assert deleted.status_code == 403 and len(_stored(fresh_web)) == 1


def test_csrf_cookie_is_set_once_http_only_and_same_site(fresh_web: TestClient) -> None:
    first = fresh_web.get("/")
    cookie = first.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}=") and "HttpOnly" in cookie
    assert "samesite=lax" in cookie.lower()
    again = fresh_web.get("/", params={"actor": "PRK"})
    assert "set-cookie" not in again.headers  # the cookie it came with is reused
    assert _TOKEN.findall(again.text) == _TOKEN.findall(first.text)


def test_csrf_every_dashboard_route_checks_the_token_before_it_writes() -> None:
    # A dependency of the dashboard's router runs before every route of it, GET ones
    # included (they pass): a new form route cannot forget the check.
    assert any(d.dependency is check_csrf for d in dashboard_router.dependencies)
