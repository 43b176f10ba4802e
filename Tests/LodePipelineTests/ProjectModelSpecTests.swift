import Foundation
import XCTest
@testable import LodePipeline

/// `Project.load` reads the `.yml` spec next to each model's `.sql`.
final class ProjectModelSpecTests: XCTestCase {
    private func project(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lode-spec-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: root) }
        for (path, text) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    func testEachModelCarriesTheSpecBesideIt() throws {
        let root = try project([
            "lode.yml": "name: shop\nsources:\n  orders: {format: csv, path: sources/*.csv}\n",
            "models/silver/orders.sql": "SELECT order_id, email FROM bronze.orders",
            "models/silver/orders.yml": """
                description: Orders.
                columns:
                  order_id:
                    tests: [not_null, unique]
                  email:
                    tags: [pii]
                tests:
                  - row_count: {min: 1}
                """,
            "models/gold/revenue.sql": "SELECT count(*) AS n FROM silver.orders",
        ])
        let models = try Project.load(root: root, environment: [:]).models
        XCTAssertEqual(models.map(\.tableName), ["silver.orders", "gold.revenue"])
        let spec = try XCTUnwrap(models[0].spec)
        XCTAssertEqual(spec.description, "Orders.")
        XCTAssertEqual(spec.columns(tagged: "pii"), ["email"])
        XCTAssertEqual(spec.checks.map(\.name), ["not_null_order_id", "unique_order_id", "row_count"])
        XCTAssertNil(models[1].spec, "a model without a .yml has no spec")
    }

    func testAnInvalidSpecNamesItsFile() throws {
        let root = try project([
            "lode.yml": "name: shop\n",
            "models/silver/orders.sql": "SELECT 1 AS order_id",
            "models/silver/orders.yml": "columns:\n  order_id:\n    tests: [not_nul]\n",
        ])
        XCTAssertThrowsError(try Project.load(root: root, environment: [:])) { error in
            let error = error as? PipelineError
            XCTAssertEqual(error?.kind, .config)
            XCTAssertTrue(error?.file?.hasSuffix("models/silver/orders.yml") ?? false, "\(String(describing: error))")
            XCTAssertTrue(error?.message.contains("not_null") ?? false, "\(String(describing: error))")
        }
    }

    func testTheDemoProjectLoadsWithASpecForEveryModel() throws {
        let root = try project(DemoProject.files)
        let loaded = try Project.load(root: root, environment: [:])
        XCTAssertEqual(loaded.config.sources.count, 9)
        XCTAssertEqual(loaded.models.count, 17)
        for model in loaded.models { XCTAssertNotNil(model.spec, model.tableName) }
        let piiColumns = loaded.models.first { $0.tableName == "gold.dim_customers" }?.spec?.columns(tagged: "pii") ?? []
        XCTAssertEqual(Set(piiColumns), ["first_name", "last_name", "full_name", "email", "phone"])
        XCTAssertEqual(loaded.models.first { $0.tableName == "gold.dim_customers" }?.kind,
                       .scdType2(uniqueKey: ["customer_id"], updatedAt: nil, columns: ["segment"]))
        let checkKinds = Set(loaded.models.flatMap { $0.spec?.checks ?? [] }.map(\.kind.name))
        XCTAssertEqual(checkKinds, ["not_null", "unique", "accepted_values", "relationships", "row_count", "null_percentage",
                                    "freshness", "volume_anomaly", "sql"])
        let actions = Set(loaded.models.flatMap(\.expectations).map(\.action))
        XCTAssertEqual(actions, [.warn, .dropRow, .quarantine, .fail])
    }
}
