"""The dashboard in a real browser: Debian's Chromium, driven by Playwright.

Starts the app with uvicorn on a free port of 127.0.0.1 over a database of hand-made
records (``communique.testing``), then walks the analyst's path: search, filter to a dyad,
open its timeline, follow an event to its article and check that the evidence sentence is
highlighted; and, over the same corpus with locations given to four events, open the map
and click a place's circle to list its events. Screenshots go to ``docs/screenshots/`` when
``COMMUNIQUE_SCREENSHOTS`` is set (``COMMUNIQUE_SCREENSHOTS=1 pytest
tests/e2e/test_browser.py``), else to the test's tmp folder. Skips when
``/usr/bin/chromium`` is absent (``apt-get install chromium``).
"""

from __future__ import annotations

import dataclasses
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from communique import store
from communique.api import create_app
from communique.records import CodedDocument, Place
from communique.settings import Settings
from communique.testing import fake_pipeline, fill_sample_store, sample_documents

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TOKEN = "browser-test-token"
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served by uvicorn in a thread; yields its base URL."""
    folder = tmp_path_factory.mktemp("browser")
    fill_sample_store(folder / "browser.duckdb")
    yield from _serve(folder)


@pytest.fixture(scope="module")
def located_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over the sample corpus whose events say where they happened."""
    folder = tmp_path_factory.mktemp("browser-map")
    with store.open_database(folder / "browser.duckdb") as connection:
        writer = store.StoreWriter(connection)
        writer.start_run({"interface": "test_browser"}, {"communique": "located sample"})
        writer.write(_located_documents())
        writer.finish_run()
    yield from _serve(folder)


def _located_documents() -> list[CodedDocument]:
    """The sample corpus with three events in Pyongyang and the shelling in Vovchansk."""
    where = {
        "sample-pact-e0": ("Pyongyang", 1871859, 39.03385, 125.75432, "PRK", "Pyongyang"),
        "sample-visit-e0": ("Pyongyang", 1871859, 39.03385, 125.75432, "PRK", "Pyongyang"),
        "sample-visit-e1": ("Pyongyang", 1871859, 39.03385, 125.75432, "PRK", "Pyongyang"),
        "ledger/sample-front-e0": ("Vovchansk", 689490, 50.2907, 36.9411, "UKR", "Kharkivska"),
    }
    documents = []
    for document in sample_documents():
        assert document.article is not None
        text = document.article.text
        events = []
        for event in document.events:
            if event.id in where:
                name, geonameid, lat, lon, country, admin1 = where[event.id]
                start = text.index(name)
                place = Place(
                    event.doc_id, start, start + len(name), name, geonameid, lat, lon,
                    country, admin1, "city", producer="test_browser",
                )  # fmt: skip
                event = dataclasses.replace(event, location=place)
            events.append(event)
        documents.append(dataclasses.replace(document, events=tuple(events)))
    return documents


def _serve(folder: Path) -> Iterator[str]:
    settings = Settings(
        db_path=folder / "browser.duckdb", data_dir=folder / "data", api_token=TOKEN
    )
    app = create_app(settings, pipeline_factory=fake_pipeline)  # POSTs code without spaCy
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uvicorn_server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uvicorn_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium from /usr/bin/chromium (Playwright downloads nothing)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where screenshots go: docs/screenshots with COMMUNIQUE_SCREENSHOTS set, else tmp."""
    if os.environ.get("COMMUNIQUE_SCREENSHOTS"):
        DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        return DOCS_SCREENSHOTS
    return tmp_path


def test_browser_from_search_to_the_sentence_behind_an_event(
    server: str, browser: Any, shots: Path
) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 860})
    page.goto(f"{server}/")
    expect(page.locator("tr.event")).to_have_count(10)
    page.screenshot(path=str(shots / "search.png"), full_page=True)

    # Filter to a dyad, then open its timeline.
    page.fill("form.filters input[name=actor]", "RUS")
    page.fill("form.filters input[name=other]", "PRK")
    page.click("form.filters button[type=submit]")
    expect(page.locator("tr.event")).to_have_count(5)
    page.click("a.dyad-link")
    expect(page).to_have_url(f"{server}/dyad/RUS/PRK")
    expect(page.locator("#dyad-chart")).to_have_attribute("data-ready", "true")
    expect(page.locator("tr.event")).to_have_count(4)
    page.screenshot(path=str(shots / "dyad.png"), full_page=True)

    # One click from the timeline to the evidence of an event, highlighted in its article.
    row = page.locator("tr.event", has_text="signed a defence pact")
    row.locator("a.evidence-link").click()
    expect(page).to_have_url(f"{server}/articles/sample-pact#e-sample-pact-e0")
    evidence = page.locator('mark[data-events~="sample-pact-e0"]')
    expect(evidence).to_have_text(
        "Russia and North Korea signed a defence pact in Pyongyang on Monday."
    )
    expect(evidence).to_have_class("event focus")
    expect(evidence).to_be_in_viewport()
    expect(evidence).to_have_attribute("data-codes", "057")
    expect(evidence).to_have_attribute("data-modality", "asserted")
    expect(page.locator("#card-e-sample-pact-e0")).to_have_class("card event-card focus")
    said = page.locator('mark[data-events~="sample-pact-e1"]')
    expect(said).to_have_attribute("data-says", "South Korea")
    expect(said).to_have_attribute("data-modality", "intended")
    quote = page.locator('mark[data-quotes~="sample-pact-q0"]')
    expect(quote).to_have_text("We will stand together against any aggression,")
    expect(quote).to_have_attribute("data-says", "Vladimir Putin")
    page.screenshot(path=str(shots / "article.png"), full_page=True)
    page.close()


def test_browser_network_and_watchlists(server: str, browser: Any, shots: Path) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 860})
    page.goto(f"{server}/network")
    expect(page.locator("svg#network g.node")).to_have_count(5)
    page.screenshot(path=str(shots / "network.png"), full_page=True)

    page.goto(f"{server}/?actor=PRK")
    page.fill("form.save input[name=name]", "North Korea")
    page.click("form.save button[type=submit]")
    expect(page).to_have_url(f"{server}/watchlists")
    expect(page.locator("table.watchlists tbody tr")).to_have_count(1)
    expect(page.locator("table.watchlists")).to_contain_text("nothing new")

    # A document posted to the running server shows up as new on the watchlist.
    posted = httpx.post(
        f"{server}/api/documents",
        json={"text": "Russia and North Korea agreed to hold more talks. Nothing else."},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert posted.status_code == 201, posted.text
    page.reload()
    expect(page.locator("table.watchlists")).to_contain_text("1 new")
    page.screenshot(path=str(shots / "watchlists.png"), full_page=True)
    page.click("table.watchlists a >> nth=0")
    expect(page.locator("tr.event")).to_have_count(1)
    expect(page.locator("tr.event")).to_contain_text("agreed to hold more talks")
    page.close()


def test_browser_map_of_located_events(located_server: str, browser: Any, shots: Path) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 860})
    page.goto(f"{located_server}/")
    page.click("header.top nav >> text=Map")
    expect(page).to_have_url(f"{located_server}/map")
    expect(page.locator("svg#map path.country")).to_have_count(177)
    places = page.locator("svg#map a.place")
    expect(places).to_have_count(2)
    expect(page.locator(".summary")).to_contain_text("4 located events at 2 places")
    pyongyang = page.locator('svg#map a.place[data-name="Pyongyang"]')
    vovchansk = page.locator('svg#map a.place[data-name="Vovchansk"]')
    expect(pyongyang).to_have_attribute("data-events", "3")
    assert _radius(pyongyang) > _radius(vovchansk)  # sized by events
    page.screenshot(path=str(shots / "map.png"), full_page=True)

    # The current search carries over: North Korea's events leave out the front in Ukraine.
    page.fill("form.filters input[name=actor]", "PRK")
    page.click("form.filters button[type=submit]")
    expect(places).to_have_count(1)

    # One click on a circle lists the events there.
    pyongyang.locator("circle").click()
    expect(page).to_have_url(f"{located_server}/?actor=PRK&near=39.03385%2C125.75432%2C1")
    expect(page.locator("tr.event")).to_have_count(3)
    expect(page.locator("tr.event", has_text="signed a defence pact")).to_have_count(1)
    page.close()


def _radius(place: Any) -> float:
    return float(place.locator("circle").get_attribute("r"))
