"""Registries: golden contents, unknown names listing the choices, no silent overwrite,
plugins replacing a stage by name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique import registry
from communique.errors import PluginError
from communique.pipeline import build_pipeline, configured_stages, populate_components
from communique.pipeline.stages import DEFAULT_STAGES, ExtractStage
from communique.settings import Settings

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "registry_contents.json"


def test_registry_contents_match_the_golden_list(request: pytest.FixtureRequest) -> None:
    populate_components()
    contents = registry.contents()
    if request.config.getoption("--update-golden"):
        GOLDEN.write_text(json.dumps(contents, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    assert contents == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_registry_unknown_name_lists_available_names() -> None:
    populate_components()
    with pytest.raises(PluginError) as info:
        registry.stages.get("communique.nothing.v9")
    assert "communique.extract.v1" in str(info.value)
    assert "Available names" in str(info.value)


def test_registry_refuses_to_overwrite_a_name() -> None:
    reg: registry.Registry[int] = registry.Registry("numbers")
    reg.register("one.v1", 1)
    with pytest.raises(PluginError, match="already registered"):
        reg.register("one.v1", 2)
    assert reg.names() == ["one.v1"]


def test_the_configured_pipeline_defaults_to_the_built_in_stages() -> None:
    assert configured_stages(Settings()) == DEFAULT_STAGES
    assert configured_stages(Settings(pipeline_stages=" a.v1 , b.v2 ")) == ("a.v1", "b.v2")


class _LoudExtract(ExtractStage):
    """A stand-in for a plugin: a stage registered under its own versioned name."""

    name = "example.loud_extract.v1"


def test_a_registered_stage_replaces_a_built_in_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    populate_components()
    # registered for this test only (monkeypatch takes it out again afterwards)
    monkeypatch.setitem(registry.stages._entries, _LoudExtract.name, _LoudExtract)
    settings = Settings(pipeline_stages=_LoudExtract.name)
    pipeline = build_pipeline(settings)
    assert pipeline.names == [_LoudExtract.name]
    assert isinstance(pipeline.stages[0], _LoudExtract)


def test_an_unknown_stage_in_the_settings_is_named() -> None:
    with pytest.raises(PluginError, match=r"communique\.nothing\.v9"):
        build_pipeline(Settings(pipeline_stages="communique.nothing.v9"))
