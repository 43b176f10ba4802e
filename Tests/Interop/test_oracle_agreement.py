"""The oracles agree with each other, so a disagreement with Lode is Lode's.

Runs without Lode: every foreign file must show the layout it claims in its page headers,
and pyarrow, DuckDB and polars must read the same values from it (timestamps compared as
instants, since readers pick different resolutions), matching the table that was written.
The type and statistics expectations applied to Lode's files hold for pyarrow's.
"""

from __future__ import annotations

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import foreign_parquet
import lode_parquet
import oracles
from canonical import assert_rows_equal, canonical_rows, schema_signature, without_unit
from parquet_statistics import duckdb_statistics_problems, pyarrow_statistics_problems

VARIANTS = foreign_parquet.variants()


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.id for v in VARIANTS])
def test_foreign_file_has_claimed_layout(foreign_file, variant):
    assert foreign_parquet.claim_failures(variant, foreign_file(variant)) == []


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.id for v in VARIANTS])
def test_oracles_read_the_same_values(foreign_file, variant):
    path = foreign_file(variant)
    readings = {name: without_unit(canonical_rows(oracles.PARQUET_READERS[name](path)))
                for name in variant.readers}
    truth = readings[variant.truth]
    for name, rows in readings.items():
        assert_rows_equal(truth, rows, f"{name} vs {variant.truth} on {variant.id}")
    if not variant.int96:
        written = without_unit(canonical_rows(variant.source()))
        assert_rows_equal(written, truth, f"written table vs {variant.truth}'s reading of {variant.id}")


def _reference_file(table: str, directory) -> tuple[lode_parquet.Layout, object]:
    """A pyarrow file holding what Lode is asked to write, without pyarrow's schema hint,
    in Lode's row-group size: the checks applied to Lode's files must pass on it."""
    layout = lode_parquet.Layout(table, "snappy", True)
    path = directory / f"{table}.parquet"
    pq.write_table(lode_parquet.source_table(layout), path, store_schema=False,
                   row_group_size=lode_parquet.ROW_GROUP_ROWS)
    return layout, path


@pytest.mark.parametrize("table", lode_parquet.TABLES)
def test_reference_types_as_each_reader_sees_them(table, tmp_path):
    layout, path = _reference_file(table, tmp_path)
    expected = lode_parquet.source_table(layout).schema
    assert schema_signature(pq.read_schema(path)) == schema_signature(expected)
    assert oracles.duckdb_parquet_types(path) == [(c.name, c.duckdb) for c in layout.columns()]
    assert dict(pl.read_parquet(path).schema) == lode_parquet.polars_types(expected)


def test_reference_statistics_pass_the_checks(tmp_path):
    layout, path = _reference_file("flat", tmp_path)
    table = lode_parquet.source_table(layout)
    assert pyarrow_statistics_problems(path, table) == []
    floats = {c.name for c in layout.columns() if pa.types.is_floating(c.arrow)}
    assert duckdb_statistics_problems(path, [c.name for c in layout.columns()], floats) == []
