import XCTest
import LodeCore
@testable import LodePlan

final class RuleLimitPushdownTests: XCTestCase {
    func testLimitOverSortBecomesTopN() {
        let q = PlanDSL()
        let t = q.scan("t", ["a"])
        assertOptimized(q.limit(q.sort(t, ["a"]), 10), [LimitPushdown()], q, """
        Sort: a#0 ASC limit=10
          Scan: t columns=[a#0]
        """)
        assertOptimized(q.limit(q.sort(t, ["a"]), 10, offset: 5), [LimitPushdown()], q, """
        Limit: limit=10 offset=5
          Sort: a#0 ASC limit=15
            Scan: t columns=[a#0]
        """)
    }

    func testLimitPassesProjectionIntoUnfilteredScan() {
        let q = PlanDSL()
        let t = q.scan("t", ["a"])
        let plan = q.limit(q.project(t, [("b", call("+", col(t, "a"), lit(1)))]), 3)
        assertOptimized(plan, [LimitPushdown()], q, """
        Projection: a#0 + 1 AS b#1
          Limit: limit=3
            Scan: t columns=[a#0] limit=3
        """)
    }

    func testFilteredScanAndOffsetOnlyLimitStay() {
        let q = PlanDSL()
        var t = q.scan("t", ["a"])
        if case .scan(var s) = t { s.filters = [eq(col(t, "a"), lit(1))]; t = .scan(s) }
        assertOptimized(q.limit(t, 3), [LimitPushdown()], q, """
        Limit: limit=3
          Scan: t columns=[a#0] filters=[a#0 = 1]
        """)
        assertOptimized(q.limit(q.sort(t, ["a"]), nil, offset: 2), [LimitPushdown()], q, """
        Limit: limit=none offset=2
          Sort: a#0 ASC
            Scan: t columns=[a#0] filters=[a#0 = 1]
        """)
    }
}
