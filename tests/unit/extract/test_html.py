"""HTML extraction on invented news pages (tests/fixtures/extract/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.errors import InputError
from communique.extract.html import PRODUCER, extract_html
from communique.records import Article, RawDocument

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "extract"


def _raw(html: str, **container: str) -> RawDocument:
    return RawDocument(
        id="doc-1",
        origin="test.html",
        data=html.encode("utf-8"),
        text=html,
        media_type="html",
        **container,  # type: ignore[arg-type]
    )


def _extract(name: str, **container: str) -> Article:
    return extract_html(_raw((FIXTURES / name).read_text(encoding="utf-8"), **container))


@pytest.fixture(scope="module")
def border() -> Article:
    return _extract("border_patrols.html")


def test_extract_html_keeps_article_paragraphs_separated_by_blank_lines(border: Article) -> None:
    paragraphs = border.text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("The interior ministers of Norland and Estavia signed")
    assert paragraphs[-1].startswith("Estavia’s government said")
    assert all(p.strip() == p and "\n" not in p for p in paragraphs)


def test_extract_html_leaves_out_navigation_and_footer(border: Article) -> None:
    for chrome in ("Politics", "Privacy policy", "About us", "All rights reserved"):
        assert chrome not in border.text


def test_extract_html_drops_furniture_and_records_it(border: Article) -> None:
    assert "Advertisement" not in border.text
    assert "newsletter" not in border.text
    assert "Share on" not in border.text
    assert "READ MORE" not in border.text
    assert "Advertisement" in border.dropped_lines
    assert "READ MORE: Valdoria hosts regional security summit" in border.dropped_lines


def test_extract_html_drops_the_headline_printed_above_the_body(border: Article) -> None:
    assert "agree joint border patrols" not in border.text
    assert border.dropped_lines[0] == "Norland and Estavia agree joint border patrols"


def test_extract_html_reads_page_metadata(border: Article) -> None:
    assert border.doc_id == "doc-1"
    assert border.title == "Norland and Estavia agree joint border patrols"
    assert border.published == "2024-06-19T09:12"
    assert border.language == "en"
    assert border.author == "Ilse Varga"
    assert border.site_name == "The Valdoria Courier"
    assert border.producer == PRODUCER == "communique.trafilatura.v1"


def test_extract_html_date_without_time_and_og_locale_language() -> None:
    article = _extract("harbour_strike.html")
    assert article.published == "2023-03-03"
    assert article.language == "fr"
    assert article.title == "Dockers strike in Port Amel"


def test_extract_html_drops_dateline_and_photo_credit_lines() -> None:
    article = _extract("harbour_strike.html")
    assert "Published 3 March 2023" in article.dropped_lines
    assert "Photo: Marta Keel" in article.dropped_lines
    assert article.text.startswith("Dock workers in Port Amel walked off the job")


def test_extract_html_container_metadata_wins() -> None:
    article = _extract(
        "border_patrols.html",
        title="Border patrol accord signed",
        published="Wed, 19 Jun 2024 10:30:00 GMT",
        url="https://courier.example/world/1",
        source="Valdoria Courier feed",
    )
    assert article.title == "Border patrol accord signed"
    assert article.published == "2024-06-19T10:30"
    assert article.url == "https://courier.example/world/1"
    assert article.source == "Valdoria Courier feed"


def test_extract_html_unparseable_container_date_falls_back_to_the_page() -> None:
    article = _extract("border_patrols.html", published="last Tuesday")
    assert article.published == "2024-06-19T09:12"


def test_extract_html_navigation_only_page_raises_no_body() -> None:
    with pytest.raises(InputError) as caught:
        _extract("sections.html")
    assert caught.value.reason == "no-body"
    assert "expected an HTML page with an article body" in caught.value.detail


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Empty</title></head><body></body></html>",
        "<html><body><p>Too short.</p></body></html>",
        "   ",
    ],
)
def test_extract_html_page_without_body_raises_no_body(html: str) -> None:
    with pytest.raises(InputError) as caught:
        extract_html(_raw(html))
    assert caught.value.reason == "no-body"
