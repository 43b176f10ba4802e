import LodeCore
import LodeDelta
import LodePlan
import XCTest
@testable import LodeEngine

/// The row-level rewrite behind DELETE, UPDATE and MERGE, driven without SQL.
final class StatementRewriteTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "lode-rewrite-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/silver", withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: root) }

    private let schema = Schema([Field("id", .int64, nullable: false), Field("name", .string)])

    private func batch(_ ids: [Int64], _ names: [String?]) throws -> RecordBatch {
        try RecordBatch(schema: schema, columns: [PrimitiveArray<Int64>(.int64, ids.map { $0 }), BinaryArray(strings: names)])
    }

    /// A table of two files: ids 1–3 and 4–5.
    private func makeTable() throws -> LakeTable {
        let path = root + "/silver/people"
        let table = LakeTable(name: "silver.people", path: path, delta: DeltaTable(path: path))
        try CreateTableOperation(table: table.delta).withSchema(schema).execute()
        try WriteOperation(table: table.delta).execute([try batch([1, 2, 3], ["a", "b", "c"])])
        try WriteOperation(table: table.delta).execute([try batch([4, 5], ["d", nil])])
        return table
    }

    private func rows(_ table: LakeTable) throws -> [[Value]] {
        var scan = try table.delta.snapshot().scan()
        return try scan.collect().flatMap { b in (0..<b.count).map { b.row($0) } }
            .sorted { ($0[0].description) < ($1[0].description) }
    }

    func testRowSourceNumbersFilesAndRows() throws {
        let table = try makeTable()
        let source = DeltaRowSource(snapshot: try table.snapshot(), name: table.name)
        XCTAssertEqual(source.schema.names, ["id", "name", "__lode_file", "__lode_row"])
        XCTAssertEqual(source.estimatedRowCount, 5)
        let streams = try source.scan(ScanRequest(columns: [0, 2, 3], columnIDs: [ColumnID(0), ColumnID(1), ColumnID(2)], partitions: 2))
        XCTAssertEqual(streams.count, 2)
        var seen: [[Value]] = []
        for stream in streams { while let b = try stream.next() { seen += (0..<b.count).map { b.row($0) } } }
        let ids = Dictionary(uniqueKeysWithValues: seen.map { ($0[0], [$0[1], $0[2]]) })
        XCTAssertEqual(ids.count, 5)
        let first = try XCTUnwrap(ids[.int(1)])
        XCTAssertEqual(ids[.int(3)], [first[0], .int(2)])
        XCTAssertNotEqual(ids[.int(4)]?[0], first[0])
        XCTAssertEqual(ids[.int(5)]?[1], .int(1))
    }

    func testDeleteRewritesOnlyTouchedFilesInOneCommit() throws {
        let table = try makeTable()
        let snapshot = try table.snapshot()
        let source = DeltaRowSource(snapshot: snapshot, name: table.name)
        let fileOfFour = try XCTUnwrap(source.files.firstIndex { $0.stats?.contains("\"numRecords\":2") == true })
        var rewrite = TableRewrite(table: table, target: source)
        XCTAssertTrue(rewrite.delete(file: Int32(fileOfFour), row: 0))
        XCTAssertFalse(rewrite.delete(file: Int32(fileOfFour), row: 0))
        let version = try rewrite.commit(operation: "DELETE", predicate: "id = 4")
        XCTAssertEqual(version, snapshot.version + 1)
        let after = try table.snapshot()
        XCTAssertEqual(after.files.count, 2)
        XCTAssertTrue(after.files.contains { $0.path == source.files[1 - fileOfFour].path }, "the untouched file stays")
        XCTAssertEqual(try rows(table).map { $0[0] }, [.int(1), .int(2), .int(3), .int(5)])
        let commit = try table.delta.actions(version: after.version)
        XCTAssertEqual(commit.filter { if case .remove = $0 { return true } else { return false } }.count, 1)
    }

    func testReplaceAndInsertTogether() throws {
        let table = try makeTable()
        let source = DeltaRowSource(snapshot: try table.snapshot(), name: table.name)
        let fileOfOne = try XCTUnwrap(source.files.firstIndex { $0.stats?.contains("\"numRecords\":3") == true })
        var rewrite = TableRewrite(table: table, target: source)
        let id = RowID(file: Int32(fileOfOne), row: 1)
        XCTAssertNil(try rewrite.replace([id], with: try batch([2], ["B"])))
        XCTAssertEqual(try rewrite.replace([id], with: try batch([2], ["again"])), id, "a row changes once")
        try rewrite.insert(try batch([6], ["f"]))
        try rewrite.commit(operation: "MERGE", predicate: nil)
        XCTAssertEqual(try rows(table), [
            [.int(1), .string("a")], [.int(2), .string("B")], [.int(3), .string("c")],
            [.int(4), .string("d")], [.int(5), .null], [.int(6), .string("f")],
        ])
        XCTAssertEqual(try table.delta.snapshot().files.count, 2, "the untouched file and one new file")
    }

    func testNotNullViolationCommitsNothing() throws {
        let table = try makeTable()
        let snapshot = try table.snapshot()
        var rewrite = TableRewrite(table: table, target: DeltaRowSource(snapshot: snapshot, name: table.name))
        let nullID = try RecordBatch(schema: schema, columns: [PrimitiveArray<Int64>(.int64, [nil]), BinaryArray(strings: ["x"])])
        try rewrite.insert(nullID)
        XCTAssertThrowsError(try rewrite.commit(operation: "MERGE", predicate: nil)) { error in
            XCTAssertTrue("\(error)".contains("NOT NULL"), "\(error)")
        }
        XCTAssertEqual(try table.delta.latestVersion(), snapshot.version)
    }

    func testNothingChangedCommitsNothing() throws {
        let table = try makeTable()
        let snapshot = try table.snapshot()
        let rewrite = TableRewrite(table: table, target: DeltaRowSource(snapshot: snapshot, name: table.name))
        XCTAssertNil(try rewrite.commit(operation: "DELETE", predicate: "false"))
        XCTAssertEqual(try table.delta.latestVersion(), snapshot.version)
    }

    func testRewriteFilesRefusesFilesNotInTheSnapshot() throws {
        let table = try makeTable()
        let old = try table.snapshot()
        try WriteOperation(table: table.delta).withMode(.overwrite).execute([try batch([9], ["z"])])
        let current = try table.snapshot()
        XCTAssertThrowsError(try RewriteFilesOperation(table: table.delta, snapshot: current)
            .execute(removing: old.files, schema: schema) { nil })
    }

    func testRewriteConflictsWithAConcurrentRemoval() throws {
        let table = try makeTable()
        let stale = try table.snapshot()
        try DeleteOperation(table: table.delta).execute()
        XCTAssertThrowsError(try RewriteFilesOperation(table: table.delta, snapshot: stale)
            .execute(removing: [stale.files[0]], schema: schema) { nil }) { error in
            XCTAssertEqual((error as? DeltaError)?.kind, .conflict, "\(error)")
        }
    }
}
