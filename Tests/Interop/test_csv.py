"""CSV between Lode and pyarrow, DuckDB and polars, in both directions, plus edge cases.

Conventions checked (those of all three oracles' writers): an unquoted empty field is
null, a quoted empty field (``""``) is the empty string; ``--null-string`` adds more
null spellings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import oracles
import samples
from canonical import assert_rows_equal, canonical_rows, dump_ndjson, parse_ndjson, without_unit

TYPED = samples.csv_columns()
INFERABLE = samples.inferable_csv_columns()


def typed_read(reader: str, path: Path) -> pa.Table:
    schema = samples.table(TYPED).schema
    if reader == "pyarrow":
        return oracles.read_csv_pyarrow(path, schema)
    if reader == "duckdb":
        return oracles.read_csv_duckdb(path, schema, [c.duckdb for c in TYPED])
    return oracles.read_csv_polars(path, schema)


INFERRING_READS = {"pyarrow": oracles.read_csv_pyarrow, "duckdb": oracles.read_csv_duckdb,
                   "polars": oracles.read_csv_polars}


# ---------------------------------------------------------------------------
# Others write, Lode reads
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("writer", oracles.CSV_WRITERS)
def test_oracle_reads_back_its_own_csv(writer, tmp_path):
    """The expected values below are the written table: each oracle agrees it round-trips."""
    table = samples.table(TYPED)
    path = tmp_path / f"{writer}.csv"
    oracles.CSV_WRITERS[writer](table, path)
    assert_rows_equal(canonical_rows(table), canonical_rows(typed_read(writer, path)), f"{writer} CSV")
    inferable = samples.table(INFERABLE)
    oracles.CSV_WRITERS[writer](inferable, path)
    assert_rows_equal(canonical_rows(inferable), canonical_rows(INFERRING_READS[writer](path)),
                      f"{writer} CSV, inferred types")


@pytest.mark.parametrize("writer", oracles.CSV_WRITERS)
def test_lode_reads_csv_with_schema(lode, writer, tmp_path):
    table = samples.table(TYPED)
    source = tmp_path / f"{writer}.csv"
    oracles.CSV_WRITERS[writer](table, source)
    target = tmp_path / "out.parquet"
    lode.convert(source, target, "--schema", samples.lode_schema(TYPED))
    result = pq.read_table(target)
    assert_rows_equal(canonical_rows(typed_read(writer, source)), canonical_rows(result),
                      f"Lode's reading of {writer}'s CSV")


@pytest.mark.parametrize("writer", oracles.CSV_WRITERS)
def test_lode_infers_csv_types(lode, writer, tmp_path):
    table = samples.table(INFERABLE)
    source = tmp_path / f"{writer}.csv"
    oracles.CSV_WRITERS[writer](table, source)
    target = tmp_path / "out.parquet"
    lode.convert(source, target)
    result = pq.read_table(target)
    oracle = INFERRING_READS[writer](source)
    assert_rows_equal(without_unit(canonical_rows(oracle)), without_unit(canonical_rows(result)),
                      f"Lode's inferred reading of {writer}'s CSV")
    kinds = {f.name: f.type for f in result.schema}
    assert pa.types.is_integer(kinds["id"]), kinds
    assert pa.types.is_string(kinds["name"]), kinds
    assert pa.types.is_floating(kinds["score"]), kinds
    assert pa.types.is_boolean(kinds["flag"]), kinds
    assert pa.types.is_date32(kinds["d"]), kinds


# ---------------------------------------------------------------------------
# Lode writes, others read
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def lode_csv(lode, tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("lode-csv")
    source = directory / "source.parquet"
    pq.write_table(samples.table(TYPED), source)
    target = directory / "lode.csv"
    lode.convert(source, target)
    return target


@pytest.mark.parametrize("reader", oracles.READERS)
def test_others_read_lode_csv(lode_csv, reader):
    expected = canonical_rows(samples.table(TYPED))
    assert_rows_equal(expected, canonical_rows(typed_read(reader, lode_csv)), f"{reader} reading Lode's CSV")


def test_lode_reads_its_own_csv(lode, lode_csv, tmp_path):
    target = tmp_path / "back.ndjson"
    lode.convert(lode_csv, target, "--schema", samples.lode_schema(TYPED))
    actual = parse_ndjson(target.read_text(encoding="utf-8"), str(target))
    assert_rows_equal(canonical_rows(samples.table(TYPED)), actual, "Lode's CSV read back by Lode")


# ---------------------------------------------------------------------------
# Edge cases
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class EdgeCase:
    id: str
    content: bytes
    expected: list[dict]
    schema: str | None = "id BIGINT, text VARCHAR"
    options: tuple[str, ...] = ()
    duckdb: str = ""
    suffix: str = ".csv"


EDGE_CASES = [
    EdgeCase("quoted-delimiters-quotes-newlines",
             b'id,text\n1,"a,b"\n2,"say ""hi"""\n3,"two\nlines"\n4,plain\n5,""""\n',
             [{"id": 1, "text": "a,b"}, {"id": 2, "text": 'say "hi"'}, {"id": 3, "text": "two\nlines"},
              {"id": 4, "text": "plain"}, {"id": 5, "text": '"'}]),
    EdgeCase("utf8-bom", b"\xef\xbb\xbfid,text\n1,x\n2,y\n",
             [{"id": 1, "text": "x"}, {"id": 2, "text": "y"}]),
    EdgeCase("utf8-bom-inferred-header", b"\xef\xbb\xbfid,text\n1,x\n",
             [{"id": 1, "text": "x"}], schema=None),
    EdgeCase("crlf", b'id,text\r\n1,x\r\n2,"y\r\nz"\r\n3,\r\n',
             [{"id": 1, "text": "x"}, {"id": 2, "text": "y\r\nz"}, {"id": 3, "text": None}]),
    EdgeCase("semicolon-delimiter", b'id;text;amount\n1;a,b;1.50\n2;"c;d";-2.00\n3;;\n',
             [{"id": 1, "text": "a,b", "amount": "1.50"}, {"id": 2, "text": "c;d", "amount": "-2.00"},
              {"id": 3, "text": None, "amount": None}],
             schema="id BIGINT, text VARCHAR, amount DECIMAL(10,2)", options=("--delimiter", ";"),
             duckdb="delim = ';'"),
    EdgeCase("tab-separated-by-extension", b"id\ttext\n1\ta,b\n2\tc;d\n",
             [{"id": 1, "text": "a,b"}, {"id": 2, "text": "c;d"}], suffix=".tsv", duckdb="delim = '\t'"),
    EdgeCase("null-strings", b'id,text,n\n1,NULL,NA\n2,NA,5\n3,x,NULL\n4,"",7\n',
             [{"id": 1, "text": None, "n": None}, {"id": 2, "text": None, "n": 5},
              {"id": 3, "text": "x", "n": None}, {"id": 4, "text": "", "n": 7}],
             schema="id BIGINT, text VARCHAR, n INT", options=("--null-string", "NULL", "--null-string", "NA"),
             duckdb="nullstr = ['NULL', 'NA']"),
    EdgeCase("empty-string-versus-null", b'id,text,n\n1,,\n2,"",3\n',
             [{"id": 1, "text": None, "n": None}, {"id": 2, "text": "", "n": 3}],
             schema="id BIGINT, text VARCHAR, n INT"),
    EdgeCase("custom-date-and-timestamp-formats",
             b"id,d,ts\n1,31/12/2024,31/12/2024 23:59:58\n2,01/01/0001,01/01/0001 00:00:00\n3,,\n",
             [{"id": 1, "d": "2024-12-31", "ts": "2024-12-31T23:59:58.000000"},
              {"id": 2, "d": "0001-01-01", "ts": "0001-01-01T00:00:00.000000"},
              {"id": 3, "d": None, "ts": None}],
             schema="id BIGINT, d DATE, ts TIMESTAMP",
             options=("--date-format", "%d/%m/%Y", "--timestamp-format", "%d/%m/%Y %H:%M:%S"),
             duckdb="dateformat = '%d/%m/%Y', timestampformat = '%d/%m/%Y %H:%M:%S'"),
    EdgeCase("non-ascii", "id,text\n1,Grüße\n2,日本語\n3,😀🎉\n4,\"Ελληνικά, ναι\"\n".encode(),
             [{"id": 1, "text": "Grüße"}, {"id": 2, "text": "日本語"}, {"id": 3, "text": "😀🎉"},
              {"id": 4, "text": "Ελληνικά, ναι"}]),
    EdgeCase("non-ascii-header-inferred", "id,名前\n1,Grüße\n".encode(),
             [{"id": 1, "名前": "Grüße"}], schema=None),
    EdgeCase("no-header", b"1,a\n2,b\n", [{"id": 1, "text": "a"}, {"id": 2, "text": "b"}],
             options=("--no-header",), duckdb="header = false"),
    EdgeCase("no-final-newline", b"id,text\n1,a\n2,b", [{"id": 1, "text": "a"}, {"id": 2, "text": "b"}]),
]


def _duckdb_read(case: EdgeCase, path: Path) -> list[dict]:
    options = ["allow_quoted_nulls = false"]
    if "header = false" not in case.duckdb:
        options.append("header = true")
    if case.duckdb:
        options.append(case.duckdb)
    if case.schema:
        names = [column.split()[0] for column in case.schema.split(", ")]
        types = [column.split(None, 1)[1].replace("INT", "INTEGER").replace("BIGINTEGER", "BIGINT")
                 for column in case.schema.split(", ")]
        columns = ", ".join(f"'{n}': '{t}'" for n, t in zip(names, types))
        options.append(f"columns = {{{columns}}}")
    query = f"SELECT * FROM read_csv({oracles.sql_string(path)}, {', '.join(options)})"
    return canonical_rows(oracles.duckdb_connection().sql(query).to_arrow_table())


@pytest.mark.parametrize("case", EDGE_CASES, ids=[c.id for c in EDGE_CASES])
def test_duckdb_agrees_with_edge_case_expectation(case, tmp_path):
    path = tmp_path / f"input{case.suffix}"
    path.write_bytes(case.content)
    assert_rows_equal(case.expected, _duckdb_read(case, path), f"DuckDB reading {case.id}")


@pytest.mark.parametrize("case", EDGE_CASES, ids=[c.id for c in EDGE_CASES])
def test_lode_reads_csv_edge_case(lode, case, tmp_path):
    source = tmp_path / f"input{case.suffix}"
    source.write_bytes(case.content)
    target = tmp_path / "out.ndjson"
    schema = ("--schema", case.schema) if case.schema else ()
    lode.convert(source, target, *schema, *case.options)
    actual = parse_ndjson(target.read_text(encoding="utf-8"), str(target))
    if case.schema is None:  # inferred types: compare the text the values spell
        actual = [{k: v if v is None or isinstance(v, str) else str(v) for k, v in row.items()} for row in actual]
        expected = [{k: v if v is None or isinstance(v, str) else str(v) for k, v in row.items()}
                    for row in case.expected]
        assert_rows_equal(expected, actual, case.id)
    else:
        assert_rows_equal(case.expected, actual, case.id)


def test_lode_csv_output_quotes_what_needs_quoting(lode, tmp_path):
    """Fields with delimiters, quotes, newlines, and empty strings survive Lode's writer."""
    rows = [{"id": 1, "text": "a,b"}, {"id": 2, "text": 'say "hi"'}, {"id": 3, "text": "two\nlines"},
            {"id": 4, "text": ""}, {"id": 5, "text": None}, {"id": 6, "text": "crlf\r\nx"},
            {"id": 7, "text": " padded "}, {"id": 8, "text": "Grüße 日本語"}]
    source = tmp_path / "in.ndjson"
    source.write_text(dump_ndjson(rows), encoding="utf-8")
    target = tmp_path / "out.csv"
    lode.convert(source, target, "--schema", "id BIGINT, text VARCHAR")
    schema = pa.schema([("id", pa.int64()), ("text", pa.string())])
    assert_rows_equal(rows, canonical_rows(oracles.read_csv_pyarrow(target, schema)), "pyarrow reading")
    duck = oracles.read_csv_duckdb(target, schema, ["BIGINT", "VARCHAR"])
    assert_rows_equal(rows, canonical_rows(duck), "DuckDB reading")
