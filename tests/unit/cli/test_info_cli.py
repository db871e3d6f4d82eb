"""`communique info` shows the configured pipeline and what is registered."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.pipeline.stages import DEFAULT_STAGES

pytestmark = pytest.mark.model


def test_info_shows_the_pipeline_versions_and_registries() -> None:
    result = CliRunner().invoke(app, ["info"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["pipeline"]["stages"] == list(DEFAULT_STAGES)
    assert "parser" in report["pipeline"]["spacy_components"]
    assert "en_core_web_sm" in report["versions"]["spacy_model"]
    assert set(DEFAULT_STAGES) <= set(report["registries"]["stages"])
