"""TPC-H for the tests and the benchmark: the 22 queries, pointing their table names at
Parquet files or at Delta tables, DuckDB's answers, and comparing answers row for row."""

from __future__ import annotations

import datetime
import decimal
import json
import math
import re
import subprocess
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[2]
QUERY_DIR = ROOT / "Tests" / "SQL" / "tpch"
TABLES = ("customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier")
QUERIES = {int(p.stem[1:]): p.read_text(encoding="utf-8").strip().rstrip(";")
           for p in sorted(QUERY_DIR.glob("q[0-9][0-9].sql"))}

# Words that may follow a table name in FROM and are not its alias.
_NOT_ALIASES = {"where", "group", "order", "having", "limit", "join", "inner", "left", "right", "full",
                "cross", "natural", "on", "using", "union", "except", "intersect", "window", "qualify"}
_TOKEN = re.compile(r"'(?:[^']|'')*'|--[^\n]*|\w+|\S")


def generate(scale: str | float) -> Path:
    """The folder of ``<table>.parquet`` files at ``scale`` (made by scripts/tpch-data once)."""
    completed = subprocess.run([str(ROOT / "scripts" / "tpch-data"), str(scale)], cwd=ROOT,
                               capture_output=True, text=True)
    if completed.returncode != 0:
        raise RuntimeError(f"scripts/tpch-data {scale} failed:\n{completed.stderr}")
    return ROOT / completed.stdout.strip().splitlines()[-1]


def sql_string(text: str | Path) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def parquet_reference(data: Path, table: str) -> str:
    return f"read_parquet({sql_string(data / (table + '.parquet'))})"


def point_tables(query: str, reference) -> str:
    """``query`` with every TPC-H table named in a FROM clause replaced by
    ``reference(table)`` (``read_parquet('…')``, ``tpch.lineitem``), keeping the table's name
    as its alias when the query gives none."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(query)]
    significant = [t for t in tokens if not t[2].startswith("--")]
    out: list[str] = []
    position = 0
    clause = ""
    for index, (start, end, text) in enumerate(significant):
        word = text.lower()
        if word in ("select", "from", "where", "group", "order", "having", "on", "join", "set", "by"):
            clause = "from" if word in ("from", "join") else word
        previous = significant[index - 1][2].lower() if index else ""
        if word in TABLES and clause == "from" and previous in ("from", "join", ","):
            following = significant[index + 1][2].lower() if index + 1 < len(significant) else ""
            has_alias = (following == "as" or (re.fullmatch(r"[a-z_]\w*", following) is not None
                                                and following not in _NOT_ALIASES))
            out.append(query[position:start])
            out.append(reference(word) + ("" if has_alias else f" AS {word}"))
            position = end
    out.append(query[position:])
    return "".join(out)


def duckdb_connection(data: Path, threads: int | None = None) -> duckdb.DuckDBPyConnection:
    """DuckDB in UTC with a view per table over ``data``'s Parquet files."""
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    if threads is not None:
        connection.execute(f"SET threads = {int(threads)}")
    for table in TABLES:
        connection.execute(f"CREATE VIEW {table} AS SELECT * FROM {parquet_reference(data, table)}")
    return connection


def duckdb_answer(connection: duckdb.DuckDBPyConnection, query: str) -> tuple[list[str], list[tuple]]:
    """(column types, rows) of ``query``."""
    relation = connection.sql(query)
    return [str(t) for t in relation.types], relation.fetchall()


def lode_json_rows(text: str) -> list[list]:
    """The rows of ``lode sql --format json`` output, values in column order, decimals exact."""
    parsed = json.loads(text, parse_float=decimal.Decimal, object_pairs_hook=lambda pairs: pairs)
    if not isinstance(parsed, list):
        raise ValueError("lode sql --format json did not print an array")
    return [[value for _, value in row] for row in parsed]


def has_order_by(query: str) -> bool:
    """Whether the outermost query orders its rows (its last ORDER BY is outside parentheses)."""
    depth = 0
    ordered = False
    for match in _TOKEN.finditer(query):
        token = match.group(0).lower()
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif token == "order" and depth == 0:
            ordered = True
    return ordered


def _same_value(expected, actual, duckdb_type: str) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    upper = duckdb_type.upper()
    if upper.startswith("DECIMAL"):
        try:
            return decimal.Decimal(str(actual)) == expected
        except decimal.InvalidOperation:
            return False
    if upper in ("DOUBLE", "FLOAT"):
        try:
            a = float(actual)
        except (TypeError, ValueError):
            return False
        if math.isnan(expected) or math.isnan(a):
            return math.isnan(expected) and math.isnan(a)
        return a == expected or abs(a - expected) <= 1e-9 * max(abs(a), abs(expected))
    if isinstance(expected, bool):
        return actual is expected
    if isinstance(expected, int):
        return isinstance(actual, (int, decimal.Decimal)) and not isinstance(actual, bool) and actual == expected
    if isinstance(expected, datetime.date):
        return str(actual) == str(expected).replace("T", " ")
    return str(actual) == str(expected)


def _sort_key(row: tuple) -> tuple:
    return tuple((v is None, str(v)) for v in row)


def compare(types: list[str], expected: list[tuple], actual: list[list], ordered: bool) -> list[str]:
    """Where ``actual`` differs from DuckDB's ``expected`` rows; empty when they agree.
    Decimals must be exact, doubles within a relative 1e-9; unordered results are compared
    as sorted lists."""
    problems: list[str] = []
    if actual and len(actual[0]) != len(types):
        return [f"{len(actual[0])} columns, DuckDB has {len(types)}"]
    if len(actual) != len(expected):
        problems.append(f"{len(actual)} rows, DuckDB has {len(expected)}")
    if not ordered:
        expected = sorted(expected, key=_sort_key)
        actual = sorted(actual, key=lambda row: _sort_key(tuple(row)))
    for number, (e, a) in enumerate(zip(expected, actual), start=1):
        wrong = [c for c, t in enumerate(types) if not _same_value(e[c], a[c], t)]
        if wrong:
            problems.append(f"row {number}: DuckDB {list(e)}, Lode {a} (columns {wrong})")
            if len(problems) >= 6:
                problems.append("…")
                break
    return problems
