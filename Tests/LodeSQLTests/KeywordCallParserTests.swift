import XCTest
@testable import LodeSQL

/// `//`, `TRIM(... FROM ...)` and `POSITION(... IN ...)`.
final class KeywordCallParserTests: XCTestCase {
    func sql(_ text: String) throws -> String { try SQL.parseExpression(text).sql }

    func testIntegerDivisionIsAMultiplicativeOperator() throws {
        XCTAssertEqual(try SQL.parseExpression("7 // 2"), .binary(.literal(.integer("7")), .integerDivide, .literal(.integer("2"))))
        XCTAssertEqual(try sql("a + b // c"), "a + (b // c)")
        XCTAssertEqual(try sql("a // b * c"), "(a // b) * c")
        XCTAssertEqual(try sql("a / b"), "a / b")
        XCTAssertEqual(try sql("a /* note */ // b"), "a // b")
    }

    func testTrimWithKeywords() throws {
        XCTAssertEqual(try sql("trim(BOTH 'x' FROM name)"), "trim(name, 'x')")
        XCTAssertEqual(try sql("TRIM(LEADING 'x' FROM name)"), "ltrim(name, 'x')")
        XCTAssertEqual(try sql("trim(trailing 'x' from name)"), "rtrim(name, 'x')")
        XCTAssertEqual(try sql("trim('x' FROM name)"), "trim(name, 'x')")
        XCTAssertEqual(try sql("trim(BOTH FROM name)"), "trim(name)")
        XCTAssertEqual(try sql("trim(name, 'x')"), "trim(name, 'x')")
        XCTAssertEqual(try sql("trim(leading)"), "trim(leading)")
    }

    func testPositionIn() throws {
        XCTAssertEqual(try sql("position('@' IN email)"), "position(email, '@')")
        XCTAssertEqual(try sql("position(a || b IN c || d)"), "position(c || d, a || b)")
        XCTAssertEqual(try sql("position(email, '@')"), "position(email, '@')")
    }

    func testMalformedKeywordCallsAreSyntaxErrors() {
        XCTAssertThrowsError(try SQL.parseExpression("trim(BOTH 'x' name)"))
        XCTAssertThrowsError(try SQL.parseExpression("position('a' IN)"))
        XCTAssertThrowsError(try SQL.parseExpression("trim('x' FROM)"))
    }
}
