"""Settings: every field documented, docs page in sync, environment honoured."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from communique.settings import Settings, settings_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "settings.md"


def test_settings_every_field_has_a_description() -> None:
    undocumented = [n for n, f in Settings.model_fields.items() if not f.description]
    assert undocumented == []


def test_settings_docs_page_is_generated_from_the_model() -> None:
    assert DOCS.read_text(encoding="utf-8") == settings_markdown(), (
        "docs/settings.md is stale: regenerate it with "
        'python -c "from communique.settings import settings_markdown as m; '
        "open('docs/settings.md','w').write(m())\""
    )


def test_settings_read_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMUNIQUE_SPACY_BATCH_SIZE", "7")
    assert Settings().spacy_batch_size == 7


def test_settings_reject_an_unknown_error_policy() -> None:
    with pytest.raises(ValidationError):
        Settings(error_policy="ignore")


def test_settings_data_dir_follows_xdg_data_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("COMMUNIQUE_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert Settings().data_dir == tmp_path / "communique"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")
    assert Settings().data_dir == Path.home() / ".local" / "share" / "communique"


def test_settings_data_dir_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMUNIQUE_DATA_DIR", "~/kb")
    assert Settings().data_dir == Path.home() / "kb"
