"""The reference implementations: writing and reading Parquet, CSV and NDJSON with
pyarrow, DuckDB and polars, always handing results back as Arrow tables."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.json as pajson
import pyarrow.parquet as pq

READERS = ("pyarrow", "duckdb", "polars")


def duckdb_connection() -> duckdb.DuckDBPyConnection:
    """A fresh in-memory DuckDB whose session time zone is UTC."""
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    return connection


def sql_string(text: str | Path) -> str:
    """``text`` as a SQL string literal."""
    return "'" + str(text).replace("'", "''") + "'"


# ---------------------------------------------------------------------------
# Parquet
# ---------------------------------------------------------------------------

def write_parquet_pyarrow(table: pa.Table, path: Path, **options) -> None:
    pq.write_table(table, path, **options)


def write_parquet_duckdb(table: pa.Table, path: Path, options: str = "") -> None:
    connection = duckdb_connection()
    connection.register("source", table)
    extra = f", {options}" if options else ""
    connection.execute(f"COPY source TO {sql_string(path)} (FORMAT parquet{extra})")


def write_parquet_polars(table: pa.Table, path: Path, **options) -> None:
    pl.from_arrow(table).write_parquet(path, **options)


def read_parquet_pyarrow(path: Path) -> pa.Table:
    return pq.read_table(path)


def read_parquet_duckdb(path: Path) -> pa.Table:
    return duckdb_connection().sql(f"SELECT * FROM read_parquet({sql_string(path)})").to_arrow_table()


def read_parquet_polars(path: Path) -> pa.Table:
    return pl.read_parquet(path).to_arrow()


PARQUET_READERS: dict[str, Callable[[Path], pa.Table]] = {
    "pyarrow": read_parquet_pyarrow,
    "duckdb": read_parquet_duckdb,
    "polars": read_parquet_polars,
}


def duckdb_parquet_types(path: Path) -> list[tuple[str, str]]:
    """(column, DuckDB type) as DuckDB sees a Parquet file."""
    rows = duckdb_connection().sql(f"DESCRIBE SELECT * FROM read_parquet({sql_string(path)})").fetchall()
    return [(row[0], row[1]) for row in rows]


# ---------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------

def write_csv_pyarrow(table: pa.Table, path: Path) -> None:
    pacsv.write_csv(table, path)


def write_csv_duckdb(table: pa.Table, path: Path) -> None:
    connection = duckdb_connection()
    connection.register("source", table)
    connection.execute(f"COPY source TO {sql_string(path)} (HEADER)")


def write_csv_polars(table: pa.Table, path: Path) -> None:
    pl.from_arrow(table).write_csv(path)


CSV_WRITERS: dict[str, Callable[[pa.Table, Path], None]] = {
    "pyarrow": write_csv_pyarrow,
    "duckdb": write_csv_duckdb,
    "polars": write_csv_polars,
}


def read_csv_pyarrow(path: Path, schema: pa.Schema | None = None) -> pa.Table:
    """Unquoted empty fields are null, quoted empty fields are empty strings."""
    convert = pacsv.ConvertOptions(column_types=schema, null_values=[""], strings_can_be_null=True,
                                   quoted_strings_can_be_null=False)
    read = pacsv.ReadOptions(use_threads=False)
    parse = pacsv.ParseOptions(newlines_in_values=True)
    return pacsv.read_csv(path, read_options=read, parse_options=parse, convert_options=convert)


def read_csv_duckdb(path: Path, schema: pa.Schema | None = None,
                    duckdb_types: list[str] | None = None) -> pa.Table:
    options = "header = true, allow_quoted_nulls = false"
    if duckdb_types is not None:
        assert schema is not None
        columns = ", ".join(f"{sql_string(f.name)}: {sql_string(t)}" for f, t in zip(schema, duckdb_types))
        options += f", columns = {{{columns}}}, auto_detect = false, quote = '\"', escape = '\"'"
    return duckdb_connection().sql(f"SELECT * FROM read_csv({sql_string(path)}, {options})").to_arrow_table()


def read_csv_polars(path: Path, schema: pa.Schema | None = None) -> pa.Table:
    if schema is None:
        return pl.read_csv(path, try_parse_dates=True).to_arrow()
    polars_schema = pl.from_arrow(schema.empty_table()).schema
    return pl.read_csv(path, schema=polars_schema).to_arrow()


# ---------------------------------------------------------------------------
# NDJSON
# ---------------------------------------------------------------------------

def write_ndjson_duckdb(table: pa.Table, path: Path) -> None:
    connection = duckdb_connection()
    connection.register("source", table)
    connection.execute(f"COPY source TO {sql_string(path)} (FORMAT json)")


def write_ndjson_polars(table: pa.Table, path: Path) -> None:
    pl.from_arrow(table).write_ndjson(path)


NDJSON_WRITERS: dict[str, Callable[[pa.Table, Path], None]] = {
    "duckdb": write_ndjson_duckdb,
    "polars": write_ndjson_polars,
}


def read_ndjson_pyarrow(path: Path, schema: pa.Schema) -> pa.Table:
    parse = pajson.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error")
    return pajson.read_json(path, parse_options=parse)


def read_ndjson_duckdb(path: Path, schema: pa.Schema, duckdb_types: list[str]) -> pa.Table:
    columns = ", ".join(f"{sql_string(f.name)}: {sql_string(t)}" for f, t in zip(schema, duckdb_types))
    query = f"SELECT * FROM read_json({sql_string(path)}, format = 'newline_delimited', columns = {{{columns}}})"
    return duckdb_connection().sql(query).to_arrow_table()


def read_ndjson_polars(path: Path, schema: pa.Schema) -> pa.Table:
    polars_schema = pl.from_arrow(schema.empty_table()).schema
    return pl.read_ndjson(path, schema=polars_schema).to_arrow()
