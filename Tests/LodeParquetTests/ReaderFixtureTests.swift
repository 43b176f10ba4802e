import Foundation
import LodeCore
import XCTest
@testable import LodeParquet

/// Reads every fixture written by pyarrow, DuckDB and polars and compares each
/// value with the canonical JSON lines written beside it from pyarrow.
final class ReaderFixtureTests: XCTestCase {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/parquet/reader").standardized

    static var fixtureNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".parquet") }.map { String($0.dropLast(".parquet".count)) }.sorted()
    }

    func testFixturesExist() {
        XCTAssertGreaterThanOrEqual(Self.fixtureNames.count, 20)
    }

    func testEveryFixtureMatchesPyarrow() throws {
        for name in Self.fixtureNames {
            try checkFixture(name)
        }
    }

    func checkFixture(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let path = Self.directory.appendingPathComponent(name + ".parquet").path
        let expectedText = try String(contentsOf: Self.directory.appendingPathComponent(name + ".jsonl"), encoding: .utf8)
        let expected = try expectedText.split(separator: "\n").map { try ReaderJSONParser.parse($0) }
        let reader: ParquetReader
        do {
            reader = try ParquetReader(path: path)
        } catch {
            XCTFail("\(name): \(error)", file: file, line: line)
            return
        }
        var rows: [[String: Any]] = []
        for index in 0..<reader.rowGroupCount {
            let batch: RecordBatch
            do {
                batch = try reader.readRowGroup(index)
            } catch {
                XCTFail("\(name): \(error)", file: file, line: line)
                return
            }
            for r in 0..<batch.count {
                var row: [String: Any] = [:]
                for (field, column) in zip(batch.schema.fields, batch.columns) {
                    row[field.name] = ReaderCanonicalJSON.canonical(column.value(at: r), field.type)
                }
                rows.append(row)
            }
        }
        XCTAssertEqual(rows.count, expected.count, "\(name): row count", file: file, line: line)
        var failures = 0
        for (i, (row, want)) in zip(rows, expected).enumerated() {
            if let difference = ReaderCanonicalJSON.difference(row, want, path: "row \(i)") {
                XCTFail("\(name): \(difference)", file: file, line: line)
                failures += 1
                if failures > 5 { return }
            }
        }
    }
}
