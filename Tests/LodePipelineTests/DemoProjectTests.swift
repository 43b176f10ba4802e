import Foundation
import XCTest
import LodeCore
import LodeEngine
@testable import LodePipeline

/// The demo project built by the runner over generated sources: every model publishes,
/// no check fails, the gold tables agree with each other, a second build does nothing,
/// and a new day of sources flows through alone.
final class DemoProjectTests: XCTestCase {
    private struct Demo {
        var folder: DemoFolder
        var session: Session

        func build(_ clock: Date) throws -> RunSummary {
            let project = try Project.load(root: folder.directory, environment: [:])
            return try PipelineRunner(project: project, options: RunOptions(command: .build, threads: 2, clock: { clock })).run()
        }

        func count(_ sql: String) throws -> Int {
            guard case .int(let n)? = try session.execute(sql).rows.first?.first else { return -1 }
            return Int(n)
        }

        func value(_ sql: String) throws -> Value { try session.execute(sql).rows.first?.first ?? .null }
    }

    private func makeDemo(scale: Double, dayCount: Int = 30) throws -> Demo {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lode-demo-project-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        let folder = DemoFolder(directory: dir)
        try folder.create(DemoGenerator(scale: scale, dayCount: dayCount))
        try FileManager.default.createDirectory(atPath: dir + "/lake", withIntermediateDirectories: true)
        return Demo(folder: folder, session: try Session(lakeRoot: dir + "/lake", options: SessionOptions(threads: 2)))
    }

    private func assertNothingFailed(_ summary: RunSummary, file: StaticString = #filePath, line: UInt = #line) {
        for model in summary.models where model.status == .failed || model.status == .skipped {
            XCTFail("\(model.model) \(model.status.rawValue): \(model.message ?? "")", file: file, line: line)
        }
        for model in summary.models {
            for check in model.checks where check.status == .fail || check.status == .error {
                XCTFail("\(model.model).\(check.check.name) \(check.status.rawValue): \(check.message)", file: file, line: line)
            }
        }
    }

    func testTheDemoBuildsAndItsGoldTablesAgree() throws {
        let demo = try makeDemo(scale: 0.2)
        let summary = try demo.build(Date())
        assertNothingFailed(summary)
        XCTAssertEqual(summary.models.count, 17)
        XCTAssertEqual(summary.models.filter { $0.model.hasPrefix("gold.") }.count, 8)
        XCTAssertGreaterThan(summary.checkCounts.warned, 0, "the dirty data trips some warnings")
        let customers = try XCTUnwrap(summary.outcome("silver.customers"))
        XCTAssertGreaterThan(customers.checks.first { $0.check.name == "usable_email" }?.failingRows ?? 0, 0, "blank and malformed emails")
        let quarantined = try XCTUnwrap(summary.outcome("silver.order_items")).rowsQuarantined
        XCTAssertGreaterThan(quarantined, 0, "lines with a non-positive quantity or no price")
        XCTAssertEqual(try demo.count("SELECT count(*) FROM silver.order_items__quarantine"), quarantined)

        XCTAssertEqual(try demo.count("SELECT count(*) FROM silver.order_items"),
                       try demo.count("SELECT count(DISTINCT order_item_id) FROM bronze.order_items") - quarantined)
        for model in summary.models {
            XCTAssertGreaterThan(try demo.count("SELECT count(*) FROM \(model.model)"), 0, "\(model.model) is empty")
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
        XCTAssertEqual(try demo.count("SELECT count(*) FROM gold.dim_customers WHERE NOT is_current"), 0)
        let lineage = try MetadataStore(lakeRoot: demo.folder.directory + "/lake")
            .lineage(of: "gold.fact_orders", column: "net_amount_usd", direction: .upstream)
        XCTAssertTrue(lineage.contains { $0.sourceTable == "bronze.order_items" }, "\(lineage)")
    }

    func testASecondBuildDoesNothingAndANewDayFlowsThroughAlone() throws {
        let demo = try makeDemo(scale: 0.1, dayCount: 10)
        var clock = Date()
        assertNothingFailed(try demo.build(clock))
        let linesBefore = try demo.count("SELECT count(*) FROM gold.fact_orders")
        let daysBefore = try demo.count("SELECT count(*) FROM gold.daily_revenue")

        clock += 60
        let again = try demo.build(clock)
        XCTAssertEqual(Set(again.models.map(\.status)), [.unchanged])
        XCTAssertEqual(again.sources.map(\.filesLoaded).reduce(0, +), 0)

        let added = try demo.folder.addDay()
        XCTAssertEqual(added.day, "2026-01-11")
        clock += 60
        let next = try demo.build(clock)
        assertNothingFailed(next)
        XCTAssertEqual(next.sources.map(\.filesLoaded).reduce(0, +), added.files.count)
        XCTAssertEqual(next.sources.first { $0.source == "orders" }?.filesLoaded, 1)
        XCTAssertEqual(next.sources.first { $0.source == "crm_contacts" }?.filesLoaded, 0)
        XCTAssertEqual(next.status("silver.customers"), .unchanged)
        XCTAssertEqual(next.status("gold.dim_customers"), .unchanged)
        let newLines = added.files.first { $0.path.hasSuffix("order_items_2026-01-11.csv") }?.rows ?? 0
        XCTAssertGreaterThan(newLines, 0)
        XCTAssertEqual(next.outcome("silver.order_items")?.rowsWritten ?? 0 + (next.outcome("silver.order_items")?.rowsQuarantined ?? 0),
                       newLines, accuracy: 2)
        XCTAssertEqual(try demo.count("SELECT count(*) FROM gold.fact_orders"), linesBefore + newLines, accuracy: 2,
                       "new lines minus quarantined ones")
        XCTAssertEqual(try demo.count("SELECT count(*) FROM gold.daily_revenue"), daysBefore + 1)
        XCTAssertGreaterThan(try demo.count("SELECT count(*) FROM silver.web_events WHERE event_date = DATE '2026-01-11'"), 0)

        // Two more days: the volume anomaly checks now have enough earlier runs to judge.
        for _ in 0..<2 {
            try demo.folder.addDay()
            clock += 60
            assertNothingFailed(try demo.build(clock))
        }
    }
}
