"""The learned event decision: rules propose candidates, a trained model decides.

The dependency coder in proposal mode (``DependencyCoder(propose=True)``) reads every verb
with an actor subject, and every event noun of the lexicon, into candidate dyads with their
arguments. For each candidate the model gives a CAMEO root or *no event*, with its
probability: a multinomial logistic regression over hashed features of what the rules know
(:func:`candidate_features`: trigger lemma, particle, object, the lexicon's code, dependency
labels, actor sectors, negation and modal cues, the words around the trigger) and the
sentence's word n-grams. The full code is the lexicon's when its root agrees, else the code
the training data most often gives this trigger lemma under that root, else the root's most
frequent code.

The model is trained by ``communique train`` (``communique.evaluate.training``) from the
labels under ``training/events/`` and shipped in ``events/data/decider/``: ``model.npz``
(weights, float16) and ``model.json`` (classes, leaf table, feature sizes, model card).
"""

from __future__ import annotations

import io
import json
import math
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import HashingVectorizer

from communique.errors import ConfigError
from communique.events._arguments import object_of, particles_of
from communique.events._content import threat_of, threatened
from communique.events._target_model import TargetHead
from communique.events.coder import Dyad
from communique.textview import TextView

NO_EVENT = "none"
# Roots to the 5-way class of the sentence head: 0 statement (or no event), 1 verbal
# cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
STATEMENT_ROOTS = frozenset({"01", "02"})


def penta_of_root(root: str) -> int:
    """The 5-way class of a CAMEO root (``none``: 0, as a statement)."""
    if root == NO_EVENT or root in STATEMENT_ROOTS:
        return 0
    number = int(root)
    return 1 if number <= 5 else 2 if number <= 8 else 3 if number <= 13 else 4


MODEL_DIR = Path(__file__).parent / "data" / "decider"
# Feature spaces (hashed): the rules' view of the candidate, the sentence's words.
STRUCT_FEATURES = 2**16
WORD_FEATURES = 2**17
WINDOW = 4  # words each side of the trigger kept as positional features
# An unsure model yields to a lexicon entry read with its object ("expressed solidarity with"
# is 051, not the sympathy 018 a model at 0.35 reads): below TRUST_BELOW, when the model gives
# the lexicon's root at least LEXICON_SHARE of its own choice's probability. Chosen on the tune
# halves (0.5-0.8 and 0.15-0.3 gave the same figures; always the lexicon cost ConfliBERT).
TRUST_BELOW = 0.5
LEXICON_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class Decision:
    """The model's answer for one candidate: a CAMEO code (None: no event), its probability
    under the model, and the confidence we report (the probability calibrated to how often
    such events are right on the article dev set's tune half)."""

    cameo: str | None
    probability: float
    confidence: float
    event: float = 1.0  # the probability that the candidate is an event at all (1 - P(none))
    reported: float | None = None  # the confidence given with the event (see ``reported``)


def candidate_features(view: TextView, dyad: Dyad) -> list[str]:
    """What the rules know about a candidate, as feature strings."""
    t = dyad.trigger
    token = view.tokens[t]
    lemma = view.lemma(t)
    code = dyad.entry.cameo or NO_EVENT
    found = [
        f"lem={lemma}",
        f"pos={token.pos}",
        f"tag={token.tag}",
        f"dep={token.dep}",
        f"lex={code}",
        f"lexroot={code[:2]}",
        f"lex+lem={code}|{lemma}",
        f"src={dyad.source.sector or 'none'}",
        f"src+lem={dyad.source.sector or 'none'}|{lemma}",
        f"srcigo={dyad.source.code[:3] == 'IGO'}",
    ]
    if dyad.target is None:
        found += ["tgt=none", f"lem+tgt=none|{lemma}"]
    else:
        sector = dyad.target.sector or "none"
        found += [
            f"tgt={sector}",
            f"lem+tgt={lemma}|{sector}",
            f"pair={dyad.source.sector}|{sector}",
        ]
    if dyad.inherited:
        found.append("inherited")
    for particle in sorted(particles_of(view, t)):
        found += [f"prt={particle}", f"lem+prt={lemma}|{particle}"]
    obj = object_of(view, t) if token.pos == "VERB" else None
    if obj is not None:
        found += [f"obj={view.lemma(obj)}", f"lem+obj={lemma}|{view.lemma(obj)}"]
    for child in view.children(t):
        dep, word = view.tokens[child].dep, view.lemma(child)
        found.append(f"child={dep}")
        if dep in {"neg", "aux", "auxpass", "advmod", "mark", "prt"}:
            found.append(f"{dep}={word}")
    head = token.head
    if head != t:
        found += [f"head={view.lemma(head)}", f"headdep={token.dep}|{view.lemma(head)}"]
        if view.tokens[head].head != head:
            found.append(f"head2={view.lemma(view.tokens[head].head)}")
    sentence = view.sentence_range(token.sentence)
    for offset in range(-WINDOW, WINDOW + 1):
        k = t + offset
        if offset and k in sentence:
            found.append(f"w{offset}={view.words[k].lower()}")
    return found


RELIABILITY_TERMS = ("a", "b", "dyadic", "specific")


def event_kind(source: Any, target: Any) -> tuple[bool, bool]:
    """(dyadic, specific) of an event's actors: it has a target; every actor's code says more
    than a country ("USAGOV", "IGOUNO", not "USA" or "GOV")."""
    codes = [source.code] + ([target.code] if target is not None else [])
    return target is not None, all(len(code) > 3 for code in codes)


def sentence_text(view: TextView, dyad: Dyad) -> str:
    """The text of the candidate's sentence (its word n-grams are features too)."""
    span = view.annotation.sentences[view.tokens[dyad.trigger].sentence]
    return view.text[span.start : span.end]


class Featuriser:
    """Candidate → one sparse row: hashed rule features beside hashed sentence n-grams."""

    def __init__(self) -> None:
        self.struct = FeatureHasher(STRUCT_FEATURES, input_type="string", alternate_sign=False)
        self.words = HashingVectorizer(
            n_features=WORD_FEATURES, ngram_range=(1, 2), alternate_sign=False, norm="l2"
        )

    def rows(self, features: list[list[str]], texts: list[str]) -> sparse.csr_matrix:
        """The feature matrix of candidates given as feature lists and sentence texts."""
        struct = self.struct.transform(features)
        # Each candidate's rule features weigh about as much as its sentence's words.
        norms = np.sqrt(np.asarray(struct.multiply(struct).sum(axis=1)).ravel())
        struct = sparse.diags(1.0 / np.maximum(norms, 1.0)) @ struct
        return sparse.hstack([struct, self.words.transform(texts)], format="csr")


class EventDecider:
    """The trained model: a code or no event for each candidate dyad."""

    def __init__(
        self,
        weights: np.ndarray,
        bias: np.ndarray,
        classes: list[str],
        leaves: dict[str, dict[str, str]],
        defaults: dict[str, str],
        card: dict[str, Any],
        sentence_weights: np.ndarray | None = None,
        sentence_bias: np.ndarray | None = None,
        target: tuple[np.ndarray, float] | None = None,
    ) -> None:
        """Hold the weights (classes x features), the leaf table and the model card; the
        sentence head's weights (5 classes x word features), when trained with one; the
        target head's (a weight per pair feature, a bias), when trained with one."""
        self.weights = weights
        self.bias = bias
        self.sentence_weights = sentence_weights
        self.sentence_bias = sentence_bias
        # Features x classes, contiguous: a sparse row times these needs no copy per call.
        self._by_feature = np.ascontiguousarray(weights.T, dtype=np.float32)
        self._sentence_by_feature = (
            None
            if sentence_weights is None
            else np.ascontiguousarray(sentence_weights.T, dtype=np.float32)
        )
        self._penta = np.array([penta_of_root(c) for c in classes])
        self.classes = classes
        self.leaves = leaves
        self.defaults = defaults
        self.card = card
        self.featuriser = Featuriser()
        self.version = str(card.get("version", "unversioned"))
        # A candidate with no target is an event only at this probability or more.
        self.one_sided_min = float(card.get("one_sided_min", 0.0))
        # How much the sentence head weighs beside the candidate model (0: not at all).
        self.head_weight = float(card.get("sentence_head_weight", 1.0))
        # Below this probability of "no event", a candidate the lexicon codes keeps its code.
        self.fallback_below = float(card.get("fallback_below", 0.0))
        self._index = {name: n for n, name in enumerate(classes)}
        # The target of an event the rules read with none (see ``_target_model``).
        self.target_head = (
            None
            if target is None
            else TargetHead(*target, float(card.get("target_head", {}).get("min", 1.0)))
        )
        # Platt scaling of the probability: sigmoid(a * logit(p) + b); identity when absent.
        calibration = card.get("calibration") or {}
        self.calibration = (float(calibration.get("a", 1.0)), float(calibration.get("b", 0.0)))
        # How often events like this one are right (probability, dyadic, specific actors),
        # fitted on the article dev set's tune half; None: the calibrated probability alone.
        reliability = card.get("reliability")
        self.reliability: dict[str, float] | None = (
            {k: float(reliability[k]) for k in RELIABILITY_TERMS} if reliability else None
        )

    def decide(self, view: TextView, dyads: list[Dyad]) -> list[Decision]:
        """One decision per candidate, in order."""
        if not dyads:
            return []
        rows = self.featuriser.rows(
            [candidate_features(view, d) for d in dyads], [sentence_text(view, d) for d in dyads]
        ).astype(np.float32)  # the weights' type: a float64 row would copy them on every call
        probabilities = _softmax(np.asarray(rows @ self._by_feature, dtype=np.float64) + self.bias)
        if self._sentence_by_feature is not None and self.sentence_bias is not None:
            # The sentence head's view of the 5-way class weighs in: each root's probability
            # times its class's, renormalised (a product of the two experts).
            texts = rows[:, STRUCT_FEATURES:]
            sentence = _softmax(
                np.asarray(texts @ self._sentence_by_feature, dtype=np.float64) + self.sentence_bias
            )
            probabilities = probabilities * sentence[:, self._penta] ** self.head_weight
            probabilities /= probabilities.sum(axis=1, keepdims=True)
        decisions = []
        for dyad, p in zip(dyads, probabilities, strict=True):
            best = int(p.argmax())
            root, probability = self.classes[best], float(p[best])
            code = None if root == NO_EVENT else self.leaf(root, view, dyad)
            lexicon_root = dyad.entry.cameo[:2]
            if lexicon_root in self._index:
                lexicon_p = float(p[self._index[lexicon_root]])
                if self._lexicon_wins(dyad, code, root, probability, lexicon_p):
                    code, probability = dyad.entry.cameo, lexicon_p  # at its root's probability
            none = self._index.get(NO_EVENT)
            event = 1.0 - float(p[none]) if none is not None else 1.0
            confidence = self.calibrated(probability)
            reported = self.reported(probability, *event_kind(dyad.source, dyad.target))
            decisions.append(Decision(code, probability, confidence, event, reported))
        return decisions

    def _lexicon_wins(
        self, dyad: Dyad, code: str | None, root: str, probability: float, lexicon_p: float
    ) -> bool:
        """Whether the lexicon's code replaces the model's choice: the model doubts "no event"
        and the lexicon codes the word, or an unsure model chose another root than an entry
        read with its object, and gives that entry's root a fair share of its own."""
        if code is None:
            return probability < self.fallback_below
        return (
            dyad.entry.cameo[:2] != root
            and dyad.entry.object_class is not None
            and probability < TRUST_BELOW
            and lexicon_p >= LEXICON_SHARE * probability
        )

    def reported(self, probability: float, dyadic: bool, specific: bool) -> float:
        """The confidence reported with an event: the share of events with this probability,
        this kind (with a target or not) and this precision of actors (both coded to a sector
        or an organisation, not a bare country) that were right on the tune half."""
        if self.reliability is None:
            return self.calibrated(probability)
        r = self.reliability
        return _sigmoid(
            r["a"] * _logit(probability) + r["b"] + r["dyadic"] * dyadic + r["specific"] * specific
        )

    def rekinded(
        self, reported: float, before: tuple[bool, bool], after: tuple[bool, bool]
    ) -> float:
        """The reported confidence of an event whose kind (dyadic, specific: see
        ``event_kind``) changed from ``before`` to ``after`` after it was decided (a target
        the target head found)."""
        if self.reliability is None:
            return reported
        r = self.reliability
        shift = r["dyadic"] * (after[0] - before[0]) + r["specific"] * (after[1] - before[1])
        return _sigmoid(_logit(reported) + shift)

    def calibrated(self, probability: float) -> float:
        """The reported confidence of an event the model gives ``probability``."""
        a, b = self.calibration
        return _sigmoid(a * _logit(probability) + b)

    def leaf(self, root: str, view: TextView, dyad: Dyad) -> str:
        """The full code under ``root``: the lexicon's, the threat of the lexicon's act when
        the trigger is what a threat threatens, the trigger's usual one, the root's."""
        if dyad.entry.cameo[:2] == root:
            return dyad.entry.cameo
        if root == "13" and threatened(view, dyad.trigger):
            threat = threat_of(dyad.entry.cameo)  # "threatened to sever ties": 1313
            if threat is not None:
                return threat
        by_lemma = self.leaves.get(root, {})
        return by_lemma.get(view.lemma(dyad.trigger)) or self.defaults.get(root) or root

    def save(self, folder: Path) -> None:
        """Write ``model.npz`` and ``model.json`` into ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, np.ndarray] = {
            "weights": self.weights.astype(np.float16),
            "bias": self.bias.astype(np.float64),
        }
        if self.sentence_weights is not None and self.sentence_bias is not None:
            arrays["sentence_weights"] = self.sentence_weights.astype(np.float16)
            arrays["sentence_bias"] = self.sentence_bias.astype(np.float64)
        if self.target_head is not None:
            arrays["target_weights"] = self.target_head.weights.astype(np.float16)
            arrays["target_bias"] = np.array([self.target_head.bias], dtype=np.float64)
        _write_npz(folder / "model.npz", arrays)
        self.save_card(folder)

    def save_card(self, folder: Path) -> None:
        """Write ``model.json`` (classes, leaf table, feature sizes, card) into ``folder``."""
        meta = {
            "classes": self.classes,
            "leaves": self.leaves,
            "defaults": self.defaults,
            "struct_features": STRUCT_FEATURES,
            "word_features": WORD_FEATURES,
            "card": self.card,
        }
        (folder / "model.json").write_text(
            json.dumps(meta, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
        )


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """An ``.npz`` whose bytes depend on the arrays only (``np.savez`` stamps the time)."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue())


def load_decider(folder: Path = MODEL_DIR) -> EventDecider:
    """The shipped model (or one trained into ``folder``).

    Raises:
        ConfigError: No model there, or one built for other feature sizes.
    """
    return _load(folder.resolve())


@cache
def _load(folder: Path) -> EventDecider:
    meta_path, weights_path = folder / "model.json", folder / "model.npz"
    if not meta_path.is_file() or not weights_path.is_file():
        raise ConfigError(
            f"no event decision model in {folder} (model.json and model.npz): run "
            "`make train`, or set COMMUNIQUE_EVENT_DECIDER=rules to code with the rules alone."
        )
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    if (meta["struct_features"], meta["word_features"]) != (STRUCT_FEATURES, WORD_FEATURES):
        raise ConfigError(
            f"the event model in {folder} was built for other feature sizes: run `make train`."
        )
    with np.load(weights_path) as arrays:
        weights = arrays["weights"].astype(np.float32)
        bias = arrays["bias"]
        sentence_weights = (
            arrays["sentence_weights"].astype(np.float32) if "sentence_weights" in arrays else None
        )
        sentence_bias = arrays.get("sentence_bias")
        target = (
            (arrays["target_weights"].astype(np.float32), float(arrays["target_bias"][0]))
            if "target_weights" in arrays
            else None
        )
    return EventDecider(
        weights,
        bias,
        meta["classes"],
        meta["leaves"],
        meta["defaults"],
        meta["card"],
        sentence_weights,
        sentence_bias,
        target,
    )


def _logit(probability: float) -> float:
    clipped = min(max(probability, 1e-6), 1 - 1e-6)
    return math.log(clipped / (1 - clipped))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def _softmax(scores: np.ndarray) -> np.ndarray:
    scores = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(scores)
    return np.asarray(exp / exp.sum(axis=1, keepdims=True))
