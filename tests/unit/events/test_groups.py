"""Named groups of countries: one event per member when the text treats them apart, the
group's own code when it acts as a body. Sentences written by us."""

from __future__ import annotations

import pytest

from communique.pipeline import code_text
from communique.records import CodedDocument

pytestmark = pytest.mark.model


def _dyads(text: str) -> set[tuple[str, str | None]]:
    outcome = code_text(text, kind="text")
    assert isinstance(outcome, CodedDocument)
    return {(e.source.code[:3], e.target.code[:3] if e.target else None) for e in outcome.events}


def test_a_group_of_countries_as_target_gives_one_event_per_member() -> None:
    assert _dyads("Russia threatened the Baltic states on Monday.") >= {
        ("RUS", "EST"),
        ("RUS", "LVA"),
        ("RUS", "LTU"),
    }


def test_a_group_acting_as_a_body_keeps_its_code() -> None:
    outcome = code_text("The G7 condemned Russia on Monday.", kind="text")
    assert isinstance(outcome, CodedDocument)
    assert {e.source.code for e in outcome.events} == {"IGOBUSGOS"}
