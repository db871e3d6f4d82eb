"""The learned target head: the target of an event the rules read with none.

Half of the candidates the rules read with no target and the model codes as events have a
target the rules missed ("talks on the war that Turkey hosted for the Syrian factions"), and
in two of three of them it is an actor named in the same sentence. For such an event this
head scores each other actor mention of its sentence (a logistic regression over hashed
features: the dependency path from the trigger to the mention, the prepositions on it, the
mention's sector, which side of the trigger and how far it stands, the trigger's lemma and
the lexicon's root) and gives the event the best one when its probability is high enough.
Trained with the decider (``communique train``) from the same labels: the pairs of a
one-sided candidate coded as an event and a mention of its sentence, right when the mention
is the labelled target.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction import FeatureHasher

from communique.events.coder import Dyad
from communique.records import ActorMention, Span
from communique.textview import TextView, span_head

TARGET_FEATURES = 2**16
# Trained at this regularisation (chosen on the held-out frames of the training labels:
# 0.3 / 1 / 4 picked the right mention as often; 1 spoiled fewest really one-sided events).
TARGET_C = 1.0


def mentions_around(
    view: TextView, mentions: Sequence[ActorMention], dyad: Dyad
) -> list[ActorMention]:
    """The actor mentions of the candidate's sentence that could be its target: another
    actor than its source, with another code (an event between two holders of one code is
    dropped) and not the bare country of the source ("Kim promised to end North Korea's
    nuclear program" is no act of North Korea's leader on his own country), not inside the
    source's words; nearest the trigger first."""
    sentence = view.sentence_range(view.tokens[dyad.trigger].sentence)
    low, high = view.tokens[sentence.start].start, view.tokens[sentence.stop - 1].end
    source = dyad.source
    found = [
        m
        for m in mentions
        if low <= m.start < high
        and m.actor_id != source.actor_id
        and m.code not in {source.code, source.code[:3]}
        and not (m.start < source.end and source.start < m.end)
    ]
    return sorted(found, key=lambda m: (abs(head_token(view, m) - dyad.trigger), m.start))


def head_token(view: TextView, mention: ActorMention) -> int:
    """The token of the mention whose head lies outside it (its first when none)."""
    return span_head(view, *view.entity_tokens(Span(mention.start, mention.end)))


def pair_features(view: TextView, dyad: Dyad, mention: ActorMention, rank: int) -> list[str]:
    """What tells the target of a one-sided candidate from the other actors beside it."""
    trigger = dyad.trigger
    lemma = view.lemma(trigger)
    head = head_token(view, mention)
    source = dyad.source.code
    found = [
        f"lem={lemma}",
        f"pos={view.tokens[trigger].pos}",
        f"root={dyad.entry.cameo[:2] or 'none'}",
        f"sec={mention.sector}",
        f"rank={min(rank, 3)}",
        f"side={'after' if head > trigger else 'before'}",
        f"dist={min(abs(head - trigger) // 3, 6)}",
        f"quoted={head in view.quoted}",
        f"srcsec={source[3:6]}",
        f"same_country={source[:3] == mention.code[:3]}",
    ]
    path = _path(view, trigger, head)
    if path is None:
        return [*found, "nopath"]
    ups, downs, preps = path
    up, down = "/".join(ups), "/".join(downs)
    found += [
        f"up={up}",
        f"down={down}",
        f"path={up}|{down}",
        f"len={min(len(ups) + len(downs), 8)}",
        f"nup={min(len(ups), 4)}",
        f"lcatrig={not ups}",
        f"lem+down={lemma}|{down}",
    ]
    found += [f"prep={p}" for p in preps] + [f"lem+prep={lemma}|{p}" for p in preps]
    if downs:
        found.append(f"last={downs[-1]}")
    return found


def _path(view: TextView, start: int, end: int) -> tuple[list[str], list[str], list[str]] | None:
    """The dependency labels from ``start`` up to the lowest common head and from there down
    to ``end``, and the prepositions on the way down; None when they share no head."""
    up = [start]
    while view.tokens[up[-1]].head != up[-1]:
        up.append(view.tokens[up[-1]].head)
    at = {token: k for k, token in enumerate(up)}
    down = [end]
    while down[-1] not in at and view.tokens[down[-1]].head != down[-1]:
        down.append(view.tokens[down[-1]].head)
    if down[-1] not in at:
        return None
    ups = [view.tokens[t].dep for t in up[: at[down[-1]]]]
    downs = [view.tokens[t].dep for t in reversed(down[:-1])]
    preps = [view.lemma(t) for t in down[:-1] if view.tokens[t].pos == "ADP"]
    return ups, downs, preps


_HASHER = FeatureHasher(TARGET_FEATURES, input_type="string", alternate_sign=False)


def pair_rows(features: list[list[str]]) -> sparse.csr_matrix:
    """The hashed feature matrix of (candidate, mention) pairs."""
    return _HASHER.transform(features).astype(np.float32)


class TargetHead:
    """The trained weights: a target for a one-sided event, or none."""

    def __init__(self, weights: np.ndarray, bias: float, minimum: float) -> None:
        self.weights = weights.astype(np.float32)
        self.bias = bias
        self.minimum = minimum  # the probability a mention needs to be taken as the target

    def pick(
        self, view: TextView, mentions: Sequence[ActorMention], dyad: Dyad
    ) -> ActorMention | None:
        """The mention of the sentence most likely the candidate's target, when likely
        enough; None when there is none."""
        return self.choose(view, mentions_around(view, mentions, dyad), dyad)

    def choose(
        self, view: TextView, around: Sequence[ActorMention], dyad: Dyad
    ) -> ActorMention | None:
        """Of ``around`` (``mentions_around``'s answer, nearest first), the most likely
        target when likely enough; None otherwise."""
        if not around:
            return None
        rows = pair_rows([pair_features(view, dyad, m, k) for k, m in enumerate(around)])
        scores = np.asarray(rows @ self.weights).ravel() + self.bias
        best = int(scores.argmax())
        probability = 1.0 / (1.0 + np.exp(-scores[best]))
        return around[best] if probability >= self.minimum else None
