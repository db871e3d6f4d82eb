"""POST /api/documents codes through the one ingest session: the run is recorded like any
other (interface, stages, versions with the spaCy model), roles learned reach later posts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique import store
from communique.api import create_app
from communique.settings import Settings

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.model
def test_api_runs_record_the_model_and_learned_roles_reach_later_posts(tmp_path: Path) -> None:
    db = tmp_path / "api.duckdb"
    settings = Settings(db_path=db, data_dir=tmp_path / "data", api_token=TOKEN)
    first = {"text": "Finnish Defence Minister Elsa Varjonen visited Tallinn on Monday.\n"}
    second = {"text": "Varjonen said Finland would send more air defence systems to Estonia.\n"}
    with TestClient(create_app(settings)) as client:
        assert client.post("/api/documents", json=first, headers=AUTH).status_code == 201
        assert client.post("/api/documents", json=second, headers=AUTH).status_code == 201
    with store.open_database(db, read_only=True) as connection:
        config, versions = connection.execute("SELECT config, versions FROM runs").fetchone()
        codes = connection.execute(
            "SELECT m.code FROM actor_mentions m JOIN articles a ON a.doc_id = m.doc_id"
            " WHERE a.text LIKE 'Varjonen said%' AND m.name LIKE '%Varjonen%'"
        ).fetchall()
    assert json.loads(config)["interface"] == "api"
    assert json.loads(config)["stages"][0] == "communique.extract.v1"
    assert "spacy_model" in json.loads(versions)
    assert codes and all(code.startswith("FIN") for (code,) in codes)
