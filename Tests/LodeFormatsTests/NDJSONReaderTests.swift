import Foundation
import LodeCore
@testable import LodeFormats
import XCTest

final class NDJSONReaderTests: XCTestCase {
    func testInfersUnionOfKeysInFirstSeenOrder() throws {
        let (schema, rows, _) = try readNDJSON("""
        {"id": 1, "name": "a", "tags": ["x", "y"]}

        {"id": 2, "score": 2.5, "user": {"age": 30, "vip": true}, "when": "2024-01-31"}
        {"name": null, "id": 3, "score": 7}
        """)
        XCTAssertEqual(schema, Schema([
            Field("id", .int64), Field("name", .string), Field("tags", .list(Field("element", .string))),
            Field("score", .float64),
            Field("user", .struct([Field("age", .int64), Field("vip", .boolean)])),
            Field("when", .string),
        ]))
        XCTAssertEqual(rows, [
            [.int(1), .string("a"), .list([.string("x"), .string("y")]), .null, .null, .null],
            [.int(2), .null, .null, .double(2.5), .struct([.int(30), .boolean(true)]), .string("2024-01-31")],
            [.int(3), .null, .null, .double(7), .null, .null],
        ])
    }

    func testConflictingTypesWidenToStringKeepingJSONText() throws {
        let (schema, rows, _) = try readNDJSON("""
        {"v": 1, "w": [1, 2.5], "o": {"a": 1}}
        {"v": "text", "w": [], "o": [1, {"b": 2}]}
        {"v": true, "w": null, "o": "s"}
        """)
        XCTAssertEqual(schema.fields.map(\.type), [.string, .list(Field("element", .float64)), .string])
        XCTAssertEqual(rows, [
            [.string("1"), .list([.double(1), .double(2.5)]), .string("{\"a\": 1}")],
            [.string("text"), .list([]), .string("[1, {\"b\": 2}]")],
            [.string("true"), .null, .string("s")],
        ])
    }

    func testNumbersKeepPrecision() throws {
        let schema = try parseSchema("i BIGINT, d DECIMAL(38,10), s DECIMAL(5,2), f DOUBLE, small TINYINT")
        let (_, rows, _) = try readNDJSON("""
        {"i": 9223372036854775807, "d": 1234567890123456789012345678.0123456789, "s": "-12.50", "f": 0.1, "small": -128}
        {"i": -9223372036854775808, "d": -1e-10, "s": 1.005, "f": "NaN", "small": "7"}
        {"i": "12", "d": "5E+3", "s": 0, "f": "-Infinity", "small": null}
        """, NDJSONReadOptions().with(\.schema, schema))
        XCTAssertEqual(rows[0], [.int(.max), dec("1234567890123456789012345678.0123456789", 38, 10), dec("-12.50", 5, 2),
                                 .double(0.1), .int(-128)])
        XCTAssertEqual(rows[1][0], .int(.min))
        XCTAssertEqual(rows[1][1], dec("-0.0000000001", 38, 10))
        XCTAssertEqual(rows[1][2], dec("1.01", 5, 2))
        guard case .double(let nan) = rows[1][3] else { return XCTFail() }
        XCTAssertTrue(nan.isNaN)
        XCTAssertEqual(rows[1][4], .int(7))
        XCTAssertEqual(rows[2], [.int(12), dec("5000", 38, 10), dec("0", 5, 2), .double(-.infinity), .null])
    }

    func testTemporalAndBinaryWithSchema() throws {
        let schema = try parseSchema("d DATE, t TIMESTAMP, tz TIMESTAMPTZ(ns), ms TIMESTAMP(3), b BLOB")
        let (_, rows, _) = try readNDJSON("""
        {"d": "2024-01-31", "t": "2024-01-31T12:00:00.123456", "tz": "2024-01-31T12:00:00.123456789Z", "ms": "2024-01-31T12:00:00.123", "b": "3q2+7w=="}
        {"d": "-0001-03-01", "t": "2024-01-31 12:00:00", "tz": "2024-01-31T12:00:00+01:00", "ms": null, "b": ""}
        """, NDJSONReadOptions().with(\.schema, schema))
        XCTAssertEqual(rows[0], [date("2024-01-31"), ts("2024-01-31 12:00:00.123456"),
                                 ts("2024-01-31 12:00:00.123456789", .nanosecond, utc: true),
                                 ts("2024-01-31 12:00:00.123", .millisecond), .binary([0xDE, 0xAD, 0xBE, 0xEF])])
        XCTAssertEqual(rows[1][0], .date(Int32(Temporal.days(year: -1, month: 3, day: 1))))
        XCTAssertEqual(rows[1][2], ts("2024-01-31 11:00:00", .nanosecond, utc: true))
        XCTAssertEqual(rows[1][4], .binary([]))
    }

    func testMapsFromEntriesOrObjects() throws {
        let schema = try parseSchema("m MAP<VARCHAR, INT>, k MAP<INT, VARCHAR>")
        let (_, rows, _) = try readNDJSON("""
        {"m": [{"key": "a", "value": 1}, {"key": "b", "value": null}], "k": {"1": "x", "2": "y"}}
        {"m": {}, "k": null}
        """, NDJSONReadOptions().with(\.schema, schema))
        XCTAssertEqual(rows, [
            [.map(keys: [.string("a"), .string("b")], values: [.int(1), .null]),
             .map(keys: [.int(1), .int(2)], values: [.string("x"), .string("y")])],
            [.map(keys: [], values: []), .null],
        ])
    }

    func testStringEscapes() throws {
        let (_, rows, _) = try readNDJSON(#"""
        {"s": "q\"b\\s\/n\nt\tu\u00e9\ud83d\ude00", "k\u0031": 1}
        {"s": "日本 😀", "k1": 2}
        """#)
        XCTAssertEqual(rows, [[.string("q\"b\\s/n\nt\tué😀"), .int(1)], [.string("日本 😀"), .int(2)]])
    }

    func testBadRowsWithLinesColumnsAndRollback() throws {
        let schema = try parseSchema("id INT NOT NULL, tags LIST<INT>, p STRUCT<x INT, y INT>")
        let text = """
        {"id": 1, "tags": [1, 2], "p": {"x": 1, "y": 2}}
        {"id": 2, "tags": [3, "four"], "p": {"x": 1}}
        not json

        {"id": 3, "tags": [], "p": {"x": 1, "y": 2}} trailing
        {"tags": [5]}
        {"id": 4, "id": 5}
        {"id": 6, "p": {"x": 1, "y": 1.5}}
        [1, 2]
        {"id": 7, "tags": [7], "p": null}
        """
        let (_, rows, reader) = try readNDJSON(text, NDJSONReadOptions().with(\.schema, schema).with(\.onBadRow, .collect))
        XCTAssertEqual(rows, [
            [.int(1), .list([.int(1), .int(2)]), .struct([.int(1), .int(2)])],
            [.int(7), .list([.int(7)]), .null],
        ])
        let bad = reader.badRows
        XCTAssertEqual(bad.map(\.line), [2, 3, 5, 6, 7, 8, 9])
        XCTAssertEqual(bad.map(\.column), ["tags", nil, nil, "id", nil, "p.y", nil])
        XCTAssertEqual(bad.map(\.reason), [
            "'\"four\"' is not a valid INT".replacingOccurrences(of: "'\"four\"'", with: "'four'"),
            "expected a JSON object at character 1, found 'n'",
            "invalid JSON: text after the object at character 46, found 't'",
            "missing value for NOT NULL column",
            "duplicate key 'id'",
            "'1.5' is not an integer",
            "expected a JSON object at character 1, found '['",
        ])
        XCTAssertEqual(bad[1].text, "not json")
    }

    func testFailModeThrows() {
        XCTAssertThrowsError(try readNDJSON("{\"a\": 1}\n{\"a\": }\n")) { error in
            guard let error = error as? FormatError else { return XCTFail() }
            XCTAssertEqual(error.kind, .badRow)
            XCTAssertEqual(error.line, 2)
            XCTAssertEqual(error.column, "a")
        }
    }

    func testInvalidUTF8AndBadEscapes() throws {
        var bytes = Array("{\"s\": \"ok\"}\n{\"s\": \"".utf8) + [0xFF] + Array("\"}\n".utf8)
        bytes += Array(#"{"s": "\ud800"}"#.utf8) + [ASCII.lf]
        bytes += Array(#"{"s": "\x"}"#.utf8) + [ASCII.lf]
        bytes += Array("{\"s\": \"tab\there\"}\n".utf8)
        let reader = try NDJSONReader(bytes: bytes, options: NDJSONReadOptions().with(\.onBadRow, .collect))
        let batches = try reader.readAll()
        XCTAssertEqual(batches.reduce(0) { $0 + $1.count }, 1)
        XCTAssertEqual(reader.badRows.map(\.line), [2, 3, 4, 5])
        XCTAssertEqual(reader.badRows.map(\.reason), ["invalid UTF-8", "invalid JSON: unpaired surrogate in \\u escape",
                                                       "invalid JSON: bad escape \\x",
                                                       "invalid JSON: control character 0x9 in a string"])
    }

    func testUnknownKeysIgnoredOrRejected() throws {
        let schema = try parseSchema("a INT")
        let (_, rows, _) = try readNDJSON("{\"a\": 1, \"b\": {\"deep\": [1, {\"x\": null}]}}\n",
                                          NDJSONReadOptions().with(\.schema, schema))
        XCTAssertEqual(rows, [[.int(1)]])
        let strict = NDJSONReadOptions().with(\.schema, schema).with(\.rejectUnknownKeys, true).with(\.onBadRow, .collect)
        let (_, rows2, reader) = try readNDJSON("{\"a\": 1, \"b\": 2}\n", strict)
        XCTAssertEqual(rows2.count, 0)
        XCTAssertEqual(reader.badRows.first?.reason, "unexpected key 'b'")
    }

    func testDeepNestingIsABadRowNotACrash() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let text = "{\"a\": 1, \"b\": \(deep)}\n{\"a\": 2}\n"
        let options = NDJSONReadOptions().with(\.schema, try parseSchema("a INT")).with(\.onBadRow, .collect)
        let (_, rows, reader) = try readNDJSON(text, options)
        XCTAssertEqual(rows, [[.int(2)]])
        XCTAssertEqual(reader.badRows.first?.reason, "JSON nested deeper than 512")
        let (_, inferredRows, _) = try readNDJSON(text, NDJSONReadOptions().with(\.onBadRow, .collect))
        XCTAssertEqual(inferredRows, [[.int(2)]])
    }

    func testBatchesFromAFileInSmallChunks() throws {
        let dir = try temporaryDirectory(self)
        let path = dir.appendingPathComponent("rows.ndjson").path
        var text = ""
        for i in 0..<5000 { text += "{\"i\": \(i), \"s\": \"row \(i)\", \"l\": [\(i), \(i + 1)]}\r\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let options = NDJSONReadOptions().with(\.batchSize, 999).with(\.chunkSize, 4096).with(\.inferenceRows, 10)
        let reader = try NDJSONReader(path: path, options: options)
        let batches = try reader.readAll()
        XCTAssertEqual(batches.map(\.count), [999, 999, 999, 999, 999, 5])
        var i: Int64 = 0
        for batch in batches {
            for row in 0..<batch.count {
                XCTAssertEqual(batch.row(row), [.int(i), .string("row \(i)"), .list([.int(i), .int(i + 1)])])
                i += 1
            }
        }
    }

    func testOverlongLine() throws {
        let long = "{\"a\": \"" + String(repeating: "x", count: 10_000) + "\"}"
        let options = NDJSONReadOptions().with(\.schema, try parseSchema("a VARCHAR")).with(\.maxRowBytes, 100)
            .with(\.onBadRow, .collect)
        let dir = try temporaryDirectory(self)
        let path = dir.appendingPathComponent("long.ndjson").path
        try Data(("{\"a\": \"x\"}\n" + long + "\n{\"a\": \"y\"}\n").utf8).write(to: URL(fileURLWithPath: path))
        let reader = try NDJSONReader(path: path, options: options.with(\.chunkSize, 4096))
        let rows = try reader.readAll().flatMap { b in (0..<b.count).map { b.row($0) } }
        XCTAssertEqual(rows, [[.string("x")], [.string("y")]])
        XCTAssertEqual(reader.badRows.map(\.line), [2])
        XCTAssertEqual(reader.badRows.first?.raw.count, 100)
    }
}
