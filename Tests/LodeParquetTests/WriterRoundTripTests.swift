import XCTest
import LodeCore
@testable import LodeParquet

/// Files from ``ParquetWriter`` read back by Lode's own ``ParquetReader``: every value
/// and the schema survive.
final class WriterRoundTripTests: XCTestCase {
    func testFlatTypesRoundTrip() throws {
        try assertRoundTrip([try WriterTypesTests.flatBatch()], schema: WriterTypesTests.flatSchema)
    }

    func testNestedTypesRoundTrip() throws {
        let map = DataType.map(key: Field("key", .string, nullable: false), value: Field("value", .decimal(precision: 25, scale: 3)))
        let point = DataType.struct([Field("x", .int16), Field("tags", .list(Field("element", .binary)))])
        let points = DataType.list(Field("element", point))
        let schema = Schema([Field("m", map), Field("p", points, nullable: false), Field("b", .boolean)])
        let m = try makeArray(map, [
            .map(keys: [.string("a"), .string("")], values: [.decimal(Decimal128(12_345, precision: 25, scale: 3)), .null]),
            .null, .map(keys: [], values: []),
        ])
        let p = try makeArray(points, [
            .list([.struct([.int(-1), .list([.binary([1, 2]), .null])]), .null]), .list([]),
            .list([.struct([.null, .null]), .struct([.int(7), .list([])])]),
        ])
        let batch = try RecordBatch(schema: schema, columns: [m, p, BooleanArray([nil, true, false])])
        try assertRoundTrip([batch, batch.slice(1..<3)], schema: schema)
    }

    func testDictionaryFallbackAndManyPagesRoundTrip() throws {
        let schema = Schema([Field("s", .string), Field("d", .float64), Field("t", .timestamp(.nanosecond, utc: false))])
        let n = 30_000
        let batch = try RecordBatch(schema: schema, columns: [
            BinaryArray(strings: (0..<n).map { $0 % 17 == 0 ? nil : "v\($0 % 5_000)" }),
            PrimitiveArray<Double>(.float64, (0..<n).map { $0 % 9 == 0 ? nil : Double($0 % 3_000) * 0.25 }),
            PrimitiveArray<Int64>(.timestamp(.nanosecond, utc: false), storage: (0..<n).map { Int64($0) * 1_000_000_007 }),
        ])
        var options = ParquetWriteOptions()
        options.dictionaryPageSizeLimit = 8 * 1024
        options.dataPageSize = 8 * 1024
        options.maxRowGroupRows = 12_000
        try assertRoundTrip([batch], schema: schema, options: options)
    }

    private func assertRoundTrip(_ batches: [RecordBatch], schema: Schema, options: ParquetWriteOptions = .init(),
                                 line: UInt = #line) throws {
        let sink = ParquetMemorySink()
        let writer = try ParquetWriter(sink: sink, schema: schema, options: options)
        for batch in batches { try writer.write(batch) }
        try writer.close()
        let reader = try ParquetReader(input: ParquetMemoryInput(sink.bytes), name: "round-trip")
        XCTAssertEqual(reader.schema.fields.map(\.name), schema.fields.map(\.name), line: line)
        XCTAssertEqual(reader.schema.fields.map(\.nullable), schema.fields.map(\.nullable), line: line)
        XCTAssertEqual(reader.schema.fields.map(\.type), schema.fields.map(\.type), line: line)
        var rows: [[Value]] = []
        for group in 0..<reader.rowGroupCount {
            let batch = try reader.readRowGroup(group)
            rows += (0..<batch.count).map { batch.row($0) }
        }
        let expected = batches.flatMap { batch in (0..<batch.count).map { batch.row($0) } }
        XCTAssertEqual(rows.count, expected.count, line: line)
        for (index, (got, want)) in zip(rows, expected).enumerated() where !same(.list(got), .list(want)) {
            XCTFail("row \(index): read \(got), wrote \(want)", line: line)
            return
        }
    }

    /// Equality that tells -0.0 from 0.0 and takes NaN as equal to itself.
    private func same(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.double(let x), .double(let y)): return x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN)
        case (.list(let x), .list(let y)), (.struct(let x), .struct(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.map(let k1, let v1), .map(let k2, let v2)):
            return same(.list(k1), .list(k2)) && same(.list(v1), .list(v2))
        default: return a == b
        }
    }
}
