"""The actors a phrase names, on hand-built parses (no model)."""

from __future__ import annotations

from communique.events._arguments import ActorIndex, argument_lemmas
from communique.events._doers import misparsed_main_verb, subject_of
from communique.records import ActorMention, Annotation, Token
from communique.textview import TextView


def _view(
    words: list[tuple[str, str, int]],
    dates: frozenset[int] = frozenset(),
    tags: dict[int, tuple[str, str]] | None = None,
) -> TextView:
    """(word, dep, head) per token, one space apart; ``dates``: tokens of a DATE entity;
    ``tags``: (pos, tag) of some tokens (the others "X")."""
    text, tokens = "", []
    for n, (word, dep, head) in enumerate(words):
        start = len(text) + (1 if text else 0)
        text = f"{text} {word}" if text else word
        kind = "DATE" if n in dates else ""
        pos, tag = (tags or {}).get(n, ("X", "X"))
        tokens.append(Token(start, start + len(word), word.lower(), pos, tag, dep, head, 0, kind))
    return TextView(text, Annotation("d", (), tuple(tokens), ()))


def _mention(view: TextView, i: int, code: str) -> ActorMention:
    token = view.tokens[i]
    return ActorMention("d", code.lower(), token.start, token.end, code, view.words[i])


def test_an_apposition_next_to_its_head_names_the_phrase() -> None:
    # the spokesman , Kell , said
    view = _view([("spokesman", "nsubj", 4), (",", "punct", 0), ("Kell", "appos", 0),
                  (",", "punct", 0), ("said", "ROOT", 4)])  # fmt: skip
    index = ActorIndex(view, [_mention(view, 0, "GOV"), _mention(view, 2, "CHLGOV")])
    assert [m.code for m in index.of_phrase(0)] == ["CHLGOV"]


def test_an_apposition_past_another_phrase_is_a_misparse() -> None:
    # the spokesman mocked Peru , according to Kell , the agency  ("agency" hung on "spokesman")
    view = _view([("spokesman", "nsubj", 1), ("mocked", "ROOT", 1), ("Peru", "dobj", 1),
                  (",", "punct", 1), ("according", "prep", 1), ("to", "prep", 4),
                  ("Kell", "pobj", 5), (",", "punct", 1), ("agency", "appos", 0)])  # fmt: skip
    mentions = [_mention(view, 0, "CHLGOV"), _mention(view, 2, "PER"), _mention(view, 8, "MED")]
    index = ActorIndex(view, mentions)
    assert [m.code for m in index.of_phrase(0)] == ["CHLGOV"]


def test_an_object_before_an_infinitive_is_its_subject_but_not_a_span_of_time() -> None:
    # Chile urged Peru to agree  /  Chile spent years pushing
    urged = _view([("Chile", "nsubj", 1), ("urged", "ROOT", 1), ("Peru", "dobj", 1),
                   ("to", "aux", 4), ("agree", "xcomp", 1)])  # fmt: skip
    assert subject_of(urged, 4) == 2
    spent = _view([("Chile", "nsubj", 1), ("spent", "ROOT", 1), ("years", "dobj", 1),
                   ("pushing", "xcomp", 1)], dates=frozenset({2}))  # fmt: skip
    assert subject_of(spent, 3) == 0


def test_a_participle_with_an_object_hung_on_the_root_name_is_the_main_verb() -> None:
    # Chile called Peru on Friday  (parsed as "Chile (who was) called", the name the root)
    tags = {0: ("PROPN", "NNP"), 1: ("VERB", "VBN"), 2: ("PROPN", "NNP")}
    called = _view([("Chile", "ROOT", 0), ("called", "acl", 0), ("Peru", "oprd", 1),
                    ("on", "prep", 1), ("Friday", "pobj", 3)], tags=tags)  # fmt: skip
    assert misparsed_main_verb(called, 1) and subject_of(called, 1) == 0
    # a headline's reduced passive has no object: Chile is whom it was done to
    invited = _view([("Chile", "ROOT", 0), ("invited", "acl", 0), ("to", "prep", 1),
                     ("talks", "pobj", 2)], tags=tags)  # fmt: skip
    assert not misparsed_main_verb(invited, 1)
    # Chile , which had warned Peru , shelled over 50 posts  (the verb after a relative clause)
    words = [("Chile", "ROOT", 0), (",", "punct", 0), ("which", "nsubj", 4), ("had", "aux", 4),
             ("warned", "relcl", 0), ("Peru", "dobj", 4), (",", "punct", 0),
             ("shelled", "acl", 0), ("over", "prep", 7), ("50", "pobj", 8)]  # fmt: skip
    shelled = _view(words, tags={0: ("PROPN", "NNP"), 7: ("VERB", "VBN")})
    assert misparsed_main_verb(shelled, 7) and subject_of(shelled, 7) == 0


def test_what_an_object_is_called_counts_among_the_words_that_pick_an_entry() -> None:
    # Chile called Peru a reckless neighbour  (what Peru is called decides praise or insult)
    view = _view([("Chile", "nsubj", 1), ("called", "ROOT", 1), ("Peru", "dobj", 1),
                  ("a", "det", 5), ("reckless", "amod", 5), ("neighbour", "oprd", 1)])  # fmt: skip
    assert argument_lemmas(view, 1, 2) == ["peru", "neighbour", "reckless"]


def test_a_participle_on_a_name_after_an_opening_clause_made_root_is_the_main_verb() -> None:
    # Returning to Lima , Boric called Peru's move a mistake  (the parser made "Returning" the
    # root and Boric an apposition of Lima, "called" a participle on him)
    tags = {0: ("VERB", "VBG"), 2: ("PROPN", "NNP"), 4: ("PROPN", "NNP"), 5: ("VERB", "VBN")}
    words = [("Returning", "ROOT", 0), ("to", "prep", 0), ("Lima", "pobj", 1),
             (",", "punct", 2), ("Boric", "appos", 2), ("called", "acl", 4),
             ("move", "oprd", 5)]  # fmt: skip
    called = _view(words, tags=tags)
    assert misparsed_main_verb(called, 5) and subject_of(called, 5) == 4
    # an apposition inside the main clause is no such subject: Chile recalled Boric, its
    # envoy, named ...
    tags = {0: ("PROPN", "NNP"), 1: ("VERB", "VBD"), 2: ("PROPN", "NNP"), 4: ("NOUN", "NN"),
            5: ("VERB", "VBN")}  # fmt: skip
    words = [("Chile", "nsubj", 1), ("recalled", "ROOT", 1), ("Boric", "dobj", 1),
             (",", "punct", 2), ("envoy", "appos", 2), ("named", "acl", 4),
             ("Lima", "oprd", 5)]  # fmt: skip
    assert not misparsed_main_verb(_view(words, tags=tags), 5)
