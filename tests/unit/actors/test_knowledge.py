"""The actor knowledge base: phrase matching, case rules, context, and date-bounded roles."""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

import pycountry
import pytest

from communique.actors.knowledge import KBMatch, KnowledgeBase, load_knowledge_base


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


def _match(kb: KnowledgeBase, text: str, **kwargs: object) -> list[tuple[str, str, str]]:
    """Match whitespace tokens; return (phrase, kind, code) per match."""
    tokens = text.split()
    found: list[KBMatch] = kb.match(tokens, **kwargs)  # type: ignore[arg-type]
    return [(" ".join(tokens[m.start : m.end]), m.kind, m.code) for m in found]


def _only(kb: KnowledgeBase, text: str, **kwargs: object) -> KBMatch:
    """The single match covering all of ``text``."""
    tokens = text.split()
    found = kb.match(tokens, **kwargs)  # type: ignore[arg-type]
    assert len(found) == 1, found
    assert (found[0].start, found[0].end) == (0, len(tokens))
    return found[0]


def test_load_knowledge_base_is_cached() -> None:
    assert load_knowledge_base() is load_knowledge_base()


@pytest.mark.parametrize(
    "text",
    ["DPRK", "North Korea", "North Korean", "North Koreans", "Pyongyang",
     "Democratic People's Republic of Korea", "Democratic People 's Republic of Korea"],
)  # fmt: skip
def test_match_north_korea_forms(kb: KnowledgeBase, text: str) -> None:
    assert _only(kb, text).country == "PRK"


def test_match_north_korean_forms_have_kinds(kb: KnowledgeBase) -> None:
    assert _only(kb, "North Korean").kind == "demonym"
    assert _only(kb, "North Korean").form == "adjective"
    assert _only(kb, "North Koreans").form == "people"
    capital = _only(kb, "Pyongyang")
    assert (capital.kind, capital.code, capital.sector, capital.metonym) == (
        "capital",
        "PRKGOV",
        "GOV",
        True,
    )


def test_match_kremlin_is_russian_government_metonym(kb: KnowledgeBase) -> None:
    found = kb.match(["the", "Kremlin", "said"])
    assert len(found) == 1
    kremlin = found[0]
    assert (kremlin.kind, kremlin.country, kremlin.sector, kremlin.code) == (
        "metonym",
        "RUS",
        "GOV",
        "RUSGOV",
    )
    assert kremlin.metonym


def test_match_pentagon_is_us_military(kb: KnowledgeBase) -> None:
    pentagon = _only(kb, "Pentagon")
    assert (pentagon.country, pentagon.sector, pentagon.code) == ("USA", "MIL", "USAMIL")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Joint Chiefs of Staff", "USAMIL"),
        ("U.S. Central Command", "USAMIL"),
        ("Office of Management and Budget", "USAGOV"),
        ("Defense Intelligence Agency", "USASPY"),
        ("Royal Navy", "GBRMIL"),
        ("Likud", "ISRPTY"),
        ("Saudi Aramco", "SAUBUS"),
        ("Office of Foreign Assets Control", "USAGOV"),
        ("State Dept", "USAGOV"),
        ("Kataib Hezbollah", "IRQREBKTH"),  # an Iraqi militia, not Lebanon's Hezbollah
        ("Popular Mobilization Forces", "IRQMILPMF"),
    ],
)
def test_match_national_institutions_and_militias(kb: KnowledgeBase, text: str, code: str) -> None:
    assert _only(kb, text).code == code


def test_match_no_bare_marine_corps_for_one_state(kb: KnowledgeBase) -> None:
    # South Korea has a Marine Corps too: only the American one's full names are American.
    assert all(m[2] != "USAMIL" for m in _match(kb, "the South Korean Marine Corps"))


def test_match_alliance_only_with_nato_in_context(kb: KnowledgeBase) -> None:
    text = "the Alliance is concerned"
    assert kb.match(text.split()) == []
    alliance = kb.match(text.split(), context_codes=["IGOWSTNAT"])[0]
    assert (alliance.code, alliance.contextual, alliance.start, alliance.end) == (
        "IGOWSTNAT",
        True,
        0,
        2,
    )
    assert all(m.kind != "country" for m in kb.match(text.split(), context_codes=["IGOWSTNAT"]))


def test_match_alliance_after_nato_in_same_tokens(kb: KnowledgeBase) -> None:
    found = _match(kb, "NATO said the Alliance is concerned")
    assert found == [
        ("NATO", "organisation", "IGOWSTNAT"),
        ("the Alliance", "organisation", "IGOWSTNAT"),
    ]


def test_match_bloc_goes_to_the_organisation_in_focus(kb: KnowledgeBase) -> None:
    tokens = ["the", "bloc", "said"]
    assert kb.match(tokens, context_codes=["IGOSEAASN", "IGOEUREEC"])[0].code == "IGOEUREEC"
    assert kb.match(tokens, context_codes=["IGOEUREEC", "IGOSEAASN"])[0].code == "IGOSEAASN"


@pytest.mark.parametrize("text", ["US", "U.S.", "USA", "United States", "America"])
def test_match_us_names(kb: KnowledgeBase, text: str) -> None:
    assert _only(kb, text).code == "USA"


def test_match_acronyms_are_case_sensitive(kb: KnowledgeBase) -> None:
    assert kb.match(["he", "told", "us"]) == []
    assert kb.match(["Us"]) == []
    assert kb.match(["those", "who", "know"]) == []
    assert kb.match(["Who", "knows"]) == []
    assert _only(kb, "WHO").code == "IGOUNOHLHWHO"
    assert _only(kb, "UN").code == "IGOUNO"
    assert _only(kb, "EU").code == "IGOEUREEC"
    assert kb.match(["un", "eu"]) == []


@pytest.mark.parametrize("text", ["Ivory Coast", "Côte d'Ivoire", "Côte d’Ivoire", "Cote d'Ivoire"])
def test_match_ivory_coast_spellings(kb: KnowledgeBase, text: str) -> None:
    assert _only(kb, text).country == "CIV"


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Congo", "COD"),  # news usage (AP, Reuters): bare "Congo" is the DRC
        ("Congolese", "COD"),
        ("DRC", "COD"),
        ("Democratic Republic of Congo", "COD"),
        ("Democratic Republic of the Congo", "COD"),
        ("Kinshasa", "COD"),
        ("Republic of Congo", "COG"),
        ("Republic of the Congo", "COG"),
        ("Congo-Brazzaville", "COG"),
        ("Congo - Brazzaville", "COG"),
        ("Brazzaville", "COG"),
    ],
)
def test_match_congo_ambiguity_is_resolved_as_documented(
    kb: KnowledgeBase, text: str, iso3: str
) -> None:
    assert _only(kb, text).country == iso3


def test_match_longest_demonym_wins(kb: KnowledgeBase) -> None:
    south = _only(kb, "South Korean")
    assert (south.country, south.kind) == ("KOR", "demonym")
    assert _only(kb, "North Korean").country == "PRK"
    assert _only(kb, "Korean").country == "KOR"


@pytest.mark.parametrize(
    ("text", "iso3"),
    [("UK", "GBR"), ("Britain", "GBR"), ("British", "GBR"), ("Czechia", "CZE"),
     ("Czech Republic", "CZE"), ("Turkey", "TUR"), ("Türkiye", "TUR"), ("Burma", "MMR"),
     ("Myanmar", "MMR"), ("Emirati", "ARE"), ("Holy See", "VAT"), ("Vatican", "VAT"),
     ("Kosovo", "XKX"), ("Palestinian territories", "PSE"), ("Filipino", "PHL"),
     ("Philippine", "PHL"), ("Viet Nam", "VNM"), ("Russian Federation", "RUS"),
     ("Guinea - Bissau", "GNB"), ("Guinea-Bissau", "GNB"), ("Guinea", "GIN"),
     ("Papua New Guinea", "PNG"), ("Kampuchea", "KHM"), ("Kazakstan", "KAZ"),
     ("Byelorussian", "BLR"), ("Kirghiz", "KGZ")],
)  # fmt: skip
def test_match_country_names_and_demonyms(kb: KnowledgeBase, text: str, iso3: str) -> None:
    assert _only(kb, text).country == iso3


def test_match_possessives_and_hyphen_compounds(kb: KnowledgeBase) -> None:
    assert _match(kb, "North Korea's missiles") == [("North Korea's", "country", "PRK")]
    assert _match(kb, "Russia’s war") == [("Russia’s", "country", "RUS")]
    assert _match(kb, "a U.S.-led coalition") == [("U.S.-led", "country", "USA")]
    assert _match(kb, "Kremlin-backed media")[0][2] == "RUSGOV"


def test_match_dotted_initialisms_as_written_without_dots(kb: KnowledgeBase) -> None:
    assert _match(kb, "the F.B.I. said")[0][2] == "USACOP"
    assert _match(kb, "the C.I.A.'s director")[0][2] == "USASPY"
    assert (
        _match(kb, "the U.N. Security Council")[0][2] == _match(kb, "the UN Security Council")[0][2]
    )
    assert _match(kb, "F.B.I") == []  # not an initialism as written: no dot after the last


def test_match_phrases_that_are_not_actors(kb: KnowledgeBase) -> None:
    assert kb.match(["Latin", "America"]) == []
    assert kb.match(["New", "Jersey"]) == []
    assert kb.match(["the", "South", "China", "Sea"]) == []
    office = kb.match(["NATO", "Secretary", "General"])
    assert [m.code for m in office] == ["IGOWSTNAT", "GOV"]  # an office, not a military general


def test_match_sector_words(kb: KnowledgeBase) -> None:
    found = _match(kb, "Prime Minister met troops and police and the opposition")
    assert [(phrase, code) for phrase, _, code in found] == [
        ("Prime Minister", "GOV"),
        ("troops", "MIL"),
        ("police", "COP"),
        ("opposition", "OPP"),
    ]
    assert _match(kb, "the union") == [("union", "sector", "LAB")]
    assert kb.match(["Union"]) == []  # a capitalised Union is a name, never a labour union


def test_match_person_resolves_role_by_date(kb: KnowledgeBase) -> None:
    stoltenberg = ["Jens", "Stoltenberg"]
    assert kb.match(stoltenberg, on=date(2019, 3, 1))[0].code == "IGOWSTNAT"
    assert kb.match(stoltenberg, on=date(2025, 6, 1))[0].code == "NORGOV"
    former = kb.match(["Poroshenko"], on=date(2021, 1, 1))[0]
    assert (former.kind, former.code, former.sector) == ("person", "UKRELI", "ELI")
    kim = kb.match(["Kim", "Jong", "-", "un"], on=date(2024, 6, 19))[0]
    assert (kim.code, kim.country, kim.sector) == ("PRKGOV", "PRK", "GOV")


@pytest.mark.parametrize(
    ("role", "code", "day", "name"),
    [
        ("President", "UKR", date(2014, 7, 1), "Petro Poroshenko"),
        ("President", "UKR", date(2019, 6, 1), "Volodymyr Zelensky"),
        ("Secretary General", "IGOWSTNAT", date(2019, 6, 1), "Jens Stoltenberg"),
        ("Secretary-General", "IGOWSTNAT", date(2025, 6, 1), "Mark Rutte"),
        ("President", "USA", date(2018, 6, 1), "Donald Trump"),
        ("President", "USA", date(2022, 6, 1), "Joe Biden"),
        ("President", "USA", date(2025, 6, 1), "Donald Trump"),
        ("Secretary of State", "USA", date(2024, 6, 19), "Antony Blinken"),
        ("Foreign Minister", "USAGOV", date(2024, 6, 19), "Antony Blinken"),
        ("Defence Minister", "KOR", date(2024, 6, 19), "Shin Won-sik"),
        ("Prime Minister", "GBR", date(2022, 10, 1), "Liz Truss"),
        ("Premier", "CHN", date(2024, 1, 1), "Li Qiang"),
        ("Treasury Secretary", "USA", date(2018, 6, 1), "Steven Mnuchin"),
        ("Attorney General", "USA", date(2019, 6, 1), "William Barr"),
        ("House Speaker", "USA", date(2019, 6, 1), "Nancy Pelosi"),
    ],
)
def test_person_for_role_is_date_bounded(
    kb: KnowledgeBase, role: str, code: str, day: date, name: str
) -> None:
    person = kb.person_for_role(role, code, day)
    assert person is not None and person.name == name


def test_person_for_role_unknown_gives_none(kb: KnowledgeBase) -> None:
    assert kb.person_for_role("President", "UKR", date(1990, 1, 1)) is None
    assert kb.person_for_role("Court Jester", "GBR", date(2020, 1, 1)) is None


def test_person_for_role_of_many_members_names_no_one(kb: KnowledgeBase) -> None:
    # "the senator" could be any of them; a title with the surname still finds the one
    assert kb.person_for_role("Senator", "USA", date(2018, 6, 1)) is None
    graham = kb.person_by_title("Senator", "Graham", date(2018, 6, 1))
    assert graham is not None and graham.name == "Lindsey Graham"


def test_match_us_officials_by_office_held_that_day(kb: KnowledgeBase) -> None:
    mueller = ["Robert", "Mueller"]
    assert kb.match(mueller, on=date(2010, 6, 1))[0].code == "USACOP"  # FBI director
    assert kb.match(mueller, on=date(2018, 6, 1))[0].code == "USAJUD"  # special counsel
    assert kb.match(mueller, on=date(2021, 6, 1))[0].code == "USAELI"
    assert kb.match(["Mnuchin"], on=date(2019, 1, 1))[0].code == "USAGOV"
    assert kb.match(["Giuliani"], on=date(2019, 1, 1))[0].code == "USAELI"  # private lawyer
    assert kb.match(["Lindsey", "Graham"], on=date(2019, 1, 1))[0].code == "USALEG"


def test_people_named_by_surname_full_name_and_date(kb: KnowledgeBase) -> None:
    assert {p.name for p in kb.people_named("Putin")} == {"Vladimir Putin"}
    assert kb.people_named("kim jong-un")[0].code == "PRKGOV"
    roles = sorted(p.role for p in kb.people_named("Stoltenberg"))  # two terms as PM
    assert roles == ["Finance Minister", "Prime Minister", "Prime Minister", "Secretary General"]
    assert [p.role for p in kb.people_named("Jens Stoltenberg", date(2020, 1, 1))] == [
        "Secretary General"
    ]
    assert kb.people_named("Nobody Atall") == []


def test_lookups_by_code_and_word(kb: KnowledgeBase) -> None:
    korea = kb.country("KOR")
    assert korea is not None and korea.capital == "Seoul"
    nato = kb.organisation("IGOWSTNAT")
    assert nato is not None and "the alliance" in nato.contextual_aliases
    assert kb.country("ZZZ") is None and kb.organisation("IGOXXX") is None
    assert kb.sector_for_word("soldier") == "MIL"
    assert kb.sector_for_word("Journalists") == "MED"
    assert kb.sector_for_word("defence minister") == "GOV"
    assert kb.sector_for_word("teapot") is None


def test_a_former_state_is_an_actor_only_while_it_existed(kb: KnowledgeBase) -> None:
    assert _match(kb, "the Soviet Union", on=date(1989, 5, 1)) == [
        ("Soviet Union", "country", "SUN")
    ]
    assert _match(kb, "Soviet troops", on=date(1989, 5, 1))[0][2] == "SUN"
    assert _match(kb, "the Soviet Union", on=date(2019, 5, 1)) == []
    assert _match(kb, "Soviet - era tanks") == []  # undated: the names only
    assert _match(kb, "the Soviet Union")[0][2] == "SUN"


def test_every_country_code_is_iso_or_kosovo(kb: KnowledgeBase) -> None:
    iso = {c.alpha_3 for c in pycountry.countries}
    former = {c.alpha_3 for c in pycountry.historic_countries}  # ISO 3166-3
    ours = {c.iso3 for c in kb.countries}
    assert ours - iso - former == {"XKX"}
    assert all(c.until is not None for c in kb.countries if c.iso3 in former - iso)
    assert iso <= ours, "every ISO 3166 country has a row"
    assert {m.country for m in kb.metonyms} <= ours
    assert {p.country for p in kb.people if p.country} <= ours
    assert all(c.capital for c in kb.countries if c.capital_metonym)


def test_every_person_has_a_valid_code(kb: KnowledgeBase) -> None:
    sectors = {s.code for s in kb.sectors}
    organisations = {o.code for o in kb.organisations}
    for person in kb.people:
        if person.country is None:
            assert person.code in organisations, person
        else:
            assert person.code[:3] == person.country, person
            assert person.code[3:] in sectors, person
        assert person.start is not None, person
        assert person.end is None or person.start < person.end, person


# Offices that many people hold at once: each member's term is theirs alone (China has
# several vice premiers at a time).
MEMBER_OFFICES = frozenset(
    {"United States Senator", "United States Representative", "Vice Premier"}
)


def test_terms_in_one_office_do_not_overlap(kb: KnowledgeBase) -> None:
    offices: dict[tuple[str, str], list[tuple[date, date]]] = {}
    for p in kb.people:
        assert p.start is not None
        if p.role in MEMBER_OFFICES:
            continue
        offices.setdefault((p.code, p.role), []).append((p.start, p.end or date.max))
    for office, terms in offices.items():
        terms.sort()
        for (_, end), (start, _) in itertools.pairwise(terms):
            assert end <= start, office


def test_organisation_codes_are_unique_and_parents_exist(kb: KnowledgeBase) -> None:
    bodies = [o for o in kb.organisations if o.kind != "GRP"]
    codes = [o.code for o in bodies]
    assert len(codes) == len(set(codes))
    assert all(o.parent in codes for o in bodies if o.parent)
    assert all(o.code.startswith(("IGO", "NGO", "NGM")) for o in bodies if o.kind != "ARM")
    armed = [o for o in kb.organisations if o.kind == "ARM"]
    assert armed and all(o.code[:3] == "IMG" or kb.country(o.code[:3]) for o in armed)


def test_groups_of_countries_name_known_member_states(kb: KnowledgeBase) -> None:
    groups = [o for o in kb.organisations if o.kind == "GRP"]
    assert len({g.code for g in groups}) == len(groups) >= 10
    for group in groups:
        if not group.members:  # an open set ("European countries"): coded as its region
            assert re.fullmatch(r"[A-Z]{3}", group.code), group
            continue
        assert len(group.members) >= 2 and all(kb.country(iso3) for iso3 in group.members)


def test_every_alias_in_the_data_matches_its_own_entry(kb: KnowledgeBase) -> None:
    everything = [o.code for o in kb.organisations]
    for country in kb.countries:
        seats = country.capitals if country.capital_metonym else ()
        # A former state is an actor in text written while it existed.
        on = country.until - timedelta(days=1) if country.until else None
        for text in (*country.aliases, *country.adjectives, *country.people, *seats):
            found = _only(kb, text, context_codes=everything, on=on)
            assert found.country == country.iso3, text
    for org in kb.organisations:
        for text in (org.name, *org.aliases):
            assert _only(kb, text).code == org.code, text
    for person in kb.people:
        for text in (person.name, *person.aliases):
            assert _only(kb, text).entry.name == person.name, text  # type: ignore[union-attr]
    for metonym in kb.metonyms:
        for text in metonym.phrases:
            assert _only(kb, text).code == metonym.country + metonym.sector, text


def test_match_seed_article_actors(kb: KnowledgeBase) -> None:
    text = (
        "NATO Secretary General Jens Stoltenberg said Kremlin leader Vladimir Putin visited "
        "the DPRK . US Secretary of State Antony Blinken met him in Washington . South Korean "
        "Defence Minister Shin Won - sik said North Korea sent shells to Russia ."
    )
    codes = [code for _, kind, code in _match(kb, text, on=date(2024, 6, 19)) if kind != "sector"]
    assert codes == [
        "IGOWSTNAT", "IGOWSTNAT", "RUSGOV", "RUSGOV", "PRK", "USA", "USAGOV", "USAGOV", "KOR",
        "KORGOV", "PRK", "RUS",
    ]  # fmt: skip
