import Foundation
import LodeCore
import LodeStorage
import XCTest
@testable import LodeDelta

final class OperationsWriteTests: XCTestCase {
    func testAppendCreatesTableAndCommitsVersions() throws {
        let folder = temporaryTableFolder(self)
        let table = DeltaTable(path: folder)
        let first = try WriteOperation(table: table).withClock(.fixed(1_000)).execute([salesBatch(ids: [1, 2], regions: ["eu", "us"])])
        XCTAssertEqual(first.version, 0)
        XCTAssertEqual(first.rows, 2)
        let second = try WriteOperation(table: table).execute([salesBatch(ids: [3], regions: [nil])])
        XCTAssertEqual(second.version, 1)
        let snapshot = try table.snapshot()
        XCTAssertEqual(snapshot.version, 1)
        XCTAssertEqual(snapshot.files.count, 2)
        XCTAssertEqual(snapshot.protocol.minReaderVersion, 1)
        XCTAssertEqual(snapshot.protocol.minWriterVersion, 2)
        let lines = try commitLines(folder, 0)
        XCTAssertNotNil(lines[0]["commitInfo"])
        let info = try XCTUnwrap(lines[0]["commitInfo"])
        XCTAssertEqual(info["operation"]?.stringValue, "WRITE")
        XCTAssertEqual(info["engineInfo"]?.stringValue, "Lode/0.1.0")
        XCTAssertEqual(info["timestamp"]?.int64Value, 1_000)
        XCTAssertEqual(info["isBlindAppend"]?.boolValue, false)
        XCTAssertEqual(info["operationMetrics"]?["numOutputRows"]?.stringValue, "2")
        let append = try XCTUnwrap(commitLines(folder, 1)[0]["commitInfo"])
        XCTAssertEqual(append["isBlindAppend"]?.boolValue, true)
        XCTAssertEqual(append["readVersion"]?.int64Value, 0)
    }

    func testPartitionedWriteUsesHivePathsAndNullPartition() throws {
        let folder = temporaryTableFolder(self)
        let table = DeltaTable(path: folder)
        try WriteOperation(table: table).withPartitionColumns(["region"])
            .execute([salesBatch(ids: [1, 2, 3, 4], regions: ["eu", "a/b", nil, "eu"])])
        let snapshot = try table.snapshot()
        XCTAssertEqual(snapshot.files.count, 3)
        let byValue = Dictionary(uniqueKeysWithValues: snapshot.files.map { (($0.partitionValues["region"] ?? nil) ?? "NULL", $0.path) })
        XCTAssertTrue(byValue["eu"]!.hasPrefix("region=eu/part-00000-"))
        XCTAssertTrue(byValue["a/b"]!.hasPrefix("region=a%252Fb/part-"))
        XCTAssertTrue(byValue["NULL"]!.hasPrefix("region=__HIVE_DEFAULT_PARTITION__/part-"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/region=a%2Fb"))
    }

    func testAppTransactionSkipsReplayedBatch() throws {
        let table = DeltaTable(path: temporaryTableFolder(self))
        let batch = salesBatch(ids: [1], regions: ["eu"])
        let first = try WriteOperation(table: table).withAppTransaction(appId: "ingest", version: 5).execute([batch])
        XCTAssertFalse(first.skipped)
        let again = try WriteOperation(table: table).withAppTransaction(appId: "ingest", version: 5).execute([batch])
        XCTAssertTrue(again.skipped)
        XCTAssertNil(again.version)
        let next = try WriteOperation(table: table).withAppTransaction(appId: "ingest", version: 6).execute([batch])
        XCTAssertEqual(next.version, 1)
        XCTAssertEqual(try table.snapshot().appTransactions["ingest"], 6)
    }

    func testOverwriteAndReplaceWhere() throws {
        let table = DeltaTable(path: temporaryTableFolder(self))
        try WriteOperation(table: table).withPartitionColumns(["region"])
            .execute([salesBatch(ids: [1, 2, 3], regions: ["eu", "us", "eu"])])
        let replaced = try WriteOperation(table: table).withReplaceWhere("region = 'eu'")
            .execute([salesBatch(ids: [10], regions: ["eu"])])
        XCTAssertEqual(replaced.removedFiles, 1)
        var snapshot = try table.snapshot()
        XCTAssertEqual(Set(snapshot.files.map { ($0.partitionValues["region"] ?? nil) ?? "" }), ["eu", "us"])
        XCTAssertThrowsError(try WriteOperation(table: table).withReplaceWhere("region = 'eu'")
            .execute([salesBatch(ids: [11], regions: ["us"])])) { error in
            XCTAssertTrue("\(error)".contains("do not satisfy"), "\(error)")
        }
        try WriteOperation(table: table).withMode(.overwrite).execute([salesBatch(ids: [99], regions: ["jp"])])
        snapshot = try table.snapshot()
        XCTAssertEqual(snapshot.files.count, 1)
        XCTAssertEqual(snapshot.version, 2)
    }

    func testSchemaMismatchNamesColumnsAndMergeSchemaAddsThem() throws {
        let table = DeltaTable(path: temporaryTableFolder(self))
        try WriteOperation(table: table).execute([salesBatch(ids: [1], regions: ["eu"])])
        let wider = try RecordBatch(schema: Schema([Field("id", .int64), Field("note", .string)]),
                                    columns: [PrimitiveArray<Int64>(.int64, [2]), BinaryArray(strings: ["x"])])
        XCTAssertThrowsError(try WriteOperation(table: table).execute([wider])) { error in
            XCTAssertTrue("\(error)".contains("'note'"), "\(error)")
            XCTAssertTrue("\(error)".contains("mergeSchema"), "\(error)")
        }
        try WriteOperation(table: table).withMergeSchema(true).execute([wider])
        let snapshot = try table.snapshot()
        XCTAssertEqual(snapshot.schema.names, ["id", "region", "amount", "note"])
        let mismatched = try RecordBatch(schema: Schema([Field("id", .string)]), columns: [BinaryArray(strings: ["x"])])
        XCTAssertThrowsError(try WriteOperation(table: table).withMergeSchema(true).execute([mismatched])) { error in
            XCTAssertTrue("\(error)".contains("column 'id' is BIGINT in the table but VARCHAR"), "\(error)")
        }
    }

    func testCheckpointEveryInterval() throws {
        let folder = temporaryTableFolder(self)
        let table = DeltaTable(path: folder)
        try WriteOperation(table: table).withProperties(["delta.checkpointInterval": "3"])
            .execute([salesBatch(ids: [0], regions: ["eu"])])
        var results: [WriteResult] = []
        for i in 1...4 { results.append(try WriteOperation(table: table).execute([salesBatch(ids: [Int64(i)], regions: ["eu"])])) }
        XCTAssertEqual(results.map(\.checkpointed), [false, false, true, false])
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/_delta_log/00000000000000000003.checkpoint.parquet"))
        let last = try JSONValue.parse(String(contentsOfFile: folder + "/_delta_log/_last_checkpoint", encoding: .utf8))
        XCTAssertEqual(last["version"]?.int64Value, 3)
        XCTAssertEqual(last["numOfAddFiles"]?.int64Value, 4)
        let snapshot = try table.snapshot()
        XCTAssertEqual(snapshot.files.count, 5)
    }
}

final class OperationsWriteRefusalTests: XCTestCase {
    func testColumnInvariantsAreRefused() throws {
        let table = DeltaTable(path: temporaryTableFolder(self))
        let schema = Schema([Field("id", .int64, metadata: ["delta.invariants": "{\"expression\":{\"expression\":\"id > 0\"}}"]),
                             Field("region", .string), Field("amount", .float64)])
        try CreateTableOperation(table: table).withSchema(schema).execute()
        XCTAssertThrowsError(try WriteOperation(table: table).execute([salesBatch(ids: [1], regions: ["eu"])])) { error in
            XCTAssertTrue("\(error)".contains("column 'id' has an invariant"), "\(error)")
            XCTAssertEqual((error as? DeltaError)?.version, 0)
        }
    }

    func testAppendOnlyRefusesRemovals() throws {
        let table = DeltaTable(path: temporaryTableFolder(self))
        try WriteOperation(table: table).withProperties(["delta.appendOnly": "true"]).withPartitionColumns(["region"])
            .execute([salesBatch(ids: [1], regions: ["eu"])])
        XCTAssertNoThrow(try WriteOperation(table: table).execute([salesBatch(ids: [2], regions: ["eu"])]))
        XCTAssertThrowsError(try WriteOperation(table: table).withMode(.overwrite).execute([salesBatch(ids: [2], regions: ["eu"])])) {
            XCTAssertTrue("\($0)".contains("append-only"), "\($0)")
        }
        XCTAssertThrowsError(try DeleteOperation(table: table).withPredicate("region = 'eu'").execute())
        XCTAssertNoThrow(try OptimizeOperation(table: table).execute())
    }

    func testPartitioningMustMatchAnExistingTable() throws {
        let table = DeltaTable(path: temporaryTableFolder(self))
        try WriteOperation(table: table).withPartitionColumns(["region"]).execute([salesBatch(ids: [1], regions: ["eu"])])
        XCTAssertThrowsError(try WriteOperation(table: table).withPartitionColumns(["id"])
            .execute([salesBatch(ids: [1], regions: ["eu"])])) {
            XCTAssertTrue("\($0)".contains("partitioned by [region] but the write asks for [id]"), "\($0)")
        }
    }

    func testFailedWriteLeavesNoFiles() throws {
        let folder = temporaryTableFolder(self)
        let table = DeltaTable(path: folder)
        try WriteOperation(table: table).execute([salesBatch(ids: [1], regions: ["eu"])])
        let before = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let good = salesBatch(ids: [2], regions: ["us"])
        let bad = try RecordBatch(schema: Schema([Field("id", .string)]), columns: [BinaryArray(strings: ["x"])])
        var batches = [good, bad].makeIterator()
        XCTAssertThrowsError(try WriteOperation(table: table).execute(schema: good.schema) { batches.next() })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), before)
        XCTAssertEqual(try table.latestVersion(), 0)
    }
}

final class OperationsFileSizeTests: XCTestCase {
    func testFilesRollOverAtTheTargetSize() throws {
        let table = DeltaTable(path: temporaryTableFolder(self))
        let ids = (0..<20_000).map(Int64.init)
        let result = try WriteOperation(table: table).withTargetFileSize(16_384)
            .execute([salesBatch(ids: ids, regions: ids.map { "region \($0 % 7)" })])
        XCTAssertGreaterThan(result.addedFiles, 3)
        let snapshot = try table.snapshot()
        XCTAssertEqual(snapshot.files.compactMap(\.recordCount).reduce(0, +), 20_000)
        XCTAssertTrue(snapshot.files.dropLast().allSatisfy { $0.size >= 8_192 && $0.size < 64 * 1024 }, "\(snapshot.files.map(\.size))")
        let names = snapshot.files.map { $0.path.prefix(11) }
        XCTAssertEqual(names.first, "part-00000-")
        XCTAssertEqual(Set(names).count, snapshot.files.count)
    }
}
