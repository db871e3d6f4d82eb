"""Actor finding on sentences we wrote: roles, memory, coreference, places, sectors."""

from __future__ import annotations

from datetime import date

import pytest

from communique.actors import RoleFact, RoleMemory, find_actors
from communique.annotate import annotate_articles
from communique.records import ActorMention, Article

pytestmark = pytest.mark.model


def _find(nlp, text: str, published: str | None = "2024-05-10", memory=None):  # type: ignore[no-untyped-def]
    article = Article(doc_id="t", text=text, published=published)
    (annotation,) = annotate_articles([article], nlp)
    return find_actors(article, annotation, memory=memory)


def _by_text(text: str, mentions: tuple[ActorMention, ...]) -> dict[str, ActorMention]:
    return {text[m.start : m.end]: m for m in mentions}


def test_find_actors_reads_a_demonym_title_name_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Finnish Defence Minister Antti Hakkanen met reporters in Oulu on Friday."
    found = _by_text(text, _find(nlp, text))
    person = found["Antti Hakkanen"]
    assert (person.code, person.role, person.country) == ("FINGOV", "Defence Minister", "FIN")
    assert "Finnish" not in found  # the demonym only describes the minister


def test_find_actors_reads_an_organisation_title_name_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "OSCE Special Representative Maria Lindqvist arrived in Baku on Monday."
    person = _by_text(text, _find(nlp, text))["Maria Lindqvist"]
    assert person.code.startswith("IGO") and person.role == "Special Representative"


def test_find_actors_reads_a_possessive_country_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile's Foreign Minister Alberto Vargas said the talks would resume."
    person = _by_text(text, _find(nlp, text))["Alberto Vargas"]
    assert (person.code, person.role) == ("CHLGOV", "Foreign Minister")


def test_find_actors_reads_an_appositive_role_with_a_seat_of_government(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Laura Benton, Deputy Press Secretary for Regional Media at the White House, "
        "said the visit was postponed."
    )
    person = _by_text(text, _find(nlp, text))["Laura Benton"]
    assert (person.code, person.role) == ("USAGOV", "Deputy Press Secretary for Regional Media")


def test_find_actors_text_role_wins_over_the_knowledge_base(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Former Ukrainian President Petro Poroshenko criticised the budget."
    person = _by_text(text, _find(nlp, text, "2023-03-01"))["Petro Poroshenko"]
    assert (person.code, person.role) == ("UKRELI", "former President")


def test_find_actors_title_without_a_country_gives_the_sector(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Interior Minister Tomas Varga rejected the proposal. Sen. Ruth Alder objected."
    found = _by_text(text, _find(nlp, text))
    minister, senator = found["Tomas Varga"], found["Ruth Alder"]
    assert (minister.code, minister.country, minister.role) == ("GOV", None, "Interior Minister")
    assert (senator.code, senator.role) == ("LEG", "Sen.")


def test_find_actors_a_title_after_the_name_names_no_government(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Jane Porter, president of an advocacy group called Fair Vote, said the count was slow."
    person = _by_text(text, _find(nlp, text)).get("Jane Porter")
    assert person is None or person.code != "GOV"


def test_find_actors_undated_title_and_surname_need_one_code(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "President Bush met the Saudi king in Riyadh."
    found = _by_text(text, _find(nlp, text, published=None))
    assert found["Bush"].code == "USAGOV"  # both Presidents Bush: one code, whichever is meant
    assert found["Bush"].name == "Bush"  # undated: which Bush is not said, the name stays


def test_find_actors_roles_are_date_bounded(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Poroshenko spoke to parliament about the ceasefire."
    in_office = _by_text(text, _find(nlp, text, "2015-02-01"))["Poroshenko"]
    later = _by_text(text, _find(nlp, text, "2021-06-01"))["Poroshenko"]
    assert in_office.code == "UKRGOV"
    assert later.code != "UKRGOV" and later.country == "UKR"


def test_find_actors_remembers_roles_across_articles(nlp) -> None:  # type: ignore[no-untyped-def]
    memory = RoleMemory()
    first = "Moldovan Defence Minister Radu Balan inspected the border post."
    _find(nlp, first, "2024-04-01", memory)
    later = "Balan said the new radar would be installed by June."
    person = _by_text(later, _find(nlp, later, "2024-05-01", memory))["Balan"]
    assert (person.code, person.role, person.name) == ("MDAGOV", "Defence Minister", "Radu Balan")
    assert memory.facts()[0].first_seen == date(2024, 4, 1)


def test_role_memory_forgets_stale_roles() -> None:
    memory = RoleMemory()
    memory.remember(
        RoleFact("Ana Lupu", "Minister", "MDAGOV", "MDA", "GOV", None, date(2010, 1, 1))
    )
    assert memory.recall("Lupu", date(2011, 1, 1)) is not None
    assert memory.recall("Ana Lupu", date(2024, 1, 1)) is None


def test_find_actors_resolves_metonyms_and_joins_sectors(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Kremlin denied the report, and Russian troops left the village near Kharkiv."
    found = _by_text(text, _find(nlp, text))
    assert found["Kremlin"].code == "RUSGOV"
    assert found["Russian troops"].code == "RUSMIL"


def test_find_actors_adjective_before_a_non_actor_noun_names_the_owner(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Investigators found Iranian drones and Russian military equipment at the site."
    found = _by_text(text, _find(nlp, text))
    assert found["Iranian"].code == "IRN"
    assert found["Russian"].code == "RUS"  # "military" describes the equipment


def test_find_actors_capital_as_a_place_is_not_an_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The ministers met in Vienna. Tehran rejected the proposal."
    found = _by_text(text, _find(nlp, text))
    assert "Vienna" not in found
    assert found["Tehran"].code == "IRNGOV"


def test_find_actors_contextual_alias_needs_the_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    without = "The Alliance of Small Farmers held its congress in Lyon."
    assert all(m.code != "IGOWSTNAT" for m in _find(nlp, without))
    with_nato = "NATO ministers met on Tuesday. The Alliance agreed to expand its air patrols."
    found = _by_text(with_nato, _find(nlp, with_nato))
    assert found["The Alliance"].code == "IGOWSTNAT"


def test_find_actors_does_not_match_fuzzily(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Allience and the Kremln and Moskow were mentioned in the misspelled memo."
    assert _find(nlp, text) == ()


def test_find_actors_pronoun_takes_the_nearest_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenyan President William Ruto opened the summit. "
        "He said the region needed new roads and railways."
    )
    found = _by_text(text, _find(nlp, text))
    assert found["He"].actor_id == found["William Ruto"].actor_id


def test_find_actors_they_after_a_place_is_who_is_there(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "France kept 400 French soldiers stationed in northern Mali, where they trained troops."
    found = _by_text(text, _find(nlp, text))
    assert found["they"].code == "FRAMIL"
    text = "Pakistan says they will not allow India to attack."  # a country as "they" stays
    assert _by_text(text, _find(nlp, text))["they"].code == "PAK"


@pytest.mark.parametrize(
    ("text", "antecedent"),
    [
        ("Kenyan prosecutors questioned the banker on Monday. They suspect fraud.", "prosecutors"),
        ("Striking nurses in Nairobi blocked a road. They demand higher pay.", "nurses"),
    ],
)
def test_find_actors_they_opening_a_sentence_continues_a_plural_subject(  # type: ignore[no-untyped-def]
    nlp, text: str, antecedent: str
) -> None:
    found = {text[m.start : m.end]: m for m in _find(nlp, text)}
    they = found.get("They")
    mention = next(m for phrase, m in found.items() if antecedent in phrase and phrase != "They")
    assert they is not None and they.actor_id == mention.actor_id


def test_find_actors_his_after_he_is_whom_he_is(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "President Kenyatta phoned Yoweri Museveni on Monday. "
        "But he insisted his government would not reopen the border."
    )
    found = _by_text(text, _find(nlp, text, published="2019-03-04"))
    assert found["his"].code == "KENGOV"
    assert found["government"].code == "KENGOV"


@pytest.mark.parametrize(
    ("text", "pronoun", "person"),
    [
        (  # the object of a verb is not that verb's subject
            "Kenyan President Uhuru Kenyatta met Raila Odinga in Nairobi. "
            "The next day the president thanked him for the talks.",
            "him",
            "Raila Odinga",
        ),
        (  # nor of the infinitive's doer: Odinga is asked, so "him" is Kenyatta
            "Kenyan President Uhuru Kenyatta asked Raila Odinga to call him.",
            "him",
            "Uhuru Kenyatta",
        ),
        (  # a reflexive is its clause's subject, not whom the text named last
            "Kenyan President Uhuru Kenyatta, who met Raila Odinga on Monday, praised himself.",
            "himself",
            "Uhuru Kenyatta",
        ),
    ],
)
def test_find_actors_an_object_pronoun_is_not_its_clause_s_subject(  # type: ignore[no-untyped-def]
    nlp, text: str, pronoun: str, person: str
) -> None:
    found = _by_text(text, _find(nlp, text, published="2019-03-04"))
    assert found[pronoun].actor_id == found[person].actor_id


def test_find_actors_they_after_a_country_subject_is_not_the_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Philippines closed its embassy in Kabul. They feared an attack."
    assert "They" not in _by_text(text, _find(nlp, text))


def test_find_actors_subject_pronoun_continues_the_last_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chilean President Gabriel Boric received Argentine President Javier Milei in Santiago. "
        "He promised to open two more border crossings."
    )
    found = _by_text(text, _find(nlp, text, "2024-05-02"))
    assert found["He"].actor_id == found["Gabriel Boric"].actor_id


def test_find_actors_subject_pronoun_continues_an_unnamed_officeholder(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peru's foreign minister landed in Quito on Monday. "
        "He met Ecuadorian President Daniel Noboa and urged him to reopen the border."
    )
    found = _by_text(text, _find(nlp, text, "2024-05-06"))
    assert found["He"].code == "PERGOV"
    assert found["him"].name == "Daniel Noboa"


def test_find_actors_officeholder_without_a_country_leaves_he_to_a_named_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Viktor Orban spoke on Monday. The president is not what he appears to be."
    found = _by_text(text, _find(nlp, text))
    assert "president" not in found or found["president"].country is None
    assert found["he"].actor_id == found["Viktor Orban"].actor_id  # not the uncoded title


def test_find_actors_subject_it_continues_the_country_of_the_sentence_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Belarus moved two brigades to its border on Tuesday. "
        "It also threatened to expel Polish diplomats."
    )
    found = _by_text(text, _find(nlp, text))
    assert found["It"].code == "BLR"


def test_find_actors_it_with_no_actor_subject_is_the_one_made_to_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "That pushed Belarus to retaliate, and on Monday it shelled two Polish villages."
    assert _by_text(text, _find(nlp, text))["it"].code == "BLR"
    # a thing as the subject may be what "it" means
    text = "The treaty pushed Belarus to cut imports, but it lapsed in June."
    assert "it" not in _by_text(text, _find(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        # an expletive subject
        "Serbia recalled its envoys on Friday. It is unclear whether Kosovo will respond.",
        # a singular thing in the sentence before may be what "it" means
        "Chile signed a trade agreement on Friday. It lowers tariffs on copper.",
        # two sentences back is too far
        "Chile signed on Friday. Markets rose. It lowers tariffs on copper.",
    ],
)
def test_find_actors_subject_it_is_left_alone_when_unclear(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _by_text(text, _find(nlp, text))
    assert "It" not in found


def test_find_actors_it_after_an_officeholder_is_the_officeholders_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Hungary's prime minister says it will veto the next sanctions package."
    found = _by_text(text, _find(nlp, text))
    assert found["it"].country == "HUN"


def test_find_actors_names_a_chief_executive_of_hong_kong_on_the_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Carrie Lam met student leaders on Tuesday."
    assert _by_text(text, _find(nlp, text, "2019-07-02"))["Carrie Lam"].code == "HKGGOV"
    assert _by_text(text, _find(nlp, text, "2023-07-02"))["Carrie Lam"].code == "HKGELI"


def test_find_actors_subject_pronoun_under_a_persons_verb_is_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chilean President Gabriel Boric told Javier Milei that he would reopen the pass."
    found = _by_text(text, _find(nlp, text, "2024-05-02"))
    assert found["he"].actor_id == found["Gabriel Boric"].actor_id


def test_find_actors_subject_pronoun_in_a_relative_clause_is_its_nouns(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chilean President Gabriel Boric thanked Javier Milei, who said he would reopen the pass."
    )
    found = _by_text(text, _find(nlp, text, "2024-05-02"))
    assert found["he"].actor_id == found["Javier Milei"].actor_id


def test_find_actors_fronted_possessive_points_forward(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Austrian Foreign Minister Maria Ostrova welcomed the guests. "
        "During her visit to Cairo, Italian Prime Minister Giorgia Meloni signed a gas deal."
    )
    mentions = _find(nlp, text)
    her = next(m for m in mentions if text[m.start : m.end] == "her")
    assert her.name == "Giorgia Meloni"


def test_find_actors_bracketed_clarification_wins(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Germany warned Turkey on Monday. "They [Turkey] must release the journalists," it said.'
    they = _by_text(text, _find(nlp, text))["They"]
    assert they.code == "TUR"


@pytest.mark.parametrize(
    ("text", "pronoun", "name"),
    [
        (  # whom a quotation names is not who speaks it
            "Dutch Prime Minister Dick Schoof met Olaf Scholz in Berlin. "
            '"We will work with President Macron on this," he said.',
            "he",
            "Dick Schoof",
        ),
        (  # "she" is no man
            "Dick Schoof met Mette Frederiksen in Berlin. Olaf Scholz joined them. She said no.",
            "She",
            "Mette Frederiksen",
        ),
        (  # the subject of a clause fronted before the sentence's subject
            "Olaf Scholz hosted the talks. "
            "After he met Olaf Scholz in Berlin, Dick Schoof said the deal was close.",
            "he",
            "Dick Schoof",
        ),
        (  # after a fronted clause, the subject is that clause's subject, not whom it named
            "After Dick Schoof met Olaf Scholz in Berlin, he flew to Paris.",
            "he",
            "Dick Schoof",
        ),
        (  # a private person named between, not Schoof
            "Dick Schoof met the king on Tuesday. Pedro Alvarez Ruiz wrote for a local paper. "
            "He entered the consulate on Friday.",
            "He",
            "Pedro Alvarez Ruiz",
        ),
    ],
)
def test_find_actors_resolves_a_pronoun_to_the_person_it_can_be(  # type: ignore[no-untyped-def]
    nlp, text: str, pronoun: str, name: str | None
) -> None:
    found = [m for m in _find(nlp, text) if text[m.start : m.end] == pronoun]
    assert [m.name for m in found] == ([name] if name else [])


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the country named before, not the subject of the clause "the country" is in
        ("Chile criticised Peru over the dam, accusing the country of stealing water.", "PER"),
        ("Chile has no plans to withdraw diplomats from the country.", None),
        # an office of a country counts, people from it do not
        (
            "Peru told the UN it cannot take more refugees from Bolivia, the first time the "
            "country has threatened to close its border.",
            "PER",
        ),
        ("Bolivian officials met in La Paz. Chile says the country is lying.", "BOL"),
        ("Chile signed a deal with the host country.", None),  # not "the country" alone
    ],
)
def test_find_actors_reads_the_country_as_the_one_named_before(  # type: ignore[no-untyped-def]
    nlp, text: str, code: str | None
) -> None:
    found = [m.code for m in _find(nlp, text) if text[m.start : m.end] == "country"]
    assert found == ([code] if code else [])


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        # a monarchy's word after "the" is the nearest state named before that it fits
        (
            "Chile criticised Saudi Arabia. Peru said it would stand by the kingdom.",
            "kingdom",
            "SAU",
        ),
        ("Norway signed a deal with Chile. Peru praised the kingdom.", "kingdom", "NOR"),
        ("Chile criticised Peru. Bolivia said it would stand by the kingdom.", "kingdom", None),
        ("Peru warned Qatar, but Chile defended the emirate.", "emirate", "QAT"),
        ("Chile criticised the Jewish state over the raid.", "Jewish state", "ISR"),
        # the chairman, head or members of a body named after "of" act for it
        (
            "The chairman of the Senate Armed Services Committee criticized Turkey.",
            "The chairman",
            "USALEG",
        ),
        ("The head of the IAEA warned Iran.", "The head", "IGOUNOIAE"),
        ("Two members of the Afghan Taliban met Qatari officials.", "Two members", "AFGINSTAL"),
        # a bare country is no body: "the head of state" is not Peru's whole country
        ("The head of Peru met the Chilean envoy.", "The head", None),
        # "the House" is a chamber: the American one, or that of a state with a House of its own
        (
            "The House passed a resolution against the Turkish offensive in Syria.",
            "House",
            "USALEG",
        ),
        (
            "Boris Johnson spoke in London. Britain's parliament met. The House voted.",
            "House",
            "GBRLEG",
        ),
        ("Chatham House hosted the Iranian foreign minister.", "House", None),  # a name ending so
        # "the mainland" is China in a story about Hong Kong, Macao or Taiwan, not elsewhere
        ("Protesters marched in Hong Kong. The mainland condemned them.", "mainland", "CHN"),
        ("Hawaii's governor flew back from the mainland.", "mainland", None),
        # a state's National Guard is its military; the IRS is the US government's
        ("Ukraine's National Guard shelled the town.", "National Guard", "UKRMIL"),
        ("The IRS fined the Chilean firm.", "IRS", "USAGOV"),
        # US agencies the news names as actors, and a council of a town or province
        ("The CDC sent a medical team to Liberia.", "CDC", "USAHLH"),
        ("A USCIS spokeswoman declined to comment.", "USCIS spokeswoman", "USAGOV"),
        ("FEMA delivered water to Puerto Rico.", "FEMA", "USAGOV"),
        ("The U.S. Coast Guard stopped a Cuban boat.", "U.S. Coast Guard", "USAMIL"),
        ("The Baghdad city council suspended the deal.", "city council", "IRQGOV"),
        # "the Senate" too: the American one, not that of a state with none (Israel)
        ("The Senate voted 99-0 to condemn the attack on Israel.", "Senate", "USALEG"),
        (
            "Italy's government fell on Monday. Rome is calm. The Senate rejected the budget.",
            "Senate",
            "ITALEG",
        ),
        ("The Sydney Opera House hosted the Chinese premier.", "House", None),
    ],
)
def test_find_actors_reads_a_word_for_a_state_or_body_as_the_one_meant(  # type: ignore[no-untyped-def]
    nlp, text: str, word: str, code: str | None
) -> None:
    found = [m.code for m in _find(nlp, text) if text[m.start : m.end].endswith(word)]
    assert found == ([code] if code else [])


def test_find_actors_reads_the_title_as_the_person_named_with_it_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chilean President Gabriel Boric met Peruvian President Dina Boluarte. Boric said "
        "the talks went well. Later the president said Chile would open its border."
    )
    found = _by_text(text, _find(nlp, text, "2023-06-01"))
    assert found["the president"].name == "Gabriel Boric"  # named twice, so the story's
    text = "Chilean President Gabriel Boric spoke. The president of Peru did not."
    found = _by_text(text, _find(nlp, text, "2023-06-01"))
    assert found["president of Peru"].code == "PERGOV"  # the title says whose


def test_find_actors_reads_the_title_with_a_time_after_it_as_its_holder(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chilean President Gabriel Boric visited Lima. The president on Tuesday told Peru "
        "that Chile would open its border."
    )
    found = _by_text(text, _find(nlp, text, "2023-06-01"))
    assert found["The president"].name == "Gabriel Boric"  # "on Tuesday" says nothing of whose


def test_find_actors_reads_a_bare_title_as_the_holder_the_text_titled_so(nlp) -> None:  # type: ignore[no-untyped-def]
    # The knowledge base may hold the person under another office; the text's title counts.
    text = (
        "Saudi King Salman telephoned the Emir of Qatar on Monday. Later, the Saudi Embassy "
        "said the king welcomed the American decision."
    )
    assert _by_text(text, _find(nlp, text, "2019-12-01"))["the king"].name == "Salman bin Abdulaziz"
    # "Vice President Mike Pence" is no "president": a word of a longer title is not one.
    text = "Vice President Mike Pence landed in Seoul. The president said on Friday he was glad."
    at = text.index("president said")
    (president,) = [m for m in _find(nlp, text, "2019-06-01") if m.start <= at < m.end]
    assert president.name != "Mike Pence"


def test_find_actors_reads_a_charge_after_a_title_as_no_owner_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # "of organizing protests" is what the ambassador is accused of, not whose office it is.
    text = (
        "Egypt summoned the Danish ambassador on Sunday. A senior official accused the "
        "ambassador of organizing protests in Cairo."
    )
    assert _by_text(text, _find(nlp, text, "2020-01-12"))["the ambassador"].code == "DNKGOV"


def test_find_actors_keeps_apart_people_named_in_full_who_share_a_surname(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "George W. Bush met Putin. George H.W. Bush had met Gorbachev. Bush spoke."
    found = _by_text(text, _find(nlp, text, "2018-05-01"))
    assert found["George H.W. Bush"].name == "George H. W. Bush"  # not the Bush named before
    assert found["Bush"].name == "George W. Bush"  # a surname alone: the one named first
    text = "Donald Trump Jr. met a lawyer in 2016."  # another of the family
    assert "Donald Trump" not in _by_text(text, _find(nlp, text, "2018-05-01"))


def test_find_actors_gives_an_unknown_holder_only_a_focus_with_that_office(nlp) -> None:  # type: ignore[no-untyped-def]
    story = "The United States hosted trade talks in Washington. U.S. officials were pleased."
    text = f"{story} Vice Premier Zhao Lin attended the dinner."
    assert _by_text(text, _find(nlp, text, "2019-05-01"))["Zhao Lin"].code == "GOV"  # not USAGOV
    text = f"{story} Deputy Secretary Mary Blake attended the dinner."
    assert _by_text(text, _find(nlp, text, "2019-05-01"))["Mary Blake"].code == "USAGOV"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("North Korea fired a missile. Trump said the regime must stop.", "PRKGOV"),
        # not the state of the subject that acts on it, nor the American one by the focus
        ("Iran arrested students. A White House statement condemned the regime.", "IRNGOV"),
        ("Trump said he would impose new sanctions on the regime.", "GOV"),
    ],
)
def test_find_actors_reads_the_regime_as_the_state_named_before(nlp, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert _by_text(text, _find(nlp, text, "2018-05-01"))["regime"].code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ethnic Serbs in Kosovo blocked two roads on Sunday.", "XKXCVL"),
        ("Serbs in Kosovo blocked two roads on Sunday.", "SRBCVL"),  # no minority said
        ("Ethnic Armenians marched in Yerevan on Sunday.", "ARMCVL"),  # at home
    ],
)
def test_find_actors_an_ethnic_people_lives_where_its_sentence_places_it(  # type: ignore[no-untyped-def]
    nlp, text: str, code: str
) -> None:
    people = next(m for m in _find(nlp, text) if m.name.endswith("s") and "CVL" in m.code)
    assert people.code == code


def test_find_actors_names_the_person_a_voice_of_a_body_is_in_apposition_to(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ahmed Farouk, a spokesman for the Egyptian Foreign Ministry, said the talks failed."
    found = _by_text(text, _find(nlp, text))
    assert found["Ahmed Farouk"].code == "EGYGOV"
    assert found["Ahmed Farouk"].actor_id != found["spokesman"].actor_id  # a person of its own


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        ("A spokesman for Amnesty International criticised Egypt.", "spokesman", "NGOHRIAMN"),
        ("An official of the World Health Organization spoke.", "official", "IGOUNOHLHWHO"),
        ("A spokesman for the Taliban denied the report.", "spokesman", "AFGINSTAL"),
        ("Officials from the State Department met them.", "Officials", "USAGOV"),
        ("Officials at the Pentagon said troops would stay.", "Officials", "USAMIL"),
        # a speaker for a state's public figure is of that state
        ("A spokesman for President Vladimir V. Putin rejected it.", "spokesman", "RUSGOV"),
    ],
)
def test_find_actors_reads_a_voice_of_a_body_as_the_body(
    nlp, text: str, word: str, code: str
) -> None:  # type: ignore[no-untyped-def]
    assert _by_text(text, _find(nlp, text, "2018-05-01"))[word].code == code


def test_find_actors_reads_the_body_as_the_one_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Peruvian Foreign Ministry protested. The ministry said Chile had lied."
    assert _by_text(text, _find(nlp, text))["The ministry"].code == "PERGOV"  # not Chile's
    # "the agency" after the IAEA is the IAEA, not another UN agency in context with it
    text = "The International Atomic Energy Agency visited Peru. The agency said Peru complied."
    assert _by_text(text, _find(nlp, text))["The agency"].code == "IGOUNOIAE"
    # the head of a name "X of Y", and words that name a body only through one named before
    text = "Peru's Ministry of Defence bought jets. The ministry said Chile had lied."
    assert _by_text(text, _find(nlp, text))["The ministry"].code == "PERMIL"
    text = "The Chilean Senate Defence Committee met. The committee said Peru had lied."
    assert _by_text(text, _find(nlp, text))["The committee"].code == "CHLLEG"
    text = "The store opened. The department said sales were up."  # no body named before
    assert "The department" not in _by_text(text, _find(nlp, text))
    # a body named by its acronym is also called by a head word of its full name
    text = "The CIA briefed senators on Peru. The agency said Lima had been warned."
    assert _by_text(text, _find(nlp, text))["The agency"].code == "USASPY"


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("Tehran rejected the demands. The Islamic Republic said they were illegal.",
         "Islamic Republic", "IRN"),
        ("The Treasury said the sanctions would take effect on Monday.", "Treasury", "GOV"),
    ],
)  # fmt: skip
def test_find_actors_reads_common_names_of_states_and_offices(  # type: ignore[no-untyped-def]
    nlp, text: str, words: str, code: str
) -> None:
    assert _by_text(text, _find(nlp, text, "2018-05-01"))[words].code == code


@pytest.mark.parametrize(
    ("text", "word", "name"),
    [
        # a surname many share names a leader only in a story about the leader's country
        ("North Korea fired a missile. Kim said he was pleased.", "Kim", "Kim Jong Un"),
        ("Kim said she was pleased.", "Kim", None),
        ("Singapore hosted the summit. Lee welcomed the delegations.", "Lee", "Lee Hsien Loong"),
        # someone else named in full with that surname, coded or not, is not the leader
        ("Kim Yo Jong flew to Seoul. Kim delivered a letter.", "Kim", "Kim Yo Jong"),
        (
            "North Korea's envoy Kim Sun Gyong spoke. Kim said talks went on.",
            "Kim",
            "Kim Sun Gyong",
        ),
        ("Lee Hsien Yang criticised Singapore's government. Lee said he would leave.", "Lee", None),
    ],
)
def test_find_actors_a_surname_in_its_country_s_story(  # type: ignore[no-untyped-def]
    nlp, text: str, word: str, name: str | None
) -> None:
    found = [m.name for m in _find(nlp, text, "2018-06-10") if text[m.start : m.end] == word]
    assert found == ([name] if name else [])
    text = "South Korea sent an orbiter to the Moon."  # no person after "the"
    assert all(m.code == "KOR" for m in _find(nlp, text, "2019-04-27"))


def test_find_actors_a_title_says_which_of_two_people_a_surname_is(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ivanka Trump spoke first. President Trump recorded a video address."
    found = _by_text(text, _find(nlp, text, "2018-05-15"))
    assert found["Trump"].name == "Donald Trump"  # not Ivanka, named in full before


def test_find_actors_its_leader_points_to_the_country_of_the_leader(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russia sent envoys to North Korea and Iran for talks with its leader Kim Jong Un."
    found = _by_text(text, _find(nlp, text, "2024-06-19"))
    assert found["its"].code == "PRK"
    assert (found["Kim Jong Un"].code, found["Kim Jong Un"].role) == ("PRKGOV", "leader")


def test_find_actors_leaves_dates_and_sums_out(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "On 3 May 2024 the fund paid 40 million dollars to 12 towns."
    assert _find(nlp, text) == ()


def test_find_actors_reads_sector_of_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The president of Armenia received the army of Mali's envoy."
    found = _by_text(text, _find(nlp, text))
    assert found["president of Armenia"].code == "ARMGOV"
    assert found["army of Mali"].code == "MLIMIL"


def test_find_actors_people_nouns_are_civilians(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Hundreds of Libyans crossed the border, and British nationals were evacuated."
    found = _by_text(text, _find(nlp, text))
    assert found["Libyans"].code == "LBYCVL"
    assert found["British nationals"].code == "GBRCVL"


def test_role_memory_surname_does_not_depend_on_order() -> None:
    rob = RoleFact("Rob Manning", "spokesman", "USAGOV", "USA", "GOV", None, date(2019, 1, 5))
    robert = RoleFact("Robert Manning", "spokesman", "USAGOV", "USA", "GOV", None, date(2019, 3, 1))
    one, other = RoleMemory(), RoleMemory()
    one.remember(rob)
    one.remember(robert)
    other.remember(robert)
    other.remember(rob)
    assert one.recall("Manning", None) == other.recall("Manning", None) == robert


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Israeli helicopters and tanks shelled a post.", "Israeli helicopters", "ISRMIL"),
        ("British aircraft killed four fighters on Tuesday.", "British aircraft", "GBRMIL"),
        ("Berlin rejected recent calls by Belarus's rulers for aid.", "Belarus's rulers", "BLRGOV"),
        ("The Montenegro Assembly approved the law.", "Montenegro Assembly", "MNELEG"),
        ("A blast killed two Iraqi youths.", "Iraqi youths", "IRQCVL"),
        ("The minister met exiled dissidents from Burma.", "dissidents from Burma", "MMROPP"),
        ("Thousands of protesters in Hong Kong marched.", "protesters in Hong Kong", "HKGOPP"),
        ("Britain ordered the closure of the Iranian embassy.", "Iranian embassy", "IRNGOV"),
        ("The Saudi-led coalition struck a port.", "Saudi-led coalition", "SAUMIL"),
        (
            "China's foreign minister called his Russian counterpart.",
            "Russian counterpart",
            "RUSGOV",
        ),
        # in diplomatic news "the Europeans" are Europe's governments: the region's code
        ("Canada will work with the Europeans on a new trade pact.", "Europeans", "EUR"),
        # an officeholder's own government is her country's
        (
            "Chile thanked Peruvian Foreign Minister Ana Cecilia Gervasi, who said her "
            "government backed Chile.",
            "government",
            "PERGOV",
        ),
        ("Lawmakers in Ghana criticised the loan deal.", "Lawmakers in Ghana", "GHALEG"),
        ("Sudanese government forces shelled the town.", "Sudanese government forces", "SDNMIL"),
        # an armed force before an attack noun is the attacker, not its country alone
        ("Nigerian military airstrikes hit a camp near Maiduguri.", "Nigerian military", "NGAMIL"),
        # an armed group takes the country it is based in, as a newspaper does
        ("Yemen-based militants fired rockets at the port.", "militants", "YEMREB"),
        ("The African National Congress met.", "African National Congress", "ZAFPTY"),
        ("Three IS fighters were captured near Raqqa.", "IS fighters", "IMGREBISI"),
        # a long organisation name written in lower case is still the organisation
        (
            "Chile went to the international criminal court.",
            "international criminal court",
            "IGOJUDICC",
        ),
        ("Peru summoned Chile's chargé d’affaires in Lima.", "Chile's chargé d’affaires", "CHLGOV"),
        ("Chile's solicitor general, Ana Soto, argued the case.", "Ana Soto", "CHLJUD"),
        # members of an American party in plural: its country, their sector (leaders: party)
        ("Democratic senators criticised the tariff plan.", "Democratic senators", "USALEG"),
        ("Republican leaders praised the tariff plan.", "Republican leaders", "USAPTY"),
        # an American party's mark on a person says American, whatever else the sentence names
        ("Sen. Ann Kowalski (R-Iowa) said Chile must free the sailors.", "Ann Kowalski", "USALEG"),
        ("Peru's envoy met Rep. Tom Garvey, a Nevada Democrat, in Lima.", "Tom Garvey", "USALEG"),
        ("Republican Senator Mary Dolan urged Chile to free sailors.", "Mary Dolan", "USALEG"),
        ("Chile's envoy met Dan Ortiz, D-Texas, and Peru's consul.", "Dan Ortiz", "USALEG"),
        # an envoy's country after "for" is the brief; a country before the title sends him
        (
            "Maria Gonzalez, the Chilean special envoy for Peru, met Bolivia's president.",
            "Maria Gonzalez",
            "CHLGOV",
        ),
        (
            "Omar Haddad, chief negotiator for the Palestinians, met Chile's envoy.",
            "Omar Haddad",
            "PSEGOV",
        ),
        # a place after "in", behind the office's own country, says where it is, not whose
        (
            "Carlos Mendez, a counsellor at the Chilean embassy in Lima, met Bolivia's envoy.",
            "Carlos Mendez",
            "CHLGOV",
        ),
        # "whose" gives a sector noun its antecedent's country
        ("Peru, whose army patrols the border, protested to Chile.", "army", "PERMIL"),
        # an officeholder's people are his country's
        ("Peru's president told his people that Chile wants their water.", "people", "PERCVL"),
        # a sector modifier before the people or body it names: the country's sector
        ("The Malian military council met Chad's envoy.", "Malian military council", "MLIMIL"),
        ("The Peruvian army command thanked Chile.", "Peruvian army command", "PERMIL"),
        ("Bolivian military leaders visited Chile.", "Bolivian military leaders", "BOLMIL"),
        ("Rebel commanders in Mali rejected the truce.", "Rebel commanders", "MLIREB"),
        ("Police chiefs rejected the new pay plan.", "Police chiefs", "COP"),
        # a legislator's title after the name; a clause with no "who" ends the title
        ("Peru freed Ana Lopez, a Chilean legislator, on Monday.", "Ana Lopez", "CHLLEG"),
        (
            "Rebels freed Pedro Ruiz, a former Chilean congressman the group had held for a year.",
            "Pedro Ruiz",
            "CHLELI",
        ),
        # "the South" in a story about the Koreas is South Korea; elsewhere no town
        (
            "North Korea tested a rocket after officials from the South left Pyongyang.",
            "officials from the South",
            "KORGOV",
        ),
        # "the Chileans" acting are the side; Chileans at large are its people
        ("After the vote, the Chileans walked out of the talks.", "Chileans", "CHL"),
        ("Thousands of Chileans walked out of the stadium.", "Chileans", "CHLCVL"),
        # state bodies coordinated with one a demonym names are that state's too
        (
            "Chilean troops, police and border officials stopped Peru's envoy.",
            "officials",
            "CHLGOV",
        ),
        # a country's named ministry is that country's
        ("Peru's Foreign Ministry accused Chile of lying.", "Peru's Foreign Ministry", "PERGOV"),
        # Europe's leaders are the European states
        ("Iran blamed European leaders for the delay.", "European leaders", "EUR"),
        # "its" is no plural noun's: the country sending them
        ("Chile is sending troops and tanks to its border with Peru.", "its", "CHL"),
        # a community's forces after a demonym are no state's army
        ("Peru condemned the Syrian Kurdish forces.", "Syrian Kurdish forces", "SYRREB"),
        # a watchdog named after the UN is not the UN
        ("UN Watch criticised the vote on Peru.", "UN Watch", "NGOHRIUNW"),
        # an ambassador to the UN is her state's, not the UN's
        ("U.N. Ambassador Nikki Haley criticised Peru.", "Nikki Haley", "USAGOV"),
        (
            "Peru wants talks, Peru's president said. "
            "U.N. Ambassador Ana Soto called them a trick.",
            "Ana Soto",
            "GOV",
        ),
        # a retired officer is a former one: an elite
        ("Retired Chilean Army Lt. General Pedro Ruiz criticised Peru.", "Pedro Ruiz", "CHLELI"),
        # a counterpart in a country holds the office of the person it answers to, there
        (
            "Peru's foreign minister called her counterpart in Chile.",
            "counterpart in Chile",
            "CHLGOV",
        ),
        # "the administration" unqualified is the American executive, also in a story about
        # another state; a leader's name says whose
        ("The administration imposed sanctions on Chilean bankers.", "administration", "USAGOV"),
        ("The Soto administration thanked the envoy.", "administration", "GOV"),
        # a member of a body holds the body's sector
        (
            "Pedro Ruiz, a member of the Chilean Chamber of Deputies, criticised the plan.",
            "Pedro Ruiz",
            "CHLLEG",
        ),
        (
            "Pedro Ruiz, a member of Chile's army, was wounded in the attack.",
            "Pedro Ruiz",
            "CHLMIL",
        ),
        # a spokesman of a named ministry speaks for it
        (
            "Peruvian Foreign Ministry spokesman Pedro Ruiz said the talks had failed.",
            "Pedro Ruiz",
            "PERGOV",
        ),
        (
            "Peru's Foreign Ministry spokesman, Pedro Ruiz, said the talks had failed.",
            "Pedro Ruiz",
            "PERGOV",
        ),
        # of coordinated titles in apposition the last names the office
        (
            "Pedro Ruiz, a security expert and former Chilean envoy, warned the talks would fail.",
            "Pedro Ruiz",
            "CHLELI",
        ),
    ],
)
def test_find_actors_composes_noun_phrases(nlp, text: str, phrase: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert _by_text(text, _find(nlp, text))[phrase].code == code


def test_find_actors_keeps_troops_in_a_country_as_their_own(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "US troops in Syria came under fire."
    found = _by_text(text, _find(nlp, text))
    assert found["US troops"].code == "USAMIL"
    assert "troops in Syria" not in found


def test_find_actors_anchors_unanchored_titles_on_the_articles_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Zambia's opposition called a general strike. The president called the strike "
        "illegal. Zambian police arrested ten people."
    )
    found = _by_text(text, _find(nlp, text))
    assert found["president"].code == "ZMBGOV"


def test_find_actors_leaves_a_title_unanchored_when_another_country_is_near(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Zambia's opposition called a strike. Zambian police arrested ten people. "
        "In talks with Kenya, the president urged calm."
    )
    found = _by_text(text, _find(nlp, text))
    assert found["president"].code == "GOV"
    one = "The president called the strike illegal."  # no country at all: no focus
    assert _by_text(one, _find(nlp, one))["president"].code == "GOV"


def test_find_actors_keeps_names_as_written(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Russian Foreign Ministry said officials would reply."
    found = _by_text(text, _find(nlp, text))
    assert (found["Russian Foreign Ministry"].code, found["Russian Foreign Ministry"].name) == (
        "RUSGOV",
        "Russian Foreign Ministry",
    )
    assert found["officials"].name == "officials"


def test_find_actors_reads_an_appositive_title_as_the_persons_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Jane Porter, president of an advocacy group called Fair Vote, said the map was unfair."
    found = _by_text(text, _find(nlp, text))
    assert "president" not in found  # her title, not a government of its own


def test_find_actors_knows_officeholders_back_to_1990(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "President Clinton met Boris Yeltsin and Helmut Kohl. Mitterrand sent a letter."
    found = _by_text(text, _find(nlp, text, "1998-06-01"))
    assert found["Clinton"].code == "USAGOV"  # a title and a surname: who held it that day
    assert found["Boris Yeltsin"].code == "RUSGOV"
    assert found["Helmut Kohl"].code == "DEUGOV"
    assert found["Mitterrand"].code == "FRAELI"  # out of office since 1995


def test_find_actors_reads_a_demonym_a_few_words_before_its_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Angry French paper workers blocked the bridge. Turkish Kurd refugees returned."
    found = _by_text(text, _find(nlp, text))
    assert found["French paper workers"].code == "FRALAB"
    assert found["Turkish Kurd refugees"].code == "TURREF"


def test_find_actors_reads_a_sending_country_not_the_host(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Sung Kim, U.S. ambassador to the Philippines, said the talks went well."
    assert _by_text(text, _find(nlp, text, "2018-05-01"))["Sung Kim"].code == "USAGOV"
    bare = "Sung Kim, ambassador to the Philippines, said the talks went well."
    assert "Sung Kim" not in _by_text(bare, _find(nlp, bare, "2018-05-01"))


def test_find_actors_a_title_after_a_name_is_no_actor_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Park Geun-hye, the previous president of South Korea, was jailed."
    found = _by_text(text, _find(nlp, text, "2018-05-01"))
    assert found["Park Geun-hye"].code == "KORELI"
    assert "president of South Korea" not in found


def test_find_actors_reads_people_by_their_occupation_and_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russian journalist Ivan Golunov was freed. Iranian activist Narges Mohammadi spoke."
    found = _by_text(text, _find(nlp, text))
    assert found["Ivan Golunov"].code == "RUSMED"
    assert found["Narges Mohammadi"].code == "IRNHRI"


def test_find_actors_family_name_first_and_the_two_koreas(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "North Korean leader Kim Jong Un met envoys. The North pulled out of talks with the "
        "South. The meeting is up to Chairman Kim, Pence said."
    )
    found = _by_text(text, _find(nlp, text, "2018-05-23"))
    assert found["Kim"].code == "PRKGOV"  # "Kim" after "Kim Jong Un": the family name
    assert (found["North"].code, found["South"].code) == ("PRK", "KOR")
    other = "The North Atlantic alliance met in the South China Sea."
    assert "North" not in _by_text(other, _find(nlp, other))


def test_find_actors_a_family_name_written_first_of_someone_we_do_not_know(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Vice Premier Zhao Lin phoned Finance Minister Paul Hendry on Monday. "
        "The call between Hendry and Zhao was tense."
    )
    found = _by_text(text, _find(nlp, text, "2018-03-24"))
    assert found["Zhao"].actor_id == found["Zhao Lin"].actor_id  # not "Lin"
    western = "Ambassador Kim Sorensen resigned. Sorensen left on Friday."
    kept = _by_text(western, _find(nlp, western, "2018-03-24"))
    assert kept["Sorensen"].actor_id == kept["Kim Sorensen"].actor_id
    known = (
        "Vice Premier Liu He met Finance Minister Paul Hendry in Geneva. Hendry said the "
        "talks went well. He added that Liu would visit in May."
    )
    people = _find(nlp, known, "2019-05-02")
    liu = [m for m in people if known[m.start : m.end] in {"Liu He", "Liu"}]
    assert [m.code for m in liu] == ["CHNGOV", "CHNGOV"]
    assert _by_text(known, people)["He"].actor_id != liu[0].actor_id  # a pronoun, not "Liu He"


def test_find_actors_a_country_name_with_its_last_word_left_out(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "North and South Korea agreed to field a joint team."
    assert [m.code for m in _find(nlp, text, "2018-01-20")] == ["PRK", "KOR"]
    # "Sudan and South Sudan" names both already; "States and North Korea" is no country
    other = "The United States and North Korea met."
    assert [m.code for m in _find(nlp, other, "2018-01-20")] == ["USA", "PRK"]


def test_find_actors_a_body_owned_by_the_north_is_north_koreas(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "North Korea sent athletes. The North's large delegation met the Chilean envoy."
    found = _by_text(text, _find(nlp, text, "2018-02-10"))
    assert found["delegation"].code == "PRKGOV"


def test_find_actors_a_written_title_beats_out_of_office(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Moroccan diplomats met President Obama. Former President Bush spoke."
    found = _by_text(text, _find(nlp, text, "2000-01-01"))
    assert found["Obama"].code == "USAGOV"  # the base has him out of office that day
    general = "A newspaper defied a ban by General Michel Aoun."  # the base's alias holds the title
    aoun = _by_text(general, _find(nlp, general, "1990-05-01"))["General Michel Aoun"]
    assert (aoun.code, aoun.role) == ("LBNMIL", "General")
    # a title that names no sector names no office: a private lawyer stays as the base has him
    lawyer = "The Russian ambassador met Trump lawyer Michael Cohen in New York."
    assert _by_text(lawyer, _find(nlp, lawyer, "2017-06-01"))["Michael Cohen"].code == "USAELI"


def test_find_actors_coordinated_demonyms_share_their_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Red Cross said US and British forces must ensure security."
    found = _by_text(text, _find(nlp, text))
    assert (found["US"].code, found["British forces"].code) == ("USAMIL", "GBRMIL")


def _places(name: str) -> tuple[str, str | None] | None:
    """A stand-in gazetteer: three towns (one named like a compass point) and a region."""
    return {
        "Kandahar": ("AFG", "AFG"),
        "South": ("ISL", "ISL"),
        "Tal Afar": ("IRQ", "IRQ"),
        "West Africa": ("WAF", None),
        "Lima": ("PER", "PER"),
        "Kampala": ("UGA", "UGA"),
    }.get(name)


def test_find_actors_a_town_acted_on_is_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Insurgents launched an attack on Kandahar. Troops rested in Kandahar."
    article = Article(doc_id="t", text=text, published="2024-05-10")
    (annotation,) = annotate_articles([article], nlp)
    found = [
        (text[m.start : m.end], m.start, m.code)
        for m in find_actors(article, annotation, places=_places)
    ]
    towns = [(start, code) for name, start, code in found if name == "Kandahar"]
    assert towns == [(text.index("Kandahar"), "AFG")]  # "in Kandahar" is a place, not an actor


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # a town the gazetteer knows, before a sector noun with a word between
        ("The Kandahar provincial governor met Chile's envoy.", "governor", "AFGGOV"),
        ("Kandahar city police thanked Chile for the help.", "police", "AFGCOP"),
        # a title after a town's name is the town's country's office
        ("Kandahar Mayor Ali Karimi thanked Chile for the help.", "Ali Karimi", "AFGGOV"),
        # a backer written in one hyphened token is not the noun's country, nor is the
        # story's country (often the backer) the noun's by default
        (
            "The United States sent aid. U.S.-backed fighters took the town, the United "
            "States said.",
            "fighters",
            "REB",
        ),
    ],
)
def test_find_actors_reads_towns_and_backers_with_a_gazetteer(  # type: ignore[no-untyped-def]
    nlp, text: str, phrase: str, code: str
) -> None:
    article = Article(doc_id="t", text=text, published="2024-05-10")
    (annotation,) = annotate_articles([article], nlp)
    found = _by_text(text, find_actors(article, annotation, places=_places))
    assert found[phrase].code == code


def _town_codes(nlp, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    article = Article(doc_id="t", text=text, published="2024-05-10")
    (annotation,) = annotate_articles([article], nlp)
    found = find_actors(article, annotation, places=_places)
    return [(text[m.start : m.end], m.code) for m in found if text[m.start : m.end] == "Kandahar"]


@pytest.mark.parametrize(
    "text",
    [
        "NATO sent more troops to Kandahar on Monday.",
        "The army withdrew its troops from Kandahar last week.",
        "The governor imposed a curfew in parts of Kandahar after the riots.",
        "Troops remained on alert in Kandahar on Monday.",
        "Thousands of families have sought refuge in Kandahar.",
        "Donors sent funds to fight the cholera outbreak in Kandahar.",
    ],
)
def test_find_actors_where_forces_go_or_a_curfew_holds_is_acted_on(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _town_codes(nlp, text) == [("Kandahar", "AFG")]


def test_find_actors_a_meeting_place_stays_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _town_codes(nlp, "The two delegations met in Kandahar on Monday.") == []


def test_find_actors_its_forces_are_the_country_s(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Sudan said it would withdraw its troops from the border region."
    assert _by_text(text, _find(nlp, text))["troops"].code == "SDNMIL"


@pytest.mark.parametrize(
    ("text", "noun", "code"),
    [
        # an armed group's own fighters are the group, also from the sentence before
        (
            "Hezbollah fired rockets at Israel. Its fighters also attacked an Israeli army post.",
            "fighters",
            "LBNREBHEZ",
        ),
        # a body of a country gives its forces the country, over the one the article is about
        (
            "Israel and Israeli towns were named again. The Lebanese government said its soldiers "
            "had retaken the hill.",
            "soldiers",
            "LBNMIL",
        ),
    ],
)
def test_find_actors_its_forces_are_the_owner_s(nlp, text: str, noun: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert _by_text(text, _find(nlp, text))[noun].code == code


def test_find_actors_their_fighters_attacked_are_not_the_attacker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Hezbollah said Israeli troops had attacked their fighters near the border."
    assert _by_text(text, _find(nlp, text))["fighters"].code != "ISRMIL"


def test_find_actors_its_after_a_thing_names_no_owner(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile launched a new frigate. Its crew sailed to Peru."
    assert "Its" not in _by_text(text, _find(nlp, text))


def test_find_actors_without_a_gazetteer_codes_no_towns(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Insurgents launched an attack on Kandahar."
    assert "Kandahar" not in _by_text(text, _find(nlp, text))


def test_find_actors_a_dateline_place_is_not_an_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "SEOUL (Wire) - North Korea threatened to cancel the summit."
    found = _by_text(text, _find(nlp, text))
    assert "SEOUL" not in found and found["North Korea"].code == "PRK"


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("The Estavian Patriotic Front rejected the deal.", "Estavian Patriotic Front", "PTY"),
        ("The Kenyan Union of Teachers called a strike.", "Kenyan Union of Teachers", "KENLAB"),
        ("The Association of Coastal Jurists sued.", "Association of Coastal Jurists", "NGOJUD"),
        ("The Coastal Civic Society protested.", "Coastal Civic Society", "NGO"),
        ("The Kenyan Doctors Association warned.", "Kenyan Doctors Association", "KENHLH"),
        ("The Homeland Union collected signatures.", "Homeland Union", "PTY"),
        ("The Lake Region Liberation Front attacked.", "Lake Region Liberation Front", "REB"),
        ("Workers picketed Brantwell Mining Inc. on Monday.", "Brantwell Mining Inc.", "BUS"),
        # the US Congress's way of naming a committee; a committee a body oversees is not it
        (
            "The House Homeland Security Committee questioned the FBI.",
            "House Homeland Security Committee",
            "USALEG",
        ),
        ("The Senate Fisheries Committee met.", "Senate Fisheries Committee", "USALEG"),
        (
            "Kenya's Parliamentary Defence Committee summoned the minister.",
            "Kenya's Parliamentary Defence Committee",
            "KENLEG",
        ),
    ],
)
def test_find_actors_an_unknown_organisation_by_its_head_word(  # type: ignore[no-untyped-def]
    nlp, text: str, name: str, code: str
) -> None:
    assert _by_text(text, _find(nlp, text))[name].code == code


def test_find_actors_a_known_organisation_keeps_its_code(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The UN Security Council condemned the attack."
    assert _by_text(text, _find(nlp, text))["UN Security Council"].code == "IGOUNOUSC"


def test_find_actors_a_title_inside_a_person_entity_and_a_later_surname(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pakistani police blocked the march. Maulana Tariq Haidari's followers camped out "
        "on Monday. Haidari accuses the government of fraud."
    )
    article = Article(doc_id="t", text=text, published="2019-11-04")
    (annotation,) = annotate_articles([article], nlp)
    found = [(text[m.start : m.end], m.code, m.role) for m in find_actors(article, annotation)]
    named = [f for f in found if "Haidari" in f[0]]
    assert named[0][0] == "Tariq Haidari" and named[0][1].endswith("REL")  # a cleric
    assert named[0][2] == "Maulana"
    assert ("Haidari", named[0][1], "Maulana") in named[1:]


def test_find_actors_a_known_surname_as_another_person_s_first_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Syrian opposition leader Burhan Haddad met the envoy in Geneva."
    found = _by_text(text, _find(nlp, text))
    assert "Burhan" not in found and found["Burhan Haddad"].code == "SYROPP"


def test_find_actors_a_month_is_not_the_surname_it_spells(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Prime Minister Theresa May met the envoy. The vote was held in May."
    article = Article(doc_id="t", text=text, published="2019-03-01")
    (annotation,) = annotate_articles([article], nlp)
    starts = [m.start for m in find_actors(article, annotation)]
    assert text.rindex("May") not in starts


def test_find_actors_the_one_country_of_a_sentence_anchors_its_institutions(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels attacked an army base near the border with Chad overnight."
    found = _by_text(text, _find(nlp, text))
    assert found["Rebels"].code == "TCDREB"  # the sentence names one country, and only one


def test_find_actors_officials_are_not_anchored_by_the_country_they_speak_of(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Officials said Iran had fired two missiles."
    assert _by_text(text, _find(nlp, text))["Officials"].code == "GOV"


def test_find_actors_a_group_leader_takes_the_group_s_sector(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ali Kushayb, a Sudanese militia leader, surrendered to the court."
    assert _by_text(text, _find(nlp, text))["Ali Kushayb"].code == "SDNUAF"


def test_find_actors_an_igo_officer_keeps_the_body_s_code_with_an_official_s_sector(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Hassan Idris, the African Union Secretary General, condemned the coup."
    mention = _by_text(text, _find(nlp, text))["Hassan Idris"]
    assert (mention.code, mention.sector) == ("IGOAFRAFU", "GOV")


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("An official Syrian newspaper called for unity.", "Syrian newspaper", "SYRGOVMED"),
        ("A Syrian newspaper reported the attack.", "Syrian newspaper", "SYRMED"),
    ],
)
def test_find_actors_state_media_speak_for_the_government(
    nlp, text: str, phrase: str, code: str
) -> None:  # type: ignore[no-untyped-def]
    assert _by_text(text, _find(nlp, text))[phrase].code == code


def test_find_actors_initials_of_a_treaty_are_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Mali's president called the ATT a threat to its security."  # the Arms Trade Treaty
    assert "ATT" not in _by_text(text, _find(nlp, text, "2010-05-10"))


def test_find_actors_a_compass_point_is_no_town(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Envoys from the South met Chad's leader."
    article = Article(doc_id="t", text=text, published="2024-05-10")
    (annotation,) = annotate_articles([article], nlp)
    found = _by_text(text, find_actors(article, annotation, places=_places))
    assert found["Envoys"].code == "GOV"
    assert "Envoys from the South" not in found


def test_find_actors_an_office_of_a_town_is_its_country_s(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The governor of Kandahar met tribal elders. Kandahar authorities closed the schools. "
        "The Kandahar governor spoke."
    )
    article = Article(doc_id="t", text=text, published="2024-05-10")
    (annotation,) = annotate_articles([article], nlp)
    found = _by_text(text, find_actors(article, annotation, places=_places))
    assert found["governor of Kandahar"].code == "AFGGOV"
    assert found["Kandahar authorities"].code == "AFGGOV"  # the town named before the body
    assert found["Kandahar governor"].code == "AFGGOV"


def test_find_actors_people_of_a_demonym_s_land_are_its_people(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Residents of the Syrian Golan Heights threatened to strike."
    found = _by_text(text, _find(nlp, text))
    assert found["Residents of the Syrian Golan Heights"].code == "SYRCVL"


def test_find_actors_a_possessive_country_owns_the_office_a_few_words_on(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Turkey's Kars district administration denied the request."
    found = _by_text(text, _find(nlp, text))
    assert found["Turkey's Kars district administration"].code == "TURGOV"


def test_find_actors_a_possessive_country_owns_the_people_of_a_sector_word(nlp) -> None:  # type: ignore[no-untyped-def]
    # "spy chief" is the people of the sector word "spy": the owner of "chief" is theirs.
    text = "The minister received Cuba's former spy chief in Caracas."
    assert _by_text(text, _find(nlp, text))["spy chief"].code == "CUBSPY"


def test_find_actors_refugees_are_coded_with_the_country_they_flee(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The agency sent food to refugees fleeing the war in Liberia."
    assert _by_text(text, _find(nlp, text))["refugees"].code == "LBRREF"


def test_find_actors_a_known_officeholders_possessive_anchors_a_title(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "John Bolton, Trump's former national security adviser, met Putin's envoy Ivan Petrov."
    found = _by_text(text, _find(nlp, text, "2020-06-20"))
    assert found["John Bolton"].code == "USAELI"
    assert found["Ivan Petrov"].code == "RUSGOV"
    private = "Trump's lawyer Walter Brandt went to Kiev."  # a post that names no sector
    assert "Walter Brandt" not in _by_text(private, _find(nlp, private, "2020-06-20"))


def test_find_actors_the_focus_anchors_a_bare_title_after_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Trump met reporters at the White House. John Bolton, the president's former national "
        "security adviser, wrote a book. Jane Porter, president of a group called Fair Vote, spoke."
    )
    found = _by_text(text, _find(nlp, text, "2020-06-20"))
    assert found["John Bolton"].code == "USAELI"
    assert "Jane Porter" not in found  # a title with an owner of its own is not the focus's


def test_find_actors_all_or_both_stands_for_the_countries_named_together(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The leaders of France, Germany and Britain met. All urged Iran to comply."
    leaders = ("FRAGOV", "DEUGOV", "GBRGOV")  # the members with their office
    assert _by_text(text, _find(nlp, text))["All"].members == leaders
    two = "Russia and China met in Moscow. Both condemned the sanctions."
    assert _by_text(two, _find(nlp, two))["Both"].members == ("RUS", "CHN")
    three = "Russia, China and Iran met in Moscow. Both condemned the sanctions."
    assert "Both" not in _by_text(three, _find(nlp, three))  # "both" needs exactly two
    apart = (  # the subjects of the sentence before, named in clauses of their own
        "Chilean President Gabriel Boric met Lula last week, and Argentine President Javier "
        "Milei met Lula on Monday. Both urged Lula to sign the deal."
    )
    assert _by_text(apart, _find(nlp, apart, "2024-05-10"))["Both"].members == ("CHLGOV", "ARGGOV")


def test_find_actors_police_in_a_city_are_its_countrys(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Police in Kandahar arrested three men after a police officer in Tal Afar was shot."
    article = Article(doc_id="t", text=text, published="2024-05-10")
    (annotation,) = annotate_articles([article], nlp)
    found = find_actors(article, annotation, places=_places)
    assert [m.code for m in found if m.sector == "COP"] == ["AFGCOP", "IRQCOP"]


def test_find_actors_unnamed_gunmen_take_the_country_they_act_in(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Attackers stormed a checkpoint in Niger's Tillaberi region, and gunmen burned a school."
    found = _by_text(text, _find(nlp, text))
    assert found["Attackers"].code == "NERUAF" and found["gunmen"].code == "NERUAF"


@pytest.mark.parametrize(
    ("text", "group", "code"),
    [
        ("Hezbollah fighters fired rockets at Israel.", "Hezbollah fighters", "LBNREBHEZ"),
        ("Al-Shabaab gunmen attacked a hotel in Mogadishu.", "Al-Shabaab gunmen", "SOMREBSHB"),
    ],
)
def test_find_actors_an_armed_groups_fighters_are_the_group(
    nlp, text: str, group: str, code: str
) -> None:  # type: ignore[no-untyped-def]
    found = _by_text(text, _find(nlp, text))
    assert found[group].code == code


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("A Nairobi-based news agency reported the clash.", "news agency", "KENMED"),
        ("A charity based in London sent food to Yemen.", "charity based in London", "GBRNGO"),
        (
            "A newspaper headquartered in northern Beirut printed the letter.",
            "newspaper headquartered in northern Beirut",
            "LBNMED",
        ),
    ],
)
def test_find_actors_a_body_is_of_the_country_it_is_based_in(
    nlp, text: str, phrase: str, code: str
) -> None:  # type: ignore[no-untyped-def]
    assert _by_text(text, _find(nlp, text))[phrase].code == code


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Rebel leaders rejected the truce.", "Rebel leaders", "REB"),
        ("Religious leaders rejected the charter.", "Religious leaders", "REL"),
        ("Opposition figures rejected the truce.", "Opposition figures", "OPP"),
    ],
)
def test_find_actors_people_of_a_sector_are_that_sector(
    nlp, text: str, phrase: str, code: str
) -> None:  # type: ignore[no-untyped-def]
    found = _by_text(text, _find(nlp, text))
    assert found[phrase].code == code
    assert "leaders" not in found and "figures" not in found  # not also a government


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Kurdish forces shelled the town.", "Kurdish forces"),
        ("Tamil troops ambushed a convoy.", "Tamil troops"),
    ],
)
def test_find_actors_a_communitys_armed_men_are_rebels(nlp, text: str, phrase: str) -> None:  # type: ignore[no-untyped-def]
    mention = _by_text(text, _find(nlp, text))[phrase]
    assert mention.sector == "REB"


def test_find_actors_a_states_forces_stay_its_military(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Syrian forces shelled the town."
    assert _by_text(text, _find(nlp, text))["Syrian forces"].code == "SYRMIL"


def test_find_actors_a_title_before_a_name_in_apposition_is_the_persons_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Peru's foreign minister, Marta Quispe, met reporters. Quispe said little."
    found = _find(nlp, text)
    person = next(m for m in found if m.name == "Marta Quispe")
    assert (person.code, person.role) == ("PERGOV", "foreign minister")
    assert sum(m.actor_id == person.actor_id for m in found) == 2  # the surname later too


def test_find_actors_an_apposed_title_with_no_country_is_no_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The president's lawyer, Marta Quispe, met reporters."
    assert all(m.name != "Marta Quispe" for m in _find(nlp, text))


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        (
            "The Obama administration imposed new sanctions on Russia.",
            "Obama administration",
            "USAGOV",
        ),
        ("The Maduro government expelled Colombia's ambassador.", "Maduro government", "VENGOV"),
    ],
)
def test_find_actors_a_leaders_name_before_a_government_noun_gives_its_country(  # type: ignore[no-untyped-def]
    nlp, text: str, phrase: str, code: str
) -> None:
    found = _by_text(text, _find(nlp, text, "2015-06-01"))
    assert found[phrase].code == code  # not a bare GOV, though another country is named


def test_find_actors_an_attack_nobody_carried_out_is_an_unidentified_force(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A car bombing near Kandahar killed four Afghan police officers on Monday."
    article = Article(doc_id="t", text=text, published="2012-06-01")
    (annotation,) = annotate_articles([article], nlp)
    found = _by_text(text, find_actors(article, annotation, places=_places))
    assert found["car bombing"].code == "AFGUAF"  # where it happened, as CAMEO codes it


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Four Afghan police officers were killed in a car bombing near Kandahar.", "car bombing"),
        ("Two Afghan soldiers were wounded by a roadside bomb near Kandahar.", "roadside bomb"),
    ],
)
def test_find_actors_the_attack_victims_fell_in_is_an_unidentified_force(  # type: ignore[no-untyped-def]
    nlp, text: str, phrase: str
) -> None:
    assert _located(nlp, text, "2012-06-01")[phrase].code == "AFGUAF"


@pytest.mark.parametrize(
    "text",
    [
        "Four soldiers were killed in a Taliban bombing in Kandahar.",  # its author is named
        "Four soldiers were killed in a car crash in Kandahar.",  # no attack
        "A Taliban bombing killed four soldiers in Kandahar.",  # its author is named
        "Rebels attacked a convoy near Gao. The attack killed four soldiers.",  # theirs
    ],
)
def test_find_actors_an_attack_with_an_author_is_no_unidentified_force(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [m for m in _find(nlp, text, "2012-06-01") if m.code.endswith("UAF")]


def test_find_actors_a_title_word_after_a_first_name_is_a_surname(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Sen. Walter King said the strike was justified."
    found = _by_text(text, _find(nlp, text, "2018-06-01"))
    assert "King" not in found  # not a monarch: the senator's surname
    assert found["Walter King"].sector == "LEG"


def test_find_actors_leaders_of_a_faith_are_religious(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Lebanese Maronite bishops and Nigerian Muslim leaders met in Rome."
    found = _by_text(text, _find(nlp, text))
    assert found["Nigerian Muslim leaders"].code == "NGAREL"  # not the government's leaders
    other = "Chadian Christian leaders condemned the attack in N'Djamena."
    assert _by_text(other, _find(nlp, other))["Chadian Christian leaders"].code == "TCDREL"


def test_find_actors_homes_and_villages_are_civilians(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijani artillery shelled Armenian villages and Armenian homes near the border."
    found = _by_text(text, _find(nlp, text))
    assert (found["Armenian villages"].code, found["Armenian homes"].code) == ("ARMCVL", "ARMCVL")


def test_find_actors_a_known_surname_after_another_first_name_is_someone_else(nlp) -> None:  # type: ignore[no-untyped-def]
    other = "John Mbeki, a farmer, said the rains came late."
    assert "ZAF" not in {m.code[:3] for m in _find(nlp, other, "2005-01-01")}
    same = "A spokesman for Vladimir V. Putin and President Mbeki spoke."
    found = _by_text(same, _find(nlp, same, "2005-01-01"))
    assert (found["Putin"].code, found["Mbeki"].code) == ("RUSGOV", "ZAFGOV")


def test_find_actors_a_surname_that_is_a_title_word_names_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Bishop" alone after "Julia Bishop" is her surname, not a churchman
    text = "Fijian envoy Julia Bishop arrived in Suva. Bishop said the talks went well."
    mentions = _find(nlp, text, "2022-09-01")
    second = [m for m in mentions if m.start > text.index(". ")]
    assert [text[m.start : m.end] for m in second] == ["Bishop"]
    assert second[0].sector != "REL" and second[0].code == mentions[0].code


def test_find_actors_central_americans_are_not_americans(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Mexico deported thousands of Central Americans last year."
    codes = {m.code for m in _find(nlp, text)}
    assert "USACVL" not in codes and "LAM" in codes


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        # "its" on the object of an infinitive is the subject's, not India's named between
        (
            "Israel opened ties with Bhutan, a neighbour of India, as it looks to expand its "
            "links.",
            "ISR",
        ),
        # ... or the object the infinitive is asked of
        ("Russia urged Ukraine to withdraw its troops.", "UKR"),
        # ... and in a phrase of its own the nearest country before
        ("Russia condemned Ukraine for its attacks.", "UKR"),
    ],
)
def test_find_actors_its_on_an_object_belongs_to_the_clause_subject(
    nlp, text: str, owner: str
) -> None:  # type: ignore[no-untyped-def]
    its = [m for m in _find(nlp, text) if text[m.start : m.end] == "its"]
    assert its and its[-1].code == owner


def test_find_actors_a_country_name_that_is_a_named_persons_surname_is_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Senator Ana Georgia met the press. Georgia said the vote would pass."
    mentions = _find(nlp, text, "2024-05-10")
    second = [m for m in mentions if m.start > text.index(". ")]
    assert [text[m.start : m.end] for m in second] == ["Georgia"]
    assert second[0].code == mentions[0].code != "GEO"


@pytest.mark.parametrize(
    "text",
    ["Former Prime Minister Ehud Olmert spoke in Haifa.", "Ex-Prime Minister Ehud Olmert spoke."],
)
def test_find_actors_a_former_title_makes_a_known_person_an_elite_on_any_day(  # type: ignore[no-untyped-def]
    nlp, text: str
) -> None:
    (olmert,) = (m for m in _find(nlp, text, None) if m.name == "Ehud Olmert")
    assert olmert.code == "ISRELI"


def test_find_actors_congress_ending_another_name_is_not_the_us_congress(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The World Uyghur Congress condemned the arrests. A Democratic Congress would object."
    found = [(m.start, m.code) for m in _find(nlp, text)]
    assert found == [(text.rindex("Congress"), "USALEG")]


def test_find_actors_an_acronym_that_is_a_word_in_a_line_of_capitals(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "He wrote that THE ARMY IS READY and that IS fighters had fled."
    found = [(text[m.start : m.end], m.code) for m in _find(nlp, text)]
    assert ("IS fighters", "IMGREBISI") in found
    assert not any(m.start == text.index("IS READY") for m in _find(nlp, text))


def test_find_actors_one_persons_party_does_not_change_the_office(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Critics of the Republican president met in Ohio."
    assert "Republican president" not in _by_text(text, _find(nlp, text))


def test_find_actors_a_capitalised_man_in_a_nickname_is_no_civilian(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Fans called the striker “Iron Man” after a man in Lima praised him."
    assert [text[m.start : m.end] for m in _find(nlp, text)] == ["man in Lima"]


def test_find_actors_a_capital_naming_a_meeting_is_its_venue(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile praised the Lima summit. Lima rejected the plan."
    found = [(m.start, m.code) for m in _find(nlp, text)]
    assert found == [(0, "CHL"), (text.rindex("Lima"), "PERGOV")]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # what someone is called is no actor
        ("The president repeatedly called Morales “rocket man” in Lima.", "man"),
        # a title never ends in a preposition: no person "Twitter" holds the presidency
        ("In Lima, the plan was announced by the president on Twitter.", "Twitter"),
    ],
)
def test_find_actors_these_words_are_no_actors(nlp, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    assert word not in _by_text(text, _find(nlp, text))


def _located(nlp, text: str, published: str = "2024-05-10") -> dict[str, ActorMention]:  # type: ignore[no-untyped-def]
    article = Article(doc_id="t", text=text, published=published)
    (annotation,) = annotate_articles([article], nlp)
    return _by_text(text, find_actors(article, annotation, places=_places))


def test_find_actors_people_are_of_the_place_they_are_in(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _located(nlp, "Officials in Lima made no comment.")["Officials"].code == "PERGOV"
    found = _located(nlp, "Hundreds of students blocked the roads in Kampala on Monday.")
    assert found["students"].code == "UGAEDU"  # where they act, for people who live there
    found = _located(nlp, "Prisoners rioted at a jail in Kampala.")
    assert found["Prisoners"].code == "UGACRM"  # the place inside the place they act at


def test_find_actors_travellers_are_not_of_the_place_they_are_in(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _located(nlp, "The ministers discussed the dispute with Japan in Kampala.")
    assert found["ministers"].code == "GOV"  # officials meet abroad
    found = _located(nlp, "Troops in Kampala were put on alert after a warning from Kenya.")
    assert found["Troops"].code == "MIL"  # soldiers are often abroad
    found = _located(nlp, "Students protested at the French embassy in Kampala.")
    assert found["Students"].code == "UGAEDU"  # the embassy's flag is not where it stands


def test_find_actors_a_person_named_in_full_with_no_title_is_a_private_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Tomas Varga said the Mattis doctrine was dead. Varga expected a new policy."
    found = _find(nlp, text, "2018-05-01")
    varga = [m for m in found if m.name == "Tomas Varga"]
    assert len(varga) == 2 and {m.code for m in varga} == {"CVL"}  # the surname later too
    text = "Peter Mattis, who studies China, wrote the report. Mattis called it a warning."
    mattis = [m for m in _find(nlp, text, "2018-05-01") if text[m.start : m.end] == "Mattis"]
    assert [m.code for m in mattis] == ["CVL"]  # the namesake named in full, not the secretary


def test_find_actors_a_relative_named_in_full_is_not_the_person_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Tomas Varga spoke at a rally in Ohio. Later, Ilona Varga criticised the governor."
    found = _find(nlp, text, "2018-05-01")
    ilona = [m for m in found if text[m.start : m.end] == "Ilona Varga"]
    assert ilona and {m.actor_id for m in ilona} != {"person/tomas-varga"}  # another first name
    text = "Tomas Varga spoke at a rally in Ohio. Later, Mr. Varga criticised the governor."
    later = text.index("Mr. Varga")
    varga = [m for m in _find(nlp, text, "2018-05-01") if m.start >= later]
    assert [m.actor_id for m in varga][:1] == ["person/tomas-varga"]  # a title is no first name


@pytest.mark.parametrize(
    ("text", "phrase", "members"),
    [
        (
            "Kenya, Uganda and Tanzania signed a customs pact with Rwanda. "
            "The three countries will share a border post.",
            "three countries",
            ("KEN", "UGA", "TZA"),
        ),
        (
            "The leaders of Chile, Peru, Ecuador and Colombia met in Quito. "
            "The four leaders agreed to protect the Andes.",
            "four leaders",
            ("CHLGOV", "PERGOV", "ECUGOV", "COLGOV"),
        ),
    ],
)
def test_find_actors_a_counted_group_is_the_coordination_of_that_many(  # type: ignore[no-untyped-def]
    nlp, text: str, phrase: str, members: tuple[str, ...]
) -> None:
    # "the three countries" are the three coordinated just before, not the fourth named there
    group = _by_text(text, _find(nlp, text)).get(phrase)
    assert group is not None and set(group.members) == set(members)


def test_find_actors_a_count_that_fits_no_coordination_names_no_group(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya and Uganda signed a customs pact. The three countries will share a border post."
    assert "three countries" not in _by_text(text, _find(nlp, text))


@pytest.mark.parametrize(
    ("text", "phrase", "sector"),
    [
        ("The envoy told a Senate committee that the talks had failed.", "Senate committee", "LEG"),
        ("The parliamentary committee summoned the minister.", "parliamentary committee", "LEG"),
        ("A government panel rejected the mining licence.", "government panel", "GOV"),
    ],
)
def test_find_actors_a_committee_is_the_body_its_sector_word_names(  # type: ignore[no-untyped-def]
    nlp, text: str, phrase: str, sector: str
) -> None:
    found = _by_text(text, _find(nlp, text)).get(phrase)
    assert found is not None and found.sector == sector


def test_find_actors_a_committee_s_subject_is_not_its_sector(nlp) -> None:  # type: ignore[no-untyped-def]
    # the committee on intelligence is a legislature's, not a spy agency
    text = "The Intelligence Committee subpoenaed the banker."
    assert all(m.sector != "SPY" for m in _find(nlp, text))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Prison guards beat the hunger strikers in Mombasa, the families said.", "Prison guards"),
        ("Kenyan immigration officers detained two reporters.", "Kenyan immigration officers"),
        ("Customs officers seized the shipment in Mombasa.", "Customs officers"),
    ],
)
def test_find_actors_guards_and_border_officers_are_police(nlp, text: str, phrase: str) -> None:  # type: ignore[no-untyped-def]
    found = _by_text(text, _find(nlp, text)).get(phrase)
    assert found is not None and found.sector == "COP"


def test_find_actors_a_state_body_reporting_a_country_s_act_is_that_country_s(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile opened a consulate in Lima on Monday, the foreign ministry said."
    assert _by_text(text, _find(nlp, text, published=None))["foreign ministry"].code == "CHLGOV"
    # officials stay unanchored: those who report another country's act are often the other's
    text = "Chile fired two missiles toward Lima on Monday, officials said."
    assert _by_text(text, _find(nlp, text, published=None))["officials"].code == "GOV"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # another country's party, or a body whose name starts with the party word
        ("Social Democratic leader Hans Weber criticised Chile and Peru.", "Hans Weber"),
        ("Republican Guard commander Ali Karimi visited Chile and Peru.", "Ali Karimi"),
    ],
)
def test_find_actors_other_parties_and_names_are_not_american(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    found = _by_text(text, _find(nlp, text))
    assert name in found
    assert found[name].country != "USA"


def test_find_actors_people_of_a_territory_the_story_is_about_are_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "China warned Hong Kong on Monday. Beijing said Hong Kong must restore order, and "
        "China's army is ready. Chinese state media agreed. The crisis in Hong Kong grew. "
        "Police fired tear gas at protesters."
    )
    found = _by_text(text, _find(nlp, text))
    assert (found["Police"].code, found["protesters"].code) == ("HKGCOP", "HKGOPP")
    assert found["China's army"].code == "CHNMIL"  # the state's own forces stay its own


def test_find_actors_reads_a_family_name_of_several_words_as_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # the name as written, not only as the knowledge base spells it ("Adil Abdul-Mahdi")
    text = (
        "Iraqi Prime Minister Adel Abdul Mahdi met Chile's envoy. Abdul Mahdi said the talks "
        "went well."
    )
    mentions = [m for m in _find(nlp, text, "2019-11-01") if text[m.start : m.end] == "Abdul Mahdi"]
    assert [m.code for m in mentions] == ["IRQGOV"]


def test_find_actors_opposition_to_something_is_a_stance_not_a_party(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Spain voiced its opposition to the plan. The Spanish opposition boycotted the vote."
    codes = [m.code for m in _find(nlp, text)]
    assert codes.count("ESPOPP") == 1  # the party that boycotts, not the stance


def test_find_actors_a_suicide_bomber_and_the_uk_foreign_office_are_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A suicide bomber struck a market. The Foreign and Commonwealth Office condemned it."
    codes = {m.code[3:] or m.code for m in _find(nlp, text)}
    assert "UAF" in codes
    assert "GBRGOV" in {m.code for m in _find(nlp, text)}


def test_find_actors_a_capital_arrived_in_is_visited_not_where_it_happened(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Kenyan president arrived in Lusaka on Monday."
    assert _by_text(text, _find(nlp, text))["Lusaka"].code == "ZMBGOV"
    text = "The Kenyan president met the Zambian president in Lusaka on Monday."
    assert "Lusaka" not in _by_text(text, _find(nlp, text))


@pytest.mark.parametrize(
    ("text", "published", "name", "code"),
    [
        # "Labour" is a party of the story's country (Britain's, New Zealand's, Israel's …)
        (
            "Britain's parliament met in London. Labour criticised it.",
            "2019-09-01",
            "Labour",
            "GBRPTY",
        ),
        (
            "New Zealand's parliament met in Wellington. Labour backed it.",
            "2019-09-01",
            "Labour",
            "NZLPTY",
        ),
        ("The Tories criticised the Brexit deal.", "2019-09-01", "Tories", "GBRPTY"),
        # a party before a title: the knowledge base's office for a person it knows, the
        # party's for one it does not ("leader" is no government post there)
        (
            "Labour leader Jeremy Corbyn criticised Johnson.",
            "2019-09-01",
            "Jeremy Corbyn",
            "GBROPP",
        ),
        ("Brexit Party leader Tom Smithers spoke.", "2019-09-01", "Tom Smithers", "GBRPTY"),
        ("Ayatollah Sistani urged calm in Najaf.", "2019-12-01", "Ayatollah Sistani", "IRQREL"),
    ],
)
def test_find_actors_reads_british_parties_and_their_people(  # type: ignore[no-untyped-def]
    nlp, text: str, published: str, name: str, code: str
) -> None:
    assert _by_text(text, _find(nlp, text, published))[name].code == code


def test_find_actors_it_after_a_statement_is_its_author(nlp) -> None:  # type: ignore[no-untyped-def]
    # a statement's words are its author's; a deal or a plan may be what "it" means
    text = "The Cuban foreign ministry issued a statement. It accused Panama of lying."
    assert _by_text(text, _find(nlp, text))["It"].code == "CUBGOV"
    text = "Cuba agreed a draft deal. It offers Panama new routes."
    assert "It" not in _by_text(text, _find(nlp, text))


def test_find_actors_reads_companies_of_state_and_arms_news_not_their_products(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Canada banned Huawei, and Qatar bought jets from Boeing."
    found = _by_text(text, _find(nlp, text))
    assert (found["Huawei"].code, found["Boeing"].code) == ("CHNBUS", "USABUS")
    text = "Iran shot down a Boeing 737 over Tehran."
    assert not any(text[m.start : m.end].startswith("Boeing") for m in _find(nlp, text))


def test_find_actors_reads_us_commands_and_agencies_and_canadian_parties(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "AFRICOM struck a camp in Somalia after NASA and the EPA objected and DoD agreed."
    found = _by_text(text, _find(nlp, text))
    assert [found[k].code for k in ("AFRICOM", "NASA", "EPA", "DoD")] == [
        "USAMIL", "USAGOV", "USAGOV", "USAMIL"
    ]  # fmt: skip
    text = "The NDP and the Bloc Quebecois voted against the budget."
    found = _by_text(text, _find(nlp, text))
    assert (found["NDP"].code, found["Bloc Quebecois"].code) == ("CANPTY", "CANPTY")


def test_find_actors_reads_the_house_after_the_white_house_as_the_chamber(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The White House said it would veto the bill. The House passed it on Friday."
    found = [(text[m.start : m.end], m.code) for m in _find(nlp, text)]
    assert found[0] == ("White House", "USAGOV")
    assert [code for span, code in found if span.endswith("House")] == ["USAGOV", "USALEG"]
    # a body's last word still names it ("the ministry" after "the Foreign Ministry")
    text = "Peru's Foreign Ministry summoned the envoy. The ministry said he had lied."
    assert [m.code for m in _find(nlp, text) if text[m.start : m.end].endswith("ministry")] == [
        "PERGOV"
    ]


@pytest.mark.parametrize(
    ("text", "name", "code", "role"),
    [
        # the title ends before a relative clause on it
        (
            "Jorge Ruiz, a senior Chilean diplomat who handled the file, testified on Tuesday. "
            "Ruiz also accused Bolivia of lying.",
            "Jorge Ruiz",
            "CHLGOV",
            "senior Chilean diplomat",
        ),
        # a name the tagger does not call a person, known by the title in apposition
        (
            "Marta Ruiz, a senior Chilean diplomat, testified on Tuesday. Ruiz accused Bolivia.",
            "Marta Ruiz",
            "CHLGOV",
            "senior Chilean diplomat",
        ),
        # an aide holds a post
        (
            "Chile's government met on Monday. Their stance contrasts with that of Carlos "
            "Mendez, a former Boric aide who was deemed immune. Mendez refused to testify.",
            "Carlos Mendez",
            "CHLELI",
            "former Boric aide",
        ),
        # a title "to" an officeholder is a post of its own, its sector coded with no country
        (
            "Pedro Soto, former chief of staff to national security adviser Ana Vidal, said "
            "Peru lied. Soto also criticized Bolivia.",
            "Pedro Soto",
            "ELI",
            "former chief of staff",
        ),
    ],
)
def test_find_actors_reads_a_person_introduced_by_a_title_after_the_name(  # type: ignore[no-untyped-def]
    nlp, text: str, name: str, code: str, role: str
) -> None:
    found = _by_text(text, _find(nlp, text))
    assert (found[name].code, found[name].role) == (code, role)
    assert found[name.split()[-1]].name == name  # the surname later is the same person


def test_find_actors_does_not_read_an_envoy_to_a_leader_as_the_leader_s_official(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peru's government met. Jorge Ruiz, envoy to President Boluarte, said Peru lied. "
        "Peru's cabinet agreed."
    )
    assert all(m.code != "PERGOV" for m in _find(nlp, text) if m.name == "Jorge Ruiz")
