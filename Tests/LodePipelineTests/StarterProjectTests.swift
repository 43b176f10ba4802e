import XCTest
import LodeCore
import LodeEngine
@testable import LodePipeline

final class StarterProjectTests: XCTestCase {
    var root = ""

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("starter-\(UUID().uuidString)/shop").path
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }

    func testTheStarterProjectLoads() throws {
        let files = try StarterProject.write(to: root, name: "shop")
        XCTAssertEqual(files.first, "lode.yml")
        for file in files { XCTAssertTrue(FileManager.default.fileExists(atPath: root + "/" + file), file) }

        let project = try Project.load(root: root, environment: [:])
        XCTAssertEqual(project.config.name, "shop")
        XCTAssertEqual(project.config.lakeRoot, root + "/lake")
        XCTAssertEqual(project.config.sources.map(\.table), ["bronze.orders"])
        XCTAssertEqual(project.config.sources.first?.contract?.columns.map(\.name), ["order_id", "customer", "status", "amount", "ordered_at"])
        XCTAssertEqual(project.models.map(\.tableName), ["silver.orders", "gold.daily_revenue"])
        XCTAssertEqual(project.models[0].kind, .incrementalByUniqueKey(uniqueKey: ["order_id"]))
        XCTAssertEqual(project.models[0].expectations.map(\.action), [.quarantine, .warn])
        XCTAssertEqual(project.models[0].dependencies, ["bronze.orders"])
        XCTAssertEqual(project.models[1].expectations.map(\.action), [.fail])
        XCTAssertEqual(project.models[1].dependencies, ["silver.orders"])

        for model in ["silver/orders", "gold/daily_revenue"] {
            let path = root + "/models/\(model).yml"
            let spec = try ModelSpec.parse(try String(contentsOfFile: path, encoding: .utf8), file: path)
            XCTAssertFalse(spec.checks.isEmpty, model)
        }
        let silverSpec = try ModelSpec.parse(try String(contentsOfFile: root + "/models/silver/orders.yml", encoding: .utf8), file: "")
        XCTAssertEqual(silverSpec.columns(tagged: "pii"), ["customer"])
        XCTAssertEqual(try String(contentsOfFile: root + "/.gitignore", encoding: .utf8).contains("lake/"), true)
    }

    func testTheStarterModelsRunOverTheSampleSource() throws {
        _ = try StarterProject.write(to: root, name: "shop")
        let project = try Project.load(root: root, environment: [:])
        let lake = project.config.lakeRoot
        let store = try MetadataStore(lakeRoot: lake)
        let source = try XCTUnwrap(project.config.sources.first)
        let loaded = try SourceIngestion(source: source, projectRoot: root, lakeRoot: lake, store: store, runID: "r1").run()
        XCTAssertEqual(loaded.rows, 8)
        XCTAssertEqual(loaded.quarantinedRows, 0)

        let session = try Session(lakeRoot: lake)
        let silver = try session.execute(project.models[0].sql)
        XCTAssertEqual(silver.rows.count, 8)
        XCTAssertEqual(Set(silver.rows.compactMap { $0[2].description }), ["placed", "shipped", "delivered", "cancelled"])
        _ = try session.execute("CREATE TABLE silver.orders AS " + project.models[0].sql)
        let gold = try session.execute(project.models[1].sql)
        XCTAssertEqual(gold.rows.count, 1)
    }

    func testAnExistingProjectIsNeverOverwritten() throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try "name: mine\n".write(toFile: root + "/lode.yml", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try StarterProject.write(to: root, name: "shop")) { error in
            XCTAssertTrue("\(error)".contains("already exists"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: root + "/lode.yml", encoding: .utf8), "name: mine\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/models"))

        try FileManager.default.removeItem(atPath: root + "/lode.yml")
        try FileManager.default.createDirectory(atPath: root + "/models/silver", withIntermediateDirectories: true)
        try "SELECT 1 AS mine".write(toFile: root + "/models/silver/orders.sql", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try StarterProject.write(to: root, name: "shop")) { error in
            XCTAssertTrue("\(error)".contains("models/silver/orders.sql already exists"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/lode.yml"))
    }

    func testNamesThatAreNotPlainWordsAreQuoted() throws {
        for name in ["my shop", "yes", "2026", "a: b", "quote\"d", "#hash"] {
            let folder = root + "/" + UUID().uuidString
            _ = try StarterProject.write(to: folder, name: name)
            XCTAssertEqual(try ProjectConfig.load(projectRoot: folder, environment: [:]).name, name)
        }
    }
}
