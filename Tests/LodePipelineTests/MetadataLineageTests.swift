import XCTest
import LodeCore
import LodeEngine
import LodePlan
import LodeSQL
@testable import LodePipeline

final class MetadataLineageTests: XCTestCase {
    var lake = ""

    override func setUpWithError() throws {
        lake = FileManager.default.temporaryDirectory.appendingPathComponent("lineage-\(UUID().uuidString)").path
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: lake) }

    /// bronze.orders, bronze.fx → silver.orders → gold.revenue; silver.orders → gold.customers.
    func filledStore() throws -> MetadataStore {
        let store = try MetadataStore(lakeRoot: lake)
        try store.replaceLineage(of: "silver.orders", edges: [
            LineageEdge(targetTable: "silver.orders", sourceTable: "bronze.orders"),
            LineageEdge(targetTable: "silver.orders", sourceTable: "bronze.fx"),
            LineageEdge(targetTable: "silver.orders", targetColumn: "id", sourceTable: "bronze.orders", sourceColumn: "order_id"),
            LineageEdge(targetTable: "silver.orders", targetColumn: "amount", sourceTable: "bronze.orders", sourceColumn: "amount"),
            LineageEdge(targetTable: "silver.orders", targetColumn: "amount", sourceTable: "bronze.fx", sourceColumn: "rate"),
            LineageEdge(targetTable: "silver.orders", targetColumn: "customer", sourceTable: "bronze.orders", sourceColumn: "customer"),
        ], runID: "r1")
        try store.replaceLineage(of: "gold.revenue", edges: [
            LineageEdge(targetTable: "gold.revenue", sourceTable: "silver.orders"),
            LineageEdge(targetTable: "gold.revenue", targetColumn: "revenue", sourceTable: "silver.orders", sourceColumn: "amount"),
        ], runID: "r1")
        try store.replaceLineage(of: "gold.customers", edges: [
            LineageEdge(targetTable: "gold.customers", sourceTable: "silver.orders"),
            LineageEdge(targetTable: "gold.customers", targetColumn: "customer", sourceTable: "silver.orders", sourceColumn: "customer"),
        ], runID: "r1")
        return store
    }

    func testTableLineageWalksUpstreamAndDownstreamTransitively() throws {
        let store = try filledStore()
        XCTAssertEqual(try store.lineage(of: "gold.revenue", direction: .upstream).map(\.description),
                       ["gold.revenue <- silver.orders", "silver.orders <- bronze.fx", "silver.orders <- bronze.orders"])
        XCTAssertEqual(try store.lineage(of: "gold.revenue", direction: .upstream, depth: 1).map(\.description),
                       ["gold.revenue <- silver.orders"])
        XCTAssertEqual(try store.lineage(of: "bronze.orders", direction: .downstream).map(\.description),
                       ["silver.orders <- bronze.orders", "gold.customers <- silver.orders", "gold.revenue <- silver.orders"])
        XCTAssertEqual(try store.lineage(of: "bronze.orders", direction: .upstream), [])
        XCTAssertEqual(try store.lineage(of: "gold.revenue", direction: .downstream), [])
        XCTAssertTrue(try store.lineage(of: "gold.revenue", direction: .upstream).allSatisfy(\.isTableLevel))
    }

    func testColumnLineageFollowsOnlyThatColumn() throws {
        let store = try filledStore()
        XCTAssertEqual(try store.lineage(of: "gold.revenue", column: "revenue", direction: .upstream).map(\.description),
                       ["gold.revenue.revenue <- silver.orders.amount", "silver.orders.amount <- bronze.fx.rate",
                        "silver.orders.amount <- bronze.orders.amount"])
        XCTAssertEqual(try store.lineage(of: "bronze.orders", column: "customer", direction: .downstream).map(\.description),
                       ["silver.orders.customer <- bronze.orders.customer", "gold.customers.customer <- silver.orders.customer"])
        XCTAssertEqual(try store.lineage(of: "bronze.orders", column: "order_id", direction: .downstream).map(\.description),
                       ["silver.orders.id <- bronze.orders.order_id"])
        XCTAssertEqual(try store.lineage(of: "gold.revenue", column: "nope", direction: .upstream), [])
    }

    func testTablesLinkedOnlyByColumnEdgesStillShowAtTableLevel() throws {
        let store = try MetadataStore(lakeRoot: lake)
        try store.replaceLineage(of: "gold.x", edges: [
            LineageEdge(targetTable: "gold.x", targetColumn: "a", sourceTable: "silver.y", sourceColumn: "a"),
            LineageEdge(targetTable: "gold.x", targetColumn: "b", sourceTable: "silver.y", sourceColumn: "b"),
        ], runID: "r1")
        XCTAssertEqual(try store.lineage(of: "gold.x", direction: .upstream), [LineageEdge(targetTable: "gold.x", sourceTable: "silver.y")])
    }

    func testAModelsEdgesAreReplacedWhole() throws {
        let store = try filledStore()
        try store.replaceLineage(of: "silver.orders", edges: [
            LineageEdge(targetTable: "silver.orders", sourceTable: "bronze.orders_v2"),
            LineageEdge(targetTable: "silver.orders", targetColumn: "amount", sourceTable: "bronze.orders_v2", sourceColumn: "total"),
        ], runID: "r2")
        XCTAssertEqual(try store.lineage(of: "silver.orders", direction: .upstream).map(\.sourceTable), ["bronze.orders_v2"])
        XCTAssertEqual(try store.lineage(of: "bronze.orders", direction: .downstream), [])
        XCTAssertEqual(try store.lineage(of: "gold.revenue", column: "revenue", direction: .upstream).map(\.description),
                       ["gold.revenue.revenue <- silver.orders.amount", "silver.orders.amount <- bronze.orders_v2.total"])
        XCTAssertEqual(try store.lineageTables(), ["bronze.orders_v2", "gold.customers", "gold.revenue", "silver.orders"])
    }

    func testCyclesEndTheWalk() throws {
        let store = try MetadataStore(lakeRoot: lake)
        try store.replaceLineage(of: "silver.a", edges: [LineageEdge(targetTable: "silver.a", sourceTable: "silver.b")], runID: "r1")
        try store.replaceLineage(of: "silver.b", edges: [LineageEdge(targetTable: "silver.b", sourceTable: "silver.a")], runID: "r1")
        XCTAssertEqual(try store.lineage(of: "silver.a", direction: .upstream).count, 2)
        XCTAssertEqual(try store.lineage(of: "silver.a", direction: .downstream).count, 2)
    }

    func testAModelsLineageIsRecordedFromItsQuery() throws {
        let store = try MetadataStore(lakeRoot: lake)
        let session = try Session(lakeRoot: lake)
        try session.execute("CREATE TABLE silver.orders AS SELECT 1 AS order_id, 7 AS customer_id, CAST(9.5 AS DECIMAL(10,2)) AS amount")
        try session.execute("CREATE TABLE silver.customers AS SELECT 7 AS customer_id, 'smb' AS segment")
        let model = try ModelFileParser.parse("""
            MODEL (kind FULL);
            SELECT c.segment, sum(o.amount) AS revenue FROM silver.orders o JOIN silver.customers c USING (customer_id) GROUP BY 1
            """, file: "models/gold/segments.sql", layer: "gold", name: "segments")
        try store.recordLineage(of: model, catalog: session.catalog, runID: "r1")
        XCTAssertEqual(try store.lineage(of: "gold.segments", column: "revenue", direction: .upstream).map(\.description),
                       ["gold.segments.revenue <- silver.orders.amount"])
        XCTAssertEqual(try store.lineage(of: "gold.segments", direction: .upstream).map(\.sourceTable), ["silver.customers", "silver.orders"])

        let broken = try ModelFileParser.parse("SELECT nope FROM silver.orders", file: "models/gold/broken.sql", layer: "gold", name: "broken")
        XCTAssertThrowsError(try store.recordLineage(of: broken, catalog: session.catalog, runID: "r1")) { error in
            XCTAssertTrue("\(error)".hasPrefix("models/gold/broken.sql: cannot trace the lineage of gold.broken"), "\(error)")
        }
    }

    func testColumnLineageOfAJoinAndAnAggregateBecomesEdges() throws {
        let catalog = SchemaOnlyCatalog(tables: [
            "silver.orders": [Field("order_id", .int64), Field("customer_id", .int64), Field("amount", .float64)],
            "silver.customers": [Field("customer_id", .int64), Field("segment", .string)],
        ])
        let statement = try SQL.parseStatement("""
            SELECT c.segment, sum(o.amount) AS revenue, count(*) AS orders
            FROM silver.orders o JOIN silver.customers c ON c.customer_id = o.customer_id
            GROUP BY c.segment
            """)
        guard case .query(let query) = statement else { return XCTFail("not a query") }
        let plan = try Binder(catalog: catalog).bind(query)
        let edges = ColumnLineage(plan: plan).edges(target: "gold.segments")
        XCTAssertEqual(edges.map(\.description), [
            "gold.segments <- silver.customers", "gold.segments <- silver.orders",
            "gold.segments.segment <- silver.customers.segment", "gold.segments.revenue <- silver.orders.amount",
        ])
        let store = try MetadataStore(lakeRoot: lake)
        try store.replaceLineage(of: "gold.segments", edges: edges, runID: "r1")
        XCTAssertEqual(try store.lineage(of: "silver.orders", column: "amount", direction: .downstream).map(\.targetColumn), ["revenue"])
        XCTAssertEqual(try store.lineage(of: "gold.segments", direction: .upstream).map(\.sourceTable),
                       ["silver.customers", "silver.orders"])
    }
}

/// Tables known by their schemas only; binding never scans them.
private struct SchemaOnlyCatalog: Catalog {
    let tables: [String: [Field]]

    func table(_ name: [String], version: TableVersion?) throws -> (any TableSource)? {
        let key = name.joined(separator: ".")
        return tables[key].map { SchemaOnlyTable(displayName: key, schema: Schema($0)) }
    }

    func tableFunction(_ name: String, positional: [Value], named: [String: Value]) throws -> (any TableSource)? { nil }
}

private final class SchemaOnlyTable: TableSource, @unchecked Sendable {
    let displayName: String
    let schema: Schema
    var estimatedRowCount: Int? { nil }

    init(displayName: String, schema: Schema) {
        self.displayName = displayName
        self.schema = schema
    }

    func scan(_ request: ScanRequest) throws -> [any BatchStream] { [] }
}
