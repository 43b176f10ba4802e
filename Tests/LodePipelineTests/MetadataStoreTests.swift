import XCTest
@testable import LodePipeline

final class MetadataStoreTests: XCTestCase {
    func testRunsAndIngestedFilesSurviveReopening() throws {
        let lake = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        defer { try? FileManager.default.removeItem(atPath: lake) }
        let store = try MetadataStore(lakeRoot: lake)
        let run = try store.beginRun(command: "run", selector: "layer:silver")
        try store.recordIngested([IngestedFile(source: "crm", path: "a.csv", size: 10, modifiedAt: 1, runID: run.id, rows: 3)])
        try store.record(ModelRunRecord(runID: run.id, model: "silver.a", status: "success", rowsWritten: 3, startedAt: 1, duration: 0.5))
        try store.finishRun(run.id, status: "success")

        let reopened = try MetadataStore(lakeRoot: lake)
        XCTAssertEqual(try reopened.runs().map(\.status), ["success"])
        XCTAssertEqual(try reopened.ingestedFiles(source: "crm")["a.csv"]?.rows, 3)
        XCTAssertEqual(try reopened.modelRuns(runID: run.id).map(\.model), ["silver.a"])
        XCTAssertEqual(try reopened.history(of: "silver.a").count, 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: lake + "/_lode/catalog.sqlite"))
    }

    func testAnUnwritableLakeIsAClearError() {
        XCTAssertThrowsError(try MetadataStore(lakeRoot: "/proc/lode-no-such-lake")) { error in
            XCTAssertTrue("\(error)".contains("cannot open the lake catalog"), "\(error)")
        }
    }
}
