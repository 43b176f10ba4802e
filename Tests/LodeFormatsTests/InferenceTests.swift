import LodeCore
@testable import LodeFormats
import XCTest

final class InferenceTests: XCTestCase {
    func column(_ values: [String], _ options: CSVReadOptions = CSVReadOptions()) throws -> DataType {
        try readCSV((["c"] + values).joined(separator: "\n") + "\n", options).schema.fields[0].type
    }

    func testCSVWidening() throws {
        XCTAssertEqual(try column(["true", "FALSE", ""]), .boolean)
        XCTAssertEqual(try column(["1", "0"]), .int64, "1/0 stay numbers")
        XCTAssertEqual(try column(["true", "1"]), .string)
        XCTAssertEqual(try column(["1", "-2", "+3"]), .int64)
        XCTAssertEqual(try column(["1", "2.5"]), .float64)
        XCTAssertEqual(try column(["1", "9223372036854775808"]), .float64)
        XCTAssertEqual(try column(["1.5", "NaN", "-inf"]), .float64)
        XCTAssertEqual(try column(["2024-01-31", "2024-02-01"]), .date)
        XCTAssertEqual(try column(["2024-01-31", "2024-02-01 10:00"]), .timestampNTZ)
        XCTAssertEqual(try column(["2024-01-31T10:00:00Z", "2024-02-01 10:00"]), .timestampUTC)
        XCTAssertEqual(try column(["2024-01-31", "x"]), .string)
        XCTAssertEqual(try column(["2024-02-30"]), .string)
        XCTAssertEqual(try column(["1", "2024-01-31"]), .string)
        XCTAssertEqual(try column(["", ""]), .string)
        XCTAssertEqual(try column([" 12 ", "\"7\""]), .int64, "blanks trimmed, quotes ignored")
        XCTAssertEqual(try column(["NULL", "3"], CSVReadOptions().with(\.nullValues, ["", "NULL"])), .int64)
        XCTAssertEqual(try column(["3", "x"], CSVReadOptions().with(\.timestampUnit, .nanosecond)), .string)
        XCTAssertEqual(try column(["2024-01-31 10:00"], CSVReadOptions().with(\.timestampUnit, .millisecond)),
                       .timestamp(.millisecond, utc: false))
        XCTAssertEqual(try column(["31/01/2024"], CSVReadOptions().with(\.dateFormat, "%d/%m/%Y")), .date)
    }

    /// Rows past the sample that do not fit the inferred type are bad rows, not lost.
    func testSampleSizeAndLateConflicts() throws {
        let values = (0..<20).map(String.init) + ["late text"]
        let options = CSVReadOptions().with(\.inferenceRows, 20).with(\.onBadRow, .collect)
        let (schema, rows, reader) = try readCSV((["c"] + values).joined(separator: "\n"), options)
        XCTAssertEqual(schema.fields[0].type, .int64)
        XCTAssertEqual(rows.count, 20)
        XCTAssertEqual(reader.badRows.map(\.line), [22])
        XCTAssertEqual(try column(values, CSVReadOptions().with(\.inferenceRows, 21)), .string)
    }

    func testCSVInferenceIgnoresMalformedSampleRows() throws {
        let (schema, _, _) = try readCSV("a,b\n1,2\n3,4,5\n\"x\n", CSVReadOptions().with(\.onBadRow, .skip))
        XCTAssertEqual(schema.fields.map(\.type), [.int64, .int64])
    }

    func testJSONMerging() throws {
        let (schema, _, _) = try readNDJSON("""
        {"a": null, "b": 1, "c": [], "d": {"x": 1}, "e": {}, "f": [[1], [2.5]], "g": 1}
        {"a": null, "b": 2.0, "c": [null], "d": {"y": "s", "x": null}, "e": {}, "f": [[]], "g": [1]}
        {"d": {"x": 3.5, "z": [true]}}
        not json
        """, NDJSONReadOptions().with(\.onBadRow, .skip))
        XCTAssertEqual(schema, Schema([
            Field("a", .string), Field("b", .float64), Field("c", .list(Field("element", .string))),
            Field("d", .struct([Field("x", .float64), Field("y", .string), Field("z", .list(Field("element", .boolean)))])),
            Field("e", .string), Field("f", .list(Field("element", .list(Field("element", .float64))))),
            Field("g", .string),
        ]))
    }

    func testJSONSampleSize() throws {
        let (schema, rows, reader) = try readNDJSON("{\"a\": 1}\n{\"a\": 2, \"b\": true}\n{\"a\": \"x\"}\n",
                                                    NDJSONReadOptions().with(\.inferenceRows, 1).with(\.onBadRow, .collect))
        XCTAssertEqual(schema, Schema([Field("a", .int64)]))
        XCTAssertEqual(rows, [[.int(1)], [.int(2)]])
        XCTAssertEqual(reader.badRows.map(\.line), [3])
    }
}
