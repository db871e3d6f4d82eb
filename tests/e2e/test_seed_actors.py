"""Issue 3 acceptance on the seed article: people, codes, roles, and references resolved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.pipeline import code_paths, is_coded

pytestmark = pytest.mark.model


def _coded_seed(shared_data: Path):  # type: ignore[no-untyped-def]
    seed = shared_data / "seed"
    expected = json.loads((seed / "expected.json").read_text(encoding="utf-8"))
    (outcome,) = list(code_paths([str(seed / expected["document"])]))
    assert is_coded(outcome)
    return expected, outcome


def test_seed_actors_people_have_the_expected_code_and_role(shared_data: Path) -> None:
    expected, outcome = _coded_seed(shared_data)
    people = {m.name: m for m in outcome.actors if m.actor_id.startswith("person/")}
    for gold in expected["actors"]:
        found = people[gold["name"]]
        assert found.code == gold["code"], gold["name"]
        assert (found.role or "").lower() == gold["role"].lower(), gold["name"]


def test_seed_actors_references_are_resolved_as_a_reader_would(shared_data: Path) -> None:
    _, outcome = _coded_seed(shared_data)
    text = outcome.article.text
    codes: dict[str, set[str]] = {}
    for m in outcome.actors:
        codes.setdefault(text[m.start : m.end], set()).add(m.code)
    assert codes["Moscow"] == {"RUSGOV"}
    assert codes["Pyongyang"] == {"PRKGOV"}
    assert codes["Beijing"] == {"CHNGOV"}
    assert codes["Kremlin"] == {"RUSGOV"}
    assert codes["the Alliance"] == {"IGOWSTNAT"}
    assert codes["They"] == {"CHN"}
    assert codes["He"] == codes["he"] == {"IGOWSTNAT"}
    he = [m for m in outcome.actors if text[m.start : m.end] in {"He", "he"}]
    assert {m.name for m in he} == {"Jens Stoltenberg"}
