import XCTest
@testable import LodeSQL

final class ErrorPositionTests: XCTestCase {
    func testMissingClosingParenthesis() {
        let error = parseError("select\n  a,\n  sum(x, y FROM t")
        XCTAssertEqual(error?.kind, .syntax)
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(error?.column, 12)
        XCTAssertEqual(error?.token, "FROM")
        XCTAssertEqual(error?.description, "syntax error at line 3, column 12: expected ')' after the argument list, found 'FROM'")
    }

    func testUnexpectedEnd() {
        let error = parseError("select a from")
        XCTAssertEqual(error?.message, "expected a table name, found end of input")
        XCTAssertEqual(error?.column, 14)
        XCTAssertNil(error?.token)
    }

    func testMissingStatement() {
        XCTAssertEqual(parseError("frobnicate t")?.column, 1)
        XCTAssertEqual(parseError("select 1 select 2")?.message, "expected ';' or the end of the input after the statement, found 'select'")
    }

    func testKnownMistakes() {
        XCTAssertEqual(parseError("select a from t where")?.message, "expected an expression, found end of input")
        XCTAssertEqual(parseError("select * from a join b")?.message, "expected ON or USING after the joined table, found end of input")
        XCTAssertEqual(parseError("select case end")?.message, "expected WHEN in CASE, found 'end'")
        XCTAssertEqual(parseError("select cast(a decimal)")?.message, "expected AS before the target type of the cast, found 'decimal'")
        XCTAssertEqual(parseError("select a is 3")?.message, "expected NULL, TRUE, FALSE or DISTINCT FROM after IS, found '3'")
        XCTAssertEqual(parseError("insert into t set a = 1")?.message, "expected VALUES or a query after the INSERT target, found 'set'")
        XCTAssertEqual(parseError("create table t")?.message,
                       "expected '(' with column definitions or AS with a query after the table name, found end of input")
        XCTAssertEqual(parseError("select 1 from t where x in (1, 2")?.message, "expected ')' after the IN list, found end of input")
    }

    func testLexicalErrorsSurfaceThroughTheParser() {
        let error = parseError("select 'abc\nfrom t")
        XCTAssertEqual(error?.kind, .lexical)
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.column, 8)
    }

    func testDeepNestingIsRejectedNotCrashing() {
        let deep = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        XCTAssertTrue(parseError("select " + deep)?.message.hasPrefix("nesting deeper than") ?? false)
        let deepNot = String(repeating: "not ", count: 5000) + "true"
        XCTAssertNotNil(parseError("select " + deepNot))
        let deepMinus = String(repeating: "-", count: 5000) + "1"
        XCTAssertNotNil(parseError("select " + deepMinus))
    }
}
