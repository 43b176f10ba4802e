import Foundation

/// One `.slt` file under `Tests/SQL`: its statements and queries with their expectations.
///
/// The format is DuckDB's dialect of sqllogictest (docs/sql-tests.md):
///
///     statement ok
///     CREATE TABLE bronze.t (a INT)
///
///     statement error
///     SELECT 1 +
///     ----
///     syntax error at line 1
///
///     query IT rowsort
///     SELECT a, b FROM bronze.t
///     ----
///     1	x
///
/// A record's SQL runs up to `----`, a blank line or the end of the file; expected rows
/// follow `----` up to the next blank line. `# lode-differs: reason` directly above a
/// record marks an expectation written by hand instead of recorded from DuckDB.
struct SQLLogicTestFile {
    var path: String
    var records: [SQLLogicTestRecord]

    init(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try self.init(path: path, text: text)
    }

    init(path: String, text: String) throws {
        self.path = path
        self.records = try SQLLogicTestParser(path: path, text: text).parse()
    }
}

/// One `statement` or `query` of an `.slt` file.
struct SQLLogicTestRecord: Equatable {
    enum Kind: Equatable {
        case statementOK
        /// `statement error`; the text after `----` (empty for any error) must appear in the message.
        case statementError(expectedMessage: String)
        case query(types: [Character], sort: SortMode, expectedRows: [String])
    }

    /// How result lines are put in order before comparing.
    enum SortMode: String, Equatable {
        /// Rows as the query returned them (the query has an ORDER BY).
        case nosort
        /// Rows sorted as text.
        case rowsort
        /// Every value on its own, sorted as text.
        case valuesort
    }

    var kind: Kind
    /// 1-based line of the record's header.
    var line: Int
    var sql: String
    /// The reason given by a `# lode-differs:` marker, if any.
    var differsReason: String?
}

/// A malformed `.slt` file.
struct SQLLogicTestSyntaxError: Error, CustomStringConvertible {
    var path: String
    var line: Int
    var message: String

    var description: String { "\(path):\(line): \(message)" }
}

/// Splits the text of an `.slt` file into records.
struct SQLLogicTestParser {
    static let differsMarker = "# lode-differs:"
    static let typeLetters: Set<Character> = ["I", "R", "D", "B", "T"]

    var path: String
    var lines: [Substring]

    init(path: String, text: String) {
        self.path = path
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    func parse() throws -> [SQLLogicTestRecord] {
        var records: [SQLLogicTestRecord] = []
        var index = 0
        var previous: Substring = ""
        while index < lines.count {
            let line = lines[index]
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            if words.isEmpty || line.hasPrefix("#") {
                previous = line
                index += 1
                continue
            }
            let headerLine = index + 1
            let differs = previous.hasPrefix(Self.differsMarker)
                ? previous.dropFirst(Self.differsMarker.count).trimmingCharacters(in: .whitespaces) : nil
            index += 1
            var sql: [Substring] = []
            while index < lines.count, !lines[index].allSatisfy(\.isWhitespace), lines[index] != "----" {
                sql.append(lines[index])
                index += 1
            }
            guard !sql.isEmpty else { throw error(at: headerLine, "record without SQL") }
            var expected: [String] = []
            if index < lines.count, lines[index] == "----" {
                index += 1
                while index < lines.count, !lines[index].isEmpty {
                    expected.append(String(lines[index]))
                    index += 1
                }
            }
            let kind = try self.kind(of: words, at: headerLine, expected: expected)
            records.append(SQLLogicTestRecord(kind: kind, line: headerLine, sql: sql.joined(separator: "\n"),
                                              differsReason: differs))
            previous = ""
        }
        return records
    }

    private func kind(of words: [Substring], at line: Int, expected: [String]) throws -> SQLLogicTestRecord.Kind {
        switch (words.first, words.count) {
        case ("statement", 2) where words[1] == "ok":
            guard expected.isEmpty else { throw error(at: line, "'statement ok' with expected output") }
            return .statementOK
        case ("statement", 2) where words[1] == "error":
            return .statementError(expectedMessage: expected.joined(separator: "\n"))
        case ("query", 2), ("query", 3):
            let types = Array(words[1])
            guard !types.isEmpty, types.allSatisfy(Self.typeLetters.contains) else {
                throw error(at: line, "query column types must be letters of IRDBT, found '\(words[1])'")
            }
            let sort = words.count == 3 ? SQLLogicTestRecord.SortMode(rawValue: String(words[2])) : .nosort
            guard let sort else { throw error(at: line, "unknown sort mode '\(words[2])' (nosort, rowsort, valuesort)") }
            return .query(types: types, sort: sort, expectedRows: expected)
        default:
            throw error(at: line, "expected 'statement ok', 'statement error' or 'query <types> [sort]', "
                        + "found '\(words.joined(separator: " "))'")
        }
    }

    private func error(at line: Int, _ message: String) -> SQLLogicTestSyntaxError {
        SQLLogicTestSyntaxError(path: path, line: line, message: message)
    }
}
