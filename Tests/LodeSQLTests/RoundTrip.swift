import XCTest
@testable import LodeSQL

/// Parses `sql`, prints the tree, parses the print and checks both trees are equal.
@discardableResult
func assertRoundTrip(_ sql: String, file: StaticString = #filePath, line: UInt = #line) -> Statement? {
    do {
        let statement = try SQL.parseStatement(sql)
        let printed = statement.sql
        do {
            let reparsed = try SQL.parseStatement(printed)
            XCTAssertEqual(statement, reparsed, "round trip changed the tree; printed: \(printed)", file: file, line: line)
        } catch {
            XCTFail("printed SQL does not parse: \(error)\n\(printed)", file: file, line: line)
        }
        return statement
    } catch {
        XCTFail("\(error)\n\(sql)", file: file, line: line)
        return nil
    }
}

/// Parses one expression and renders it fully parenthesized, for precedence checks.
func parenthesized(_ sql: String, file: StaticString = #filePath, line: UInt = #line) -> String {
    do {
        return try SQL.parseExpression(sql).sql
    } catch {
        XCTFail("\(error)", file: file, line: line)
        return ""
    }
}

/// The first statement's query, or a failure.
func parseQuery(_ sql: String, file: StaticString = #filePath, line: UInt = #line) -> Query? {
    guard let statement = assertRoundTrip(sql, file: file, line: line) else { return nil }
    guard case .query(let query) = statement else {
        XCTFail("not a query: \(statement)", file: file, line: line)
        return nil
    }
    return query
}

/// The single `SELECT` block of a query, or a failure.
func parseSelect(_ sql: String, file: StaticString = #filePath, line: UInt = #line) -> SelectCore? {
    guard let query = parseQuery(sql, file: file, line: line) else { return nil }
    guard case .select(let core) = query.body else {
        XCTFail("not a plain SELECT: \(query)", file: file, line: line)
        return nil
    }
    return core
}

/// The error thrown for `sql`, or a failure when it parses.
func parseError(_ sql: String, file: StaticString = #filePath, line: UInt = #line) -> SQLError? {
    do {
        let statements = try SQL.parseScript(sql)
        XCTFail("expected an error, parsed \(statements)", file: file, line: line)
    } catch let error as SQLError {
        return error
    } catch {
        XCTFail("unexpected error type \(error)", file: file, line: line)
    }
    return nil
}
