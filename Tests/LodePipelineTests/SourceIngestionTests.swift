import XCTest
import LodeCore
import LodeEngine
import LodePlan
@testable import LodePipeline

final class SourceIngestionTests: XCTestCase {
    var root = ""

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/sources", withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: root) }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: root + "/sources/" + name, atomically: true, encoding: .utf8)
    }

    func rows(_ table: String) throws -> [[Value]] {
        let source = try DeltaSource(path: root + "/lake/" + table.replacingOccurrences(of: ".", with: "/"), version: nil)
        let columns = Array(0..<source.schema.count)
        let streams = try source.scan(ScanRequest(columns: columns, columnIDs: columns.map(ColumnID.init)))
        var out: [[Value]] = []
        for stream in streams { while let batch = try stream.next() { out += (0..<batch.count).map(batch.row) } }
        return out
    }

    func ingestion(_ source: SourceConfig, store: MetadataStore, run: String) -> SourceIngestion {
        SourceIngestion(source: source, projectRoot: root, lakeRoot: root + "/lake", store: store, runID: run)
    }

    func testNewFilesLoadOnceChangedFilesAgainWithMetadataColumns() throws {
        try write("a.csv", "id,name\n1,Ann\n2,007\n")
        try write("b.csv", "id,name\n3,Bo\n")
        let store = try MetadataStore(lakeRoot: root + "/lake")
        let source = SourceConfig(name: "people", format: .csv, path: "sources/*.csv")
        let first = try ingestion(source, store: store, run: "r1").run()
        XCTAssertEqual(first.filesLoaded, ["sources/a.csv", "sources/b.csv"])
        XCTAssertEqual(first.rows, 3)
        let loaded = try rows("bronze.people")
        XCTAssertEqual(loaded.count, 3)
        let schema = try DeltaSource(path: root + "/lake/bronze/people", version: nil).schema
        XCTAssertEqual(schema.names, ["id", "name", "_source", "_ingested_at", "_run_id", "_file", "_ingest_date"])
        XCTAssertEqual(schema.fields[0].type, .string, "CSV columns are kept as received text")
        XCTAssertTrue(loaded.contains { $0[1] == .string("007") })

        let again = try ingestion(source, store: store, run: "r2").run()
        XCTAssertEqual(again.filesLoaded, [])
        XCTAssertEqual(again.filesUnchanged, 2)

        try write("b.csv", "id,name\n3,Bo\n4,Cy\n")
        try write("c.csv", "id,name\n5,Di\n")
        let third = try ingestion(source, store: store, run: "r3").run()
        XCTAssertEqual(third.filesLoaded, ["sources/b.csv", "sources/c.csv"])
        XCTAssertEqual(try rows("bronze.people").count, 6)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root + "/lake/bronze/people/_ingest_date=\(Temporal.formatDate(Int32(Date().timeIntervalSince1970 / 86_400)))"))
    }

    func testContractViolationsGoToQuarantineWithTheReason() throws {
        try write("good.csv", "id,email,extra\n1,a@x.com,z\nnope,b@x.com,z\n3,,z\n")
        try write("missing.csv", "email\nc@x.com\n")
        let store = try MetadataStore(lakeRoot: root + "/lake")
        let contract = SchemaContract(columns: [.init(name: "id", type: "BIGINT", nullable: false),
                                                .init(name: "email", type: "VARCHAR", nullable: false)], extraColumns: .drop)
        let source = SourceConfig(name: "contacts", format: .csv, path: "sources/*.csv", contract: contract)
        let result = try ingestion(source, store: store, run: "r1").run()
        XCTAssertEqual(result.rows, 1)
        XCTAssertEqual(result.quarantinedFiles, ["sources/missing.csv"])
        let kept = try rows("bronze.contacts")
        XCTAssertEqual(kept.map { $0[0] }, [.int(1)])
        XCTAssertEqual(kept[0].count, 2 + 5, "the extra column is dropped")
        let quarantined = try rows("bronze.contacts__quarantine")
        let reasons = quarantined.map { "\($0[1]) \($0[4])" }.sorted()
        XCTAssertEqual(quarantined.count, 3, "\(reasons)")
        XCTAssertTrue(reasons.contains { $0.contains("missing.csv") && $0.contains("missing contract column id") }, "\(reasons)")
        XCTAssertTrue(reasons.contains { $0.contains("good.csv") && $0.contains("email is null") }, "\(reasons)")
        XCTAssertTrue(reasons.contains { $0.contains("good.csv") && $0.lowercased().contains("nope") }, "\(reasons)")
    }

    func testNoFilesYetIsEmptyButAFolderPathIsAnError() throws {
        let store = try MetadataStore(lakeRoot: root + "/lake")
        let none = try ingestion(SourceConfig(name: "later", format: .csv, path: "sources/later_*.csv"), store: store, run: "r1").run()
        XCTAssertEqual(none.filesLoaded, [])
        XCTAssertThrowsError(try ingestion(SourceConfig(name: "dir", format: .csv, path: "sources"), store: store, run: "r1").run()) {
            XCTAssertTrue("\($0)".contains("source dir") && "\($0)".contains("is a folder"), "\($0)")
        }
    }
}
