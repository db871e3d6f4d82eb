"""Matching coded actor mentions to gold actors, and the counts the actor report is made of.

Gold actors are placed in the article text the pipeline produced (extraction
may drop or change lines), then matched to mentions by character overlap:

* a gold actor is *found* (PLOVER) when a mention overlaps its span, or
  *contains* a mention (ConfliBERT, whose spans are loose phrases);
* its country and sector are judged on the mention that overlaps it most;
* a mention that overlaps no gold actor is *extra*: possibly right but unlabelled.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from communique.evaluate._actor_gold import GoldActor, GoldSentence
from communique.records import ActorMention

# Shown in confusions where we coded no value.
NONE = "-"
# CAMEO "country" codes whose remaining letters name an organisation, not a sector.
_ORGANISATION_PREFIXES = frozenset({"IGO", "NGO", "MNC"})
# CAMEO sector codes an organisation's code may carry after its prefix (NGOHLHRCR: the Red
# Crescent, health; IGOUNOREFHCR: the UN refugee agency, refugees).
_ORGANISATION_SECTORS = frozenset(
    {"HLH", "HRI", "REF", "MED", "BUS", "REB", "INS", "LAB", "EDU", "REL", "ENV", "DEV", "AGR"}
)
# Gold sectors that mean "unspecified".
_NO_SECTOR = frozenset({"", "***"})
# The PLOVER gold records use PLOVER's sector words where CAMEO has others: MED is medical
# (CAMEO HLH), JRN journalists (CAMEO MED), and CIV is written for civilians (CAMEO CVL).
_PLOVER_TO_CAMEO_SECTOR = {"MED": "HLH", "JRN": "MED", "CIV": "CVL"}
# Older country codes some gold records still use, read as the ISO codes we write.
_LEGACY_COUNTRY_CODES = {"ITL": "ITA", "JAP": "JPN"}
_SENTENCE_WIDTH = 100
_WORD_GAP = re.compile(r"\s+|\.{2,}")


@dataclass(frozen=True, slots=True)
class FieldScore:
    """How often one field was right: ``right`` of ``total`` (``accuracy`` None when 0)."""

    name: str
    right: int
    total: int
    accuracy: float | None


@dataclass(frozen=True, slots=True)
class Confusion:
    """A (gold, ours) pair of values that differ, and how often it occurred."""

    field: str
    gold: str
    ours: str
    count: int


@dataclass(frozen=True, slots=True)
class Example:
    """A missed gold actor (``label`` = its role) or an extra mention (``label`` = our
    code), how often that text occurred so, and the first sentence it occurred in."""

    label: str
    text: str
    count: int
    sentence: str


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """A gold actor, where it lies in the article text, and the mentions it meets.

    Attributes:
        span: Its character span in the article text; None when it could not be located.
        mention: The mention overlapping it most (the first on a tie), if any.
        contains: Whether some mention lies wholly inside the span.
    """

    gold: GoldActor
    span: tuple[int, int] | None
    mention: ActorMention | None
    contains: bool


def locate_text(needle: str, haystack: str) -> tuple[int, int] | None:
    """Return the span of ``needle`` in ``haystack``, case-insensitively, or None.

    Tried in turn: the words as a phrase on word boundaries; the phrase anywhere;
    the words in order with anything between them (gold texts such as
    ``"Bosnian Serbs ... forces"`` leave words out).
    """
    words = [word for word in _WORD_GAP.split(needle) if word]
    if not words:
        return None
    phrase = r"\s+".join(re.escape(word) for word in words)
    for pattern in (rf"(?<!\w){phrase}(?!\w)", phrase):
        found = re.search(pattern, haystack, re.IGNORECASE)
        if found:
            return found.span()
    start, cursor = -1, 0
    for word in words:
        found = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE).search(
            haystack, cursor
        )
        if found is None:
            return None
        start = found.start() if start < 0 else start
        cursor = found.end()
    return start, cursor


def locate_actor(actor: GoldActor, sentence: str, text: str) -> tuple[int, int] | None:
    """Return where a gold actor of ``sentence`` lies in the article ``text``.

    Gold offsets are kept when the article text is the sentence unchanged;
    otherwise, and for gold actors without offsets, the actor's text is looked up.
    """
    if actor.start is not None and actor.end is not None and text == sentence:
        return actor.start, actor.end
    return locate_text(actor.text, text)


def match_actors(
    actors: Sequence[GoldActor], sentence: str, text: str, mentions: Sequence[ActorMention]
) -> tuple[ActorMatch, ...]:
    """Locate each gold actor in the article ``text`` and find the mentions it meets."""
    matches = []
    for actor in actors:
        span = locate_actor(actor, sentence, text)
        if span is None:
            matches.append(ActorMatch(actor, None, None, False))
            continue
        overlaps = [(_overlap(span, m), -i, m) for i, m in enumerate(mentions)]
        best = max((item for item in overlaps if item[0] > 0), default=None, key=_overlap_key)
        contains = any(_inside(span, m, text) for m in mentions)
        matches.append(ActorMatch(actor, span, best[2] if best else None, contains))
    return tuple(matches)


def _inside(span: tuple[int, int], mention: ActorMention, text: str) -> bool:
    """Whether a mention lies inside a gold span; the full stop of an abbreviation that ends
    the sentence counts as inside a span that left it to the sentence ("the U.K" of "… the
    U.K.")."""
    end = (
        span[1] + 1
        if text[span[1] : span[1] + 1] == "." and text[span[1] - 1 : span[1]].isupper()
        else span[1]
    )
    return span[0] <= mention.start and mention.end <= end


def extra_mentions(
    matches: Sequence[ActorMatch], mentions: Sequence[ActorMention]
) -> list[ActorMention]:
    """Return the mentions that overlap no located gold actor."""
    spans = [match.span for match in matches if match.span is not None]
    return [m for m in mentions if not any(_overlap(span, m) for span in spans)]


def our_country(mention: ActorMention) -> str | None:
    """Our country for a mention: its ``country``, else the first three letters of its code."""
    return mention.country or (mention.code[:3].upper() if mention.code else None)


def gold_country(code: str) -> str:
    """The gold country code as ISO writes it (the older ``JAP`` → JPN, ``ITL`` → ITA)."""
    upper = code.strip().upper()
    return _LEGACY_COUNTRY_CODES.get(upper, upper)


def our_sector(mention: ActorMention) -> str | None:
    """Our primary sector: ``sector``, else letters 4-6 of a country code (``RUSGOV`` → GOV),
    else the first sector an organisation's code carries (``NGOHLHRCR`` → HLH)."""
    if mention.sector:
        return mention.sector[:3].upper()
    code = mention.code.upper()
    if len(code) < 6:
        return None
    if code[:3] not in _ORGANISATION_PREFIXES:
        return code[3:6]
    segments = (code[i : i + 3] for i in range(3, len(code) - 2, 3))
    return next((segment for segment in segments if segment in _ORGANISATION_SECTORS), None)


def gold_sector(sector: str | None) -> str | None:
    """The primary gold sector in CAMEO's words (``CVLalb`` → CVL, PLOVER's ``JRN`` → MED), or
    None when unspecified (``***``)."""
    if sector is None or sector.strip() in _NO_SECTOR:
        return None
    primary = sector.strip()[:3].upper()
    return _PLOVER_TO_CAMEO_SECTOR.get(primary, primary)


def truncate(sentence: str, width: int = _SENTENCE_WIDTH) -> str:
    """Collapse whitespace and cut a sentence to ``width`` characters (``...`` when cut)."""
    flat = " ".join(sentence.split())
    return flat if len(flat) <= width else flat[: width - 3] + "..."


@dataclass
class Tally:
    """Counts gathered over the sentences of one gold set (private to the report builder)."""

    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    confusions: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    missed: Counter[tuple[str, str]] = field(default_factory=Counter)
    extra: Counter[tuple[str, str]] = field(default_factory=Counter)
    first_sentence: dict[tuple[str, str, str], str] = field(default_factory=dict)
    coded: int = 0

    def count(self, name: str, right: bool) -> None:
        """Count one judgement of field ``name``."""
        self.total[name] += 1
        self.right[name] += int(right)

    def compare(self, name: str, gold: str, ours: str | None) -> None:
        """Count a field whose values are compared, and their confusion when they differ."""
        self.count(name, gold == ours)
        if gold != ours:
            self.confusions[name, gold, ours or NONE] += 1

    def miss(self, label: str, text: str, sentence: str) -> None:
        """Record a missed gold actor."""
        self.missed[label, text] += 1
        self.first_sentence.setdefault(("miss", label, text), sentence)

    def add_extra(self, mention: ActorMention, text: str, sentence: str) -> None:
        """Record a coded mention that overlaps no gold actor."""
        words = text[mention.start : mention.end] or mention.name
        self.extra[mention.code or NONE, words] += 1
        self.first_sentence.setdefault(("extra", mention.code or NONE, words), sentence)

    def scores(self, names: Sequence[str]) -> tuple[FieldScore, ...]:
        """The scores of ``names``, in that order."""
        return tuple(
            FieldScore(
                name,
                self.right[name],
                self.total[name],
                self.right[name] / self.total[name] if self.total[name] else None,
            )
            for name in names
        )

    def top_confusions(self, name: str, top: int = 10) -> tuple[Confusion, ...]:
        """The ``top`` most frequent confusions of field ``name``."""
        pairs = [(key, count) for key, count in self.confusions.items() if key[0] == name]
        pairs.sort(key=lambda item: (-item[1], item[0]))
        return tuple(Confusion(name, gold, ours, n) for (_, gold, ours), n in pairs[:top])

    def top_examples(self, kind: str, top: int = 10) -> tuple[Example, ...]:
        """The ``top`` most frequent misses (``kind="miss"``) or extras, first seen first."""
        counts = self.missed if kind == "miss" else self.extra
        ranked = sorted(counts.items(), key=lambda item: -item[1])[:top]
        return tuple(
            Example(label, text, n, truncate(self.first_sentence[kind, label, text]))
            for (label, text), n in ranked
        )


def tally_sentence(
    tally: Tally,
    gold: GoldSentence,
    text: str,
    mentions: Sequence[ActorMention],
    contain: bool = False,
) -> None:
    """Add one sentence's judgements to ``tally``.

    Args:
        tally: The counts to add to.
        gold: The gold sentence.
        text: The article text the pipeline made of it (``""`` when it was rejected).
        mentions: The actor mentions coded in ``text``.
        contain: Count a gold actor as found only when it contains a mention
            (loose gold phrases), not when a mention merely overlaps it.
    """
    matches = match_actors(gold.actors, gold.text, text, mentions)
    sides: dict[str, list[bool]] = {"source": [], "target": []}
    for match in matches:
        found = match.contains if contain else match.mention is not None
        sides.get(match.gold.role, []).append(found)
        tally.count("located", match.span is not None)
        tally.count(f"found: {match.gold.role}", found)
        tally.count("found: all", found)
        if contain:
            tally.count("overlapped: all", match.mention is not None)
        if not found:
            tally.miss(match.gold.role, match.gold.text, gold.text)
        if match.mention is not None and match.gold.code:
            tally.compare("country", gold_country(match.gold.code), our_country(match.mention))
        sector = gold_sector(match.gold.sector)
        if match.mention is not None and sector:
            tally.compare("sector", sector, our_sector(match.mention))
    if sides["source"] and sides["target"]:  # a gold dyad: do we code both of its sides?
        tally.count("dyad: both coded", any(sides["source"]) and any(sides["target"]))
    tally.coded += len(mentions)
    for mention in extra_mentions(matches, mentions):
        tally.add_extra(mention, text, gold.text)


def _overlap(span: tuple[int, int], mention: ActorMention) -> int:
    return max(0, min(span[1], mention.end) - max(span[0], mention.start))


def _overlap_key(item: tuple[int, int, ActorMention]) -> tuple[int, int]:
    return item[0], item[1]
