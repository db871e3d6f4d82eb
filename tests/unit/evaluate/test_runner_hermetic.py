"""Evaluation is hermetic: an actor dictionary imported into the user's data folder, which
changes what ``communique code`` finds, does not change what an evaluation measures."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from communique.actors.user_knowledge import import_actors
from communique.evaluate._runner import code_gold
from communique.pipeline import build_pipeline, run_serial
from communique.records import CodedDocument, RawDocument
from communique.settings import get_settings

pytestmark = pytest.mark.model
TEXT = "Zorblat Quux criticised the plan on Tuesday."


@dataclass(frozen=True)
class _Item:
    id: str = "h1"
    origin: str = "test"
    text: str = TEXT
    published: str | None = "2024-05-01"


def _codes(outcome: object) -> set[str]:
    assert isinstance(outcome, CodedDocument)
    return {mention.code for mention in outcome.actors if mention.code}


def test_evaluation_ignores_the_users_imported_actors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dictionary = tmp_path / "mine.txt"
    dictionary.write_text("ZORBLAT_QUUX_ [FRAGOV]\n", encoding="utf-8")
    import_actors(dictionary, tmp_path / "data")
    monkeypatch.setenv("COMMUNIQUE_DATA_DIR", str(tmp_path / "data"))
    # control: the user's pipeline does know the imported person ...
    settings = get_settings()
    raw = RawDocument(id="h1", origin="t", data=TEXT.encode(), text=TEXT, media_type="text")
    (outcome,) = run_serial(build_pipeline(settings), [raw], 8)
    assert "FRAGOV" in _codes(outcome)
    # ... but the evaluation's does not
    outcomes, _ = code_gold([_Item()])
    assert "FRAGOV" not in _codes(outcomes[0])
