"""Sample tables for the interoperability tests.

Each table is built from :class:`Column` specs: a name, the Arrow type, the Lode SQL type
text used with ``--schema`` (``None`` when Lode's schema language cannot express the type,
e.g. unsigned integers or millisecond timestamps), DuckDB's name for the type, and the
values. The first rows of every column hold the edge cases (nulls, extremes, empty and
non-ASCII text); the rest are seeded random values drawn partly from small pools so that
dictionary encoding has something to do.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Context, Decimal
from typing import Any, Callable

import pyarrow as pa

ROWS = 300


@dataclass(frozen=True)
class Column:
    name: str
    arrow: pa.DataType
    lode: str | None
    duckdb: str | None
    values: tuple


def table(columns: list[Column]) -> pa.Table:
    """The Arrow table holding ``columns``."""
    return pa.table({c.name: pa.array(list(c.values), type=c.arrow) for c in columns})


def lode_schema(columns: list[Column]) -> str:
    """``--schema`` text for ``columns``."""
    missing = [c.name for c in columns if c.lode is None]
    assert not missing, f"columns without a Lode SQL type: {missing}"
    return ", ".join(f"{c.name} {c.lode}" for c in columns)


def writable(columns: list[Column]) -> list[Column]:
    """The columns whose type ``--schema`` can express."""
    return [c for c in columns if c.lode is not None]


def _fill(special: list[Any], draw: Callable[[random.Random], Any], seed: int,
          rows: int = ROWS, null_rate: float = 0.1) -> tuple:
    rng = random.Random(seed)
    values = list(special)
    while len(values) < rows:
        values.append(None if rng.random() < null_rate else draw(rng))
    return tuple(values[:rows])


def _pooled(pool: list[Any], fresh: Callable[[random.Random], Any]) -> Callable[[random.Random], Any]:
    return lambda rng: rng.choice(pool) if rng.random() < 0.7 else fresh(rng)


def _int_column(name: str, bits: int, signed: bool, lode: str | None, duck: str, seed: int) -> Column:
    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    special = [None, lo, hi, 0, 1, lo + 1, hi - 1] + ([-1] if signed else [])
    pool = [0, 1, 7, 42, hi // 3]
    arrow = getattr(pa, f"{'' if signed else 'u'}int{bits}")()
    return Column(name, arrow, lode, duck, _fill(special, _pooled(pool, lambda r: r.randint(lo, hi)), seed))


_WIDE = Context(prec=100)


def _scaled(unscaled: int, scale: int) -> Decimal:
    return Decimal(unscaled).scaleb(-scale, context=_WIDE)


def _decimal_column(name: str, precision: int, scale: int, seed: int) -> Column:
    unit = _scaled(1, scale)
    largest = _scaled(10 ** precision - 1, scale)
    special = [None, largest, largest.copy_negate(), Decimal(0), unit, unit.copy_negate(),
               Decimal("-12.5"), Decimal("1")]

    def draw(rng: random.Random) -> Decimal:
        digits = rng.randint(1, precision)
        return _scaled(rng.randint(-(10 ** digits - 1), 10 ** digits - 1), scale)

    pool = [Decimal("3.5"), Decimal("-1"), Decimal("100")]
    return Column(name, pa.decimal128(precision, scale), f"DECIMAL({precision},{scale})",
                  f"DECIMAL({precision},{scale})", _fill(special, _pooled(pool, draw), seed))


_TEXT_POOL = ["", "Grüße", "日本語", "emoji 😀🎉", "plain", "a,b;c", 'say "hi"', "line\nbreak",
              "tab\tseparated", "  padded  ", "ÄÖÜ äöü ß", "Ελληνικά", "x" * 40]
_BYTES_POOL = [b"", b"\x00", b"\xff\xfe\x00\x01", bytes(range(256)), b"plain", "Grüße".encode()]

_MIN_DATE = dt.date(1, 1, 1)
_MAX_DATE = dt.date(9999, 12, 31)
_EPOCH = dt.datetime(1970, 1, 1)


def _date_special() -> list[Any]:
    return [None, _MIN_DATE, _MAX_DATE, dt.date(1970, 1, 1), dt.date(1969, 12, 31), dt.date(2000, 2, 29)]


def _random_date(rng: random.Random) -> dt.date:
    return dt.date.fromordinal(rng.randint(_MIN_DATE.toordinal(), _MAX_DATE.toordinal()))


def _timestamp_column(name: str, unit: str, utc: bool, seed: int) -> Column:
    """Timestamps as raw integers in ``unit`` (exact at any resolution)."""
    per_second = {"ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}[unit]
    if unit == "ns":
        lo, hi = -(1 << 63), (1 << 63) - 1
    else:
        lo = int((dt.datetime(1, 1, 1) - _EPOCH).total_seconds()) * per_second
        hi = int((dt.datetime(9999, 12, 31, 23, 59, 59) - _EPOCH).total_seconds()) * per_second + per_second - 1
    day = 86_400 * per_second
    special = [None, lo, hi, 0, -1, 1, day - 1, 951_782_400 * per_second + 123 * per_second // 1000]
    pool = [0, day, 1_700_000_000 * per_second]
    rng_range = (-(3_000_000_000 * per_second), 5_000_000_000 * per_second)
    values = _fill(special, _pooled(pool, lambda r: r.randint(*rng_range)), seed)
    lode = None if unit != "us" else ("TIMESTAMPTZ" if utc else "TIMESTAMP")
    duck = None if unit != "us" else ("TIMESTAMP WITH TIME ZONE" if utc else "TIMESTAMP")
    return Column(name, pa.timestamp(unit, tz="UTC" if utc else None), lode, duck, values)


def flat_columns() -> list[Column]:
    """Every flat type Lode knows, with edge cases in the first rows."""
    f32_special = [None, float("nan"), float("inf"), float("-inf"), 0.0, -0.0,
                   3.4028234663852886e38, 1.401298464324817e-45, 0.1, -1.5, 16777217.0]
    f64_special = [None, float("nan"), float("inf"), float("-inf"), -0.0, 0.0,
                   1.7976931348623157e308, 5e-324, 0.1, -2.5e-300, 123456789.125]
    return [
        Column("bool_col", pa.bool_(), "BOOLEAN", "BOOLEAN",
               _fill([None, True, False], lambda r: r.random() < 0.5, 1)),
        _int_column("i8", 8, True, "TINYINT", "TINYINT", 2),
        _int_column("i16", 16, True, "SMALLINT", "SMALLINT", 3),
        _int_column("i32", 32, True, "INT", "INTEGER", 4),
        _int_column("i64", 64, True, "BIGINT", "BIGINT", 5),
        Column("f32", pa.float32(), "FLOAT", "FLOAT",
               _fill(f32_special, _pooled([1.5, -0.25, 2.0], lambda r: r.uniform(-1e6, 1e6)), 6)),
        Column("f64", pa.float64(), "DOUBLE", "DOUBLE",
               _fill(f64_special, _pooled([1.5, -0.25, 1e100], lambda r: r.gauss(0, 1e9)), 7)),
        _decimal_column("dec5_2", 5, 2, 8),
        _decimal_column("dec18_4", 18, 4, 9),
        _decimal_column("dec38_10", 38, 10, 10),
        Column("str", pa.string(), "VARCHAR", "VARCHAR",
               _fill([None] + _TEXT_POOL, _pooled(_TEXT_POOL, lambda r: f"value {r.randint(0, 10**6)}"), 11)),
        Column("bin", pa.binary(), "BLOB", "BLOB",
               _fill([None] + _BYTES_POOL, _pooled(_BYTES_POOL, lambda r: r.randbytes(r.randint(0, 20))), 12)),
        Column("date", pa.date32(), "DATE", "DATE", _fill(_date_special(), _random_date, 13)),
        _timestamp_column("ts_ms", "ms", False, 14),
        _timestamp_column("ts_us", "us", False, 15),
        _timestamp_column("ts_ns", "ns", False, 16),
        _timestamp_column("ts_ms_utc", "ms", True, 17),
        _timestamp_column("ts_us_utc", "us", True, 18),
        _timestamp_column("ts_ns_utc", "ns", True, 19),
    ]


def unsigned_columns() -> list[Column]:
    """Unsigned integers, which Lode reads by widening (its types are all signed)."""
    return [
        Column("id", pa.int64(), "BIGINT", "BIGINT", tuple(range(ROWS))),
        _int_column("u8", 8, False, None, "UTINYINT", 21),
        _int_column("u16", 16, False, None, "USMALLINT", 22),
        _int_column("u32", 32, False, None, "UINTEGER", 23),
    ]


def int96_columns() -> list[Column]:
    """Timestamps within the nanosecond range, to be written as INT96."""
    def column(name: str, unit: str, utc: bool, seed: int) -> Column:
        per_second = {"us": 1_000_000, "ns": 1_000_000_000}[unit]
        bound = 4_000_000_000 * per_second  # about 1843..2096
        special = [None, 0, -1, 1, -bound, bound, 86_400 * per_second - 1, -86_400 * per_second]
        values = _fill(special, lambda r: r.randint(-bound, bound), seed)
        return Column(name, pa.timestamp(unit, tz="UTC" if utc else None), None, None, values)

    return [
        Column("id", pa.int64(), "BIGINT", "BIGINT", tuple(range(ROWS))),
        column("ts_ns", "ns", False, 31),
        column("ts_us_utc", "us", True, 32),
    ]


def nested_columns() -> list[Column]:
    """Structs, lists, maps and their combinations, with nulls at every level."""
    def draw_struct(r: random.Random) -> dict:
        return {"a": r.choice([None, r.randint(-1000, 1000)]), "b": r.choice(_TEXT_POOL + [None])}

    def draw_list(r: random.Random) -> list:
        return [r.choice([None, r.randint(-(1 << 63), (1 << 63) - 1), 5]) for _ in range(r.randint(0, 5))]

    def draw_text_list(r: random.Random) -> list:
        return [r.choice(_TEXT_POOL + [None]) for _ in range(r.randint(0, 4))]

    def draw_map(r: random.Random) -> list:
        keys = r.sample(["k", "key2", "日本", "", "Grüße", "z"], r.randint(0, 4))
        return [(k, r.choice([None, r.randint(-5, 5)])) for k in keys]

    def draw_struct_list(r: random.Random) -> list:
        return [r.choice([None, {"x": r.randint(0, 9), "y": r.choice(_TEXT_POOL)}, {"x": None, "y": None}])
                for _ in range(r.randint(0, 3))]

    def draw_struct_with_list(r: random.Random) -> dict:
        vals = None if r.random() < 0.2 else [r.choice([None, 1.5, -0.0, r.uniform(-10, 10)])
                                              for _ in range(r.randint(0, 3))]
        return {"name": r.choice(_TEXT_POOL + [None]), "vals": vals}

    def draw_list_list(r: random.Random) -> list:
        return [None if r.random() < 0.2 else [r.randint(-9, 9) for _ in range(r.randint(0, 3))]
                for _ in range(r.randint(0, 3))]

    struct_type = pa.struct([("a", pa.int32()), ("b", pa.string())])
    item_struct = pa.struct([("x", pa.int32()), ("y", pa.string())])
    struct_with_list = pa.struct([("name", pa.string()), ("vals", pa.list_(pa.float64()))])
    return [
        Column("id", pa.int64(), "BIGINT", "BIGINT", tuple(range(ROWS))),
        Column("st", struct_type, "STRUCT<a INT, b VARCHAR>", "STRUCT(a INTEGER, b VARCHAR)",
               _fill([None, {"a": None, "b": None}, {"a": 1, "b": "Grüße"}, {"a": -(1 << 31), "b": ""}],
                     draw_struct, 41)),
        Column("li", pa.list_(pa.int64()), "LIST<BIGINT>", "BIGINT[]",
               _fill([None, [], [None], [1, 2, 3], [-(1 << 63), (1 << 63) - 1]], draw_list, 42)),
        Column("ls", pa.list_(pa.string()), "LIST<VARCHAR>", "VARCHAR[]",
               _fill([None, [], [""], [None, "日本語", "emoji 😀"]], draw_text_list, 43)),
        Column("mp", pa.map_(pa.string(), pa.int32()), "MAP<VARCHAR, INT>", "MAP(VARCHAR, INTEGER)",
               _fill([None, [], [("k", None)], [("日本", 1), ("", -1)]], draw_map, 44)),
        Column("lst", pa.list_(item_struct), "LIST<STRUCT<x INT, y VARCHAR>>",
               "STRUCT(x INTEGER, y VARCHAR)[]",
               _fill([None, [], [None], [{"x": None, "y": None}, {"x": 7, "y": "Grüße"}]], draw_struct_list, 45)),
        Column("sl", struct_with_list, "STRUCT<name VARCHAR, vals LIST<DOUBLE>>",
               "STRUCT(\"name\" VARCHAR, vals DOUBLE[])",
               _fill([None, {"name": None, "vals": None}, {"name": "", "vals": []},
                      {"name": "x", "vals": [None, 1.5]}], draw_struct_with_list, 46)),
        Column("lli", pa.list_(pa.list_(pa.int32())), "LIST<LIST<INT>>", "INTEGER[][]",
               _fill([None, [], [None], [[], [1, None]]], draw_list_list, 47)),
    ]


def csv_columns(rows: int = 200) -> list[Column]:
    """Columns CSV can carry as text: no binary, no nesting, no NaN/infinity."""
    text_pool = ["", "Grüße", "日本語", "emoji 😀🎉", "plain", "a,b", "semi;colon", 'say "hi"',
                 "line\nbreak", "crlf\r\ninside", "  padded  ", "NULL", "NA"]
    return [
        Column("id", pa.int64(), "BIGINT", "BIGINT", tuple(range(1, rows + 1))),
        Column("name", pa.string(), "VARCHAR", "VARCHAR",
               _fill([None] + text_pool, _pooled(text_pool, lambda r: f"name {r.randint(0, 999)}"), 51, rows)),
        Column("small", pa.int32(), "INT", "INTEGER",
               _fill([None, -(1 << 31), (1 << 31) - 1, 0], lambda r: r.randint(-1000, 1000), 52, rows)),
        Column("amount", pa.decimal128(10, 2), "DECIMAL(10,2)", "DECIMAL(10,2)",
               _fill([None, Decimal("-12.50"), Decimal("99999999.99"), Decimal("0.00")],
                     lambda r: _scaled(r.randint(-10**6, 10**6), 2), 53, rows)),
        Column("price", pa.float64(), "DOUBLE", "DOUBLE",
               _fill([None, 0.5, -1.25, 1e300, 0.1], lambda r: round(r.uniform(-1e4, 1e4), 3) + 0.5, 54, rows)),
        Column("flag", pa.bool_(), "BOOLEAN", "BOOLEAN",
               _fill([None, True, False], lambda r: r.random() < 0.5, 55, rows)),
        Column("d", pa.date32(), "DATE", "DATE",
               _fill([None, dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(1970, 1, 1)],
                     _random_date, 56, rows)),
        Column("ts", pa.timestamp("us"), "TIMESTAMP", "TIMESTAMP",
               _fill([None, 0, -1, 1_700_000_000_123_456, 1_700_000_000_000_000],
                     lambda r: r.randint(-2 * 10**15, 4 * 10**15), 57, rows)),
        Column("tstz", pa.timestamp("us", tz="UTC"), "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE",
               _fill([None, 0, -1, 1_700_000_000_123_456, 1_700_000_000_000_000],
                     lambda r: r.randint(-2 * 10**15, 4 * 10**15), 58, rows)),
    ]


def inferable_csv_columns(rows: int = 200) -> list[Column]:
    """Columns whose CSV text every reader infers to the same type."""
    text_pool = ["", "Grüße", "日本語", "emoji 😀", "plain", "a,b", 'say "hi"', "line\nbreak"]
    return [
        Column("id", pa.int64(), "BIGINT", "BIGINT", tuple(range(1, rows + 1))),
        Column("name", pa.string(), "VARCHAR", "VARCHAR",
               _fill([None] + text_pool, _pooled(text_pool, lambda r: f"name {r.randint(0, 999)}"), 61, rows)),
        Column("score", pa.float64(), "DOUBLE", "DOUBLE",
               _fill([None, 0.5, -1.25, 0.1], lambda r: round(r.uniform(-1e4, 1e4), 2) + 0.25, 62, rows)),
        Column("flag", pa.bool_(), "BOOLEAN", "BOOLEAN",
               _fill([None, True, False], lambda r: r.random() < 0.5, 63, rows)),
        Column("d", pa.date32(), "DATE", "DATE",
               _fill([None, dt.date(1970, 1, 1), dt.date(2024, 2, 29)],
                     lambda r: dt.date(2000, 1, 1) + dt.timedelta(days=r.randint(0, 10000)), 64, rows)),
    ]
