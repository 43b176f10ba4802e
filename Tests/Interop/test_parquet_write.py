"""pyarrow, DuckDB and polars read the Parquet files Lode writes.

Lode converts canonical NDJSON with an explicit ``--schema`` into Parquet with each codec,
with and without dictionaries, in small row groups and pages. Every reader must get the
same values and the expected types back, and see correct statistics.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import oracles
from canonical import assert_rows_equal, canonical_rows, schema_signature
from lode_parquet import (LAYOUTS, PAGE_BYTES, ROW_GROUP_ROWS, Layout, polars_types, source_table,
                          write_source_ndjson)
from parquet_pages import page_census
from parquet_statistics import duckdb_statistics_problems, pyarrow_statistics_problems

LAYOUT_IDS = [layout.id for layout in LAYOUTS]
FLAT_LAYOUTS = [layout for layout in LAYOUTS if layout.table == "flat"]


@pytest.fixture(scope="module")
def lode_file(lode, tmp_path_factory):
    """``lode_file(layout)``: the Parquet file Lode writes for ``layout`` (made once)."""
    directory = tmp_path_factory.mktemp("lode-written")
    made: dict[str, Path] = {}

    def make(layout: Layout) -> Path:
        if layout.id not in made:
            source = write_source_ndjson(layout, directory / f"{layout.id}.ndjson")
            target = directory / f"{layout.id}.parquet"
            lode.convert(source, target, *layout.options())
            made[layout.id] = target
        return made[layout.id]

    return make


@pytest.mark.parametrize("reader", oracles.READERS)
@pytest.mark.parametrize("layout", LAYOUTS, ids=LAYOUT_IDS)
def test_reader_gets_the_values_back(lode_file, layout, reader):
    path = lode_file(layout)
    actual = canonical_rows(oracles.PARQUET_READERS[reader](path))
    assert_rows_equal(canonical_rows(source_table(layout)), actual, f"{reader} reading Lode's {layout.id}")


@pytest.mark.parametrize("layout", LAYOUTS, ids=LAYOUT_IDS)
def test_pyarrow_sees_the_declared_types(lode_file, layout):
    schema = pq.read_schema(lode_file(layout))
    assert schema_signature(schema) == schema_signature(source_table(layout).schema)
    assert all(field.nullable for field in schema)


@pytest.mark.parametrize("layout", [LAYOUTS[0]], ids=[LAYOUTS[0].id])
def test_pyarrow_types_spelled_out(lode_file, layout):
    """The key mappings, written out: DECIMAL(38,10), TIMESTAMPTZ, TIMESTAMP, TINYINT."""
    schema = pq.read_schema(lode_file(layout))
    assert schema.field("dec38_10").type == pa.decimal128(38, 10)
    assert schema.field("ts_us_utc").type == pa.timestamp("us", tz="UTC")
    assert schema.field("ts_us").type == pa.timestamp("us")
    assert schema.field("i8").type == pa.int8()
    assert schema.field("date").type == pa.date32()
    assert schema.field("bin").type == pa.binary()
    assert schema.field("str").type == pa.string()


@pytest.mark.parametrize("layout", LAYOUTS, ids=LAYOUT_IDS)
def test_duckdb_sees_the_declared_types(lode_file, layout):
    expected = [(c.name, c.duckdb) for c in layout.columns()]
    assert oracles.duckdb_parquet_types(lode_file(layout)) == expected


@pytest.mark.parametrize("layout", LAYOUTS, ids=LAYOUT_IDS)
def test_polars_sees_the_declared_types(lode_file, layout):
    actual = dict(pl.read_parquet(lode_file(layout)).schema)
    assert actual == polars_types(source_table(layout).schema)


@pytest.mark.parametrize("layout", FLAT_LAYOUTS, ids=[layout.id for layout in FLAT_LAYOUTS])
def test_pyarrow_sees_exact_statistics(lode_file, layout):
    assert pyarrow_statistics_problems(lode_file(layout), source_table(layout)) == []


@pytest.mark.parametrize("layout", FLAT_LAYOUTS, ids=[layout.id for layout in FLAT_LAYOUTS])
def test_duckdb_sees_exact_statistics(lode_file, layout):
    columns = [c.name for c in layout.columns()]
    floats = {c.name for c in layout.columns() if pa.types.is_floating(c.arrow)}
    assert duckdb_statistics_problems(lode_file(layout), columns, floats) == []


@pytest.mark.parametrize("layout", LAYOUTS, ids=LAYOUT_IDS)
def test_row_groups_pages_codec_and_dictionary_follow_the_options(lode_file, layout):
    path = lode_file(layout)
    metadata = pq.ParquetFile(path).metadata
    sizes = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
    assert metadata.num_row_groups > 1 and max(sizes) <= ROW_GROUP_ROWS, f"row group sizes {sizes}"
    codec = {"none": "UNCOMPRESSED"}.get(layout.codec, layout.codec.upper())
    codecs = {metadata.row_group(g).column(c).compression
              for g in range(metadata.num_row_groups) for c in range(metadata.num_columns)}
    assert codecs == {codec}
    census = page_census(path)
    if not layout.dictionary:  # dictionary indices of 64 rows fit one small page
        most_pages = max(counts["DATA_PAGE"] + counts["DATA_PAGE_V2"] for counts in census.values())
        assert most_pages > metadata.num_row_groups, f"--page-size {PAGE_BYTES} split no column chunk: {census}"
    with_dictionary = sorted(name for name, counts in census.items() if counts["DICTIONARY_PAGE"])
    if layout.dictionary:
        assert with_dictionary, "dictionary encoding enabled but no column chunk has a dictionary page"
    else:
        assert with_dictionary == [], "--no-dictionary given but dictionary pages were written"


@pytest.mark.parametrize("layout", [LAYOUTS[0]], ids=[LAYOUTS[0].id])
def test_created_by_names_lode(lode_file, layout):
    path = lode_file(layout)
    created_by = pq.ParquetFile(path).metadata.created_by
    assert created_by.startswith("lode version "), created_by
    duckdb_view = oracles.duckdb_connection().execute(
        f"SELECT created_by FROM parquet_file_metadata({oracles.sql_string(path)})").fetchone()[0]
    assert duckdb_view == created_by


def test_not_null_columns_are_required(lode, tmp_path):
    source = tmp_path / "in.ndjson"
    source.write_text('{"id": 1, "name": "a"}\n{"id": 2, "name": null}\n', encoding="utf-8")
    target = tmp_path / "out.parquet"
    lode.convert(source, target, "--schema", "id BIGINT NOT NULL, name VARCHAR")
    schema = pq.read_schema(target)
    assert not schema.field("id").nullable and schema.field("name").nullable
    assert pq.read_table(target).to_pylist() == [{"id": 1, "name": "a"}, {"id": 2, "name": None}]
