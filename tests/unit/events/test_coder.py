"""The event coder on sentences we wrote: one test or more per rule."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace
from typing import cast

import pytest

from communique.actors import find_actors
from communique.annotate import annotate_articles
from communique.events._arguments import ActorIndex, prepositional_objects
from communique.events._coding import _kept, code_events
from communique.events._recoding import as_said
from communique.events.coder import PROPOSED, DependencyCoder, Dyad
from communique.events.decider import load_decider
from communique.events.lexicon import load_lexicon
from communique.events.modality import modality_of
from communique.events.ontology import load_ontology
from communique.records import ActorMention, ActorRef, Article, Event, Quote
from communique.textview import TextView

pytestmark = pytest.mark.model


def _code(nlp, text: str, published: str = "2024-06-19") -> tuple[Event, ...]:  # type: ignore[no-untyped-def]
    article = Article(doc_id="t", text=text, published=published)
    (annotation,) = annotate_articles([article], nlp)
    return code_events(article, annotation, find_actors(article, annotation))


def _code_learned(nlp, text: str) -> tuple[Event, ...]:  # type: ignore[no-untyped-def]
    """The events the learned decision keeps (``_code`` is the rules alone)."""
    article = Article(doc_id="t", text=text)
    (annotation,) = annotate_articles([article], nlp)
    return code_events(
        article, annotation, find_actors(article, annotation), decider=load_decider()
    )


def _pairs(events: tuple[Event, ...] | list[Event]) -> set[tuple[str, str | None]]:
    return {(e.source.code, e.target.code if e.target else None) for e in events}


def _proposed(nlp, text: str, lemma: str, published: str = "2023-06-01") -> list[Dyad]:  # type: ignore[no-untyped-def]
    """The candidates the rules propose for the learned decision in the first sentence of
    ``text`` whose trigger has ``lemma``."""
    article = Article(doc_id="t", text=text, published=published)
    (annotation,) = annotate_articles([article], nlp)
    view = TextView(text, annotation)
    actors = ActorIndex(view, find_actors(article, annotation))
    coder = DependencyCoder(view, actors, load_lexicon(), propose=True)
    return [d for d in coder.code_sentence(0) if view.lemma(d.trigger) == lemma]


def _view(nlp, text: str) -> TextView:  # type: ignore[no-untyped-def]
    article = Article(doc_id="t", text=text, published="2023-06-01")
    (annotation,) = annotate_articles([article], nlp)
    return TextView(text, annotation)


def _dyads(events: tuple[Event, ...]) -> set[tuple[str, str | None, str]]:
    return {(e.source.code[:3], e.target.code[:3] if e.target else None, e.type) for e in events}


def test_code_events_subject_verb_object(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Japan sent two destroyers to the Philippines on Monday.")
    assert ("JPN", "PHL") in {(s, t) for s, t, _ in _dyads(events)}


def test_code_events_a_passive_infinitive_acts_on_its_controller(nlp) -> None:  # type: ignore[no-untyped-def]
    # "to be criticised": the subject of "continued" is criticised, by whom "by" names
    events = _code(nlp, "Peru continued to be criticised by Chile over the border.")
    assert ("CHL", "PER") in _pairs(events) and ("PER", "CHL") not in _pairs(events)
    # with no agent nobody is named to act: Peru does not deny itself or anyone access
    assert not _code(nlp, "Peru will continue to be denied access to the Chilean port.")


def test_code_events_members_of_two_parties_with_one_code_are_two_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Republican senators accused Democratic senators of obstruction.")
    assert ("USALEG", "USALEG") in _pairs(events)


def test_code_events_an_event_noun_after_a_preposition_is_its_owners_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The European Union imposed sanctions on Russia in response to its invasion of Georgia."
    pairs = {(s[:3], t[:3] if t else None) for s, t in _pairs(_code(nlp, text))}
    assert ("RUS", "GEO") in pairs and ("IGO", "GEO") not in pairs


def test_code_events_an_event_noun_is_made_by_whom_its_from_phrase_names(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "After an appeal from Peru, Bolivia opened its border."
    dyads = _proposed(nlp, text, "appeal")
    assert [(d.source.code, d.target) for d in dyads] == [("PER", None)]  # not Bolivia's
    text = "There was broad support for Ecuador from its neighbours, including Chile, at the talks."
    assert {(d.source.code, d.target.code if d.target else None)
            for d in _proposed(nlp, text, "support")} == {("CHL", "ECU")}  # fmt: skip
    # a withdrawal from a place leaves it; the place did not withdraw
    text = "Bolivia announced a withdrawal of its troops from Peru."
    assert "PER" not in {d.source.code for d in _proposed(nlp, text, "withdrawal")}


def test_code_events_what_a_verb_of_receiving_gets_is_done_to_its_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Bolivian president drew criticism from Peru."
    dyads = _proposed(nlp, text, "criticism") + _proposed(nlp, text, "draw")
    assert [(d.source.code, d.target.code if d.target else None) for d in dyads] == [
        ("PER", "BOLGOV")
    ]  # not the president's criticism of anyone
    text = "Chile faced sharp criticism from Argentina over the dam."
    pairs = {(d.source.code, d.target.code if d.target else None)
             for d in _proposed(nlp, text, "criticism")}  # fmt: skip
    assert pairs == {("ARG", "CHL")}


def test_code_events_aid_suspended_with_a_country_acts_on_it(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Norway suspended military aid and arms deals with Chile.")
    assert ("NOR", "CHL") in _pairs(events)


def test_code_events_troops_contributed_are_not_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code_learned(nlp, "Peru contributed troops to the peacekeeping mission.")
    assert all(e.target is None or not e.target.code.endswith("MIL") for e in events)


def test_code_events_condolences_for_a_people_act_on_them(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Chile expressed its condolences for the Peruvian people.")
    assert ("CHL", "PERCVL") in _pairs(events)


def test_code_events_clashes_between_named_parties_are_not_the_clause_subjects(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Police in Lagos imposed a curfew after clashes between Hausa and Yoruba gangs."
    assert not any(e.source.code.endswith("COP") and e.cameo.startswith("19") for e in
                   _code(nlp, text))  # fmt: skip


def test_code_events_a_quantity_of_coordinated_groups_names_each(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Police arrested dozens of Kenyan students and Ugandan traders."
    assert {t for _, t in _pairs(_code(nlp, text))} >= {"KENEDU", "UGABUS"}


def test_code_events_talks_left_are_no_meeting_of_their_own(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ("Peru pulled out of the planned summit with Chile.",
                 "Peru withdrew from the talks with Chile."):  # fmt: skip
        events = _code(nlp, text)
        assert [(e.source.code, e.target.code if e.target else None) for e in events] == [
            ("PER", "CHL")
        ], text
        assert not events[0].cameo.startswith("0")


def test_code_events_a_hyphen_joined_pair_names_both_parties(nlp) -> None:  # type: ignore[no-untyped-def]
    # the talks are between both; leaving them acts on the other side, not one's own
    assert ("PER", "BOL") in _pairs(_proposed(nlp, "Peru-Bolivia talks resumed in Lima.", "talk"))
    text = "The Peruvian government threatened to abandon the Chile-Peru summit."
    assert _pairs(_proposed(nlp, text, "abandon")) == {("PERGOV", "CHL")}


def test_code_events_help_with_no_object_helps_whom_its_clause_names(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _pairs(_proposed(nlp, "Norway will help train the Afghan army.", "help")) == {
        ("NOR", "AFGMIL")
    }
    assert _pairs(_proposed(nlp, "Norway helped Kenya rebuild its schools.", "help")) == {
        ("NOR", "KEN")
    }
    assert _pairs(_proposed(nlp, "Norway helped pay for the talks.", "help")) == {("NOR", None)}


def test_code_events_acting_on_what_someone_did_acts_on_the_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Germany cancelled a planned visit by the Turkish president."
    assert _pairs(_proposed(nlp, text, "cancel")) == {("DEU", "TURGOV")}


def test_code_events_telling_the_press_is_no_act_on_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Turkish jets struck Syrian army positions near Idlib, a Syrian military source told SANA."
    )
    events = _code_learned(nlp, text)
    assert events and all(not e.target or not e.target.code.endswith("MED") for e in events)


def test_code_events_a_title_the_parser_made_the_head_names_its_holder(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser makes "Minister" the object and hangs the name under "of"
    text = "After Pompeo met Japanese Minister of Foreign Affairs Taro Kono, he flew to Seoul."
    assert _pairs(_proposed(nlp, text, "meet", "2018-06-14")) == {("USAGOV", "JPNGOV")}


def test_code_events_a_name_hung_inside_the_second_object_is_the_first(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser reads "[Trump a smart and honest man]" as one object with the name inside it
    text = "Erdogan called Trump a smart and honest man."
    assert _pairs(_proposed(nlp, text, "call", "2019-06-14")) == {("TURGOV", "USAGOV")}


def test_code_events_what_an_act_is_called_as_is_no_act_of_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The leaders of Spain and Italy condemned the bombing in Ankara as an assault on Turkey."
    assert _pairs(_proposed(nlp, text, "assault")) == set()


def test_code_events_a_persons_or_states_allies_are_others(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Biden allies" are not Biden; NATO's allies are its members
    text = "Several Biden allies urged the Chilean president to resign."
    assert not _proposed(nlp, text, "urge")
    text = "The Bolivian president told NATO allies to pay more."
    assert ("BOLGOV", "IGOWSTNAT") in _pairs(_proposed(nlp, text, "tell"))


def test_code_events_partnerships_with_several_are_each_with_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile sought to forge new defense partnerships with Peru and Bolivia."
    pairs = _pairs(_proposed(nlp, text, "partnership"))
    assert pairs == {("CHL", "PER"), ("CHL", "BOL")}


def test_code_events_a_party_hung_on_the_topic_is_the_verbs(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "with the Peruvian delegation" on "trade", not on "talked"
    text = "The Chilean president talked about trade with the Peruvian delegation."
    assert ("CHLGOV", "PERGOV") in _pairs(_proposed(nlp, text, "talk"))


def test_code_events_a_warning_about_what_an_actor_owns_is_aimed_at_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Chilean president warned that Lima's border policy would fail."
    assert ("CHLGOV", "PERGOV") in _pairs(_proposed(nlp, text, "warn"))


@pytest.mark.parametrize(
    "text",
    [
        # the parser hangs Moon's name inside Putin's phrase, and the "and" with it
        "South Korean President Moon Jae-in and Russian leader Vladimir Putin held talks "
        "in Moscow.",
        # the parser gives "held" two subjects, the "and" on the first
        "South Korean President Moon Jae-in and Chinese Premier Li Keqiang held talks in Beijing.",
    ],
)
def test_code_events_subjects_joined_by_and_in_a_misparse_are_both(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(_proposed(nlp, text, "talk", "2019-04-27"))
    assert len(pairs) == 1 and next(iter(pairs))[0] == "KORGOV" and None not in next(iter(pairs))


def test_code_events_an_invitation_is_to_whom_it_invites_not_where(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Peru invited the Chilean president to Lima for talks."
    assert _pairs(_proposed(nlp, text, "invite")) == {("PER", "CHLGOV")}


def test_code_events_two_who_disagree_disagree_with_each_other(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Bolivia and Paraguay disagreed over the river treaty.")
    assert {(e.source.code, e.target.code if e.target else None) for e in events} == {
        ("BOL", "PRY")
    }


def test_code_events_a_meal_hosted_for_guests_hosts_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Chilean president hosted a dinner for the Peruvian delegation."
    assert _pairs(_proposed(nlp, text, "host")) == {("CHLGOV", "PERGOV")}


def test_code_events_a_claim_about_an_actor_acts_on_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # the rules propose it; whether it is an event is the learned decision's call
    text = "Chile's foreign minister said Peru was spreading lies about the border."
    assert ("CHLGOV", "PER") in _dyad_codes(_proposed(nlp, text, "say"))


def test_code_events_a_claim_about_ones_own_country_acts_on_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code_learned(nlp, "Chile's foreign minister said Chile would defend its border.")
    assert all(e.target is None or e.target.code != "CHL" for e in events)


def test_proposals_whom_a_verb_holds_responsible_is_its_target(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Chile holds Peru responsible for the collapse of the talks.",
        "Chile considers Peru accountable for the blockade.",
    ):
        dyads = _proposed(nlp, text, "hold" if "holds" in text else "consider")
        assert {(d.source.code, d.target.code if d.target else None) for d in dyads} == {
            ("CHL", "PER")
        }, text


def test_code_events_who_is_to_blame_blames_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code_learned(nlp, "Chile's foreign minister said Peru is to blame for the blockade.")
    assert not any(e.source.code.startswith("PER") for e in events)


def test_proposals_an_act_someone_is_judged_for_is_theirs(nlp) -> None:  # type: ignore[no-untyped-def]
    for text, lemma in (
        ("Chile blamed Peru for the bombing of Bolivian villages.", "bombing"),
        ("Chile punished Peru for its blockade of Bolivia.", "blockade"),
    ):
        dyads = _proposed(nlp, text, lemma)
        assert {d.source.code for d in dyads} == {"PER"}, text
    dyads = _proposed(nlp, "Chile warned Peru of retaliation against Bolivia.", "retaliation")
    assert "PER" not in {d.source.code for d in dyads}  # a warning is the warner's


def test_proposals_a_state_named_after_nation_of_is_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    dyads = _proposed(nlp, "Chile is sending troops to the Andean nation of Peru.", "send")
    assert ("CHL", "PER") in {(d.source.code, d.target.code if d.target else None) for d in dyads}


def test_proposals_a_thing_of_the_subject_s_own_names_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chilean President Gabriel Boric thanked Peru for his warm welcome."
    dyads = _proposed(nlp, text, "thank")
    assert {(d.source.code, d.target.code if d.target else None) for d in dyads} == {
        ("CHLGOV", "PER")
    }


def test_code_events_adding_condolences_is_the_condolences(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile added its condolences to Peru after the floods."
    events = _code_learned(nlp, text)
    assert [(e.cameo, text[e.trigger[0] : e.trigger[1]]) for e in events] == [
        ("018", "condolences")
    ]


def test_code_events_a_person_s_clash_is_a_dispute_and_troops_fight(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Gabriel Boric clashed with the army chief, General Pedro Ruiz."
    (dispute,) = _code_learned(nlp, text)
    assert dispute.cameo[:2] == "11"  # disapproval (110 or 111, the model's leaf), no fight
    (fight,) = _code_learned(nlp, "Chilean troops clashed with Peruvian soldiers on the border.")
    assert fight.cameo.startswith("19")


def test_code_events_conditions_met_are_no_meeting(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code_learned(nlp, "Chile said Peru had met the conditions for the talks.")
    assert not any(e.source.code == "PER" and e.cameo.startswith(("03", "04")) for e in events)


def test_code_events_passive_gives_one_event_per_agent(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "The Venezuelan government is supported by Cuba, Nicaragua and Bolivia.")
    pairs = {(s, t) for s, t, _ in _dyads(events)}
    assert {("CUB", "VEN"), ("NIC", "VEN"), ("BOL", "VEN")} <= pairs
    assert all(e.type == events[0].type for e in events)


def test_code_events_receiving_inverts_direction(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Belarus received Russian tanks and artillery last month.")
    (event,) = [e for e in events if e.target is not None]
    assert (event.source.code[:3], event.target.code[:3]) == ("RUS", "BLR")
    assert event.type == "AID"


def test_code_events_receiving_from_names_the_giver(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Armenia received military aid from France and India.")
    assert {("FRA", "ARM"), ("IND", "ARM")} <= {(s, t) for s, t, _ in _dyads(events)}


def test_code_events_coordinated_subjects_expand(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Poland and Lithuania condemned Belarus for the border incident.")
    assert {("POL", "BLR"), ("LTU", "BLR")} <= {(s, t) for s, t, _ in _dyads(events)}
    assert {e.type for e in events} == {"ACCUSE"}


def test_code_events_nominal_with_possessive_and_preposition(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Erdogan's visit to Hungary drew protests from rights groups.")
    visit = [e for e in events if e.type == "CONSULT"]
    assert visit and (visit[0].source.code, visit[0].target.code[:3]) == ("TURGOV", "HUN")


def test_code_events_noun_takes_the_subject_of_its_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Egypt held talks with Qatar on the hostage deal.")
    assert ("EGY", "QAT", "CONSULT") in _dyads(events)


def test_code_events_symmetric_compound_subject_pairs_members(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Vietnam and Cambodia have expanded their border cooperation.")
    pairs = {frozenset((s, t)) for s, t, _ in _dyads(events)}
    assert frozenset(("VNM", "KHM")) in pairs


def test_code_events_relative_clause_takes_the_modified_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Officials discussed the aid that Germany will provide to Moldova.")
    aid = [e for e in events if e.cameo.startswith("033")]  # aid still to come: intent (CAMEO)
    assert aid and (aid[0].source.code[:3], aid[0].target.code[:3]) == ("DEU", "MDA")
    assert aid[0].modality == "intended"


def test_code_events_modality_possible(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Canada may impose sanctions on Iran next week.")
    assert {e.modality for e in events if e.target} == {"possible"}


def test_code_events_modality_negated(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Brazil did not send troops to Haiti.")
    assert events and {e.modality for e in events} == {"negated"}
    # "no" on the plan or on the event itself
    events = _code(nlp, "Brazil has no plans to meet Haiti's president.")
    assert events and {e.modality for e in events} == {"negated"}
    events = _code(nlp, "Brazil said there is no doubt that Haiti attacked the embassy.")
    assert events and "negated" not in {e.modality for e in events}


def test_code_events_modality_intended_by_a_governing_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Greece pledged to deliver fighter jets to Ukraine.")
    assert events and {e.modality for e in events} == {"intended"}


def test_code_events_modality_intended_by_a_time_to_come(nlp) -> None:  # type: ignore[no-untyped-def]
    planned = _code(nlp, "The Chilean president is to meet the Peruvian president in Lima.")
    assert planned and {e.modality for e in planned} == {"intended"}
    trip = _code(nlp, "The Finnish president announced a visit to Estonia next week.")
    assert trip and {e.modality for e in trip if e.target} == {"intended"}
    done = _code(nlp, "The Finnish president visited Estonia last week.")
    assert done and {e.modality for e in done} == {"asserted"}


def test_code_events_modality_intended_when_arranged(nlp) -> None:  # type: ignore[no-untyped-def]
    # the first word of the text is the controller too (token 0 is a subject like any other)
    for text in ("Bolivia and Paraguay are set to sign a border treaty on Friday.",
                 "Bolivia and Paraguay are slated to hold talks.",
                 "The Bolivian president is due to visit Paraguay."):  # fmt: skip
        events = _code(nlp, text)
        assert {(e.source.code[:3], e.target.code[:3] if e.target else None) for e in events} == {
            ("BOL", "PRY")
        }, text
        assert {e.modality for e in events} == {"intended"}, text
    done = _code(nlp, "Bolivia set fire to the border post of Paraguay.")
    assert "intended" not in {e.modality for e in done}


def test_code_events_modality_of_likelihood_hopes_open_and_unfinished_acts(nlp) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "The Chilean president is likely to sanction Peru.": "possible",
        "Chile is unlikely to meet Peruvian officials this year.": "possible",
        "Chile hopes to sign a trade deal with Peru.": "intended",  # "hopes" read as "hop"
        "Chile has yet to recognize the new government in Peru.": "negated",
        "Chile is poised to sign a trade deal with Peru.": "intended",
        "Chile is about to sign a trade deal with Peru.": "intended",
        "Chile sent no troops to Peru.": "negated",
        "Chile delivered no aid to Peru.": "negated",
        "Chile debated whether to launch a strike on Peru.": "possible",
    }
    _assert_modalities(nlp, cases)
    # an event ahead of which something is done is still to come
    events = _code(
        nlp, "The Chilean president flew to Lima ahead of his meeting with Peru's president."
    )
    meeting = [e for e in events if e.trigger and e.trigger[0] > 40]
    assert meeting and {e.modality for e in meeting} == {"intended"}
    # the act a verb rules out, as the learned decision codes it: not to be done, or left open
    ruled = {
        "Chile has not ruled out military action against Peru.": "possible",
        "Chile ruled out military action against Peru.": "negated",
    }
    for text, modality in ruled.items():
        events = [e for e in _code_learned(nlp, text) if e.cameo[:2] != "12"]
        assert {e.modality for e in events} <= {modality}, text


def test_code_events_an_intent_made_known_is_intended(nlp) -> None:  # type: ignore[no-untyped-def]
    # also a promise of restraint: the promise was made
    for text in ("Peru expressed a willingness to meet Chilean officials.",
                 "Bolivia promised not to invade Chile."):  # fmt: skip
        intents = [e for e in _code_learned(nlp, text) if e.cameo.startswith("03")]
        assert intents and {e.modality for e in intents} == {"intended"}, text


def test_code_events_not_answering_a_request_for_comment_is_declining_it(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code_learned(
        nlp, "The Chilean embassy did not immediately respond to a request for comment."
    )
    assert {(e.cameo, e.modality) for e in events} == {("011", "asserted")}


def test_code_events_modality_conditional(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Chile will expel the ambassador of Peru if the talks fail.")
    assert events and {e.modality for e in events} == {"conditional"}


def test_code_events_modality_of_an_event_noun_from_its_occurrence_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "If the summit between Chile and Peru happens, it will be the first.": "conditional",
        "The meeting between the Chilean and Peruvian presidents did not take place.": "negated",
        "Talks between Serbia and Kosovo resume next week.": "intended",
        "Talks between Serbia and Kosovo resumed last week.": "asserted",
    }
    _assert_modalities(nlp, cases)


def _assert_modalities(nlp, cases: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Each text's targeted events, by the rules alone, all have the modality given."""
    for text, modality in cases.items():
        events = [e for e in _code(nlp, text) if e.target is not None]
        assert events and {e.modality for e in events} == {modality}, text


def _assert_trigger_modalities(nlp, cases: dict[tuple[str, str], str]) -> None:  # type: ignore[no-untyped-def]
    """The modality the rules read for each text's trigger word (its first occurrence)."""
    for (text, word), modality in cases.items():
        view = _view(nlp, text)
        assert modality_of(view, view.words.index(word)) == modality, text


def test_code_events_modality_denial_negates(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Rwanda denied supplying weapons to rebels in Congo.")
    assert all(e.modality == "negated" for e in events)


def test_code_events_a_negated_act_coded_as_a_refusal_is_an_asserted_refusal(nlp) -> None:  # type: ignore[no-untyped-def]
    ontology = load_ontology()
    # the model codes "will not negotiate" as the refusal (125): the refusal was made
    for text, lemma in (("Chile will not negotiate with Bolivia.", "negotiate"),
                        ("Chile refused to meet the Bolivian president.", "meet")):  # fmt: skip
        (dyad,) = _proposed(nlp, text, lemma)[:1]
        refusal = dataclasses.replace(dyad, entry=dataclasses.replace(dyad.entry, cameo="125"))
        view = _view(nlp, text)
        assert as_said(view, ontology, refusal, future=False)[1] == "asserted", text
    # a refusal word negated is a refusal not made
    text = "Chile did not reject the Bolivian offer."
    (dyad,) = _proposed(nlp, text, "reject")[:1]
    assert dyad.entry.cameo[:2] == "12"
    assert as_said(_view(nlp, text), ontology, dyad, future=False)[1] == "negated"


def test_code_events_attribution_from_a_reporting_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Estonian Prime Minister Kristen Michal said that Russia attacked Georgia."
    events = [e for e in _code(nlp, text) if e.target is not None]
    assert events and events[0].attributed_to is not None
    assert events[0].attributed_to.code == "ESTGOV"
    assert (events[0].source.code[:3], events[0].target.code[:3]) == ("RUS", "GEO")


def test_code_events_a_named_speaker_claims_before_unnamed_officials(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Peruvian officials and the Peruvian army said rebels attacked a Chilean convoy."
    events = [e for e in _code(nlp, text) if e.target is not None]
    assert events and {e.attributed_to.code for e in events if e.attributed_to} == {"PERMIL"}


def test_code_events_attribution_according_to(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "According to Ukraine, Russia shelled Ukrainian positions on Sunday.")
    assert any(e.attributed_to is not None and e.attributed_to.code == "UKR" for e in events)


def test_code_events_a_news_agency_reporting_is_the_claimer_not_in_a_credit(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Chilean jets struck Peruvian army posts, Reuters reported.")
    assert {e.attributed_to.code for e in events if e.attributed_to} == {"GBRMED"}
    # the credit of a dateline that opens the body after the title is nobody
    text = "Chile strikes Peru\n\nLIMA, Peru (Reuters) - Gunmen stormed a hotel in Lima."
    events = _code(nlp, text)
    assert events and not any(e.source.code.startswith("GBR") for e in events)


def test_code_events_date_from_the_text(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Israel struck targets in Lebanon on Tuesday.", published="2024-06-20")
    assert events and events[0].date == "2024-06-18"


def test_code_events_date_defaults_to_the_article(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Israel struck targets in Lebanon.", published="2024-06-20")
    assert events and events[0].date == "2024-06-20"


def test_code_events_historical_events_are_left_out(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "North Korea invaded South Korea in 1950.", published="2024-06-20")
    assert events == ()


def test_code_events_carry_ontology_and_evidence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russia attacked Georgia."
    (event,) = _code(nlp, text)
    assert event.evidence == text
    assert event.quad_class == 4 and event.goldstein < 0
    assert 0 < event.confidence <= 1


def test_code_events_attribution_to_the_author_of_a_report(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Government troops shelled the village, according to a report by the United Nations."
    events = _code(nlp, text)
    assert events and {e.attributed_to.code for e in events if e.attributed_to} == {"IGOUNO"}


def test_code_events_attribution_to_who_finds_or_believes_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A report by United Nations experts finds that Chile supplied rifles to Peruvian rebels."
    events = [e for e in _code(nlp, text) if e.target is not None]
    assert events and {e.attributed_to.code for e in events if e.attributed_to} == {"IGOUNO"}
    text = "Chilean officials believe that Bolivia shelled a Peruvian border post."
    events = [e for e in _code(nlp, text) if e.target is not None]
    assert events and {e.attributed_to.code for e in events if e.attributed_to} == {"CHLGOV"}
    # "show" with no clause of its own is no claim
    text = "Peruvian soldiers showed restraint after Bolivian troops seized a Peruvian border post."
    seized = [e for e in _code(nlp, text) if e.source.code[:3] == "BOL"]
    assert seized and all(e.attributed_to is None for e in seized)


def test_code_events_attribution_through_a_speech_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Estonian Prime Minister Kristen Michal drew attention to the weapons that Belarus "
        "receives from Iran."
    )
    events = [e for e in _code(nlp, text) if e.target is not None]
    assert events and {e.attributed_to.code for e in events if e.attributed_to} == {"ESTGOV"}


def test_code_events_the_leaders_of_several_countries_act_each(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "The leaders of Chile, Peru and Bolivia urged Brazil to reopen the border.")
    assert {e.source.code for e in events} == {"CHLGOV", "PERGOV", "BOLGOV"}
    assert {e.target.code for e in events if e.target} == {"BRA"}


def test_code_events_countries_listed_after_including_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Several countries, including Chile and Peru, expressed support for Bolivia."
    assert _pairs(_code(nlp, text)) == {
        ("CHL", "BOL"),
        ("PER", "BOL"),
    }


def test_code_events_the_leaders_of_an_organisation_are_the_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "NATO leaders warned Russia against any attack.")
    assert events and events[0].source.code == "IGOWSTNAT"


def test_code_events_a_pact_signed_by_several_pairs_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The treaty was signed on Tuesday by officials from Chile, Peru and Bolivia."
    pairs = {frozenset((e.source.code, e.target.code)) for e in _code(nlp, text) if e.target}
    assert pairs == {
        frozenset(p) for p in (("CHLGOV", "PERGOV"), ("CHLGOV", "BOLGOV"), ("PERGOV", "BOLGOV"))
    }


def test_code_events_an_aid_still_to_come_is_the_intent_to_give_it(nlp) -> None:  # type: ignore[no-untyped-def]
    (event,) = _code(nlp, "Chile is willing to provide economic aid to Peru.")
    assert (event.source.code, event.target.code if event.target else None) == ("CHL", "PER")
    assert event.modality == "intended"
    assert event.cameo.startswith("033") and event.quad_class == 1


def test_code_events_a_coercive_act_still_to_come_is_the_threat_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    (event,) = _code(nlp, "Greece plans to impose sanctions on Turkey.")
    assert (event.source.code, event.target.code if event.target else None) == ("GRC", "TUR")
    assert (event.cameo, event.modality) == ("1312", "asserted")  # the threat was made
    (done,) = _code(nlp, "Greece imposed sanctions on Turkey on Monday.")
    assert done.cameo.startswith("16") and done.modality == "asserted"


def test_code_events_a_coercive_act_another_party_foretells_is_the_act_intended(nlp) -> None:  # type: ignore[no-untyped-def]
    # another country's claim that Bolivia will attack is a forecast, not Bolivia's threat
    (told,) = _code(nlp, "Bolivia will attack Chilean bases in Peru, the Peruvian army said.")
    assert (told.source.code[:3], told.cameo[:2], told.modality) == ("BOL", "19", "intended")
    assert told.attributed_to is not None and told.attributed_to.code.startswith("PER")
    # its own side announcing it is the threat, made
    (own,) = _code(nlp, "Bolivia will attack Chilean bases in Peru, the Bolivian army said.")
    assert (own.cameo[:2], own.modality) == ("13", "asserted")
    # a withdrawal a lawmaker tells of is the act intended, not the troops' intent to do it
    (withdrawal,) = _code(
        nlp, "A Chilean senator said some Chilean troops would soon be withdrawn from Bolivia."
    )
    assert (withdrawal.cameo[:2], withdrawal.modality) == ("08", "intended")


def test_code_events_modality_of_talks_a_trip_is_for(nlp) -> None:  # type: ignore[no-untyped-def]
    def talks(text: str) -> set[str]:
        return {
            e.modality for e in _code(nlp, text) if "talks" in text[e.trigger[0] : e.trigger[1]]
        }  # type: ignore[index]

    assert talks("The Chilean foreign minister will travel to Lima for talks with Peru.") == {
        "intended"
    }
    assert talks("The Chilean foreign minister travelled to Lima for talks with Peru.") == {
        "asserted"
    }
    # a cause after "for" happened: only going is done for something
    events = _code(nlp, "Chile will sanction Peru for its invasion of Bolivia.")
    assert {e.modality for e in events if e.cameo[:2] in {"18", "19"}} == {"asserted"}


def test_code_events_aid_given_keeps_its_code(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Chile provided economic aid to Peru on Monday.")
    assert events and events[0].cameo.startswith("07") and events[0].modality == "asserted"


def test_code_events_an_obligation_laid_on_another_is_a_demand(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Chile said on Monday that Peru must reopen the border.")
    assert [(e.source.code, e.cameo[:2], e.target.code if e.target else None) for e in events] == [
        ("CHL", "10", "PER")
    ]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # what must stop or be avoided is about the actors it names
        ("Chile says military intervention in Peru must be avoided.", "PER"),
        ("Chile's president said the repression of Bolivian miners must end.", "BOLLAB"),
        ("The OAS reaffirmed that Peru must hold the vote on time.", "PER"),
    ],
)
def test_code_events_an_obligation_about_an_actor_is_a_demand(  # type: ignore[no-untyped-def]
    nlp, text: str, target: str
) -> None:
    events = _code(nlp, text)
    assert [(e.cameo[:2], e.target.code if e.target else None) for e in events] == [("10", target)]


@pytest.mark.parametrize(
    "text",
    [
        "Chile mocked Peru's new border plan.",
        "Chile lashed out at Peru over the border plan.",
        "Chile scoffed at Peru's claims over the border.",
        "Chile reprimanded Peru over the border plan.",
    ],
)
def test_code_events_ridicule_is_criticism(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [
        (e.source.code, e.cameo, e.target.code if e.target else None) for e in _code(nlp, text)
    ] == [("CHL", "111", "PER")]


def test_code_events_actors_in_apposition_are_each_a_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Chile condemned its two neighbours, Peru and Bolivia, for the blockade.")
    assert _pairs(events) == {("CHL", "PER"), ("CHL", "BOL")}


def test_code_events_an_obligation_on_oneself_is_no_demand(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Chile said on Monday that Chile must do more.")
    assert not [e for e in events if e.cameo.startswith("10")]


def test_code_events_a_title_the_parser_splits_off_still_names_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chilean Prime Minister Rosa Aldana-Vidal meanwhile rejected the EU proposal."
    events = _code(nlp, text)
    assert [(e.source.code[:3], e.target.code if e.target else None) for e in events] == [
        ("CHL", "IGOEUREEC")
    ]


def test_code_events_the_object_of_urge_is_who_is_to_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile and Peru, which host the talks, urged both sides to agree to a truce."
    pairs = _pairs(_code(nlp, text))
    assert ("CHL", "PER") not in pairs and ("PER", "CHL") not in pairs


def _code_with_places(nlp, text: str) -> tuple[Event, ...]:  # type: ignore[no-untyped-def]
    article = Article(doc_id="t", text=text, published="2024-06-19")
    (annotation,) = annotate_articles([article], nlp)
    towns = {"Crimea": ("UKR", "UKR"), "Darfur": ("SDN", "SDN"), "Kandahar": ("AFG", "AFG")}
    return code_events(article, annotation, find_actors(article, annotation, places=towns.get))


def test_code_events_forces_moved_act_on_the_place_not_on_their_own_army(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code_with_places(nlp, "Russia massed its forces in Crimea.")
    assert _pairs(events) == {("RUS", "UKR")}


def test_code_events_an_act_on_its_own_ground_is_one_sided(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code_with_places(nlp, "Sudan deployed troops to Darfur.")
    assert [(e.source.code, e.target) for e in events] == [("SDN", None)]


def test_code_events_acting_on_what_an_actor_holds_acts_on_the_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Israeli tanks shelled positions of the Syrian army on Monday.")
    assert ("ISR", "SYR", "ASSAULT") in _dyads(events)


def test_code_events_a_report_that_reveals_claims_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "A U.S. Senate investigation revealed that Russia had attacked Georgia.")
    assert [(e.source.code, e.attributed_to.code if e.attributed_to else None) for e in events] == [
        ("RUS", "USA")
    ]


def test_code_events_a_source_reporting_itself_is_claimed_by_who_reports_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "North Korea said it would attack the United States, according to Yonhap."
    events = _code(nlp, text)
    assert {e.attributed_to.code for e in events if e.attributed_to} == {"KORMED"}


def test_code_events_a_date_after_the_article_is_still_to_come(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Trump and Kim prepared for the June 12 summit in Singapore."
    events = _code(nlp, text, published="2018-06-01")
    assert events and {(e.modality, e.date) for e in events} == {("intended", "2018-06-12")}


def test_code_events_a_list_after_including_further_on_names_the_countries(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Other countries condemned Israel after the raid, including Turkey, Iran and Qatar."
    sources = {e.source.code for e in _code(nlp, text) if e.target is not None}
    assert sources == {"TUR", "IRN", "QAT"}


def test_code_events_forces_moved_in_the_passive_act_on_the_place(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Some German troops were withdrawn from Iraq on Monday.")
    assert _pairs(events) == {("DEUMIL", "IRQ")}


def test_code_events_a_threatened_attack_is_an_asserted_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Russia warned that it would strike Ukrainian ports.")
    assert [
        (e.source.code, e.cameo, e.target.code if e.target else None, e.modality) for e in events
    ] == [("RUS", "1384", "UKR", "asserted")]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Ecuador threatened to sever diplomatic ties with Colombia.", "1313"),
        ("Norway threatened to cut off aid to Tanzania.", "1311"),
        ("The European Union threatened to impose sanctions on Belarus.", "1312"),
    ],
)
def test_code_events_a_threatened_act_gives_the_threat_its_leaf_once(
    nlp, text: str, cameo: str
) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, text)
    assert [(e.cameo, e.target is not None, e.modality) for e in events] == [
        (cameo, True, "asserted")
    ]  # one threat, on the act: no second, untargeted one on "threatened"


def _no_children(token: int) -> tuple[int, ...]:
    return ()


def _dyad(
    source: str, target: str | None, decided: float | None, trigger: int = 0, cameo: str = ""
) -> Dyad:
    def mention(code: str) -> ActorMention:
        return ActorMention("t", code, 10, 11, code, code)  # away from the triggers at 0 and 1

    entry = dataclasses.replace(PROPOSED, cameo=cameo)
    return Dyad(
        trigger, entry, mention(source), mention(target) if target else None, False, decided
    )


def test_kept_a_one_sided_event_stays_only_when_surer_than_every_targeted_one() -> None:
    tokens = [SimpleNamespace(start=0, dep="ROOT", head=0)]  # the trigger
    view = cast(TextView, SimpleNamespace(text=" " * 20, tokens=tokens, children=_no_children))
    weak = [_dyad("LKA", None, 0.6), _dyad("LKA", "GOV", 0.2)]
    assert [d.target is None for d in _kept(view, iter(weak))] == [True, False]
    strong = [_dyad("LKA", None, 0.3), _dyad("LKA", "GOV", 0.5)]
    assert [d.target is None for d in _kept(view, iter(strong))] == [False]
    rules = [_dyad("LKA", None, None), _dyad("LKA", "IRN", None)]  # the rules alone: targeted
    assert [d.target is None for d in _kept(view, iter(rules))] == [False]


def test_kept_drops_the_announcing_verb_of_a_threat_or_intent_coded_on_the_act() -> None:
    def view_of(lemmas: list[str]) -> TextView:  # the act (token 1) is the xcomp of token 0
        tokens = [
            SimpleNamespace(start=0, dep="ROOT", head=0),
            SimpleNamespace(start=5, dep="xcomp", head=0),
        ]
        return cast(
            TextView,
            SimpleNamespace(
                text=" " * 20, tokens=tokens, lemma=lemmas.__getitem__, children=_no_children
            ),
        )

    # "threatened [to sever ties with X]": the severing, decided 161, becomes the threat 1313
    threat = [_dyad("ECU", None, 0.9, 0, "130"), _dyad("ECU", "COL", 0.6, 1, "161")]
    assert [d.trigger for d in _kept(view_of(["threaten", "sever"]), iter(threat))] == [1]
    # "pledged [to send aid to X]": the intent is coded on the sending
    intent = [_dyad("ECU", None, 0.9, 0, "030"), _dyad("ECU", "COL", 0.6, 1, "033")]
    assert [d.trigger for d in _kept(view_of(["pledge", "send"]), iter(intent))] == [1]
    # "refused [to meet X]": the refusal is its own event
    refusal = [_dyad("ECU", None, 0.9, 0, "125"), _dyad("ECU", "COL", 0.6, 1, "040")]
    assert [d.trigger for d in _kept(view_of(["refuse", "meet"]), iter(refusal))] == [0, 1]


def test_kept_an_act_on_oneself_is_no_dyad() -> None:
    # "pardoning himself": whoever the pronoun was read as, the act is on its own doer
    text = "pardoning himself"
    view = cast(
        TextView,
        SimpleNamespace(
            text=text, tokens=[SimpleNamespace(start=0, dep="ROOT", head=0)], children=_no_children
        ),
    )
    himself = Dyad(0, PROPOSED, ActorMention("t", "USAGOV", 10, 11, "x", "x"), None, False, 0.5)
    himself = dataclasses.replace(himself, target=ActorMention("t", "USAELI", 10, 17, "y", "y"))
    assert list(_kept(view, iter([himself]))) == []
    other = dataclasses.replace(himself, target=ActorMention("t", "USAELI", 0, 9, "y", "y"))
    assert list(_kept(view, iter([other]))) == [other]


def test_code_events_an_acronym_parsed_as_an_adverb_is_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    # the small parser tags "USAID" at the start of a sentence as an adverb
    events = _code(nlp, "USAID sent food to Malawi.")
    assert ("USA", "MWI", "AID") in _dyads(events)


def test_code_events_opposing_talks_or_mediation_rejects_them(nlp) -> None:  # type: ignore[no-untyped-def]
    stative = _code(nlp, "Armenia is opposed to Russian mediation.")
    assert ("ARM", "RUS", "126") in {(s, t, e.cameo) for e in stative for s, t, _ in _dyads((e,))}
    active = _code(nlp, "The Malian junta opposed talks with the Tuareg rebels.")
    assert "125" in {e.cameo for e in active}


def test_code_events_an_act_being_weighed_is_a_policy_considered(nlp) -> None:  # type: ignore[no-untyped-def]
    weighed = _code(nlp, "Norway is considering sending aid to Haiti after the storm.")
    assert [
        (e.source.code, e.target.code if e.target else None, e.cameo, e.modality) for e in weighed
    ] == [
        ("NOR", "HTI", "014", "asserted")
    ]  # CAMEO's "consider policy option", not an intent to send
    sent = _code(nlp, "Norway sent aid to Haiti after the storm.")
    assert [e.cameo[:2] for e in sent] == ["07"]


def test_code_events_an_act_asked_for_is_no_event_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Germany urged Russia to withdraw its troops from Ukraine.")
    assert [(e.source.code, e.target.code if e.target else None, e.cameo) for e in events] == [
        ("DEU", "RUS", "0256")
    ]  # the withdrawal has not happened: the appeal's leaf names it
    obliged = _code(nlp, "Ghana should expel the Togolese ambassador and recall its envoy.")
    assert obliged == ()  # what someone should do has not happened
    called = _code(nlp, "Uganda rejected calls to free the Kenyan activists.")
    assert "0841" not in {e.cameo for e in called}  # the release was asked for, not made


def test_code_events_a_name_parsed_as_an_object_predicate_is_the_object(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Macron called Putin on Friday to discuss the war.")
    assert ("FRA", "RUS", "CONSULT") in _dyads(events)


def test_code_events_the_owner_of_a_decision_does_what_it_decides(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Critics attacked Britain's decision to impose sanctions on Belarus.")
    assert ("GBR", "BLR", "COERCE") in _dyads(events)


def test_code_events_a_refusal_negates_what_is_refused(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "China's refusal to condemn Russia angered its partners.")
    assert [(e.source.code, e.target.code if e.target else None, e.modality) for e in events][
        :1
    ] == [("CHN", "RUS", "negated")]


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang pulled out of planned talks with Seoul on Monday.",
        "North Korea threatened to back away from the summit with South Korea.",
    ],
)
def test_code_events_acting_on_talks_acts_on_their_other_party(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in _code(nlp, text) if e.target is not None]
    assert events and {e.target.code[:3] for e in events if e.target} == {"KOR"}


def test_code_events_force_on_a_building_in_a_town_acts_on_the_town(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code_with_places(nlp, "Gunmen stormed a hotel in Kandahar on Saturday.")
    assert _pairs(events) == {("UAF", "AFG")}


def test_code_events_a_measure_lifted_in_the_passive_is_its_owner_s_act(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "UN sanctions against Iran were lifted in January.")
    assert _pairs(events) == {("IGOUNO", "IRN")}


def test_code_events_a_refusal_held_until_a_condition_is_an_ultimatum(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(
        nlp, "Ghana will not lift the ban on Togolese imports until Togo pays its debts."
    )
    assert events and {(e.cameo, e.modality) for e in events if e.source.code == "GHA"} == {
        ("139", "asserted")
    }


def test_code_events_seeking_or_begging_appeals_to_whom_it_asks(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Sri Lanka sought emergency help from India. Chad begged France for time.")
    assert {(e.source.code, e.target.code if e.target else None, e.cameo) for e in events} == {
        ("LKA", "IND", "023"),
        ("TCD", "FRA", "020"),
    }


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("A Serb policeman was murdered in an attack on a patrol by Kosovo Albanians.", "SRBCOP"),
        ("Two Afghan soldiers were killed in a Taliban attack.", "AFGMIL"),
    ],
)
def test_code_events_a_victim_of_an_attack_is_its_agents_target(
    nlp, text: str, target: str
) -> None:  # type: ignore[no-untyped-def]
    assert target in {victim for _, victim in _pairs(_code(nlp, text))}


def test_code_events_renewed_talks_are_the_talks(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Israel and Lebanon renewed negotiations on Monday.")
    assert {e.type for e in events} == {"CONSULT"}
    assert {frozenset((e.source.code, e.target.code if e.target else "")) for e in events} == {
        frozenset(("ISR", "LBN"))
    }


def test_code_events_announcing_that_another_must_act_demands_it(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Chad announced that Sudan must withdraw its troops from the border.")
    assert ("TCD", "SDN", "10") in {
        (e.source.code, e.target.code if e.target else None, e.cameo[:2]) for e in events
    }


def test_code_events_a_participle_with_its_own_object_acts_for_its_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Turkish troops carrying out raids in Syria killed five Kurdish fighters on Monday."
    assert "TURMIL" in {e.source.code for e in _code(nlp, text)}


def test_code_events_a_name_parsed_as_a_compound_of_its_verb_still_claims(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Pompeo details how China sought help from Russia.", "2019-06-01")
    assert [(e.source.code, e.attributed_to.code if e.attributed_to else None) for e in events] == [
        ("CHN", "USAGOV")
    ]


def test_code_events_an_event_noun_reaches_its_target_through_its_of_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Greece announced a suspension of ferry links with Albania.")
    assert ("GRC", "ALB") in _pairs(events)


def test_code_events_condemning_the_attack_acts_on_who_carried_it_out(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen stormed a hotel in Gwadar on Saturday. The Baloch Liberation Army claimed "
        "responsibility for the raid. The Chinese embassy condemned the attack."
    )
    article = Article(doc_id="t", text=text, published="2019-05-12")
    (annotation,) = annotate_articles([article], nlp)
    found = find_actors(article, annotation)
    events = code_events(article, annotation, found, decider=load_decider())
    claimant = next(e.source.code for e in events if e.cameo == "015")
    condemned = [e for e in events if e.source.code == "CHNGOV" and e.cameo.startswith("11")]
    assert [e.target.code if e.target else None for e in condemned] == [claimant]


def test_code_events_a_threat_said_with_would_is_made_not_intended(nlp) -> None:  # type: ignore[no-untyped-def]
    # the statement of a harmful act to come is the threat, and the threat was made
    text = "Chile's president said his country would retaliate against Peru."
    article = Article(doc_id="t", text=text, published="2018-05-09")
    (annotation,) = annotate_articles([article], nlp)
    events = code_events(
        article, annotation, find_actors(article, annotation), decider=load_decider()
    )
    threats = [e for e in events if e.cameo.startswith("13")]
    assert threats and all(e.modality == "asserted" for e in threats)


@pytest.mark.parametrize(
    ("text", "pair", "code"),
    [
        ("Turkey urged Greece to extradite the eight officers.", ("TUR", "GRC"), "0213"),
        ("Mali urged France to withdraw its troops.", ("MLI", "FRA"), "0256"),
        # what is asked for, four links below the appeal: for → arrival → of → aid
        ("Chad asked Japan for the quick arrival of humanitarian aid.", ("TCD", "JPN"), "0233"),
        # aid cut or stopped takes the kind of aid its own modifier names
        ("Japan halted economic aid to Serbia.", ("JPN", "SRB"), "1621"),
        ("Britain cut humanitarian aid to Yemen.", ("GBR", "YEM"), "1623"),
        (
            "Kenya's opposition demanded the release of the jailed journalists.",
            ("KENOPP", "MED"),
            "1053",
        ),
    ],
)
def test_code_events_an_appeal_or_demand_takes_the_leaf_of_what_it_asks(
    nlp, text: str, pair, code: str
) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, text, "2020-03-01")
    assert code in {
        e.cameo for e in events if (e.source.code, e.target.code if e.target else None) == pair
    }


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a protest takes the leaf of what it is for, also from a clause on the verb it is
        # the object of
        ("Peruvian students marched in Lima to demand the resignation of the president.", "1411"),
        (
            "Bolivian miners continued their hunger strike to demand the resignation of the "
            "president.",
            "1421",
        ),
    ],
)
def test_code_events_a_protest_takes_the_leaf_of_what_it_is_for(nlp, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert code in {e.cameo for e in _code_learned(nlp, text)}


def test_code_events_a_statement_doing_something_is_its_authors_act(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Russia issued a statement condemning the new sanctions on Iran.")
    assert "RUS" in {e.source.code for e in events if e.cameo.startswith("11")}
    passed = _code(nlp, "The Senegalese parliament adopted a resolution condemning Gambia.")
    assert ("SEN", "GMB", "ACCUSE") in _dyads(passed)  # a resolution is its authors' act


def test_code_events_a_country_never_reacts_to_its_own_attack_as_its_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russia shelled Ukraine on Monday. The Russian government condemned the attack."
    condemned = [e for e in _code(nlp, text) if e.cameo.startswith("11")]
    assert condemned and all(e.target is None for e in condemned)


def test_code_events_verb_hung_on_an_object_shares_the_first_verbs_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser makes "battling" a conjunct of "guard"; it is the gunmen who battle
    text = (
        "Gunmen stormed a hotel in Mali's capital Bamako on Friday, killing a guard and "
        "battling security forces inside, officials said."
    )
    events = _code(nlp, text)
    assert ("MLIUAF", "MLICOP") in _pairs(events)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Canada sanctioned Belarus for jailing opposition activists.", ("BLR", "OPP")),
        ("Serbia was condemned for shelling Kosovo.", ("SRB", "XKX")),
        ("Egypt vowed revenge on Libya for killing Egyptian workers.", ("LBY", "EGYLAB")),
        ("Ukraine accused Belarus of training Russian troops.", ("BLR", "RUSMIL")),
    ],
)
def test_code_events_for_and_a_gerund_is_done_by_whom_the_verb_blames(nlp, text: str, pair) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, text, "2023-03-01")
    assert any((e.source.code[:3], e.target.code if e.target else None) == pair for e in events)


def test_code_events_stative_passive_with_to_is_the_subjects_act(nlp) -> None:  # type: ignore[no-untyped-def]
    # "is opposed to" is a state of Chile's, not something done to Chile
    events = _code(nlp, "Chile is opposed to Bolivia's plan for a new port.")
    assert ("CHL", "BOL") in {(s, t) for s, t, _ in _dyads(events)}


def test_code_events_event_noun_before_a_generic_head_reads_the_heads_targets(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Qatar began a mediation mission between Sudan and Chad.", "2023-03-01")
    assert {("QAT", "SDN"), ("QAT", "TCD")} <= {(s, t) for s, t, _ in _dyads(events)}


def test_code_events_event_noun_before_an_event_noun_leaves_it_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Japan held trade talks with Vietnam on Monday.", "2023-03-01")
    assert {e.cameo[:2] for e in events} == {"04"}  # the talks, not a trade act


def test_code_events_participle_parsed_as_the_subject_gives_its_own_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser makes "operating in Iraq" the subject of "said", with the Red Cross under it
    text = "The Red Cross operating in Iraq said Turkey must open the border crossing."
    events = _code(nlp, text, "2003-04-01")
    assert ("NGO", "TUR") in {(s, t) for s, t, _ in _dyads(events)}


def test_code_events_by_and_a_gerund_is_done_by_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Japan answered the appeal by sending rescue teams to Turkey."
    events = _code(nlp, text, "2023-02-08")
    assert any(e.source.code[:3] == "JPN" and e.target and e.target.code == "TUR" for e in events)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # the subject met the judgement for its own act, not the criticism
        (
            "The German chancellor faced sharp criticism for meeting Assad in Damascus.",
            ("DEU", "SYRGOV"),
        ),
        ("Japan won praise for sending aid to Nepal.", ("JPN", "NPL")),
        # "in" + a gerund: the subject's act ("joined X in accusing" the both of them)
        ("France joined Germany in accusing Russia of meddling.", ("FRA", "RUS")),
        # owning up to an act: the subject did it
        ("Serbia admitted to shelling Kosovo on Sunday.", ("SRB", "XKX")),
        # set on an act of its own: the subject will do it
        ("Chile is committed to sending troops to Haiti.", ("CHL", "HTI")),
        ("Bolivia remains determined to expelling Peru's ambassador.", ("BOL", "PERGOV")),
    ],
)
def test_code_events_gerund_done_by_the_subject_of_its_governor(nlp, text: str, pair) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, text, "2023-03-01")
    assert any((e.source.code[:3], e.target.code if e.target else None) == pair for e in events)


def test_code_events_an_act_its_subject_is_committed_to_is_intended(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Chile is committed to sending troops to Haiti.", "2023-03-01")
    sent = [e for e in events if e.target and e.target.code == "HTI"]
    assert sent and all(e.modality == "intended" for e in sent)


def test_code_events_first_person_in_a_direct_quote_is_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We will send troops to Mali," the French defence minister said on Monday.'
    article = Article(doc_id="t", text=text, published="2013-01-10")
    (annotation,) = annotate_articles([article], nlp)
    actors = find_actors(article, annotation)
    minister = next(m for m in actors if m.code == "FRAGOV")
    said = text.index("We"), text.index(",") + 2
    quote = Quote(
        "t", "q", text[said[0] : said[1]], "direct",
        ActorRef(minister.code, minister.name, minister.actor_id), "said", *said,
    )  # fmt: skip
    without = code_events(article, annotation, actors)
    events = code_events(article, annotation, actors, quotes=(quote,))
    assert ("FRAGOV", "MLI") not in _pairs(without)
    assert ("FRAGOV", "MLI") in _pairs(events)


def test_code_events_coordinated_country_modifiers_each_act(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "French and German troops attacked rebel positions in Mali.", "2013-02-01")
    sources = {e.source.code for e in events}
    assert {"FRAMIL", "DEUMIL"} <= sources


def test_code_events_a_source_among_the_speakers_claims_its_own_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The leaders of Peru, Chile and Bolivia said they would reopen the border with Ecuador."
    events = [e for e in _code(nlp, text, "2023-03-01") if e.target is not None]
    assert events and all(e.attributed_to is None for e in events)


def test_code_events_an_unnamed_attack_acts_but_is_not_its_own_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A roadside bombing killed two Kenyan soldiers on Sunday."
    events = _code(nlp, text, "2012-06-01")
    assert [(e.source.code, e.target.code if e.target else None) for e in events] == [
        ("UAF", "KENMIL")
    ]


def test_code_events_the_two_leaders_are_the_pair_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Macri met Bolsonaro in Brasilia on Monday. The two leaders agreed to expand trade."
    agreed = [e for e in _code(nlp, text, "2019-06-01") if e.cameo.startswith("03")]
    assert agreed and all(e.target is not None for e in agreed)
    assert _pairs(agreed) <= {("ARGGOV", "BRAGOV"), ("BRAGOV", "ARGGOV")}  # the leaders'
    states = "Chile and Peru signed a pact. The two countries agreed to expand trade."
    agreed = [e for e in _code(nlp, states, "2019-06-01") if e.cameo.startswith("03")]
    assert agreed and _pairs(agreed) <= {("CHL", "PER"), ("PER", "CHL")}  # the states


def test_code_events_the_two_koreas_act_together(nlp) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(_code(nlp, "The two Koreas agreed to reopen a liaison office.", "2018-09-14"))
    assert ("PRK", "KOR") in pairs or ("KOR", "PRK") in pairs


def test_code_events_an_unresolved_speaker_claims_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    # "officials" of no known country are no claimer; a named state is
    vague = _code(nlp, "Officials said Chad had closed its border with Sudan.", "2023-06-01")
    named = _code(nlp, "Sudan said Chad had closed its border with Sudan.", "2023-06-01")
    assert vague and all(e.attributed_to is None for e in vague)
    assert named and any(e.attributed_to is not None for e in named)


@pytest.mark.parametrize(
    "text",
    [
        "Lula arrived in Lima on Tuesday to meet Boluarte. The two met for dinner on Wednesday.",
        "Brazil and Peru signed a border deal. The countries also agreed to hold talks.",
        "Lula met Boluarte in Lima on Tuesday. The pair agreed to hold talks.",
        "Lula met Boluarte in Lima on Tuesday. The two men agreed to hold talks.",
        # one of the pair named in its own sentence, the other in the sentence before
        "Lula met Boluarte in Lima. Lula said the two agreed to hold talks.",
        "Boluarte arrived in Brasilia. Lula said the two agreed to hold talks.",
    ],
)
def test_code_events_the_two_and_the_countries_are_the_pair_named_before(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    second = text.index(". ") + 2  # the events of the second sentence: the pair acts there
    events = [e for e in _code(nlp, text, "2023-06-01") if e.start >= second]
    pairs = {(e.source.code[:3], e.target.code[:3] if e.target else None) for e in events}
    assert ("BRA", "PER") in pairs or ("PER", "BRA") in pairs


def test_prepositional_objects_read_a_preposition_tagged_as_a_particle() -> None:
    # "had called on Trump on Thursday": the parser may tag the first "on" as a particle
    # and still hang "Trump" below it; both objects of "on" are found
    words = ["Britain", "called", "on", "Trump", "on", "Thursday"]
    deps = [("nsubj", 1), ("ROOT", 1), ("prt", 1), ("pobj", 2), ("prep", 1), ("pobj", 4)]
    tokens = [SimpleNamespace(dep=dep, head=head) for dep, head in deps]
    view = SimpleNamespace(
        words=words,
        tokens=tokens,
        children=lambda i: [k for k, t in enumerate(tokens) if t.head == i and k != i],
    )
    assert prepositional_objects(cast(TextView, view), 1, ("on",)) == [3, 5]


def test_code_events_what_is_sent_is_not_the_receiver(nlp) -> None:  # type: ignore[no-untyped-def]
    # the envoy a country sends is its own, not whom it visits; the "to" phrase is
    text = "Ghana sent its foreign minister Samuel Ablakwa to lead the talks."
    sent = _code(nlp, text, "2025-03-01")
    assert sent and all(e.target is None or e.target.code[:3] != "GHA" for e in sent)
    hosted = _code(nlp, "Ghana sent its foreign minister to Togo.", "2025-03-01")
    assert ("GHA", "TGO") in {(s, t) for s, t, _ in _dyads(hosted)}
    pulled = _code(nlp, "President Lula pulled Brazil out of the oil pact.", "2024-03-01")
    assert all(e.target is None or e.target.code != "BRA" for e in pulled)


def test_code_events_an_intent_is_carried_by_the_act_it_announces(nlp) -> None:  # type: ignore[no-untyped-def]
    # "wants" adds no untargeted intent beside the talks it wants, coded as intended
    article = Article(doc_id="t", text="Ethiopia wants to hold talks with Egypt on the dam.")
    (annotation,) = annotate_articles([article], nlp)
    found = find_actors(article, annotation)
    events = code_events(article, annotation, found, decider=load_decider())
    assert [(e.source.code, e.target.code if e.target else None) for e in events] == [
        ("ETH", "EGY")
    ]
    assert events[0].modality == "intended"


def test_code_events_two_parties_of_one_country_are_two_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Senate Republicans accused the Democrats of blocking the budget.")
    assert ("USAPTY", "USAPTY") in _pairs(events)
    (accusal,) = [e for e in events if e.target is not None]
    assert accusal.source.actor_id != accusal.target.actor_id


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # a claim about an actor of the speaker's own code is no act on it
        (
            "Chile's foreign minister Ana Soto said Chilean President Pedro Ruiz blamed Peru.",
            [None],
        ),
        # one about another part of its state still is ("McCain said the president erred")
        ("Chile's foreign minister Ana Soto said Chilean lawmakers blamed Peru.", ["CHLLEG"]),
    ],
)
def test_proposed_claims_act_on_no_actor_of_the_speakers_own_code(  # type: ignore[no-untyped-def]
    nlp, text: str, targets: list[str | None]
) -> None:
    said = _proposed(nlp, text, "say")
    assert [d.target.code if d.target else None for d in said] == targets


def test_proposed_candidates_take_no_own_government_owning_a_thing_as_target(nlp) -> None:  # type: ignore[no-untyped-def]
    # an envoy promising "the Chilean government's support" acts on no one of her own side
    text = "Chile's ambassador Ana Soto promised the Chilean government's support for the talks."
    assert [d.target for d in _proposed(nlp, text, "promise")] == [None]


def test_proposed_candidates_take_whom_an_act_is_among_as_target(nlp) -> None:  # type: ignore[no-untyped-def]
    # a verb the lexicon does not code proposes a candidate whose target may follow "among"
    text = "The African Union may pause its mediation among Sudan's warring factions."
    paused = _proposed(nlp, text, "pause")
    assert [d.target.code[:3] if d.target else None for d in paused] == ["SDN"]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Serbia rejected an offer from Croatia to reopen the crossing.", ("SRB", "HRV")),
        ("Chile denied charges by Bolivia that it had diverted the river.", ("CHL", "BOL")),
    ],
)
def test_code_events_a_response_acts_on_the_author_of_what_it_answers(  # type: ignore[no-untyped-def]
    nlp, text: str, pair: tuple[str, str]
) -> None:
    article = Article(doc_id="t", text=text, published="2023-06-01")
    (annotation,) = annotate_articles([article], nlp)
    found = find_actors(article, annotation)
    events = code_events(article, annotation, found, decider=load_decider())
    assert pair in {(s[:3], t[:3] if t else None) for s, t in _pairs(events)}


def test_code_events_an_attack_on_what_an_actor_holds_acts_on_the_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Russia launched cyber attacks on the government websites of Estonia.")
    assert ("RUS", "EST") in {(s, t) for s, t, _ in _dyads(events)}


def test_code_events_a_quantity_object_passes_on_the_preposition_of_what_it_counts(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(
        nlp, "The Dutch government returned dozens of looted bronzes to the Embassy of Nigeria."
    )
    assert ("NLD", "NGA") in {(s, t) for s, t, _ in _dyads(events)}


def test_code_events_the_owner_of_a_held_thing_may_modify_its_modifier(nlp) -> None:  # type: ignore[no-untyped-def]
    # "a US Army base": "US" hangs on "Army", which hangs on "base"
    events = _code(nlp, "Syria threatened to attack a US Army base.", "2020-01-06")
    assert ("SYR", "USA") in {(s, t) for s, t, _ in _dyads(events)}


def test_code_events_an_attack_on_a_held_place_acts_on_its_holder(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Yemeni government forces shelled the Houthi-held port of Hodeidah.")
    assert ("YEMMIL", "YEMREBHTH") in _pairs(events)


def test_code_events_two_people_of_one_code_are_two_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Chuck Schumer criticized Mitch McConnell over the delay.", "2019-06-01")
    assert ("USALEG", "USALEG") in _pairs(events)
    # one person is no dyad with himself, however often he is named
    alone = _code(nlp, "Chuck Schumer said Chuck Schumer would run again.", "2019-06-01")
    assert ("USALEG", "USALEG") not in _pairs(alone)


def test_code_events_a_ban_acts_on_whom_it_was_imposed_on_and_aid_on_whom_it_helps(nlp) -> None:  # type: ignore[no-untyped-def]
    lifted = _code(nlp, "Canada will not lift the ban imposed on Hezbollah.", "2020-06-01")
    assert any(e.target is not None and e.target.code.startswith("LBN") for e in lifted)
    text = "Japan donated a shipment of vaccines to assist Kenya with its response."
    assert ("JPN", "KEN") in {(s, t) for s, t, _ in _dyads(_code(nlp, text, "2021-06-01"))}


def test_code_events_an_actors_allies_are_not_that_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "Iran threatened Israel's allies in the region.", "2024-06-01")
    assert all(e.target is None or e.target.code != "ISR" for e in events)


def test_code_events_a_government_does_not_act_on_its_country_as_a_things_owner(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Brazilian beef" is no act of the Brazilian government on Brazil; Chile stays a target
    text = "The Brazilian government cut tariffs on Brazilian beef and Chilean wine."
    pairs = {(s, t) for s, t, _ in _dyads(_code(nlp, text, "2024-06-01"))}
    assert ("BRA", "BRA") not in pairs and ("BRA", "CHL") in pairs
    # nor does it act on its country when it moves it ("withdrew Brazil from the pact")
    moved = _code(nlp, "President Lula withdrew Brazil from the oil pact with Chile.", "2024-06-01")
    assert all(e.target is None or e.target.code != "BRA" for e in moved)
    # a place after a preposition is still where it acts
    text = "The Sudanese government lifted the state of emergency in parts of Sudan."
    assert ("SDNGOV", "SDN") in _pairs(_code(nlp, text, "2024-06-01"))


def test_code_events_an_event_noun_takes_its_light_verbs_preposition(nlp) -> None:  # type: ignore[no-untyped-def]
    # "on" hangs on "launched", not on "attacks": the attacks are still on Estonia
    text = "Latvian hackers launched cyber attacks on a number of Estonian government websites."
    assert ("LVA", "EST") in {(s, t) for s, t, _ in _dyads(_code(nlp, text))}


def test_code_events_a_sector_word_before_what_it_holds_is_the_owner(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _code(nlp, "The Yemeni army shelled rebel positions near Marib.", "2020-06-01")
    assert ("YEMMIL", "YEMREB") in _pairs(events)
    events = _code(nlp, "Gunmen attacked a police station in Peshawar.", "2020-06-01")
    assert any(e.target is not None and e.target.code.endswith("COP") for e in events)


def _dyad_codes(dyads: list[Dyad]) -> set[tuple[str, str | None]]:
    return {(d.source.code, d.target.code if d.target else None) for d in dyads}


def test_proposals_a_participle_after_a_noun_reads_its_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    # a past participle: the noun is acted on, its "by" agent acts
    dyads = _proposed(nlp, "Two Peruvian firms targeted by Chile lost their licences.", "target")
    assert ("CHL", "PERBUS") in _dyad_codes(dyads)
    # a present participle: the noun acts
    text = "The report names Chilean soldiers fighting against Peruvian rebels."
    assert ("CHLMIL", "PERREB") in _dyad_codes(_proposed(nlp, text, "fight"))


def test_proposals_an_effort_someone_pursues_is_theirs(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("CHL", "PER") in _dyad_codes(
        _proposed(nlp, "Chile has pursued efforts to punish Peru.", "punish")
    )
    text = "The fines are the latest step by Chile to punish Peru."
    assert ("CHL", "PER") in _dyad_codes(_proposed(nlp, text, "punish"))
    # calls someone else makes are not the rejecter's
    text = "Chile rejected calls to punish Peru."
    assert ("CHL", "PER") not in _dyad_codes(_proposed(nlp, text, "punish"))


def test_proposals_a_measure_imposed_in_the_passive_acts_on_whom_it_is_against(nlp) -> None:  # type: ignore[no-untyped-def]
    dyads = _proposed(nlp, "UN sanctions were imposed on Peru in 2006.", "impose")
    assert _dyad_codes(dyads) == {("IGOUNO", "PER")}
    dyads = _proposed(nlp, "The sanctions imposed on Peru by Chile were lifted.", "impose")
    assert _dyad_codes(dyads) == {("CHL", "PER")}


def test_proposals_an_event_noun_by_an_actor_or_of_a_pronoun_is_theirs(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The talks followed a visit by a Chilean delegation."
    assert {d.source.code for d in _proposed(nlp, text, "visit")} == {"CHLGOV"}
    text = "Chile's foreign minister met Peruvian officials during his visit to Lima."
    assert ("CHLGOV", "PERGOV") in _dyad_codes(_proposed(nlp, text, "visit"))


def test_proposals_a_passive_subject_does_what_it_is_scheduled_to_do(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Chilean foreign minister was scheduled to meet Peruvian officials."
    assert ("CHLGOV", "PERGOV") in _dyad_codes(_proposed(nlp, text, "meet"))


def test_proposals_an_attempt_survived_is_not_the_survivor_s(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Chilean president survived an assassination attempt on Friday."
    assert not _proposed(nlp, text, "attempt")


def test_proposals_who_is_responsible_for_an_act_does_it(nlp) -> None:  # type: ignore[no-untyped-def]
    dyads = _proposed(nlp, "Chile and Bolivia are responsible for arming Peruvian rebels.", "arm")
    assert {d.source.code for d in dyads} == {"CHL", "BOL"}
    text = "The Chilean president took the opportunity to rebuke Peru."
    assert ("CHLGOV", "PER") in _dyad_codes(_proposed(nlp, text, "rebuke"))


def test_decided_a_bare_saying_aimed_at_no_one_is_at_most_a_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    from communique.events._coding import _decided
    from communique.events.decider import Decision
    from communique.events.ontology import load_ontology

    text = "Peru's foreign minister said that it was a good day."
    article = Article(doc_id="t", text=text, published="2023-06-01")
    (annotation,) = annotate_articles([article], nlp)
    view = TextView(text, annotation)
    actors = ActorIndex(view, find_actors(article, annotation))
    dyads = list(DependencyCoder(view, actors, load_lexicon(), propose=True).code_sentence(0))
    said = [d for d in dyads if view.lemma(d.trigger) == "say" and d.target is None]
    assert said  # the rules propose it
    for cameo, kept in (("111", False), ("010", True)):  # a model sure it is an accusation

        def decide(_view: TextView, ds: list[Dyad], code: str = cameo) -> list[Decision]:
            return [Decision(code, 0.95, 0.95, 0.99) for _ in ds]

        decider = SimpleNamespace(decide=decide, one_sided_min=0.5)
        answers = list(_decided(view, load_ontology(), decider, said))  # type: ignore[arg-type]
        assert all((a is not None) == kept for a in answers), cameo


def test_code_events_an_envoy_sent_in_the_passive_visits_where_they_are_sent(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "A Peruvian delegation was sent to Chile on Monday.",
        "Ecuador's foreign minister was dispatched to Colombia on Monday.",
    ):
        visits = [e for e in _code(nlp, text, "2021-03-01") if e.type == "CONSULT"]
        assert len(visits) == 1 and visits[0].target is not None, text
        assert visits[0].source.code[:3] != visits[0].target.code[:3]


def test_code_events_a_person_nothing_identifies_is_no_party(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Tomas Varga accused Iran of lying. Hungary accused Iran of lying."
    events = _code(nlp, text)
    assert ("HUN", "IRN") in _pairs(events)  # the same act by a state is coded
    assert all(
        e.source.code != "CVL" and (e.target is None or e.target.code != "CVL") for e in events
    )


@pytest.mark.parametrize(
    ("text", "code", "pair"),
    [
        ("Spain's indictment of the Colombian general surprised Bogota.", "173", ("ESP", "COLMIL")),
        ("The Greek minister's conversation with Turkey's foreign minister ended late.", "040",
         ("GRCGOV", "TURGOV")),
        ("Chile's denial of the spying charges came on Monday.", "016", ("CHL", None)),
    ],
)  # fmt: skip
def test_code_events_reads_event_nouns_with_their_owner(  # type: ignore[no-untyped-def]
    nlp, text: str, code: str, pair: tuple[str, str | None]
) -> None:
    events = _code(nlp, text)
    assert (code, pair) in {
        (e.cameo, (e.source.code, e.target.code if e.target else None)) for e in events
    }


def test_code_events_the_attack_victims_fell_in_is_the_source(nlp) -> None:  # type: ignore[no-untyped-def]
    # nobody is named: the attack itself, an unidentified force, killed them
    text = "Three Malian soldiers were killed in a roadside bombing on Sunday."
    events = _code(nlp, text, "2012-06-01")
    assert ("UAF", "MLIMIL") in {
        (e.source.code[-3:], e.target.code if e.target else None) for e in events
    }


def test_code_events_an_act_on_a_private_person_is_no_one_sided_event(nlp) -> None:  # type: ignore[no-untyped-def]
    # the person named in full is no party, and the act is no event of the police alone
    text = "Kenyan police arrested John Kamau in Nakuru on Monday."
    assert not [e for e in _code_learned(nlp, text) if e.cameo.startswith("17")]
    crowd = "Kenyan police arrested forty protesters in Nakuru on Monday."
    assert [e for e in _code_learned(nlp, crowd) if e.cameo.startswith("17")]


def test_code_events_what_is_said_of_an_actor_s_conduct_is_about_that_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    # the subject of what is said, or its owner: "Chile's handling of the talks" is Chile's
    text = "Peru's foreign minister said Chile's handling of the border talks was a failure."
    targets = {d.target.code[:3] for d in _proposed(nlp, text, "say") if d.target is not None}
    assert targets == {"CHL"}
    # the speaker's own country is no target ("said Peru's economy would grow")
    text = "Peru's foreign minister said Peru's economy would grow this year."
    assert all(d.target is None for d in _proposed(nlp, text, "say"))


def test_code_events_a_noun_the_tagger_read_as_a_verb_is_still_an_event_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    # With a date before it, the tagger reads "call" as a verb; its owner and place say noun.
    text = "Macron's May 3 call with Chinese President Xi Jinping ended without a deal."
    view = _view(nlp, text)
    call = next(i for i, word in enumerate(view.words) if word == "call")
    assert view.tokens[call].pos == "VERB"  # the tagger's reading this test is about
    assert [(d.source.code, d.target and d.target.code) for d in _proposed(nlp, text, "call")] == [
        ("FRAGOV", "CHNGOV")
    ]


def test_proposals_discussing_an_event_noun_is_a_consultation(nlp) -> None:  # type: ignore[no-untyped-def]
    # "discuss" is no light verb: talking about an extension is not the extension
    text = "Egypt and Qatar discussed an extension of the ceasefire."
    assert _pairs(_proposed(nlp, text, "discuss")) == {("EGY", "QAT")}
    assert not _proposed(nlp, text, "extension")


def test_proposals_a_by_phrase_on_an_active_verb_names_the_objects_doer(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Cuba condemned the naval drills by the United States."
    assert _pairs(_proposed(nlp, text, "condemn")) == {("CUB", "USA")}


def test_proposals_a_relative_clause_on_an_apposition_is_the_names(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ortega, a former guerrilla who had threatened to expel the Spanish ambassador, spoke."
    assert _pairs(_proposed(nlp, text, "threaten")) == {("NICGOV", None)}


def test_proposals_a_verb_after_a_name_and_its_apposition_is_the_main_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Senator Bernie Sanders, a Vermont independent, called on the Pentagon to release it."
    assert _pairs(_proposed(nlp, text, "call")) == {("USALEG", "USAMIL")}


def test_proposals_a_gerund_after_a_predicate_or_a_task_is_the_subjects(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Danish government was quick in condemning Russia."
    assert _pairs(_proposed(nlp, text, "condemn")) == {("DNKGOV", "RUS")}
    text = "The French team is tasked with monitoring Mali's elections."
    assert _pairs(_proposed(nlp, text, "monitor")) == {("FRA", "MLI")}


def test_proposals_a_gerund_after_a_record_a_passive_or_an_including_is_the_subjects(nlp) -> None:  # type: ignore[no-untyped-def]
    cases = {
        ("The Taliban have a long record of attacking Afghan police.", "attack"): {
            ("AFGINSTAL", "AFGCOP")
        },
        ("Chile has no qualms about criticizing Venezuela.", "criticize"): {("CHL", "VEN")},
        ("The Turkish army was justified in shelling Syria, the minister said.", "shell"): {
            ("TURMIL", "SYR")
        },
        ("The Kenyan president seemed intent on easing the row with Somalia.", "ease"): {
            ("KENGOV", "SOM")
        },
        ("Sweden took several steps, including expelling the Iranian ambassador.", "expel"): {
            ("SWE", "IRNGOV")
        },
        ("North Korea issued a threat to cancel the summit with Japan.", "cancel"): {
            ("PRK", "JPN")
        },
        # the parser makes some gerunds the object of their preposition
        ("Thousands of Palestinians responded by rioting in Hebron.", "riot"): {("PSECVL", None)},
    }
    for (text, lemma), pairs in cases.items():
        assert _pairs(_proposed(nlp, text, lemma)) == pairs, text


def test_code_events_being_close_to_an_act_is_possible(nlp) -> None:  # type: ignore[no-untyped-def]
    for text, word in (
        ("The prosecutor is close to charging the Iranian diplomats.", "charging"),
        ("Peru edged closer to declaring an emergency.", "declaring"),
    ):
        view = _view(nlp, text)
        assert modality_of(view, view.words.index(word)) == "possible", text


def test_proposals_forces_named_after_a_noun_of_moving_them_move(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The withdrawal of Dutch troops from Mali ended in May."
    assert _pairs(_proposed(nlp, text, "withdrawal")) == {("NLDMIL", "MLI")}
    assert _pairs(_proposed(nlp, "The Dutch pullout was completed in May.", "pullout")) == {
        ("NLD", None)
    }
    assert _pairs(_proposed(nlp, "Iran's nuclear test alarmed Israel.", "test")) == {("IRN", None)}


def test_code_events_modality_of_a_visit_to_come_and_of_acts_done_by_saying(nlp) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "The Chilean president spoke about his next visit to Peru.": "intended",
        "The Chilean president spoke about his impending visit to Peru.": "intended",
    }
    _assert_modalities(nlp, cases)
    # "I want to thank …", "we would urge …": done in the words by whoever speaks them
    spoken = {
        ("I want to thank Peru for its help.", "thank"): "asserted",
        ("We would urge Peru to reopen the border.", "urge"): "asserted",
        ("We will urge Peru to reopen the border.", "urge"): "intended",
        ("The Chilean president wants to thank Peru.", "thank"): "intended",
    }
    _assert_trigger_modalities(nlp, spoken)


def test_code_events_what_is_called_off_did_not_happen(nlp) -> None:  # type: ignore[no-untyped-def]
    for text, word in (("Peru scrapped a planned visit to Chile.", "visit"),
                       ("Peru called off the talks with Chile.", "talks")):  # fmt: skip
        view = _view(nlp, text)
        assert modality_of(view, view.words.index(word)) == "negated", text
    view = _view(nlp, "Peru called the talks with Chile a failure.")
    assert modality_of(view, view.words.index("talks")) == "asserted"
    # the model codes the verb that calls it off as the visit itself (042): not done; as the
    # refusal (125) it was done
    text = "Peru scrapped a planned visit to Chile."
    (dyad,) = _proposed(nlp, text, "scrap")[:1]
    ontology = load_ontology()
    for code, modality in (("042", "negated"), ("125", "asserted"), ("134", "asserted")):
        coded = dataclasses.replace(dyad, entry=dataclasses.replace(dyad.entry, cameo=code))
        assert as_said(_view(nlp, text), ontology, coded, future=False)[1] == modality, code


def test_code_events_an_event_noun_a_coded_verb_takes_with_a_doer_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    # the noun names who did it, not the verb's subject: two events
    text = "Norway condemned Chile's expulsion of two Peruvian diplomats."
    dyads = _proposed(nlp, text, "expulsion")
    assert [(d.source.code, d.target.code if d.target else None) for d in dyads] == [
        ("CHL", "PERGOV")
    ]
    text = "Sweden denounced the shelling of Peruvian towns by Ecuadorian forces."
    assert [d.source.code for d in _proposed(nlp, text, "shelling")] == ["ECUMIL"]
    # the subject's own act is what the verb codes: no second event
    assert not _proposed(nlp, "Japan will provide its assistance to Nepal.", "assistance")
    assert not _proposed(nlp, "Kenya condemned the bombing of its embassy.", "bombing")


def test_lexicon_codes_killings_and_downings_as_nouns(nlp) -> None:  # type: ignore[no-untyped-def]
    dyads = _proposed(nlp, "Ghana's downing of a Togolese helicopter alarmed Lome.", "downing")
    assert [(d.source.code, d.target.code if d.target else None, d.entry.cameo) for d in dyads] == [
        ("GHA", "TGO", "190")
    ]
    text = "The Bolivian army's killing of two unarmed protesters drew censure."
    assert [d.entry.cameo for d in _proposed(nlp, text, "killing")] == ["1823"]


def test_code_events_a_person_who_owns_an_arrest_or_killing_underwent_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Navalny's arrest": done to him, by whom "by" names; nobody else's act
    text = "Lithuania protested against Navalny's arrest by Russian police."
    dyads = _proposed(nlp, text, "arrest", "2021-01-20")
    assert [(d.source.code, d.target.code if d.target else None) for d in dyads] == [
        ("RUSCOP", "RUSOPP")
    ]
    text = "Since Soleimani's killing, Iran has demanded that American troops leave."
    assert not _proposed(nlp, text, "killing", "2020-02-01")
    # an owner with an "of" phrase after the noun is who did it
    text = "Ecuador's arrest of two Peruvian activists angered Lima."
    assert [d.source.code for d in _proposed(nlp, text, "arrest")] == ["ECU"]


def test_code_events_criticism_of_an_arrest_is_not_aimed_at_whom_was_arrested(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Latvia condemned Navalny's arrest."
    assert [d.target for d in _proposed(nlp, text, "condemn", "2021-01-20")] == [None]
    text = "Latvia condemned Navalny's arrest by Russian police."
    targets = [d.target.code for d in _proposed(nlp, text, "condemn", "2021-01-20") if d.target]
    assert targets == ["RUSCOP"]
    # an order to kill someone is aimed at them
    text = "Trump ordered Soleimani's killing."
    dyads = _proposed(nlp, text, "order", "2020-01-10")
    assert [d.target.code[:3] for d in dyads if d.target] == ["IRN"]


def test_code_events_names_the_parser_listed_after_an_opening_phrase_are_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    # read as one list "Oslo, Ruto and Lula" with no subject for "met"
    text = "Prior to their joint news conference in Oslo, Ruto and Lula met behind closed doors."
    pairs = {(d.source.code[:3], d.target.code[:3] if d.target else None)
             for d in _proposed(nlp, text, "meet")}  # fmt: skip
    assert pairs in ({("KEN", "BRA")}, {("BRA", "KEN")})


def test_code_events_what_two_parties_discuss_is_no_party(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ruto and Museveni discussed Somalia."
    pairs = {(d.source.code[:3], d.target.code[:3] if d.target else None)
             for d in _proposed(nlp, text, "discuss")}  # fmt: skip
    assert pairs in ({("KEN", "UGA")}, {("UGA", "KEN")})


def test_code_events_a_verb_joined_to_a_denial_keeps_its_own_modality(nlp) -> None:  # type: ignore[no-untyped-def]
    cases = {
        # the first verb's sense is its own: the second act happened
        ("The minister denied the report and accused Peru of lying.", "accused"): "asserted",
        ("Bolivia refused to attend the summit and called for a boycott.", "called"): "asserted",
        ("Chile rejected the offer and ordered its envoy home.", "ordered"): "asserted",
        # what the verbs share still carries: an auxiliary, a negation over alternatives
        ("Peru will meet Chile and sign the accord.", "sign"): "intended",
        ("Chile did not condemn or criticise Peru.", "criticise"): "negated",
        ("Peru refused to meet and talk with Chile.", "talk"): "negated",
    }
    _assert_trigger_modalities(nlp, cases)


def test_proposals_a_count_before_an_infinitive_is_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    # "voted 64 to 30 to condemn": the voters condemn, not the count
    text = "Chile's Senate voted 64 to 30 to condemn Peru's decision."
    assert _pairs(_proposed(nlp, text, "condemn")) == {("CHLLEG", "PER")}
    # an object before the infinitive still acts ("urged Peru to reopen …")
    text = "Chile urged Peru to reopen the border with Bolivia."
    assert ("PER", "BOL") in _pairs(_proposed(nlp, text, "reopen"))


def test_learned_events_saying_is_never_a_material_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Officials said Chile imposed new sanctions on Peru. Chile, Peru and Bolivia will "
        "hold joint naval drills in the Pacific, Chile's defence ministry said on Thursday."
    )
    events = _code_learned(nlp, text)
    said = [e for e in events if text[e.trigger[0] : e.trigger[1]] == "said"]
    assert all(e.cameo[:2] in {"01", "02", "03", "04", "05", "10", "11", "12", "13"} for e in said)
    # the sanctions themselves are still Chile's
    assert any(e.source.code[:3] == "CHL" and e.cameo[:2] == "16" for e in events)
