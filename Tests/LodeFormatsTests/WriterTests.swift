import Foundation
import LodeCore
@testable import LodeFormats
import XCTest

final class WriterTests: XCTestCase {
    /// One row of every type, then a row of nulls.
    static let allTypes: Schema = {
        // The parser gives nested types their canonical child names.
        try! parseSchema("""
        b BOOLEAN, i8 TINYINT, i16 SMALLINT, i32 INT, i64 BIGINT, f32 FLOAT, f64 DOUBLE,
        d DECIMAL(38,2), s VARCHAR, bin BLOB, day DATE, ms TIMESTAMP(3), us TIMESTAMP, ns TIMESTAMPTZ(9),
        tz TIMESTAMPTZ, st STRUCT<a INT, "b c" VARCHAR>, l LIST<DOUBLE>, m MAP<VARCHAR, BIGINT>
        """)
    }()

    static func allTypesBatch() throws -> RecordBatch {
        let rows: [[Value]] = [
            [.boolean(true), .int(-128), .int(32767), .int(-2_147_483_648), .int(.max), .double(0.1), .double(1e16),
             dec("-12.50", 38, 2), .string("a,\"b\"\n😀 "), .binary([0, 255, 7]), date("2024-01-31"),
             .timestamp(1_706_702_400_123, .millisecond, utc: false), ts("2024-01-31 12:00:00.000001"),
             .timestamp(-1, .nanosecond, utc: true), ts("1969-12-31 23:59:59.5", utc: true),
             .struct([.int(1), .string("x")]), .list([.double(1.5), .null, .double(.infinity)]),
             .map(keys: [.string("k")], values: [.int(-1)])],
            [.boolean(false), .int(127), .int(-32768), .int(0), .int(.min), .double(-3.4028235e38), .double(.nan),
             dec("99999999999999999999999999999999999.99", 38, 2), .string(""), .binary([]), date("0001-01-01"),
             .timestamp(0, .millisecond, utc: false), ts("9999-12-31 23:59:59.999999"),
             .timestamp(.max, .nanosecond, utc: true), ts("0001-01-01 00:00:00", utc: true),
             .struct([.null, .null]), .list([]), .map(keys: [], values: [])],
            Array(repeating: .null, count: 18),
        ]
        let columns = try allTypes.fields.enumerated().map { k, field in
            try makeArray(field.type, rows.map { $0[k] })
        }
        return try RecordBatch(schema: allTypes, columns: columns)
    }

    func testNDJSONCanonicalText() throws {
        let text = String(decoding: try NDJSONWriter.encode([try WriterTests.allTypesBatch()], schema: WriterTests.allTypes),
                          as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(String(lines[0]), #"{"b":true,"i8":-128,"i16":32767,"i32":-2147483648,"i64":9223372036854775807,"f32":0.1,"f64":1e+16,"d":"-12.50","s":"a,\"b\"\n😀 ","bin":"AP8H","day":"2024-01-31","ms":"2024-01-31T12:00:00.123","us":"2024-01-31T12:00:00.000001","ns":"1969-12-31T23:59:59.999999999Z","tz":"1969-12-31T23:59:59.500000Z","st":{"a":1,"b c":"x"},"l":[1.5,null,"Infinity"],"m":[{"key":"k","value":-1}]}"#)
        XCTAssertEqual(String(lines[1]), #"{"b":false,"i8":127,"i16":-32768,"i32":0,"i64":-9223372036854775808,"f32":-3.4028235e+38,"f64":"NaN","d":"99999999999999999999999999999999999.99","s":"","bin":"","day":"0001-01-01","ms":"1970-01-01T00:00:00.000","us":"9999-12-31T23:59:59.999999","ns":"2262-04-11T23:47:16.854775807Z","tz":"0001-01-01T00:00:00.000000Z","st":{"a":null,"b c":null},"l":[],"m":[]}"#)
        XCTAssertEqual(String(lines[2]), #"{"b":null,"i8":null,"i16":null,"i32":null,"i64":null,"f32":null,"f64":null,"d":null,"s":null,"bin":null,"day":null,"ms":null,"us":null,"ns":null,"tz":null,"st":null,"l":null,"m":null}"#)
        XCTAssertEqual(lines[3], "")
    }

    func testJSONStringEscapes() {
        var out: [UInt8] = []
        out.appendJSONString("\"\\/\u{0}\u{1f}\u{8}\u{c}\n\r\té\u{7f}")
        XCTAssertEqual(String(decoding: out, as: UTF8.self), #""\"\\/\u0000\u001f\b\f\n\r\té"# + "\u{7f}\"")
        out = []
        [0x61, 0xFF, 0x62].withUnsafeBufferPointer { out.appendJSONString($0) }
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "\"a\u{FFFD}b\"")
    }

    func testNDJSONRoundTripEveryType() throws {
        let batch = try WriterTests.allTypesBatch()
        let dir = try temporaryDirectory(self)
        let path = dir.appendingPathComponent("all.ndjson").path
        let writer = try NDJSONWriter(path: path, schema: batch.schema)
        try writer.write(batch)
        try writer.write(batch.slice(0..<1))
        try writer.close()
        let reader = try NDJSONReader(path: path, options: NDJSONReadOptions().with(\.schema, batch.schema))
        let back = try reader.readAll()
        XCTAssertEqual(back.map(\.count), [4])
        assertSameRows(back[0].slice(0..<3), batch, rows: 0..<3)
        assertSameRows(back[0].slice(3..<4), batch, rows: 0..<1)
    }

    func testCSVRoundTripEveryFlatType() throws {
        let full = try WriterTests.allTypesBatch()
        let flat = full.project(Array(0..<15))
        let dir = try temporaryDirectory(self)
        for options in [CSVWriteOptions(), CSVWriteOptions().with(\.delimiter, ";").with(\.lineTerminator, "\r\n"),
                        CSVWriteOptions().with(\.delimiter, "\t").with(\.nullText, "NULL").with(\.binaryEncoding, .hex)] {
            let path = dir.appendingPathComponent("flat.csv").path
            let writer = try CSVWriter(path: path, schema: flat.schema, options: options)
            try writer.write(flat)
            try writer.close()
            let readOptions = CSVReadOptions().with(\.schema, flat.schema).with(\.delimiter, options.delimiter)
                .with(\.nullValues, [options.nullText]).with(\.binaryEncoding, options.binaryEncoding)
            let back = try CSVReader(path: path, options: readOptions).readAll()
            XCTAssertEqual(back.count, 1)
            assertSameRows(back[0], flat, rows: 0..<3)
        }
    }

    func testCSVQuotingOnlyWhenNeeded() throws {
        let schema = try parseSchema("s VARCHAR, i INT, f DOUBLE, n STRUCT<a INT>")
        let strings: [Value] = [.string("plain"), .string("a,b"), .string("say \"hi\""), .string("two\nlines"),
                                .string(" lead"), .string("trail "), .string(""), .null, .string("NULL"), .string("cr\r")]
        let count = strings.count
        let batch = try RecordBatch(schema: schema, columns: [
            try makeArray(.string, strings),
            try makeArray(.int32, (0..<count).map { .int(Int64($0)) }),
            try makeArray(.float64, (0..<count).map { $0 == 0 ? .double(.infinity) : .double(Double($0) / 4) }),
            try makeArray(schema.fields[3].type, (0..<count).map { $0 == 1 ? .null : .struct([.int(Int64($0))]) }),
        ])
        var out: [UInt8] = []
        let encoder = try CSVEncoder(schema: schema, options: CSVWriteOptions())
        encoder.appendHeader(to: &out)
        try encoder.appendRows(batch, to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), #"""
        s,i,f,n
        plain,0,Infinity,"{""a"":0}"
        "a,b",1,0.25,
        "say ""hi""",2,0.5,"{""a"":2}"
        "two
        lines",3,0.75,"{""a"":3}"
        " lead",4,1.0,"{""a"":4}"
        "trail ",5,1.25,"{""a"":5}"
        "",6,1.5,"{""a"":6}"
        ,7,1.75,"{""a"":7}"
        NULL,8,2.0,"{""a"":8}"
        "cr\#r",9,2.25,"{""a"":9}"

        """#)
        let withNullText = try CSVEncoder(schema: schema, options: CSVWriteOptions().with(\.nullText, "NULL"))
        out = []
        try withNullText.appendRows(batch.slice(7..<9), to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "NULL,7,1.75,\"{\"\"a\"\":7}\"\n\"NULL\",8,2.0,\"{\"\"a\"\":8}\"\n")
    }

    func testWriterRejectsMismatchedBatch() throws {
        let dir = try temporaryDirectory(self)
        let writer = try CSVWriter(path: dir.appendingPathComponent("x.csv").path, schema: Schema([Field("a", .int64)]))
        let batch = try RecordBatch(schema: Schema([Field("a", .string)]), columns: [BinaryArray(strings: ["x"])])
        XCTAssertThrowsError(try writer.write(batch)) { error in
            XCTAssertEqual((error as? FormatError)?.kind, .schemaMismatch)
        }
        try writer.close()
        let ndjson = try NDJSONWriter(path: dir.appendingPathComponent("x.ndjson").path, schema: Schema([Field("a", .int64)]))
        XCTAssertThrowsError(try ndjson.write(batch))
        try ndjson.close()
    }

    func testFloatTextMatchesPythonRepr() {
        let cases: [(Double, String)] = [
            (0.1, "0.1"), (100, "100.0"), (1e15, "1000000000000000.0"), (9.5e15, "9500000000000000.0"),
            (9007199254740993, "9007199254740992.0"), (1e16, "1e+16"), (1.5e-5, "1.5e-05"), (0.0001, "0.0001"),
            (-0.0, "-0.0"), (5e-324, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
            (123456.789, "123456.789"), (1.2345678901234568e+17, "1.2345678901234568e+17"),
        ]
        for (value, expected) in cases {
            var out: [UInt8] = []
            out.appendShortest(value)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), expected)
        }
        let floats: [(Float, String)] = [(0.1, "0.1"), (16777216, "16777216.0"), (1e8, "100000000.0"), (3.4028235e38, "3.4028235e+38"),
                                         (1e-5, "1e-05"), (1e16, "1e+16")]
        for (value, expected) in floats {
            var out: [UInt8] = []
            out.appendShortest(value)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), expected)
        }
    }

    /// Compares rows boxed, treating NaN as equal to NaN.
    func assertSameRows(_ actual: RecordBatch, _ expected: RecordBatch, rows: Range<Int>,
                        file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, rows.count, file: file, line: line)
        for (a, e) in zip(0..<actual.count, rows) {
            let left = actual.row(a).map(normalizedNaN), right = expected.row(e).map(normalizedNaN)
            XCTAssertEqual(left, right, "row \(e)", file: file, line: line)
        }
    }
}

private func normalizedNaN(_ value: Value) -> Value {
    switch value {
    case .double(let d) where d.isNaN: return .string("NaN")
    case .list(let items): return .list(items.map(normalizedNaN))
    case .struct(let items): return .struct(items.map(normalizedNaN))
    default: return value
    }
}
