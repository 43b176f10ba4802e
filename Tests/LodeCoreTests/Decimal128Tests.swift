import XCTest
@testable import LodeCore

final class Decimal128Tests: XCTestCase {
    func testParsesAndPrintsWithScale() throws {
        let d = try XCTUnwrap(Decimal128(parsing: "-12.5", precision: 10, scale: 2))
        XCTAssertEqual(d.unscaled, -1250)
        XCTAssertEqual(d.description, "-12.50")
        XCTAssertEqual(Decimal128(parsing: ".05", precision: 3, scale: 2)?.description, "0.05")
        XCTAssertEqual(Decimal128(parsing: "7", precision: 3, scale: 0)?.description, "7")
    }

    func testRoundsHalfAwayFromZero() {
        XCTAssertEqual(Decimal128(parsing: "1.005", precision: 5, scale: 2)?.unscaled, 101)
        XCTAssertEqual(Decimal128(parsing: "-1.004", precision: 5, scale: 2)?.unscaled, -100)
    }

    func testThirtyEightDigitsFitAndThirtyNineDoNot() {
        let max = String(repeating: "9", count: 38)
        XCTAssertEqual(Decimal128(parsing: Substring(max), precision: 38, scale: 0)?.description, max)
        let scaled = "-" + String(max.prefix(28)) + "." + String(max.prefix(10))
        XCTAssertEqual(Decimal128(parsing: Substring(scaled), precision: 38, scale: 10)?.description, scaled)
        XCTAssertNil(Decimal128(parsing: Substring("-" + max), precision: 38, scale: 10))
        XCTAssertNil(Decimal128(parsing: Substring(max + "9"), precision: 38, scale: 0))
        XCTAssertNil(Decimal128(parsing: "123.4", precision: 3, scale: 1))
    }

    func testRejectsGarbage() {
        for text in ["", "-", ".", "1.2.3", "1e5", "abc", "12a"] {
            XCTAssertNil(Decimal128(parsing: Substring(text), precision: 10, scale: 2), text)
        }
    }
}
