import LodeCore
import XCTest
@testable import LodeDelta

/// Log listing and replay: errors, ignored files, checkpoints, tombstones, transactions.
final class KernelLogTests: XCTestCase {
    func testNotATable() {
        let table = DeltaTable(path: DeltaFixtures.path("no-such-table"))
        assertDeltaError(.notATable, ["no Delta log", "no-such-table"]) { _ = try table.snapshot() }
        XCTAssertEqual(try table.exists(), false)
        assertDeltaError(.notATable, []) { _ = try table.latestVersion() }
    }

    func testMissingVersionIsNamed() {
        let table = DeltaFixtures.table("missing-version")
        assertDeltaError(.corruptLog, ["commit 2", "00000000000000000002.json", "missing"]) { _ = try table.snapshot() }
        XCTAssertEqual(try table.snapshot(version: 1).files.count, 2)
    }

    func testVersionOutOfRangeNamesTheAvailableVersions() throws {
        let table = DeltaFixtures.table("deltars-types")
        assertDeltaError(.versionNotFound, ["version 7", "versions 0 to 6"]) { _ = try table.snapshot(version: 7) }
        assertDeltaError(.versionNotFound, ["version -1", "versions 0 to 6"]) { _ = try table.snapshot(version: -1) }
    }

    func testCleanedUpLogStartsAtTheOldestCheckpoint() throws {
        let store = try DeltaFixtures.memoryStore("deltars-checkpoints")
        for v in 0..<10 { store.remove(DeltaLogPaths(tableRoot: "").commit(Int64(v))) }
        let table = DeltaTable(store: store)
        assertDeltaError(.versionNotFound, ["version 5 is no longer in the log", "versions 10 to 24"]) {
            _ = try table.snapshot(version: 5)
        }
        XCTAssertEqual(try table.snapshot(version: 10).version, 10)
        XCTAssertEqual(try table.snapshot().files.count, 13)
        XCTAssertEqual(try table.history().map(\.version), Array((10...24).reversed()))
    }

    func testDeletionVectorsAreRefusedWithTheFeatureNamed() throws {
        let table = DeltaFixtures.table("deletion-vectors")
        assertDeltaError(.unsupportedFeature, ["needs reader feature 'deletionVectors', which Lode does not support"]) {
            _ = try table.snapshot()
        }
        // A file with a deletion vector is refused even when the protocol does not list the feature.
        let store = try DeltaFixtures.memoryStore("deletion-vectors")
        let first = String(decoding: try store.get("_delta_log/00000000000000000000.json"), as: UTF8.self)
            .replacingOccurrences(of: #""minReaderVersion":3,"minWriterVersion":7,"readerFeatures":["deletionVectors"],"writerFeatures":["deletionVectors"]"#,
                                  with: #""minReaderVersion":1,"minWriterVersion":2"#)
        store.put("_delta_log/00000000000000000000.json", text: first)
        let tolerant = DeltaTable(store: store)
        XCTAssertEqual(try tolerant.snapshot(version: 1).files.count, 2)
        assertDeltaError(.unsupportedFeature, ["part-00001.parquet has a deletion vector", "'deletionVectors'"]) {
            _ = try tolerant.snapshot(version: 2)
        }
    }

    func testColumnMappingIsRefused() {
        assertDeltaError(.unsupportedFeature, ["'columnMapping' (mode 'name')"]) {
            _ = try DeltaFixtures.table("column-mapping").snapshot()
        }
    }

    func testSparkStyleLog() throws {
        let table = DeltaFixtures.table("spark-style")
        let snapshot = try table.snapshot()
        XCTAssertEqual(snapshot.version, 3)
        XCTAssertEqual(snapshot.appTransactions, ["stream-x": 8])
        XCTAssertEqual(snapshot.transactions["stream-x"]?.lastUpdated, 1_704_103_200_000 + 180_000)
        XCTAssertEqual(snapshot.tombstones.map(\.path), ["p=beta%2520gamma/hour=2024-01-01%252010%253A00%253A00/part-00000-b1.c000.snappy.parquet"])
        XCTAssertEqual(snapshot.tombstones.first?.deletionTimestamp, 1_704_103_200_000 + 120_000)
        XCTAssertEqual(snapshot.properties, ["delta.checkpointInterval": "10"])
        XCTAssertEqual(snapshot.schema.field(named: "hour")?.type, .timestampUTC)
        // The checkpoint alone: txn and tombstones come from its rows.
        let atCheckpoint = try table.snapshot(version: 2)
        XCTAssertEqual(atCheckpoint.appTransactions, ["stream-x": 7])
        XCTAssertEqual(atCheckpoint.tombstones.count, 1)
        XCTAssertEqual(try table.history().first?.info.engineInfo, "Apache-Spark/3.5.1 Delta-Lake/3.2.0")
    }

    func testCheckpointAndCommitsAgree() throws {
        // Reading through the checkpoint at 20 and replaying every commit from 0 give the same state.
        let store = try DeltaFixtures.memoryStore("deltars-checkpoints")
        let withCheckpoints = try DeltaTable(store: store).snapshot()
        for path in store.paths where path.contains(".checkpoint.") { store.remove(path) }
        let fromCommits = try DeltaTable(store: store).snapshot()
        XCTAssertEqual(Set(withCheckpoints.files), Set(fromCommits.files))
        XCTAssertEqual(Set(withCheckpoints.tombstones.map(\.path)), Set(fromCommits.tombstones.map(\.path)))
        XCTAssertEqual(withCheckpoints.appTransactions, fromCommits.appTransactions)
        XCTAssertEqual(withCheckpoints.appTransactions, ["stream-a": 24, "stream-b": 23])
        XCTAssertEqual(withCheckpoints.metadata, fromCommits.metadata)
        XCTAssertEqual(withCheckpoints.protocol, fromCommits.protocol)
    }

    func testIncompleteMultiPartCheckpointIsSkipped() throws {
        let store = try DeltaFixtures.memoryStore("deltars-multipart")
        store.remove("_delta_log/00000000000000000020.checkpoint.0000000002.0000000002.parquet")
        let snapshot = try DeltaTable(store: store).snapshot()
        let expected = try DeltaFixtures.table("deltars-multipart").snapshot()
        XCTAssertEqual(Set(snapshot.files), Set(expected.files))
    }

    func testBadLastCheckpointAndUnknownFilesAreTolerated() throws {
        let store = try DeltaFixtures.memoryStore("deltars-types")
        store.put("_delta_log/_last_checkpoint", text: "{not json")
        store.put("_delta_log/00000000000000000007.crc", text: "garbage")
        store.put("_delta_log/00000000000000000007.json.tmp", text: "garbage")
        store.put("_delta_log/_staged_commits/00000000000000000007.abc.json", text: "garbage")
        store.put("_delta_log/00000000000000000003.00000000000000000005.compacted.json", text: "garbage")
        store.put("_delta_log/00000000000000000006.checkpoint.3a0d65cd-4056-49b8-937b-95f9e3ee90e5.json", text: "garbage")
        let snapshot = try DeltaTable(store: store).snapshot()
        XCTAssertEqual(snapshot.version, 6)
    }

    func testCorruptCommitNamesFileAndLine() throws {
        let store = try DeltaFixtures.memoryStore("deltars-types")
        var text = String(decoding: try store.get("_delta_log/00000000000000000005.json"), as: UTF8.self)
        text += "\n{\"add\":{\"path\":\"x\",\"size\":\"big\"}}\n"
        store.put("_delta_log/00000000000000000005.json", text: text)
        let lines = text.split(separator: "\n").count
        assertDeltaError(.corruptLog, ["_delta_log/00000000000000000005.json line \(lines)", "'add.size' is not an integer", "version 5"]) {
            _ = try DeltaTable(store: store, location: "mem://t").snapshot()
        }
    }

    func testCorruptCheckpointIsNamed() throws {
        let store = try DeltaFixtures.memoryStore("deltars-types")
        store.put("_delta_log/00000000000000000004.checkpoint.parquet", text: "PAR1 not really")
        assertDeltaError(.corruptLog, ["checkpoint _delta_log/00000000000000000004.checkpoint.parquet"]) {
            _ = try DeltaTable(store: store).snapshot()
        }
    }

    func testTablesUnderAPrefix() throws {
        let source = try DeltaFixtures.memoryStore("deltars-partitioned")
        let store = MemoryStore()
        for path in source.paths { store.put("lake/silver/t/" + path, try source.get(path), time: 0) }
        let table = DeltaTable(store: store, root: "lake/silver/t/")
        var scan = try table.snapshot().scan()
        XCTAssertEqual(try scan.collect().reduce(0) { $0 + $1.count }, 13)
        XCTAssertEqual(table.paths.commit(3), "lake/silver/t/_delta_log/00000000000000000003.json")
    }

    func testActionsOfOneCommitAndApplying() throws {
        let table = DeltaFixtures.table("deltars-partitioned")
        let actions = try table.actions(version: 2)
        XCTAssertTrue(actions.contains { if case .remove = $0 { return true } else { return false } })
        assertDeltaError(.versionNotFound, ["commit 9"]) { _ = try table.actions(version: 9) }
        let before = try table.snapshot(version: 1)
        let after = try before.applying(actions, version: 2, timestamp: 0)
        XCTAssertEqual(Set(after.files), Set(try table.snapshot(version: 2).files))
        XCTAssertEqual(Set(after.tombstones.map(\.path)), Set(try table.snapshot(version: 2).tombstones.map(\.path)))
    }

    func testDomainMetadataAndTransactionsReplay() throws {
        var replay = LogReplay()
        replay.apply(.protocol(ProtocolAction()))
        replay.apply(.metadata(MetadataAction(id: "x", schemaString: #"{"type":"struct","fields":[]}"#)))
        replay.apply(.domainMetadata(DomainMetadata(domain: "a", configuration: "1", removed: false)))
        replay.apply(.domainMetadata(DomainMetadata(domain: "b", configuration: "2", removed: false)))
        replay.apply(.domainMetadata(DomainMetadata(domain: "a", configuration: "", removed: true)))
        replay.apply(.txn(SetTransaction(appId: "s", version: 1)))
        replay.apply(.txn(SetTransaction(appId: "s", version: 2)))
        replay.apply(.add(AddFile(path: "f", partitionValues: [:], size: 1, modificationTime: 1, dataChange: true)))
        replay.apply(.remove(RemoveFile(path: "f", deletionTimestamp: 3, dataChange: true)))
        replay.apply(.add(AddFile(path: "f", partitionValues: [:], size: 2, modificationTime: 4, dataChange: true)))
        replay.apply(.add(AddFile(path: "g", partitionValues: [:], size: 1, modificationTime: 1, dataChange: true)))
        replay.apply(.add(AddFile(path: "g", partitionValues: [:], size: 5, modificationTime: 5, dataChange: true)))
        let snapshot = try Snapshot(replay: replay, version: 0, timestamp: 0, paths: DeltaLogPaths(tableRoot: ""), store: MemoryStore())
        XCTAssertEqual(snapshot.domainMetadata.keys.sorted(), ["b"])
        XCTAssertEqual(snapshot.appTransactions, ["s": 2])
        XCTAssertEqual(snapshot.files.map(\.size), [2, 5])
        XCTAssertTrue(snapshot.tombstones.isEmpty)
        XCTAssertEqual(snapshot.sizeInBytes, 7)
    }

    func testDataFilePaths() {
        let paths = DeltaLogPaths(tableRoot: "t", tableLocation: "/data/t")
        XCTAssertEqual(paths.dataFile("a%20b/x%2525.parquet"), "t/a b/x%25.parquet")
        XCTAssertEqual(paths.dataFile("file:///data/t/p=1/x.parquet"), "t/p=1/x.parquet")
        XCTAssertNil(paths.dataFile("s3://bucket/elsewhere/x.parquet"))
        XCTAssertEqual(DeltaLogPaths(tableRoot: "").dataFile("x%3Ay.parquet"), "x:y.parquet")
        XCTAssertEqual(paths.checkpoint(7, part: 2, of: 3), "t/_delta_log/00000000000000000007.checkpoint.0000000002.0000000003.parquet")
    }
}
