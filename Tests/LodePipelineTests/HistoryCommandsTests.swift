import XCTest
import LodeCore
@testable import LodePipeline

/// `lode runs`, `lode checks`, `lode lineage` and `lode init`, run as the built `lode`
/// executable over a catalog filled through ``MetadataStore``.
final class HistoryCommandsTests: XCTestCase {
    var project = ""
    var run1 = ""
    var run2 = ""

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `LODE_BIN`, else the `lode` built next to the test bundle.
    static func executable() throws -> String {
        if let path = ProcessInfo.processInfo.environment["LODE_BIN"] { return path }
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [products, products.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("lode").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw XCTSkip("no lode executable next to \(products.path): build it (swift build --product lode) or set LODE_BIN")
    }

    func ok(_ arguments: String..., file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let output = try lodeArguments(arguments)
        XCTAssertEqual(output.status, 0, "lode \(arguments.joined(separator: " ")): \(output.stderr)", file: file, line: line)
        return output.stdout
    }

    func lodeArguments(_ arguments: [String], in directory: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Self.executable())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? project)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Asserts `lode arguments` fails with exit status 1 and one line on standard error holding `message`.
    func fails(_ arguments: [String], in directory: String? = nil, mentioning message: String,
               file: StaticString = #filePath, line: UInt = #line) throws {
        let output = try lodeArguments(arguments, in: directory)
        XCTAssertEqual(output.status, 1, "\(output.stdout)\(output.stderr)", file: file, line: line)
        XCTAssertTrue(output.stderr.contains(message), output.stderr, file: file, line: line)
        XCTAssertEqual(output.stderr.split(separator: "\n").count, 1, output.stderr, file: file, line: line)
    }

    override func setUpWithError() throws {
        _ = try Self.executable()
        project = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        try "name: shop\nlake: data/lake\n".write(toFile: project + "/lode.yml", atomically: true, encoding: .utf8)
        let store = try MetadataStore(lakeRoot: project + "/data/lake")

        let first = try store.beginRun(command: "run", selector: "", clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        try store.record(ModelRunRecord(runID: first.id, model: "silver.orders", status: "success", rowsWritten: 1_200,
                                        rowsTotal: 1_200, startedAt: 1_800_000_001, duration: 0.5))
        try store.record(checks: [
            CheckResult(check: QualityCheck(kind: .rowCount(min: 1, max: nil)), status: .pass, failingRows: 0, message: ""),
        ], model: "silver.orders", runID: first.id, at: Date(timeIntervalSince1970: 1_800_000_002))
        try store.finishRun(first.id, status: "success", at: Date(timeIntervalSince1970: 1_800_000_002))

        let second = try store.beginRun(command: "build", selector: "+gold.revenue",
                                        clock: { Date(timeIntervalSince1970: 1_800_086_400) })
        try store.record(ModelRunRecord(runID: second.id, model: "silver.orders", status: "warned", rowsWritten: 300,
                                        rowsTotal: 1_500, rowsDropped: 2, rowsQuarantined: 4, qualityScore: 87.5,
                                        startedAt: 1_800_086_401, duration: 1.25))
        try store.record(ModelRunRecord(runID: second.id, model: "gold.revenue", status: "failed", startedAt: 1_800_086_403,
                                        duration: 0.75, message: "check unique_day failed: 3 duplicate days"))
        try store.record(ModelRunRecord(runID: second.id, model: "gold.customers", status: "skipped", startedAt: 1_800_086_404,
                                        duration: 0, message: "gold.revenue failed"))
        try store.record(checks: [
            CheckResult(check: QualityCheck(kind: .notNull, column: "order_id"), status: .pass, failingRows: 0, message: ""),
            CheckResult(check: QualityCheck(kind: .acceptedValues(["placed"]), column: "status", severity: .warn), status: .warn,
                        failingRows: 7, message: "7 rows hold other values"),
        ], model: "silver.orders", runID: second.id, at: Date(timeIntervalSince1970: 1_800_086_402))
        try store.record(checks: [
            CheckResult(check: QualityCheck(name: "unique_day", kind: .unique, column: "day"), status: .fail, failingRows: 3,
                        message: "3 duplicate days"),
        ], model: "gold.revenue", runID: second.id, at: Date(timeIntervalSince1970: 1_800_086_404))
        try store.recordIngested([
            IngestedFile(source: "orders", path: "sources/orders/a.csv", size: 10, modifiedAt: 1, runID: second.id, rows: 200),
            IngestedFile(source: "orders", path: "sources/orders/b.csv", size: 10, modifiedAt: 1, runID: second.id, rows: 100,
                         badRows: 3),
        ])
        try store.finishRun(second.id, status: "failed", at: Date(timeIntervalSince1970: 1_800_086_405))

        try store.replaceLineage(of: "silver.orders", edges: [
            LineageEdge(targetTable: "silver.orders", sourceTable: "bronze.orders"),
            LineageEdge(targetTable: "silver.orders", sourceTable: "bronze.fx"),
            LineageEdge(targetTable: "silver.orders", targetColumn: "amount", sourceTable: "bronze.orders", sourceColumn: "amount"),
            LineageEdge(targetTable: "silver.orders", targetColumn: "amount", sourceTable: "bronze.fx", sourceColumn: "rate"),
        ], runID: second.id)
        try store.replaceLineage(of: "gold.revenue", edges: [
            LineageEdge(targetTable: "gold.revenue", sourceTable: "silver.orders"),
            LineageEdge(targetTable: "gold.revenue", targetColumn: "revenue", sourceTable: "silver.orders", sourceColumn: "amount"),
        ], runID: second.id)
        run1 = first.id
        run2 = second.id
    }

    override func tearDownWithError() throws {
        if !project.isEmpty { try? FileManager.default.removeItem(atPath: project) }
    }

    func testRunsListsTheLatestRunsFirstWithModelCounts() throws {
        let text = try ok("runs")
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, text)
        XCTAssertTrue(lines[0].hasPrefix("run ") && lines[0].contains("status") && lines[0].contains("results"), text)
        XCTAssertTrue(lines[2].hasPrefix(run2) && lines[2].contains("build") && lines[2].contains("+gold.revenue")
                      && lines[2].contains("5.0 s") && lines[2].contains("failed")
                      && lines[2].contains("1 warned, 1 failed, 1 skipped"), text)
        XCTAssertTrue(lines[3].hasPrefix(run1) && lines[3].contains("1 success"), text)
        XCTAssertEqual(try ok("runs", "--limit", "1").split(separator: "\n").count, 3)
        XCTAssertEqual(try ok("runs", "--project", project, "--limit", "1"), try ok("runs", "--limit", "1"))

        let json = try ok("runs", "--format", "json").split(separator: "\n").map { try JSONValue.parse(String($0)) }
        XCTAssertEqual(json.map { $0["id"]?.stringValue }, [run2, run1])
        XCTAssertEqual(json[0]["models"]?["failed"]?.int64Value, 1)
        XCTAssertEqual(json[0]["seconds"]?.doubleValue, 5)
    }

    func testRunsShowsOneRunsModelResultsAndTotals() throws {
        let text = try ok("runs", String(run2.prefix(15)))
        XCTAssertTrue(text.contains("Run \(run2): build --select +gold.revenue"), text)
        let silver = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("silver.orders") }, text)
        XCTAssertEqual(silver.split(separator: " ").map(String.init),
                       ["silver.orders", "warned", "300", "1,500", "2", "4", "1", "1", "0", "87.5", "1.2"])
        XCTAssertTrue(text.contains("gold.revenue failed: check unique_day failed: 3 duplicate days"), text)
        XCTAssertTrue(text.contains("gold.customers skipped: gold.revenue failed"), text)
        let source = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("bronze.orders") }, text)
        XCTAssertEqual(source.split(separator: " ").map(String.init), ["bronze.orders", "2", "-", "-", "300", "3", "-"])
        XCTAssertTrue(text.contains("checks  1 passed, 1 warned, 1 failed"), text)
        XCTAssertTrue(text.contains("tables  2 (1 source, 1 model, 1 failed, 1 skipped)"), text)
        XCTAssertTrue(text.contains("rows    600 written"), text)

        let json = try ok("runs", run2, "--format", "json").split(separator: "\n").map { try JSONValue.parse(String($0)) }
        XCTAssertEqual(json.map { $0["model"]?.stringValue }, ["silver.orders", "gold.revenue", "gold.customers"])
        XCTAssertEqual(json[0]["checks"]?["warned"]?.int64Value, 1)
    }

    func testChecksListsResultsAndFilters() throws {
        let latest = try ok("checks")
        XCTAssertTrue(latest.hasPrefix("Checks of run \(run2) (build, started "), latest)
        XCTAssertTrue(latest.contains("unique_day") && latest.contains("not_null_order_id") && latest.contains("accepted_values_status")
                      && !latest.contains("row_count"), latest)
        XCTAssertTrue(latest.contains("3 checks: 1 passed, 1 warned, 1 failed"), latest)
        let all = try ok("checks", "--all")
        XCTAssertTrue(all.contains("row_count") && all.contains("4 checks: 2 passed, 1 warned, 1 failed"), all)
        let failed = try ok("checks", "--failed")
        XCTAssertTrue(failed.contains("unique_day") && !failed.contains("not_null_order_id"), failed)
        XCTAssertTrue(failed.contains("3 duplicate days"), failed)
        let model = try ok("checks", "--model", "silver.orders", "--run", run2)
        XCTAssertTrue(model.contains("2 checks") && !model.contains("unique_day"), model)
        XCTAssertTrue(try ok("checks", "--model", "silver.orders").contains("3 checks"), "--model alone spans runs")
        XCTAssertTrue(try ok("checks", "--run", run1, "--failed").contains("No failed check results in run \(run1)"))

        let json = try ok("checks", "--format", "json").split(separator: "\n").map { try JSONValue.parse(String($0)) }
        XCTAssertEqual(json.map { $0["name"]?.stringValue }, ["not_null_order_id", "accepted_values_status", "unique_day"],
                       "one run's checks in the order they ran")
        XCTAssertEqual(json[1]["failing_rows"]?.int64Value, 7)
        XCTAssertEqual(json[1]["severity"]?.stringValue, "warn")
        let history = try ok("checks", "--all", "--format", "json").split(separator: "\n").map { try JSONValue.parse(String($0)) }
        XCTAssertEqual(history.map { $0["name"]?.stringValue }.first, "unique_day", "newest first across runs")
        XCTAssertEqual(history.last?["run_id"]?.stringValue, run1)
    }

    func testLineageDrawsTablesAndColumnsBothWays() throws {
        XCTAssertEqual(try ok("lineage", "gold.revenue"), """
            gold.revenue
            └── silver.orders
                ├── bronze.fx
                └── bronze.orders

            """)
        XCTAssertEqual(try ok("lineage", "gold.revenue", "--column", "revenue"), """
            gold.revenue.revenue
            └── silver.orders.amount
                ├── bronze.fx.rate
                └── bronze.orders.amount

            """)
        XCTAssertEqual(try ok("lineage", "bronze.fx.rate", "--downstream"), """
            bronze.fx.rate
            └── silver.orders.amount
                └── gold.revenue.revenue

            """)
        XCTAssertEqual(try ok("lineage", "gold.revenue", "--depth", "1"), "gold.revenue\n└── silver.orders\n")
        XCTAssertTrue(try ok("lineage", "gold.revenue", "--downstream").contains("nothing downstream"))
        let json = try ok("lineage", "gold.revenue", "--format", "json").split(separator: "\n").map { try JSONValue.parse(String($0)) }
        XCTAssertEqual(json.map { $0["source_table"]?.stringValue }, ["silver.orders", "bronze.fx", "bronze.orders"])
    }

    func testMistakesAreOneLineErrorsWithExitStatusOne() throws {
        try fails(["runs", "20990101"], mentioning: "no run '20990101'")
        try fails(["checks", "--run", "nope"], mentioning: "no run 'nope'")
        try fails(["lineage", "gold.revenu"], mentioning: "unknown table 'gold.revenu' in the project shop; did you mean 'gold.revenue'?")
        try fails(["lineage", "gold.revenue", "--column", "nope"], mentioning: "no lineage recorded for column 'nope' of gold.revenue")
        let empty = (project as NSString).appendingPathComponent("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        for command in [["runs"], ["checks"], ["lineage", "gold.revenue"]] {
            try fails(command, in: empty, mentioning: "no lode.yml in")
        }
    }

    func testANewProjectHasNoRunsYet() throws {
        let fresh = (project as NSString).appendingPathComponent("fresh")
        let created = try lodeArguments(["init", fresh, "--name", "fresh_shop"])
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stdout.contains("Created project 'fresh_shop'") && created.stdout.contains("models/silver/orders.sql"),
                      created.stdout)
        XCTAssertEqual(try Project.load(root: fresh, environment: [:]).config.name, "fresh_shop")
        XCTAssertTrue(try lodeArguments(["runs"], in: fresh).stdout.hasPrefix("No runs yet"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: fresh + "/lake/_lode"), "reading history creates no catalog")
        try fails(["init", fresh], mentioning: "lode init never overwrites lode.yml")
        try fails(["lineage", "silver.orders"], in: fresh, mentioning: "no lineage recorded for silver.orders yet")

        let named = (project as NSString).appendingPathComponent("My-Shop")
        try FileManager.default.createDirectory(atPath: named, withIntermediateDirectories: true)
        XCTAssertEqual(try lodeArguments(["init"], in: named).status, 0)
        XCTAssertEqual(try Project.load(root: named, environment: [:]).config.name, "my_shop")
    }
}
