import Foundation
import LodeCore
import XCTest

final class SQLLogicTestParserTests: XCTestCase {
    static let sqlDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SQL").path

    func testRecordsAndTheirExpectations() throws {
        let text = """
        # a comment
        statement ok
        CREATE TABLE bronze.t (a INT)

        # lode-differs: hand-written
        query IT rowsort
        SELECT a,
          b FROM bronze.t
        ----
        1\tx
        NULL\t(empty)

        statement error
        SELEC 1
        ----
        syntax error at line 1

        statement error
        SELECT 1/0

        query I
        SELECT 1 WHERE false
        ----

        """
        let records = try SQLLogicTestFile(path: "t.slt", text: text).records
        XCTAssertEqual(records.count, 5)
        XCTAssertEqual(records[0], SQLLogicTestRecord(kind: .statementOK, line: 2, sql: "CREATE TABLE bronze.t (a INT)"))
        XCTAssertEqual(records[1], SQLLogicTestRecord(
            kind: .query(types: ["I", "T"], sort: .rowsort, expectedRows: ["1\tx", "NULL\t(empty)"]), line: 6,
            sql: "SELECT a,\n  b FROM bronze.t", differsReason: "hand-written"))
        XCTAssertEqual(records[2].kind, .statementError(expectedMessage: "syntax error at line 1"))
        XCTAssertNil(records[2].differsReason)
        XCTAssertEqual(records[3].kind, .statementError(expectedMessage: ""))
        XCTAssertEqual(records[4].kind, .query(types: ["I"], sort: .nosort, expectedRows: []))
    }

    func testMalformedHeadersNameTheirLine() {
        for (text, line) in [("statement maybe\nSELECT 1\n", 1), ("\nquery X\nSELECT 1\n", 2),
                             ("query I sideways\nSELECT 1\n", 1), ("statement ok\n\n", 1)] {
            XCTAssertThrowsError(try SQLLogicTestFile(path: "bad.slt", text: text)) { error in
                XCTAssertEqual((error as? SQLLogicTestSyntaxError)?.line, line, text)
            }
        }
    }

    func testRunnerReportsEveryMismatchWithItsLine() throws {
        let text = """
        statement ok
        CREATE TABLE t (a INT)

        query I
        SELECT a FROM t
        ----
        1
        2

        query R
        SELECT 1.0 / 3
        ----
        0.3333333333

        statement error
        SELECT boom
        ----
        not found

        query I
        SELECT broken
        ----
        1

        statement error
        SELECT fine
        """
        let database = CannedDatabase(answers: [
            "SELECT a FROM t": .success(SQLLogicTestResult(types: [.int32], rows: [[.int(1)], [.int(3)]])),
            "SELECT 1.0 / 3": .success(SQLLogicTestResult(types: [.float64], rows: [[.double(1.0 / 3.0)]])),
            "SELECT boom": .failure(CannedError(message: "binder error: column \"boom\" NOT FOUND")),
            "SELECT broken": .success(SQLLogicTestResult(types: [.string], rows: [[.string("1")]])),
        ])
        let runner = SQLLogicTestRunner { _ in database }
        let failures = try runner.run(SQLLogicTestFile(path: "t.slt", text: text))
        XCTAssertEqual(failures.map(\.line), [4, 20, 25])
        XCTAssertEqual(failures[0].actual, ["1", "3"])
        XCTAssertTrue(failures[1].problem.contains("column types T"), failures[1].problem)
        XCTAssertTrue(failures[0].description.hasPrefix("t.slt:4: query returned different rows\n  SELECT a FROM t"))
    }

    func testAHungStatementAbandonsTheFile() throws {
        let text = "statement ok\nSELECT slow\n\nstatement ok\nSELECT never\n"
        var runner = SQLLogicTestRunner { _ in SlowDatabase() }
        runner.timeout = 0.2
        let failures = try runner.run(SQLLogicTestFile(path: "slow.slt", text: text))
        XCTAssertEqual(failures.map(\.line), [1])
        XCTAssertTrue(failures[0].problem.contains("did not finish"), failures[0].problem)
    }

    func testEverySLTFileIsWellFormed() throws {
        let paths = SQLLogicTestRunner.files(under: Self.sqlDirectory)
        XCTAssertGreaterThan(paths.count, 5, "no .slt files under \(Self.sqlDirectory)")
        for path in paths {
            XCTAssertFalse(try SQLLogicTestFile(path: path).records.isEmpty, path)
        }
    }
}

private struct CannedError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

private final class CannedDatabase: SQLLogicTestDatabase {
    var answers: [String: Result<SQLLogicTestResult, Error>]

    init(answers: [String: Result<SQLLogicTestResult, Error>]) { self.answers = answers }

    func run(_ sql: String) throws -> SQLLogicTestResult {
        try answers[sql]?.get() ?? SQLLogicTestResult(types: [], rows: [])
    }
}

private final class SlowDatabase: SQLLogicTestDatabase {
    func run(_ sql: String) throws -> SQLLogicTestResult {
        Thread.sleep(forTimeInterval: 1)
        return SQLLogicTestResult(types: [], rows: [])
    }
}
