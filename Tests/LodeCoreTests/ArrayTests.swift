import XCTest
@testable import LodeCore

final class ArrayTests: XCTestCase {
    func testPrimitiveArrayKeepsNullsAndSlices() {
        let a = PrimitiveArray<Int64>(.int64, [1, nil, 3, Int64.min])
        XCTAssertEqual(a.nullCount, 1)
        XCTAssertEqual(a.values, [.int(1), .null, .int(3), .int(Int64.min)])
        XCTAssertEqual(a.slice(1..<3).values, [.null, .int(3)])
        XCTAssertNil(PrimitiveArray<Int64>(.int64, [1, 2]).validity, "no bitmap without nulls")
    }

    func testBinaryArrayStringsAndSlices() {
        let a = BinaryArray(strings: ["Grüße", nil, "", "日本語"])
        XCTAssertEqual(a.values, [.string("Grüße"), .null, .string(""), .string("日本語")])
        let s = a.slice(2..<4) as! BinaryArray
        XCTAssertEqual(s.offsets.first, 0)
        XCTAssertEqual(s.values, [.string(""), .string("日本語")])
    }

    func testMakeArrayBuildsNestedTypes() throws {
        let type = DataType.struct([Field("tags", .list(Field("item", .string))), Field("n", .int32)])
        let values: [Value] = [.struct([.list([.string("a"), .null]), .int(1)]), .null, .struct([.list([]), .null])]
        let array = try makeArray(type, values)
        XCTAssertEqual(array.values, values)
        XCTAssertEqual(array.slice(1..<3).values, Array(values[1...]))
        let map = try makeArray(.map(key: Field("k", .string, nullable: false), value: Field("v", .int64)),
                                [.map(keys: [.string("x")], values: [.int(7)]), .null])
        XCTAssertEqual(map.value(at: 0), .map(keys: [.string("x")], values: [.int(7)]))
    }

    func testTakeGathersRowsOfEveryArrayKind() throws {
        let type = DataType.struct([Field("tags", .list(Field("item", .string))), Field("n", .int32)])
        let nested: [Value] = [.struct([.list([.string("a")]), .int(1)]), .null, .struct([.list([]), .null])]
        let batch = try RecordBatch(schema: Schema([Field("s", type), Field("x", .float64), Field("t", .string)]),
                                    columns: [try makeArray(type, nested), PrimitiveArray<Double>(.float64, [1, nil, 3]),
                                              BinaryArray(strings: ["p", "q", nil])])
        let taken = batch.take([2, 0, 0])
        XCTAssertEqual(taken.row(0), [nested[2], .double(3), .null])
        XCTAssertEqual(taken.row(2), [nested[0], .double(1), .string("p")])
        XCTAssertEqual(batch.take([1, 2]).row(0), batch.row(1), "an ascending run is a slice")
    }

    func testMakeArrayRejectsWrongTypesAndOverflow() {
        XCTAssertThrowsError(try makeArray(.int8, [.int(300)]))
        XCTAssertThrowsError(try makeArray(.boolean, [.string("yes")]))
    }

    func testRecordBatchChecksShape() throws {
        let schema = Schema([Field("a", .int32), Field("b", .string)])
        XCTAssertThrowsError(try RecordBatch(schema: schema, columns: [PrimitiveArray<Int32>(.int32, [1])]))
        XCTAssertThrowsError(try RecordBatch(schema: schema, columns: [PrimitiveArray<Int32>(.int32, [1]),
                                                                       BinaryArray(strings: ["x", "y"])]))
        let batch = try RecordBatch(schema: schema, columns: [PrimitiveArray<Int32>(.int32, [1, 2]),
                                                              BinaryArray(strings: ["x", nil])])
        XCTAssertEqual(batch.row(1), [.int(2), .null])
        XCTAssertEqual(batch.project([1]).schema.names, ["b"])
        XCTAssertEqual(RecordBatch.empty(schema).count, 0)
    }

    func testValueDescriptionsFollowDuckDB() {
        XCTAssertEqual(Value.date(0).description, "1970-01-01")
        XCTAssertEqual(Value.timestamp(1_500_000, .microsecond, utc: false).description, "1970-01-01 00:00:01.5")
        XCTAssertEqual(Value.double(2).description, "2.0")
        XCTAssertEqual(Value.list([.string("a"), .int(1)]).description, "['a', 1]")
    }
}
