"""Changing the remembered roles (``role_facts``) by hand: ``communique actors facts --remove``."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from communique.store.connection import in_transaction


def forget_role_facts(connection: duckdb.DuckDBPyConnection, names: Sequence[str]) -> int:
    """Delete the remembered roles of these people (exact full names); how many went.

    Raises:
        StorageError: The delete failed and was rolled back.
    """
    if not names:
        return 0

    def delete() -> int:
        before = _count(connection)
        connection.execute("DELETE FROM role_facts WHERE list_contains(?, name)", [list(names)])
        return before - _count(connection)

    return in_transaction(connection, f"forgetting the roles of {len(names)} people", delete)


def _count(connection: duckdb.DuckDBPyConnection) -> int:
    row = connection.execute("SELECT count(*) FROM role_facts").fetchone()
    return int(row[0]) if row else 0
