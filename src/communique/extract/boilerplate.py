"""Line-level boilerplate filter for plain text, with title and dateline detection.

Scraped plain text keeps the page chrome as lines of its own: advertising
slots, donation and newsletter prompts, share buttons, photo captions, bylines,
related-article links. This module drops such lines by general rules, never by
one site's strings, and reads a title and a dateline from the top of the text.

A line is read in this order (the first rule that applies decides):

1. chrome: a line repeated across the batch, a prompt (:data:`PROMPTS`) or a
   caption or credit (:data:`CAPTIONS`), matched against the whole line;
2. dateline: a line made only of a date, e.g. ``Wednesday, 19 June 2024, 09:12``
   (see :mod:`communique.extract._dateline`); at the top of the text a date may
   also start a line, and the rest of the line is read on;
3. title: at the top of the text, before any body line, the first line of 4–25
   words that does not end with a period and holds no sentence break; a later
   copy of it in the header (a repeated headline) is dropped;
4. fragment: three words or fewer without sentence-final punctuation
   (``Background``, ``USA TODAY``, ``1) Less famine``), or a label ending in a
   colon (``Background:``, ``In Germany:``). A label alone on its line is dropped
   because it carries no text; ``Details: …`` with text after the colon is kept.
   A colon line that reads as a clause (``He added:``, ``The minister told
   reporters:``) introduces a quote and is kept;
5. everything else is body, kept as one paragraph per line.

Bullets (``•``, ``●``, ``▪``, ``-``, ``*``) are stripped from the start of
kept lines; the text of a kept line is otherwise left exactly as it was.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from communique.extract._dateline import read_dateline

__all__ = ["CAPTIONS", "PROMPTS", "FilteredText", "filter_boilerplate", "repeated_lines"]

FRAGMENT_MAX_WORDS = 3
TITLE_MIN_WORDS = 4
TITLE_MAX_WORDS = 25
# The title must appear among the first lines of the text, chrome included.
TITLE_WINDOW = 8
# Prompts and captions are short: a long paragraph that merely mentions one is body.
PROMPT_MAX_WORDS = 40
CAPTION_MAX_WORDS = 60
# Quoted posts and wire copy also repeat across a batch: prose needs more repeats.
PROSE_MIN_WORDS = 6


def _alternatives(*patterns: str) -> re.Pattern[str]:
    """Compile patterns, each for a whole line, into one case-insensitive pattern."""
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


# Case-sensitive pieces (names start with a capital; "AP" is not "ap").
_NAME = r"(?-i:[A-Z][\w'’.&-]*)"
_GIVEN = r"(?-i:[A-Z][a-z][\w'’-]*|[A-Z]\.)"  # "Jane", "O'Brien", "H.", not "UNKNOWN"
_PERSON = rf"{_GIVEN}(?: {_GIVEN}){{1,2}}"
_PEOPLE = rf"{_NAME}(?: {_NAME}){{0,3}}(?:(?:,| and|, and) {_NAME}(?: {_NAME}){{0,3}})*"
# A credit: capitalised names joined by spaces or slashes ("Saul Loeb/AFP/Getty Images").
_CREDIT = rf"{_NAME}(?:(?:\s*/\s*|\s+(?:(?:via|for|and|of|the|de|van|von)\s+)?){_NAME})*\W*"
_AGENCY = (
    r"(?-i:Reuters|REUTERS|AP|AFP|Getty(?: Images)?|EPA(?:-EFE)?|EFE|Bloomberg|Xinhua|TASS|"
    r"Sputnik|Anadolu(?: Agency)?|AAP|PA(?: Images| Wire)?|Shutterstock|Alamy|iStock(?:photo)?|"
    r"UPI|dpa|DPA|Kyodo|Yonhap|KCNA|Pool|NurPhoto|SOPA Images|ZUMA(?: Press| Wire)?|Abaca|"
    r"Sipa(?: USA)?|Redux|WireImage|(?:The )?Associated Press|Agence France-Presse|Ukrinform|"
    r"RIA Novosti|Wikimedia Commons|Unsplash|Flickr|LightRocket|Corbis|Polaris)"
)
_SOCIAL = r"(?:facebook|twitter|x|pinterest|whatsapp|linkedin|email|e-mail|reddit|telegram|print)"
_PHOTO = r"(?:photo|image|picture|photograph|photographer|foto|illustration|graphic|credit)s?"

PROMPTS: tuple[re.Pattern[str], ...] = (
    # Advertising slots and the "continues below" markers left where an ad was.
    _alternatives(
        r"(?:advertisement|advertising|ads?|sponsored(?: content)?|promoted|anzeige|publicité|"
        r"publicidad|pubblicità|реклама)\W*",
        r"(?:story|article) continu(?:es|ed) (?:below|after)(?: (?:the )?(?:ad|advertisement))?\W*",
        r"continue reading(?: below| the main story)?\W*",
    ),
    # Donation, membership, subscription and newsletter prompts.
    _alternatives(
        r"(?:please )?(?:support|contribute)(?: now| today| here)?\W*",
        r"(?:please )?(?:support us|donate|subscribe|sign up)\b.*",
        r"support (?:our|\S+(?:’s|'s)) (?:\w+ )?journalism\b.*",
        r".*\bbecome (?:our|a) (?:patron|subscriber|supporter)\b.*",
        r".*\bmake a (?:one-time |monthly |small )?(?:donation|contribution)\b.*",
        r".*\bif you (?:enjoyed|like|value) (?:this|our) (?:article|story|journalism)\b.*",
        r".*\bby signing up,? you agree\b.*",
        r".*\bnewsletters?\b.*\b(?:sign up|subscribe)\b.*",
        r".*\b(?:sign up|subscribe) (?:to|for)\b.*\bnewsletters?\b.*",
        r".*\b(?:delivered )?(?:to|in) your inbox\b.*",
    ),
    # Share, follow and listen buttons.
    _alternatives(
        rf"share(?: this (?:article|story|page|post)| on {_SOCIAL}| via {_SOCIAL})?"
        rf"(?:[\s:|]+(?:share|tweet|post|{_SOCIAL}|copy link))*\W*",
        rf"(?:{_SOCIAL}\W+){{2,}}{_SOCIAL}?\W*",
        r"(?:follow|like|join) us (?:on|at)\b.*|.*\bsharing options\b.*",
        r".*\bfollow (?:him|her|them|us|me) on (?:twitter|facebook|instagram|x|telegram)\W*"
        r"(?:@\w+)?\W*",
        r"listen to (?:this |the )?(?:article|story)\b.*|.*\bon apple podcasts\b.*",
        r".*\bwherever you (?:get|listen to) (?:your )?podcasts\b.*",
    ),
    # Menus and breadcrumbs: three or more short items between bars, chevrons or dots.
    _alternatives(r"(?:[^|»›>·.!?]{1,30}\s*[|»›>·]\s*){2,}[^|»›>·.!?]{1,30}"),
    # Related-article links, "read more" teasers, video players and page widgets.
    _alternatives(
        r"(?:read more|more|related(?: coverage| articles?| stories| content| news)?|see also|"
        r"also read|read also|read|watch|recommended|most read|trending|full coverage)\s*:.*",
        r"related (?:coverage|articles?|stories)\b.*|read or share this story\b.*",
        r"(?-i:.*\sRead more)",  # a headline teaser with the link text after it
        r"(?:click|tap)\b.*|.*\b(?:click|tap) here\b.*",
        r"play video\b.*|(?:just watched|must watch)\b.*|.*\breplay more videos\b.*",
        r"visit \S.*\bhomepage\b.*|.*\bdownload (?:the|our) .{1,40}\bapp\b.*",
        r"(?-i:(?:CLOSE|MENU|SKIP AD)\s.*)",  # buttons scraped with the caption they close
        r"loading\W*|.*\byour browser does not support\b.*",
        r"this article is more than \d+ \w+ old\W*",
    ),
    # Cookie notices, copyright, licensing and opinion disclaimers.
    _alternatives(
        r".*\b(?:we|this (?:site|website)) uses? cookies\b.*",
        r".*\bcookie (?:policy|settings|preferences)\b.*",
        r"(?:accept|manage|reject) (?:all )?cookies\W*",
        r"(?:copyright\b|©|\(c\)\s).*|.*\ball rights reserved\W*",
        r".*\b(?:reprint|republication) permission\b.*|.*\blicensing opportunities\b.*",
        r"the (?:opinions|views) expressed (?:by|in)\b.*",
    ),
    # Staff credits and bylines.
    _alternatives(
        r"(?:contributing|(?:additional )?reporting|writing|editing)(?: by)?\s*:\s*\S.*",
        r"(?:(?:additional )?reporting|writing|editing|edited) by [^.]*",
        r".*\bcontributed (?:to )?(?:this|the) (?:report|article|story)\W*",
        r"[-—–]?\s*with assistance (?:from|by)\b.*",
        rf"by\s+{_PEOPLE}(?:,\s*[^.]{{1,60}})?",  # "By Jane Doe, Reuters"
        rf"{_PERSON}(?:(?:,| and|, and) {_PERSON})+",  # "Jane Doe and John Roe"
    ),
)
"""Navigation, advertising, donation, subscription, share and credit lines."""

CAPTIONS: tuple[re.Pattern[str], ...] = (
    # A caption or credit that opens with its label: "Photo: …", "FILE PHOTO: …".
    _alternatives(rf"(?:file |stock )?(?:{_PHOTO}|caption)(?: credit)?\s*[:|].*"),
    # A credit that closes a caption: "… Stock photo: Getty Images", "(Jane Doe/Reuters)".
    _alternatives(
        rf".*\b{_PHOTO}(?-i: by|:)\s+{_CREDIT}",
        rf".*\(\s*(?:[^()]{{0,60}}/\s*)?(?:via )?{_AGENCY}"
        rf"(?:\s+(?:photo|file|pool)\b[^()]{{0,60}})?\)\s*",
        # after a caption sentence: "… 2018. (Official website/Handout)"
        rf".*[.!?][\"”’]?\s*\((?:[^()]{{1,80}}/[^()]{{1,80}}|{_CREDIT})\)\s*",
        r".*\((?:photo|image|picture|credit)s?:[^()]{1,80}\)\s*",
        # a caption, a bar and its credit, glued to what follows: "… said. | Jane Doe/AP …"
        rf".*[.!?][\"”’]?\s+\|\s+{_NAME}(?: {_NAME})*\s*/.*",
        rf".*\b{_AGENCY}\s*/\s*(?:via\s+)?{_CREDIT}|.*/\s*(?:via\s+)?{_AGENCY}\s*",
        rf".*\bvia {_AGENCY}\s*",
    ),
    # Gallery widgets left in the text.
    _alternatives(
        r".*\btoggle caption\b.*|slideshow\b.*|.*\(\d+ (?:images|photos)\)\W*",
        r"(?:enlarge|expand) (?:this )?image\b.*|hide caption\b.*",
    ),
)
"""Photo captions and credits."""

_BULLET = re.compile(r"(?:[•●▪◦‣]\s*|[-*]\s+)(?=\S)")
_SENTENCE_END = re.compile(r"[.!?…。！？؟][\"'”’»)\]]*$")
_SENTENCE_MARK = re.compile(r"[.!?…。！？؟][\"'”’»)\]]*(?:\s|$)")
# A sentence break: a word, end punctuation, then a capital ("Welcome to 2018! As …").
_SENTENCE_BREAK = re.compile(r"(\w+)([.!?])[\"”’]?\s+(?:\|\s+)?[\"“‘(]?[A-Z]")
# Words that end with a period without ending a sentence ("Mrs. May", "Gen. Milley").
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "sen", "rep", "gov", "gen", "col", "lt", "sgt"}
    | {"capt", "rev", "prof", "inc", "corp", "co", "ltd", "vs", "etc", "no", "sept"}
    | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass(frozen=True, slots=True)
class FilteredText:
    """The result of :func:`filter_boilerplate`.

    Attributes:
        text: The kept lines, one paragraph each, separated by ``"\\n\\n"``; the title
            and dateline lines are not in it.
        title: The title read from the top of the text, or ``None``.
        published: The dateline as ISO 8601 (``2024-06-19`` or ``2024-06-19T09:12``).
        dropped: Every dropped line, stripped, in order: the dateline included (or the
            date that started a line), the title not (it is in ``title``).
    """

    text: str
    title: str | None
    published: str | None
    dropped: tuple[str, ...]


@dataclass(slots=True)
class _Reading:
    """What has been read so far while walking the lines of one text."""

    repeated: frozenset[str]
    title: str | None = None
    published: str | None = None
    in_header: bool = True  # no body line kept yet
    seen: int = 0  # non-empty lines read
    kept: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def filter_boilerplate(text: str, repeated: frozenset[str] = frozenset()) -> FilteredText:
    """Drop boilerplate lines from plain text and read its title and dateline.

    Args:
        text: The plain text of one document.
        repeated: Normalised lines seen in several documents of the batch
            (from :func:`repeated_lines`); they are dropped as site chrome.

    Returns:
        The kept text with the title, the publication date and the dropped lines.
    """
    reading = _Reading(repeated)
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if line:
            reading.seen += 1
            _read_line(line, reading)
    return FilteredText(
        text="\n\n".join(reading.kept),
        title=reading.title,
        published=reading.published,
        dropped=tuple(reading.dropped),
    )


def repeated_lines(texts: Iterable[str], min_docs: int = 3) -> frozenset[str]:
    """Return the lines that occur in several texts of a batch (site chrome).

    A line counts once per text. Never fewer than two texts are required, so a
    batch of one gives nothing. Because wire copy and quoted posts also recur
    across a batch, a line that reads as prose (at least six words and a
    sentence end) must occur in twice as many texts.

    Args:
        texts: The plain texts of one batch.
        min_docs: How many different texts a line must occur in.

    Returns:
        The repeated lines, normalised (stripped, inner whitespace collapsed).
    """
    threshold = max(min_docs, 2)
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({normalise_line(line) for line in text.splitlines() if line.strip()})
    return frozenset(
        line
        for line, count in counts.items()
        if count >= (2 * threshold if _is_prose(line) else threshold)
    )


def normalise_line(line: str) -> str:
    """Return ``line`` stripped, with runs of whitespace collapsed to one space."""
    return " ".join(line.split())


def _read_line(line: str, reading: _Reading) -> None:
    content = _strip_bullet(line)
    if _is_chrome(line, content, reading.repeated):
        reading.dropped.append(line)
        return
    dateline = read_dateline(content, allow_rest=reading.in_header)
    if dateline is not None:
        reading.published = reading.published or dateline.published
        if not dateline.rest:
            reading.dropped.append(line)
            return
        reading.dropped.append(content[: len(content) - len(dateline.rest)].strip())
        _read_line(dateline.rest, reading)
        return
    _read_content(line, content, reading)


def _read_content(line: str, content: str, reading: _Reading) -> None:
    if reading.in_header:
        if reading.title is None and reading.seen <= TITLE_WINDOW and _is_title(content):
            reading.title = content
            return
        if reading.title is not None and normalise_line(content) == normalise_line(reading.title):
            reading.dropped.append(line)  # the headline printed twice
            return
    if _is_fragment(content):
        reading.dropped.append(line)
        return
    reading.kept.append(content)
    reading.in_header = False


def _is_chrome(line: str, content: str, repeated: frozenset[str]) -> bool:
    if normalise_line(line) in repeated or normalise_line(content) in repeated:
        return True
    words = _word_count(content)
    if words <= PROMPT_MAX_WORDS and any(p.fullmatch(content) for p in PROMPTS):
        return True
    return words <= CAPTION_MAX_WORDS and any(p.fullmatch(content) for p in CAPTIONS)


def _is_title(line: str) -> bool:
    words = _word_count(line)
    # A question or exclamation at the top is more often the lede than the headline,
    # and a missed title costs less than a body line taken away.
    return (
        TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS
        and line[-1] not in ":;,"
        and _SENTENCE_END.search(line) is None
        and not _has_sentence_break(line)
    )


def _has_sentence_break(line: str) -> bool:
    for match in _SENTENCE_BREAK.finditer(line):
        word, mark = match[1], match[2]
        # An initial ("U.S."), an acronym or a title abbreviation does not end a sentence.
        if mark != ".":
            return True
        if len(word) > 1 and not word.isupper() and word.lower() not in _ABBREVIATIONS:
            return True
    return False


def _is_fragment(line: str) -> bool:
    if _SENTENCE_END.search(line):
        return False
    words = line.split()
    if not line.endswith(":"):
        return _word_count(line) <= FRAGMENT_MAX_WORDS
    # "Background:" and "In Germany:" label a section; "He added:" introduces a quote.
    return len(words) == 1 or (len(words) == 2 and not words[1][:1].islower())


def _is_prose(line: str) -> bool:
    # Any sentence end counts: an embedded post ends with its signature, not a period.
    return _word_count(line) >= PROSE_MIN_WORDS and _SENTENCE_MARK.search(line) is not None


def _strip_bullet(line: str) -> str:
    return _BULLET.sub("", line, count=1) if _BULLET.match(line) else line


def _word_count(line: str) -> int:
    # Chinese, Japanese and Korean runs have no spaces: count two characters as a word.
    return len(line.split()) + len(_CJK.findall(line)) // 2
