"""Scoring the seed article's quotes: one row per quote of the reference.

The reference gives each quote's first words, kind and speaker name, not spans: a quote is
*found* when one of our quotes of its kind starts with those words; its speaker is right when
the coded actor (or, uncoded, the speaker phrase) has the gold name, and its code when the
actor's code is the gold speaker's (from the reference's ``actors``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from communique.evaluate._actor_seed import names_match
from communique.evaluate._quote_gold import SeedQuote
from communique.quotes import AttributedQuote

_LEADING = re.compile(r"^[\s\"'“”‘’]*(that\s+)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SeedQuoteRow:
    """One quote of the seed reference beside what we found for it."""

    kind: str
    speaker: str
    starts_with: str
    required: bool
    found: bool = False
    our_speaker: str | None = None
    our_code: str | None = None
    speaker_right: bool = False
    code_right: bool = False


def starts_alike(text: str, starts_with: str) -> bool:
    """Whether a quote's text begins with the reference words (case, spaces, marks and a
    leading "that" aside)."""

    def norm(value: str) -> str:
        return " ".join(_LEADING.sub("", value).casefold().split())

    return bool(starts_with.strip()) and norm(text).startswith(norm(starts_with))


def seed_row(gold: SeedQuote, ours: Sequence[AttributedQuote]) -> SeedQuoteRow:
    """The row of one reference quote: our first quote of its kind that starts alike."""
    match = next(
        (q for q in ours if q.kind == gold.kind and starts_alike(q.text, gold.starts_with)),
        None,
    )
    row = SeedQuoteRow(gold.kind, gold.speaker, gold.starts_with, gold.required)
    if match is None:
        return row
    speaker = match.speaker
    actor = speaker.actor if speaker is not None else None
    name = actor.name if actor is not None else (speaker.text if speaker is not None else None)
    return SeedQuoteRow(
        gold.kind,
        gold.speaker,
        gold.starts_with,
        gold.required,
        found=True,
        our_speaker=name,
        our_code=actor.code if actor is not None else None,
        speaker_right=name is not None and names_match(gold.speaker, name),
        code_right=actor is not None and actor.code == gold.code,
    )
