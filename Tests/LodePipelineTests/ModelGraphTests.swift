import XCTest
@testable import LodePipeline

final class ModelGraphTests: XCTestCase {
    func model(_ table: String, _ sql: String, tags: String = "") throws -> ModelDefinition {
        let parts = table.split(separator: ".").map(String.init)
        let block = tags.isEmpty ? "" : "MODEL (tags (\(tags)));\n"
        return try ModelFileParser.parse(block + sql, file: "models/\(parts[0])/\(parts[1]).sql", layer: parts[0], name: parts[1])
    }

    func shop() throws -> [ModelDefinition] {
        let sources = [SourceConfig(name: "orders", format: .csv, path: "o.csv"), SourceConfig(name: "customers", format: .csv, path: "c.csv")]
        return try ModelGraph.ordered([
            try model("gold.revenue", "SELECT sum(amount) FROM silver.orders o JOIN silver.customers c ON o.cid = c.id"),
            try model("silver.orders", "SELECT * FROM bronze.orders"),
            try model("silver.customers", "SELECT * FROM bronze.customers", tags: "pii"),
            try model("gold.segments", "SELECT segment, count(*) FROM silver.customers GROUP BY 1", tags: "pii"),
        ], sources: sources)
    }

    func testModelsComeAfterWhatTheyRead() throws {
        let order = try shop().map(\.tableName)
        XCTAssertLessThan(order.firstIndex(of: "silver.orders")!, order.firstIndex(of: "gold.revenue")!)
        XCTAssertLessThan(order.firstIndex(of: "silver.customers")!, order.firstIndex(of: "gold.revenue")!)
        XCTAssertLessThan(order.firstIndex(of: "silver.customers")!, order.firstIndex(of: "gold.segments")!)
    }

    func testSelectorsPickUpstreamDownstreamLayersAndTags() throws {
        let models = try shop()
        XCTAssertEqual(Set(try ModelSelector.select(["+revenue"], from: models)), ["gold.revenue", "silver.orders", "silver.customers"])
        XCTAssertEqual(Set(try ModelSelector.select(["silver.customers+"], from: models)), ["silver.customers", "gold.revenue", "gold.segments"])
        XCTAssertEqual(Set(try ModelSelector.select(["layer:gold"], from: models)), ["gold.revenue", "gold.segments"])
        XCTAssertEqual(Set(try ModelSelector.select(["tag:pii"], from: models)), ["silver.customers", "gold.segments"])
        XCTAssertEqual(Set(try ModelSelector.select(["orders,segments"], from: models)), ["silver.orders", "gold.segments"])
        XCTAssertEqual(try ModelSelector.select([], from: models).count, 4)
        XCTAssertThrowsError(try ModelSelector.select(["revenu"], from: models)) { XCTAssertTrue("\($0)".contains("did you mean revenue?"), "\($0)") }
        XCTAssertThrowsError(try ModelSelector.select(["owner:x"], from: models)) { XCTAssertTrue("\($0)".contains("unknown selector method 'owner'"), "\($0)") }
    }

    func testUnknownTablesAndCyclesAreReported() throws {
        XCTAssertThrowsError(try ModelGraph.ordered([try model("silver.a", "SELECT * FROM bronze.ordrs")],
                                                    sources: [SourceConfig(name: "orders", format: .csv, path: "o.csv")])) {
            XCTAssertTrue("\($0)".contains("did you mean bronze.orders?"), "\($0)")
        }
        XCTAssertThrowsError(try ModelGraph.ordered([try model("silver.a", "SELECT * FROM silver.b"),
                                                     try model("silver.b", "SELECT * FROM silver.a")], sources: [])) {
            XCTAssertTrue("\($0)".contains("cycle: silver.a → silver.b → silver.a"), "\($0)")
        }
    }
}
