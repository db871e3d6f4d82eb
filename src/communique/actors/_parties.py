"""A person the text marks as a member of one of the two American parties: "Sen. Rob Portman
(R-Ohio)", "Gowdy, R-S.C.,", "Rep. Peter Roskam, an Illinois Republican", "Republican Sen.
Joni Ernst", "Democratic senator Chris Van Hollen". English-language news writes party and
state so of members of Congress and other American politicians only, so the mark says the
person is American whatever country the article is about (``_people.py``)."""

import re

from communique.actors._words import PARTY_ADJECTIVES
from communique.actors.knowledge import KBMatch, MetonymEntry
from communique.textview import TextView

# "(R-Ohio)", ", R-S.C.,", "(D-N.Y.)", "(I-Vt.)": party and state after a member's name.
_AFFILIATION = re.compile(r"\s*[,(]\s*[RDI]\s?-\s?[A-Z]")
# ", an Illinois Republican", ", a Democrat from New York", ", the top Democrat on …":
# the state's name before the party word says a member of Congress (LEG).
_APPOSED_PARTY = re.compile(
    r"\s*,\s*(?:(?:an?|the)\s+)?(?:(?:top|senior|ranking|leading|fellow)\s+)?"
    r"(?P<state>(?:[A-Z][a-z.]+\s+){0,2})(?:Republican|Democrat)s?\b"
)
# Words after "Republican" or "Democratic" that make it part of another name ("Republican
# Guard", "Democratic Party of Japan"); a capitalised word before it does too ("Social
# Democratic"), read in the function.
_NAME_AFTER = frozenset({"Party", "Guard", "Guards", "People", "Republic", "Union", "Front"})


def us_party_sector(view: TextView, start: int, end: int, before: int) -> str | None:
    """The sector the party mark of the person named at tokens ``[start, end)`` implies, when
    the text marks one: LEG for party and state ("(R-Ohio)", "an Illinois Republican"), else
    PTY (a party member as far as the text says); None when there is no mark. ``before`` is the
    first token of the person's title, or ``start`` when there is none."""
    after = view.text[view.tokens[end - 1].end : view.tokens[end - 1].end + 60]
    if _AFFILIATION.match(after):
        return "LEG"
    apposed = _APPOSED_PARTY.match(after)
    if apposed is not None:
        return "LEG" if apposed.group("state") else "PTY"
    for k in (before - 1, before - 2):
        if k < 0 or view.words[k] not in PARTY_ADJECTIVES:
            continue
        between = range(k + 1, before)
        if any(view.is_capitalised(j) for j in between):
            return None  # "Republican Guard commander": another name
        if k > 0 and view.tokens[k - 1].sentence == view.tokens[k].sentence:
            previous = view.tokens[k - 1]
            if view.is_capitalised(k - 1) and previous.pos in {"PROPN", "ADJ"}:
                return None  # "the Social Democratic leader": another country's party
        if k + 1 < len(view) and view.words[k + 1] in _NAME_AFTER:
            return None
        return "PTY"
    return None


def is_party(match: KBMatch) -> bool:
    """Whether a match names a party the knowledge base ties to one country ("the Tories",
    "Likud", "Republicans"); "Labour", a party word of several states, is read as a sector."""
    return isinstance(match.entry, MetonymEntry) and match.entry.sector == "PTY"
