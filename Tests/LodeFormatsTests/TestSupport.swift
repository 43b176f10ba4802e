import Foundation
import LodeCore
@testable import LodeFormats
import XCTest

/// Reads all of `text` as CSV and returns the schema, the rows boxed, and the reader.
func readCSV(_ text: String, _ options: CSVReadOptions = CSVReadOptions()) throws -> (schema: Schema, rows: [[Value]], reader: CSVReader) {
    try readCSV(Array(text.utf8), options)
}

func readCSV(_ bytes: [UInt8], _ options: CSVReadOptions = CSVReadOptions()) throws -> (schema: Schema, rows: [[Value]], reader: CSVReader) {
    let reader = try CSVReader(bytes: bytes, options: options)
    var rows: [[Value]] = []
    for batch in try reader.readAll() {
        for i in 0..<batch.count { rows.append(batch.row(i)) }
    }
    return (reader.schema, rows, reader)
}

/// Reads all of `text` as NDJSON.
func readNDJSON(_ text: String, _ options: NDJSONReadOptions = NDJSONReadOptions()) throws -> (schema: Schema, rows: [[Value]], reader: NDJSONReader) {
    let reader = try NDJSONReader(bytes: Array(text.utf8), options: options)
    var rows: [[Value]] = []
    for batch in try reader.readAll() {
        for i in 0..<batch.count { rows.append(batch.row(i)) }
    }
    return (reader.schema, rows, reader)
}

/// A fresh temporary directory removed when the test ends.
func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lode-formats-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

func ts(_ text: String, _ unit: TimeUnit = .microsecond, utc: Bool = false) -> Value {
    .timestamp(Temporal.parseTimestamp(Substring(text), unit: unit)!, unit, utc: utc)
}

func date(_ text: String) -> Value { .date(Temporal.parseDate(Substring(text))!) }

func dec(_ text: String, _ precision: Int, _ scale: Int) -> Value {
    .decimal(Decimal128(parsing: Substring(text), precision: precision, scale: scale)!)
}
