"""NDJSON between Lode and DuckDB, polars and pyarrow.

Lode's canonical NDJSON (see ``canonical.py``) must survive Lode's own reader and writer
unchanged, Lode must read the NDJSON DuckDB and polars write, and the readers must get
Lode's NDJSON back for the types they can take from JSON.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import oracles
import samples
from canonical import assert_rows_equal, canonical_rows, dump_ndjson, parse_ndjson


def json_friendly_columns(rows: int = 200) -> list[samples.Column]:
    """Types every engine writes to JSON the same way Lode's canonical form does."""
    base = {c.name: c for c in samples.csv_columns(rows)}
    nested = {c.name: c for c in samples.nested_columns()}

    def cut(column: samples.Column) -> samples.Column:
        return samples.Column(column.name, column.arrow, column.lode, column.duckdb, column.values[:rows])

    return [base["id"], base["name"], base["small"], base["price"], base["flag"], base["d"],
            cut(nested["st"]), cut(nested["ls"]), cut(nested["lst"])]


JSON_FRIENDLY = json_friendly_columns()

#: Columns a reader cannot take from canonical NDJSON: pyarrow's JSON reader does not turn
#: strings into dates; polars does not turn strings into decimals; nobody reads maps as
#: arrays of key/value objects.
UNREADABLE = {"pyarrow": {"d"}, "duckdb": set(), "polars": {"amount"}}


@pytest.mark.parametrize("table", ["flat", "nested"])
def test_canonical_ndjson_survives_lode(lode, table, tmp_path):
    columns = samples.writable(samples.flat_columns()) if table == "flat" else samples.nested_columns()
    rows = canonical_rows(samples.table(columns))
    source = tmp_path / "in.ndjson"
    source.write_text(dump_ndjson(rows), encoding="utf-8")
    target = tmp_path / "out.jsonl"
    lode.convert(source, target, "--schema", samples.lode_schema(columns))
    assert_rows_equal(rows, parse_ndjson(target.read_text(encoding="utf-8"), str(target)),
                      "canonical NDJSON through Lode")


@pytest.mark.parametrize("writer", oracles.NDJSON_WRITERS)
def test_lode_reads_others_ndjson(lode, writer, tmp_path):
    table = samples.table(JSON_FRIENDLY)
    source = tmp_path / f"{writer}.json"
    oracles.NDJSON_WRITERS[writer](table, source)
    target = tmp_path / "out.parquet"
    lode.convert(source, target, "--schema", samples.lode_schema(JSON_FRIENDLY))
    assert_rows_equal(canonical_rows(table), canonical_rows(pq.read_table(target)),
                      f"Lode's reading of {writer}'s NDJSON")


def _typed_ndjson_read(reader: str, path: Path, columns: list[samples.Column]) -> pa.Table:
    schema = samples.table(columns).schema
    if reader == "pyarrow":
        return oracles.read_ndjson_pyarrow(path, schema)
    if reader == "duckdb":
        return oracles.read_ndjson_duckdb(path, schema, [c.duckdb for c in columns])
    return oracles.read_ndjson_polars(path, schema)


def _readable(reader: str) -> list[samples.Column]:
    columns = samples.csv_columns() + [c for c in JSON_FRIENDLY if pa.types.is_nested(c.arrow)]
    return [c for c in columns if c.name not in UNREADABLE[reader]]


@pytest.mark.parametrize("reader", oracles.READERS)
def test_oracle_reads_canonical_ndjson(reader, tmp_path):
    """What the readers take from canonical NDJSON written here, for the test below."""
    columns = _readable(reader)
    table = samples.table(columns)
    path = tmp_path / "canonical.ndjson"
    path.write_text(dump_ndjson(canonical_rows(table)), encoding="utf-8")
    assert_rows_equal(canonical_rows(table), canonical_rows(_typed_ndjson_read(reader, path, columns)))


@pytest.mark.parametrize("reader", oracles.READERS)
def test_others_read_lode_ndjson(lode, reader, tmp_path):
    columns = _readable(reader)
    table = samples.table(columns)
    source = tmp_path / "source.parquet"
    pq.write_table(table, source)
    target = tmp_path / "lode.ndjson"
    lode.convert(source, target)
    assert_rows_equal(canonical_rows(table), canonical_rows(_typed_ndjson_read(reader, target, columns)),
                      f"{reader} reading Lode's NDJSON")


def test_ndjson_text_is_canonical(lode, tmp_path):
    """The exact spellings: shortest floats, fixed decimal digits, base64, UTC marks."""
    table = pa.table({
        "f32": pa.array([0.1, None], pa.float32()),
        "f64": pa.array([0.1, float("nan")], pa.float64()),
        "dec": pa.array([Decimal("-12.5"), None], pa.decimal128(10, 2)),
        "bin": pa.array([b"\x00\xff", b""], pa.binary()),
        "d": pa.array([dt.date(1, 1, 1), dt.date(9999, 12, 31)], pa.date32()),
        "ts": pa.array([0, -1], pa.timestamp("us", tz="UTC")),
        "ms": pa.array([1, None], pa.timestamp("ms")),
        "text": pa.array(["Grüße😀", ""], pa.string()),
    })
    source = tmp_path / "in.parquet"
    pq.write_table(table, source)
    target = tmp_path / "out.ndjson"
    lode.convert(source, target)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [line.replace(" ", "") for line in lines] == [  # spacing between tokens is free
        '{"f32":0.1,"f64":0.1,"dec":"-12.50","bin":"AP8=","d":"0001-01-01",'
        '"ts":"1970-01-01T00:00:00.000000Z","ms":"1970-01-01T00:00:00.001","text":"Grüße😀"}',
        '{"f32":null,"f64":"NaN","dec":null,"bin":"","d":"9999-12-31",'
        '"ts":"1969-12-31T23:59:59.999999Z","ms":null,"text":""}',
    ]
