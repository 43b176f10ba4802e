import XCTest
import LodeCore
@testable import LodePipeline

final class PipelineQualityTests: XCTestCase {
    func makeProject() throws -> PipelineTestProject {
        let project = try PipelineTestProject(sources: """
          orders:
            format: csv
            path: sources/orders_*.csv
        """)
        try project.write("sources/orders_1.csv", "id,amount,status\n1,10,paid\n2,-5,paid\n3,7,weird\n4,,paid\n5,3,paid\n")
        return project
    }

    func testExpectationActionsAndQuarantineContents() throws {
        let project = try makeProject()
        try project.write("models/silver/orders.sql", """
            EXPECT positive_amount (amount > 0) ON VIOLATION QUARANTINE;
            EXPECT has_amount (amount IS NOT NULL) ON VIOLATION DROP ROW;
            EXPECT known_status (status IN ('paid', 'refunded')) ON VIOLATION WARN;
            SELECT CAST(id AS INTEGER) AS id, CAST(amount AS INTEGER) AS amount, status FROM bronze.orders
            """)
        let summary = try project.run()
        let outcome = try XCTUnwrap(summary.outcome("silver.orders"))
        XCTAssertEqual(outcome.status, .warned)
        XCTAssertEqual(outcome.rowsDropped, 0, "the NULL amount breaks the quarantine rule too, which wins")
        XCTAssertEqual(outcome.rowsQuarantined, 2)
        XCTAssertEqual(outcome.checks.map(\.status), [.warn, .warn, .warn])
        XCTAssertEqual(outcome.checks.map(\.failingRows), [2, 1, 1])
        XCTAssertEqual(outcome.qualityScore, 50)
        XCTAssertEqual(try project.strings("SELECT id FROM silver.orders ORDER BY id"), ["1", "3", "5"])
        XCTAssertEqual(try project.strings("SELECT id, amount, _rule, _run_id = '\(summary.runID)' FROM silver.orders__quarantine ORDER BY id"),
                       ["2|-5|positive_amount|true", "4|NULL|positive_amount|true"])
    }

    func testFailingExpectationPublishesNothing() throws {
        let project = try makeProject()
        try project.write("models/silver/orders.sql", """
            EXPECT (status <> 'weird') ON VIOLATION FAIL;
            SELECT CAST(id AS INTEGER) AS id, status FROM bronze.orders
            """)
        try project.write("models/gold/paid.sql", "SELECT count(*) AS n FROM silver.orders")
        let summary = try project.run()
        XCTAssertEqual(summary.status("silver.orders"), .failed)
        XCTAssertTrue(summary.outcome("silver.orders")?.message?.contains("1 rows break EXPECT expectation_1") == true)
        XCTAssertEqual(summary.status("gold.paid"), .skipped)
        XCTAssertEqual(summary.status, "failed")
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.lake + "/silver/orders/_delta_log/00000000000000000001.json"))
    }

    func testGateKeepsThePreviousVersionAndSkipsDownstream() throws {
        let project = try makeProject()
        try project.write("models/silver/orders.sql", """
            SELECT CAST(id AS INTEGER) AS id, TRY_CAST(amount AS INTEGER) AS amount, status FROM bronze.orders WHERE amount <> ''
            """)
        try project.write("models/silver/orders.yml", """
            columns:
              id:
                tests: [unique, not_null]
              status:
                tests:
                  - accepted_values: {values: [paid, refunded], severity: warn}
            tests:
              - row_count: {min: 1}
            """)
        try project.write("models/gold/revenue.sql", "SELECT sum(amount) AS total FROM silver.orders")
        try project.write("models/gold/revenue.yml", "columns:\n  total:\n    tests: [not_null]\n")
        let first = try project.run()
        XCTAssertEqual(first.status("silver.orders"), .warned)
        XCTAssertEqual(first.status("gold.revenue"), .success)
        XCTAssertEqual(try project.strings("SELECT total FROM gold.revenue"), ["15"])
        let published = try project.version("silver.orders")

        try project.write("sources/orders_2.csv", "id,amount,status\n1,100,paid\n")
        let second = try project.run()
        let outcome = try XCTUnwrap(second.outcome("silver.orders"))
        XCTAssertEqual(outcome.status, .failed)
        XCTAssertTrue(outcome.message?.contains("check unique_id failed") == true, outcome.message ?? "")
        XCTAssertEqual(outcome.checks.first { $0.check.name == "unique_id" }?.failingRows, 2)
        XCTAssertEqual(second.status("gold.revenue"), .skipped)
        XCTAssertEqual(try project.version("silver.orders"), published)
        XCTAssertEqual(try project.strings("SELECT count(*) FROM silver.orders"), ["4"])
        XCTAssertEqual(try project.strings("SELECT total FROM gold.revenue"), ["15"])
        let files = try FileManager.default.contentsOfDirectory(atPath: project.lake + "/silver/orders").filter { $0.hasSuffix(".parquet") }
        XCTAssertEqual(files.count, 1, "the staged files of the failed version are removed")

        let tested = try project.run(.test)
        XCTAssertEqual(tested.status("silver.orders"), .warned)
        XCTAssertEqual(tested.sources.count, 0)
    }

    func testTimeRangeModelRecomputesTheLookbackWindowOnly() throws {
        let project = try PipelineTestProject(sources: """
          sales:
            format: csv
            path: sources/sales_*.csv
        """)
        try project.write("sources/sales_1.csv", "day,amount\n2026-01-01,1\n2026-01-02,2\n2026-01-03,3\n")
        try project.write("models/gold/daily.sql", """
            MODEL (kind INCREMENTAL_BY_TIME_RANGE (time_column day, lookback 1));
            SELECT CAST(day AS DATE) AS day, sum(CAST(amount AS INTEGER)) AS total, count(*) AS n FROM bronze.sales GROUP BY 1
            """)
        try project.run()
        try project.write("sources/sales_2.csv", "day,amount\n2026-01-01,100\n2026-01-02,20\n2026-01-04,4\n")
        let second = try project.run()
        XCTAssertEqual(second.outcome("gold.daily")?.rowsWritten, 3, "days 2, 3 and 4")
        XCTAssertEqual(try project.strings("SELECT day, total FROM gold.daily ORDER BY day"),
                       ["2026-01-01|1", "2026-01-02|22", "2026-01-03|3", "2026-01-04|4"],
                       "a late row older than the lookback window is not picked up")
    }

    func testViewsSelectorsAndTests() throws {
        let project = try makeProject()
        try project.write("models/silver/orders.sql", "SELECT CAST(id AS INTEGER) AS id, status FROM bronze.orders")
        try project.write("models/silver/paid.sql", "MODEL (kind VIEW);\nSELECT id FROM silver.orders WHERE status = 'paid'")
        try project.write("models/silver/paid.yml", "tests:\n  - row_count: {min: 1, max: 10}\n")
        try project.write("models/gold/paid_count.sql", "MODEL (tags (finance));\nSELECT count(*) AS n FROM silver.paid")
        let only = try project.run(select: ["silver.orders"])
        XCTAssertEqual(only.models.map(\.model), ["silver.orders"])
        let downstream = try project.run(select: ["silver.orders+"])
        XCTAssertEqual(Set(downstream.models.map(\.model)), ["silver.orders", "silver.paid", "gold.paid_count"])
        XCTAssertEqual(downstream.status("silver.paid"), .success)
        XCTAssertEqual(try project.strings("SELECT n FROM gold.paid_count"), ["4"])
        XCTAssertEqual(try project.strings("SELECT count(*) FROM silver.paid"), ["4"], "views are readable by queries")

        try project.write("sources/orders_2.csv", "id,amount,status\n9,1,paid\n")
        let tagged = try project.run(select: ["+tag:finance"])
        XCTAssertEqual(tagged.status("silver.orders"), .success)
        XCTAssertEqual(tagged.status("gold.paid_count"), .success, "the view's input changed, so the reader reruns")
        XCTAssertEqual(try project.strings("SELECT n FROM gold.paid_count"), ["5"])
        XCTAssertThrowsError(try project.run(select: ["tag:nope"]))
    }

    func testQueryErrorsNameTheModelFileAndItsLine() throws {
        let project = try makeProject()
        try project.write("models/silver/orders.sql", """
            MODEL (kind FULL);
            EXPECT (id > 0) ON VIOLATION WARN;
            SELECT id,
              amout
            FROM bronze.orders
            """)
        let summary = try project.run()
        let message = summary.outcome("silver.orders")?.message ?? ""
        XCTAssertTrue(message.hasPrefix(project.root + "/models/silver/orders.sql:4:3: binder error: column \"amout\" not found; did you mean \"amount\"?"),
                      message)
    }
}
