"""Dashboard test helpers: a client of the app over the sample corpus of hand-made records."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique.api import create_app
from communique.settings import Settings
from communique.testing import fake_pipeline, fill_sample_store

TOKEN = "web-test-token"


@pytest.fixture(scope="session")
def web_sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus written once; tests get copies."""
    db = tmp_path_factory.mktemp("web-sample") / "sample.duckdb"
    fill_sample_store(db)
    return db


@pytest.fixture
def web_settings(tmp_path: Path, web_sample_db: Path) -> Settings:
    """Settings over a fresh copy of the sample database and an empty data folder."""
    db = tmp_path / "web.duckdb"
    shutil.copyfile(web_sample_db, db)
    return Settings(db_path=db, data_dir=tmp_path / "data", api_token=TOKEN, api_read_open=True)


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory, web_sample_db: Path) -> Iterator[TestClient]:
    """A client of the app (pages and API) shared by a module's tests that only read."""
    db = tmp_path_factory.mktemp("web-read") / "web.duckdb"
    shutil.copyfile(web_sample_db, db)
    settings = Settings(db_path=db, data_dir=db.parent / "data", api_token=TOKEN)
    with TestClient(create_app(settings, pipeline_factory=fake_pipeline)) as client:
        yield client


@pytest.fixture
def fresh_web(web_settings: Settings) -> Iterator[TestClient]:
    """A client over a fresh copy of the sample database and an empty data folder."""
    with TestClient(create_app(web_settings, pipeline_factory=fake_pipeline)) as client:
        yield client


@pytest.fixture
def auth() -> dict[str, str]:
    """The header that carries the test token."""
    return {"Authorization": f"Bearer {TOKEN}"}
