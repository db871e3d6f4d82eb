"""Issue 16 acceptance on the seed article: its places, and its events located where the
text says they happened."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.pipeline import code_paths, is_coded, to_contract

pytestmark = pytest.mark.model


def _coded_seed(shared_data: Path):  # type: ignore[no-untyped-def]
    (outcome,) = list(code_paths([str(shared_data / "seed" / "000_79fc82bee750cef7.txt")]))
    assert is_coded(outcome)
    return outcome


def test_seed_places_are_resolved(shared_data: Path) -> None:
    outcome = _coded_seed(shared_data)
    text = outcome.article.text
    by_text = {text[p.start : p.end]: p for p in outcome.places}
    assert by_text["DPRK"].country == "PRK" and by_text["DPRK"].feature == "country"
    assert by_text["Pyongyang"].country == "PRK" and by_text["Pyongyang"].feature == "city"
    assert by_text["Washington"].country == "USA" and by_text["Washington"].feature == "city"
    assert "White House" not in by_text  # a seat of government, not a place to put on a map


def test_seed_visit_is_in_north_korea_and_the_meeting_in_washington(shared_data: Path) -> None:
    outcome = _coded_seed(shared_data)
    visits = [e for e in outcome.events if e.cameo == "042" and e.source.code == "RUSGOV"]
    assert visits and all(e.location and e.location.country == "PRK" for e in visits)
    meeting = [
        e
        for e in outcome.events
        if e.source.code == "IGOWSTNAT" and e.target and e.target.code == "USAGOV"
    ]
    assert meeting and all(e.location and e.location.name == "Washington" for e in meeting)


def test_seed_contract_carries_places_and_locations(shared_data: Path) -> None:
    contract = to_contract(_coded_seed(shared_data))
    text = contract["article"]["text"]
    assert contract["places"], "places are part of the output contract"
    for place in contract["places"]:
        start, end = place["span"]
        assert text[start:end] and place["lat"] is not None and place["lon"] is not None
    located = [e["location"] for e in contract["events"] if e["location"] is not None]
    assert located and all(set(loc) >= {"span", "name", "geonameid", "feature"} for loc in located)
