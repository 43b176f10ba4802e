import LodeCore
import XCTest
@testable import LodeDelta

final class OperationsStatisticsTests: XCTestCase {
    func stats(_ batch: RecordBatch, indexed: Int = 32) throws -> JSONValue {
        var collector = StatisticsCollector(schema: batch.schema, indexedColumns: indexed)
        collector.add(batch.slice(0..<1))
        collector.add(batch.slice(1..<batch.count))
        return try JSONValue.parse(collector.json())
    }

    func testMinMaxNullCountOverBatches() throws {
        let schema = Schema([Field("i", .int32), Field("d", .float64), Field("s", .string), Field("b", .boolean),
                             Field("day", .date), Field("ts", .timestampUTC), Field("ntz", .timestampNTZ),
                             Field("dec", .decimal(precision: 5, scale: 2)), Field("bin", .binary)])
        let batch = try RecordBatch(schema: schema, columns: [
            PrimitiveArray<Int32>(.int32, [5, nil, -3]),
            PrimitiveArray<Double>(.float64, [.nan, 2.5, -1]),
            BinaryArray(strings: ["b", "a", nil]),
            BooleanArray([true, true, nil]),
            PrimitiveArray<Int32>(.date, [19_000, 19_723, nil]),
            PrimitiveArray<Int64>(.timestampUTC, [1_704_067_200_123_456, nil, 0]),
            PrimitiveArray<Int64>(.timestampNTZ, [-1, nil, nil]),
            PrimitiveArray<Int128>(.decimal(precision: 5, scale: 2), [120, -350, nil]),
            BinaryArray(.binary, offsets: [0, 1, 2, 2], bytes: [1, 2], validity: nil),
        ])
        let json = try stats(batch)
        XCTAssertEqual(json["numRecords"]?.int64Value, 3)
        let min = try XCTUnwrap(json["minValues"]), max = try XCTUnwrap(json["maxValues"])
        let nulls = try XCTUnwrap(json["nullCount"])
        XCTAssertEqual(min["i"]?.int64Value, -3)
        XCTAssertEqual(max["i"]?.int64Value, 5)
        XCTAssertEqual(min["d"]?.doubleValue, -1)
        XCTAssertEqual(max["d"]?.doubleValue, 2.5)
        XCTAssertEqual(min["s"]?.stringValue, "a")
        XCTAssertEqual(max["s"]?.stringValue, "b")
        XCTAssertEqual(min["b"]?.boolValue, true)
        XCTAssertEqual(min["day"]?.stringValue, "2022-01-08")
        XCTAssertEqual(max["day"]?.stringValue, "2024-01-01")
        XCTAssertEqual(min["ts"]?.stringValue, "1970-01-01T00:00:00.000Z")
        XCTAssertEqual(max["ts"]?.stringValue, "2024-01-01T00:00:00.123Z")
        XCTAssertEqual(min["ntz"]?.stringValue, "1969-12-31T23:59:59.999")
        XCTAssertEqual(min["dec"]?.numberText, "-3.50")
        XCTAssertEqual(max["dec"]?.numberText, "1.20")
        XCTAssertNil(min["bin"])
        XCTAssertEqual(nulls["i"]?.int64Value, 1)
        XCTAssertEqual(nulls["bin"]?.int64Value, 0)
        XCTAssertEqual(nulls["ntz"]?.int64Value, 2)
    }

    func testNestedStructsAndLongStrings() throws {
        let inner = DataType.struct([Field("x", .int64), Field("name", .string)])
        let schema = Schema([Field("st", inner), Field("l", .list(Field("item", .int64)))])
        let long = String(repeating: "z", count: 40)
        let structs = StructArray(inner, children: [PrimitiveArray<Int64>(.int64, [1, 7, 3]),
                                                    BinaryArray(strings: [long, "a", nil])],
                                  count: 3, validity: Bitmap([true, false, true]))
        let lists = ListArray(.list(Field("item", .int64)), offsets: [0, 1, 1, 1],
                              child: PrimitiveArray<Int64>(.int64, [1]))
        let json = try stats(try RecordBatch(schema: schema, columns: [structs, lists]))
        // Row 1's struct is null, so its children count as null and do not bound.
        XCTAssertEqual(json["nullCount"]?["st"]?["x"]?.int64Value, 1)
        XCTAssertEqual(json["nullCount"]?["st"]?["name"]?.int64Value, 2)
        XCTAssertEqual(json["maxValues"]?["st"]?["x"]?.int64Value, 3)
        XCTAssertEqual(json["minValues"]?["st"]?["name"]?.stringValue, String(repeating: "z", count: 32))
        XCTAssertEqual(json["maxValues"]?["st"]?["name"]?.stringValue, String(repeating: "z", count: 32) + "\u{10FFFF}")
        XCTAssertNil(json["nullCount"]?["l"])
    }

    func testOnlyTheFirstIndexedColumns() throws {
        let schema = Schema([Field("a", .int64), Field("b", .int64)])
        let batch = try RecordBatch(schema: schema, columns: [PrimitiveArray<Int64>(.int64, [1, 2]),
                                                              PrimitiveArray<Int64>(.int64, [3, 4])])
        let json = try stats(batch, indexed: 1)
        XCTAssertNotNil(json["minValues"]?["a"])
        XCTAssertNil(json["minValues"]?["b"])
        XCTAssertNil(json["nullCount"]?["b"])
        XCTAssertEqual(json["numRecords"]?.int64Value, 2)
    }

    func testStatisticsParseBackWithTheKernel() throws {
        let schema = Schema([Field("id", .int64), Field("ts", .timestampUTC)])
        let batch = try RecordBatch(schema: schema, columns: [PrimitiveArray<Int64>(.int64, [10, 20]),
                                                              PrimitiveArray<Int64>(.timestampUTC, [1_500, 2_999])])
        var collector = StatisticsCollector(schema: schema, indexedColumns: 32)
        collector.add(batch)
        let parsed = try FileStatistics(json: collector.json(), schema: schema)
        XCTAssertEqual(parsed.numRecords, 2)
        XCTAssertEqual(parsed.minValues["id"], .int(10))
        // The kernel widens a maximum by 1 ms: 2.999 ms truncates to 2 ms, read as 3 ms.
        XCTAssertEqual(parsed.maxValues["ts"], .timestamp(3_000, .microsecond, utc: true))
    }
}
