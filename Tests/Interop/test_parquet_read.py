"""Lode reads Parquet written by pyarrow, DuckDB and polars.

``lode convert f.parquet out.ndjson`` must print exactly the canonical JSON of what the
oracle reads from ``f``: every codec, V1 and V2 pages, with and without dictionaries, the
DELTA_* and BYTE_STREAM_SPLIT encodings, INT96 timestamps, many pages and row groups,
flat and nested types with nulls and extreme values.
"""

from __future__ import annotations

import pytest

import foreign_parquet
from canonical import assert_rows_equal, canonical_rows, parse_ndjson

VARIANTS = foreign_parquet.variants()


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.id for v in VARIANTS])
def test_lode_reads_foreign_parquet(lode, foreign_file, variant, tmp_path):
    source = foreign_file(variant)
    target = tmp_path / "out.ndjson"
    lode.convert(source, target)
    actual = parse_ndjson(target.read_text(encoding="utf-8"), str(target))
    expected = canonical_rows(foreign_parquet.expected_table(variant, source))
    assert_rows_equal(expected, actual, f"lode's reading of {variant.id}")


@pytest.mark.parametrize("variant", VARIANTS[:1], ids=[VARIANTS[0].id])
def test_lode_reads_parquet_named_by_from_option(lode, foreign_file, variant, tmp_path):
    """--from/--to override the file extensions."""
    source = tmp_path / "data.bin"
    source.write_bytes(foreign_file(variant).read_bytes())
    target = tmp_path / "out.txt"
    lode.convert(source, target, "--from", "parquet", "--to", "ndjson")
    actual = parse_ndjson(target.read_text(encoding="utf-8"), str(target))
    assert_rows_equal(canonical_rows(foreign_parquet.expected_table(variant, source)), actual)
