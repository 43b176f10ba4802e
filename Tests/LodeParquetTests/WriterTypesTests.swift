import XCTest
import LodeCore
@testable import LodeParquet

/// Every Lode type written by ``ParquetWriter`` and read back by pyarrow, DuckDB and polars.
final class WriterTypesTests: XCTestCase {
    static var uncompressed: ParquetWriteOptions {
        var options = ParquetWriteOptions()
        options.compression = .uncompressed
        return options
    }

    static let flatSchema = Schema([
        Field("b", .boolean),
        Field("i8", .int8),
        Field("i16", .int16),
        Field("i32", .int32),
        Field("i64", .int64, nullable: false),
        Field("f32", .float32),
        Field("f64", .float64),
        Field("d5", .decimal(precision: 5, scale: 2)),
        Field("d18", .decimal(precision: 18, scale: 4)),
        Field("d38", .decimal(precision: 38, scale: 10)),
        Field("s", .string),
        Field("bin", .binary),
        Field("date", .date),
        Field("ts_us", .timestampUTC),
        Field("ts_ms", .timestamp(.millisecond, utc: false)),
        Field("ts_ns", .timestamp(.nanosecond, utc: true)),
    ])

    static func flatBatch() throws -> RecordBatch {
        let big = Decimal128.powerOfTen(38) - 1
        var bin = BinaryBuilder(.binary)
        bin.append([0, 255] as [UInt8])
        bin.append([] as [UInt8])
        bin.appendNull()
        bin.append([1] as [UInt8])
        return try RecordBatch(schema: flatSchema, columns: [
            BooleanArray([true, nil, false, true]),
            PrimitiveArray<Int8>(.int8, [Int8.min, Int8.max, nil, 0]),
            PrimitiveArray<Int16>(.int16, [Int16.min, Int16.max, nil, -1]),
            PrimitiveArray<Int32>(.int32, [Int32.min, Int32.max, nil, 7]),
            PrimitiveArray<Int64>(.int64, storage: [Int64.min, Int64.max, 0, -1]),
            PrimitiveArray<Float>(.float32, [-.infinity, .infinity, nil, 1.5]),
            PrimitiveArray<Double>(.float64, [.nan, -0.0, 1e308, nil]),
            PrimitiveArray<Int128>(.decimal(precision: 5, scale: 2), [-99_999, 99_999, nil, 1]),
            PrimitiveArray<Int128>(.decimal(precision: 18, scale: 4),
                                   [-999_999_999_999_999_999, 999_999_999_999_999_999, nil, 0]),
            PrimitiveArray<Int128>(.decimal(precision: 38, scale: 10), [-big, big, nil, 1]),
            BinaryArray(strings: ["", "héllo wörld ✓ 日本 🚀", nil, "abc"]),
            bin.finish(),
            PrimitiveArray<Int32>(.date, [-719_162, 2_932_896, nil, 0]),
            PrimitiveArray<Int64>(.timestampUTC, [-62_135_596_800_000_000, 253_402_300_799_999_999, nil, 0]),
            PrimitiveArray<Int64>(.timestamp(.millisecond, utc: false), [-62_135_596_800_000, 253_402_300_799_999, nil, 1]),
            PrimitiveArray<Int64>(.timestamp(.nanosecond, utc: true), [Int64.min + 1, Int64.max, nil, 0]),
        ])
    }

    /// Python asserting the values of ``flatBatch()`` read from `sys.argv[1]` by `table`.
    static let flatAssertions = #"""
    import math
    from decimal import Decimal
    import pyarrow as pa
    def ints(name, typ=pa.int64()):
        return table.column(name).cast(typ).to_pylist()
    assert table.column("b").to_pylist() == [True, None, False, True]
    assert ints("i8") == [-128, 127, None, 0]
    assert ints("i16") == [-32768, 32767, None, -1]
    assert ints("i32") == [-2**31, 2**31 - 1, None, 7]
    assert ints("i64") == [-2**63, 2**63 - 1, 0, -1]
    assert table.column("f32").to_pylist() == [-math.inf, math.inf, None, 1.5]
    f64 = table.column("f64").to_pylist()
    assert math.isnan(f64[0]) and f64[1] == 0 and math.copysign(1, f64[1]) == -1 and f64[2] == 1e308 and f64[3] is None, f64
    assert [None if v is None else str(v) for v in table.column("d5").to_pylist()] == ["-999.99", "999.99", None, "0.01"]
    assert [None if v is None else str(v) for v in table.column("d18").to_pylist()] == ["-99999999999999.9999", "99999999999999.9999", None, "0.0000"]
    big = "9" * 28 + "." + "9" * 10
    assert [None if v is None else str(v) for v in table.column("d38").to_pylist()] == ["-" + big, big, None, "1E-10"]
    assert table.column("s").to_pylist() == ["", "héllo wörld ✓ 日本 🚀", None, "abc"]
    assert table.column("bin").to_pylist() == [b"\x00\xff", b"", None, b"\x01"]
    assert ints("date", pa.int32()) == [-719162, 2932896, None, 0]
    assert ints("ts_us") == [-62135596800000000, 253402300799999999, None, 0]
    assert ints("ts_ms") == [-62135596800000, 253402300799999, None, 1]
    assert ints("ts_ns") == [-2**63 + 1, 2**63 - 1, None, 0]
    """#

    func testFlatTypesReadByPyarrow() throws {
        let path = try WriterOracle.write([try Self.flatBatch()], schema: Self.flatSchema, options: Self.uncompressed)
        try WriterOracle.run("""
        import sys
        import pyarrow.parquet as pq
        table = pq.read_table(sys.argv[1])
        \(Self.flatAssertions)
        schema = table.schema
        import pyarrow as pa
        expected = {
            "b": pa.bool_(), "i8": pa.int8(), "i16": pa.int16(), "i32": pa.int32(), "i64": pa.int64(),
            "f32": pa.float32(), "f64": pa.float64(), "d5": pa.decimal128(5, 2), "d18": pa.decimal128(18, 4),
            "d38": pa.decimal128(38, 10), "s": pa.string(), "bin": pa.binary(), "date": pa.date32(),
            "ts_us": pa.timestamp("us", tz="UTC"), "ts_ms": pa.timestamp("ms"), "ts_ns": pa.timestamp("ns", tz="UTC"),
        }
        for name, typ in expected.items():
            assert schema.field(name).type == typ, (name, schema.field(name).type, typ)
        assert not schema.field("i64").nullable and schema.field("i32").nullable
        """, [path])
    }

    func testFlatTypesReadByDuckDBAndPolars() throws {
        let path = try WriterOracle.write([try Self.flatBatch()], schema: Self.flatSchema, options: Self.uncompressed)
        try WriterOracle.run("""
        import sys, duckdb, polars as pl
        rows = duckdb.sql(f"select i64, s, d38::varchar, date::varchar, bin from '{sys.argv[1]}'").fetchall()
        assert rows[0][0] == -2**63 and rows[1][0] == 2**63 - 1, rows
        assert [r[1] for r in rows] == ["", "héllo wörld ✓ 日本 🚀", None, "abc"], rows
        assert rows[1][2] == "9" * 28 + "." + "9" * 10, rows
        assert [r[3] for r in rows] == ["0001-01-01", "9999-12-31", None, "1970-01-01"], rows
        assert rows[0][4] == b"\\x00\\xff", rows
        types = dict(duckdb.sql(f"select column_name, column_type from (describe select * from '{sys.argv[1]}')").fetchall())
        assert types["d5"] == "DECIMAL(5,2)" and types["ts_us"] == "TIMESTAMP WITH TIME ZONE" and types["ts_ms"] == "TIMESTAMP", types
        frame = pl.read_parquet(sys.argv[1])
        assert frame["i64"].to_list() == [-2**63, 2**63 - 1, 0, -1]
        assert frame["s"].to_list() == ["", "héllo wörld ✓ 日本 🚀", None, "abc"]
        assert str(frame["d18"].to_list()[0]) == "-99999999999999.9999"
        """, [path])
    }

    func testKeyValueMetadataAndCreatedBy() throws {
        var options = Self.uncompressed
        options.keyValueMetadata = ["lode.table": "silver.orders", "empty": ""]
        let schema = Schema([Field("x", .int32)])
        let batch = try RecordBatch(schema: schema, columns: [PrimitiveArray<Int32>(.int32, [1])])
        let path = try WriterOracle.write([batch], schema: schema, options: options)
        try WriterOracle.run(#"""
        import sys, re, pyarrow.parquet as pq
        md = pq.ParquetFile(sys.argv[1]).metadata
        assert md.metadata == {b"empty": b"", b"lode.table": b"silver.orders"}, md.metadata
        # parquet-java's VersionParser, which decides whether Spark trusts string statistics.
        m = re.fullmatch(r"(.*?)\s+version\s*(?:([^(]*?)\s*(?:\(\s*build\s*([^)]*?)\s*\))?)?", md.created_by)
        assert m and m.group(1) == "lode" and re.fullmatch(r"\d+\.\d+\.\d+", m.group(2)) and m.group(3) == "lode", md.created_by
        """#, [path])
    }
}
