"""Row-group statistics as other engines see them, checked against the data itself.

Each function returns a list of problems (empty when the statistics are right), so one
test can report every wrong row group and column at once.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

import oracles
from canonical import canonical_column


def _row_group_bounds(metadata: pq.FileMetaData) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for index in range(metadata.num_row_groups):
        rows = metadata.row_group(index).num_rows
        bounds.append((start, start + rows))
        start += rows
    return bounds


def _stat_value(value, arrow_type: pa.DataType):
    return canonical_column(pa.array([value], type=arrow_type))[0]


def _equal(expected, actual, arrow_type: pa.DataType) -> bool:
    if pa.types.is_floating(arrow_type) and isinstance(expected, float):
        return isinstance(actual, float) and expected == actual  # either zero sign is allowed
    return expected == actual


def pyarrow_statistics_problems(path: Path, data: pa.Table) -> list[str]:
    """pyarrow's row-group statistics of every flat top-level column against ``data``."""
    metadata = pq.ParquetFile(path).metadata
    problems = []
    leaf_index = {metadata.row_group(0).column(i).path_in_schema: i for i in range(metadata.num_columns)}
    for group, (start, stop) in enumerate(_row_group_bounds(metadata)):
        for field in data.schema:
            if pa.types.is_nested(field.type) or field.name not in leaf_index:
                continue
            where = f"row group {group}, column {field.name}"
            values = data.column(field.name).slice(start, stop - start)
            stats = metadata.row_group(group).column(leaf_index[field.name]).statistics
            if stats is None:
                problems.append(f"{where}: no statistics")
                continue
            if stats.null_count != values.null_count:
                problems.append(f"{where}: null_count {stats.null_count}, expected {values.null_count}")
            extremes = pc.min_max(values)
            if extremes["min"].as_py() is None:
                continue
            if not stats.has_min_max:
                problems.append(f"{where}: has_min_max is false")
                continue
            for name, actual in (("min", stats.min), ("max", stats.max)):
                expected = canonical_column(pa.array([extremes[name].as_py()], type=field.type))[0]
                got = _stat_value(actual, field.type)
                if not _equal(expected, got, field.type):
                    problems.append(f"{where}: {name} {got!r}, expected {expected!r}")
    return problems


def duckdb_statistics_problems(path: Path, columns: list[str], float_columns: set[str]) -> list[str]:
    """DuckDB's ``parquet_metadata()`` statistics text against DuckDB's own min/max/count
    of each row group's rows (NaN left out of float min/max, as Parquet requires)."""
    connection = oracles.duckdb_connection()
    file = oracles.sql_string(path)
    metadata = connection.sql(
        f"SELECT row_group_id, path_in_schema, stats_min_value, stats_max_value, stats_null_count, "
        f"row_group_num_rows FROM parquet_metadata({file})").fetchall()
    starts, position = {}, 0
    for group, _, _, _, _, rows in sorted(metadata):
        if group not in starts:
            starts[group] = (position, position + rows)
            position += rows
    problems = []
    for group, column, low, high, nulls, _ in metadata:
        if column not in columns:
            continue
        start, stop = starts[group]
        quoted = '"' + column.replace('"', '""') + '"'
        is_float = column in float_columns
        keep = f"FILTER (WHERE NOT isnan({quoted}))" if is_float else ""
        nans = f"count(*) FILTER (WHERE isnan({quoted}))" if is_float else "0"
        expected = connection.execute(
            f"SELECT CAST(min({quoted}) {keep} AS VARCHAR), CAST(max({quoted}) {keep} AS VARCHAR), "
            f"count(*) - count({quoted}), {nans} FROM read_parquet({file}, file_row_number = true) "
            f"WHERE file_row_number >= {start} AND file_row_number < {stop}").fetchone()
        where = f"row group {group}, column {column}"
        if nulls != expected[2]:
            problems.append(f"{where}: stats_null_count {nulls}, expected {expected[2]}")
        if is_float and expected[3] and low is None and high is None:
            continue  # DuckDB withholds float min/max of row groups that hold NaN
        for name, got, want in (("min", low, expected[0]), ("max", high, expected[1])):
            if is_float and got is not None and want is not None:
                same = float(got) == float(want)  # either zero sign is allowed
            else:
                same = got == want
            if not same:
                problems.append(f"{where}: stats_{name}_value {got!r}, expected {want!r}")
    return problems
