"""The seed article through the real `communique code` (skips without ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app

pytestmark = pytest.mark.model


def test_seed_code_gives_expected_title_date_and_no_boilerplate(shared_data: Path) -> None:
    seed = shared_data / "seed"
    expected = json.loads((seed / "expected.json").read_text(encoding="utf-8"))
    result = CliRunner().invoke(app, ["code", str(seed / expected["document"])])
    assert result.exit_code == 0, result.stderr
    (doc,) = [json.loads(line) for line in result.stdout.splitlines()]
    article = doc["article"]
    assert article["title"] == expected["article"]["title"]
    assert article["published"] == expected["article"]["published"]
    for line in expected["article"]["boilerplate_to_drop"]:
        assert line not in article["text"]
    assert "Stoltenberg said that Russia's war in Ukraine is supported by China" in article["text"]
    assert len(article["sentences"]) >= 12
