import XCTest
@testable import LodeSQL

final class LexerTests: XCTestCase {
    private func tokens(_ sql: String) throws -> [Token] {
        var lexer = Lexer(sql: sql)
        return try lexer.tokenize()
    }

    func testWordsKeepSpellingAndFoldForLookup() throws {
        let result = try tokens("SELECT MyCol FROM \"Mixed\"\"Case\"")
        XCTAssertEqual(result.map(\.kind), [.keyword, .identifier, .keyword, .quotedIdentifier, .end])
        XCTAssertEqual(result[1].text, "MyCol")
        XCTAssertEqual(result[1].value, "mycol")
        XCTAssertEqual(result[3].value, "Mixed\"Case")
    }

    func testNumbersKeepTheirText() throws {
        let result = try tokens("42 0.06 .5 1e3 2.5E-2 7.")
        XCTAssertEqual(result.map(\.kind), [.integer, .decimal, .decimal, .float, .float, .decimal, .end])
        XCTAssertEqual(result.map(\.text), ["42", "0.06", ".5", "1e3", "2.5E-2", "7.", ""])
    }

    func testStrings() throws {
        let result = try tokens("'it''s' E'a\\nb' ''")
        XCTAssertEqual(result.map(\.kind), [.string, .string, .string, .end])
        XCTAssertEqual(result.map(\.value), ["it's", "a\nb", "", ""])
    }

    func testOperatorsAndParameters() throws {
        let result = try tokens("+ - * / % || = <> != < <= > >= :: . => $1 ?")
        XCTAssertEqual(result.dropLast().map(\.text), ["+", "-", "*", "/", "%", "||", "=", "<>", "!=", "<", "<=", ">", ">=", "::", ".", "=>", "$1", "?"])
        XCTAssertEqual(result[16].kind, .parameter)
    }

    func testCommentsAreSkippedAndLocationsTracked() throws {
        let result = try tokens("select -- note\n  /* block /* nested */ */ a\n\tfrom t")
        XCTAssertEqual(result.map(\.text), ["select", "a", "from", "t", ""])
        XCTAssertEqual(result[1].location, SourceLocation(line: 2, column: 28, offset: 42))
        XCTAssertEqual(result[2].location.line, 3)
        XCTAssertEqual(result[2].location.column, 2)
    }

    func testColumnsCountCharactersNotBytes() throws {
        let result = try tokens("'é' x")
        XCTAssertEqual(result[1].location.column, 5)
    }

    func testUnterminatedString() {
        XCTAssertThrowsError(try tokens("select\n  'abc")) { error in
            let error = error as? SQLError
            XCTAssertEqual(error?.kind, .lexical)
            XCTAssertEqual(error?.line, 2)
            XCTAssertEqual(error?.column, 3)
            XCTAssertEqual(error?.description, "lexical error at line 2, column 3: unterminated string starting here")
        }
    }

    func testUnterminatedCommentAndQuotedIdentifier() {
        XCTAssertThrowsError(try tokens("select /* x")) { error in
            XCTAssertEqual((error as? SQLError)?.column, 8)
        }
        XCTAssertThrowsError(try tokens("select \"abc")) { error in
            XCTAssertEqual((error as? SQLError)?.message, "unterminated quoted identifier starting here")
        }
    }

    func testStrayCharacter() {
        XCTAssertThrowsError(try tokens("select a # b")) { error in
            let error = error as? SQLError
            XCTAssertEqual(error?.message, "unexpected character '#'")
            XCTAssertEqual(error?.column, 10)
            XCTAssertEqual(error?.token, "#")
        }
    }

    func testMalformedNumber() {
        XCTAssertThrowsError(try tokens("select 12abc")) { error in
            XCTAssertEqual((error as? SQLError)?.message, "invalid number '12abc'")
        }
    }
}
