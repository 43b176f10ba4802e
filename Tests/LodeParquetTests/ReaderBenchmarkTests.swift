import Foundation
import LodeCore
import LodeParquet
import XCTest

/// Times a full read of the file named by `LODE_READER_BENCH_FILE` (skipped when
/// unset); run in release: `swift test -c release --filter ReaderBenchmarkTests`.
final class ReaderBenchmarkTests: XCTestCase {
    func testReadWholeFile() throws {
        guard let path = ProcessInfo.processInfo.environment["LODE_READER_BENCH_FILE"] else {
            throw XCTSkip("LODE_READER_BENCH_FILE is not set")
        }
        var best = Double.infinity
        var rows = 0
        for _ in 0..<5 {
            let start = Date()
            let reader = try ParquetReader(path: path)
            rows = 0
            for index in 0..<reader.rowGroupCount { rows += try reader.readRowGroup(index).count }
            best = min(best, Date().timeIntervalSince(start))
        }
        print("lode read \(rows) rows, best of 5: \(String(format: "%.3f", best)) s")
        let reader = try ParquetReader(path: path)
        for column in reader.schema.fields.indices {
            let start = Date()
            for index in 0..<reader.rowGroupCount { _ = try reader.readRowGroup(index, columns: [column]) }
            print("  \(reader.schema.fields[column].name): \(String(format: "%.3f", Date().timeIntervalSince(start))) s")
        }
    }
}
