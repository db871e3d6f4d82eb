"""Named, append-only schema migrations, each applied once in its own transaction.

Every migration is a function ``mNNN_what(connection)`` appended to :data:`MIGRATIONS`
with the ``@migration`` decorator. Applied names are recorded in ``_migrations``, so
opening a database applies exactly the ones it lacks, in order. Never edit or reorder
a released migration: add a new one.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from communique.errors import StorageError

MigrationFunction = Callable[[duckdb.DuckDBPyConnection], None]

MIGRATIONS: list[MigrationFunction] = []


def migration(function: MigrationFunction) -> MigrationFunction:
    """Append ``function`` to the migrations; its ``__name__`` is the name recorded."""
    MIGRATIONS.append(function)
    return function


def migration_names() -> list[str]:
    """The names of every migration this version of communique knows, in order."""
    return [function.__name__ for function in MIGRATIONS]


def applied_migrations(connection: duckdb.DuckDBPyConnection) -> list[str]:
    """The names recorded in ``_migrations``, in the order they were applied."""
    return _applied_if_logged(connection)


def migrate(connection: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every migration the database lacks, each in its own transaction.

    Returns:
        The names applied now (empty when the database was up to date).

    Raises:
        StorageError: The database has migrations this version does not know (it was
            written by a newer communique), or a migration failed (it is rolled back).
    """
    done = set(_known_applied(connection))
    applied: list[str] = []
    for seq, function in enumerate(MIGRATIONS, start=1):
        name = function.__name__
        if name in done:
            continue
        connection.begin()
        try:
            function(connection)
            connection.execute(
                "INSERT INTO _migrations (seq, name, applied_at) VALUES (?, ?, now())",
                [seq, name],
            )
            connection.commit()
        except duckdb.Error as error:
            connection.rollback()
            raise StorageError(f"Migration {name} failed and was rolled back: {error}") from error
        applied.append(name)
    return applied


def check_migrated(connection: duckdb.DuckDBPyConnection) -> None:
    """Raise StorageError unless the database has every migration (for read-only use)."""
    missing = [name for name in migration_names() if name not in set(_known_applied(connection))]
    if missing:
        raise StorageError(
            f"The database lacks migrations {missing}. Open it once for writing "
            "(any 'communique ingest ... --db FILE' run upgrades it), then read it again."
        )


def _known_applied(connection: duckdb.DuckDBPyConnection) -> list[str]:
    applied = _applied_if_logged(connection)
    unknown = [name for name in applied if name not in set(migration_names())]
    if unknown:
        raise StorageError(
            f"The database was written by a newer communique (unknown migrations {unknown}). "
            "Upgrade communique to read it."
        )
    return applied


def _applied_if_logged(connection: duckdb.DuckDBPyConnection) -> list[str]:
    exists = connection.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = '_migrations'"
    ).fetchone()
    if not exists or not exists[0]:
        return []
    rows = connection.execute("SELECT name FROM _migrations ORDER BY seq").fetchall()
    return [str(name) for (name,) in rows]


def _create_log(connection: duckdb.DuckDBPyConnection) -> None:
    connection.execute(
        "CREATE TABLE IF NOT EXISTS _migrations ("
        " seq INTEGER NOT NULL, name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
    )


@migration
def m001_initial(connection: duckdb.DuckDBPyConnection) -> None:
    """The first schema: raw documents, coded records, rejections, runs and role memory."""
    _create_log(connection)
    for statement in _INITIAL_SCHEMA:
        connection.execute(statement)


_INITIAL_SCHEMA = (
    """CREATE TABLE documents (
        id VARCHAR PRIMARY KEY, origin VARCHAR NOT NULL, content_hash VARCHAR NOT NULL,
        data BLOB NOT NULL, media_type VARCHAR NOT NULL, encoding VARCHAR, url VARCHAR,
        title VARCHAR, published VARCHAR, source VARCHAR, producer VARCHAR,
        ingested_at TIMESTAMP NOT NULL, run_id VARCHAR)""",
    """CREATE TABLE articles (
        doc_id VARCHAR PRIMARY KEY, title VARCHAR, published VARCHAR, source VARCHAR,
        url VARCHAR, language VARCHAR, author VARCHAR, site_name VARCHAR,
        text VARCHAR NOT NULL, producer VARCHAR)""",
    """CREATE TABLE actor_mentions (
        doc_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, "start" INTEGER NOT NULL,
        "end" INTEGER NOT NULL, code VARCHAR NOT NULL, name VARCHAR NOT NULL,
        country VARCHAR, sector VARCHAR, role VARCHAR, producer VARCHAR)""",
    """CREATE TABLE events (
        id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL,
        source_code VARCHAR NOT NULL, source_name VARCHAR NOT NULL, source_actor_id VARCHAR,
        target_code VARCHAR, target_name VARCHAR, target_actor_id VARCHAR,
        "type" VARCHAR NOT NULL, "mode" VARCHAR, cameo VARCHAR NOT NULL,
        quad_class TINYINT NOT NULL, goldstein DOUBLE NOT NULL, modality VARCHAR NOT NULL,
        attributed_code VARCHAR, attributed_name VARCHAR, attributed_actor_id VARCHAR,
        "date" DATE, sentence INTEGER NOT NULL, "start" INTEGER NOT NULL,
        "end" INTEGER NOT NULL, evidence VARCHAR NOT NULL, confidence DOUBLE NOT NULL,
        producer VARCHAR)""",
    """CREATE TABLE quotes (
        id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, text VARCHAR NOT NULL,
        kind VARCHAR NOT NULL, speaker_code VARCHAR, speaker_name VARCHAR,
        speaker_actor_id VARCHAR, cue VARCHAR, "start" INTEGER NOT NULL,
        "end" INTEGER NOT NULL, producer VARCHAR)""",
    """CREATE TABLE rejections (
        origin VARCHAR NOT NULL, stage VARCHAR NOT NULL, reason VARCHAR NOT NULL,
        detail VARCHAR NOT NULL, doc_id VARCHAR, run_id VARCHAR, "at" TIMESTAMP NOT NULL)""",
    """CREATE TABLE runs (
        id VARCHAR PRIMARY KEY, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP,
        config JSON, versions JSON, counts JSON)""",
    """CREATE TABLE role_facts (
        name VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, code VARCHAR NOT NULL,
        country VARCHAR, sector VARCHAR, first_seen DATE, last_seen DATE)""",
)


@migration
def m002_near_duplicates(connection: duckdb.DuckDBPyConnection) -> None:
    """Near-duplicate articles: each article's MinHash signature and its duplicate link."""
    connection.execute(
        "CREATE TABLE article_signatures (doc_id VARCHAR PRIMARY KEY, signature BLOB NOT NULL)"
    )
    connection.execute(
        "CREATE TABLE duplicates (doc_id VARCHAR PRIMARY KEY, duplicate_of VARCHAR NOT NULL,"
        " similarity DOUBLE NOT NULL)"
    )


@migration
def m003_event_clusters(connection: duckdb.DuckDBPyConnection) -> None:
    """Event clusters: one story's events across articles, counted once per article and source."""
    connection.execute(
        """CREATE TABLE event_clusters (
            cluster_id VARCHAR NOT NULL, source_code VARCHAR NOT NULL, target_code VARCHAR,
            cameo VARCHAR NOT NULL, first_date DATE, last_date DATE,
            num_mentions INTEGER NOT NULL, num_articles INTEGER NOT NULL,
            num_sources INTEGER NOT NULL)"""
    )
    # Keys whose events changed since the clusters were computed: written in the same
    # transaction as the events, so a killed ingest leaves them for the next refresh.
    connection.execute(
        "CREATE TABLE stale_cluster_keys (source_code VARCHAR NOT NULL,"
        " target_code VARCHAR NOT NULL, cameo VARCHAR NOT NULL)"
    )
    # The window the clusters were computed with; another window recomputes them all.
    connection.execute("CREATE TABLE event_cluster_window (window_days INTEGER NOT NULL)")


@migration
def m004_watchlists(connection: duckdb.DuckDBPyConnection) -> None:
    """Watchlists: the dashboard's saved searches, until now a JSON file in the data folder."""
    connection.execute(
        "CREATE TABLE watchlists (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL,"
        " query VARCHAR NOT NULL, created TIMESTAMP NOT NULL, last_visit TIMESTAMP NOT NULL)"
    )


@migration
def m005_places(connection: duckdb.DuckDBPyConnection) -> None:
    """Where: each event's location (its place, flattened) and every place a document names."""
    # Events stored before the geo stage keep NULL in every location column.
    for column, kind in (
        ("location_name", "VARCHAR"),
        ("location_geonameid", "BIGINT"),
        ("location_lat", "DOUBLE"),
        ("location_lon", "DOUBLE"),
        ("location_country", "VARCHAR"),
        ("location_admin1", "VARCHAR"),
        ("location_feature", "VARCHAR"),
        ("location_start", "INTEGER"),
        ("location_end", "INTEGER"),
        ("location_producer", "VARCHAR"),
    ):
        connection.execute(f"ALTER TABLE events ADD COLUMN {column} {kind}")
    connection.execute(
        """CREATE TABLE places (
            doc_id VARCHAR NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL,
            name VARCHAR NOT NULL, geonameid BIGINT, lat DOUBLE NOT NULL, lon DOUBLE NOT NULL,
            country VARCHAR, admin1 VARCHAR, feature VARCHAR NOT NULL, producer VARCHAR)"""
    )
