"""Watchlists: saved searches that show what was stored since the last visit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique.errors import InputError, StorageError
from communique.settings import Settings
from communique.web.watchlists import Watchlists


def test_watchlists_file_round_trip(tmp_path: Path) -> None:
    lists = Watchlists(tmp_path / "data")
    assert lists.all() == []
    saved = lists.add("  Korea  ", "actor=PRK")
    assert saved.name == "Korea" and lists.get(saved.id) == saved
    before = lists.visit(saved.id)
    assert before == saved
    assert lists.get(saved.id).last_visit >= saved.last_visit
    assert lists.remove(saved.id) is True and lists.remove(saved.id) is False
    assert json.loads((tmp_path / "data" / "watchlists.json").read_text()) == []


def test_watchlists_refuse_an_empty_name_and_a_foreign_file(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        Watchlists(tmp_path).add(" ", "actor=PRK")
    (tmp_path / "watchlists.json").write_text("{not json")
    with pytest.raises(StorageError, match="not a watchlists file"):
        Watchlists(tmp_path).all()


def test_watchlist_shows_what_is_new_since_the_last_visit(
    fresh_web: TestClient, web_settings: Settings, auth: dict[str, str]
) -> None:
    saved = fresh_web.post(
        "/watchlists",
        content="name=Russia+and+Korea&query=actor%3DRUS%26other%3DPRK",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        follow_redirects=False,
    )
    assert saved.status_code == 303 and saved.headers["location"] == "/watchlists"
    (watchlist,) = Watchlists(web_settings.data_dir).all()
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


def test_watchlist_delete_and_unknown(fresh_web: TestClient, web_settings: Settings) -> None:
    lists = Watchlists(web_settings.data_dir)
    saved = lists.add("All assaults", "type=ASSAULT")
    assert fresh_web.get("/watchlists/nope").status_code == 404
    gone = fresh_web.post(f"/watchlists/{saved.id}/delete", follow_redirects=False)
    assert gone.status_code == 303 and lists.all() == []


def test_watchlist_with_an_invalid_saved_search_is_a_400(
    fresh_web: TestClient, web_settings: Settings
) -> None:
    response = fresh_web.post(
        "/watchlists",
        content="name=bad&query=since%3Dyesterday",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        follow_redirects=False,
    )
    assert response.status_code == 400
    assert Watchlists(web_settings.data_dir).all() == []
