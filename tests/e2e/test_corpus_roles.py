"""On real articles: every role the store learns is a title phrase, and a surname never takes
another person's code in an article that names its person in full (issue 14).

Runs on the first articles of the AllSides corpus in ../shared/data (skipped when absent).
"""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest

from communique import store
from communique.actors import usable_fact
from communique.pipeline.ingest import ingest_paths
from communique.settings import Settings

pytestmark = [pytest.mark.model, pytest.mark.slow]
ARTICLES = 120
PRONOUNS = frozenset({"he", "she", "him", "her", "his", "it", "its", "they", "them", "their"})


@pytest.fixture(scope="module")
def corpus_store(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    sample = folder / "sample.jsonl"
    source = shared_data / "corpus" / "allsides_intl_2018_2020.jsonl"
    with source.open(encoding="utf-8") as lines:
        sample.write_text("".join(islice(lines, ARTICLES)), encoding="utf-8")
    db = folder / "corpus.duckdb"
    ingest_paths([str(sample)], db, Settings(data_dir=folder / "data"))
    return db


def test_every_learned_role_is_a_title_phrase(corpus_store: Path) -> None:
    with store.open_database(corpus_store, read_only=True) as connection:
        facts = store.role_facts(connection)
    assert facts, "the sample should teach some roles"
    bad = [f"{fact.name}: {fact.role!r}" for fact in facts if not usable_fact(fact)]
    assert not bad, bad


def test_a_surname_takes_the_code_of_the_person_named_in_full(corpus_store: Path) -> None:
    with store.open_database(corpus_store, read_only=True) as connection:
        rows = connection.execute(
            "SELECT m.doc_id, m.actor_id, m.code,"
            ' substr(a.text, m."start" + 1, m."end" - m."start")'
            " FROM actor_mentions m JOIN articles a ON a.doc_id = m.doc_id"
            " WHERE m.actor_id LIKE 'person/%'"
        ).fetchall()
    full: dict[tuple[str, str], set[str]] = {}
    for doc_id, _, code, written in rows:
        words = written.split()
        if len(words) >= 2 and words[-1][:1].isupper():
            full.setdefault((doc_id, words[-1]), set()).add(code)
    wrong = [
        (doc_id, written, code, sorted(full[doc_id, written]))
        for doc_id, _, code, written in rows
        if (doc_id, written) in full
        and code not in full[doc_id, written]
        and written.lower() not in PRONOUNS  # "He" the pronoun, not the surname of Liu He
    ]
    assert not wrong, json.dumps(wrong[:10])
