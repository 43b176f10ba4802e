import XCTest
@testable import LodeCore

final class TemporalTests: XCTestCase {
    func testCivilDateRoundTripsAcrossEras() {
        for days in stride(from: -800_000, through: 3_000_000, by: 997) {
            let (y, m, d) = Temporal.civil(days: days)
            XCTAssertEqual(Temporal.days(year: y, month: m, day: d), days)
        }
        XCTAssertEqual(Temporal.days(year: 1970, month: 1, day: 1), 0)
        XCTAssertEqual(Temporal.days(year: 2000, month: 3, day: 1), 11_017)
    }

    func testDateTextAtTheExtremes() {
        XCTAssertEqual(Temporal.formatDate(0), "1970-01-01")
        XCTAssertEqual(Temporal.formatDate(-719_162), "0001-01-01")
        XCTAssertEqual(Temporal.formatDate(2_932_896), "9999-12-31")
        XCTAssertEqual(Temporal.parseDate("9999-12-31"), 2_932_896)
        XCTAssertEqual(Temporal.parseDate("2024-02-29"), 19_782)
        XCTAssertNil(Temporal.parseDate("2023-02-29"))
        XCTAssertNil(Temporal.parseDate("2023-2-1"))
        XCTAssertNil(Temporal.parseDate("yesterday"))
    }

    func testTimestampParsingHandlesSeparatorsFractionsAndOffsets() {
        XCTAssertEqual(Temporal.parseTimestamp("1970-01-01 00:00:01"), 1_000_000)
        XCTAssertEqual(Temporal.parseTimestamp("1970-01-01T00:00:00.5Z"), 500_000)
        XCTAssertEqual(Temporal.parseTimestamp("1970-01-01T01:00:00+01:00"), 0)
        XCTAssertEqual(Temporal.parseTimestamp("1970-01-01T00:00:00-0130"), 5_400_000_000)
        XCTAssertEqual(Temporal.parseTimestamp("1970-01-01 00:00:00.123456789", unit: .nanosecond), 123_456_789)
        XCTAssertEqual(Temporal.parseTimestamp("1969-12-31 23:59:59.999999"), -1)
        XCTAssertEqual(Temporal.parseTimestamp("2024-01-31"), Int64(19_753) * 86_400_000_000)
        XCTAssertNil(Temporal.parseTimestamp("2024-01-31 25:00:00"))
        XCTAssertNil(Temporal.parseTimestamp("2024-01-31 12:00:00.1234567890"))
        XCTAssertNil(Temporal.parseTimestamp("2024-01-31X12:00"))
        XCTAssertEqual(Temporal.parseTimestamp("2262-04-11T23:47:16.854775807", unit: .nanosecond), Int64.max)
        XCTAssertNil(Temporal.parseTimestamp("2262-04-11T23:47:16.854775808", unit: .nanosecond), "overflow")
        XCTAssertNil(Temporal.parseDate("900000000000000000-01-01"), "year too long")
        XCTAssertNil(Temporal.parseTimestamp("900000000-01-01 00:00:00"), "overflow")
    }

    func testTimestampFormattingTrimsFractionAndHandlesNegatives() {
        XCTAssertEqual(Temporal.formatTimestamp(-1, unit: .microsecond), "1969-12-31 23:59:59.999999")
        XCTAssertEqual(Temporal.formatTimestamp(1_500_000, unit: .microsecond), "1970-01-01 00:00:01.5")
        XCTAssertEqual(Temporal.formatTimestamp(86_400_000, unit: .millisecond), "1970-01-02 00:00:00")
    }
}
