"""Tune/check halves: fixed by the id alone, about half each, never moved by other items."""

from __future__ import annotations

import pytest

from communique.errors import InputError
from communique.evaluate.splits import check_split, hides_items, in_split, select, split_of


def test_split_of_is_stable_and_depends_on_the_id_only() -> None:
    ids = [f"item-{n}" for n in range(2000)]
    first = [split_of(i) for i in ids]
    assert first == [split_of(i) for i in reversed(ids)][::-1]
    # pinned: changing the salt or the rule would reshuffle every gold set
    assert [split_of(f"item-{n}") for n in range(6)] == [
        "check",
        "tune",
        "check",
        "check",
        "check",
        "check",
    ]
    assert split_of("PLOVER-GSR01-AGREE-0001") in ("tune", "check")


def test_split_of_halves_a_set_roughly_evenly() -> None:
    share = sum(split_of(f"sentence/{n}") == "check" for n in range(4000)) / 4000
    assert 0.46 < share < 0.54


def test_select_keeps_order_and_every_item_lands_in_exactly_one_half() -> None:
    ids = [f"doc{n}" for n in range(300)]
    tune, check = select(ids, "tune", str), select(ids, "check", str)
    assert sorted(tune + check) == sorted(ids)
    assert not set(tune) & set(check)
    assert tune == [i for i in ids if i in set(tune)]
    assert select(ids, "all", str) == ids
    # adding items never moves an existing one
    assert select([*ids, "new-1", "new-2"], "tune", str)[: len(tune)] == tune
    assert all(in_split(i, "tune") for i in tune)


def test_check_split_names_the_valid_splits() -> None:
    assert check_split("check") == "check"
    with pytest.raises(InputError, match="tune, check, all"):
        check_split("test")


def test_item_examples_are_shown_on_tune_only() -> None:
    assert not hides_items("tune")
    assert hides_items("check") and hides_items("all")
