"""A memory that cannot be poisoned: only title phrases are learned or recalled, places in
"X-based" are no anchors, and a learned fact never overrides a dated knowledge-base person.

Sentences are written by us.
"""

from __future__ import annotations

from datetime import date

import pytest

from communique.actors import DocumentRoles, RoleFact, RoleSnapshot, find_actors, usable_fact
from communique.actors.roles import is_title_phrase
from communique.annotate import annotate_articles
from communique.records import Article


@pytest.mark.parametrize(
    "role",
    [
        "Defence Minister",
        "Secretary of State",
        "Deputy Press Secretary for Regional Media",
        "former Foreign Minister",
        "NATO Secretary General",
        "human rights chief",
        "Vice-President",
        "Supreme Leader",
        "U.N. envoy",
    ],
)
def test_titles_are_title_phrases(role: str) -> None:
    assert is_title_phrase(role)


@pytest.mark.parametrize(
    "role",
    [
        "United States mainland is now “within range of our nuclear strike” and his defense "
        "sector is",
        "defense sector",
        "the plan",
        "said on Monday",
        "minister 2",
        "",
    ],
)
def test_clauses_and_fragments_are_not_title_phrases(role: str) -> None:
    assert not is_title_phrase(role)


def test_unusable_facts_are_neither_learned_nor_recalled() -> None:
    junk = RoleFact("Kim", "United States mainland is now and his defense sector is", "USAGOV",
                    "USA", "GOV", None, date(2018, 1, 1))  # fmt: skip
    surname_only = RoleFact("Kim", "Leader", "PRKGOV", "PRK", "GOV", None, None)
    good = RoleFact("Elsa Varjonen", "Defence Minister", "FINGOV", "FIN", "GOV", None, None)
    assert not usable_fact(junk) and not usable_fact(surname_only) and usable_fact(good)


def _find(nlp, text: str, roles: RoleSnapshot | None = None):  # type: ignore[no-untyped-def]
    article = Article(doc_id="t", text=text, published="2019-05-01")
    (annotation,) = annotate_articles([article], nlp)
    recorder = DocumentRoles(roles or RoleSnapshot())
    found = find_actors(article, annotation, memory=recorder)
    return {text[m.start : m.end]: m for m in found}, recorder.learned


@pytest.mark.model
def test_a_place_in_x_based_is_no_anchor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Maren Oduya, executive director of the Washington-based Arms Policy Forum, said the "
        "test was a warning."
    )
    found, learned = _find(nlp, text)
    assert "Washington" not in found
    assert all(not m.code.startswith("USAGOV") for m in found.values())
    assert learned == ()


@pytest.mark.model
def test_a_clause_after_a_name_is_not_read_as_a_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kim, the United States mainland is now “within range of our nuclear strike” and his "
        "defense sector is ready, the agency said."
    )
    found, learned = _find(nlp, text)
    assert learned == ()
    assert all(m.code != "USAGOV" for m in found.values())


@pytest.mark.model
def test_a_learned_fact_never_overrides_a_dated_knowledge_base_person(nlp) -> None:  # type: ignore[no-untyped-def]
    wrong = RoleFact("Vladimir Putin", "Ambassador", "USAGOV", "USA", "GOV", None, None)
    found, _ = _find(nlp, "Vladimir Putin spoke on Monday.", RoleSnapshot([wrong]))
    assert found["Vladimir Putin"].code == "RUSGOV"


@pytest.mark.model
def test_a_bare_surname_is_the_person_named_in_full_earlier(nlp) -> None:  # type: ignore[no-untyped-def]
    other = RoleFact("Tomas Varjonen", "Senator", "USALEG", "USA", "LEG", None, date(2019, 1, 1))
    text = "Finnish Defence Minister Elsa Varjonen met reporters. Varjonen said talks would go on."
    found, _ = _find(nlp, text, RoleSnapshot([other]))
    assert found["Varjonen"].code == "FINGOV"
