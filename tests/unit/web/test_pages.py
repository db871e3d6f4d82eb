"""Dashboard pages over the sample corpus: search, dyad timeline, network, article, errors."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient


def _links(html: str, prefix: str) -> list[str]:
    return re.findall(rf'href="({re.escape(prefix)}[^"]*)"', html)


def test_search_page_lists_events_with_filters(web: TestClient) -> None:
    page = web.get("/")
    assert page.status_code == 200
    assert page.text.count('class="event"') == 10
    assert "<option selected>ASSAULT</option>" not in page.text
    assault = web.get("/", params={"type": "ASSAULT", "since": "", "until": ""})
    assert assault.text.count('class="event"') == 1
    assert "<option selected>ASSAULT</option>" in assault.text
    dyad = web.get("/", params={"actor": "RUS", "other": "PRK"})
    assert dyad.text.count('class="event"') == 5  # both directions, every modality
    assert 'href="/dyad/RUS/PRK"' in dyad.text
    dated = web.get("/", params={"since": "2024-07-01", "until": "2024-07-31"})
    assert dated.text.count('class="event"') == 5


def test_search_page_links_each_event_to_its_evidence_and_timeline(web: TestClient) -> None:
    html = web.get("/", params={"actor": "RUS", "other": "PRK"}).text
    assert "/articles/sample-pact#e-sample-pact-e0" in _links(html, "/articles/")
    assert "/dyad/RUSGOV/PRKGOV" in _links(html, "/dyad/")


def test_search_page_refuses_unknown_parameters_in_html(web: TestClient) -> None:
    page = web.get("/", params={"nonsense": "1"})
    assert page.status_code == 422
    assert page.headers["content-type"].startswith("text/html")


def test_dyad_page_has_the_series_and_the_events(web: TestClient) -> None:
    page = web.get("/dyad/RUS/PRK")
    assert page.status_code == 200
    raw = re.search(r'<script type="application/json" id="dyad-data">(.*?)</script>', page.text)
    assert raw is not None
    series = json.loads(raw.group(1))
    assert [p["events"] for p in series["points"]] == [1, 0, 2, 0, 0, 1]
    assert "chart.umd.min.js" in page.text and 'id="dyad-chart"' in page.text
    assert page.text.count('class="event"') == 4  # asserted events, the chart's
    assert "/articles/sample-visit#e-sample-visit-e0" in _links(page.text, "/articles/")


def test_dyad_page_period_and_options(web: TestClient) -> None:
    week = web.get("/dyad/RUS/PRK", params={"since": "2024-06-17", "until": "2024-06-23"})
    assert week.text.count('class="event"') == 2
    every = web.get("/dyad/RUS/PRK", params={"modality": "all", "interval": "month"})
    assert every.text.count('class="event"') == 5
    one_way = web.get("/dyad/PRK/RUS", params={"directed": "true"})
    assert one_way.text.count('class="event"') == 2


def test_dyad_page_escapes_actor_names_from_the_url(web: TestClient) -> None:
    page = web.get("/dyad/%3Cscript%3E%3Cb%3Ex/PRK")  # a = "<script><b>x"
    assert page.status_code == 200
    assert "<b>x" not in page.text  # escaped in the heading, the links and the JSON
    assert "\\u003cscript\\u003e\\u003cb\\u003ex" in page.text


def test_network_page_draws_an_svg(web: TestClient) -> None:
    page = web.get("/network")
    assert page.status_code == 200
    assert '<svg id="network"' in page.text
    assert page.text.count('class="node"') == 5
    assert 'data-source="USAGOV" data-target="RUSGOV"' in page.text
    assert "/dyad/USAGOV/RUSGOV?directed=true" in _links(page.text, "/dyad/")
    empty = web.get("/network", params={"since": "2030-01-01"})
    assert "No events with a source and a target" in empty.text


def test_article_page_marks_evidence_and_quotes(web: TestClient) -> None:
    page = web.get("/articles/sample-pact")
    assert page.status_code == 200
    html = page.text
    text = html[html.index('id="article-text"') :]
    marks = re.findall(r"<mark ([^>]*)>(.*?)</mark>", text, flags=re.S)
    by_event = {}
    for attributes, text in marks:
        for event_id in re.search(r'data-events="([^"]*)"', attributes).group(1).split():
            by_event[event_id] = by_event.get(event_id, "") + text
    assert by_event["sample-pact-e0"] == (
        "Russia and North Korea signed a defence pact in Pyongyang on Monday."
    )
    intended = next(a for a, _ in marks if "sample-pact-e1" in a)
    assert 'data-modality="intended"' in intended and 'data-says="South Korea"' in intended
    assert 'data-codes="030"' in intended
    quoted = [t for a, t in marks if 'data-quotes="sample-pact-q0"' in a]
    assert "".join(quoted) == "We will stand together against any aggression,"
    assert 'id="e-sample-pact-e0"' in html and 'id="q-sample-pact-q0"' in html
    assert "according to South Korea" in html


def test_article_page_of_an_id_with_a_slash(web: TestClient) -> None:
    html = web.get("/", params={"type": "ASSAULT"}).text
    (link,) = _links(html, "/articles/")
    assert link == "/articles/ledger/sample-front#e-ledger/sample-front-e0"
    page = web.get(link.split("#")[0])
    assert page.status_code == 200 and 'data-events="ledger/sample-front-e0"' in page.text


def test_article_page_unknown_id_is_a_404_page(web: TestClient) -> None:
    page = web.get("/articles/nothing")
    assert page.status_code == 404
    assert "No article" in page.text and page.headers["content-type"].startswith("text/html")


def test_static_files_are_served_without_a_cdn(web: TestClient) -> None:
    for path in ("/static/app.js", "/static/style.css", "/static/vendor/chartjs/chart.umd.min.js"):
        assert web.get(path).status_code == 200, path
    for page in ("/", "/dyad/RUS/PRK", "/network", "/articles/sample-pact", "/watchlists"):
        html = web.get(page).text
        assert not re.search(r'(src|href)="(https?:)?//', html), page
