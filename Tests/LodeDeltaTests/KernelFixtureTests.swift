import LodeCore
import XCTest
@testable import LodeDelta

/// Every version of the tables delta-rs wrote (and of the hand-made Spark-style
/// table) reads as delta-rs reads it: protocol, metadata, files and rows.
final class KernelFixtureTests: XCTestCase {
    func testDeltaRsTypes() throws { try checkTable("deltars-types") }
    func testDeltaRsPartitioned() throws { try checkTable("deltars-partitioned") }
    func testDeltaRsPartitionTypes() throws { try checkTable("deltars-partition-types") }
    func testDeltaRsCheckpoints() throws { try checkTable("deltars-checkpoints") }
    func testDeltaRsTimestampNtz() throws { try checkTable("deltars-ntz") }
    func testMultiPartCheckpoint() throws { try checkTable("deltars-multipart") }
    func testSparkStyle() throws { try checkTable("spark-style") }
    func testStaleLastCheckpoint() throws { try checkTable("stale-last-checkpoint") }
    func testInCommitTimestamps() throws { try checkTable("in-commit-timestamps") }

    /// Versions delta-rs refuses but Lode reads, with the files they hold: delta-rs
    /// trusts a `_last_checkpoint` naming a checkpoint that does not exist.
    static let readDespiteDeltaRs: [String: [Int64: [String]]] = [
        "stale-last-checkpoint": [1: ["part-00000.parquet", "part-00001.parquet"]],
    ]

    private func checkTable(_ name: String) throws {
        let expected = try DeltaFixtures.expected(name)
        let table = DeltaFixtures.table(name)
        XCTAssertEqual(try table.latestVersion(), expected["latestVersion"]?.int64Value, name)
        for entry in expected["versions"]?.arrayValue ?? [] {
            let version = entry["version"]!.int64Value!
            let label = "\(name) v\(version)"
            if let files = Self.readDespiteDeltaRs[name]?[version] {
                XCTAssertEqual(try table.snapshot(version: version).files.map(\.path).sorted(), files, label)
                continue
            }
            if entry["error"] != nil {
                XCTAssertThrowsError(try table.snapshot(version: version), label)
                continue
            }
            let snapshot = try table.snapshot(version: version)
            XCTAssertEqual(snapshot.version, version, label)
            let p = entry["protocol"]!
            XCTAssertEqual(Int64(snapshot.protocol.minReaderVersion), p["minReaderVersion"]?.int64Value, label)
            XCTAssertEqual(Int64(snapshot.protocol.minWriterVersion), p["minWriterVersion"]?.int64Value, label)
            XCTAssertEqual(snapshot.protocol.readerFeatures.map(Set.init),
                           p["readerFeatures"]?.arrayValue.map { Set($0.compactMap(\.stringValue)) }, label)
            let m = entry["metadata"]!
            XCTAssertEqual(snapshot.metadata.id, m["id"]?.stringValue, label)
            XCTAssertEqual(snapshot.metadata.name, m["name"]?.stringValue, label)
            XCTAssertEqual(snapshot.partitionColumns, m["partitionColumns"]?.arrayValue?.compactMap(\.stringValue), label)
            XCTAssertEqual(snapshot.files.map(\.path).sorted(), entry["files"]?.arrayValue?.compactMap(\.stringValue), label)
            guard let rows = entry["rows"]?.arrayValue else { continue }
            var scan = try snapshot.scan()
            let batches = try scan.collect()
            XCTAssertEqual(scan.schema.names, entry["columns"]?.arrayValue?.compactMap(\.stringValue), label)
            let actual = CanonicalRows.sortedTexts(CanonicalRows.rows(batches))
            let wanted = CanonicalRows.sortedTexts(rows)
            XCTAssertEqual(actual.count, wanted.count, label)
            for (a, w) in zip(actual, wanted) where a != w {
                XCTFail("\(label): row differs\n lode:     \(a)\n delta-rs: \(w)")
                break
            }
        }
    }
}
