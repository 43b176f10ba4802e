import Foundation
import LodeCore
@testable import LodeFormats
import XCTest

/// Reading and writing speed on a large file named by `LODE_FORMATS_BENCH_CSV`;
/// skipped without it. Meant for release builds.
final class ThroughputTests: XCTestCase {
    func testCSVAndNDJSONThroughput() throws {
        guard let path = ProcessInfo.processInfo.environment["LODE_FORMATS_BENCH_CSV"] else {
            throw XCTSkip("set LODE_FORMATS_BENCH_CSV to a CSV file to measure")
        }
        if ProcessInfo.processInfo.environment["LODE_FORMATS_BENCH_STREAM_ONLY"] != nil {
            let start = Date()
            let reader = try CSVReader(path: path)
            var rows = 0
            while let batch = try reader.next() { rows += batch.count }
            let seconds = Date().timeIntervalSince(start)
            let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
            let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM") } ?? "VmHWM: ?"
            print("csv stream: \(rows) rows in \(String(format: "%.2f", seconds)) s = \(Int(Double(rows) / seconds)) rows/s, \(peak)")
            return
        }
        var best = Double.infinity
        var rows = 0
        var batches: [RecordBatch] = []
        for _ in 0..<3 {
            let start = Date()
            let reader = try CSVReader(path: path)
            batches = try reader.readAll()
            best = min(best, Date().timeIntervalSince(start))
            rows = batches.reduce(0) { $0 + $1.count }
        }
        print("csv read: \(rows) rows in \(String(format: "%.3f", best)) s = \(Int(Double(rows) / best)) rows/s")
        if ProcessInfo.processInfo.environment["LODE_FORMATS_BENCH_READ_ONLY"] != nil { return }

        let dir = try temporaryDirectory(self)
        let csvOut = dir.appendingPathComponent("out.csv").path
        var start = Date()
        let csvWriter = try CSVWriter(path: csvOut, schema: batches[0].schema)
        for batch in batches { try csvWriter.write(batch) }
        try csvWriter.close()
        var seconds = Date().timeIntervalSince(start)
        print("csv write: \(Int(Double(rows) / seconds)) rows/s")

        let jsonOut = dir.appendingPathComponent("out.ndjson").path
        start = Date()
        let jsonWriter = try NDJSONWriter(path: jsonOut, schema: batches[0].schema)
        for batch in batches { try jsonWriter.write(batch) }
        try jsonWriter.close()
        seconds = Date().timeIntervalSince(start)
        print("ndjson write: \(Int(Double(rows) / seconds)) rows/s")

        best = .infinity
        for _ in 0..<2 {
            start = Date()
            let reader = try NDJSONReader(path: jsonOut, options: NDJSONReadOptions().with(\.schema, batches[0].schema))
            let count = try reader.readAll().reduce(0) { $0 + $1.count }
            XCTAssertEqual(count, rows)
            best = min(best, Date().timeIntervalSince(start))
        }
        print("ndjson read (schema given): \(Int(Double(rows) / best)) rows/s")
        if let keep = ProcessInfo.processInfo.environment["LODE_FORMATS_BENCH_KEEP"] {
            for (source, suffix) in [(jsonOut, ".ndjson"), (csvOut, ".csv")] {
                try? FileManager.default.removeItem(atPath: keep + suffix)
                try FileManager.default.copyItem(atPath: source, toPath: keep + suffix)
            }
        }
    }
}
