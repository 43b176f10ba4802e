import LodeCore
import XCTest
@testable import LodeDelta

final class TransactionConflictTests: XCTestCase {
    func add(_ path: String, region: String? = "eu", dataChange: Bool = true) -> AddFile {
        AddFile(path: path, partitionValues: ["region": region], size: 10, modificationTime: 0, dataChange: dataChange)
    }

    func remove(_ path: String) -> DeltaAction {
        .remove(RemoveFile(path: path, deletionTimestamp: 1, dataChange: true))
    }

    func commitInfo(blind: Bool) -> DeltaAction { .commitInfo(CommitInfo(operation: "WRITE", isBlindAppend: blind)) }

    func checker(reads: ConflictChecker.Reads = .init(), actions: [DeltaAction] = [],
                 isolation: IsolationLevel = .writeSerializable, changesData: Bool = true) -> ConflictChecker {
        ConflictChecker(reads: reads, actions: actions, isolationLevel: isolation, changesData: changesData)
    }

    func testAppendsNeverConflictWithAppends() {
        let c = checker(actions: [.add(add("mine"))])
        XCTAssertNil(c.conflict(with: [commitInfo(blind: true), .add(add("theirs"))]))
    }

    func testProtocolAndMetadataChangesFail() {
        let c = checker(actions: [.add(add("mine"))])
        XCTAssertEqual(c.conflict(with: [.protocol(ProtocolAction())])?.0, .protocolChanged)
        XCTAssertEqual(c.conflict(with: [.metadata(MetadataAction(id: "x", schemaString: "{}"))])?.0, .metadataChanged)
    }

    func testAddsMatchingTheReadPredicate() throws {
        var reads = ConflictChecker.Reads()
        reads.predicate = try PartitionPredicate("region = 'eu'", partitionColumns: [Field("region", .string)])
        let c = checker(reads: reads, actions: [remove("old")], isolation: .serializable)
        XCTAssertEqual(c.conflict(with: [commitInfo(blind: true), .add(add("new", region: "eu"))])?.0, .concurrentAppend)
        XCTAssertNil(c.conflict(with: [commitInfo(blind: true), .add(add("new", region: "us"))]))
        // Under WriteSerializable a blind append never conflicts, a rewrite does.
        let w = checker(reads: reads, actions: [remove("old")])
        XCTAssertNil(w.conflict(with: [commitInfo(blind: true), .add(add("new", region: "eu"))]))
        XCTAssertEqual(w.conflict(with: [commitInfo(blind: false), .add(add("new", region: "eu"))])?.0, .concurrentAppend)
    }

    func testWholeTableReadsConflictWithAnyAddOrRemove() {
        var reads = ConflictChecker.Reads()
        reads.wholeTable = true
        let c = checker(reads: reads, actions: [remove("a")])
        XCTAssertEqual(c.conflict(with: [commitInfo(blind: false), .add(add("z", region: "mars"))])?.0, .concurrentAppend)
        XCTAssertEqual(c.conflict(with: [remove("unrelated")])?.0, .concurrentDeleteRead)
    }

    func testDeletesOfReadFilesAndDoubleDeletes() {
        var reads = ConflictChecker.Reads()
        reads.files = ["read"]
        let c = checker(reads: reads, actions: [remove("mine")])
        XCTAssertEqual(c.conflict(with: [remove("read")])?.0, .concurrentDeleteRead)
        XCTAssertNil(c.conflict(with: [remove("other")]))
        let d = checker(actions: [remove("both")])
        XCTAssertEqual(d.conflict(with: [remove("both")])?.0, .concurrentDeleteDelete)
    }

    func testApplicationTransactions() {
        var reads = ConflictChecker.Reads()
        reads.appIds = ["ingest"]
        let c = checker(reads: reads, actions: [.add(add("x")), .txn(SetTransaction(appId: "ingest", version: 3))])
        XCTAssertEqual(c.conflict(with: [.txn(SetTransaction(appId: "ingest", version: 3))])?.0, .concurrentTransaction)
        XCTAssertNil(c.conflict(with: [.txn(SetTransaction(appId: "other", version: 3))]))
    }

    func testOptimizeUsesSnapshotIsolation() {
        var reads = ConflictChecker.Reads()
        reads.files = ["small1", "small2"]
        let optimize = checker(reads: reads, actions: [
            .remove(RemoveFile(path: "small1", deletionTimestamp: 1, dataChange: false)),
            .add(add("big", dataChange: false)),
        ], isolation: .serializable, changesData: false)
        XCTAssertEqual(optimize.effectiveIsolationLevel, .snapshotIsolation)
        XCTAssertNil(optimize.conflict(with: [commitInfo(blind: false), .add(add("appended"))]))
        XCTAssertEqual(optimize.conflict(with: [remove("small2")])?.0, .concurrentDeleteRead)
    }
}
