import XCTest
import LodeCore
@testable import LodeParquet

/// Column chunk statistics as pyarrow sees them: exact min/max in each type's order,
/// null counts, and no min/max where there is no ordered value.
final class WriterStatisticsTests: XCTestCase {
    func testFlatStatisticsSeenByPyarrow() throws {
        let path = try WriterOracle.write([try WriterTypesTests.flatBatch()], schema: WriterTypesTests.flatSchema,
                                          options: WriterTypesTests.uncompressed)
        try WriterOracle.run(#"""
        import sys, datetime
        from decimal import Decimal
        import pyarrow.parquet as pq
        md = pq.ParquetFile(sys.argv[1]).metadata
        rg = md.row_group(0)
        stats = {rg.column(i).path_in_schema: rg.column(i).statistics for i in range(rg.num_columns)}
        def check(name, lo, hi, nulls):
            s = stats[name]
            assert s.has_min_max, name
            assert (s.min, s.max, s.null_count) == (lo, hi, nulls), (name, s.min, s.max, s.null_count)
        check("b", False, True, 1)
        check("i8", -128, 127, 1)
        check("i16", -32768, 32767, 1)
        check("i32", -2**31, 2**31 - 1, 1)
        check("i64", -2**63, 2**63 - 1, 0)
        check("f32", float("-inf"), float("inf"), 1)
        check("f64", -0.0, 1e308, 1)  # NaN left out
        check("d5", Decimal("-999.99"), Decimal("999.99"), 1)
        check("d18", Decimal("-99999999999999.9999"), Decimal("99999999999999.9999"), 1)
        big = "9" * 28 + "." + "9" * 10
        check("d38", Decimal("-" + big), Decimal(big), 1)
        check("s", "", "héllo wörld ✓ 日本 🚀", 1)
        check("bin", b"", b"\x01", 1)
        check("date", datetime.date(1, 1, 1), datetime.date(9999, 12, 31), 1)
        assert stats["ts_us"].has_min_max and stats["ts_us"].null_count == 1
        assert md.created_by == "lode version 0.1.0 (build lode)", md.created_by
        """#, [path])
    }

    func testOrdersAndEdgeCases() throws {
        let schema = Schema([
            Field("nulls", .int64), Field("zeros", .float64), Field("nan", .float32), Field("text", .string),
            Field("neg", .decimal(precision: 30, scale: 0)), Field("flag", .boolean),
        ])
        let batch = try RecordBatch(schema: schema, columns: [
            PrimitiveArray<Int64>(.int64, [nil, nil, nil]),
            PrimitiveArray<Double>(.float64, [0.0, -0.0, 0.0]),
            PrimitiveArray<Float>(.float32, [.nan, nil, .nan]),
            BinaryArray(strings: ["z", "é", "Z"]),
            PrimitiveArray<Int128>(.decimal(precision: 30, scale: 0), [-5, 3, -70]),
            BooleanArray([false, false, nil]),
        ])
        for dictionary in [true, false] {
            var options = WriterTypesTests.uncompressed
            options.dictionaryEnabled = dictionary
            let path = try WriterOracle.write([batch], schema: schema, options: options)
            try WriterOracle.run(#"""
            import sys, math
            from decimal import Decimal
            import pyarrow.parquet as pq
            rg = pq.ParquetFile(sys.argv[1]).metadata.row_group(0)
            s = {rg.column(i).path_in_schema: rg.column(i).statistics for i in range(rg.num_columns)}
            assert not s["nulls"].has_min_max and s["nulls"].null_count == 3
            z = s["zeros"]
            assert z.has_min_max and math.copysign(1, z.min) == -1 and math.copysign(1, z.max) == 1, (z.min, z.max)
            assert not s["nan"].has_min_max and s["nan"].null_count == 1
            assert (s["text"].min, s["text"].max) == ("Z", "é"), (s["text"].min, s["text"].max)
            assert (s["neg"].min, s["neg"].max) == (Decimal(-70), Decimal(3)), (s["neg"].min, s["neg"].max)
            assert (s["flag"].min, s["flag"].max) == (False, False)
            """#, [path])
        }
    }

    func testFooterCarriesColumnOrdersAndStatistics() throws {
        let sink = ParquetMemorySink()
        let schema = Schema([Field("a", .int32), Field("s", .struct([Field("t", .string)]))])
        let writer = try ParquetWriter(sink: sink, schema: schema, options: WriterTypesTests.uncompressed)
        try writer.write(RecordBatch(schema: schema, columns: [
            PrimitiveArray<Int32>(.int32, [3, nil, -1]),
            try makeArray(.struct([Field("t", .string)]), [.struct([.string("b")]), .null, .struct([.string("a")])]),
        ]))
        let footer = try writer.close()
        XCTAssertEqual(footer.columnOrders, [.typeDefinedOrder, .typeDefinedOrder])
        XCTAssertEqual(footer.numRows, 3)
        let chunk = try XCTUnwrap(footer.rowGroups.first?.columns[0].metaData)
        XCTAssertEqual(chunk.statistics?.minValue, withUnsafeBytes(of: Int32(-1).littleEndian) { Array($0) })
        XCTAssertEqual(chunk.statistics?.maxValue, withUnsafeBytes(of: Int32(3).littleEndian) { Array($0) })
        XCTAssertEqual(chunk.statistics?.nullCount, 1)
        let text = try XCTUnwrap(footer.rowGroups.first?.columns[1].metaData)
        XCTAssertEqual(text.pathInSchema, ["s", "t"])
        XCTAssertEqual(text.statistics?.minValue, Array("a".utf8))
        XCTAssertEqual(text.statistics?.maxValue, Array("b".utf8))
        XCTAssertNil(text.statistics?.min, "deprecated min/max are left out for byte arrays")
        XCTAssertEqual(sink.position, writer.bytesWritten)

        // The footer as written decodes to the footer returned.
        let bytes = sink.bytes
        XCTAssertEqual(Array(bytes.prefix(4)), Array("PAR1".utf8))
        XCTAssertEqual(Array(bytes.suffix(4)), Array("PAR1".utf8))
        let length = bytes[(bytes.count - 8)..<(bytes.count - 4)].reversed().reduce(0) { $0 << 8 | Int($1) }
        let decoded = try bytes[(bytes.count - 8 - length)..<(bytes.count - 8)].withUnsafeBytes {
            try FileMetaData(thrift: $0)
        }
        XCTAssertEqual(decoded, footer)
    }
}
