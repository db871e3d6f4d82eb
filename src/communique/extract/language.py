"""Language identification by writing system and stopword profile.

Small and fast on purpose: the language only picks models and lexicons, and news
text is long enough that a handful of very common words decides it. The writing
system decides first: Cyrillic (Ukrainian by its own letters, else Russian;
Bulgarian, Serbian, Macedonian and Belarusian are recognised only to give ``None``),
Arabic script (Persian and Urdu by their own letters, else Arabic), Hangul,
Japanese kana, Chinese characters, Greek and Hebrew. Latin-script text is
scored against short lists of the most frequent function words of English,
French, German, Spanish, Italian and Portuguese; the best list must match
clearly more words than the runner-up. Anything else, or text too short to
judge, gives ``None``.
"""

from __future__ import annotations

import re

__all__ = ["detect_language"]

# Only the start of a long text is read: a few thousand characters decide.
SAMPLE_CHARS = 6000
MIN_LETTERS = 10
MIN_WORDS = 5
# Share of the words that must be stopwords of the winning language.
MIN_STOPWORD_SHARE = 0.12
# The winner must beat the runner-up by this factor (Spanish and Portuguese share words).
MIN_MARGIN = 1.3
# Share of a script's letters that identifies a language written in it.
MARKER_SHARE = 0.005

_SCRIPTS: dict[str, re.Pattern[str]] = {
    "latin": re.compile(r"[A-Za-z\u00c0-\u00ff\u0100-\u024f]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "arabic": re.compile(r"[\u0600-\u06ff\u0750-\u077f]"),
    "han": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]"),
    "kana": re.compile(r"[\u3040-\u30ff]"),
    "hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"),
    "greek": re.compile(r"[\u0370-\u03ff]"),
    "hebrew": re.compile(r"[\u0590-\u05ff]"),
}
# Letters one language of a script uses and its neighbours do not.
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")
_OTHER_CYRILLIC = re.compile(r"[ђјљњћџѓќѕўЂЈЉЊЋЏЃЌЅЎ]")  # Serbian, Macedonian, Belarusian
_RUSSIAN = re.compile(r"[ыэЫЭ]")
_HARD_SIGN = re.compile(r"[ъЪ]")  # frequent in Bulgarian, which has no ы or э
_PERSIAN = re.compile(r"[پچژگ]")
_URDU = re.compile(r"[ٹڈڑںے]")

_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to in is that for it was on with as by he said at from his be have has "
        "are were but not this they who an which had been will their its would after",
        "fr": "le la les des du et est une dans qui pour pas au aux sur ne il elle ce cette sont "
        "avec par plus été ont se son sa ses leur mais comme nous vous où selon",
        "de": "der die das und ist nicht ein eine zu den mit von sich auf dem des im für es auch "
        "sie er wird wurde hat haben sind bei nach aus dass als wie oder noch",
        "es": "el la los las de del y en que un una es por con para se no lo al como su sus más "
        "pero fue ha han este esta entre sobre también según",
        "it": "il lo la gli le di del della dei delle è in che un una per non con sono nel nella "
        "al alla ha ma come anche più questo questa si da",
        "pt": "o os as de do da dos das é em no na nos nas que um uma para com não por ao se mais "
        "foi como mas seu sua pelo pela também são",
    }.items()
}
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of the language of ``text``.

    Args:
        text: Any text; only the first :data:`SAMPLE_CHARS` characters are read.

    Returns:
        ``en``, ``fr``, ``de``, ``es``, ``it``, ``pt`` (by stopwords), ``ru``, ``uk``,
        ``ar``, ``fa``, ``ur``, ``zh``, ``ja``, ``ko``, ``el`` or ``he`` (by writing
        system), or ``None`` when the text is too short or the evidence unclear.
    """
    sample = text[:SAMPLE_CHARS]
    counts = {script: len(pattern.findall(sample)) for script, pattern in _SCRIPTS.items()}
    letters = sum(counts.values())
    if letters < MIN_LETTERS:
        return None
    cjk = counts["han"] + counts["kana"]
    if cjk >= letters / 2:
        return "ja" if counts["kana"] >= cjk * 0.05 else "zh"
    script = max(counts, key=lambda name: counts[name])
    if counts[script] < letters / 2:
        return None  # no writing system dominates
    if script == "latin":
        return _detect_by_stopwords(sample)
    if script == "cyrillic":
        return _detect_cyrillic(sample, counts[script])
    if script == "arabic":
        return _detect_arabic(sample, counts[script])
    return {"hangul": "ko", "greek": "el", "hebrew": "he"}.get(script)


def _detect_by_stopwords(sample: str) -> str | None:
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS:
        return None
    scores = sorted(
        (
            (sum(word in stopwords for word in words), lang)
            for lang, stopwords in _STOPWORDS.items()
        ),
        reverse=True,
    )
    (best, lang), (second, _) = scores[0], scores[1]
    if best < MIN_STOPWORD_SHARE * len(words) or best < 2 or best < MIN_MARGIN * second:
        return None
    return lang


def _detect_cyrillic(sample: str, letters: int) -> str | None:
    if len(_OTHER_CYRILLIC.findall(sample)) > letters * MARKER_SHARE:
        return None  # Serbian, Macedonian or Belarusian: not identified here
    if len(_UKRAINIAN.findall(sample)) > letters * MARKER_SHARE:
        return "uk"
    if not _RUSSIAN.search(sample) and len(_HARD_SIGN.findall(sample)) > letters * MARKER_SHARE:
        return None  # Bulgarian
    return "ru"


def _detect_arabic(sample: str, letters: int) -> str | None:
    if len(_URDU.findall(sample)) > letters * MARKER_SHARE:
        return "ur"
    return "fa" if len(_PERSIAN.findall(sample)) > letters * MARKER_SHARE else "ar"
