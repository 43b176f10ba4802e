import XCTest
@testable import LodePipeline

final class MetadataChecksTests: XCTestCase {
    var lake = ""

    override func setUpWithError() throws {
        lake = FileManager.default.temporaryDirectory.appendingPathComponent("checks-\(UUID().uuidString)").path
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: lake) }

    func result(_ check: QualityCheck, _ status: CheckResult.Status, failing: Int = 0, message: String = "") -> CheckResult {
        CheckResult(check: check, status: status, failingRows: failing, message: message)
    }

    func testChecksAreStoredWithTheirKindSeverityAndOutcome() throws {
        let store = try MetadataStore(lakeRoot: lake)
        let run = try store.beginRun(command: "build", selector: "")
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        try store.record(checks: [
            result(QualityCheck(kind: .notNull, column: "order_id"), .pass),
            result(QualityCheck(kind: .acceptedValues(["a", "b"]), column: "status", severity: .warn), .warn, failing: 3,
                   message: "3 rows hold other values"),
            result(QualityCheck(name: "no_refunds", kind: .sql("SELECT * FROM {{ this }} WHERE amount < 0")), .fail, failing: 1,
                   message: "1 failing row"),
        ], model: "silver.orders", runID: run.id, at: at)

        let records = try store.checkResults(runID: run.id)
        XCTAssertEqual(records.map(\.name), ["not_null_order_id", "accepted_values_status", "no_refunds"])
        XCTAssertEqual(records.map(\.kind), ["not_null", "accepted_values", "sql"])
        XCTAssertEqual(records.map(\.severity), ["error", "warn", "error"])
        XCTAssertEqual(records.map(\.status), ["pass", "warn", "fail"])
        XCTAssertEqual(records.map(\.failingRows), [0, 3, 1])
        XCTAssertEqual(records.map(\.message), [nil, "3 rows hold other values", "1 failing row"])
        XCTAssertEqual(records.map(\.isFailure), [false, false, true])
        XCTAssertTrue(records.allSatisfy { $0.runID == run.id && $0.model == "silver.orders" && $0.checkedAt == 1_800_000_000 })
    }

    func testFiltersByRunModelAndFailureNewestFirst() throws {
        let store = try MetadataStore(lakeRoot: lake)
        let runs = try (1...3).map { _ in try store.beginRun(command: "test", selector: "") }
        let (r1, r2, r3) = (runs[0].id, runs[1].id, runs[2].id)
        let unique = QualityCheck(kind: .unique, column: "id")
        try store.record(checks: [result(unique, .pass)], model: "silver.a", runID: r1, at: Date(timeIntervalSince1970: 100))
        try store.record(checks: [result(unique, .fail, failing: 2)], model: "silver.b", runID: r1,
                         at: Date(timeIntervalSince1970: 101))
        try store.record(checks: [result(unique, .error, message: "bad SQL")], model: "silver.a", runID: r2,
                         at: Date(timeIntervalSince1970: 200))
        try store.record(checks: [], model: "silver.a", runID: r3)

        XCTAssertEqual(try store.checkResults().map(\.runID), [r2, r1, r1])
        XCTAssertEqual(try store.checkResults(runID: r1).map(\.model), ["silver.b", "silver.a"])
        XCTAssertEqual(try store.checkResults(model: "silver.a").map(\.runID), [r2, r1])
        XCTAssertEqual(try store.checkResults(runID: r1, model: "silver.a").map(\.status), ["pass"])
        XCTAssertEqual(try store.checkResults(failedOnly: true).map(\.status), ["error", "fail"])
        XCTAssertEqual(try store.checkResults(limit: 1).map(\.runID), [r2])
        XCTAssertEqual(try store.checkResults(runID: r3), [])
    }

    func testChecksSurviveReopening() throws {
        let store = try MetadataStore(lakeRoot: lake)
        let run = try store.beginRun(command: "test", selector: "")
        try store.record(checks: [result(QualityCheck(kind: .rowCount(min: 1, max: nil)), .pass)], model: "gold.x", runID: run.id)
        XCTAssertEqual(try MetadataStore(lakeRoot: lake).checkResults(model: "gold.x").map(\.name), ["row_count"])
    }

    func testARunIsFoundByItsIdOrAUniquePrefix() throws {
        let store = try MetadataStore(lakeRoot: lake)
        let first = try store.beginRun(command: "run", selector: "", clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        let second = try store.beginRun(command: "test", selector: "", clock: { Date(timeIntervalSince1970: 1_800_003_600) })
        XCTAssertEqual(try store.run(id: first.id)?.command, "run")
        XCTAssertEqual(try store.run(id: String(second.id.prefix(13)))?.command, "test")
        XCTAssertNil(try store.run(id: "2030"))
        XCTAssertNil(try store.run(id: "%"), "LIKE wildcards match only themselves")
        XCTAssertNil(try store.run(id: String(first.id.prefix(4))), "an ambiguous prefix names no run")
    }
}
