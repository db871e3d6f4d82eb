"""Registries: golden contents, unknown names listing the choices, no silent overwrite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique import registry
from communique.errors import PluginError

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "registry_contents.json"


def test_registry_contents_match_the_golden_list(request: pytest.FixtureRequest) -> None:
    contents = registry.contents()
    if request.config.getoption("--update-golden"):
        GOLDEN.write_text(json.dumps(contents, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    assert contents == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_registry_unknown_name_lists_available_names() -> None:
    registry.populate()
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
