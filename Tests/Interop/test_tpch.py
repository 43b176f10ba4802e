"""TPC-H at scale factor 0.1: Lode's answers to the 22 queries equal DuckDB's, row for row.

The data comes from tpchgen-cli (scripts/tpch-data, cached in bench-data/tpch/sf0.1). Lode
runs every query twice: over the Parquet files (``read_parquet``) and over Delta tables it
loaded itself with ``CREATE TABLE tpch.<table> AS SELECT * FROM read_parquet(…)``. DuckDB
runs the query over views of the same files. Decimals must agree exactly, doubles to a
relative 1e-9, and rows in order when the query orders them. A missing oracle, generator
or ``lode`` executable fails the test; nothing here is skipped.
"""

from __future__ import annotations

import os

import pytest

import tpch
from lode_cli import Lode

SCALE = os.environ.get("LODE_TPCH_SCALE", "0.1")
QUERY_TIMEOUT = 600
LOAD_TIMEOUT = 900


@pytest.fixture(scope="module")
def tpch_data():
    try:
        return tpch.generate(SCALE)
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="module")
def duckdb_answers(tpch_data):
    connection = tpch.duckdb_connection(tpch_data)
    return {number: tpch.duckdb_answer(connection, query) for number, query in tpch.QUERIES.items()}


@pytest.fixture(scope="module")
def lake(lode: Lode, tpch_data, tmp_path_factory):
    """A lake whose tpch.<table> Delta tables Lode loaded from the Parquet files."""
    root = tmp_path_factory.mktemp("tpch-lake")
    for table in tpch.TABLES:
        statement = f"CREATE TABLE tpch.{table} AS SELECT * FROM {tpch.parquet_reference(tpch_data, table)}"
        result = lode.run("sql", statement, "--lake", root, timeout=LOAD_TIMEOUT)
        if result.returncode != 0:
            pytest.fail(f"loading tpch.{table} failed\n{result.describe()}", pytrace=False)
    return root


def test_all_22_queries_are_here():
    assert sorted(tpch.QUERIES) == list(range(1, 23))


def test_tables_load_into_delta_with_every_row(lode: Lode, lake, tpch_data):
    connection = tpch.duckdb_connection(tpch_data)
    for table in tpch.TABLES:
        (expected,), = connection.sql(f"SELECT count(*) FROM {table}").fetchall()
        result = lode.ok("sql", f"SELECT count(*) AS n FROM tpch.{table}", "--lake", lake, "--format", "json")
        assert tpch.lode_json_rows(result.stdout) == [[expected]], table


def check(lode: Lode, number: int, query: str, lake, duckdb_answers) -> None:
    result = lode.run("sql", query, "--lake", lake, "--format", "json", "--threads", "2", timeout=QUERY_TIMEOUT)
    if result.returncode != 0:
        pytest.fail(f"Q{number} failed in Lode\n{result.describe()}", pytrace=False)
    try:
        rows = tpch.lode_json_rows(result.stdout)
    except ValueError as error:
        pytest.fail(f"Q{number}: unreadable JSON from lode sql ({error})\n{result.describe()}", pytrace=False)
    types, expected = duckdb_answers[number]
    problems = tpch.compare(types, expected, rows, ordered=tpch.has_order_by(tpch.QUERIES[number]))
    assert not problems, f"Q{number} differs from DuckDB:\n" + "\n".join(problems)


@pytest.mark.parametrize("number", sorted(tpch.QUERIES), ids=lambda n: f"q{n:02d}")
def test_query_over_parquet_matches_duckdb(lode: Lode, number, tpch_data, duckdb_answers, tmp_path):
    query = tpch.point_tables(tpch.QUERIES[number], lambda table: tpch.parquet_reference(tpch_data, table))
    check(lode, number, query, tmp_path, duckdb_answers)


@pytest.mark.parametrize("number", sorted(tpch.QUERIES), ids=lambda n: f"q{n:02d}")
def test_query_over_delta_matches_duckdb(lode: Lode, number, lake, duckdb_answers):
    query = tpch.point_tables(tpch.QUERIES[number], lambda table: f"tpch.{table}")
    check(lode, number, query, lake, duckdb_answers)


@pytest.mark.parametrize("number", sorted(tpch.QUERIES), ids=lambda n: f"q{n:02d}")
def test_pointing_tables_at_files_keeps_duckdbs_answer(number, tpch_data, duckdb_answers):
    """The rewrite the Lode runs use is itself right: DuckDB answers it the same."""
    connection = tpch.duckdb_connection(tpch_data)
    query = tpch.point_tables(tpch.QUERIES[number], lambda table: tpch.parquet_reference(tpch_data, table))
    assert tpch.duckdb_answer(connection, query) == duckdb_answers[number]


def test_comparison_is_strict_about_decimals_and_order():
    from decimal import Decimal
    types = ["DECIMAL(38,2)", "DOUBLE", "VARCHAR"]
    expected = [(Decimal("1.10"), 0.1, "a"), (Decimal("2.00"), 2.0, "b")]
    assert tpch.compare(types, expected, [[Decimal("1.1"), 0.1 + 1e-12, "a"], [2, 2.0, "b"]], ordered=True) == []
    assert tpch.compare(types, expected, [[Decimal("1.11"), 0.1, "a"], [2, 2.0, "b"]], ordered=True)
    assert tpch.compare(types, expected, [[2, 2.0, "b"], [Decimal("1.10"), 0.1, "a"]], ordered=True)
    assert tpch.compare(types, expected, [[2, 2.0, "b"], [Decimal("1.10"), 0.1, "a"]], ordered=False) == []
    assert tpch.compare(types, expected, [[Decimal("1.10"), 0.1, "a"]], ordered=True)
    assert tpch.compare(["INTEGER"], [(None,)], [[0]], ordered=True)
