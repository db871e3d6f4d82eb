"""Explicit role memory: a read-only snapshot per run, what each document learned apart."""

from __future__ import annotations

import pickle
from datetime import date

from communique.actors import EMPTY_ROLES, DocumentRoles, RoleFact, RoleMemory, RoleSnapshot

OLD = RoleFact("Mara Lind", "Foreign Minister", "SWEGOV", "SWE", "GOV", None, date(2020, 1, 5))
NEW = RoleFact("Mara Lind", "Prime Minister", "SWEGOV", "SWE", "GOV", None, date(2023, 3, 1))
OTHER = RoleFact("Jon Lind", "Senator", "USALEG", "USA", "LEG", None, date(2022, 6, 1))


def test_snapshot_recalls_the_same_whatever_order_its_facts_came_in() -> None:
    one, two = RoleSnapshot([OLD, NEW, OTHER]), RoleSnapshot([OTHER, NEW, OLD])
    assert one == two and hash(one) == hash(two) and repr(one) == repr(two)
    assert one.recall("Mara Lind", None) == two.recall("Mara Lind", None) == NEW
    # a surname stands for the person seen last, decided by the facts alone
    assert one.recall("Lind", None) == two.recall("Lind", None) == NEW
    assert RoleSnapshot([OLD]) != one


def test_snapshot_survives_pickling_for_worker_processes() -> None:
    snapshot = RoleSnapshot([NEW, OTHER])
    travelled = pickle.loads(pickle.dumps(snapshot))
    assert travelled == snapshot
    assert travelled.recall("Jon Lind", None) == OTHER
    assert len(travelled) == 2


def test_document_roles_record_without_changing_the_snapshot() -> None:
    snapshot = RoleSnapshot([OTHER])
    document = DocumentRoles(snapshot)
    document.remember(NEW)
    assert document.learned == (NEW,)
    assert document.recall("Mara Lind", None) is None  # learned here, not recalled here
    assert snapshot.recall("Mara Lind", None) is None and len(snapshot) == 1
    assert DocumentRoles(snapshot).learned == ()  # the next document starts clean


def test_memory_snapshot_is_a_copy() -> None:
    memory = RoleMemory()
    memory.remember(OLD)
    snapshot = memory.snapshot()
    memory.remember(OTHER)
    assert len(snapshot) == 1 and snapshot.recall("Jon Lind", None) is None
    assert len(EMPTY_ROLES) == 0
