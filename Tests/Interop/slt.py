"""The sqllogictest files under Tests/SQL: parsing, DuckDB's answers, and re-recording.

The format (docs/sql-tests.md has the whole description)::

    statement ok
    CREATE TABLE bronze.t (a INT, b VARCHAR)

    statement error
    SELECT 1 +
    ----
    syntax error at line 1

    query IT rowsort
    SELECT a, b FROM bronze.t
    ----
    1	x
    NULL	(empty)

A record is a header line, its SQL (up to ``----``, a blank line or the end) and, for
queries and expected errors, the lines after ``----``. A ``# lode-differs: reason`` comment
directly above a record marks an expectation written by hand: the recorder neither runs it
in DuckDB nor rewrites it. ``__TEST_DIR__`` in SQL stands for a fresh temporary folder.

Values are printed the same way by this module and by the Swift runner
(Tests/LodeEngineTests/SQLLogicTest+Formatting.swift):

- NULL as ``NULL``, the empty string as ``(empty)``, booleans as ``true``/``false``;
- integers in decimal, decimals with exactly their scale's digits (``12.50``);
- floating point rounded to 10 significant digits, C's ``%.10g`` (``0.3333333333``, ``1.5e+20``),
  ``-0`` as ``0``, and ``nan``, ``inf``, ``-inf``;
- dates ``YYYY-MM-DD``; timestamps ``YYYY-MM-DD HH:MM:SS[.fraction]`` with trailing zeros
  of the fraction dropped, and ``+00`` after a TIMESTAMP WITH TIME ZONE (shown in UTC);
- text as is, with tab, newline and carriage return written ``\\t``, ``\\n``, ``\\r``;
- blobs byte by byte, printable ASCII as is and anything else as ``\\xHH``;
- lists ``[1, 2]`` with text items quoted (``['a', NULL]``).

Column type letters: ``I`` integers, ``R`` floating point, ``D`` decimals, ``B`` booleans,
``T`` anything else.
"""

from __future__ import annotations

import datetime
import decimal
import math
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[2]
SQL_DIR = ROOT / "Tests" / "SQL"
DIFFERS_MARKER = "# lode-differs:"
TEST_DIR_PLACEHOLDER = "__TEST_DIR__"
SORT_MODES = ("nosort", "rowsort", "valuesort")


@dataclass
class Record:
    """One ``statement`` or ``query`` of a file."""
    kind: str                # "statement ok", "statement error" or "query"
    line: int                # 1-based line of the header
    sql: str
    types: str = ""          # query only
    sort: str = "nosort"     # query only
    expected: list[str] = field(default_factory=list)
    has_separator: bool = False
    differs: str | None = None   # the reason after "# lode-differs:"

    def header(self) -> str:
        if self.kind == "query":
            return " ".join(w for w in ("query", self.types, "" if self.sort == "nosort" else self.sort) if w)
        return self.kind

    def render(self) -> list[str]:
        lines = [self.header(), *self.sql.split("\n")]
        if self.has_separator or self.expected:
            lines.append("----")
            lines.extend(self.expected)
        return lines


@dataclass
class SLTFile:
    path: Path
    chunks: list[Record | str]   # records and verbatim lines, in file order

    @property
    def records(self) -> list[Record]:
        return [c for c in self.chunks if isinstance(c, Record)]

    def render(self) -> str:
        out: list[str] = []
        for chunk in self.chunks:
            out.extend(chunk.render() if isinstance(chunk, Record) else [chunk])
        return "\n".join(out).rstrip("\n") + "\n"


class SLTSyntaxError(Exception):
    pass


def parse(path: Path) -> SLTFile:
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    chunks: list[Record | str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        words = line.split()
        if not words or line.startswith("#"):
            chunks.append(line)
            i += 1
            continue
        header_line = i + 1
        if words[0] == "statement" and len(words) == 2 and words[1] in ("ok", "error"):
            record = Record(kind=line.strip(), line=header_line, sql="")
        elif words[0] == "query" and len(words) <= 3:
            types = words[1] if len(words) > 1 and re.fullmatch(r"[IRDBT]+", words[1]) else ""
            rest = words[2:] if types else words[1:]
            sort = rest[0] if rest else "nosort"
            if len(rest) > 1 or sort not in SORT_MODES:
                raise SLTSyntaxError(f"{path}:{header_line}: bad query header {line!r} "
                                     f"(expected 'query <IRDBT letters> [nosort|rowsort|valuesort]')")
            record = Record(kind="query", line=header_line, sql="", types=types, sort=sort)
        else:
            raise SLTSyntaxError(f"{path}:{header_line}: expected 'statement ok', 'statement error' "
                                 f"or 'query <types> [sort]', found {line!r}")
        if chunks and isinstance(chunks[-1], str) and chunks[-1].startswith(DIFFERS_MARKER):
            record.differs = chunks[-1][len(DIFFERS_MARKER):].strip()
        i += 1
        sql: list[str] = []
        while i < len(lines) and lines[i].strip() and lines[i] != "----":
            sql.append(lines[i])
            i += 1
        if not sql:
            raise SLTSyntaxError(f"{path}:{header_line}: record without SQL")
        record.sql = "\n".join(sql)
        if i < len(lines) and lines[i] == "----":
            record.has_separator = True
            i += 1
            while i < len(lines) and lines[i] != "":
                record.expected.append(lines[i])
                i += 1
        chunks.append(record)
    return SLTFile(path, chunks)


def all_files() -> list[Path]:
    return sorted(SQL_DIR.rglob("*.slt"))


# ---------------------------------------------------------------------------
# Printing values
# ---------------------------------------------------------------------------

def type_letter(duckdb_type: str) -> str:
    t = duckdb_type.upper()
    if t in ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
             "UINTEGER", "UBIGINT", "UHUGEINT"):
        return "I"
    if t in ("FLOAT", "DOUBLE"):
        return "R"
    if t.startswith("DECIMAL"):
        return "D"
    if t == "BOOLEAN":
        return "B"
    return "T"


def format_double(x: float) -> str:
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    text = "%.10g" % x
    return "0" if text == "-0" else text


def escape_text(s: str) -> str:
    return s.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def format_timestamp(ts: datetime.datetime) -> str:
    text = ts.strftime("%Y-%m-%d %H:%M:%S")
    if ts.microsecond:
        text += "." + f"{ts.microsecond:06d}".rstrip("0")
    if ts.tzinfo is not None:
        text += "+00"
    return text


def format_value(v, nested: bool = False) -> str:
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return format_double(v)
    if isinstance(v, decimal.Decimal):
        return format(v, "f")
    if isinstance(v, str):
        if nested:
            return "'" + escape_text(v) + "'"
        return escape_text(v) if v else "(empty)"
    if isinstance(v, (bytes, bytearray, memoryview)):
        return "".join(chr(b) if 0x20 <= b < 0x7F and b != 0x5C else f"\\x{b:02X}" for b in bytes(v))
    if isinstance(v, datetime.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(datetime.timezone.utc)
        return format_timestamp(v)
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(format_value(item, nested=True) for item in v) + "]"
    raise TypeError(f"no slt spelling for {type(v).__name__} value {v!r}")


def format_rows(rows: list[tuple], sort: str) -> list[str]:
    lines = ["\t".join(format_value(v) for v in row) for row in rows]
    if sort == "rowsort":
        lines.sort()
    elif sort == "valuesort":
        lines = sorted(value for line in lines for value in line.split("\t"))
    return lines


# ---------------------------------------------------------------------------
# DuckDB
# ---------------------------------------------------------------------------

SCHEMA_PATTERN = re.compile(
    r"\b(?:TABLE|INTO|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?([A-Za-z_][A-Za-z0-9_]*)\.[A-Za-z_]", re.IGNORECASE)


def duckdb_session(file: SLTFile) -> duckdb.DuckDBPyConnection:
    """A fresh in-memory DuckDB in UTC with every ``layer`` schema the file names."""
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    schemas = {m.group(1).lower() for r in file.records for m in SCHEMA_PATTERN.finditer(r.sql)}
    for schema in sorted(schemas - {"main"}):
        connection.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    return connection


@dataclass
class Outcome:
    error: str | None = None
    types: str = ""
    rows: list[tuple] = field(default_factory=list)


def run_in_duckdb(connection: duckdb.DuckDBPyConnection, sql: str, test_dir: Path) -> Outcome:
    text = sql.replace(TEST_DIR_PLACEHOLDER, str(test_dir))
    try:
        relation = connection.sql(text)
        if relation is None:
            return Outcome()
        types = "".join(type_letter(str(t)) for t in relation.types)
        return Outcome(types=types, rows=relation.fetchall())
    except duckdb.Error as error:
        return Outcome(error=str(error).split("\n")[0])


@dataclass
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}: {self.message}"


def record_file(path: Path) -> tuple[SLTFile, list[Problem]]:
    """The file with every expectation replaced by DuckDB's, and what could not be recorded.

    Records marked ``# lode-differs`` are kept as written and not run in DuckDB.
    """
    file = parse(path)
    problems: list[Problem] = []
    with tempfile.TemporaryDirectory(prefix="lode-slt-") as test_dir:
        connection = duckdb_session(file)
        for record in file.records:
            if record.differs is not None:
                continue
            outcome = run_in_duckdb(connection, record.sql, Path(test_dir))
            if record.kind == "statement ok":
                if outcome.error:
                    problems.append(Problem(path, record.line, f"DuckDB failed: {outcome.error}"))
            elif record.kind == "statement error":
                if not outcome.error:
                    problems.append(Problem(path, record.line, "DuckDB ran a statement expected to fail "
                                                               "(mark it '# lode-differs: reason')"))
            else:
                if outcome.error:
                    problems.append(Problem(path, record.line, f"DuckDB failed: {outcome.error}"))
                    continue
                if record.sort == "nosort" and len(outcome.rows) > 1 and "order by" not in record.sql.lower():
                    problems.append(Problem(path, record.line, "query of several rows without ORDER BY "
                                                               "needs rowsort"))
                record.types = outcome.types
                record.expected = format_rows(outcome.rows, record.sort)
                record.has_separator = True
        connection.close()
    return file, problems


def check_file(path: Path) -> list[Problem]:
    """Where the file's recorded expectations differ from what DuckDB answers now."""
    recorded, problems = record_file(path)
    current = parse(path)
    for old, new in zip(current.records, recorded.records):
        if old.differs is None and (old.types != new.types or old.expected != new.expected):
            problems.append(Problem(path, old.line, "expectation differs from DuckDB's "
                                                    "(run scripts/record-slt)\n  recorded: "
                                                    f"{old.types} {old.expected[:5]}\n  DuckDB:   "
                                                    f"{new.types} {new.expected[:5]}"))
    return problems
