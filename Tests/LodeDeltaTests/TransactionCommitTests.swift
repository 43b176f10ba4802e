import Foundation
import LodeCore
import LodeStorage
import XCTest
@testable import LodeDelta

final class TransactionCommitTests: XCTestCase {
    func table() throws -> DeltaTable {
        let table = DeltaTable(path: temporaryTableFolder(self))
        try CreateTableOperation(table: table).withSchema(Schema([Field("id", .int64), Field("region", .string)]))
            .withPartitionColumns(["region"]).withClock(.fixed(5)).execute()
        return table
    }

    func file(_ name: String, region: String = "eu") -> AddFile {
        AddFile(path: "region=\(region)/\(name)", partitionValues: ["region": region], size: 1, modificationTime: 1,
                dataChange: true)
    }

    func transaction(_ table: DeltaTable, readVersion: Int64, actions: [DeltaAction], blind: Bool = true) -> Transaction {
        var t = Transaction(store: table.store, paths: table.paths, readVersion: readVersion, configuration: [:],
                            operation: TableOperation(name: "WRITE"))
        t.actions = actions
        t.isBlindAppend = blind
        t.clock = .fixed(1_234)
        return t
    }

    func testCreateWritesProtocolAndMetadataAtVersionZero() throws {
        let table = try table()
        let lines = try commitLines(table.paths.tableLocation!, 0)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[0]["commitInfo"]?["operation"]?.stringValue, "CREATE TABLE")
        XCTAssertEqual(lines[1]["protocol"]?["minWriterVersion"]?.int64Value, 2)
        XCTAssertEqual(lines[2]["metaData"]?["partitionColumns"]?.arrayValue?.first?.stringValue, "region")
        XCTAssertEqual(lines[2]["metaData"]?["createdTime"]?.int64Value, 5)
        XCTAssertThrowsError(try CreateTableOperation(table: table).withSchema(Schema([Field("id", .int64)])).execute())
    }

    func testLosingARaceRetriesAtTheNextVersion() throws {
        let table = try table()
        let first = try transaction(table, readVersion: 0, actions: [.add(file("a"))]).commit()
        XCTAssertEqual(first.version, 1)
        XCTAssertEqual(first.attempts, 1)
        // Read at version 0 as well: version 1 is taken, and a blind append does not conflict.
        let second = try transaction(table, readVersion: 0, actions: [.add(file("b"))]).commit()
        XCTAssertEqual(second.version, 2)
        XCTAssertEqual(second.attempts, 2)
        XCTAssertEqual(second.commitInfo.readVersion, 0)
        XCTAssertEqual(try table.snapshot().files.map(\.path).sorted(), ["region=eu/a", "region=eu/b"])
    }

    func testAConflictNamesTableVersionAndKind() throws {
        let table = try table()
        _ = try transaction(table, readVersion: 0, actions: [.add(file("a"))]).commit()
        _ = try transaction(table, readVersion: 1, actions: [.remove(file("a").removal(at: 9))], blind: false).commit()
        var loser = transaction(table, readVersion: 1, actions: [.remove(file("a").removal(at: 9))], blind: false)
        loser.reads.files = ["region=eu/a"]
        XCTAssertThrowsError(try loser.commit()) { error in
            guard let error = error as? DeltaError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .conflict)
            XCTAssertEqual(error.version, 2)
            XCTAssertEqual(error.table, table.paths.displayName)
            XCTAssertTrue(error.message.contains("ConcurrentDeleteRead"), error.message)
        }
        XCTAssertEqual(try table.latestVersion(), 2)
    }

    func testGivesUpAfterTheAttemptLimit() throws {
        let table = try table()
        for name in ["a", "b", "c"] { _ = try transaction(table, readVersion: 0, actions: [.add(file(name))]).commit() }
        var late = transaction(table, readVersion: 0, actions: [.add(file("d"))])
        late.maxAttempts = 2
        XCTAssertThrowsError(try late.commit()) { error in
            XCTAssertTrue("\(error)".contains("gave up after 2 attempts"), "\(error)")
        }
    }

    func testCommitInfoRecordsTheOperation() throws {
        let table = try table()
        var t = transaction(table, readVersion: 0, actions: [.add(file("a"))])
        t.operation.parameters = ["mode": "\"Append\""]
        t.operation.metrics = ["numFiles": "1"]
        _ = try t.commit()
        let info = try XCTUnwrap(commitLines(table.paths.tableLocation!, 1)[0]["commitInfo"])
        XCTAssertEqual(info["timestamp"]?.int64Value, 1_234)
        XCTAssertEqual(info["operationParameters"]?["mode"]?.stringValue, "Append")
        XCTAssertEqual(info["operationMetrics"]?["numFiles"]?.stringValue, "1")
        XCTAssertEqual(info["readVersion"]?.int64Value, 0)
        XCTAssertEqual(info["isBlindAppend"]?.boolValue, true)
        XCTAssertEqual(info["engineInfo"]?.stringValue, "Lode/0.1.0")
    }
}
