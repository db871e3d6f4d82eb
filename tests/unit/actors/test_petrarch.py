"""PETRARCH/Phoenix actor dictionaries: parsing, dates, errors, import into the user base."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from communique.actors._tables import read_table
from communique.actors.knowledge import load_knowledge_base
from communique.actors.petrarch import (
    AGENT_CODES,
    ActorTerm,
    ImportedActor,
    read_petrarch_actors,
    read_petrarch_dictionary,
)
from communique.actors.user_knowledge import import_actors, news_spellings
from communique.errors import InputError

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "actors" / "petrarch_actors.txt"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actors.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def actors() -> dict[str, ImportedActor]:
    return {actor.name: actor for actor in read_petrarch_actors(FIXTURE)}


def test_read_petrarch_actors_reads_roots_synonyms_and_skips_comments(
    actors: dict[str, ImportedActor],
) -> None:
    assert list(actors) == [
        "BARACK OBAMA", "ANGELA MERKEL", "JACINDA ARDERN", "KOFI ANNAN", "JENS STOLTENBERG",
        "MOON JAE-IN", "JAMES BYRNES", "JOHN DOE",
    ]  # fmt: skip
    assert actors["BARACK OBAMA"].aliases == ("OBAMA", "PRESIDENT OBAMA")
    assert actors["KOFI ANNAN"].aliases == ("KOFI A. ANNAN",)
    assert actors["BARACK OBAMA"].line == 6
    assert actors["JOHN DOE"].terms == ()  # no code at all: nothing to import


def test_read_petrarch_actors_date_restrictions_of_all_three_kinds(
    actors: dict[str, ImportedActor],
) -> None:
    # PETRARCH includes both limit days; our terms end the day after (start <= d < end).
    assert actors["BARACK OBAMA"].terms == (
        ActorTerm("USAELI", None, date(2009, 1, 20)),  # <090119
        ActorTerm("USAGOV", date(2009, 1, 20), date(2017, 1, 20)),  # 090120-170119
        ActorTerm("USAELI", date(2017, 1, 20), None),  # >170120
    )


def test_read_petrarch_actors_root_code_is_the_default_and_comes_last(
    actors: dict[str, ImportedActor],
) -> None:
    assert actors["ANGELA MERKEL"].terms == (
        ActorTerm("DEUGOV", date(2005, 11, 22), date(2021, 12, 8)),  # YYYYMMDD
        ActorTerm("DEUELI", None, None),
    )
    annan = actors["KOFI ANNAN"].terms  # a restriction on the root line itself
    assert annan == (ActorTerm("IGOUNO", date(1997, 1, 1), date(2007, 1, 1)),)


def test_read_petrarch_actors_two_digit_years_follow_petrarch(
    actors: dict[str, ImportedActor], tmp_path: Path
) -> None:
    byrnes = actors["JAMES BYRNES"].terms  # 450703 is 1945, mixed with YYYYMMDD
    assert byrnes[0] == ActorTerm("USAELI", date(1882, 5, 2), date(1945, 7, 3))
    assert byrnes[1] == ActorTerm("USAGOV", date(1945, 7, 3), date(1947, 1, 22))
    pivot = _write(tmp_path, "LATER_\n\t[USAGOV >300101]\nEARLIER_\n\t[USAGOV <310101]\n")
    later, earlier = (actor.terms[0] for actor in read_petrarch_actors(pivot))
    assert later.start == date(2030, 1, 1)  # 00-30 are 20xx
    assert earlier.end == date(1931, 1, 2)  # 31-99 are 19xx


def test_read_petrarch_actors_ignores_text_after_stop(actors: dict[str, ImportedActor]) -> None:
    assert "IGNORED AFTER STOP" not in actors


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("MINISTER [~GOV]", "agent code"),
        ("MINISTER [GOV]", "agent code"),
        ("!MINIST!_OF_DEFENCE [~GOV]", "agent dictionary syntax"),
        ("ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]", "agent dictionary syntax"),
        ("GRANT [070]", "verb dictionary"),
        ("- ** RESIST &TESTSYN3 [113]", "pattern syntax"),
        ("BAD_DATE\n\t[USAGOV 090231-100101]", "not a calendar date"),
        ("BACKWARDS\n\t[USAGOV 100101-090101]", "ends (2009-01-01) before it starts"),
        ("NO_RESTRICTION\n\t[USAGOV sometime]", "expected a date restriction"),
        ("UNCLOSED\n\t[USAGOV 090101", "expected one [CODE]"),
    ],
)
def test_read_petrarch_actors_bad_line_names_path_and_line(
    tmp_path: Path, line: str, reason: str
) -> None:
    path = _write(tmp_path, f"# header\nGOOD_ACTOR_ [USAGOV]\n+GOOD\n\n{line}\n")
    with pytest.raises(InputError) as caught:
        read_petrarch_actors(path)
    bad_line = 5 if "\n" not in line else 6
    assert caught.value.reason == "bad-dictionary"
    assert f"{path}:{bad_line}: " in str(caught.value)
    assert reason in str(caught.value)


def test_read_petrarch_actors_synonym_before_any_root_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"actors.txt:1: a synonym"):
        read_petrarch_actors(_write(tmp_path, "+ORPHAN\nROOT [USA]\n"))


def test_read_petrarch_dictionary_lenient_skips_and_counts(tmp_path: Path) -> None:
    text = "A_ [USAGOV]\nMINISTER [~GOV]\n+MINISTERS\n\t[GOV]\nB_\n+B_SYNONYM\n\t[FRAGOV 2010]\n"
    read = read_petrarch_dictionary(_write(tmp_path, text), lenient=True)
    assert [(a.name, a.aliases) for a in read.actors] == [("A", ()), ("B", ("B SYNONYM",))]
    # The agent line, the two lines under it, and B's bad restriction.
    assert [skip.line for skip in read.skipped] == [2, 3, 4, 7]
    assert "belongs to an unreadable actor" in read.skipped[1].reason


def test_read_petrarch_actors_reads_windows_files(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    head = "\ufeff# saved by Notepad\r\nJOSEP_BORRELL_\r\n"
    path.write_bytes(f"{head}\t[ESPGOV 181107]\r\n".encode())
    with pytest.raises(InputError, match=r"windows.txt:3: expected a date restriction"):
        read_petrarch_actors(path)
    path.write_bytes(f"{head}\t[ESPGOV >181107]\r\n".encode())
    assert read_petrarch_actors(path)[0].terms == (ActorTerm("ESPGOV", date(2018, 11, 7), None),)


def test_read_petrarch_actors_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_petrarch_actors(tmp_path / "nope.txt")
    assert caught.value.reason == "not-found"


def test_agent_codes_are_the_knowledge_base_sector_codes() -> None:
    sectors = {row["code"] for row in read_table("sectors.tsv")}
    assert sectors - AGENT_CODES == {"NGO", "MNC"}  # these are also actor codes on their own
    assert sectors >= AGENT_CODES


@pytest.mark.parametrize(
    ("phrase", "spellings"),
    [
        ("BARACK OBAMA", ["Barack Obama", "BARACK OBAMA"]),
        ("MOON JAE-IN", ["Moon Jae-In", "Moon Jae-in", "MOON JAE-IN"]),
        ("JOHN O'BRIEN", ["John O'Brien", "JOHN O'BRIEN"]),
        ("U.S. ENVOY", ["U.S. Envoy", "U.S. ENVOY"]),
        ("Kim Jong-un", ["Kim Jong-un"]),  # written in mixed case: kept as written
    ],
)
def test_news_spellings_of_capitalised_phrases(phrase: str, spellings: list[str]) -> None:
    assert news_spellings(phrase) == spellings


def test_import_actors_writes_people_rows_and_is_idempotent(tmp_path: Path) -> None:
    first = import_actors(FIXTURE, tmp_path)
    assert (first.actors, first.terms, first.uncoded) == (7, 14, 1)
    assert (first.added, first.updated, first.unchanged) == (7, 0, 0)
    assert first.path == tmp_path / "actors" / "people.tsv"
    text = first.path.read_text(encoding="utf-8")
    second = import_actors(FIXTURE, tmp_path)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 7)
    assert first.path.read_text(encoding="utf-8") == text


def test_import_actors_uses_the_packaged_people_columns(tmp_path: Path) -> None:
    path = import_actors(FIXTURE, tmp_path).path
    rows = [line.split("\t") for line in path.read_text().splitlines() if line[:1] != "#"]
    assert rows[0] == list(read_table("people.tsv")[0])
    annan = next(row for row in rows if row[0] == "Kofi Annan")
    assert annan == [
        "Kofi Annan", "KOFI ANNAN|Kofi A. Annan|KOFI A. ANNAN", "", "IGOUNO", "", "1997-01-01",
        "2007-01-01",
    ]  # fmt: skip
    ardern = [row for row in rows if row[0] == "Jacinda Ardern"]
    assert [(r[3], r[4], r[5], r[6]) for r in ardern] == [
        ("NZLGOV", "NZL", "2017-10-26", "2023-01-25"),
        ("NZLELI", "NZL", "2023-01-25", ""),
    ]


def test_import_actors_merges_with_rows_already_there(tmp_path: Path) -> None:
    import_actors(FIXTURE, tmp_path)
    changed = _write(tmp_path, "JACINDA_ARDERN_\n\t[NZLGOV 171026-230124]\nNEW_PERSON_ [FRAGOV]\n")
    summary = import_actors(changed, tmp_path)
    assert (summary.added, summary.updated, summary.unchanged) == (1, 1, 0)
    names = [line.split("\t")[0] for line in summary.path.read_text().splitlines()]
    assert names.count("Jacinda Ardern") == 1  # her two rows became one
    assert "Barack Obama" in names and names[-1] == "New Person"  # others kept, new appended


def test_load_knowledge_base_codes_an_imported_synonym_by_date(tmp_path: Path) -> None:
    import_actors(FIXTURE, tmp_path)
    kb = load_knowledge_base(tmp_path)
    tokens = ["Talks", "with", "President", "Obama", "ended"]
    in_office = kb.match(tokens, on=date(2012, 6, 1))
    after = kb.match(tokens, on=date(2018, 6, 1))
    assert [(m.start, m.end, m.kind, m.code) for m in in_office] == [(2, 4, "person", "USAGOV")]
    assert [(m.start, m.end, m.kind, m.code) for m in after] == [(2, 4, "person", "USAELI")]
    ardern = ["Jacinda", "Ardern"]
    assert kb.match(ardern, on=date(2019, 1, 1))[0].code == "NZLGOV"
    assert kb.match(ardern, on=date(2024, 1, 1))[0].code == "NZLELI"
    assert kb.match(["Angela", "Merkel"], on=date(2023, 1, 1))[0].code == "DEUELI"  # default


def test_load_knowledge_base_user_rows_replace_built_in_rows(tmp_path: Path) -> None:
    built_in = load_knowledge_base()
    assert {p.role for p in built_in.people_named("Stoltenberg")} >= {"Secretary General"}
    import_actors(FIXTURE, tmp_path)
    kb = load_knowledge_base(tmp_path)
    assert [p.code for p in kb.people_named("Stoltenberg")] == ["NORGOV", "IGOWSTNAT", "NORGOV"]
    assert {p.role for p in kb.people_named("Stoltenberg")} == {""}
    moon = kb.match(["Moon", "Jae", "-", "in"], on=date(2020, 1, 1))[0]
    assert (moon.entry.name, moon.code) == ("Moon Jae-In", "KORGOV")  # type: ignore[union-attr]
    assert len([p for p in kb.people if p.name.casefold() == "moon jae-in"]) == 1
    assert kb.match(["Kremlin"])[0].code == "RUSGOV"  # everything else is the built-in base


def test_load_knowledge_base_is_cached_per_data_dir(tmp_path: Path) -> None:
    assert load_knowledge_base(tmp_path) is load_knowledge_base()  # no user file yet
    import_actors(FIXTURE, tmp_path)
    kb = load_knowledge_base(tmp_path)
    assert kb is load_knowledge_base(tmp_path)
    assert kb is not load_knowledge_base()
    import_actors(_write(tmp_path, "NEW_PERSON_ [FRAGOV]\n"), tmp_path)
    assert load_knowledge_base(tmp_path) is not kb  # a changed file is read again
