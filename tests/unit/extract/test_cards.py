"""Name cards inside sentences (a full name glued to headlines, up to "MORE"): our own texts."""

from __future__ import annotations

from communique.extract import extract_article
from communique.extract._cards import drop_name_cards
from communique.records import RawDocument

CARD = (
    "Senator Ana Ruiz Ana Maria RuizRuiz unveils farm bill Voters sour on tariff plan "
    "Budget talks stall again MORE"
)
TEXT = (
    f"{CARD} said on Monday that the treaty with Chile would pass.\n\n"
    "Minister Karl Vos Karl Johan VosVos to visit Lima Port strike ends MORE (Lab.) and the "
    "Minister of Trade Rui Costa met in Porto."
)


def test_drop_name_cards_keeps_the_name_as_written_and_the_sentence() -> None:
    text, cards = drop_name_cards(TEXT)
    assert text.startswith("Senator Ana Ruiz said on Monday that the treaty with Chile")
    assert "Minister Karl Vos (Lab.) and the Minister of Trade Rui Costa met" in text
    assert cards == (
        "Ana Maria RuizRuiz unveils farm bill Voters sour on tariff plan Budget talks stall "
        "again MORE",
        "Karl Johan VosVos to visit Lima Port strike ends MORE",
    )


def test_drop_name_cards_leaves_ordinary_text_alone() -> None:
    # mixed-case names and a capitalised "MORE" elsewhere are no card
    text = "Andy McCabe met Ana DeVos in Bonn.\n\nREAD MORE: the summit in Oslo. McCain said MORE."
    assert drop_name_cards(text) == (text, ())


def test_extract_article_cuts_cards_from_plain_text_and_keeps_them_as_dropped() -> None:
    raw = RawDocument(id="x", origin="x.txt", data=TEXT.encode(), text=TEXT, media_type="text")
    article = extract_article(raw)
    assert "MORE" not in article.text and "Budget talks stall" not in article.text
    assert any("Budget talks stall again MORE" in line for line in article.dropped_lines)
