import XCTest
import LodeCore
@testable import LodePlan

final class CardinalityEstimateTests: XCTestCase {
    /// TPC-H Q7's shape: customers and suppliers share only a nation key (25 values), so
    /// joining them first multiplies rows; the order should go through lineitem instead.
    func testAJoinOnALowCardinalityKeyIsSeenToMultiplyRows() {
        let q = PlanDSL()
        let customer = q.scan(FakeTable("customer", [("c_custkey", .int64), ("c_nationkey", .int64)], rows: 60_000,
                                        distinct: ["c_custkey": 60_000, "c_nationkey": 25]))
        let supplier = q.scan(FakeTable("supplier", [("s_suppkey", .int64), ("s_nationkey", .int64)], rows: 1_000,
                                        distinct: ["s_suppkey": 1_000, "s_nationkey": 25]))
        let lineitem = q.scan(FakeTable("lineitem", [("l_custkey", .int64), ("l_suppkey", .int64)], rows: 600_000,
                                        distinct: ["l_custkey": 60_000, "l_suppkey": 1_000]))
        let byNation = CardinalityEstimate.innerRows(customer, 60_000, supplier, 1_000,
                                                     [eq(col(customer, "c_nationkey"), col(supplier, "s_nationkey"))])
        XCTAssertEqual(byNation, 2_400_000, accuracy: 1)
        let bySupplier = CardinalityEstimate.innerRows(lineitem, 600_000, supplier, 1_000,
                                                       [eq(col(lineitem, "l_suppkey"), col(supplier, "s_suppkey"))])
        XCTAssertEqual(bySupplier, 600_000, accuracy: 1)
        let plan = q.join(.inner, q.join(.inner, customer, supplier, nil), lineitem, and(
            eq(col(customer, "c_nationkey"), col(supplier, "s_nationkey")),
            eq(col(lineitem, "l_suppkey"), col(supplier, "s_suppkey")),
            eq(col(lineitem, "l_custkey"), col(customer, "c_custkey"))))
        let optimized = (try? JoinReorder().rewrite(plan, context: q.context()))?.explain() ?? ""
        XCTAssertFalse(optimized.contains("on c_nationkey#1 = s_nationkey#3\n"), optimized)
        XCTAssertTrue(optimized.contains("s_suppkey") && optimized.contains("l_suppkey#5 = s_suppkey#2"), optimized)
    }

    func testWithoutStatisticsAnEquiJoinIsAsLargeAsItsLargerSide() {
        let q = PlanDSL()
        let a = q.scan("a", ["x"], rows: 100)
        let b = q.scan("b", ["y"], rows: 10)
        XCTAssertEqual(CardinalityEstimate.innerRows(a, 100, b, 10, [eq(col(a, "x"), col(b, "y"))]), 100)
    }

    func testDistinctCountsOfIntegerAndDateRanges() {
        XCTAssertEqual(distinctCountBound(min: .int(1), max: .int(25), rows: 1_000), 25)
        XCTAssertEqual(distinctCountBound(min: .int(1), max: .int(6_000_000), rows: 1_500_000), 1_500_000)
        XCTAssertEqual(distinctCountBound(min: .date(0), max: .date(364), rows: nil), 365)
        XCTAssertNil(distinctCountBound(min: .string("a"), max: .string("z"), rows: 10))
        XCTAssertNil(distinctCountBound(min: .int(Int64.min), max: .int(Int64.max), rows: nil))
    }
}
