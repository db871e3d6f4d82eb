"""Exports: events to GDELT 2.0 TSV, PLOVER/POLECAT-style JSON Lines, CSV or Parquet.

Rows stream from DuckDB in Arrow batches, so an export of millions of events never
holds them all in memory; the file is written beside its target and renamed into place
when complete, so a failed export leaves no half file. See docs/exports.md.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from communique.errors import StorageError
from communique.store._filters import EventFilter, check_choice
from communique.store.queries import EVENT_COLUMNS, event_query

FORMATS = ("gdelt", "plover", "csv", "parquet")
_BATCH_ROWS = 50_000

# The 61 columns of the GDELT 2.0 event table, in order (GDELT Event Codebook V2.0).
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(
        f"Actor{n}{field}"
        for n in (1, 2)
        for field in (
            "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
            "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
        )
    ),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(
        f"{who}Geo_{field}"
        for who in ("Actor1", "Actor2", "Action")
        for field in (
            "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
        )
    ),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

_DATE = 'e."date"'


def _clean(sql: str) -> str:
    """Tabs and line breaks would split a TSV field; GDELT files have none."""
    return f"regexp_replace({sql}, '[\\t\\r\\n]+', ' ', 'g')"


def _actor_columns(n: int, side: str) -> dict[str, str]:
    # The code's 3-letter blocks after its country are its types (USAGOVMIL → GOV, MIL).
    code, known = f"e.{side}_code", f"c{n}"
    rest = (
        f"CASE WHEN {known}.code IS NULL THEN NULL WHEN {known}.country IS NOT NULL AND "
        f"starts_with({code}, {known}.country) THEN substr({code}, 4) ELSE {code} END"
    )
    types = {
        f"Actor{n}Type{i}Code": f"nullif(substr({rest}, {3 * i - 2}, 3), '')" for i in (1, 2, 3)
    }
    return {
        f"Actor{n}Code": code,
        f"Actor{n}Name": _clean(f"e.{side}_name"),
        f"Actor{n}CountryCode": f"{known}.country",
        **types,
    }


# What we fill; every other GDELT column is written empty.
_GDELT_FILLED = {
    "GLOBALEVENTID": "CAST('0x' || left(sha256(e.id), 15) AS BIGINT)",
    "SQLDATE": f"CAST(strftime({_DATE}, '%Y%m%d') AS INTEGER)",
    "MonthYear": f"CAST(strftime({_DATE}, '%Y%m') AS INTEGER)",
    "Year": f"year({_DATE})",
    "FractionDate": f"round(year({_DATE}) + dayofyear({_DATE}) / 365.0, 4)",
    **_actor_columns(1, "source"),
    **_actor_columns(2, "target"),
    "IsRootEvent": "CAST(e.sentence = 0 AS INTEGER)",
    "EventCode": "e.cameo",
    "EventBaseCode": "left(e.cameo, 3)",
    "EventRootCode": "left(e.cameo, 2)",
    "QuadClass": "e.quad_class",
    "GoldsteinScale": "e.goldstein",
    # One event row is one mention in one article until cross-article clusters exist.
    "NumMentions": "1",
    "NumSources": "1",
    "NumArticles": "1",
    "DATEADDED": "CAST(strftime(d.ingested_at, '%Y%m%d%H%M%S') AS BIGINT)",
    "SOURCEURL": _clean("coalesce(a.url, d.url)"),
}
# One TSV line per event, built by DuckDB: every field as text, NULL as empty.
_GDELT_LINE = "concat_ws(chr(9), {}) AS line".format(
    ", ".join(
        f"coalesce(CAST({_GDELT_FILLED[name]} AS VARCHAR), '')" if name in _GDELT_FILLED else "''"
        for name in GDELT_COLUMNS
    )
)


def _ref(side: str, country: str | None) -> str:
    """The PLOVER actor object of ``e.{side}_*`` (NULL when there is none)."""
    place = f", 'country': {country}" if country else ""
    return (
        f"CASE WHEN e.{side}_code IS NULL THEN NULL ELSE {{'code': e.{side}_code, "
        f"'name': e.{side}_name, 'actor_id': e.{side}_actor_id{place}}} END"
    )


# One PLOVER/POLECAT-style JSON object per event, built by DuckDB (see docs/exports.md).
_PLOVER_LINE = f"""to_json({{
    'id': e.id, 'date': e."date", 'event_type': e."type", 'mode': e."mode", 'context': NULL,
    'actor': {_ref("source", "c1.country")}, 'recipient': {_ref("target", "c2.country")},
    'modality': e.modality, 'attributed_to': {_ref("attributed", None)},
    'cameo': e.cameo, 'quad_class': e.quad_class, 'goldstein': e.goldstein,
    'confidence': e.confidence, 'text': e.evidence, 'sentence': e.sentence,
    'span': [e."start", e."end"],
    'story': {{'id': e.doc_id, 'title': a.title, 'published': a.published,
        'source': a.source, 'url': a.url}},
    'producer': e.producer}}) AS line"""
_CODES = "SELECT code, mode(country) AS country FROM actor_mentions GROUP BY code"
_JOINS = (
    " LEFT JOIN documents AS d ON d.id = e.doc_id"
    f" LEFT JOIN ({_CODES}) AS c1 ON c1.code = e.source_code"
    f" LEFT JOIN ({_CODES}) AS c2 ON c2.code = e.target_code"
)


def gdelt_event_id(event_id: str) -> int:
    """The GLOBALEVENTID a GDELT export gives event ``event_id``: 60 bits of its SHA-256."""
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:15], 16)


def export_events(
    connection: duckdb.DuckDBPyConnection,
    path: Path | str,
    export_format: str,
    where: EventFilter | None = None,
) -> int:
    """Write the events matching ``where`` to ``path`` in ``export_format``.

    Args:
        connection: An open database.
        path: The file to write (replaced when it exists; its folder is created).
        export_format: ``gdelt`` (GDELT 2.0 event table, TSV without header),
            ``plover`` (one JSON object per line), ``csv`` or ``parquet``.
        where: Which events; all of them when omitted.

    Returns:
        The number of events written.

    Raises:
        InputError: Unknown format (the message lists the formats).
        StorageError: The file cannot be written.
    """
    check_choice("export_format", export_format, FORMATS)
    target = Path(path).expanduser()
    partial = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        written = _WRITERS[export_format.lower()](connection, where or EventFilter(), partial)
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise StorageError(
            f"Cannot write the export to {target}: {error.strerror or error}. "
            "Pass -o with a writable path."
        ) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return written


def _batches(
    connection: duckdb.DuckDBPyConnection, where: EventFilter, columns: str, joins: str = ""
) -> pa.RecordBatchReader:
    sql, params = event_query(where, columns, joins)
    return connection.sql(sql, params=params).to_arrow_reader(_BATCH_ROWS)


def _write_gdelt(connection: duckdb.DuckDBPyConnection, where: EventFilter, path: Path) -> int:
    return _write_lines(_batches(connection, where, _GDELT_LINE, _JOINS), path)


def _write_plover(connection: duckdb.DuckDBPyConnection, where: EventFilter, path: Path) -> int:
    return _write_lines(_batches(connection, where, _PLOVER_LINE, _JOINS), path)


def _write_lines(reader: pa.RecordBatchReader, path: Path) -> int:
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        for batch in reader:
            if batch.num_rows:
                out.write("\n".join(batch.column(0).to_pylist()) + "\n")
            rows += batch.num_rows
    return rows


def _write_csv(connection: duckdb.DuckDBPyConnection, where: EventFilter, path: Path) -> int:
    reader = _batches(connection, where, EVENT_COLUMNS)
    with pa_csv.CSVWriter(str(path), reader.schema) as writer:
        return _copy(reader, writer.write_batch)


def _write_parquet(connection: duckdb.DuckDBPyConnection, where: EventFilter, path: Path) -> int:
    reader = _batches(connection, where, EVENT_COLUMNS)
    with pq.ParquetWriter(str(path), reader.schema) as writer:
        return _copy(reader, writer.write_batch)


def _copy(reader: pa.RecordBatchReader, write: Callable[[pa.RecordBatch], None]) -> int:
    rows = 0
    for batch in reader:
        write(batch)
        rows += batch.num_rows
    return rows


_WRITERS: dict[str, Callable[[duckdb.DuckDBPyConnection, EventFilter, Path], int]] = {
    "gdelt": _write_gdelt,
    "plover": _write_plover,
    "csv": _write_csv,
    "parquet": _write_parquet,
}

__all__ = ["FORMATS", "GDELT_COLUMNS", "export_events", "gdelt_event_id"]
