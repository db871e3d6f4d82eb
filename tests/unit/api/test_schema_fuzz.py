"""Schema fuzzing: every GET endpoint answers what our OpenAPI schema promises (schemathesis).

Small on purpose (a few generated requests per endpoint) so the default run stays fast;
invalid requests (negative mode) are ``slow``; ``SCHEMATHESIS_EXAMPLES=300 pytest
tests/unit/api/test_schema_fuzz.py`` fuzzes harder.
The schema is loaded inside the test (not with ``schemathesis.pytest.from_fixture``, whose
lazy loader does not work with pytest 9), and each operation's strategy drives Hypothesis.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from communique.api import create_app
from communique.settings import Settings
from communique.testing import fake_pipeline

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "12"))
GET_PATHS = [
    "/api/events",
    "/api/places",
    "/api/actors",
    "/api/quotes",
    "/api/dyads/{a}/{b}",
    "/api/network",
    "/api/articles/{doc_id}",
]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory, sample_db: Path) -> Iterator[Any]:
    """The schema of an app over a copy of the sample database, loaded from /openapi.json."""
    folder = tmp_path_factory.mktemp("fuzz")
    db = folder / "fuzz.duckdb"
    shutil.copyfile(sample_db, db)
    app = create_app(
        Settings(db_path=db, data_dir=folder / "data", api_token=None, api_read_open=True),
        pipeline_factory=fake_pipeline,
    )
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    app.state.communique.close()


def test_schema_covers_every_get_endpoint(api_schema: Any) -> None:
    found = {
        result.ok().path
        for result in api_schema.get_all_operations()
        if result.ok().method.upper() == "GET"
    }
    assert found == set(GET_PATHS)


@pytest.mark.parametrize(
    "mode",
    [GenerationMode.POSITIVE, pytest.param(GenerationMode.NEGATIVE, marks=pytest.mark.slow)],
)
@pytest.mark.parametrize("path", GET_PATHS)
def test_api_answers_as_its_schema_says(api_schema: Any, path: str, mode: GenerationMode) -> None:
    operation = api_schema[path]["GET"]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Any) -> None:
        query = case.query or {}
        if str(query.get("since", "")) > str(query.get("until", "~")):
            # An empty date range is schema-valid but refused (400): a rule across two fields.
            case.call_and_validate(excluded_checks=[positive_data_acceptance])
        else:
            case.call_and_validate()

    check()
