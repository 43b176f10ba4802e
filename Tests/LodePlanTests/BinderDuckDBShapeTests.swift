import XCTest
import LodeCore
import LodeSQL
@testable import LodePlan

/// Binder rules that follow DuckDB's result shapes: fractional intervals, the epoch part,
/// `round(decimal, n)` and `//`.
final class BinderDuckDBShapeTests: XCTestCase {
    func check(_ text: String, _ unit: String?, _ months: Int32, _ days: Int32, _ micros: Int64, line: UInt = #line) throws {
        let interval = try IntervalLiteral(text, unit: unit)
        XCTAssertEqual([Int64(interval.months), Int64(interval.days), interval.micros], [Int64(months), Int64(days), micros], text, line: line)
    }

    func testFractionalIntervalAmounts() throws {
        try check("1.5 seconds", nil, 0, 0, 1_500_000)
        try check("1.5 months", nil, 1, 15, 0)
        try check("1.7 months", nil, 1, 21, 0)
        try check("1.5 years", nil, 18, 0, 0)
        try check("1.5 days", nil, 0, 1, 43_200_000_000)
        try check("1.25 weeks", nil, 0, 8, 64_800_000_000)
        try check("-1.5 hours", nil, 0, 0, -5_400_000_000)
        try check("0.0000001 seconds", nil, 0, 0, 0)
        try check(".5", "second", 0, 0, 500_000)
        for bad in ["1..5 seconds", ". seconds", "1.5e3 seconds", "x seconds", "1.5"] {
            XCTAssertThrowsError(try IntervalLiteral(bad, unit: nil), bad)
        }
        XCTAssertThrowsError(try IntervalLiteral("99999999999.5 years", unit: nil))
    }

    func testEpochPartIsDouble() throws {
        let plan = try bind("select extract(epoch from d), date_part('epoch', d), extract(year from d) from t")
        XCTAssertEqual(plan.columns.map(\.type), [.float64, .float64, .int64])
    }

    func testRoundOfDecimalTakesTheScaleOfItsDigits() throws {
        let plan = try bind("select round(c, 1), round(c, 5), round(c, -1), round(c), round(e, 1) from t")
        XCTAssertEqual(plan.columns.map(\.type), [
            .decimal(precision: 15, scale: 1), .decimal(precision: 15, scale: 2), .decimal(precision: 15, scale: 0),
            .decimal(precision: 15, scale: 0), .float64,
        ])
        XCTAssertThrowsError(try bind("select round(c, a) from t"))
    }
}
