import XCTest
import LodeEngine
import LodePlan
import LodeSQL
@testable import LodePipeline

final class ColumnLineageTests: XCTestCase {
    func lineage(_ sql: String) throws -> ColumnLineage {
        let lake = NSTemporaryDirectory() + "lode-lineage-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: lake, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: lake) }
        let session = try Session(lakeRoot: lake)
        try session.execute("CREATE TABLE silver.orders AS SELECT 1 AS order_id, 7 AS customer_id, CAST(9.5 AS DECIMAL(10,2)) AS amount, 'EUR' AS currency")
        try session.execute("CREATE TABLE silver.customers AS SELECT 7 AS customer_id, 'Ann' AS name, 'smb' AS segment")
        try session.execute("CREATE TABLE silver.fx AS SELECT 'EUR' AS currency, 1.1 AS rate")
        guard case .query(let query) = try SQL.parseStatement(sql) else { throw XCTSkip("not a query") }
        return ColumnLineage(plan: try Binder(catalog: session.catalog).bind(query))
    }

    func sources(_ lineage: ColumnLineage, _ column: String) -> [String] {
        (lineage.columns.first { $0.name == column }?.sources ?? []).sorted().map(\.description)
    }

    func testJoinAndAggregateTraceEveryOutputColumnToItsSources() throws {
        let result = try lineage("""
            WITH converted AS (
              SELECT o.customer_id, o.amount * f.rate AS amount_usd FROM silver.orders o JOIN silver.fx f ON f.currency = o.currency
            )
            SELECT c.segment, upper(c.name) AS customer, sum(amount_usd) AS revenue, count(*) AS orders
            FROM converted JOIN silver.customers c USING (customer_id)
            GROUP BY c.segment, upper(c.name)
            """)
        XCTAssertEqual(result.columns.map(\.name), ["segment", "customer", "revenue", "orders"])
        XCTAssertEqual(sources(result, "segment"), ["silver.customers.segment"])
        XCTAssertEqual(sources(result, "customer"), ["silver.customers.name"])
        XCTAssertEqual(sources(result, "revenue"), ["silver.fx.rate", "silver.orders.amount"])
        XCTAssertEqual(sources(result, "orders"), [], "count(*) reads no column")
        XCTAssertEqual(result.tables.sorted(), ["silver.customers", "silver.fx", "silver.orders"])
    }

    func testUnionsWindowsAndScalarSubqueriesCombineTheirSources() throws {
        let result = try lineage("""
            SELECT customer_id AS id, sum(amount) OVER (PARTITION BY currency) AS running,
                   (SELECT max(rate) FROM silver.fx) AS top_rate
            FROM silver.orders
            UNION ALL
            SELECT customer_id, 0, 0 FROM silver.customers
            """)
        XCTAssertEqual(sources(result, "id"), ["silver.customers.customer_id", "silver.orders.customer_id"])
        XCTAssertEqual(sources(result, "running"), ["silver.orders.amount"])
        XCTAssertEqual(sources(result, "top_rate"), ["silver.fx.rate"])
    }
}
