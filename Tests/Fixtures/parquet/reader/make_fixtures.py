"""Writes the Parquet fixtures of the reader tests and, beside each, the expected
content as canonical JSON lines (one object per row, columns in schema order).

Run with the project's oracle environment from this folder:
    ../../../../.venv/bin/python make_fixtures.py

Canonical values: decimals as strings with exactly `scale` digits, dates
"YYYY-MM-DD", timestamps "YYYY-MM-DDTHH:MM:SS.fff[fff[fff]]" (digits by unit) plus
"Z" when zone-aware, binary as base64, floats as numbers with NaN/inf as "NaN",
"Infinity", "-Infinity", TIME as integer microseconds since midnight, maps as
[{"key": .., "value": ..}]. INT96 columns are expected as microsecond UTC
timestamps, the type Lode gives them.
"""
import base64
import datetime
import decimal
import json
import math
import os

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))
EPOCH_DATE = datetime.date(1970, 1, 1)


# ---------------------------------------------------------------- canonical JSON

def canon_float(x):
    if x is None:
        return None
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def format_timestamp(value, unit, tz):
    per_second = {"s": 1, "ms": 1000, "us": 1_000_000, "ns": 1_000_000_000}[unit]
    seconds, fraction = divmod(value, per_second)
    days, second_of_day = divmod(seconds, 86400)
    date = EPOCH_DATE + datetime.timedelta(days=days)
    h, rest = divmod(second_of_day, 3600)
    m, s = divmod(rest, 60)
    digits = {"s": 0, "ms": 3, "us": 6, "ns": 9}[unit]
    text = f"{date.isoformat()}T{h:02d}:{m:02d}:{s:02d}"
    if digits:
        text += "." + str(fraction).rjust(digits, "0")
    return text + ("Z" if tz else "")


def canon_array(arr, utc_override=False):
    """Canonical values of an Arrow array, one per slot."""
    t = arr.type
    if isinstance(t, pa.BaseExtensionType):
        return canon_array(arr.storage, utc_override)
    if pa.types.is_dictionary(t):
        return canon_array(arr.dictionary_decode(), utc_override)
    nulls = arr.is_null().to_pylist() if len(arr) else []
    if pa.types.is_null(t):
        return [None] * len(arr)
    if pa.types.is_timestamp(t):
        ints = arr.cast(pa.int64()).to_pylist()
        tz = t.tz is not None or utc_override
        return [None if v is None else format_timestamp(v, t.unit, tz) for v in ints]
    if pa.types.is_time(t):
        ints = arr.cast(pa.int64() if t.bit_width == 64 else pa.int32()).to_pylist()
        factor = {"s": 1_000_000, "ms": 1000, "us": 1, "ns": None}[t.unit]
        return [None if v is None else (v // 1000 if factor is None else v * factor) for v in ints]
    if pa.types.is_date32(t):
        ints = arr.cast(pa.int32()).to_pylist()
        return [None if v is None else (EPOCH_DATE + datetime.timedelta(days=v)).isoformat() for v in ints]
    if pa.types.is_decimal(t):
        return [None if v is None else format(v, "f") for v in arr.to_pylist()]
    if pa.types.is_floating(t):
        return [canon_float(v) for v in arr.to_pylist()]
    if pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_fixed_size_binary(t):
        return [None if v is None else base64.b64encode(v).decode() for v in arr.to_pylist()]
    if pa.types.is_struct(t):
        children = [canon_array(arr.field(i), utc_override) for i in range(t.num_fields)]
        names = [t.field(i).name for i in range(t.num_fields)]
        return [None if nulls[r] else {n: c[r] for n, c in zip(names, children)} for r in range(len(arr))]
    if pa.types.is_map(t):
        keys = canon_array(arr.keys, utc_override)
        items = canon_array(arr.items, utc_override)
        offsets = arr.offsets.to_pylist()
        base = offsets[0] if offsets else 0
        return [None if nulls[r] else [{"key": keys[i - base], "value": items[i - base]}
                                       for i in range(offsets[r], offsets[r + 1])] for r in range(len(arr))]
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        values = canon_array(arr.values, utc_override)
        offsets = arr.offsets.to_pylist()
        return [None if nulls[r] else values[offsets[r]:offsets[r + 1]] for r in range(len(arr))]
    return arr.to_pylist()


def write_expected(name, utc_columns=(), source=None):
    path = os.path.join(HERE, (source or name) + ".parquet")
    table = pq.read_table(path, coerce_int96_timestamp_unit="us")
    columns = {}
    for field in table.schema:
        arr = table.column(field.name).combine_chunks()
        columns[field.name] = canon_array(arr, utc_override=field.name in utc_columns)
    with open(os.path.join(HERE, name + ".jsonl"), "w", encoding="utf-8") as out:
        for r in range(table.num_rows):
            row = {name: columns[name][r] for name in table.column_names}
            out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n")


# ---------------------------------------------------------------- tables

def flat_table():
    n = 24
    def cycle(values):
        return [values[i % len(values)] for i in range(n)]
    D = decimal.Decimal
    data = {
        "b": cycle([True, False, None, True]),
        "i8": cycle([-128, 127, 0, None, -1]),
        "i16": cycle([-32768, 32767, 0, None, 7]),
        "i32": cycle([-2147483648, 2147483647, 0, None, 42, -42]),
        "i64": cycle([-9223372036854775808, 9223372036854775807, 0, None, 1 << 40]),
        "u8": cycle([0, 255, None, 128]),
        "u16": cycle([0, 65535, None, 32768]),
        "u32": cycle([0, 4294967295, None, 2147483648]),
        "u64": cycle([0, 9223372036854775807, None, 12345]),
        "f32": cycle([1.5, -0.0, float("nan"), float("inf"), float("-inf"), None, 3.4028234663852886e38, 1e-45]),
        "f64": cycle([1.5, -0.0, float("nan"), float("inf"), float("-inf"), None, 1.7976931348623157e308, 5e-324, 0.1]),
        "s": cycle(["", "hello", None, "héllo wörld ✓ 日本語 🚀", "a" * 100, "tab\tnewline\n\"quote\""]),
        "bin": cycle([b"", b"\x00\x01\xff", None, bytes(range(256))]),
        "fixed": cycle([b"0123456789abcdef", None, bytes(16), b"\xff" * 16]),
        "d": cycle([datetime.date(1970, 1, 1), datetime.date(2024, 2, 29), None, datetime.date(1, 1, 1),
                    datetime.date(9999, 12, 31), datetime.date(1969, 12, 31)]),
        "ts_ms": cycle([0, 1_700_000_000_123, None, -1, -62135596800000]),
        "ts_us": cycle([0, 1_700_000_000_123_456, None, -1, 253402300799999999]),
        "ts_ns": cycle([0, 1_700_000_000_123_456_789, None, -1, 9223372036854775807]),
        "t_ms": cycle([0, 86_399_999, None, 12_345]),
        "t_us": cycle([0, 86_399_999_999, None, 1]),
        "t_ns": cycle([0, 86_399_999_999_999, None, 1_999]),
        "dec9": cycle([D("0.00"), D("-9999999.99"), D("9999999.99"), None, D("0.01")]),
        "dec18": cycle([D("0.000"), D("-999999999999999.999"), D("999999999999999.999"), None, D("-0.001")]),
        "dec38": cycle([D("0"), D("-9999999999999999999999999999.9999999999"), D("9999999999999999999999999999.9999999999"),
                        None, D("1.5")]),
        "f16": cycle([1.5, -2.0, None, 65504.0, float("inf"), 0.0001]),
        "nothing": [None] * n,
    }
    schema = pa.schema([
        ("b", pa.bool_()), ("i8", pa.int8()), ("i16", pa.int16()), ("i32", pa.int32()), ("i64", pa.int64()),
        ("u8", pa.uint8()), ("u16", pa.uint16()), ("u32", pa.uint32()), ("u64", pa.uint64()),
        ("f32", pa.float32()), ("f64", pa.float64()), ("s", pa.string()), ("bin", pa.binary()),
        ("fixed", pa.binary(16)), ("d", pa.date32()),
        ("ts_ms", pa.timestamp("ms", tz="UTC")), ("ts_us", pa.timestamp("us")), ("ts_ns", pa.timestamp("ns", tz="UTC")),
        ("t_ms", pa.time32("ms")), ("t_us", pa.time64("us")), ("t_ns", pa.time64("ns")),
        ("dec9", pa.decimal128(9, 2)), ("dec18", pa.decimal128(18, 3)), ("dec38", pa.decimal128(38, 10)),
        ("f16", pa.float16()), ("nothing", pa.null()),
    ])
    arrays = []
    for field in schema:
        values = data[field.name]
        if field.name == "f16":
            import numpy as np
            mask = [v is None for v in values]
            arrays.append(pa.array(np.array([0 if v is None else v for v in values], dtype=np.float16),
                                   type=pa.float16(), mask=np.array(mask)))
        else:
            arrays.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def nested_table():
    rows = [
        dict(li=[1, None, 3], ls=["a", "", None], st={"a": 1, "b": "x"}, lst=[{"x": 1, "y": ["p", None]}, None],
             sl={"l": [1, 2], "m": [("k", 1)]}, m=[("a", 1), ("b", None)], ml=[("z", [1, None])], ll=[[1], [], None],
             req=[5], deep={"inner": {"v": [{"w": 1.5}]}}),
        dict(li=None, ls=[], st=None, lst=[], sl=None, m=None, ml=[], ll=None, req=[], deep=None),
        dict(li=[], ls=None, st={"a": None, "b": None}, lst=None, sl={"l": None, "m": None}, m=[], ml=None,
             ll=[[None, 2]], req=[1, 2, 3], deep={"inner": None}),
        dict(li=[None], ls=["日本", "🚀"], st={"a": -1, "b": ""}, lst=[{"x": None, "y": None}, {"x": 2, "y": []}],
             sl={"l": [], "m": []}, m=[("only", 9)], ml=[("e", []), ("n", None)], ll=[[], []], req=[0],
             deep={"inner": {"v": None}}),
        dict(li=[7] * 10, ls=["x"] * 3, st={"a": 2, "b": "y"}, lst=[None, None], sl={"l": [None], "m": [("q", None)]},
             m=[("k%d" % i, i) for i in range(5)], ml=[("a", [1, 2, 3])], ll=[[1, 2], [3]], req=[9, 9],
             deep={"inner": {"v": [None, {"w": None}]}}),
    ]
    rows = rows * 3
    schema = pa.schema([
        ("li", pa.list_(pa.int64())),
        ("ls", pa.list_(pa.string())),
        ("st", pa.struct([("a", pa.int32()), ("b", pa.string())])),
        ("lst", pa.list_(pa.struct([("x", pa.int32()), ("y", pa.list_(pa.string()))]))),
        ("sl", pa.struct([("l", pa.list_(pa.int32())), ("m", pa.map_(pa.string(), pa.int32()))])),
        ("m", pa.map_(pa.string(), pa.int64())),
        ("ml", pa.map_(pa.string(), pa.list_(pa.int32()))),
        ("ll", pa.list_(pa.list_(pa.int32()))),
        pa.field("req", pa.list_(pa.field("item", pa.int32(), nullable=False)), nullable=False),
        ("deep", pa.struct([("inner", pa.struct([("v", pa.list_(pa.struct([("w", pa.float64())])))]))])),
    ])
    return pa.Table.from_pylist(rows, schema=schema)


# ---------------------------------------------------------------- files

def pyarrow_files():
    flat = flat_table()
    nested = nested_table()
    variants = {
        "pyarrow_flat_v1_none_dict": dict(compression="none"),
        "pyarrow_flat_v1_snappy_dict": dict(compression="snappy"),
        "pyarrow_flat_v1_gzip_plain": dict(compression="gzip", use_dictionary=False),
        "pyarrow_flat_v1_lz4_raw": dict(compression="lz4"),
        "pyarrow_flat_v2_zstd_dict": dict(compression="zstd", data_page_version="2.0"),
        "pyarrow_flat_v2_snappy_plain": dict(compression="snappy", data_page_version="2.0", use_dictionary=False),
        "pyarrow_flat_v2_none_plain": dict(compression="none", data_page_version="2.0", use_dictionary=False),
        "pyarrow_flat_byte_stream_split": dict(compression="none", use_dictionary=False,
                                               use_byte_stream_split=["f32", "f64", "i32", "i64", "fixed", "dec38"]),
        "pyarrow_flat_delta": dict(compression="snappy", use_dictionary=False, data_page_version="2.0",
                                   column_encoding={"i8": "DELTA_BINARY_PACKED", "i16": "DELTA_BINARY_PACKED",
                                                    "i32": "DELTA_BINARY_PACKED", "i64": "DELTA_BINARY_PACKED",
                                                    "u64": "DELTA_BINARY_PACKED", "ts_ns": "DELTA_BINARY_PACKED",
                                                    "s": "DELTA_LENGTH_BYTE_ARRAY", "bin": "DELTA_BYTE_ARRAY",
                                                    "fixed": "DELTA_BYTE_ARRAY"}),
        "pyarrow_flat_decimal_int": dict(compression="snappy", store_decimal_as_integer=True),
        "pyarrow_flat_page_index_crc": dict(compression="snappy", write_page_index=True, write_page_checksum=True,
                                            use_dictionary=["s", "i32"], data_page_size=512),
        "pyarrow_flat_pages": dict(compression="snappy", row_group_size=7, data_page_size=64, write_batch_size=5),
    }
    for name, options in variants.items():
        pq.write_table(flat, os.path.join(HERE, name + ".parquet"), **options)
        write_expected(name)

    ts = pa.table({
        "ts": pa.array([0, 1_700_000_000_123_456, None, -62135596800000000, 253402300799999999],
                       type=pa.timestamp("us")),
        "id": pa.array([1, 2, 3, 4, 5], type=pa.int32()),
    })
    pq.write_table(ts, os.path.join(HERE, "pyarrow_int96.parquet"), use_deprecated_int96_timestamps=True)
    write_expected("pyarrow_int96", utc_columns=("ts",))

    # Ten row groups of ten sorted rows each, for row-group pruning.
    pruning = pa.table({
        "id": pa.array(range(100), type=pa.int64()),
        "name": pa.array([f"name-{i:03d}" for i in range(100)]),
        "day": pa.array([datetime.date(2024, 1, 1) + datetime.timedelta(days=i) for i in range(100)]),
        "sparse": pa.array([None if i < 50 or i % 2 else i for i in range(100)], type=pa.int32()),
        "price": pa.array([decimal.Decimal(i) / 4 for i in range(100)], type=pa.decimal128(9, 2)),
        "ratio": pa.array([float("nan") if i == 55 else i / 10 for i in range(100)]),
        "st": pa.array([{"k": i} for i in range(100)], type=pa.struct([("k", pa.int32())])),
    })
    pq.write_table(pruning, os.path.join(HERE, "pyarrow_pruning.parquet"), row_group_size=10)
    write_expected("pyarrow_pruning")

    nested_variants = {
        "pyarrow_nested_v1_snappy": dict(compression="snappy"),
        "pyarrow_nested_v2_zstd": dict(compression="zstd", data_page_version="2.0"),
        "pyarrow_nested_v1_gzip_plain": dict(compression="gzip", use_dictionary=False),
        "pyarrow_nested_legacy": dict(compression="snappy", use_compliant_nested_type=False),
        "pyarrow_nested_pages": dict(compression="none", row_group_size=4, data_page_size=32, write_batch_size=2),
    }
    for name, options in nested_variants.items():
        pq.write_table(nested, os.path.join(HERE, name + ".parquet"), **options)
        write_expected(name)


DUCKDB_TABLE = """
CREATE TABLE t AS SELECT * FROM (VALUES
  (1, true, (-128)::TINYINT, 255::UTINYINT, 65535::USMALLINT, 4294967295::UINTEGER, 9223372036854775807::UBIGINT,
   'text', 'Ünïcode ✓'::VARCHAR, '\\x00\\xFF'::BLOB, DATE '2024-02-29', TIMESTAMP '2024-01-31 12:34:56.789012',
   TIMESTAMPTZ '2024-01-31 12:34:56.789012+00', TIMESTAMP_NS '2024-01-31 12:34:56.123456789', TIME '23:59:59.999999',
   12.34::DECIMAL(4,2), 123456789.123::DECIMAL(18,3), -12345678901234567890.123456::DECIMAL(38,6),
   1.5::FLOAT, 2.25::DOUBLE, [1, 2, NULL], {'a': 1, 'b': 'x'}, MAP {'k1': 1, 'k2': NULL},
   '8a3f1b7e-2c4d-4e5f-9a0b-1c2d3e4f5a6b'::UUID, '{"j": [1, 2]}'::JSON),
  (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   NULL, NULL, NULL, NULL, NULL, NULL),
  (3, false, 127::TINYINT, 0::UTINYINT, 0::USMALLINT, 0::UINTEGER, 0::UBIGINT, '', '', ''::BLOB, DATE '1900-01-01',
   TIMESTAMP '1900-01-01 00:00:00', TIMESTAMPTZ '1970-01-01 00:00:00+00', TIMESTAMP_NS '1970-01-01 00:00:00',
   TIME '00:00:00', -0.01::DECIMAL(4,2), 0::DECIMAL(18,3), 0::DECIMAL(38,6), 'nan'::FLOAT, '-inf'::DOUBLE, [],
   {'a': NULL, 'b': NULL}, MAP {}, '00000000-0000-0000-0000-000000000000'::UUID, 'null'::JSON)
) v(id, b, i8, u8, u16, u32, u64, s, s2, bin, d, ts, tstz, tsns, t, dec4, dec18, dec38, f, dbl, li, st, m, u, j);
INSERT INTO t SELECT i + 10, i % 2 = 0, (i % 100)::TINYINT, (i % 200)::UTINYINT, i::USMALLINT, i::UINTEGER, i::UBIGINT,
  'row ' || (i % 7)::VARCHAR, repeat('é', i % 5), ('b' || i::VARCHAR)::BLOB, DATE '2000-01-01' + i::INTEGER,
  TIMESTAMP '2000-01-01' + INTERVAL (i) MINUTE, TIMESTAMPTZ '2000-01-01 00:00:00+00' + INTERVAL (i) SECOND,
  (TIMESTAMP '2000-01-01' + INTERVAL (i) MICROSECOND)::TIMESTAMP_NS, TIME '01:02:03' + INTERVAL (i) SECOND,
  (i / 100)::DECIMAL(4,2), (i * 1000.5)::DECIMAL(18,3), (i * -7.25)::DECIMAL(38,6), i / 3, i / 7,
  CASE WHEN i % 3 = 0 THEN NULL ELSE range(i % 4) END, {'a': i, 'b': i::VARCHAR}, MAP {'k': i},
  NULL, NULL
FROM range(40) r(i);
"""


def fuzz_files():
    """Small files for the mutation test: dictionary, nested, V2 with delta
    encodings, and each codec."""
    rows = 12
    table = pa.table({
        "id": pa.array(range(rows), type=pa.int64()),
        "tag": pa.array([None if i % 5 == 0 else ["a", "bb", "ccc"][i % 3] for i in range(rows)]),
        "items": pa.array([None if i % 4 == 0 else [{"k": j, "v": None if j % 2 else "x" * j} for j in range(i % 3)]
                           for i in range(rows)],
                          type=pa.list_(pa.struct([("k", pa.int32()), ("v", pa.string())]))),
        "attrs": pa.array([None if i % 6 == 0 else [("k%d" % j, j * 1.5) for j in range(i % 3)] for i in range(rows)],
                          type=pa.map_(pa.string(), pa.float64())),
        "flag": pa.array([None if i % 7 == 0 else i % 2 == 0 for i in range(rows)]),
    })
    variants = {
        "fuzz_v1_snappy_dict": dict(compression="snappy"),
        "fuzz_v2_zstd_delta": dict(compression="zstd", data_page_version="2.0", use_dictionary=False,
                                   column_encoding={"id": "DELTA_BINARY_PACKED", "tag": "DELTA_BYTE_ARRAY",
                                                    "items.list.element.v": "DELTA_LENGTH_BYTE_ARRAY"}),
        "fuzz_v1_gzip_plain": dict(compression="gzip", use_dictionary=False, row_group_size=5),
        "fuzz_v2_none_dict": dict(compression="none", data_page_version="2.0", data_page_size=40, write_batch_size=4),
    }
    for name, options in variants.items():
        pq.write_table(table, os.path.join(HERE, name + ".parquet"), **options)
        write_expected(name)


def duckdb_files():
    for name, options in [("duckdb_v1", "FORMAT parquet"), ("duckdb_v2", "FORMAT parquet, PARQUET_VERSION V2"),
                          ("duckdb_zstd", "FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 16")]:
        path = os.path.join(HERE, name + ".parquet")
        con = duckdb.connect()
        con.execute(DUCKDB_TABLE)
        con.execute(f"COPY (SELECT * FROM t ORDER BY id) TO '{path}' ({options})")
        con.close()
    # pyarrow cannot read DuckDB's DELTA_BINARY_PACKED page for UINTEGER 4294967295
    # (its deltas need 33 bits); DuckDB reads all three files as the same rows, so the
    # expected content of each is pyarrow's reading of the V1 file.
    con = duckdb.connect()
    for name in ["duckdb_v2", "duckdb_zstd"]:
        differing = con.execute(
            f"SELECT count(*) FROM (SELECT * FROM '{HERE}/duckdb_v1.parquet' EXCEPT ALL SELECT * FROM '{HERE}/{name}.parquet')"
        ).fetchone()[0]
        assert differing == 0, name
    for name in ["duckdb_v1", "duckdb_v2", "duckdb_zstd"]:
        write_expected(name, source="duckdb_v1")


def polars_files():
    df = pl.DataFrame({
        "id": list(range(30)),
        "name": [None if i % 5 == 0 else f"name-{i}-ß" for i in range(30)],
        "score": [None if i % 7 == 0 else i * 0.5 for i in range(30)],
        "day": [datetime.date(2020, 1, 1) + datetime.timedelta(days=i) for i in range(30)],
        "at": [datetime.datetime(2021, 6, 1, 12, 0) + datetime.timedelta(seconds=i * 1.5) for i in range(30)],
        "tags": [None if i % 4 == 0 else [f"t{j}" for j in range(i % 3)] for i in range(30)],
        "point": [{"x": i, "y": None if i % 2 else float(i)} for i in range(30)],
        "flag": [i % 3 == 0 for i in range(30)],
        "small": pl.Series([i - 15 for i in range(30)], dtype=pl.Int16),
    })
    path = os.path.join(HERE, "polars_default.parquet")
    df.write_parquet(path)
    write_expected("polars_default")


if __name__ == "__main__":
    pyarrow_files()
    fuzz_files()
    duckdb_files()
    polars_files()
    total = sum(os.path.getsize(os.path.join(HERE, f)) for f in os.listdir(HERE))
    print(f"fixtures written, {total} bytes in total")
