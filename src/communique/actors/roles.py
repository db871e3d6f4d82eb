"""Roles read from the text: "NATO Secretary General Jens Stoltenberg", "X, the UN's envoy".

A role stated in the article wins over the knowledge base, so new officeholders are coded
right on the day they first appear. The patterns (titles before or after a name, anchored
on a country, demonym, seat of government or organisation) are:

* ``[anchor] [title] [Name]`` — "South Korean Defence Minister Shin Won-sik",
  "Kremlin leader Vladimir Putin", "NATO Secretary General Jens Stoltenberg";
* ``[anchor]'s [title] [Name]`` — "Russia's Foreign Minister Sergei Lavrov";
* ``its|their [title] [Name]`` — "its leader Kim Jong Un" (anchor: the country just named);
* ``[Name], [title] (of|at|for) [anchor]`` — "John Kirby, National Security Council
  Coordinator for Strategic Communications at the White House";
* ``[Name], the [anchor]'s [title]`` — "Volker Türk, the UN's human rights chief".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from communique.actors.knowledge import KBMatch
from communique.textview import TextView

# Title words that qualify a title but never end one ("Deputy Prime Minister" ends in minister).
TITLE_MODIFIERS = frozenset(
    (
        "vice",
        "prime",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "national",
        "security",
        "council",
        "special",
        "under",
        "communications",
        "strategic",
        "affairs",
        "state",
        "high",
        "assistant",
        "principal",
        "managing",
        "supreme",
        "acting",
        "former",
        "retired",
        "first",
        "new",
        "interim",
        "outgoing",
        "incoming",
        "ministry",
        "department",
        "office",
        "agency",
        "religious",
        "spiritual",
        "military",
        "army",
        "navy",
        "opposition",
        "rebel",
        "top",
        "senior",
        "chief",
    )
)
# The nouns a title can end in (its head): "Defence Minister", "Secretary of State",
# "Deputy Press Secretary for Regional Media". A role whose head is none of these is not a
# title ("... and his defense sector is") and is neither coded nor remembered.
ROLE_HEADS = frozenset(
    (
        "president",
        "minister",
        "secretary",
        "general",
        "leader",
        "chief",
        "head",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "envoy",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "commissioner",
        "coordinator",
        "adviser",
        "advisor",
        "aide",
        "governor",
        "mayor",
        "commander",
        "king",
        "queen",
        "prince",
        "emir",
        "sultan",
        "premier",
        "chancellor",
        "senator",
        "official",
        "deputy",
        "justice",
        "counsellor",
        "counselor",
        "representative",
        "rapporteur",
        "negotiator",
        "speaker",
        "lawmaker",
        "congressman",
        "congresswoman",
        "legislator",
        "parliamentarian",
        "diplomat",
        "officer",
        "journalist",
        "reporter",
        "correspondent",
        "editor",
        "activist",
        "dissident",
        "blogger",
        "lawyer",
        "cleric",
        "businessman",
        "businesswoman",
        "tycoon",
        "scientist",
        "economist",
        "undersecretary",
        "executive",
        "lady",
        "chairperson",
        "princess",
        "attorney",
        "solicitor",
        "prosecutor",
        "judge",
        "admiral",
        "marshal",
        "colonel",
        "lieutenant",
        "captain",
        "sergeant",
        "consul",
        "vice-president",
        "member",
        "mp",
        "spokesmen",
        "monarch",
        "ayatollah",
        "founder",
        "ceo",
        "administrator",
        "controller",
        "inspector",
        "auditor",
        "comptroller",
        "chieftain",
        "patriarch",
        "pope",
        "rabbi",
        "imam",
        "bishop",
        "archbishop",
        "priest",
        "prisoner",
        "detainee",
        "inmate",
        "student",
        "teacher",
        "professor",
        "doctor",
        "farmer",
        "protester",
        "maulana",
        "mullah",
        "cardinal",
        "reverend",
    )
)
# Titles as news writes them short before a name ("Sen. Mitch McConnell", "Gen. X"), read as
# the whole word; only with their full stop, so "Col" or "Rep" alone stay words.
ABBREVIATED_TITLES = {
    "sen.": "senator",
    "rep.": "lawmaker",  # a US representative
    "gov.": "governor",
    "gen.": "general",
    "lt.": "lieutenant",
    "col.": "colonel",
    "capt.": "captain",
    "sgt.": "sergeant",
    "adm.": "admiral",
    "amb.": "ambassador",
    "pres.": "president",
}
# Words that make a phrase a title; sector words from the knowledge base count too.
TITLE_WORDS = ROLE_HEADS | TITLE_MODIFIERS | frozenset(ABBREVIATED_TITLES)
# A title is a few words: longer phrases are clauses the patterns caught by mistake.
MAX_ROLE_WORDS = 8
_ROLE_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz -.'’&")


def is_title_phrase(role: str) -> bool:
    """Whether ``role`` reads as a title: a few words of letters, headed by a role noun.

    The head is the last word before a prepositional tail ("Secretary General of NATO" →
    "general"). "Former" and "acting" titles count. Clauses, quotes and fragments do not:
    "United States mainland is now “within range …” and his defense sector is" is no title.
    """
    words = role.lower().replace("-", " - ").split()
    if not words or len(words) > MAX_ROLE_WORDS:
        return False
    if any(ch not in _ROLE_CHARACTERS for ch in role.lower()):
        return False
    head = [part for word in title_head_words(role) for part in word.split("-") if part]
    return bool(head) and head[-1].strip(".'’") in ROLE_HEADS


# The prepositions that start a title's tail: "Secretary General | of NATO".
TITLE_TAIL = frozenset({"of", "for", "at", "in", "on", "to"})
# Titles of those sent to deal with another country: "special representative for North Korea",
# "envoy for Syria" (a negotiator "for the Palestinians" negotiates on their behalf).
ENVOY_WORDS = frozenset({"envoy", "envoys", "representative", "ambassador", "coordinator", "czar"})


def title_head_words(role: str) -> list[str]:
    """The lowercased words of a title before its prepositional tail: "Deputy Press Secretary
    for Regional Media" → ["deputy", "press", "secretary"]; short forms read as the whole
    word ("Sen." → "senator")."""
    words = [ABBREVIATED_TITLES.get(word, word) for word in role.lower().split()]
    tail = next((k for k, word in enumerate(words) if word in TITLE_TAIL), len(words))
    return words[:tail]


# Words that may sit inside a title between capitalised words ("Secretary of State").
TITLE_JOINERS = frozenset({"of", "for", "and", "on", "to", "-"})
ANCHOR_KINDS = frozenset({"country", "demonym", "metonym", "capital", "organisation"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
MAX_TITLE_TOKENS = 10
# What ends the phrase after "Name," that may hold a title.
_CLAUSE_ENDS = frozenset({",", ".", ";", ":", "(", ")", '"', "“", "”", "«", "»", "—", "–"})
# Relative pronouns that open a clause on a title ("a diplomat who handled the file").
RELATIVES = frozenset({"who", "whom", "whose", "which"})
# "Former Ukrainian President X": the role is over; CAMEO codes such people as elites (ELI).
FORMER = frozenset({"former", "ex", "retired"})


@dataclass(frozen=True, slots=True)
class RoleReading:
    """A role found around a name: the title as written and what it is anchored on."""

    role: str
    anchor: KBMatch | None
    start: int  # first token of the whole pattern (anchor, "its" or title)
    via_pronoun: bool = False  # anchored through "its" / "their"
    after: tuple[int, int] | None = None  # the title's tokens when it follows the name


AnchorFinder = Callable[[int], KBMatch | None]


def read_role(
    view: TextView,
    name: tuple[int, int],
    anchors_ending: Mapping[int, KBMatch],
    antecedent: AnchorFinder,
) -> RoleReading | None:
    """Return the role stated next to the name at tokens ``name``, if the text states one.

    Args:
        view: The article's words and parse.
        name: Token span ``[start, end)`` of the person's name.
        anchors_ending: Knowledge-base matches that can anchor a title, by end token.
        antecedent: Finds the country or organisation an "its"/"their" before token i means.
    """
    reading = (
        _title_before(view, name[0], anchors_ending, antecedent)
        or _title_after(view, name[1], anchors_ending)
        or _title_apposed_before(view, name, anchors_ending)
    )
    return reading if reading is not None and is_title_phrase(reading.role) else None


def _title_apposed_before(
    view: TextView, name: tuple[int, int], anchors_ending: Mapping[int, KBMatch]
) -> RoleReading | None:
    """ "Britain's foreign minister, Jane Porter, said": a title with its country or body
    before a comma, and the name in apposition to it."""
    start, end = name
    if start < 2 or view.words[start - 1] != "," or view.tokens[end - 1].dep != "appos":
        return None
    if end < len(view) and view.words[end] not in {",", ")"} and view.tokens[end].pos != "VERB":
        return None
    reading = _title_before(view, start - 1, anchors_ending, lambda _: None)
    return reading if reading is not None and reading.anchor is not None else None


def _is_title_word(view: TextView, i: int) -> bool:
    return view.words[i].lower() in TITLE_WORDS


def _title_before(
    view: TextView, start: int, anchors_ending: Mapping[int, KBMatch], antecedent: AnchorFinder
) -> RoleReading | None:
    if start > 0 and view.words[start - 1].lower() in TITLE_JOINERS - {"-"}:
        return None  # a title never ends in "on": "announced by the president on Twitter"
    i = start
    while i > 0 and start - i < MAX_TITLE_TOKENS and i not in anchors_ending:
        word = view.words[i - 1]
        if _is_title_word(view, i - 1) or (
            word in TITLE_JOINERS and i - 1 > 0 and _is_title_word(view, i - 2)
        ):
            i -= 1
            continue
        if word == "." and i > 1 and f"{view.words[i - 2].lower()}." in ABBREVIATED_TITLES:
            i -= 2  # "Lt. General", split by the tokenizer into "Lt" "." "General"
            continue
        break
    while i < start and view.words[i] in TITLE_JOINERS:
        i += 1  # a title never starts with "of"
    if i == start or not any(_is_title_word(view, k) for k in range(i, start)):
        return None
    role = view.phrase(i, start)
    if i > 1 and view.words[i - 1] == "-" and view.words[i - 2].lower() == "ex":
        role, i = f"former {role}", i - 2  # "ex-Prime Minister Mykola Azarov"
    anchor = anchors_ending.get(i)
    if anchor is not None:
        if anchor.start > 0 and view.words[anchor.start - 1].lower() in FORMER:
            return RoleReading(f"former {role}", anchor, anchor.start - 1)
        return RoleReading(role, anchor, anchor.start)
    if i > 0 and view.words[i - 1] in POSSESSIVE and (i - 1) in anchors_ending:
        owner = anchors_ending[i - 1]
        return RoleReading(role, owner, owner.start)
    if i > 0 and view.words[i - 1].lower() in {"its", "their"}:
        return RoleReading(role, antecedent(i - 1), i - 1, via_pronoun=True)
    return RoleReading(role, None, i)


def _title_after(
    view: TextView, end: int, anchors_ending: Mapping[int, KBMatch]
) -> RoleReading | None:
    if end >= len(view) or view.words[end] != ",":
        return None
    stop = end + 1
    while stop < len(view) and stop - end <= 2 * MAX_TITLE_TOKENS:
        if view.words[stop] in _CLAUSE_ENDS or view.tokens[stop].pos in {"VERB", "AUX"}:
            break
        if view.words[stop].lower() in RELATIVES:
            break  # "X, a senior diplomat who handled the file,": the title ends before "who"
        if stop > end + 1 and _starts_a_clause(view, stop):
            break  # "X, a former congressman the rebels have held": the title ends before
        stop += 1
    first = end + 1
    if stop == first or not any(_is_title_word(view, k) for k in range(first, stop)):
        return None
    stop = _serving(view, first, stop)
    anchors = [anchors_ending[k] for k in range(stop, first, -1) if k in anchors_ending]
    anchors = [a for a in anchors if a.start >= first]
    # "U.S. ambassador to the Philippines": the country after "to" is the host, not the sender,
    # and an envoy's country after "for" is the brief ("special representative for Syria")
    envoy = _names_an_envoy(view, first, stop)
    sent = [
        a
        for a in anchors
        if not _after(
            view, a.start, first, {"to", "for"} if envoy and a.kind == "country" else {"to"}
        )
    ]
    if not sent:
        return None if anchors else _bare_title_after(view, end, first, stop)
    # "minister at the Chinese embassy in Washington": after another anchor, one after "in"
    # says where the office is, not whose
    owners = [a for a in sent if not _after(view, a.start, first, {"in"})]
    sent = owners or sent
    # a country written before the title is whose it is ("the U.S. envoy for Korean talks")
    title = next(k for k in range(first, stop) if _is_title_word(view, k))
    anchor = min(sent, key=lambda a: a.start) if sent[-1].end <= title else sent[0]
    return RoleReading(_trim_role(view, first, stop, anchor), anchor, end, after=(first, stop))


def _starts_a_clause(view: TextView, k: int) -> bool:
    """Whether an article at ``k`` opens a new phrase (a clause with no "who"), not a
    title's own tail ("president of the republic": after "of", the title goes on)."""
    after_tail = view.words[k - 1].lower() in TITLE_JOINERS | TITLE_TAIL
    return view.words[k].lower() in {"the", "a", "an"} and not after_tail


# A title with an "of" of its own, not a tail naming whom it serves.
_OF_TITLE = "chief of staff"


def _serving(view: TextView, first: int, stop: int) -> int:
    """Where a title after a name ends when a "to" names the officeholder it serves ("former
    chief of staff to national security adviser John Bolton": a post of the same government,
    read as "former chief of staff"); else ``stop``. Not an envoy's or ambassador's title:
    one "to" a leader is sent to that leader's state ("envoy to President X")."""
    for k in range(first + 1, stop - 1):
        if view.words[k].lower() != "to":
            continue
        if _names_an_envoy(view, first, k):
            return stop
        served = range(k + 1, stop)
        named = view.tokens[stop - 1].pos == "PROPN" and view.is_capitalised(stop - 1)
        return k if named and any(_is_title_word(view, i) for i in served) else stop
    return stop


def _bare_title_after(view: TextView, end: int, first: int, stop: int) -> RoleReading | None:
    """ "X, the president's former national security adviser,": a title and nothing else (no
    name, no "of …" tail: "president of an advocacy group" serves the group), for the
    article's focus country to anchor."""
    k = first + (1 if view.words[first].lower() in {"the", "a", "an"} else 0)
    if k + 1 < stop and _is_title_word(view, k) and view.words[k + 1] in POSSESSIVE:
        k += 2  # "the president's": whose adviser, a title of the same government
    words = [view.words[i].lower() for i in range(k, stop)]
    plain = all(word.isalpha() or word == "-" for word in words)
    tail = TITLE_TAIL.intersection(" ".join(words).replace(_OF_TITLE, "").split())
    if not words or not plain or tail or view.is_capitalised(k):
        return None
    return RoleReading(view.phrase(k, stop), None, end, after=(first, stop))


def _after(view: TextView, start: int, first: int, words: set[str]) -> bool:
    """Whether the phrase starting at token ``start`` follows one of ``words`` ("envoy to
    (the) X"), at or after token ``first``."""
    k = start - 1
    if k >= first and view.words[k].lower() == "the":
        k -= 1
    return k >= first and view.words[k].lower() in words


def _names_an_envoy(view: TextView, first: int, stop: int) -> bool:
    """Whether the title at tokens ``[first, stop)`` is an envoy's (``ENVOY_WORDS``), whose
    country after "for" is the brief, not the sender."""
    return any(view.words[k].lower() in ENVOY_WORDS for k in range(first, stop))


def _trim_role(view: TextView, first: int, stop: int, anchor: KBMatch) -> str:
    """The title without the anchor: "X at the White House" → "X", "the UN's Y" → "Y"."""
    lower = [w.lower() for w in view.words]
    if anchor.end == stop:  # "[title] (at|of|for|in) [the] anchor"
        k = anchor.start
        if k - 1 >= first and lower[k - 1] == "the":
            k -= 1
        if k - 1 > first and lower[k - 1] in {"at", "of", "for", "in"}:
            return view.phrase(first, k - 1)
    begin = first + (1 if lower[first] in {"the", "a", "an"} else 0)
    if anchor.start == begin and anchor.end < stop and view.words[anchor.end] in POSSESSIVE:
        return view.phrase(anchor.end + 1, stop)
    if lower[first] in {"the", "a", "an"}:
        return view.phrase(begin, stop)
    return view.phrase(first, stop)
