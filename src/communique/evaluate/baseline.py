"""A plain learned baseline beside the coder: bag-of-words, a linear classifier, nothing else.

It answers one question in every report: does the coder's structure (actors, arguments,
lexicon, rules) add anything over a classifier that only sees which words a sentence has?
The classifier is TF-IDF over word 1–2-grams and character 2–5-grams (within word
boundaries), fed to a linear support-vector machine, trained on the ``tune`` half of the
same gold file and scored on its ``check`` half, in the same run as the coder.

Its settings were chosen by 5-fold cross-validation on the tune halves only (C in 0.1, 0.5,
1; class weights plain or balanced): C=1 with balanced weights was best or within 0.015 of
the best on both ConfliBERT (0.607) and PLOVER (0.331).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from communique.evaluate.splits import split_of

BASELINE_NAME = "tf-idf words 1-2 + chars 2-5, LinearSVC (C=1, balanced)"


@dataclass(frozen=True, slots=True)
class BaselineScore:
    """The baseline's figures on one gold set.

    Attributes:
        name: What the baseline is (features and classifier).
        task: What it predicts (``quad class``, ``PLOVER type``).
        train: Tune items it was trained on.
        test: Check items it was scored on.
        accuracy: Share of check items whose label it predicts exactly.
        macro_f1: F1 averaged over the labels present in the check half.
    """

    name: str
    task: str
    train: int
    test: int
    accuracy: float
    macro_f1: float


@dataclass(frozen=True, slots=True)
class LabelledText:
    """One gold item as the baseline sees it: its id (which fixes its half), text and label."""

    id: str
    text: str
    label: str


def train_and_score(task: str, items: Sequence[LabelledText]) -> BaselineScore | None:
    """Train on the tune items, score on the check items; None when either half is empty
    or the tune half has a single label (nothing to learn)."""
    train = [item for item in items if split_of(item.id) == "tune"]
    test = [item for item in items if split_of(item.id) == "check"]
    if not train or not test or len({item.label for item in train}) < 2:
        return None
    predicted = fit_predict(
        [item.text for item in train], [item.label for item in train], [i.text for i in test]
    )
    gold = [item.label for item in test]
    from sklearn.metrics import accuracy_score, f1_score

    return BaselineScore(
        name=BASELINE_NAME,
        task=task,
        train=len(train),
        test=len(test),
        accuracy=float(accuracy_score(gold, predicted)),
        macro_f1=float(f1_score(gold, predicted, average="macro", labels=sorted(set(gold)))),
    )


def fit_predict(
    train_texts: Sequence[str], train_labels: Sequence[str], test_texts: Sequence[str]
) -> list[str]:
    """Fit the baseline on the training texts and return its labels for the test texts.

    Deterministic: the same inputs give the same predictions.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion, make_pipeline
    from sklearn.svm import LinearSVC

    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)),
            (
                "chars",
                TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
            ),
        ]
    )
    model = make_pipeline(features, LinearSVC(C=1.0, class_weight="balanced", random_state=0))
    model.fit(list(train_texts), list(train_labels))
    return [str(label) for label in model.predict(list(test_texts))]
