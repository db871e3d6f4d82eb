"""API test helpers: a database of hand-made records and a client of an app over it."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from communique.api import create_app
from communique.settings import Settings
from communique.testing import fake_pipeline, fill_sample_store

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
MakeClient = Callable[..., TestClient]


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus written once; tests get copies."""
    db = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    fill_sample_store(db)
    return db


@pytest.fixture
def settings(tmp_path: Path, sample_db: Path) -> Settings:
    """Settings over a fresh copy of the database of ``communique.testing``'s sample corpus."""
    db = tmp_path / "api.duckdb"
    shutil.copyfile(sample_db, db)
    return Settings(db_path=db, data_dir=tmp_path / "data", api_token=TOKEN, api_read_open=True)


@pytest.fixture
def make_client(settings: Settings) -> Iterator[MakeClient]:
    """Build clients of apps over the sample database, with settings changed; all closed after."""
    opened: list[TestClient] = []

    def make(raise_errors: bool = True, **changes: Any) -> TestClient:
        app = create_app(settings.model_copy(update=changes), pipeline_factory=fake_pipeline)
        client = TestClient(app, raise_server_exceptions=raise_errors)
        client.__enter__()
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture
def auth() -> dict[str, str]:
    """The header that carries the test token."""
    return dict(AUTH)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, sample_db: Path) -> Iterator[TestClient]:
    """A client shared by a module's tests that only read (reads open, a token set).

    Tests that store anything use ``make_client()``, which gets a fresh database.
    """
    db = tmp_path_factory.mktemp("api-read") / "api.duckdb"
    shutil.copyfile(sample_db, db)
    settings = Settings(db_path=db, data_dir=db.parent / "data", api_token=TOKEN)
    with TestClient(create_app(settings, pipeline_factory=fake_pipeline)) as client:
        yield client
