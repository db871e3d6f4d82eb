"""The boilerplate filter on the seed article, as scraped, against its hand-made reference."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.extract.boilerplate import FilteredText, filter_boilerplate

SEED = "000_79fc82bee750cef7.txt"
BODY_FIRST = "NATO Secretary General Jens Stoltenberg has said"
BODY_LAST = "almost 5 million artillery shells."


@pytest.fixture(scope="module")
def seed(shared_data: Path) -> tuple[str, dict[str, object]]:
    folder = shared_data / "seed"
    if not (folder / SEED).is_file() or not (folder / "expected.json").is_file():
        pytest.skip(f"seed article not found in {folder}")
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return (folder / SEED).read_text(encoding="utf-8"), expected["article"]


@pytest.fixture(scope="module")
def result(seed: tuple[str, dict[str, object]]) -> FilteredText:
    return filter_boilerplate(seed[0])


def test_seed_title_and_published(
    seed: tuple[str, dict[str, object]], result: FilteredText
) -> None:
    assert result.title == seed[1]["title"]
    assert result.published == "2024-06-19T09:12"


def test_seed_boilerplate_is_dropped(
    seed: tuple[str, dict[str, object]], result: FilteredText
) -> None:
    boilerplate = seed[1]["boilerplate_to_drop"]
    assert isinstance(boilerplate, list)
    paragraphs = result.text.split("\n\n")
    for line in boilerplate:
        assert line not in paragraphs
        assert line in result.dropped
    assert seed[1]["title"] not in paragraphs
    assert not any("19 June 2024" in paragraph for paragraph in paragraphs)


def test_seed_every_body_sentence_is_kept(
    seed: tuple[str, dict[str, object]], result: FilteredText
) -> None:
    text, article = seed
    start, end = text.index(BODY_FIRST), text.index(BODY_LAST) + len(BODY_LAST)
    boilerplate = set(article["boilerplate_to_drop"])  # type: ignore[call-overload]
    # Every line of the body except ad slots and the lone "Background:" label.
    body = [
        line.strip().lstrip("•").strip()
        for line in text[start:end].splitlines()
        if line.strip() and line.strip() not in boilerplate and line.strip() != "Background:"
    ]
    assert len(body) == 11  # eight paragraphs and three bullets
    assert result.text.split("\n\n") == body
