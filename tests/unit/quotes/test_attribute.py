"""Speakers, cues and kinds of quotes on paragraphs we wrote: one test or more per pattern."""

from __future__ import annotations

import pytest

from communique.actors import find_actors
from communique.annotate import annotate_articles
from communique.quotes import AttributedQuote, attribute_quotes, find_quotes, speaker_for_span
from communique.quotes._speakers import ActorLookup, make_speaker
from communique.records import ActorMention, Annotation, Article
from communique.textview import TextView

pytestmark = pytest.mark.model


def _parse(nlp, text: str) -> tuple[Article, Annotation, tuple[ActorMention, ...]]:  # type: ignore[no-untyped-def]
    article = Article(doc_id="t", text=text, published="2024-06-19")
    (annotation,) = annotate_articles([article], nlp)
    return article, annotation, find_actors(article, annotation)


def _quotes(nlp, text: str) -> tuple[AttributedQuote, ...]:  # type: ignore[no-untyped-def]
    _, annotation, actors = _parse(nlp, text)
    return attribute_quotes(TextView(text, annotation), actors)


def _direct(quotes: tuple[AttributedQuote, ...]) -> list[AttributedQuote]:
    return [quote for quote in quotes if quote.kind == "direct"]


def _code(quote: AttributedQuote) -> str | None:
    speaker = quote.speaker
    return speaker.actor.code if speaker is not None and speaker.actor is not None else None


def test_attribute_quote_subject_after_the_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    (quote,) = _direct(
        _quotes(nlp, '"We will defend every inch of allied soil," Stoltenberg said.')
    )
    assert quote.text == "We will defend every inch of allied soil"
    assert quote.speaker is not None and quote.speaker.text == "Stoltenberg"
    assert _code(quote) == "IGOWSTNAT"
    assert quote.cue is not None and quote.cue.text == "said"


def test_attribute_quote_inverted_said_with_apposition(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"The talks were useful and frank," said Sergei Lavrov, the foreign minister.'
    (quote,) = _direct(_quotes(nlp, text))
    assert quote.speaker is not None and quote.speaker.text.startswith("Sergei Lavrov")
    assert _code(quote) == "RUSGOV"


def test_attribute_quote_cue_before_the_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    (quote,) = _direct(_quotes(nlp, 'Guterres told reporters: "The ceasefire must hold."'))
    assert quote.speaker is not None and quote.speaker.text == "Guterres"
    assert quote.cue is not None and quote.cue.text == "told"


def test_attribute_quote_split_quote_gives_two_quotes_one_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We are ready to help," Scholz said, "but we will not be rushed into a decision."'
    first, second = _direct(_quotes(nlp, text))
    assert first.text == "We are ready to help"
    assert second.text == "but we will not be rushed into a decision."
    assert _code(first) == _code(second) == "DEUGOV"
    assert not second.inherited


def test_attribute_quote_next_sentence_keeps_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"The vote was fair and the count was clean," Macron said. '
        '"Nobody should doubt the result of this election."'
    )
    first, second = _direct(_quotes(nlp, text))
    assert _code(first) == _code(second) == "FRAGOV"
    assert second.inherited and second.cue == first.cue


def test_attribute_quote_over_paragraphs_is_one_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"We will keep sending air defence systems to Kyiv.\n\n'
        '"And we will not wait for the next winter," Blinken said.'
    )
    (quote,) = _direct(_quotes(nlp, text))
    assert quote.text.startswith("We will keep") and quote.text.endswith("next winter")
    assert (quote.start, quote.end) == (0, text.index("Blinken") - 1)
    assert _code(quote) == "USAGOV"


def test_attribute_quote_paragraph_without_cue_keeps_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"The harvest is lost in the whole northern region," Macron said.\n\n'
        '"Farmers will need help from the state for many months to come."'
    )
    _, second = _direct(_quotes(nlp, text))
    assert second.inherited and _code(second) == "FRAGOV"


def test_attribute_quote_no_speaker_after_a_narrative_paragraph_gap(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"The harvest is lost in the whole northern region," Macron said.\n\n'
        "The storm hit the coast on Monday night.\n\n"
        "Rivers rose across the valley.\n\n"
        '"Nobody saw a storm like this in a hundred years here."'
    )
    quotes = _direct(_quotes(nlp, text))
    assert quotes[-1].speaker is None


def test_attribute_quote_pronoun_speaker_is_the_resolved_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Blinken arrived in Kyiv on Monday. "Ukraine will prevail in this war," he said.'
    (quote,) = _direct(_quotes(nlp, text))
    assert quote.speaker is not None and quote.speaker.text == "he"
    assert _code(quote) == "USAGOV"


def test_attribute_quote_pronoun_after_a_person_the_base_does_not_know_is_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Blinken spoke first. Then Maria Ostrova, a local teacher, took the microphone. "
        '"We need a new school before winter comes," she said.'
    )
    (quote,) = _direct(_quotes(nlp, text))
    assert quote.speaker is not None and quote.speaker.antecedent == "Maria Ostrova"
    # coded by her title as written (a teacher: education), not as Blinken
    assert quote.speaker.actor is not None
    assert (quote.speaker.actor.name, quote.speaker.actor.code) == ("Maria Ostrova", "EDU")


def test_attribute_quote_she_is_the_woman_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Blinken met Maria Ostrova in Kyiv. "We need a new school before winter comes," she said.'
    )
    (quote,) = _direct(_quotes(nlp, text))
    assert quote.speaker is not None and quote.speaker.antecedent == "Maria Ostrova"


def test_attribute_quote_uncoded_speaker_keeps_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"The plan for the river is sound," said Ostrova.'
    article, annotation, actors = _parse(nlp, text)
    (quote,) = _direct(attribute_quotes(TextView(text, annotation), actors))
    assert quote.speaker is not None and quote.speaker.text.startswith("Ostrova")
    (record,) = [q for q in find_quotes(article, annotation, actors) if q.kind == "direct"]
    assert record.speaker is None and record.speaker_name == "Ostrova" and record.cue == "said"


def test_attribute_quote_a_speaker_named_in_full_is_a_private_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"The plan for the river is sound," said Maria Ostrova.'
    article, annotation, actors = _parse(nlp, text)
    (record,) = [q for q in find_quotes(article, annotation, actors) if q.kind == "direct"]
    assert record.speaker is not None and record.speaker.code == "CVL"
    assert record.speaker_name == "Maria Ostrova"


def test_attribute_quote_brackets_inside_the_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    (quote,) = _direct(_quotes(nlp, '"They [the rebels] cannot win this war," Guterres said.'))
    assert quote.text == "They [the rebels] cannot win this war"
    assert _code(quote) == "IGOUNO"


def test_attribute_quote_nested_quote_is_one_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\"He told me 'we are done here' and walked out of the room,\" Lavrov said."
    (quote,) = _direct(_quotes(nlp, text))
    assert "'we are done here'" in quote.text
    assert _code(quote) == "RUSGOV"


def test_attribute_quote_british_single_marks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "'Russia's threats won't work on this alliance,' Macron said."
    (quote,) = _direct(_quotes(nlp, text))
    assert quote.text == "Russia's threats won't work on this alliance"
    assert _code(quote) == "FRAGOV"


def test_attribute_quote_dash_names_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“We will rebuild every house in this town.” ― Maria Ostrova"
    (quote,) = _direct(_quotes(nlp, text))
    assert quote.speaker is not None and quote.speaker.text == "Maria Ostrova"


def test_attribute_quote_adding_gives_an_indirect_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"They cannot keep trading with Europe as before," Stoltenberg said, adding that '
        "there would be consequences for Beijing."
    )
    quotes = _quotes(nlp, text)
    (indirect,) = [q for q in quotes if q.kind == "indirect"]
    assert indirect.text == "there would be consequences for Beijing"
    assert indirect.cue is not None and indirect.cue.text == "adding"
    assert _code(indirect) == "IGOWSTNAT"


def test_attribute_quote_that_clause_is_indirect(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Stoltenberg said that the alliance would send more air defence systems to Ukraine."
    (quote,) = _quotes(nlp, text)
    assert quote.kind == "indirect"
    assert quote.text == "the alliance would send more air defence systems to Ukraine"
    assert _code(quote) == "IGOWSTNAT"


def test_attribute_quote_according_to(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russia has moved two brigades to the border, according to Blinken."
    (quote,) = _quotes(nlp, text)
    assert quote.kind == "indirect" and quote.cue is not None
    assert quote.cue.text == "according to"
    assert quote.text.startswith("Russia has moved two brigades")
    assert _code(quote) == "USAGOV"


def test_attribute_quote_trailing_attribution_is_indirect(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The army will double its presence in the north, Scholz told a panel on Tuesday."
    (quote,) = _quotes(nlp, text)
    assert quote.kind == "indirect"
    assert quote.text.startswith("The army will double its presence")
    assert _code(quote) == "DEUGOV"


def test_attribute_quote_headline_colon(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(nlp, "Guterres: the world must act on the famine now\n\nThe report came out.")
    (quote,) = quotes
    assert quote.kind == "indirect" and quote.cue is not None and quote.cue.text == ":"
    assert _code(quote) == "IGOUNO"


def test_attribute_quote_section_label_is_not_a_headline_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(nlp, "Background: the talks began in March in Geneva.") == ()


def test_attribute_quote_scare_quotes_are_not_speech(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'The ministry dismissed the report as "fake news" and a "provocation" on Monday.'
    assert _direct(_quotes(nlp, text)) == []


def test_attribute_quote_titles_are_not_speech(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'She watched a film called "Red Dawn" last night.\n\n"Red Dawn" is a film from 1984.'
    assert _quotes(nlp, text) == ()


def test_attribute_quote_short_fragment_with_a_cue_is_one_indirect_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(nlp, 'Zakharova said the accusations were "absurd".')
    (quote,) = quotes
    assert quote.kind == "indirect"
    assert quote.text == 'the accusations were "absurd"'
    assert _code(quote) == "RUSGOV"


def test_attribute_quote_apostrophes_make_no_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russia's envoy said the West's plan wouldn't work in the Joneses' town."
    assert _direct(_quotes(nlp, text)) == []


def test_speaker_for_span_inside_and_outside_a_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"Russia is sending troops to the border," Stoltenberg said. Markets fell.'
    _, annotation, actors = _parse(nlp, text)
    view = TextView(text, annotation)
    inside = text.index("sending")
    speaker = speaker_for_span(view, actors, inside, inside + len("sending troops"))
    assert speaker is not None and speaker.code == "IGOWSTNAT"
    outside = text.index("Markets")
    assert speaker_for_span(view, actors, outside, outside + 7) is None


def test_find_quotes_records_carry_producer_and_stable_ids(nlp) -> None:  # type: ignore[no-untyped-def]
    article, annotation, actors = _parse(nlp, '"We are ready," Scholz said.')
    first = find_quotes(article, annotation, actors)
    assert first == find_quotes(article, annotation, actors)
    (quote,) = first
    assert quote.producer == "communique.quotes.v1" and quote.doc_id == "t"
    assert quote.speaker is not None and quote.speaker.code == "DEUGOV"
    assert (quote.start, quote.end) == (0, len('"We are ready,"'))


def test_attribute_quote_continuity_stops_at_a_new_named_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"The harvest is lost in the whole northern region," Macron said.\n\n'
        "Agriculture Minister Claire Vautrin visited the farms on Tuesday.\n\n"
        '"Farmers will need help from the state for many months to come."'
    )
    _, second = _direct(_quotes(nlp, text))
    assert not second.inherited and _code(second) != "FRAGOV"


def test_make_speaker_a_named_speaker_keeps_the_name_beside_a_title_s_code(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We will appeal the ruling," said Rosa Pambeli, a Velora spokeswoman.'
    _, annotation, _ = _parse(nlp, text)
    view = TextView(text, annotation)
    start = text.index("spokeswoman")
    title = ActorMention("t", "GOV", start, start + len("spokeswoman"), "GOV", "spokeswoman")
    head = next(i for i in range(len(view)) if view.words[i] == "Pambeli")
    speaker = make_speaker(view, ActorLookup(view, [title]), head)
    assert speaker.actor is not None
    assert (speaker.actor.code, speaker.actor.name) == ("GOV", "Rosa Pambeli")  # the person


@pytest.mark.parametrize(
    "layout",
    [
        "{post} pic.twitter.com/x1y2z3 — Ana Brnabic (@anabrnabic) March 3, 2024",
        "{post}\n\n— Ana Brnabic (@anabrnabic) March 3, 2024",
    ],
)
def test_attribute_quote_an_embedded_post_is_its_owners_direct_quote(nlp, layout: str) -> None:  # type: ignore[no-untyped-def]
    post = "Serbia will never recognise the independence of Kosovo, whatever Brussels demands."
    lead = "Serbian Prime Minister Ana Brnabic wrote online on Sunday."
    text = f"{lead}\n\n{layout.format(post=post)}"
    (quote,) = [q for q in _quotes(nlp, text) if q.cue is not None and "(@" in q.cue.text]
    assert (quote.kind, quote.text, _code(quote)) == ("direct", post, "SRBGOV")
    assert quote.speaker is not None and quote.speaker.text == "Ana Brnabic"


def test_attribute_quote_a_long_paragraph_before_a_signature_is_no_post(nlp) -> None:  # type: ignore[no-untyped-def]
    # the post itself was lost; the article's own long paragraph is not the owner's words
    body = "Serbia and Kosovo met in Brussels on Sunday for talks on licence plates. " * 6
    text = f"{body.strip()}\n\n— Ana Brnabic (@anabrnabic) March 3, 2024"
    assert not [q for q in _quotes(nlp, text) if q.cue is not None and "(@" in q.cue.text]
