import Foundation
import LodeCore

/// What the runner needs from an engine: run one statement and hand back its typed rows.
protocol SQLLogicTestDatabase: AnyObject {
    func run(_ sql: String) throws -> SQLLogicTestResult
}

/// The columns' types and the rows of one statement's result.
struct SQLLogicTestResult {
    var types: [DataType]
    var rows: [[Value]]
}

/// A record whose outcome differs from its expectation.
struct SQLLogicTestFailure: CustomStringConvertible {
    var path: String
    var line: Int
    var sql: String
    var problem: String
    var expected: [String]
    var actual: [String]

    var description: String {
        var text = "\(path):\(line): \(problem)\n  " + sql.replacingOccurrences(of: "\n", with: "\n  ")
        if !expected.isEmpty || !actual.isEmpty {
            text += "\n  expected (\(expected.count) lines):\n" + expected.map { "    " + $0 }.joined(separator: "\n")
            text += "\n  actual (\(actual.count) lines):\n" + actual.map { "    " + $0 }.joined(separator: "\n")
        }
        return text
    }
}

/// Runs `.slt` files, each against a fresh database over its own temporary folder.
struct SQLLogicTestRunner {
    /// The placeholder `.slt` files use for the file's temporary folder.
    static let testDirectoryPlaceholder = "__TEST_DIR__"
    /// The placeholder for the database's lake root (Lode-only records).
    static let lakeDirectoryPlaceholder = "__LAKE_DIR__"

    /// Opens a fresh database whose lake is the given (existing, empty) folder.
    var openDatabase: (_ lakeRoot: String) throws -> SQLLogicTestDatabase
    /// How long one statement may run before the file is abandoned as hung.
    var timeout: TimeInterval = 120

    /// Every record of `file` that did not meet its expectation.
    func run(_ file: SQLLogicTestFile) throws -> [SQLLogicTestFailure] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lode-slt-\(UUID().uuidString)").path
        let lake = directory + "/lake", files = directory + "/files"
        try FileManager.default.createDirectory(atPath: lake, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: files, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = try openDatabase(lake)
        var failures: [SQLLogicTestFailure] = []
        for record in file.records {
            let sql = record.sql.replacingOccurrences(of: Self.testDirectoryPlaceholder, with: files)
                .replacingOccurrences(of: Self.lakeDirectoryPlaceholder, with: lake)
            guard let outcome = run(sql, on: database) else {
                failures.append(SQLLogicTestFailure(path: file.path, line: record.line, sql: record.sql,
                                                    problem: "did not finish within \(Int(timeout)) s; the rest of the file is skipped",
                                                    expected: [], actual: []))
                break
            }
            if let failure = check(record, outcome: outcome, path: file.path) { failures.append(failure) }
        }
        return failures
    }

    /// The statement's outcome, or nil when it runs longer than ``timeout``.
    private func run(_ sql: String, on database: SQLLogicTestDatabase) -> Result<SQLLogicTestResult, Error>? {
        let box = OutcomeBox()
        let done = DispatchSemaphore(value: 0)
        let unchecked = UncheckedDatabase(database: database)
        Thread.detachNewThread {
            box.outcome = Result { try unchecked.database.run(sql) }
            done.signal()
        }
        return done.wait(timeout: .now() + timeout) == .success ? box.outcome : nil
    }

    func check(_ record: SQLLogicTestRecord, outcome: Result<SQLLogicTestResult, Error>,
               path: String) -> SQLLogicTestFailure? {
        func failure(_ problem: String, expected: [String] = [], actual: [String] = []) -> SQLLogicTestFailure {
            SQLLogicTestFailure(path: path, line: record.line, sql: record.sql, problem: problem,
                                expected: expected, actual: actual)
        }
        switch (record.kind, outcome) {
        case (.statementOK, .success):
            return nil
        case (.statementOK, .failure(let error)):
            return failure("statement failed: \(error)")
        case (.statementError, .success):
            return failure("statement succeeded but an error was expected")
        case (.statementError(let expected), .failure(let error)):
            let message = String(describing: error)
            if expected.isEmpty || message.localizedCaseInsensitiveContains(expected) { return nil }
            return failure("error message does not contain the expected text", expected: [expected], actual: [message])
        case (.query, .failure(let error)):
            return failure("query failed: \(error)")
        case (.query(let types, let sort, let expected), .success(let result)):
            let letters = result.types.map(SQLLogicTestFormat.letter(of:))
            let actual = SQLLogicTestFormat.lines(result.rows, sort: sort)
            if letters.count != types.count {
                return failure("query returned \(letters.count) columns (\(String(letters))), expected \(types.count) "
                               + "(\(String(types)))", expected: expected, actual: actual)
            }
            if letters != types {
                return failure("query returned column types \(String(letters)) "
                               + "(\(result.types.map(\.description).joined(separator: ", "))), expected \(String(types))",
                               expected: expected, actual: actual)
            }
            if !Self.rowsAgree(expected: expected, actual: actual, letters: sort == .valuesort ? [] : letters) {
                return failure("query returned different rows", expected: expected, actual: actual)
            }
            return nil
        }
    }

    static func rowsAgree(expected: [String], actual: [String], letters: [Character]) -> Bool {
        guard expected.count == actual.count else { return false }
        for (e, a) in zip(expected, actual) where e != a {
            let eValues = e.split(separator: "\t", omittingEmptySubsequences: false)
            let aValues = a.split(separator: "\t", omittingEmptySubsequences: false)
            guard eValues.count == aValues.count else { return false }
            for (column, (ev, av)) in zip(eValues, aValues).enumerated() {
                let letter: Character = column < letters.count ? letters[column] : "R"
                if !SQLLogicTestFormat.valuesAgree(expected: ev, actual: av, letter: letter) { return false }
            }
        }
        return true
    }

    /// The `.slt` files under `root`, sorted by path.
    static func files(under root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".slt") }.sorted().map { root + "/" + $0 }
    }
}

/// The outcome handed from the statement's thread back to the runner.
private final class OutcomeBox: @unchecked Sendable {
    var outcome: Result<SQLLogicTestResult, Error>?
}

private struct UncheckedDatabase: @unchecked Sendable {
    let database: SQLLogicTestDatabase
}
