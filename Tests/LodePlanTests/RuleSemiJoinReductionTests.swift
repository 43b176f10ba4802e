import XCTest
import LodeCore
@testable import LodePlan

final class RuleSemiJoinReductionTests: XCTestCase {
    func testAnAggregateJoinedToAFewRowsOnItsGroupKeyGroupsOnlyThoseRows() {
        let q = PlanDSL()
        let lineitem = q.scan("lineitem", ["l_partkey", "l_quantity"], rows: 6_000_000)
        let perPart = q.aggregate(lineitem, groups: ["l_partkey"], [("total", "sum", [col(lineitem, "l_quantity")])])
        let part = q.scan("part", ["p_partkey"], rows: 200)
        let plan = q.join(.inner, perPart, part, eq(col(perPart, "l_partkey"), col(part, "p_partkey")))
        assertOptimized(plan, [SemiJoinReduction()], q, """
        Join: inner on l_partkey#2 = p_partkey#4
          Aggregate: groups=[l_partkey#0 AS l_partkey#2] aggregates=[sum(l_quantity#1) AS total#3]
            Join: semi on l_partkey#0 = p_partkey#4
              Scan: lineitem columns=[l_partkey#0, l_quantity#1]
              Scan: part columns=[p_partkey#4]
          Scan: part columns=[p_partkey#4]
        """)
    }

    func testSidesOfSimilarSizeAreLeftAlone() {
        let q = PlanDSL()
        let orders = q.scan("orders", ["o_custkey", "o_total"], rows: 1_000)
        let perCustomer = q.aggregate(orders, groups: ["o_custkey"], [("n", "count_star", [])])
        let customer = q.scan("customer", ["c_custkey"], rows: 500)
        let plan = q.join(.inner, perCustomer, customer, eq(col(perCustomer, "o_custkey"), col(customer, "c_custkey")))
        let before = plan.explain()
        let after = (try? SemiJoinReduction().rewrite(plan, context: q.context()))?.explain()
        XCTAssertEqual(after, before)
    }

    func testASideThatCouldReadDifferentlyTwiceIsNotCopied() {
        let q = PlanDSL()
        let lineitem = q.scan("lineitem", ["l_partkey", "l_quantity"], rows: 6_000_000)
        let perPart = q.aggregate(lineitem, groups: ["l_partkey"], [("total", "sum", [col(lineitem, "l_quantity")])])
        let part = q.scan("part", ["p_partkey"], rows: 200)
        let sampled = q.filter(part, call("<", .call("random", [], .float64), .literal(.double(0.5), .float64)))
        let limited = q.limit(part, 10)
        for other in [sampled, limited] {
            let plan = q.join(.inner, perPart, other, eq(col(perPart, "l_partkey"), col(part, "p_partkey")))
            let after = (try? SemiJoinReduction().rewrite(plan, context: q.context()))?.explain()
            XCTAssertEqual(after, plan.explain())
        }
    }
}
