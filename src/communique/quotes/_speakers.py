"""Who speaks: the speaker phrase around a head word, and the actor it names.

Records here are the quote stage's working results: they keep the speaker's span and words,
which :class:`~communique.records.Quote` does not hold, so the evaluation can score speaker
spans for people the actor stage did not code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from communique.gender import Gender, agrees, name_gender
from communique.records import PERSON_ID_PREFIX, ActorMention, ActorRef, QuoteKind
from communique.textview import TextView, heads_subject

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
        antecedent: For a pronoun, the name it stands for as written ("Kevin Sullivan"),
            also when that person is not a coded actor.
    """

    head: int
    start: int
    end: int
    text: str
    actor: ActorMention | None = None
    antecedent: str | None = None

    @property
    def name(self) -> str:
        """Who this is, in words: the antecedent of a pronoun, else the phrase itself."""
        return self.antecedent or self.text

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
    """The actor at the head word, else at its apposition ("the envoy, Jens Stoltenberg").

    A name the actor stage did not code, with a title in apposition ("Rosette Pambakian, a
    company spokeswoman"), keeps the title's code under the name as written: the speaker is
    the person the text names, not "spokeswoman".
    """
    mention = lookup.at(head)
    if mention is not None:
        return mention
    for child in view.children(head):
        if view.tokens[child].dep == "appos" and (found := lookup.at(child)) is not None:
            if view.tokens[head].pos == "PROPN" and view.is_capitalised(head):
                return replace(found, name=_name_at(view, head))
            return found
    return None


def _name_at(view: TextView, head: int) -> str:
    """The name a proper noun heads: its compounds before it and itself ("Rosette Pambakian")."""
    first = head
    while (
        first > 0
        and view.tokens[first - 1].dep == "compound"
        and view.tokens[first - 1].head == head
    ):
        first -= 1
    return view.phrase(first, head + 1)


PERSON_PRONOUNS = frozenset({"he", "she"})
_PRONOUN_REACH = 4  # sentences a pronoun speaker looks back for the person it stands for
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def resolve_pronoun(
    view: TextView,
    lookup: ActorLookup,
    speaker: Speaker,
    quoted: Callable[[int], bool],
) -> Speaker:
    """Name the person a "he" or "she" speaker stands for: the nearest person named before it.

    The actor stage resolves pronouns among coded actors only, so after a person it does not
    code ("…,” said Kevin Sullivan. “…,” he said) it would name an earlier coded person. Here
    every person the parse names outside a quote counts; the actor is that person's mention,
    or none when the person is not coded.

    Args:
        view: The text and its parse.
        lookup: Actor mentions by token.
        speaker: A speaker; returned unchanged unless its head is "he" or "she".
        quoted: Whether a token lies inside a direct quote (quoted names are not antecedents).
    """
    if view.words[speaker.head].lower() not in PERSON_PRONOUNS:
        return speaker
    pronoun = view.words[speaker.head]
    people = [
        span
        for span in _people_before(view, lookup, speaker.head, quoted)
        if agrees(pronoun, _gender(view, lookup, span))  # "she" is no man
    ]
    # A person who is a subject (who did or said something) beats one merely mentioned.
    chosen = next((p for p in people if heads_subject(view, p[1] - 1)), None)
    chosen = chosen or (people[0] if people else None)
    if chosen is None:
        if speaker.actor is not None:
            return replace(speaker, antecedent=speaker.actor.name)
        return speaker
    first, end = chosen
    mention = next((m for k in range(end - 1, first - 1, -1) if (m := lookup.at(k))), None)
    return replace(speaker, actor=mention, antecedent=view.phrase(first, end))


def _people_before(
    view: TextView, lookup: ActorLookup, head: int, quoted: Callable[[int], bool]
) -> list[tuple[int, int]]:
    """Token spans of the people named outside quotes before token ``head``, nearest first."""
    sentence = view.tokens[head].sentence
    found: list[tuple[int, int]] = []
    i = head - 1
    while i >= 0 and sentence - view.tokens[i].sentence <= _PRONOUN_REACH:
        if not _names_person(view, lookup, i) or quoted(i):
            i -= 1
            continue
        first = i
        while first > 0 and _names_person(view, lookup, first - 1):
            first -= 1
        found.append((first, i + 1))
        i = first - 1
    return found


def _gender(view: TextView, lookup: ActorLookup, span: tuple[int, int]) -> Gender | None:
    """What the name at token ``span`` says of the person's gender: its coded actor's full
    name, the name as written with the title before it, or, for a surname alone, the same
    surname written earlier after a given name ("Carly Fiorina … Fiorina")."""
    first, end = span
    before = view.words[max(0, first - 3) : first]
    mention = lookup.at(end - 1)
    found = name_gender(mention.name, before) if mention is not None else None
    found = found or name_gender(view.phrase(first, end), before)
    if found is not None or end - first > 1:
        return found
    surname = view.words[first]
    for k in range(1, first):
        if view.words[k] == surname and view.tokens[k - 1].ent_type == "PERSON":
            found = name_gender(f"{view.words[k - 1]} {surname}", view.words[max(0, k - 4) : k - 1])
            if found is not None:
                return found
    return None


def _names_person(view: TextView, lookup: ActorLookup, i: int) -> bool:
    """A name of a person: tagged so by the parse, or a coded person (not a pronoun)."""
    if view.tokens[i].pos == "PRON":
        return False
    mention = lookup.at(i)
    if mention is not None:
        return mention.actor_id.startswith(PERSON_ID_PREFIX)
    return view.tokens[i].ent_type == "PERSON"
