"""Scoring the actors of the seed article: by name, code and role, one row per gold actor.

The seed reference lists actors, not spans, so a gold actor is *found* when a
coded mention has the same name or the same surname; its code and role are
then judged on the mentions of that name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from communique.evaluate._actor_gold import SeedActor
from communique.evaluate._actor_scoring import Tally
from communique.records import ActorMention

_POSSESSIVE = re.compile(r"['’]s\b")
_WORD = re.compile(r"\w+")
# Characters of article text shown either side of an extra mention.
_CONTEXT = 40


@dataclass(frozen=True, slots=True)
class SeedRow:
    """One gold actor of the seed reference beside what we coded for it.

    Attributes:
        name: The gold name.
        code: The gold CAMEO actor code.
        role: The gold role.
        found_as: The name we coded it under (the commonest of the matching
            mentions), or None when not found.
        our_code: Our code: the commonest among the matching mentions.
        our_role: The first role given by a matching mention.
        code_right: ``our_code`` equals ``code``.
        country_right: Their first three letters are equal.
        role_right: The roles are equal, or one contains the other (case-insensitive).
    """

    name: str
    code: str
    role: str
    found_as: str | None = None
    our_code: str | None = None
    our_role: str | None = None
    code_right: bool = False
    country_right: bool = False
    role_right: bool = False


def names_match(gold: str, ours: str) -> bool:
    """Return whether two person names are the same actor's.

    They match when their words are equal, when their last words (the surname)
    are equal, or when one is a single word of the other (``Kim`` for
    ``Kim Jong Un``). Case, hyphens and a possessive ``'s`` are ignored.
    """
    gold_words, our_words = _name_words(gold), _name_words(ours)
    if not gold_words or not our_words:
        return False
    if gold_words == our_words or gold_words[-1] == our_words[-1]:
        return True
    short, long = sorted((gold_words, our_words), key=len)
    return len(short) == 1 and short[0] in long


def role_matches(gold: str, ours: str | None) -> bool:
    """Return whether our role is the gold one: equal, or one inside the other, ignoring case."""
    gold_role, our_role = (
        " ".join(gold.casefold().split()),
        " ".join((ours or "").casefold().split()),
    )
    if not gold_role or not our_role:
        return False
    return gold_role == our_role or gold_role in our_role or our_role in gold_role


def score_seed_actors(
    actors: Sequence[SeedActor], mentions: Sequence[ActorMention]
) -> tuple[SeedRow, ...]:
    """Return one row per gold actor: whether it was found, and its code and role judged."""
    return tuple(_score_actor(actor, mentions) for actor in actors)


def tally_seed(
    tally: Tally, rows: Sequence[SeedRow], text: str, mentions: Sequence[ActorMention]
) -> None:
    """Add the seed rows and the mentions that match no gold actor to ``tally``."""
    for row in rows:
        found = row.found_as is not None
        tally.count("found: all", found)
        if not found:
            tally.miss("actor", row.name, "")
            continue
        tally.compare("code", row.code, row.our_code)
        tally.compare("country", row.code[:3], (row.our_code or "")[:3] or None)
        tally.count("role", row.role_right)
    tally.coded += len(mentions)
    for mention in mentions:
        if not any(names_match(row.name, mention.name) for row in rows):
            start = max(0, mention.start - _CONTEXT)
            tally.add_extra(mention, text, text[start : mention.end + _CONTEXT])


def _score_actor(actor: SeedActor, mentions: Sequence[ActorMention]) -> SeedRow:
    exact = [m for m in mentions if _name_words(m.name) == _name_words(actor.name)]
    matching = exact or [m for m in mentions if names_match(actor.name, m.name)]
    if not matching:
        return SeedRow(actor.name, actor.code, actor.role)
    our_code = Counter(m.code for m in matching).most_common(1)[0][0]
    our_role = next((m.role for m in matching if m.role), None)
    return SeedRow(
        actor.name,
        actor.code,
        actor.role,
        found_as=Counter(m.name for m in matching).most_common(1)[0][0],
        our_code=our_code,
        our_role=our_role,
        code_right=our_code == actor.code,
        country_right=our_code[:3] == actor.code[:3],
        role_right=role_matches(actor.role, our_role),
    )


def _name_words(name: str) -> list[str]:
    return _WORD.findall(_POSSESSIVE.sub("", name).casefold().replace("_", " "))
