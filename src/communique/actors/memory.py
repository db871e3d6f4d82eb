"""Corpus memory: roles read in earlier articles, reused for people named without a title.

This is how the knowledge base keeps up with new officeholders: when an article says
"Finnish Defence Minister Antti Häkkänen", a later article that only says "Häkkänen" still
codes him as FINGOV. State is explicit:

* a run codes every document against one read-only :class:`RoleSnapshot` (the store's
  ``role_facts`` when the run starts, or empty);
* each document records what it learned in a :class:`DocumentRoles`, which the actor stage
  returns with the document (``CodedDocument.learned_roles``);
* the single writer merges the learned facts, in input order, with :class:`RoleMemory` and
  stores them, so they reach the documents of later runs.

No document sees what another document of the same run learned, so a document's actors do
not depend on which documents were coded before it, on the batch size, or on the number of
workers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Protocol

from communique.actors.roles import is_title_phrase
from communique.records import RoleFact


class RoleRecall(Protocol):
    """What the actor finder needs from a memory: recall by name, remember new facts."""

    def recall(self, name: str, on: date | None) -> RoleFact | None:
        """Return the role last seen for ``name`` (full name or surname), if any."""
        ...

    def remember(self, fact: RoleFact) -> None:
        """Record a role seen in an article."""
        ...


def usable_fact(fact: RoleFact) -> bool:
    """Whether a fact may be learned or recalled: a person's full name (two words or more,
    capitalised) with a title phrase as the role (see ``roles.is_title_phrase``)."""
    words = fact.name.split()
    named = len(words) >= 2 and all(word[:1].isupper() for word in words if word.isalpha())
    return named and is_title_phrase(fact.role)


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

    def snapshot(self) -> RoleSnapshot:
        """A read-only copy of what is remembered now."""
        return RoleSnapshot(self.facts())


def _fact_order(fact: RoleFact) -> tuple[str, date, str, str]:
    return (fact.name, fact.last_seen or date.min, fact.role, fact.code)


class RoleSnapshot:
    """A read-only memory of roles: what a run's documents recall, never change.

    Built from facts in any order, it recalls the same roles (:class:`RoleMemory` decides
    between facts by their content). Picklable, hashable and with a stable ``repr`` (a digest
    of its facts), so it can travel to worker processes and take part in cache keys.
    """

    __slots__ = ("_digest", "_memory")

    def __init__(self, facts: Iterable[RoleFact] = ()) -> None:
        memory = RoleMemory()
        for fact in sorted(facts, key=_fact_order):
            memory.remember(fact)
        self._memory = memory
        digest = hashlib.sha256()
        for fact in memory.facts():
            digest.update(repr(fact).encode("utf-8") + b"\0")
        self._digest = digest.hexdigest()[:16]

    def recall(self, name: str, on: date | None) -> RoleFact | None:
        """The role remembered for ``name`` (full name or surname), if any (see RoleMemory)."""
        return self._memory.recall(name, on)

    def facts(self) -> list[RoleFact]:
        """Every fact, by name."""
        return self._memory.facts()

    def __len__(self) -> int:
        return len(self._memory.facts())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RoleSnapshot) and other._digest == self._digest

    def __hash__(self) -> int:
        return hash(self._digest)

    def __repr__(self) -> str:
        return f"RoleSnapshot({len(self)} facts, {self._digest})"

    def __getstate__(self) -> tuple[list[RoleFact], str]:
        return self._memory.facts(), self._digest

    def __setstate__(self, state: tuple[list[RoleFact], str]) -> None:
        facts, self._digest = state
        self._memory = RoleMemory()
        for fact in facts:
            self._memory.remember(fact)


EMPTY_ROLES = RoleSnapshot()


class DocumentRoles:
    """One document's view of the memory: recalls from a snapshot, records what it learns.

    What the document learns is not recalled by it (its own people are tracked by the
    actor finder) nor by any other document of the run: it is returned in ``learned``.
    """

    def __init__(self, snapshot: RoleSnapshot = EMPTY_ROLES) -> None:
        self.snapshot = snapshot
        self._learned: dict[str, RoleFact] = {}

    def recall(self, name: str, on: date | None) -> RoleFact | None:
        """The snapshot's role for ``name``."""
        return self.snapshot.recall(name, on)

    def remember(self, fact: RoleFact) -> None:
        """Record a role read in this document (the last reading of a name wins)."""
        self._learned[fact.name] = fact

    @property
    def learned(self) -> tuple[RoleFact, ...]:
        """The roles read in this document, by name."""
        return tuple(self._learned[name] for name in sorted(self._learned))


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
