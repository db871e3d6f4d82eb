"""Geo evaluation measures: great-circle distance, the AUC of log errors, span matching and the
summary of each mode, on hand-computed cases."""

from __future__ import annotations

import math

import pytest

from communique.evaluate._geo_gold import GoldToponym
from communique.evaluate._geo_scoring import (
    MAX_ERROR_KM,
    ModeTally,
    Resolution,
    best_overlap,
    describe_place,
    distance_km,
    error_auc,
    overlaps,
    score_mode,
    worst_resolutions,
)
from communique.records import Place


def _place(start: int, end: int, lat: float = 0.0, lon: float = 0.0, name: str = "X") -> Place:
    return Place("d", start, end, name, None, lat, lon, "FRA", None, "city")


def _gold(start: int, end: int, lat: float = 0.0, lon: float = 0.0, **kw: object) -> GoldToponym:
    return GoldToponym(start, end, str(kw.get("name", "X")), lat, lon, None, bool(kw.get("p", 1)))


def test_distance_km_is_great_circle_in_km() -> None:
    one_degree = 6371.009 * math.pi / 180  # a degree of longitude on the equator
    assert distance_km(0, 0, 0, 1) == pytest.approx(one_degree)
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.195, abs=1e-3)
    assert distance_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1.0)
    assert distance_km(10, 20, 10, 20) == 0.0
    assert distance_km(0, 0, 0, 180) == pytest.approx(6371.009 * math.pi)  # antipodes
    assert distance_km(0, 0, 0, 180) <= MAX_ERROR_KM


def test_error_auc_on_known_lists() -> None:
    assert error_auc([]) is None
    assert error_auc([0, 0, 0]) == 0.0
    assert error_auc([MAX_ERROR_KM - 1, MAX_ERROR_KM - 1]) == pytest.approx(1.0)
    # Two points, 0 and the maximum: the straight line from 0 to 1 has area 0.5.
    assert error_auc([MAX_ERROR_KM - 1, 0]) == pytest.approx(0.5)
    # 0, 160 and 20038 km scale to 0, ln 161 / ln 20039 (0.51299) and 1; step 0.5.
    middle = math.log(161) / math.log(20039)
    expected = 0.5 * ((0 + middle) / 2 + (middle + 1) / 2)
    assert error_auc([20038, 0, 160]) == pytest.approx(expected)
    assert error_auc([20038, 0, 160]) == pytest.approx(0.50650, abs=1e-5)
    assert error_auc([160]) == pytest.approx(middle)  # one error is its own value
    assert error_auc([1e9]) == pytest.approx(1.0, abs=1e-4)  # errors past the maximum are capped


def test_overlap_and_best_overlap() -> None:
    assert overlaps((0, 5), (4, 9))
    assert not overlaps((0, 5), (5, 9))  # touching is not sharing
    assert overlaps((3, 4), (0, 10))
    small, big = _place(0, 4, name="small"), _place(2, 12, name="big")
    assert best_overlap((3, 11), [small, big]) is big
    assert best_overlap((0, 3), [small, big]) is small
    assert best_overlap((20, 25), [small, big]) is None


def test_spans_mode_counts_unresolved_as_the_largest_error() -> None:
    tally = ModeTally()
    golds = [_gold(0, 5, 0, 0), _gold(10, 15, 0, 0), _gold(20, 25, 0, 0, p=0)]
    tally.add_gold([*golds, _gold(30, 35)], unplaced=1)
    tally.add_spans(golds, [_place(0, 5, 0, 1), None, _place(20, 25, 0, 2)])
    row = score_mode("spans", tally)
    assert (row.gold, row.unplaced, row.scored, row.unresolved) == (4, 1, 3, 1)
    assert row.precision is None and row.recall is None  # not a recognition measure
    assert row.accuracy == pytest.approx(1 / 3)  # 111 km is within 161; 222 km is not
    assert row.accuracy_place_names == pytest.approx(1 / 2)  # the third is no place name
    assert row.median_km == pytest.approx(distance_km(0, 0, 0, 2))
    assert row.mean_km == pytest.approx((111.195 + 222.39 + MAX_ERROR_KM) / 3, abs=0.01)
    assert row.auc == pytest.approx(error_auc([111.195, 222.39, MAX_ERROR_KM]), abs=1e-4)


def test_e2e_mode_precision_recall_and_place_name_recall() -> None:
    text = "Paris and Lyon and Nantes and a river and Brest"
    golds = [
        _gold(0, 5, name="Paris"),
        _gold(10, 14, name="Lyon"),
        _gold(19, 25, 0, 0, name="Nantes", p=0),
        _gold(42, 47, name="Brest"),
    ]
    tally = ModeTally()
    tally.add_gold([*golds, _gold(50, 55, name="Lost")], unplaced=1)
    ours = [_place(0, 5, 0, 0), _place(19, 25, 10, 0), _place(32, 37, name="river")]
    tally.add_e2e(golds, ours, text)
    row = score_mode("e2e", tally)
    assert row.predicted == 3
    assert row.precision == pytest.approx(2 / 3)
    assert row.recall == pytest.approx(2 / 5)  # the unplaced toponym is a miss too
    assert row.recall_place_names == pytest.approx(1 / 4)  # Paris, of 4 GPE/LOC-type names
    assert row.accuracy == pytest.approx(1 / 2)  # Nantes is 1,112 km off
    assert row.accuracy_place_names == 1.0  # Paris; Nantes is marked no place name here
    assert row.unresolved == 0
    assert tally.missed == {"Lyon": 1, "Brest": 1}
    assert tally.extra == {"river": 1}


def test_empty_tally_gives_no_figures() -> None:
    row = score_mode("e2e", ModeTally())
    assert row.precision is None and row.recall is None and row.accuracy is None
    assert row.median_km is None and row.auc is None


def test_worst_resolutions_rank_by_times_then_error() -> None:
    far, near = _place(0, 5, 40, 0, name="Far"), _place(0, 5, 0.5, 0, name="Near")
    rows = [
        Resolution(_gold(0, 5, 0, 0, name="A"), far),
        Resolution(_gold(0, 5, 0, 0, name="A"), far),
        Resolution(_gold(0, 5, 0, 0, name="B"), None),
        Resolution(_gold(0, 5, 0, 0, name="C"), near),  # right: left out
    ]
    worst = worst_resolutions(rows)
    assert worst[0] == ("A", "Far (FRA, city)", round(distance_km(0, 0, 40, 0)), 2)
    assert worst[1] == ("B", "unresolved", round(MAX_ERROR_KM), 1)
    assert len(worst) == 2
    assert describe_place(None) == "unresolved"
