"""Store: coded records → one DuckDB database file, and the queries that read it back.

One writer (:class:`StoreWriter`) does every insert of coded records, in one transaction
per batch (the dashboard's watchlists are small writes of their own, in ``watchlists``);
the schema grows by named, append-only migrations recorded in ``_migrations``. SQL
lives only in this package. See docs/store.md for the schema and its guarantees.
"""

from __future__ import annotations

from communique.store._filters import check_country, near_point
from communique.store.connection import Connection, open_database
from communique.store.documents import coded_document, raw_document
from communique.store.facts import forget_role_facts
from communique.store.migrations import applied_migrations, migrate, migration_names
from communique.store.places import document_places, place_counts
from communique.store.queries import (
    TABLES,
    ActorTable,
    EventFilter,
    StoredArticle,
    actor_table,
    actors,
    article,
    counts,
    document_ids,
    events,
    known_document_ids,
    quotes,
    rejections,
    role_facts,
    runs,
)
from communique.store.watchlists import (
    LEGACY_WATCHLISTS_FILE,
    MAX_WATCHLISTS,
    Watchlist,
    add_watchlist,
    all_watchlists,
    import_watchlists_file,
    remove_watchlist,
    visit_watchlist,
    watchlist,
)
from communique.store.writer import StoreWriter, WriteResult

__all__ = [
    "LEGACY_WATCHLISTS_FILE",
    "MAX_WATCHLISTS",
    "TABLES",
    "ActorTable",
    "Connection",
    "EventFilter",
    "StoreWriter",
    "StoredArticle",
    "Watchlist",
    "WriteResult",
    "actor_table",
    "actors",
    "add_watchlist",
    "all_watchlists",
    "applied_migrations",
    "article",
    "check_country",
    "coded_document",
    "counts",
    "document_ids",
    "document_places",
    "events",
    "forget_role_facts",
    "import_watchlists_file",
    "known_document_ids",
    "migrate",
    "migration_names",
    "near_point",
    "open_database",
    "place_counts",
    "quotes",
    "raw_document",
    "rejections",
    "remove_watchlist",
    "role_facts",
    "runs",
    "visit_watchlist",
    "watchlist",
]
