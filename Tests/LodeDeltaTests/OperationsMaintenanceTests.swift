import Foundation
import LodeCore
import XCTest
@testable import LodeDelta

final class OperationsMaintenanceTests: XCTestCase {
    let day: Int64 = 86_400_000

    func partitionedTable(_ folder: String, appends: Int) throws -> DeltaTable {
        let table = DeltaTable(path: folder)
        for i in 0..<appends {
            try WriteOperation(table: table).withPartitionColumns(["region"]).withClock(.fixed(1_000))
                .execute([salesBatch(ids: [Int64(i * 2), Int64(i * 2 + 1)], regions: ["eu", "us"])])
        }
        return table
    }

    func allIds(_ table: DeltaTable) throws -> [Int64] {
        var scan = try table.snapshot().scan(columns: ["id"])
        var ids: [Int64] = []
        while let batch = try scan.next() {
            ids += (batch.columns[0] as! PrimitiveArray<Int64>).storage
        }
        return ids.sorted()
    }

    func testOptimizeCompactsEachPartition() throws {
        let table = try partitionedTable(temporaryTableFolder(self), appends: 4)
        XCTAssertEqual(try table.snapshot().files.count, 8)
        let result = try OptimizeOperation(table: table).execute()
        XCTAssertEqual(result.filesRemoved, 8)
        XCTAssertEqual(result.filesAdded, 2)
        XCTAssertEqual(result.partitionsOptimized, 2)
        let snapshot = try table.snapshot()
        XCTAssertEqual(snapshot.files.count, 2)
        XCTAssertTrue(snapshot.files.allSatisfy { !$0.dataChange })
        XCTAssertEqual(try allIds(table), Array(0..<8))
        XCTAssertEqual(snapshot.files.compactMap(\.recordCount).reduce(0, +), 8)
        XCTAssertNil(try OptimizeOperation(table: table).execute().version)
    }

    func testOptimizePlanPacksBinsUpToTheTarget() throws {
        let op = OptimizeOperation(table: DeltaTable(path: "/nonexistent"))
        func file(_ name: String, _ size: Int64, _ region: String = "eu") -> AddFile {
            AddFile(path: name, partitionValues: ["region": region], size: size, modificationTime: 0, dataChange: true)
        }
        let bins = op.plan([file("a", 40), file("b", 50), file("c", 30), file("big", 200), file("d", 10, "us")], target: 100)
        XCTAssertEqual(bins.map { $0.files.map(\.path) }, [["c", "a"]])
    }

    func testDeleteByPartitionAndAll() throws {
        let table = try partitionedTable(temporaryTableFolder(self), appends: 2)
        let result = try DeleteOperation(table: table).withPredicate("region = 'us'").execute()
        XCTAssertEqual(result.removedFiles, 2)
        XCTAssertEqual(result.deletedRows, 2)
        XCTAssertEqual(try allIds(table), [0, 2])
        XCTAssertNil(try DeleteOperation(table: table).withPredicate("region = 'us'").execute().version)
        XCTAssertThrowsError(try DeleteOperation(table: table).withPredicate("id = 1").execute()) { error in
            XCTAssertTrue("\(error)".contains("not a partition column"), "\(error)")
        }
        try DeleteOperation(table: table).execute()
        XCTAssertEqual(try table.snapshot().files.count, 0)
    }

    func testVacuumHonoursRetentionAndSparesTheLog() throws {
        let folder = temporaryTableFolder(self)
        let table = try partitionedTable(folder, appends: 1)
        let old = try table.snapshot().files.compactMap { table.paths.dataFile($0.path) }
        try WriteOperation(table: table).withMode(.overwrite).withClock(.fixed(2 * day))
            .execute([salesBatch(ids: [9], regions: ["jp"])])
        try FileManager.default.createDirectory(atPath: folder + "/_ignored", withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/.hidden", contents: Data([1])))
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/_ignored/file", contents: Data([1])))
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        // Files modified after the cutoff stay, whatever their tombstones say.
        XCTAssertEqual(try VacuumOperation(table: table).withClock(.fixed(2 * day + 3_600_000))
            .withRetentionHours(0).withEnforceRetention(false).withDryRun(true).execute().files, [])
        XCTAssertThrowsError(try VacuumOperation(table: table).withRetentionHours(24).withClock(.fixed(now)).execute()) { error in
            XCTAssertTrue("\(error)".contains("below the table's safe minimum of 168 hours"), "\(error)")
        }
        let dry = try VacuumOperation(table: table).withClock(.fixed(now + 8 * day)).withDryRun(true).execute()
        XCTAssertEqual(Set(dry.files), Set(old))
        XCTAssertNil(dry.startVersion)
        let done = try VacuumOperation(table: table).withClock(.fixed(now + 8 * day)).execute()
        XCTAssertEqual(done.files.count, 2)
        XCTAssertEqual(done.startVersion, 2)
        XCTAssertEqual(done.endVersion, 3)
        XCTAssertTrue(old.allSatisfy { !FileManager.default.fileExists(atPath: folder + "/" + $0) })
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/region=eu"), "emptied partition folders go too")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/region=jp"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/.hidden"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/_ignored/file"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/_delta_log/00000000000000000000.json"))
        XCTAssertEqual(try allIds(table), [9])
        let history = try table.history().map { $0.info.operation ?? "" }
        XCTAssertEqual(history, ["VACUUM END", "VACUUM START", "WRITE", "WRITE"])
    }

    func testHiddenPaths() {
        XCTAssertTrue(VacuumOperation.isHidden("_delta_log/00.json"))
        XCTAssertTrue(VacuumOperation.isHidden(".tmp-1"))
        XCTAssertTrue(VacuumOperation.isHidden("a=1/.part.crc"))
        XCTAssertTrue(VacuumOperation.isHidden("_change_data/x.parquet"))
        XCTAssertFalse(VacuumOperation.isHidden("_year=2024/part-0.parquet"))
        XCTAssertFalse(VacuumOperation.isHidden("region=eu/part-0.parquet"))
    }
}
