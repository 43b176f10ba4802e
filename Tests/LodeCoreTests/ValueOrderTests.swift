import XCTest
@testable import LodeCore

final class ValueOrderTests: XCTestCase {
    func testNumbersCompareAcrossKinds() {
        XCTAssertEqual(Value.compare(.int(2), .double(2.5)), -1)
        XCTAssertEqual(Value.compare(.decimal(Decimal128(1250, precision: 10, scale: 2)), .decimal(Decimal128(125, precision: 10, scale: 1))), 0)
        XCTAssertEqual(Value.compare(.decimal(Decimal128(-1, precision: 10, scale: 2)), .int(0)), -1)
        XCTAssertNil(Value.compare(.double(.nan), .double(1)))
        XCTAssertNil(Value.compare(.int(1), .string("1")))
    }

    func testTextComparesByBytes() {
        XCTAssertEqual(Value.compare(.string("Z"), .string("a")), -1)
        XCTAssertEqual(Value.compare(.string("ab"), .string("a")), 1)
        XCTAssertEqual(Value.compare(.string("é"), .string("z")), 1, "UTF-8 bytes, not characters")
        XCTAssertEqual(Value.compare(.binary([1, 2]), .binary([1, 2])), 0)
    }

    func testTemporalValuesCompareAcrossUnitsWithoutOverflow() {
        XCTAssertEqual(Value.compare(.timestamp(1, .millisecond, utc: true), .timestamp(999, .microsecond, utc: true)), 1)
        XCTAssertEqual(Value.compare(.date(1), .timestamp(86_400_000_000, .microsecond, utc: false)), 0)
        // 9999-12-31 in nanoseconds does not fit Int64: the date is later than any such value.
        XCTAssertEqual(Value.compare(.date(2_932_896), .timestamp(.max, .nanosecond, utc: true)), 1)
        XCTAssertEqual(Value.compare(.timestamp(.min, .nanosecond, utc: true), .date(-719_162)), 1)
        XCTAssertEqual(Value.compare(.date(0), .string("1970-01-02")), -1)
        XCTAssertEqual(Value.compare(.string("1970-01-02"), .date(0)), 1)
    }
}
