"""The bag-of-words baseline: trained on tune, scored on check, deterministic."""

from __future__ import annotations

from communique.evaluate.baseline import LabelledText, fit_predict, train_and_score
from communique.evaluate.splits import split_of

_WORDS = {
    "fight": ["shelled", "bombed", "attacked", "struck", "raided"],
    "talk": ["met", "visited", "hosted", "telephoned", "consulted"],
}


def _items(n: int) -> list[LabelledText]:
    items = []
    for k in range(n):
        label = "fight" if k % 2 else "talk"
        verb = _WORDS[label][k % 5]
        items.append(LabelledText(f"s{k}", f"Estavia {verb} Norland on day {k}.", label))
    return items


def test_baseline_learns_words_and_scores_on_the_check_half_only() -> None:
    items = _items(120)
    score = train_and_score("toy", items)
    assert score is not None
    assert score.train == sum(split_of(i.id) == "tune" for i in items)
    assert score.test == sum(split_of(i.id) == "check" for i in items)
    assert score.train + score.test == len(items)
    assert score.accuracy == 1.0 and score.macro_f1 == 1.0


def test_baseline_is_deterministic() -> None:
    texts = [i.text for i in _items(40)]
    labels = [i.label for i in _items(40)]
    assert fit_predict(texts, labels, texts[:7]) == fit_predict(texts, labels, texts[:7])


def test_baseline_needs_two_labels_and_both_halves() -> None:
    one_label = [LabelledText(f"x{k}", "Estavia met Norland.", "talk") for k in range(30)]
    assert train_and_score("toy", one_label) is None
    assert train_and_score("toy", []) is None
