import LodeSQL
import XCTest
@testable import LodeEngine

/// COPY options and the syntax DML statements build, checked without running SQL.
final class StatementOptionsTests: XCTestCase {
    private func options(_ sql: String) throws -> CopyOptions {
        guard case .copy(let copy) = try SQL.parseStatement(sql) else { throw EngineError(.invalidArgument, "not a COPY") }
        return try CopyOptions(copy.options)
    }

    func testCopyOptions() throws {
        let parsed = try options("COPY (SELECT 1) TO 'x.csv' (FORMAT csv, HEADER false, DELIMITER '|')")
        XCTAssertEqual(parsed.format, .csv)
        XCTAssertEqual(parsed.header, false)
        XCTAssertEqual(parsed.delimiter, "|")
        XCTAssertEqual(try options("COPY (SELECT 1) TO 'x' (FORMAT 'json', HEADER)").format, .ndjson)
        XCTAssertEqual(try options("COPY (SELECT 1) TO 'x' (HEADER)").header, true)
        XCTAssertNil(try options("COPY (SELECT 1) TO 'x.parquet'").format)
        XCTAssertThrowsError(try options("COPY (SELECT 1) TO 'x' (FORMAT xml)"))
        XCTAssertThrowsError(try options("COPY (SELECT 1) TO 'x' (DELIMITER ';;')"))
        XCTAssertThrowsError(try options("COPY (SELECT 1) TO 'x' (COMPRESSION zstd)"))
    }

    func testFieldIndexMatchesQuotedNamesExactly() {
        let names = ["Id", "name"]
        XCTAssertEqual(Syntax.fieldIndex(of: Identifier("ID"), in: names), 0)
        XCTAssertEqual(Syntax.fieldIndex(of: Identifier("Id", quoted: true), in: names), 0)
        XCTAssertEqual(Syntax.fieldIndex(of: Identifier("NAME"), in: names), 1)
        XCTAssertNil(Syntax.fieldIndex(of: Identifier("nope"), in: names))
    }

    func testSyntaxBuildsQualifiedQuotedColumns() {
        XCTAssertEqual(Syntax.column("__lode_row", of: Identifier("t")).sql, "t.\"__lode_row\"")
        XCTAssertEqual(Syntax.or([.literal(.boolean(true)), .literal(.boolean(false))]).sql, "TRUE OR FALSE")
    }
}
