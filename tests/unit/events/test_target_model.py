"""The learned target head: which mentions it weighs, what it sees, when it picks one."""

from __future__ import annotations

import numpy as np

from communique.events._target_model import (
    TARGET_FEATURES,
    TargetHead,
    mentions_around,
    pair_features,
    pair_rows,
)
from communique.events.coder import PROPOSED, Dyad
from communique.records import ActorMention, Annotation, Span, Token
from communique.textview import TextView

# Erdogan hosted talks in Turkey for Syrian factions . Iran objected .
WORDS = [
    ("Erdogan", "nsubj", 1, "PROPN", 0), ("hosted", "ROOT", 1, "VERB", 0),
    ("talks", "dobj", 1, "NOUN", 0), ("in", "prep", 2, "ADP", 0),
    ("Turkey", "pobj", 3, "PROPN", 0), ("for", "prep", 2, "ADP", 0),
    ("Syrian", "amod", 7, "ADJ", 0), ("factions", "pobj", 5, "NOUN", 0),
    (".", "punct", 1, "PUNCT", 0), ("Iran", "nsubj", 10, "PROPN", 1),
    ("objected", "ROOT", 10, "VERB", 1), (".", "punct", 10, "PUNCT", 1),
]  # fmt: skip


def _view() -> TextView:
    text, tokens, ends = "", [], [0, 0]
    for word, dep, head, pos, sentence in WORDS:
        start = len(text) + (1 if text else 0)
        text = f"{text} {word}" if text else word
        tokens.append(Token(start, start + len(word), word.lower(), pos, pos, dep, head, sentence))
        ends[sentence] = start + len(word)
    sentences = (Span(0, ends[0]), Span(tokens[9].start, ends[1]))
    return TextView(text, Annotation("d", sentences, tuple(tokens), ()))


def _mention(view: TextView, i: int, code: str, actor_id: str | None = None) -> ActorMention:
    token = view.tokens[i]
    return ActorMention("d", actor_id or code.lower(), token.start, token.end, code, view.words[i])


def _setting() -> tuple[TextView, Dyad, list[ActorMention]]:
    view = _view()
    erdogan = _mention(view, 0, "TURGOV", "person/erdogan")
    mentions = [
        erdogan,
        _mention(view, 4, "TUR"),  # the source's own country
        _mention(view, 6, "SYR"),
        _mention(view, 9, "IRN"),  # another sentence
    ]
    return view, Dyad(1, PROPOSED, erdogan, None, False), mentions


def test_the_mentions_weighed_are_others_of_the_sentence_not_the_source_or_its_country() -> None:
    view, dyad, mentions = _setting()
    assert [m.code for m in mentions_around(view, mentions, dyad)] == ["SYR"]
    other_turk = _mention(view, 4, "TURGOV", "person/yildirim")  # another holder of its code
    assert mentions_around(view, [*mentions, other_turk], dyad)[0].code == "SYR"
    assert len(mentions_around(view, [*mentions, other_turk], dyad)) == 1


def test_a_pair_is_seen_through_the_dependency_path_and_its_prepositions() -> None:
    view, dyad, mentions = _setting()
    features = pair_features(view, dyad, mentions[2], 0)
    assert "down=dobj/prep/pobj/amod" in features
    assert "prep=for" in features and "lem+prep=hosted|for" in features
    assert "side=after" in features and "up=" in features and "lcatrig=True" in features


def test_the_head_picks_the_best_mention_only_when_it_is_likely_enough() -> None:
    view, dyad, mentions = _setting()
    weights = np.zeros(TARGET_FEATURES)
    weights[pair_rows([["prep=for"]]).indices[0]] = 6.0  # "for" a party: the target
    picked = TargetHead(weights, -3.0, 0.5).pick(view, mentions, dyad)
    assert picked is not None and picked.code == "SYR"
    assert TargetHead(weights, -3.0, 0.99).pick(view, mentions, dyad) is None
    assert TargetHead(np.zeros(TARGET_FEATURES), -3.0, 0.5).pick(view, mentions, dyad) is None
