"""Writes the LodeFormats fixtures from pyarrow tables.

    /work/main/.venv/bin/python Tests/Fixtures/formats/make_fixtures.py

types.csv      pyarrow.csv.write_csv of a table with every flat type
types.ndjson   the same table in Lode's canonical NDJSON (canonical_json.py)
nested.ndjson  a table of structs, lists and maps in canonical NDJSON
*.schema       the tables' schemas as SQL text, for Lode's parseSchema
"""
import datetime
import decimal
import os

import pyarrow as pa
import pyarrow.csv as csv

from canonical_json import table_lines

HERE = os.path.dirname(os.path.abspath(__file__))
D = decimal.Decimal


def sql_type(typ):
    if pa.types.is_boolean(typ): return "BOOLEAN"
    if pa.types.is_int8(typ): return "TINYINT"
    if pa.types.is_int16(typ): return "SMALLINT"
    if pa.types.is_int32(typ): return "INT"
    if pa.types.is_int64(typ): return "BIGINT"
    if pa.types.is_float32(typ): return "FLOAT"
    if pa.types.is_float64(typ): return "DOUBLE"
    if pa.types.is_decimal(typ): return f"DECIMAL({typ.precision},{typ.scale})"
    if pa.types.is_string(typ): return "VARCHAR"
    if pa.types.is_binary(typ): return "BLOB"
    if pa.types.is_date32(typ): return "DATE"
    if pa.types.is_timestamp(typ):
        return ("TIMESTAMPTZ" if typ.tz else "TIMESTAMP") + {"ms": "(3)", "us": "", "ns": "(9)"}[typ.unit]
    if pa.types.is_struct(typ):
        return "STRUCT<" + ", ".join(f'"{f.name}" {sql_type(f.type)}' for f in typ) + ">"
    if pa.types.is_map(typ): return f"MAP<{sql_type(typ.key_type)}, {sql_type(typ.item_type)}>"
    if pa.types.is_list(typ): return f"LIST<{sql_type(typ.value_type)}>"
    raise TypeError(typ)


def write(name, table, csv_too=False):
    with open(os.path.join(HERE, name + ".schema"), "w") as f:
        f.write(",\n".join(f'"{field.name}" {sql_type(field.type)}' + ("" if field.nullable else " NOT NULL")
                           for field in table.schema) + "\n")
    with open(os.path.join(HERE, name + ".ndjson"), "w", encoding="utf-8", newline="") as f:
        f.write("".join(line + "\n" for line in table_lines(table)))
    if csv_too:
        csv.write_csv(table, os.path.join(HERE, name + ".csv"))


ts = lambda unit, tz=None: pa.timestamp(unit, tz)
flat = pa.table({
    "b": pa.array([True, False, None, True], pa.bool_()),
    "i8": pa.array([-128, 127, None, 0], pa.int8()),
    "i16": pa.array([-32768, 32767, None, 1], pa.int16()),
    "i32": pa.array([-2147483648, 2147483647, None, -1], pa.int32()),
    "i64": pa.array([-9223372036854775808, 9223372036854775807, None, 42], pa.int64()),
    "f32": pa.array([0.1, -3.4028234663852886e38, None, 1.5e-7], pa.float32()),
    "f64": pa.array([0.1, 1e16, None, -2.2250738585072014e-308], pa.float64()),
    "dec": pa.array([D("-12.50"), D("99999999999999999999999999999999999.99"), None, D("0.00")], pa.decimal128(38, 2)),
    "s": pa.array(['say "hi", ok', "line1\nline2\r\nline3", None, "Zürich 日本 😀 \t tab"], pa.string()),
    "empty": pa.array(["", "x", None, " padded "], pa.string()),
    "d": pa.array([datetime.date(2024, 1, 31), datetime.date(1, 1, 1), None, datetime.date(9999, 12, 31)], pa.date32()),
    "ms": pa.array([1706702400123, -1, None, 0], ts("ms")),
    "us": pa.array([1706702400123456, -62135596800000000, None, 253402300799999999], ts("us")),
    "ns": pa.array([1706702400123456789, -9223372036854775807, None, 9223372036854775807], ts("ns")),
    "tz": pa.array([1706702400123456, -1, None, 0], ts("us", "UTC")),
})
write("types", flat, csv_too=True)

struct_type = pa.struct([("id", pa.int64()), ("tags", pa.list_(pa.string())), ("when", ts("ms", "UTC"))])
nested = pa.table({
    "id": pa.array([1, 2, 3], pa.int32()),
    "rec": pa.array([{"id": 7, "tags": ["a", None, 'q"uote'], "when": 1706702400123}, None,
                     {"id": None, "tags": [], "when": None}], struct_type),
    "nums": pa.array([[1.5, None, float("inf")], None, [float("nan")]], pa.list_(pa.float64())),
    "nested": pa.array([[[1, 2], []], [[None]], None], pa.list_(pa.list_(pa.int16()))),
    "m": pa.array([[("k", D("1.25")), ("k2", None)], [], None], pa.map_(pa.string(), pa.decimal128(5, 2))),
    "bin": pa.array([b"\x00\xff\x07", b"", None], pa.binary()),
})
write("nested", nested)
