import Foundation
import LodeCore
import LodeEngine
import XCTest

/// Runs every `.slt` file under `Tests/SQL` against a Lode session, each file in a fresh
/// session over its own temporary lake, and reports every mismatch as `file:line`.
///
/// `LODE_SLT=joins,dates` runs only those files; `LODE_SLT_THREADS` and
/// `LODE_SLT_BATCH_SIZE` set the session's threads (default 2) and batch size.
final class SQLLogicTestRunnerTests: XCTestCase {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    func testSQLFiles() throws {
        let environment = ProcessInfo.processInfo.environment
        var paths = SQLLogicTestRunner.files(under: Self.repositoryRoot + "/Tests/SQL")
        if let only = environment["LODE_SLT"], !only.isEmpty {
            let names = Set(only.split(separator: ",").map { $0.hasSuffix(".slt") ? String($0.dropLast(4)) : String($0) })
            paths = paths.filter { names.contains(URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent) }
            XCTAssertFalse(paths.isEmpty, "LODE_SLT=\(only) names no file under Tests/SQL")
        }
        var options = SessionOptions(threads: environment["LODE_SLT_THREADS"].flatMap { Int($0) } ?? 2)
        if let batchSize = environment["LODE_SLT_BATCH_SIZE"].flatMap({ Int($0) }) { options.batchSize = batchSize }
        let runner = SQLLogicTestRunner { lakeRoot in try SessionDatabase(lakeRoot: lakeRoot, options: options) }

        var records = 0
        var failed = 0
        for path in paths {
            let shown = path.hasPrefix(Self.repositoryRoot + "/") ? String(path.dropFirst(Self.repositoryRoot.count + 1)) : path
            let file = try SQLLogicTestFile(path: shown, text: String(contentsOfFile: path, encoding: .utf8))
            let failures = try runner.run(file)
            records += file.records.count
            failed += failures.count
            for failure in failures { XCTFail(failure.description) }
        }
        print("sqllogictest: \(records - failed) of \(records) records passed in \(paths.count) files")
    }

    /// A query beyond the memory limit spills or fails with an error naming memory, and
    /// the same session then answers a valid query (errors.slt covers the other errors).
    func testAQueryBeyondTheMemoryLimitLeavesTheSessionUsable() throws {
        let lake = FileManager.default.temporaryDirectory.appendingPathComponent("lode-slt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: lake, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: lake) }
        let session = try Session(lakeRoot: lake, options: SessionOptions(threads: 2, memoryLimit: 1 << 20))
        _ = try session.execute("CREATE TABLE bronze.n (x INT)")
        _ = try session.execute("INSERT INTO bronze.n VALUES " + (0..<100).map { "(\($0))" }.joined(separator: ", "))
        let big = """
            SELECT a.x * 10000 + b.x * 100 + c.x AS k, repeat('x', 64) AS pad
            FROM bronze.n a, bronze.n b, bronze.n c ORDER BY pad, k DESC
            """
        do {
            let result = try session.execute(big)
            XCTAssertEqual(result.rowCount, 1_000_000, "a query that spills must still be right")
        } catch {
            XCTAssertTrue("\(error)".localizedCaseInsensitiveContains("memory"), "\(error)")
        }
        XCTAssertThrowsError(try session.execute("SELECT 1 // 0"))
        XCTAssertThrowsError(try session.execute("SELEC 1"))
        XCTAssertEqual(try session.execute("SELECT count(*), max(x) FROM bronze.n").rows, [[.int(100), .int(99)]])
    }
}

/// A Lode session as the runner's database.
final class SessionDatabase: SQLLogicTestDatabase {
    let session: Session

    init(lakeRoot: String, options: SessionOptions) throws {
        session = try Session(lakeRoot: lakeRoot, options: options)
    }

    func run(_ sql: String) throws -> SQLLogicTestResult {
        let result = try session.execute(sql)
        return SQLLogicTestResult(types: result.schema.fields.map(\.type), rows: result.rows)
    }
}
