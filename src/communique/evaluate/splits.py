"""Tune and check halves of every gold set, fixed once by a stable hash of each item's id.

The rule (docs/quality.md): the ``tune`` half is what we read, debug on and train on; the
``check`` half is run only to report figures and is never read item by item or fitted to.
Reports on ``check`` therefore leave out item-level examples (misses, false positives).

An item's half depends on its id alone — never on the file's order, size or the other items —
so adding items to a set never moves an existing item from one half to the other.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Literal, TypeVar, get_args

from communique.errors import InputError

Split = Literal["tune", "check", "all"]
SPLITS: tuple[Split, ...] = get_args(Split)
# Part of the hashed key: changing it would reshuffle every set, so it never changes.
_SALT = "communique-split-v1:"

T = TypeVar("T")


def split_of(item_id: str) -> Literal["tune", "check"]:
    """The half an item belongs to: ``tune`` when the first byte of
    ``sha256(salt + id)`` is even, else ``check`` (about half each)."""
    first = hashlib.sha256((_SALT + item_id).encode("utf-8")).digest()[0]
    return "tune" if first % 2 == 0 else "check"


def in_split(item_id: str, split: Split) -> bool:
    """Whether an item with this id is part of ``split`` (every item is part of ``all``)."""
    return split == "all" or split_of(item_id) == split


def select(items: Iterable[T], split: Split, key: Callable[[T], str]) -> list[T]:
    """The items of ``split``, in their order; ``key`` gives an item's id."""
    check_split(split)
    return [item for item in items if in_split(key(item), split)]


def check_split(name: str) -> Split:
    """Return ``name`` as a split, or raise an :class:`InputError` naming the valid ones."""
    if name not in SPLITS:
        raise InputError(
            "bad-split", f"unknown split {name!r}; expected one of {', '.join(SPLITS)}"
        )
    return name


def hides_items(split: Split) -> bool:
    """Whether a report on ``split`` must leave out item-level examples (it includes check)."""
    return split != "tune"
