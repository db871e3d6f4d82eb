"""Quotation marks paired by characters: every kind of mark, and the ones that are not marks."""

from __future__ import annotations

from communique.quotes.detect import QuoteSpan, detect_quotes, paragraphs


def _texts(text: str) -> list[str]:
    return [quote.text(text) for quote in detect_quotes(text)]


def test_detect_quotes_straight_double_marks() -> None:
    text = '"We will hold the line," the mayor said. "Nobody leaves."'
    assert _texts(text) == ["We will hold the line", "Nobody leaves."]


def test_detect_quotes_curly_double_marks_and_span_keeps_the_marks() -> None:
    text = "Officials said: “The bridge reopens on Friday.” Traffic resumed."
    (quote,) = detect_quotes(text)
    assert text[quote.start : quote.end] == "“The bridge reopens on Friday.”"
    assert quote.text(text) == "The bridge reopens on Friday."


def test_detect_quotes_doubled_apostrophes_as_newspapers_print_them() -> None:
    text = "''Prices are falling,'' she said. ''Wages are not.''"
    assert _texts(text) == ["Prices are falling", "Wages are not."]


def test_detect_quotes_british_single_marks() -> None:
    text = "‘We shall not give way,’ the minister said. 'Not now,' she added."
    assert _texts(text) == ["We shall not give way", "Not now"]


def test_detect_quotes_apostrophes_are_not_marks() -> None:
    text = "Norland's envoy didn't agree with the Joneses' plan from the ’90s, or Estavia's."
    assert detect_quotes(text) == ()


def test_detect_quotes_possessive_inside_a_british_quote() -> None:
    text = "'The farmers' union will strike on Monday,' the organiser said."
    assert _texts(text) == ["The farmers' union will strike on Monday"]


def test_detect_quotes_quote_over_two_paragraphs_is_one_quote() -> None:
    text = "“We were told to wait.\n\n“Then the water came,” she said.\n\nThe river fell."
    (quote,) = detect_quotes(text)
    assert quote.closed and len(quote.parts) == 2
    assert quote.text(text) == "We were told to wait.\n\nThen the water came"
    assert text[quote.start : quote.end].endswith("came,”")


def test_detect_quotes_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "“The roads are closed.\n\nPolice reopened them later."
    (quote,) = detect_quotes(text)
    assert not quote.closed
    assert quote.text(text) == "The roads are closed."


def test_detect_quotes_nested_double_and_single_marks_stay_inside() -> None:
    text = "“He told me ‘no’ and then “never” again,” she said."
    (quote,) = detect_quotes(text)
    assert quote.text(text) == "He told me ‘no’ and then “never” again"


def test_detect_quotes_double_marks_inside_a_british_quote_are_nested() -> None:
    text = "‘They called it “a farce”,’ he said."
    assert _texts(text) == ["They called it “a farce”"]


def test_detect_quotes_brackets_stay_in_the_quote() -> None:
    text = '"They [the rebels] cannot win," the general said.'
    assert _texts(text) == ["They [the rebels] cannot win"]


def test_detect_quotes_mistyped_left_mark_closes() -> None:
    text = "He called them “thieves“ and “liars” in the speech."
    assert _texts(text) == ["thieves", "liars"]


def test_detect_quotes_inch_marks_are_not_quotes() -> None:
    assert detect_quotes('A 12"x9" sheet was found.') == ()


def test_paragraphs_are_non_blank_lines_without_edge_spaces() -> None:
    text = "  First line.\n\n\nSecond line.  \n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["First line.", "Second line."]


def test_quote_span_contains() -> None:
    quote = QuoteSpan(10, 20, ((11, 19),))
    assert quote.contains(10, 20) and quote.contains(12, 15)
    assert not quote.contains(5, 12)
