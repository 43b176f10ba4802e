import LodeCore
import LodeDelta
import LodeExecution
import LodePlan
import LodeSQL
import XCTest
@testable import LodeEngine

/// SQL statements end to end through a ``Session`` over a lake folder.
final class SessionTests: XCTestCase {
    private var root = ""
    private var session: Session!

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "lode-session-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        session = try Session(lakeRoot: root, options: SessionOptions(threads: 2))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: root) }

    private func rows(_ sql: String) throws -> [[Value]] { try session.execute(sql).rows }

    private func count(_ sql: String) throws -> Int64 {
        guard case .int(let n)? = try session.execute(sql).rows.first?.first else { return -1 }
        return n
    }

    private func makePeople() throws {
        XCTAssertEqual(try count("CREATE TABLE silver.people (id BIGINT NOT NULL, name VARCHAR, score DECIMAL(5,2))"), 0)
        XCTAssertEqual(try count("INSERT INTO silver.people VALUES (1, 'ann', 1.5), (2, 'bob', 2), (3, 'cy', NULL)"), 3)
        XCTAssertEqual(try count("INSERT INTO silver.people (name, id) VALUES ('dee', 4)"), 1)
    }

    func testCreateInsertSelect() throws {
        try makePeople()
        XCTAssertEqual(try rows("SELECT id, name, score FROM silver.people ORDER BY id"), [
            [.int(1), .string("ann"), .decimal(Decimal128(150, precision: 5, scale: 2))],
            [.int(2), .string("bob"), .decimal(Decimal128(200, precision: 5, scale: 2))],
            [.int(3), .string("cy"), .null],
            [.int(4), .string("dee"), .null],
        ])
        let table = DeltaTable(path: root + "/silver/people")
        XCTAssertEqual(try table.latestVersion(), 2, "create, then one commit per INSERT")
        XCTAssertEqual(try table.snapshot().schema.fields[0], Field("id", .int64, nullable: false))
    }

    func testInsertErrors() throws {
        try makePeople()
        XCTAssertThrowsError(try session.execute("INSERT INTO silver.people (name) VALUES ('x')"))
        XCTAssertThrowsError(try session.execute("INSERT INTO silver.people VALUES (NULL, 'x', 1)"))
        XCTAssertThrowsError(try session.execute("INSERT INTO silver.people VALUES (5, 'x')"))
        XCTAssertThrowsError(try session.execute("INSERT INTO silver.people (nope) VALUES (1)"))
        XCTAssertThrowsError(try session.execute("INSERT INTO silver.missing VALUES (1)"))
        XCTAssertThrowsError(try session.execute("CREATE TABLE silver.people (a INT)"))
        XCTAssertEqual(try count("CREATE TABLE IF NOT EXISTS silver.people (a INT)"), 0)
        XCTAssertEqual(try DeltaTable(path: root + "/silver/people").latestVersion(), 2)
        XCTAssertEqual(try count("SELECT count(*) FROM silver.people"), 4)
    }

    func testCreateTableAsSelectAndReplace() throws {
        try makePeople()
        XCTAssertEqual(try count("CREATE TABLE gold.names AS SELECT id, upper(name) AS name FROM silver.people WHERE id <= 2"), 2)
        XCTAssertEqual(try rows("SELECT name FROM gold.names ORDER BY id"), [[.string("ANN")], [.string("BOB")]])
        XCTAssertEqual(try count("CREATE OR REPLACE TABLE gold.names AS SELECT id, name FROM silver.people WHERE id = 3"), 1)
        XCTAssertEqual(try rows("SELECT name FROM gold.names"), [[.string("cy")]])
        XCTAssertEqual(try DeltaTable(path: root + "/gold/names").latestVersion(), 2, "same columns: a new version")
    }

    func testDeleteRewritesTouchedFilesOnly() throws {
        try makePeople()
        let table = DeltaTable(path: root + "/silver/people")
        let before = try table.snapshot()
        XCTAssertEqual(try count("DELETE FROM silver.people WHERE id = 4"), 1)
        let after = try table.snapshot()
        XCTAssertEqual(after.version, before.version + 1)
        XCTAssertEqual(after.files.count, 1, "the file holding only id 4 is removed, the other untouched")
        XCTAssertEqual(Set(after.files.map(\.path)).isSubset(of: Set(before.files.map(\.path))), true)
        XCTAssertEqual(try count("DELETE FROM silver.people p WHERE p.score > 1.6 OR p.score IS NULL"), 2)
        XCTAssertEqual(try rows("SELECT id FROM silver.people"), [[.int(1)]])
        XCTAssertEqual(try count("DELETE FROM silver.people WHERE id = 99"), 0)
        XCTAssertEqual(try table.latestVersion(), after.version + 1, "no commit when nothing matched")
        XCTAssertEqual(try count("DELETE FROM silver.people"), 1)
        XCTAssertEqual(try count("SELECT count(*) FROM silver.people"), 0)
    }

    func testUpdate() throws {
        try makePeople()
        XCTAssertEqual(try count("UPDATE silver.people SET score = score * 2, name = name || '!' WHERE id < 3"), 2)
        XCTAssertEqual(try rows("SELECT id, name, score FROM silver.people WHERE id < 3 ORDER BY id"), [
            [.int(1), .string("ann!"), .decimal(Decimal128(300, precision: 5, scale: 2))],
            [.int(2), .string("bob!"), .decimal(Decimal128(400, precision: 5, scale: 2))],
        ])
        XCTAssertThrowsError(try session.execute("UPDATE silver.people SET id = NULL"))
        XCTAssertThrowsError(try session.execute("UPDATE silver.people SET nope = 1"))
        try session.execute("CREATE TABLE silver.bonus AS SELECT * FROM (VALUES (3, 10), (4, 20)) AS b(id, points)")
        XCTAssertEqual(try count("UPDATE silver.people p SET score = b.points FROM silver.bonus b WHERE p.id = b.id"), 2)
        XCTAssertEqual(try rows("SELECT score FROM silver.people WHERE id >= 3 ORDER BY id"), [
            [.decimal(Decimal128(1000, precision: 5, scale: 2))], [.decimal(Decimal128(2000, precision: 5, scale: 2))],
        ])
        XCTAssertEqual(try count("SELECT count(*) FROM silver.people"), 4)
    }

    func testMergeUpdatesDeletesAndInsertsInOneCommit() throws {
        try makePeople()
        let table = DeltaTable(path: root + "/silver/people")
        let before = try table.latestVersion()
        let merged = try count("""
            MERGE INTO silver.people t
            USING (VALUES (1, 'ANN', 9.5), (2, NULL, 0), (7, 'gus', 7)) AS s(id, name, score)
            ON t.id = s.id
            WHEN MATCHED AND s.name IS NULL THEN DELETE
            WHEN MATCHED THEN UPDATE SET name = s.name, score = s.score
            WHEN NOT MATCHED THEN INSERT (id, name, score) VALUES (s.id, s.name, s.score)
            """)
        XCTAssertEqual(merged, 3)
        XCTAssertEqual(try table.latestVersion(), before + 1)
        XCTAssertEqual(try rows("SELECT id, name FROM silver.people ORDER BY id"), [
            [.int(1), .string("ANN")], [.int(3), .string("cy")], [.int(4), .string("dee")], [.int(7), .string("gus")],
        ])
        XCTAssertEqual(try count("""
            MERGE INTO silver.people t USING (SELECT 3 AS id) s ON t.id = s.id
            WHEN NOT MATCHED BY SOURCE AND t.id > 5 THEN DELETE
            """), 1)
        XCTAssertEqual(try count("SELECT count(*) FROM silver.people"), 3)
    }

    func testMergeStarAndMultipleMatchesError() throws {
        try makePeople()
        try session.execute("CREATE TABLE bronze.updates AS SELECT * FROM (VALUES (2::BIGINT, 'B', 5.00), (8, 'h', 1)) AS u(id, name, score)")
        XCTAssertEqual(try count("""
            MERGE INTO silver.people USING bronze.updates u ON people.id = u.id
            WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *
            """), 2)
        XCTAssertEqual(try rows("SELECT name FROM silver.people WHERE id IN (2, 8) ORDER BY id"), [[.string("B")], [.string("h")]])
        let version = try DeltaTable(path: root + "/silver/people").latestVersion()
        XCTAssertThrowsError(try session.execute("""
            MERGE INTO silver.people t USING (VALUES (1, 'x'), (1, 'y')) AS s(id, name) ON t.id = s.id
            WHEN MATCHED THEN UPDATE SET name = s.name
            """)) { error in XCTAssertTrue("\(error)".contains("more than one source row"), "\(error)") }
        XCTAssertEqual(try DeltaTable(path: root + "/silver/people").latestVersion(), version)
    }

    func testTimeTravelAfterDML() throws {
        try makePeople()
        try session.execute("DELETE FROM silver.people WHERE id > 1")
        XCTAssertEqual(try count("SELECT count(*) FROM silver.people"), 1)
        XCTAssertEqual(try count("SELECT count(*) FROM silver.people VERSION AS OF 1"), 3)
    }

    func testDropTable() throws {
        try makePeople()
        XCTAssertEqual(try count("DROP TABLE silver.people"), 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/silver/people"))
        XCTAssertThrowsError(try session.execute("DROP TABLE silver.people"))
        XCTAssertEqual(try count("DROP TABLE IF EXISTS silver.people"), 0)
    }

    func testCopyToFiles() throws {
        try makePeople()
        let csv = root + "/people.csv"
        XCTAssertEqual(try count("COPY (SELECT id, name FROM silver.people ORDER BY id) TO '\(csv)' (HEADER, DELIMITER ';')"), 4)
        XCTAssertEqual(try String(contentsOfFile: csv, encoding: .utf8), "id;name\n1;ann\n2;bob\n3;cy\n4;dee\n")
        let parquet = root + "/people.parquet"
        XCTAssertEqual(try count("COPY silver.people TO '\(parquet)' (FORMAT parquet)"), 4)
        XCTAssertEqual(try count("SELECT count(*) FROM read_parquet('\(parquet)')"), 4)
        XCTAssertEqual(try count("COPY silver.people FROM '\(parquet)'"), 4)
        XCTAssertEqual(try count("SELECT count(*) FROM silver.people"), 8)
    }

    func testExplainAndScripts() throws {
        try makePeople()
        let plan = try session.execute("EXPLAIN SELECT name FROM silver.people WHERE id = 1")
        let lines = plan.rows.map { $0[0].description }
        XCTAssertEqual(lines.first, "Logical plan:")
        XCTAssertTrue(lines.contains("Physical plan:"))
        let analyzed = try session.execute("EXPLAIN ANALYZE SELECT name FROM silver.people").rows.map { $0[0].description }
        XCTAssertTrue(analyzed.contains("  rows: 4"), "\(analyzed)")
        let last = try session.executeScript("INSERT INTO silver.people VALUES (5, 'e', 1); SELECT count(*) FROM silver.people;")
        XCTAssertEqual(last.rows, [[.int(5)]])
    }

    func testSessionSurvivesErrors() throws {
        try makePeople()
        let mistakes = [
            "SELEC 1",
            "SELECT * FROM silver.nope",
            "SELECT nope FROM silver.people",
            "SELECT 'a' + 1",
            "SELECT 1 / 0",
            "SELECT CAST('abc' AS INTEGER)",
            "SELECT id FROM silver.people WHERE id / (id - id) > 0",
            "DELETE FROM silver.people WHERE nope = 1",
            "UPDATE silver.people SET score = 'x'",
            "UPDATE silver.people SET id = NULL",
            "INSERT INTO silver.people VALUES (NULL, 'x', 1)",
            "MERGE INTO silver.people t USING silver.nope s ON t.id = s.id WHEN MATCHED THEN DELETE",
            "COPY silver.people FROM '/nonexistent/file.csv'",
        ]
        for sql in mistakes {
            XCTAssertThrowsError(try session.execute(sql), sql) { error in
                XCTAssertTrue(error is SQLError || error is PlanError || error is ExecutionError || error is EngineError,
                              "\(sql): \(type(of: error)) \(error)")
            }
        }
        XCTAssertThrowsError(try session.execute("SELEC 1")) { error in
            XCTAssertEqual((error as? SQLError)?.line, 1)
        }
        XCTAssertThrowsError(try session.execute("SELECT\n  nope FROM silver.people")) { error in
            XCTAssertEqual((error as? PlanError)?.location?.line, 2, "\(error)")
        }
        let tiny = try Session(lakeRoot: root, options: SessionOptions(threads: 2, memoryLimit: 16))
        XCTAssertThrowsError(try tiny.execute("SELECT name, count(*) FROM silver.people GROUP BY name ORDER BY name")) { error in
            XCTAssertEqual((error as? ExecutionError)?.kind, .outOfMemory, "\(error)")
        }
        XCTAssertEqual(try tiny.execute("SELECT 42").rows, [[.int(42)]])
        XCTAssertEqual(try count("SELECT count(*) FROM silver.people"), 4)
        XCTAssertEqual(try DeltaTable(path: root + "/silver/people").latestVersion(), 2)
    }

    func testNamesOutsideTheLakeAreRefused() throws {
        XCTAssertThrowsError(try session.execute("CREATE TABLE people (a INT)"))
        XCTAssertThrowsError(try session.execute("CREATE TABLE \"..\".x (a INT)"))
        let noLake = try Session(lakeRoot: nil)
        XCTAssertThrowsError(try noLake.execute("CREATE TABLE silver.x (a INT)"))
        XCTAssertThrowsError(try Session(lakeRoot: root + "/missing"))
    }
}
