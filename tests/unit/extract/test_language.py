"""Language identification by writing system and stopwords, on invented news sentences."""

from __future__ import annotations

import pytest

from communique.extract.language import detect_language

SAMPLES = {
    "en": "The foreign minister said on Tuesday that the talks with the rebels had been "
    "suspended because the ceasefire was broken.",
    "fr": "Le ministre des Affaires étrangères a déclaré mardi que les négociations avec les "
    "rebelles étaient suspendues parce que le cessez-le-feu a été rompu.",
    "de": "Der Außenminister sagte am Dienstag, dass die Gespräche mit den Rebellen "
    "ausgesetzt wurden, weil die Waffenruhe nicht eingehalten wurde.",
    "es": "El ministro de Asuntos Exteriores dijo el martes que las conversaciones con los "
    "rebeldes se suspendieron porque el alto el fuego fue violado.",
    "it": "Il ministro degli Esteri ha detto martedì che i colloqui con i ribelli sono stati "
    "sospesi perché il cessate il fuoco non è stato rispettato.",
    "pt": "O ministro dos Negócios Estrangeiros disse na terça-feira que as conversas com os "
    "rebeldes foram suspensas porque o cessar-fogo não foi respeitado.",
    "ru": "Министр иностранных дел заявил во вторник, что переговоры с повстанцами "
    "приостановлены, потому что режим прекращения огня был нарушен.",
    "uk": "Міністр закордонних справ заявив у вівторок, що переговори з повстанцями "
    "призупинено, бо режим припинення вогню було порушено.",
    "zh": "外交部长周二表示，由于停火协议遭到破坏，与叛军的谈判已经暂停。",
    "ja": "外務大臣は火曜日、停戦が破られたため、反政府勢力との協議を中断したと述べた。",
    "ko": "외교부 장관은 화요일 휴전이 깨졌기 때문에 반군과의 회담이 중단되었다고 말했다.",
    "ar": "قال وزير الخارجية يوم الثلاثاء إن المحادثات مع المتمردين علقت "
    "لأن وقف إطلاق النار انتهك.",
}


@pytest.mark.parametrize(("lang", "text"), sorted(SAMPLES.items()))
def test_detect_language_identifies_each_language(lang: str, text: str) -> None:
    assert detect_language(text) == lang


def test_detect_language_persian_is_not_arabic() -> None:
    text = "وزیر امور خارجه روز سه‌شنبه گفت که گفتگو با شورشیان متوقف شده است چون آتش‌بس نقض شد."
    assert detect_language(text) == "fa"


@pytest.mark.parametrize("text", ["", "   ", "Kyiv", "12:30 — 4:0", "NATO, EU"])
def test_detect_language_too_short_is_none(text: str) -> None:
    assert detect_language(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "De minister zei dinsdag dat de gesprekken met de rebellen waren opgeschort.",
        "Министърът заяви във вторник, че преговорите с бунтовниците са прекратени.",
        "Министар је у уторак рекао да су преговори са побуњеницима обустављени.",
    ],
)
def test_detect_language_unsupported_language_is_none(text: str) -> None:
    assert detect_language(text) is None


def test_detect_language_without_stopwords_is_none() -> None:
    assert detect_language("Vladimir Putin Volodymyr Zelensky Recep Tayyip Erdogan") is None


def test_detect_language_close_romance_languages_are_told_apart() -> None:
    spanish = "El gobierno dijo que no habrá más negociaciones con los rebeldes este año."
    portuguese = "O governo disse que não haverá mais negociações com os rebeldes este ano."
    assert detect_language(spanish) == "es"
    assert detect_language(portuguese) == "pt"


def test_detect_language_reads_only_the_start_of_long_text() -> None:
    text = SAMPLES["en"] * 2000 + SAMPLES["de"] * 10
    assert detect_language(text) == "en"
