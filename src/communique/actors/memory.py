"""Corpus memory: roles read in earlier articles, reused for people named without a title.

This is how the knowledge base keeps up with new officeholders: when an article says
"Finnish Defence Minister Antti Häkkänen", a later article that only says "Häkkänen" still
codes him as FINGOV. The in-process :class:`RoleMemory` is filled during a run; the store
persists the same facts between runs (``RoleFact`` rows with first and last seen dates).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol


@dataclass(frozen=True, slots=True)
class RoleFact:
    """A role seen in text: who, which role, which code, and when it was seen."""

    name: str
    role: str
    code: str
    country: str | None
    sector: str | None
    first_seen: date | None
    last_seen: date | None


class RoleRecall(Protocol):
    """What the actor finder needs from a memory: recall by name, remember new facts."""

    def recall(self, name: str, on: date | None) -> RoleFact | None:
        """Return the role last seen for ``name`` (full name or surname), if any."""
        ...

    def remember(self, fact: RoleFact) -> None:
        """Record a role seen in an article."""
        ...


# A role seen this long before an article no longer vouches for it.
MAX_AGE_DAYS = 4 * 365


class RoleMemory:
    """An in-process memory of roles seen in text, keyed by full name and by surname."""

    def __init__(self) -> None:
        self._facts: dict[str, RoleFact] = {}
        self._surnames: dict[str, str] = {}

    def remember(self, fact: RoleFact) -> None:
        """Record ``fact``, widening the seen dates of a role already known."""
        known = self._facts.get(fact.name)
        if known is not None and (known.role, known.code) == (fact.role, fact.code):
            fact = replace(
                known,
                first_seen=_earliest(known.first_seen, fact.first_seen),
                last_seen=_latest(known.last_seen, fact.last_seen),
            )
        self._facts[fact.name] = fact
        parts = fact.name.split()
        if len(parts) > 1:
            holder = self._facts.get(self._surnames.get(parts[-1], ""))
            if holder is None or _later(fact, holder):
                self._surnames[parts[-1]] = fact.name

    def recall(self, name: str, on: date | None) -> RoleFact | None:
        """Return the fact for ``name`` unless it was last seen too long before ``on``."""
        fact = self._facts.get(name) or self._facts.get(self._surnames.get(name, ""))
        if fact is None or on is None or fact.last_seen is None:
            return fact
        return fact if abs((on - fact.last_seen).days) <= MAX_AGE_DAYS else None

    def facts(self) -> list[RoleFact]:
        """Every fact remembered, by name."""
        return [self._facts[name] for name in sorted(self._facts)]


def _later(fact: RoleFact, other: RoleFact) -> bool:
    """Which of two people sharing a surname it stands for: the one seen last, then by name.

    Decided by the facts alone, never by the order they were remembered in, so a resumed
    run codes surnames exactly as an uninterrupted one.
    """
    seen, other_seen = fact.last_seen or date.min, other.last_seen or date.min
    return (seen, other.name) > (other_seen, fact.name)


def _earliest(a: date | None, b: date | None) -> date | None:
    return min((d for d in (a, b) if d is not None), default=None)


def _latest(a: date | None, b: date | None) -> date | None:
    return max((d for d in (a, b) if d is not None), default=None)
