"""The learned event decision: the shipped model, coding with it, and training it again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.evaluate.training import TARGET_MIN, train
from communique.events.decider import MODEL_DIR, load_decider
from communique.pipeline import build_pipeline, run_serial
from communique.records import CodedDocument, RawDocument
from communique.settings import get_settings

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]


def _code(text: str, decider: str = "learned") -> CodedDocument:
    settings = get_settings().model_copy(update={"event_decider": decider})
    pipeline = build_pipeline(settings)
    raw = RawDocument(
        id="t", origin="test", data=text.encode(), text=text, media_type="text",
        published="2024-03-04", producer="test",
    )  # fmt: skip
    (outcome,) = run_serial(pipeline, [raw])
    assert isinstance(outcome, CodedDocument)
    return outcome


def test_the_shipped_model_loads_with_its_card() -> None:
    decider = load_decider()
    assert (MODEL_DIR / "model.npz").stat().st_size <= 25 * 2**20
    card = decider.card
    assert card["version"] == decider.version and len(card["trained_on"]["data_sha256"]) == 64
    assert {"numpy", "scikit-learn", "scipy", "python"} <= set(card["libraries"])
    assert "none" in decider.classes and len(decider.classes) > 10
    assert 0 <= decider.one_sided_min <= 1


def test_the_learned_decision_codes_a_meeting_and_leaves_business_alone() -> None:
    met = _code("Japan's foreign minister met his Chinese counterpart in Beijing on Monday.")
    assert [
        (e.source.code[:3], e.target and e.target.code[:3], e.cameo[:2]) for e in met.events
    ] == [("JPN", "CHN", "04")]
    assert met.events[0].producer == "communique.events.learned.v1"
    assert 0.0 < met.events[0].confidence <= 1.0
    jets = _code("The airline ordered 50 new jets from Boeing, the company said on Monday.")
    assert jets.events == ()


# Talks a country brings about, whose parties are named only inside a relative clause (the
# rules read no target there), with another country named nearer the verb, which a head that
# took the nearest mention would take.
MEDIATED = (
    ("Egypt, an ally of Saudi Arabia, mediated the talks, which brought Sudanese and "
     "Ethiopian delegations together.", "EGY", {"SDN", "ETH"}),
    ("Qatar, backed by Turkey, hosted the talks, which brought Afghan and American envoys "
     "together.", "QAT", {"AFG", "USA"}),
)  # fmt: skip


def _parties(text: str, source: str, decider: str = "learned") -> set[str]:
    coded = _code(text, decider)
    return {
        e.target.code[:3]
        for e in coded.events
        if e.source.code == source and e.target is not None and e.cameo[:2] == "04"
    }


def test_the_target_head_gives_a_one_sided_event_the_party_the_rules_missed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    head = load_decider().target_head
    assert head is not None
    for text, source, _ in MEDIATED:
        assert not _parties(text, source, "rules"), text  # the rules find no party
    # the head's likeliest mention is a party, and the one coordinated with it follows: one
    # event each (whatever the threshold, which retraining moves around these sentences)
    monkeypatch.setattr(head, "minimum", 0.0)
    for text, source, parties in MEDIATED:
        assert _parties(text, source) == parties, text
    monkeypatch.undo()
    # at the shipped threshold the head still adds them where it is surest
    assert any(_parties(text, source) == parties for text, source, parties in MEDIATED)


def test_rules_alone_are_still_there() -> None:
    met = _code(
        "Japan's foreign minister met his Chinese counterpart in Beijing on Monday.", "rules"
    )
    assert [e.producer for e in met.events] == ["communique.events.plover_rules.v1"]


def test_training_is_deterministic(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "synthetic").mkdir(parents=True)
    lines: list[str] = []
    for name in ("synth_a", "synth_d", "negatives"):
        source = ROOT / "training" / "events" / "synthetic" / f"{name}.jsonl"
        lines += source.read_text(encoding="utf-8").splitlines()[:25]
    (data / "synthetic" / "sample.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    cards = []
    for run in ("one", "two"):
        cards.append(train(data, tmp_path / "no-corpus.jsonl", tmp_path / run, conflibert=None))
    one, two = tmp_path / "one", tmp_path / "two"
    assert (one / "model.npz").read_bytes() == (two / "model.npz").read_bytes()
    assert (one / "model.json").read_text() == (two / "model.json").read_text()
    assert cards[0]["trained_on"]["sentences"] == 75
    card = json.loads((one / "model.json").read_text())["card"]
    assert card["sentence_head"]["sentences"] == 75
    head = card["target_head"]  # fitted, or said why not, from the same pairs each time
    assert head["pairs"] >= head["right"] and head["min"] == TARGET_MIN
