import Foundation
import XCTest
import LodeCore
import LodeEngine
@testable import LodePipeline

/// Runs the demo project's models over generated sources and checks that their `.yml`
/// tests pass. Each model runs as a plain `CREATE OR REPLACE TABLE … AS` with its
/// DROP ROW and QUARANTINE rules applied as filters, which is enough to prove the SQL
/// and the checks; materializations are the runner's business.
final class DemoProjectTests: XCTestCase {
    private func projectDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lode-demo-project-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    private struct Demo {
        var root: String
        var generator: DemoGenerator
        var project: Project
        var store: MetadataStore
        var session: Session

        /// Ingests every source; returns the files loaded per source.
        func ingest(run: String) throws -> [String: [String]] {
            var loaded: [String: [String]] = [:]
            for source in project.config.sources {
                let result = try SourceIngestion(source: source, projectRoot: root, lakeRoot: project.config.lakeRoot, store: store,
                                                 runID: run).run()
                XCTAssertTrue(result.quarantinedFiles.isEmpty, "source \(source.name) rejected \(result.quarantinedFiles)")
                loaded[source.name] = result.filesLoaded
            }
            return loaded
        }

        func count(_ sql: String) throws -> Int {
            guard case .int(let n)? = try session.execute(sql).rows.first?.first else { return -1 }
            return Int(n)
        }

        func value(_ sql: String) throws -> Value { try session.execute(sql).rows.first?.first ?? .null }
    }

    /// Generates sources, writes the project, loads it and ingests every source.
    private func makeDemo(scale: Double, dayCount: Int = 30) throws -> Demo {
        let root = try projectDirectory()
        let generator = DemoGenerator(scale: scale, dayCount: dayCount)
        try generator.generate(into: root + "/sources")
        try DemoProject.write(to: root)
        let project = try Project.load(root: root, environment: [:])
        let demo = Demo(root: root, generator: generator, project: project, store: try MetadataStore(lakeRoot: project.config.lakeRoot),
                        session: try Session(lakeRoot: project.config.lakeRoot, options: SessionOptions(threads: 2)))
        let loaded = try demo.ingest(run: "run-1")
        for source in project.config.sources { XCTAssertFalse(loaded[source.name, default: []].isEmpty, source.name) }
        return demo
    }

    /// Builds every model in dependency order, applying its row rules; returns the rows
    /// each rule flagged, by `table.rule`.
    @discardableResult
    private func buildModels(_ demo: Demo) throws -> [String: Int] {
        var flagged: [String: Int] = [:]
        for model in demo.project.models {
            for rule in model.expectations {
                let failing = try demo.count(
                    "SELECT count(*) FROM (\(model.sql)) AS model_rows WHERE NOT coalesce((\(rule.condition)), false)")
                flagged["\(model.tableName).\(rule.name)"] = failing
                if rule.action == .fail { XCTAssertEqual(failing, 0, "\(model.tableName): FAIL rule \(rule.name)") }
            }
            let kept = model.expectations.filter { $0.action == .dropRow || $0.action == .quarantine }
                .map { "coalesce((\($0.condition)), false)" }
            var query = kept.isEmpty ? model.sql : "SELECT * FROM (\(model.sql)) AS model_rows WHERE \(kept.joined(separator: " AND "))"
            if case .scdType2 = model.kind {
                query = """
                    SELECT *, CAST(TIMESTAMP '2026-01-01 00:00:00' AS TIMESTAMP) AS valid_from, CAST(NULL AS TIMESTAMP) AS valid_to,
                    true AS is_current FROM (\(query)) AS current_rows
                    """
            }
            do { _ = try demo.session.execute("CREATE OR REPLACE TABLE \(model.tableName) AS \(query)") } catch {
                XCTFail("\(model.tableName): \(error)")
                throw error
            }
        }
        return flagged
    }

    /// Runs every model's checks; fails on an error-level failure or a check that cannot run,
    /// and returns the names of the checks that warned.
    private func runChecks(_ demo: Demo, history: [String: [Int]] = [:]) throws -> [String] {
        var warned: [String] = []
        for model in demo.project.models {
            guard let spec = model.spec else {
                XCTFail("\(model.tableName) has no spec")
                continue
            }
            for check in spec.checks {
                let result = check.evaluate(table: model.tableName, query: { try demo.session.execute($0).rows.first ?? [] },
                                            history: history[model.tableName] ?? [])
                switch result.status {
                case .pass: break
                case .warn: warned.append("\(model.tableName).\(check.name): \(result.message)")
                case .fail, .error: XCTFail("\(model.tableName).\(check.name) \(result.status.rawValue): \(result.message)")
                }
            }
        }
        return warned
    }

    func testModelsBuildAndTheirChecksPass() throws {
        let demo = try makeDemo(scale: 0.2)
        XCTAssertEqual(demo.project.models.map(\.layer).filter { $0 == "gold" }.count, 8)
        let flagged = try buildModels(demo)
        print("rules flagged:", flagged.filter { $0.value > 0 }.sorted { $0.key < $1.key })
        let warned = try runChecks(demo)
        print("checks warned (\(warned.count)):\n  " + warned.joined(separator: "\n  "))
        XCTAssertFalse(warned.isEmpty, "the dirty data trips some warnings")
        XCTAssertGreaterThan(flagged["silver.customers.usable_email", default: 0], 0, "blank and malformed emails")
        let unusableLines = flagged["silver.order_items.positive_quantity", default: 0]
            + flagged["silver.order_items.has_price", default: 0]
        XCTAssertGreaterThan(unusableLines, 0, "lines with a non-positive quantity or no price")
        XCTAssertEqual(try demo.count("SELECT count(*) FROM silver.order_items"),
                       try demo.count("SELECT count(DISTINCT order_item_id) FROM bronze.order_items") - unusableLines)

        for model in demo.project.models {
            XCTAssertGreaterThan(try demo.count("SELECT count(*) FROM \(model.tableName)"), 0, "\(model.tableName) is empty")
        }
        XCTAssertEqual(try demo.count("SELECT count(*) FROM gold.fact_orders"), try demo.count("SELECT count(*) FROM silver.order_items"))
        XCTAssertEqual(try demo.count("SELECT count(*) FROM silver.customers"),
                       try demo.count("SELECT count(DISTINCT contact_id) FROM bronze.crm_contacts"))
        XCTAssertEqual(try demo.count("SELECT count(*) FROM silver.web_events"),
                       try demo.count("SELECT count(DISTINCT event_id) FROM bronze.web_events"))
        XCTAssertEqual(try demo.value("SELECT sum(net_revenue_usd) FROM gold.daily_revenue"),
                       try demo.value("SELECT CAST(sum(net_amount_usd) AS DECIMAL(38, 2)) FROM gold.fact_orders WHERE is_revenue"))
        XCTAssertEqual(try demo.count("SELECT count(*) FROM gold.marketing_attribution"),
                       try demo.count("SELECT count(DISTINCT order_id) FROM gold.fact_orders"))
        XCTAssertGreaterThan(try demo.count("SELECT count(*) FROM gold.marketing_attribution WHERE attribution = 'last_touch'"), 0)
        XCTAssertEqual(try demo.count("SELECT count(DISTINCT currency) FROM gold.fact_orders"), 5)
    }

    func testChecksPassAtTheSmallestScale() throws {
        let demo = try makeDemo(scale: 0.1)
        try buildModels(demo)
        _ = try runChecks(demo)
    }

    func testANewDayOfSourcesLoadsOnlyItsFiles() throws {
        let demo = try makeDemo(scale: 0.1, dayCount: 10)
        try buildModels(demo)
        let linesBefore = try demo.count("SELECT count(*) FROM gold.fact_orders")
        let daysBefore = try demo.count("SELECT count(*) FROM gold.daily_revenue")
        // Three earlier runs of the same size, so volume anomaly checks judge the new day.
        var history: [String: [Int]] = [:]
        for model in demo.project.models where model.spec?.checks.contains(where: { $0.kind.name == "volume_anomaly" }) ?? false {
            history[model.tableName] = Array(repeating: try demo.count("SELECT count(*) FROM \(model.tableName)"), count: 3)
        }
        XCTAssertFalse(history.isEmpty)

        let files = try demo.generator.generateDay(10, into: demo.root + "/sources")
        let loaded = try demo.ingest(run: "run-2")
        XCTAssertEqual(loaded.values.map(\.count).reduce(0, +), files.count)
        XCTAssertEqual(loaded["orders"], ["sources/orders/orders_2026-01-11.csv"])
        XCTAssertEqual(loaded["crm_contacts"], [])
        try buildModels(demo)
        _ = try runChecks(demo, history: history)
        let newLines = files.first { $0.path.hasSuffix("order_items_2026-01-11.csv") }?.rows ?? 0
        XCTAssertGreaterThan(newLines, 0)
        XCTAssertEqual(try demo.count("SELECT count(*) FROM gold.fact_orders"), linesBefore + newLines, accuracy: 2,
                       "new lines minus quarantined ones")
        XCTAssertEqual(try demo.count("SELECT count(*) FROM gold.daily_revenue"), daysBefore + 1)
        XCTAssertGreaterThan(try demo.count("SELECT count(*) FROM silver.web_events WHERE event_date = DATE '2026-01-11'"), 0)
    }
}
