import Foundation
import LodeCore
import LodeParquet
import LodeStorage
import XCTest
@testable import LodeDelta

/// delta-rs reads what Lode's kernel encodes: commit lines, schema strings, partition
/// values and statistics. Runs the project's Python (`$LODE_PYTHON`, else
/// `/work/main/.venv/bin/python`) with deltalake; a missing interpreter fails the test.
final class KernelDeltaRsOracleTests: XCTestCase {
    /// Every commit of the fixture tables re-encoded by Lode reads as the original.
    func testReencodedLogsReadIdentically() throws {
        let tables = ["deltars-types", "deltars-partitioned", "deltars-partition-types", "spark-style", "deltars-ntz"]
        let base = try DeltaOracle.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        for name in tables {
            let source = DeltaFixtures.table(name)
            let target = base.appendingPathComponent(name)
            try DeltaOracle.copyDataFiles(from: URL(fileURLWithPath: DeltaFixtures.path(name)), to: target)
            let store = LocalFileSystemStore(root: target.path)
            for version in Int64(0)...(try source.latestVersion()) {
                try store.put(source.paths.commit(version), data: DeltaAction.commitBytes(try source.actions(version: version)))
            }
        }
        let script = #"""
import json, sys
sys.path.insert(0, sys.argv[3])
from canonical import canonical_rows
from deltalake import DeltaTable
import pyarrow as pa
base, expected_dir = sys.argv[1], sys.argv[2]
for name in sys.argv[4:]:
    expected = json.load(open(f"{expected_dir}/{name}.json"))
    for v in expected["versions"]:
        if v.get("rows") is None:
            continue
        table = DeltaTable(f"{base}/{name}", version=v["version"])
        rows = sorted(canonical_rows(table.to_pyarrow_table()), key=lambda r: json.dumps(r, sort_keys=True))
        files = sorted(a["path"] for a in pa.table(table.get_add_actions(flatten=False)).to_pylist())
        if rows != v["rows"] or files != v["files"] or table.metadata().id != v["metadata"]["id"]:
            print(f"{name} v{v['version']} differs")
print("done")
"""#
        let output = try DeltaOracle.run(script, [base.path, DeltaFixtures.root.appendingPathComponent("expected").path,
                                                  DeltaOracle.interopFolder] + tables)
        XCTAssertEqual(output.trimmingCharacters(in: .whitespacesAndNewlines), "done")
    }

    /// A table whose data files, schema string, partition values and statistics Lode
    /// made: delta-rs reads the rows and the same statistics.
    func testDeltaRsReadsLodeStatisticsAndPartitionValues() throws {
        let dataSchema = Schema([Field("id", .int64, nullable: false), Field("name", .string), Field("amount", .decimal(precision: 10, scale: 2)),
                                 Field("ts", .timestampUTC), Field("local", .timestampNTZ)])
        let tableSchema = Schema(dataSchema.fields + [Field("day", .date), Field("region", .string)])
        let base = try DeltaOracle.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        var actions: [DeltaAction] = [
            .commitInfo(CommitInfo(timestamp: 1_700_000_000_000, operation: "CREATE TABLE", engineInfo: "Lode/0.1.0")),
            .protocol(ProtocolAction(minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ["timestampNtz"],
                                     writerFeatures: ["timestampNtz", "appendOnly", "invariants"])),
            .metadata(MetadataAction(id: "6a1c0d34-0d2b-4a70-9a55-3c5b0c1f8e11", name: "made by lode",
                                     schemaString: try tableSchema.deltaSchemaString(), partitionColumns: ["day", "region"],
                                     configuration: [:], createdTime: 1_700_000_000_000)),
        ]
        var expectedStats: [String: FileStatistics] = [:]
        var allRows: [JSONValue] = []
        let partitions: [(Value, Value)] = [(.date(19_723), .string("a b/c%")), (.null, .null), (.date(-1), .string("é"))]
        for (index, (day, region)) in partitions.enumerated() {
            let ids = (0..<5).map { Int64(index * 10 + $0) }
            let batch = try RecordBatch(schema: dataSchema, columns: [
                PrimitiveArray<Int64>(.int64, ids.map { $0 }),
                BinaryArray(strings: ids.map { $0 % 4 == 0 ? nil : "name \($0) " + String(repeating: "x", count: Int($0)) }),
                PrimitiveArray<Int128>(.decimal(precision: 10, scale: 2), ids.map { Int128($0) * 125 - 700 }),
                PrimitiveArray<Int64>(.timestampUTC, ids.map { 1_700_000_000_000_000 + $0 * 1_234_567 }),
                PrimitiveArray<Int64>(.timestampNTZ, ids.map { $0 == 2 ? nil : -86_400_000_000 + $0 * 999 }),
            ])
            let directory = "day=\(PartitionValue.text(day) ?? PartitionValue.hiveDefault)/region=\(index)"
            let relative = directory + "/part-\(index).parquet"
            let file = base.appendingPathComponent("t").appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            let writer = try ParquetWriter(path: file.path, schema: dataSchema)
            try writer.write(batch)
            let footer = try writer.close()
            let stats = FileStatistics(footer: footer, schema: dataSchema, columns: StatisticsColumns(schema: dataSchema, properties: [:]))
            expectedStats[relative] = stats
            let size = try LocalFileSystemStore(root: base.appendingPathComponent("t").path).head(relative).size
            actions.append(.add(AddFile(path: relative.replacingOccurrences(of: "=", with: "%3D"),
                                        partitionValues: ["day": PartitionValue.text(day), "region": PartitionValue.text(region)],
                                        size: Int64(size), modificationTime: 1_700_000_000_000, dataChange: true,
                                        stats: stats.jsonString(schema: dataSchema))))
            for row in CanonicalRows.rows([batch]) {
                guard case .object(var object) = row else { continue }
                object["day"] = CanonicalRows.value(day, .date)
                object["region"] = CanonicalRows.value(region, .string)
                allRows.append(.object(object))
            }
        }
        try LocalFileSystemStore(root: base.appendingPathComponent("t").path)
            .put(DeltaLogPaths(tableRoot: "").commit(0), data: DeltaAction.commitBytes(actions))

        let script = #"""
import json, sys
sys.path.insert(0, sys.argv[2])
from canonical import canonical_rows
from deltalake import DeltaTable
import pyarrow as pa
table = DeltaTable(sys.argv[1])
out = {"rows": canonical_rows(table.to_pyarrow_table()), "protocol": [table.protocol().min_reader_version, table.protocol().min_writer_version]}
actions = pa.table(table.get_add_actions(flatten=True)).to_pylist()
out["stats"] = {a["path"]: {k: (str(v) if v is not None else None) for k, v in a.items() if k.startswith(("min.", "max.", "null_count.", "num_records"))} for a in actions}
out["partitions"] = {a["path"]: [str(a.get("partition.day")), a.get("partition.region")] for a in actions}
print(json.dumps(out))
"""#
        let output = try DeltaOracle.run(script, [base.appendingPathComponent("t").path, DeltaOracle.interopFolder])
        let result = try JSONValue.parse(output)
        XCTAssertEqual(CanonicalRows.sortedTexts(result["rows"]?.arrayValue ?? []), CanonicalRows.sortedTexts(allRows))
        XCTAssertEqual(result["protocol"], [3, 7])
        for (path, stats) in expectedStats {
            let theirs = try XCTUnwrap(result["stats"]?[path.replacingOccurrences(of: "=", with: "%3D")] ?? result["stats"]?[path], path)
            XCTAssertEqual(theirs["num_records"]?.stringValue, stats.numRecords.map { String($0) }, path)
            XCTAssertEqual(theirs["min.id"]?.stringValue, stats.minValues["id"].map { "\($0)" }, path)
            XCTAssertEqual(theirs["max.id"]?.stringValue, stats.maxValues["id"].map { "\($0)" }, path)
            XCTAssertEqual(theirs["min.name"]?.stringValue, stats.minValues["name"].map { "\($0)" }, path)
            XCTAssertEqual(theirs["null_count.name"]?.stringValue, stats.nullCount["name"].map { String($0) }, path)
            XCTAssertEqual(theirs["null_count.local"]?.stringValue, stats.nullCount["local"].map { String($0) }, path)
            XCTAssertNotNil(theirs["max.ts"]?.stringValue, path)
        }
    }
}

/// Python with deltalake, and folders for the tables it reads.
enum DeltaOracle {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static var interopFolder: String {
        DeltaFixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Interop").path
    }

    static func python() throws -> String {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["LODE_PYTHON"], !env.isEmpty { candidates.append(env) }
        candidates.append("/work/main/.venv/bin/python")
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        throw Failure(description: "no oracle python with deltalake found (tried \(candidates.joined(separator: ", ")))")
    }

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
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python exited with \(process.terminationStatus):\n" + String(decoding: errData, as: UTF8.self))
        }
        return String(decoding: outData, as: UTF8.self)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lode-delta-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies every file outside `_delta_log/` (the data files).
    static func copyDataFiles(from source: URL, to target: URL) throws {
        let walker = FileManager.default.enumerator(atPath: source.path)
        while let relative = walker?.nextObject() as? String {
            guard !relative.hasPrefix("_delta_log"), relative.hasSuffix(".parquet") else { continue }
            let destination = target.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source.appendingPathComponent(relative), to: destination)
        }
    }
}
