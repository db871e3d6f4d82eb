"""The plain-text boilerplate filter: one test per rule, each with lines that must survive.

All fixtures are invented news text.
"""

from __future__ import annotations

import dataclasses

import pytest

from communique.extract.boilerplate import FilteredText, filter_boilerplate, repeated_lines

BODY = (
    "The foreign ministers of Norland and Estovia met in Vienna on Tuesday to discuss the border."
)


def paragraphs(result: FilteredText) -> list[str]:
    return result.text.split("\n\n") if result.text else []


def kept(line: str) -> bool:
    """Whether ``line`` survives when it stands in the middle of an article body."""
    result = filter_boilerplate(f"{BODY}\n\n{line}\n\nThe talks will resume next month.")
    return line.strip() in paragraphs(result)


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT:",
        "Story continues below advertisement",
        "Support Us",
        "Support us or become our patron!",
        "Donate now",
        "Please subscribe to keep independent reporting alive.",
        "Sign up for our newsletter",
        "Get the morning briefing delivered to your inbox.",
        "Share this article",
        "SHARE THIS ARTICLE Share Tweet Email",
        "Follow us on Telegram",
        "Read more: Estovia recalls its ambassador",
        "Related: Border talks collapse in Vienna",
        "Click here to read the full statement.",
        "This website uses cookies to improve your experience.",
        "Copyright © 2024 Estovia Daily. All rights reserved.",
        "Reporting by Jane Doe; Editing by John Roe",
        "Local reporters contributed to this report.",
        "By Jane Doe and John Roe",
        "Jane Doe and John Roe",
    ],
)
def test_prompt_lines_are_dropped(line: str) -> None:
    result = filter_boilerplate(f"{BODY}\n\n{line}\n\nThe talks will resume next month.")
    assert paragraphs(result) == [BODY, "The talks will resume next month."]
    assert result.dropped == (line,)


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the advertisement campaign was illegal.",
        "Share prices in Estovia fell 3 percent after the announcement.",
        "Supporters of the treaty said it would be ratified by June.",
        "Donations to the ruling party rose sharply last year.",
        "The ministry said it would subscribe to the principles of the accord.",
        "Officials said readers could sign up for evacuation alerts by text message, a first.",
        "“Read more carefully,” the judge told the prosecutor.",
    ],
)
def test_prompt_lookalikes_are_kept(line: str) -> None:
    assert kept(line)


@pytest.mark.parametrize(
    "line",
    [
        "Photo: Jane Doe/Reuters",
        "Image: Estovian Ministry of Defence",
        "FILE PHOTO: Soldiers patrol the border near Lisk on March 3.",
        "Soldiers patrol the border near Lisk. Stock photo: Getty Images",
        "Foreign Minister Anna Berg arrives in Vienna. (Jane Doe/Reuters)",
        "Protesters gather outside parliament in Lisk (AFP)",
        "President Tamm speaks in Lisk, May 4, 2024. REUTERS/John Roe",
        "Anna Berg at the talks. Photograph: John Roe/AP",
        "Enlarge this image toggle caption John Roe/AP John Roe/AP",
        "Slideshow (5 Images)",
    ],
)
def test_captions_and_credits_are_dropped(line: str) -> None:
    assert not kept(line)


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the photo was fake.",
        "He posted a photo by a local artist on his account.",
        "LISK (Reuters) - Estovia's foreign minister accused Norland of meddling on Tuesday.",
        "A Reuters/Ipsos poll found 40 percent support for the deal.",
        "The agency released an image of the damaged bridge on Monday.",
    ],
)
def test_caption_lookalikes_are_kept(line: str) -> None:
    assert kept(line)


@pytest.mark.parametrize(
    "line", ["Background:", "Details:", "USA TODAY", "Live updates", "In Lisk:"]
)
def test_short_fragments_and_lone_labels_are_dropped(line: str) -> None:
    assert not kept(line)


@pytest.mark.parametrize(
    "line",
    [
        "Background: The two countries fought a border war in 1994.",
        "Source: a ministry statement published on Tuesday evening",
        "He added:",
        "The minister told reporters:",
        "Talks failed.",
        "“We will not retreat.”",
        "Why now?",
    ],
)
def test_short_sentences_and_labels_with_text_are_kept(line: str) -> None:
    assert kept(line)


def test_repeated_lines_are_dropped_and_other_lines_kept() -> None:
    text = f"{BODY}\n\nLisk Daily  News\n\nThe talks will resume next month."
    result = filter_boilerplate(text, frozenset({"Lisk Daily News"}))
    assert paragraphs(result) == [BODY, "The talks will resume next month."]
    assert result.dropped == ("Lisk Daily  News",)


def test_repeated_lines_need_min_docs_texts() -> None:
    chrome = "Lisk  Daily News Live"
    texts = [f"{chrome}\nStory {i} about the border.\nShared twice" for i in range(3)]
    texts[2] = texts[2].replace("Shared twice", "")
    assert repeated_lines(texts) == frozenset({"Lisk Daily News Live"})
    assert repeated_lines(texts, min_docs=2) == frozenset({"Lisk Daily News Live", "Shared twice"})


def test_repeated_lines_counts_a_line_once_per_text() -> None:
    assert repeated_lines(["Menu\nMenu\nMenu\nBody text."]) == frozenset()
    assert repeated_lines(["Menu", "Menu"], min_docs=1) == frozenset({"Menu"})


def test_repeated_lines_needs_more_texts_for_prose() -> None:
    quote = "Estovia will never give up a single village, the president wrote."
    texts = [f"Story {i}.\n{quote}" for i in range(4)]
    assert repeated_lines(texts) == frozenset()
    assert repeated_lines(texts * 2) == frozenset({quote})


def test_title_and_dateline_are_read_and_removed() -> None:
    text = (
        "Support Us\n\nEstovia and Norland agree to reopen border crossings\n\n"
        "Wednesday, 19 June 2024, 09:12\n"
        "Estovia and Norland agree to reopen border crossings\n"
        f"Anna Berg. Stock photo: Getty Images\n\n{BODY}\n"
    )
    result = filter_boilerplate(text)
    assert result.title == "Estovia and Norland agree to reopen border crossings"
    assert result.published == "2024-06-19T09:12"
    assert paragraphs(result) == [BODY]
    assert result.dropped == (
        "Support Us",
        "Wednesday, 19 June 2024, 09:12",
        "Estovia and Norland agree to reopen border crossings",
        "Anna Berg. Stock photo: Getty Images",
    )


@pytest.mark.parametrize(
    ("dateline", "published"),
    [
        ("Wednesday, 19 June 2024, 09:12", "2024-06-19T09:12"),
        ("June 19, 2024", "2024-06-19"),
        ("19.06.2024 09:12", "2024-06-19T09:12"),
        ("2024-06-19", "2024-06-19"),
        ("Updated: June 19, 2024 9:12 p.m. ET", "2024-06-19T21:12"),
        ("Published 19 Jun 2024 | 09:12 BST", "2024-06-19T09:12"),
        ("2024-06-19T09:12:00Z", "2024-06-19T09:12"),
        ("Publié le 19 juin 2024 à 09h12", "2024-06-19T09:12"),
        ("19 червня 2024, 09:12", "2024-06-19T09:12"),
    ],
)
def test_dateline_formats(dateline: str, published: str) -> None:
    result = filter_boilerplate(f"{dateline}\n{BODY}")
    assert result.published == published
    assert paragraphs(result) == [BODY]


def test_dateline_time_only_is_dropped_without_a_date() -> None:
    result = filter_boilerplate(f"{BODY}\n\nUpdated at 9:15 p.m. ET\n\nTalks will resume.")
    assert result.published is None
    assert paragraphs(result) == [BODY, "Talks will resume."]


def test_first_dateline_wins() -> None:
    result = filter_boilerplate(f"Published June 18, 2024\nUpdated June 19, 2024\n{BODY}")
    assert result.published == "2024-06-18"


def test_dateline_starting_a_header_line_is_split_off() -> None:
    result = filter_boilerplate(f"19.06.2024 09:12 | {BODY}")
    assert result.published == "2024-06-19T09:12"
    assert paragraphs(result) == [BODY]


def test_dates_inside_body_sentences_are_not_datelines() -> None:
    lines = [BODY, "Talks resume on 19 June 2024.", "12 May 2019 — The leaders met in Lisk."]
    result = filter_boilerplate("\n".join(lines))
    assert result.published is None
    assert paragraphs(result) == lines


@pytest.mark.parametrize(
    "first",
    [
        "Norland says talks with Estovia will resume.",  # a sentence
        "Will Norland and Estovia ever agree on the border?",  # a question is more often a lede
        "Border talks",  # too short
        "Talks stall. Estovia blames Norland for the delay",  # two sentences
    ],
)
def test_title_is_not_a_sentence_or_a_fragment(first: str) -> None:
    assert filter_boilerplate(f"{first}\n{BODY}").title is None


def test_title_must_come_before_the_body() -> None:
    text = f"{BODY}\nNorland and Estovia sign the accord\nThe treaty enters into force in July."
    result = filter_boilerplate(text)
    assert result.title is None
    assert "Norland and Estovia sign the accord" in paragraphs(result)


def test_title_copy_in_the_body_is_kept() -> None:
    title = "Norland and Estovia sign the border accord"
    result = filter_boilerplate(f"{title}\n{BODY}\n{title}")
    assert result.title == title
    assert paragraphs(result) == [BODY, title]


@pytest.mark.parametrize("bullet", ["• ", "●", "▪ ", "- ", "* "])
def test_bullets_are_stripped_and_the_line_kept(bullet: str) -> None:
    result = filter_boilerplate(f"{BODY}\n  {bullet}Troops withdrew from the town of Lisk.")
    assert paragraphs(result) == [BODY, "Troops withdrew from the town of Lisk."]


def test_bullet_chrome_is_still_dropped() -> None:
    assert paragraphs(filter_boilerplate(f"{BODY}\n• Advertisement")) == [BODY]


def test_kept_text_is_byte_identical_and_one_paragraph_per_line() -> None:
    lines = [
        "“We won’t sign,” said Ms. Berg — twice.",
        "It's the ministry's  \"final\" offer, she added.",
    ]
    result = filter_boilerplate("\n".join(f"  {line}\t" for line in lines))
    assert result.text == "\n\n".join(lines)
    assert result.dropped == ()


def test_chinese_paragraph_is_not_a_fragment() -> None:
    line = "外交部发言人周二表示，两国将在下个月恢复边境谈判。"
    assert paragraphs(filter_boilerplate(line)) == [line]


def test_empty_text() -> None:
    assert filter_boilerplate("\n \n") == FilteredText("", None, None, ())


def test_filtered_text_is_frozen() -> None:
    result = filter_boilerplate(BODY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = ""  # type: ignore[misc]


def test_filter_boilerplate_drops_menu_and_breadcrumb_lines() -> None:
    text = (
        "Home | World | Europe | Newsletter\n"
        "News › Politics › Elections\n"
        "Talks between the two governments resumed in Oslo on Monday.\n"
        "Prices rose 3% in May | June figures follow next week.\n"
    )
    result = filter_boilerplate(text)
    assert "Home | World | Europe | Newsletter" in result.dropped
    assert "News › Politics › Elections" in result.dropped
    assert "Talks between the two governments resumed in Oslo on Monday." in result.text
    assert "Prices rose 3% in May | June figures follow next week." in result.text


def test_extract_article_keeps_a_one_line_text_as_its_body() -> None:
    from communique.extract import extract_article
    from communique.records import RawDocument

    line = "Chile and Peru signed a border accord in Lima on Monday"
    raw = RawDocument(id="x", origin="x.txt", data=line.encode(), text=line, media_type="text")
    article = extract_article(raw)
    assert article.text == line
