"""What the actor finder records: who a mention refers to, and where the mention is."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    """Who a mention refers to; ``key`` groups the mentions of one actor in a document."""

    key: str
    code: str
    name: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    members: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Found:
    """One mention: tokens ``[start, end)`` and the actor it refers to."""

    start: int
    end: int
    actor: Actor


def keyed(prefix: str, name: str) -> str:
    """The key of an actor known by its name: ``prefix`` and the name in lowercase words
    joined by hyphens ("person/" + "Ahmed Hafez" → "person/ahmed-hafez")."""
    return prefix + re.sub(r"\W+", "-", name.lower()).strip("-")
