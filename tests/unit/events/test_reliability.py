"""The confidence reported with a learned event: its reliability, fitted on (p, kind, right)."""

from __future__ import annotations

import numpy as np

from communique.evaluate.calibration import logistic
from communique.events.decider import EventDecider, event_kind
from communique.records import ActorMention


def _mention(code: str) -> ActorMention:
    return ActorMention(doc_id="d", actor_id=code, start=0, end=1, code=code, name="x")


def _decider(card: dict[str, object]) -> EventDecider:
    return EventDecider(
        np.zeros((2, 4), dtype=np.float32), np.zeros(2), ["04", "none"], {}, {}, card
    )


def test_event_kind_reads_a_target_and_actors_coded_beyond_a_country() -> None:
    usagov, usa = _mention("USAGOV"), _mention("USA")
    assert event_kind(usagov, _mention("IGOUNO")) == (True, True)
    assert event_kind(usagov, usa) == (True, False)
    assert event_kind(usagov, None) == (False, True)


def test_logistic_learns_that_dyadic_events_between_specific_actors_are_right_more_often() -> None:
    rows = [(0.5, True, True, k % 10 != 0) for k in range(40)]  # 90 % right
    rows += [(0.5, False, False, k % 5 == 0) for k in range(40)]  # 20 % right
    fitted = logistic(rows)
    assert fitted is not None and fitted["dyadic"] + fitted["specific"] > 1.0
    decider = _decider({"reliability": fitted})
    sure, unsure = decider.reported(0.5, True, True), decider.reported(0.5, False, False)
    assert sure > 0.8 and unsure < 0.3
    assert logistic(rows[:4]) is None  # too few wrong events to fit


def test_without_reliability_the_reported_confidence_is_the_calibrated_probability() -> None:
    decider = _decider({"calibration": {"a": 1.0, "b": 0.0}})
    assert decider.reported(0.8, True, True) == decider.calibrated(0.8)
    assert abs(decider.calibrated(0.8) - 0.8) < 1e-9


def test_an_event_given_a_target_after_its_decision_reports_as_a_dyadic_one() -> None:
    terms = {"a": 0.5, "b": -1.0, "dyadic": 2.0, "specific": 1.0}
    decider = _decider({"reliability": terms})
    one_sided = decider.reported(0.7, False, True)
    dyadic = decider.rekinded(one_sided, (False, True), (True, True))
    assert abs(dyadic - decider.reported(0.7, True, True)) < 1e-9
    assert decider.rekinded(one_sided, (False, True), (True, False)) < dyadic  # a bare country
    assert _decider({}).rekinded(0.4, (False, True), (True, True)) == 0.4  # no reliability fit
