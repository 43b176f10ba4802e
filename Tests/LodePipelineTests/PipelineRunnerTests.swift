import XCTest
import LodeCore
@testable import LodePipeline

final class PipelineRunnerTests: XCTestCase {
    func makeProject() throws -> PipelineTestProject {
        try PipelineTestProject(sources: """
          customers:
            format: csv
            path: sources/customers_*.csv
          events:
            format: csv
            path: sources/events_*.csv
        """)
    }

    func testFullAppendAndMergeModelsLoadOnlyWhatIsNew() throws {
        let project = try makeProject()
        try project.write("sources/customers_1.csv", "id,name,segment\n1,Ann,smb\n2,Bob,smb\n")
        try project.write("sources/events_1.csv", "event_id,customer_id,day\n10,1,2026-01-01\n11,2,2026-01-01\n")
        try project.write("models/silver/customers.sql", """
            MODEL (kind INCREMENTAL_BY_UNIQUE_KEY (unique_key id), new_rows_from (bronze.customers));
            SELECT CAST(id AS INTEGER) AS id, name, segment FROM bronze.customers
            """)
        try project.write("models/silver/events.sql", """
            MODEL (kind APPEND);
            SELECT CAST(event_id AS INTEGER) AS event_id, CAST(customer_id AS INTEGER) AS customer_id, CAST(day AS DATE) AS day
            FROM bronze.events
            """)
        try project.write("models/gold/activity.sql", """
            SELECT c.name, count(*) AS events FROM silver.events e JOIN silver.customers c ON c.id = e.customer_id GROUP BY c.name
            """)
        let first = try project.run()
        XCTAssertEqual(first.status, "success", "\(first.models.map { "\($0.model) \($0.status) \($0.message ?? "")" })")
        XCTAssertEqual(first.sources.map(\.rows).reduce(0, +), 4)
        XCTAssertEqual(try project.strings("SELECT * FROM gold.activity ORDER BY name"), ["Ann|1", "Bob|1"])

        let second = try project.run()
        XCTAssertEqual(second.sources.map(\.filesLoaded).reduce(0, +), 0)
        XCTAssertEqual(second.models.map(\.status), [.unchanged, .unchanged, .unchanged])

        try project.write("sources/customers_2.csv", "id,name,segment\n2,Bobby,enterprise\n3,Cy,smb\n")
        try project.write("sources/events_2.csv", "event_id,customer_id,day\n12,3,2026-01-02\n13,2,2026-01-02\n")
        let third = try project.run()
        XCTAssertEqual(third.sources.map(\.filesLoaded).reduce(0, +), 2)
        XCTAssertEqual(third.outcome("silver.customers")?.rowsWritten, 2)
        XCTAssertEqual(third.outcome("silver.events")?.rowsWritten, 2)
        XCTAssertEqual(try project.strings("SELECT * FROM silver.customers ORDER BY id"), ["1|Ann|smb", "2|Bobby|enterprise", "3|Cy|smb"])
        XCTAssertEqual(try project.strings("SELECT count(*) FROM silver.events"), ["4"])
        XCTAssertEqual(try project.strings("SELECT * FROM gold.activity ORDER BY name"), ["Ann|1", "Bobby|2", "Cy|1"])

        let refreshed = try project.run(fullRefresh: true)
        XCTAssertEqual(refreshed.outcome("silver.events")?.rowsWritten, 4)
        XCTAssertEqual(try project.strings("SELECT count(*) FROM silver.events"), ["4"])
    }

    func testScdType2KeepsHistoryAcrossThreeRuns() throws {
        let project = try makeProject()
        try project.write("sources/customers_1.csv", "id,name,segment\n1,Ann,smb\n2,Bob,smb\n")
        try project.write("sources/events_1.csv", "event_id,customer_id,day\n")
        try project.write("models/gold/dim_customers.sql", """
            MODEL (kind SCD_TYPE_2_BY_COLUMN (unique_key id, columns (segment)));
            SELECT CAST(id AS INTEGER) AS id, name, segment FROM bronze.customers
            QUALIFY row_number() OVER (PARTITION BY id ORDER BY _file DESC) = 1
            """)
        try project.run()
        XCTAssertEqual(try project.strings("SELECT id, segment, valid_to IS NULL, is_current FROM gold.dim_customers ORDER BY id"),
                       ["1|smb|true|true", "2|smb|true|true"])
        try project.write("sources/customers_2.csv", "id,name,segment\n2,Bob,enterprise\n3,Cy,smb\n")
        try project.run()
        try project.write("sources/customers_3.csv", "id,name,segment\n2,Bob,strategic\n1,Ann B,smb\n")
        let third = try project.run()
        XCTAssertEqual(third.status("gold.dim_customers"), .success)
        XCTAssertEqual(try project.strings("""
            SELECT id, segment, is_current, valid_to IS NULL FROM gold.dim_customers ORDER BY id, valid_from
            """), ["1|smb|true|true", "2|smb|false|false", "2|enterprise|false|false", "2|strategic|true|true", "3|smb|true|true"])
        XCTAssertEqual(try project.strings("""
            SELECT count(*) FROM gold.dim_customers a JOIN gold.dim_customers b ON a.id = b.id AND a.valid_to = b.valid_from
            """), ["2"])
    }

    func testChangedColumnsRebuildTheTableInOneNewVersion() throws {
        let project = try makeProject()
        try project.write("sources/customers_1.csv", "id,name,segment\n1,Ann,smb\n")
        try project.write("sources/events_1.csv", "event_id,customer_id,day\n")
        try project.write("models/silver/customers.sql", "SELECT CAST(id AS INTEGER) AS id, name FROM bronze.customers")
        try project.run()
        try project.write("models/silver/customers.sql", """
            MODEL (partitioned_by segment);
            SELECT CAST(id AS BIGINT) AS id, segment, upper(name) AS name FROM bronze.customers
            """)
        let summary = try project.run()
        XCTAssertEqual(summary.status("silver.customers"), .success, summary.outcome("silver.customers")?.message ?? "")
        XCTAssertEqual(try project.strings("SELECT * FROM silver.customers"), ["1|smb|ANN"])
        XCTAssertEqual(try project.version("silver.customers"), 2)
        XCTAssertEqual(try project.strings("SELECT * FROM silver.customers VERSION AS OF 1"), ["1|Ann"])
    }

    func testAFailedSourceSkipsOnlyTheModelsReadingIt() throws {
        let project = try PipelineTestProject(sources: """
          customers:
            format: csv
            path: sources/customers_*.csv
          broken:
            format: csv
            path: sources/folder
        """)
        try project.write("sources/customers_1.csv", "id,name\n1,Ann\n")
        try project.write("sources/folder/x.csv", "a\n1\n")
        try project.write("models/silver/customers.sql", "SELECT CAST(id AS INTEGER) AS id, name FROM bronze.customers")
        try project.write("models/silver/broken.sql", "SELECT * FROM bronze.broken")
        let summary = try project.run()
        XCTAssertEqual(summary.status, "failed")
        XCTAssertNotNil(summary.sources.first { $0.source == "broken" }?.failure)
        XCTAssertNil(summary.sources.first { $0.source == "customers" }?.failure)
        XCTAssertEqual(summary.status("silver.customers"), .success)
        XCTAssertEqual(summary.status("silver.broken"), .skipped)
        XCTAssertEqual(summary.outcome("silver.broken")?.message, "skipped: upstream bronze.broken failed")
    }
}
