import Foundation
import XCTest
import LodeCore
@testable import LodeParquet

/// Runs Python with pyarrow, DuckDB and polars against files the writer made.
///
/// The interpreter is `$LODE_PYTHON`, else `<repo>/.venv/bin/python`, else
/// `/work/main/.venv/bin/python`. A missing interpreter fails the test: these checks
/// are the proof that other implementations read Lode's files.
enum WriterOracle {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func python(filePath: String = #filePath) throws -> String {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["LODE_PYTHON"], !env.isEmpty { candidates.append(env) }
        let repo = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(repo.appendingPathComponent(".venv/bin/python").path)
        candidates.append("/work/main/.venv/bin/python")
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw Failure(description: "no oracle python with pyarrow found (tried \(candidates.joined(separator: ", ")))")
    }

    /// Runs `script` with `arguments` (after the script) and returns its standard output;
    /// throws with standard error when it exits non-zero.
    @discardableResult
    static func run(_ script: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try python())
        process.arguments = ["-c", script] + arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let out = String(decoding: outData, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python exited with \(process.terminationStatus):\n"
                          + String(decoding: errData, as: UTF8.self) + out)
        }
        return out
    }

    /// A fresh directory for one test's files.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lode-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `batches` to a new file and returns its path.
    static func write(_ batches: [RecordBatch], schema: Schema, options: ParquetWriteOptions = .init(),
                      name: String = "test.parquet") throws -> String {
        let path = try temporaryDirectory().appendingPathComponent(name).path
        let writer = try ParquetWriter(path: path, schema: schema, options: options)
        for batch in batches { try writer.write(batch) }
        try writer.close()
        return path
    }
}
