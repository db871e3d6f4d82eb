"""Who speaks: the speaker phrase around a head word, and the actor it names.

Records here are the quote stage's working results: they keep the speaker's span and words,
which :class:`~communique.records.Quote` does not hold, so the evaluation can score speaker
spans for people the actor stage did not code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from communique.records import ActorMention, ActorRef, QuoteKind
from communique.textview import TextView

# Dependents of a speaker's head word left out of the speaker phrase when they hold the cue
# or the quote ("a spokesman [who said …]").
_PUNCT = frozenset({"PUNCT"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said a quote, as written, and the actor that is when the actor stage coded it.

    Attributes:
        head: Token index of the speaker's head word ("Stoltenberg", "he", "spokesman").
        start: Character offset of the speaker phrase.
        end: End offset of the speaker phrase (exclusive).
        text: The speaker phrase as written ("NATO Secretary General Jens Stoltenberg").
        actor: The actor mention at the head word (a pronoun's comes resolved), or ``None``.
    """

    head: int
    start: int
    end: int
    text: str
    actor: ActorMention | None = None

    def ref(self) -> ActorRef | None:
        """The speaker as an actor reference, or ``None`` when the actor stage coded nobody."""
        if self.actor is None:
            return None
        return ActorRef(self.actor.code, self.actor.name, self.actor.actor_id)


@dataclass(frozen=True, slots=True)
class Cue:
    """The words that mark a quote as speech: a verb, "according to", a colon or a dash."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class AttributedQuote:
    """One quote with its speaker and cue, before it becomes a :class:`~communique.records.Quote`.

    Attributes:
        start: Offset of the quote's first character (its opening mark for a direct quote).
        end: End offset (exclusive): past the closing mark, or the clause's last word.
        text: The quoted words without the marks, or the reported clause.
        kind: ``direct`` or ``indirect``.
        speaker: Who said it, or ``None`` when nobody is named.
        cue: What marks it as speech, or ``None`` when it inherits the previous quote's speaker.
        inherited: The speaker was carried over from the previous quote (no cue of its own).
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: Speaker | None
    cue: Cue | None
    inherited: bool = False


class ActorLookup:
    """Actor mentions by token; a shorter mention (a resolved pronoun) wins over a longer one."""

    def __init__(self, view: TextView, mentions: Sequence[ActorMention]) -> None:
        self._at: dict[int, ActorMention] = {}
        for mention in sorted(mentions, key=lambda m: m.end - m.start, reverse=True):
            k = view.token_at(mention.start)
            while k < len(view) and view.tokens[k].start < mention.end:
                self._at[k] = mention
                k += 1

    def at(self, i: int) -> ActorMention | None:
        """The mention covering token ``i``, if any."""
        return self._at.get(i)


def make_speaker(
    view: TextView, lookup: ActorLookup, head: int, avoid: frozenset[int] = frozenset()
) -> Speaker:
    """The speaker phrase headed by token ``head`` and the actor it names.

    The phrase is the head's subtree ("Brad Komar, the campaign's state director"), without
    dependents that hold a token of ``avoid`` (the cue, the quote), trimmed of punctuation
    and cut to the stretch around the head that no left-out token interrupts.
    """
    left_out: set[int] = set()
    for child in view.children(head):
        subtree = view.subtree(child)
        if avoid.intersection(subtree) or _trailing_prep(view, head, child):
            left_out.update(subtree)
    first = last = head
    while first - 1 >= 0 and _in_phrase(view, head, first - 1, left_out):
        first -= 1
    while last + 1 < len(view) and _in_phrase(view, head, last + 1, left_out):
        last += 1
    while first < head and view.tokens[first].pos in _PUNCT:
        first += 1
    while last > head and view.tokens[last].pos in _PUNCT:
        last -= 1
    start, end = view.chars(first, last + 1)
    return Speaker(head, start, end, view.text[start:end], _actor_of(view, lookup, head))


def _trailing_prep(view: TextView, head: int, child: int) -> bool:
    """A preposition after a name and its apposition belongs to the verb, not the speaker.

    ("said Matt Borges, chairman of the party, [of the fissure]": the parse hangs the
    preposition on the name; "Misha Shah, of Chicago, an account executive" keeps it.)
    """
    if view.tokens[child].dep != "prep" or child < head:
        return False
    siblings = view.children(head)
    if any(later > child and view.tokens[later].pos != "PUNCT" for later in siblings):
        return False
    return any(view.tokens[other].dep == "appos" and head < other < child for other in siblings)


def _in_phrase(view: TextView, head: int, i: int, left_out: set[int]) -> bool:
    if i in left_out:
        return False
    k, steps = i, 0
    while k != head and view.tokens[k].head != k and steps < 20:
        k, steps = view.tokens[k].head, steps + 1
    return k == head


def _actor_of(view: TextView, lookup: ActorLookup, head: int) -> ActorMention | None:
    """The actor at the head word, else at its apposition ("the envoy, Jens Stoltenberg")."""
    mention = lookup.at(head)
    if mention is not None:
        return mention
    for child in view.children(head):
        if view.tokens[child].dep == "appos" and (found := lookup.at(child)) is not None:
            return found
    return None
