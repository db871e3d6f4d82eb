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
            'SELECT m.doc_id, m.code, substr(a.text, m."start" + 1, m."end" - m."start")'
            " FROM actor_mentions m JOIN articles a ON a.doc_id = m.doc_id"
            " WHERE m.actor_id LIKE 'person/%' ORDER BY m.doc_id, m.\"start\""
        ).fetchall()
    # A surname alone, after a person named in full with it, takes the code of someone the
    # article has called by that surname so far: "Peter Mattis … Mattis" is the analyst, not
    # the knowledge base's Jim Mattis; "Mr. Trump … Eric Trump … Trump" may still be the
    # president the article was already talking about.
    seen: dict[tuple[str, str], set[str]] = {}
    named: set[tuple[str, str]] = set()
    wrong = []
    for doc_id, code, written in rows:
        words = written.split()
        if not words or not words[-1][:1].isupper() or written.lower() in PRONOUNS:
            continue  # "He" the pronoun, not the surname of Liu He
        key = (doc_id, words[-1])
        if len(words) == 1 and key in named and code not in seen[key]:
            wrong.append((doc_id, written, code, sorted(seen[key])))
        if len(words) >= 2:
            named.add(key)
        seen.setdefault(key, set()).add(code)
    assert not wrong, json.dumps(wrong[:10])
