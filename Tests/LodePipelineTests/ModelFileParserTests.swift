import XCTest
@testable import LodePipeline

final class ModelFileParserTests: XCTestCase {
    func parse(_ text: String, layer: String = "silver", name: String = "orders") throws -> ModelDefinition {
        try ModelFileParser.parse(text, file: "models/\(layer)/\(name).sql", layer: layer, name: name)
    }

    func testReadsModelBlockExpectationsAndDependencies() throws {
        let model = try parse("""
        -- Orders, cleaned
        MODEL (
          kind INCREMENTAL_BY_UNIQUE_KEY (unique_key (order_id)),
          tags (finance, pii),
          partitioned_by order_date,
          cron '@daily'
        );

        EXPECT positive_amount (amount >= 0) ON VIOLATION QUARANTINE;
        EXPECT (customer_id IS NOT NULL) ON VIOLATION DROP ROW;

        WITH recent AS (SELECT * FROM bronze.orders WHERE _ingested_at > now() - INTERVAL '1' DAY)
        SELECT r.order_id, r.amount, c.segment
        FROM recent r JOIN silver.customers c ON c.id = r.customer_id
        WHERE r.order_id IN (SELECT order_id FROM bronze.order_items)
        """)
        XCTAssertEqual(model.tableName, "silver.orders")
        XCTAssertEqual(model.kind, .incrementalByUniqueKey(uniqueKey: ["order_id"]))
        XCTAssertEqual(model.tags, ["finance", "pii"])
        XCTAssertEqual(model.partitionedBy, ["order_date"])
        XCTAssertEqual(model.cron, "@daily")
        XCTAssertEqual(model.expectations.map(\.name), ["positive_amount", "expectation_2"])
        XCTAssertEqual(model.expectations.map(\.action), [.quarantine, .dropRow])
        XCTAssertEqual(model.expectations.map(\.line), [9, 10])
        XCTAssertEqual(model.expectations[0].condition, "amount >= 0")
        XCTAssertEqual(model.dependencies, ["bronze.order_items", "bronze.orders", "silver.customers"])
        XCTAssertTrue(model.sql.hasPrefix("-- Orders, cleaned") && model.sql.contains("WITH recent AS") && !model.sql.contains("EXPECT"))
    }

    func testEveryKindAndItsOptions() throws {
        func kind(_ text: String) throws -> MaterializationKind {
            try parse("MODEL (kind \(text));\nSELECT 1 AS x").kind
        }
        XCTAssertEqual(try kind("FULL"), .full)
        XCTAssertEqual(try kind("view"), .view)
        XCTAssertEqual(try kind("APPEND"), .append)
        XCTAssertEqual(try kind("INCREMENTAL_BY_TIME_RANGE (time_column event_date, lookback 3)"),
                       .incrementalByTimeRange(timeColumn: "event_date", lookback: 3))
        XCTAssertEqual(try kind("SCD_TYPE_2_BY_TIME (unique_key customer_id, updated_at updated_at)"),
                       .scdType2(uniqueKey: ["customer_id"], updatedAt: "updated_at", columns: []))
        XCTAssertEqual(try kind("SCD_TYPE_2_BY_COLUMN (unique_key (a, b), columns (segment, email))"),
                       .scdType2(uniqueKey: ["a", "b"], updatedAt: nil, columns: ["segment", "email"]))
        XCTAssertEqual(try parse("SELECT 1 AS x").kind, .full)
    }

    func testIncrementalInputsDefaultByKindOrFollowNewRowsFrom() throws {
        let sql = "SELECT o.id, c.name FROM bronze.orders o JOIN silver.customers c ON c.id = o.customer_id"
        XCTAssertEqual(try parse("MODEL (kind APPEND);\n" + sql).incrementalInputs, ["bronze.orders", "silver.customers"])
        XCTAssertEqual(try parse("MODEL (kind INCREMENTAL_BY_UNIQUE_KEY (unique_key id));\n" + sql).incrementalInputs, [])
        XCTAssertEqual(try parse("MODEL (kind APPEND, new_rows_from (bronze.orders));\n" + sql).incrementalInputs, ["bronze.orders"])
        XCTAssertThrowsError(try parse("MODEL (kind APPEND,\n new_rows_from bronze.order);\n" + sql)) { error in
            XCTAssertTrue("\(error)".contains("new_rows_from names bronze.order, which the query does not read"), "\(error)")
            XCTAssertEqual((error as? PipelineError)?.line, 2)
        }
    }

    func testErrorsNameTheFileLineAndSuggest() {
        func assertError(_ text: String, _ expected: String, line: Int, file: StaticString = #filePath, testLine: UInt = #line) {
            XCTAssertThrowsError(try parse(text), file: file, line: testLine) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error)", file: file, line: testLine)
                XCTAssertEqual((error as? PipelineError)?.line, line, "\(error)", file: file, line: testLine)
                XCTAssertTrue("\(error)".hasPrefix("models/silver/orders.sql:"), "\(error)", file: file, line: testLine)
            }
        }
        assertError("MODEL (\n  kind FULL,\n  tgs (a)\n);\nSELECT 1", "unknown MODEL key 'tgs'; did you mean 'tags'?", line: 3)
        assertError("MODEL (kind INCREMENTAL_BY_UNIQUE_KEYS (unique_key id));\nSELECT 1", "did you mean incremental_by_unique_key?", line: 1)
        assertError("MODEL (kind INCREMENTAL_BY_UNIQUE_KEY (uniqe_key id));\nSELECT 1", "did you mean unique_key?", line: 1)
        assertError("MODEL (kind INCREMENTAL_BY_UNIQUE_KEY);\nSELECT 1", "needs (unique_key ...)", line: 1)
        assertError("MODEL (kind INCREMENTAL_BY_UNIQUE_KEY (unique_key ()));\nSELECT 1", "'unique_key' takes a column or a list of columns", line: 1)
        assertError("MODEL (kind FULL);\n\nSELECT a FROM\n  WHERE", "syntax error", line: 4)
        assertError("EXPECT (a > ) ON VIOLATION WARN;\nSELECT 1", "in EXPECT expectation_1", line: 1)
        assertError("\nEXPECT (a > 0) ON VIOLATION EXPLODE;\nSELECT 1", "ON VIOLATION WARN | DROP ROW | QUARANTINE | FAIL", line: 2)
        assertError("SELECT 1; SELECT 2", "exactly one SELECT", line: 1)
        assertError("MODEL (kind FULL", "unclosed '('", line: 1)
    }
}
