"""Exports: events to GDELT 2.0 TSV, PLOVER/POLECAT-style JSON Lines, CSV or Parquet.

Rows stream from DuckDB in Arrow batches, so an export of millions of events never
holds them all in memory; the file is written beside its target and renamed into place
when complete, so a failed export leaves no half file. See docs/exports.md.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pycountry

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


# The table of country names a GDELT export joins (``ActionGeo_FullName``), registered
# on the connection for the export's duration.
_COUNTRY_NAMES = "communique_export_country_names"


def _action_geo() -> dict[str, str]:
    """The ``ActionGeo_*`` columns from the event's location (all empty without one)."""
    usa, feature = "e.location_country = 'USA'", "e.location_feature"
    # GDELT's geographic resolution: 1 country, 2 US state, 3 US city or landmark,
    # 4 world city or landmark, 5 world state. An admin1 or a region inside a country is
    # a "state"; a city, an admin2 or any other point is a city or landmark.
    kind = (
        f"CASE WHEN e.location_name IS NULL THEN NULL WHEN {feature} = 'country' THEN 1"
        f" WHEN {feature} IN ('admin1', 'region') THEN CASE WHEN {usa} THEN 2 ELSE 5 END"
        f" ELSE CASE WHEN {usa} THEN 3 ELSE 4 END END"
    )
    # "Kharkiv, Kharkivska Oblast, Ukraine"; a part equal to the one before it is left out.
    below_country = f"{feature} <> 'country'"
    full_name = (
        "CASE WHEN e.location_name IS NOT NULL THEN concat_ws(', ', e.location_name,"
        f" CASE WHEN {below_country} AND e.location_admin1 <> e.location_name"
        " THEN e.location_admin1 END,"
        f" CASE WHEN {below_country} AND cn.name <> e.location_name"
        " AND cn.name IS DISTINCT FROM e.location_admin1 THEN cn.name END) END"
    )
    return {
        "ActionGeo_Type": kind,
        "ActionGeo_FullName": _clean(full_name),
        # ISO3, as the actor country columns; the gazetteer gives no FIPS 10-4 codes and
        # admin1 names, not codes: ADM1Code is the country, as GDELT's country-level rows.
        "ActionGeo_CountryCode": "e.location_country",
        "ActionGeo_ADM1Code": "e.location_country",
        "ActionGeo_Lat": "e.location_lat",
        "ActionGeo_Long": "e.location_lon",
        "ActionGeo_FeatureID": "e.location_geonameid",
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
    **_action_geo(),
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


# The event's location in the output contract's shape, or NULL.
_EVENT_LOC = """CASE WHEN e.location_name IS NULL THEN NULL ELSE {
    'span': [e.location_start, e.location_end], 'name': e.location_name,
    'geonameid': e.location_geonameid, 'lat': e.location_lat, 'lon': e.location_lon,
    'country': e.location_country, 'admin1': e.location_admin1,
    'feature': e.location_feature} END"""

# One PLOVER/POLECAT-style JSON object per event, built by DuckDB (see docs/exports.md).
_PLOVER_LINE = f"""to_json({{
    'id': e.id, 'date': e."date", 'event_type': e."type", 'mode': e."mode", 'context': NULL,
    'actor': {_ref("source", "c1.country")}, 'recipient': {_ref("target", "c2.country")},
    'modality': e.modality, 'attributed_to': {_ref("attributed", None)},
    'cameo': e.cameo, 'quad_class': e.quad_class, 'goldstein': e.goldstein,
    'confidence': e.confidence, 'text': e.evidence, 'sentence': e.sentence,
    'span': [e."start", e."end"], 'event_loc': {_EVENT_LOC},
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
    joins = f"{_JOINS} LEFT JOIN {_COUNTRY_NAMES} AS cn ON cn.code = e.location_country"
    with _country_names(connection):
        return _write_lines(_batches(connection, where, _GDELT_LINE, joins), path)


@contextmanager
def _country_names(connection: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Register the ISO3 → country name table while the block runs."""
    connection.register(_COUNTRY_NAMES, country_names_table())
    try:
        yield
    finally:
        connection.unregister(_COUNTRY_NAMES)


@cache
def country_names_table() -> pa.Table:
    """ISO 3166 alpha-3 codes and the short names GDELT-style full names use ("North
    Korea", not "Korea, Democratic People's Republic of"), from pycountry."""
    found = [
        (country.alpha_3, getattr(country, "common_name", None) or country.name)
        for country in pycountry.countries
    ]
    return pa.table({"code": [c for c, _ in found], "name": [n for _, n in found]})


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
