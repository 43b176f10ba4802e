import XCTest
import LodeCore
@testable import LodePlan

final class RulePredicatePushdownTests: XCTestCase {
    func testPushesThroughProjectionSubstitutingExpressions() {
        let q = PlanDSL()
        let t = q.scan("t", ["a", "b"])
        let p = q.project(t, [("a", col(t, "a")), ("c", call("+", col(t, "b"), lit(1)))])
        let plan = q.filter(p, and(call(">", col(p, "c"), lit(5)), eq(col(p, "a"), lit(2))))
        assertOptimized(plan, [PredicatePushdown()], q, """
        Projection: a#0, b#1 + 1 AS c#2
          Scan: t columns=[a#0, b#1] filters=[(b#1 + 1) > 5, a#0 = 2]
        """)
    }

    func testOnlyGroupKeyPredicatesPassAnAggregate() {
        let q = PlanDSL()
        let t = q.scan("t", ["k", "v"])
        let g = q.aggregate(t, groups: ["k"], [("total", "sum", [col(t, "v")])])
        let plan = q.filter(g, and(eq(col(g, "k"), lit(1)), call(">", col(g, "total"), lit(10))))
        assertOptimized(plan, [PredicatePushdown()], q, """
        Filter: total#3 > 10
          Aggregate: groups=[k#0 AS k#2] aggregates=[sum(v#1) AS total#3]
            Scan: t columns=[k#0, v#1] filters=[k#0 = 1]
        """)
    }

    func testCrossJoinWithEqualityBecomesInnerJoin() {
        let q = PlanDSL()
        let a = q.scan("a", ["x", "y"])
        let b = q.scan("b", ["z"])
        let plan = q.filter(q.cross(a, b), and(eq(col(a, "x"), col(b, "z")), call(">", col(a, "y"), lit(3)), eq(col(b, "z"), lit(7))))
        assertOptimized(plan, [PredicatePushdown()], q, """
        Join: inner on x#0 = z#2
          Scan: a columns=[x#0, y#1] filters=[y#1 > 3]
          Scan: b columns=[z#2] filters=[z#2 = 7]
        """)
    }

    func testLeftJoinKeepsNullSupplyingSidePredicatesAbove() {
        let q = PlanDSL()
        let a = q.scan("a", ["x"])
        let b = q.scan("b", ["z"])
        let on = and(eq(col(a, "x"), col(b, "z")), eq(col(b, "z"), lit(1)), eq(col(a, "x"), lit(2)))
        let plan = q.filter(q.join(.left, a, b, on), and(eq(col(a, "x"), lit(3)), .call("is_null", [col(b, "z")], .boolean)))
        assertOptimized(plan, [PredicatePushdown()], q, """
        Filter: z#1 IS NULL
          Join: left on (x#0 = z#1) AND (x#0 = 2)
            Scan: a columns=[x#0] filters=[x#0 = 3]
            Scan: b columns=[z#1] filters=[z#1 = 1]
        """)
    }

    func testSemiAndAntiJoinsTakeLeftPredicates() {
        let q = PlanDSL()
        let a = q.scan("a", ["x"])
        let b = q.scan("b", ["z"])
        let anti = q.join(.anti(nullAware: false), a, b, and(eq(col(a, "x"), col(b, "z")), eq(col(a, "x"), lit(1))))
        assertOptimized(q.filter(anti, eq(col(a, "x"), lit(2))), [PredicatePushdown()], q, """
        Join: anti on (x#0 = z#1) AND (x#0 = 1)
          Scan: a columns=[x#0] filters=[x#0 = 2]
          Scan: b columns=[z#1]
        """)
    }

    func testUnionReceivesPredicatesOnBothSidesByPosition() {
        let q = PlanDSL()
        let a = q.scan("a", ["x"])
        let b = q.scan("b", ["z"])
        let out = PlanColumn(id: q.ids.next(), name: "x", type: .int32)
        let union = LogicalPlan.setOperation(SetOperation(kind: .union, all: true, left: a, right: b, columns: [out]))
        assertOptimized(q.filter(union, eq(out.reference, lit(5))), [PredicatePushdown()], q, """
        Union all: columns=[x#2]
          Scan: a columns=[x#0] filters=[x#0 = 5]
          Scan: b columns=[z#1] filters=[z#1 = 5]
        """)
    }

    func testLimitAndSortWithLimitStopPredicates() {
        let q = PlanDSL()
        let t = q.scan("t", ["a"])
        let plan = q.filter(q.sort(q.filter(q.limit(t, 10), eq(col(t, "a"), lit(1))), ["a"], limit: 3), eq(col(t, "a"), lit(2)))
        assertOptimized(plan, [PredicatePushdown()], q, """
        Filter: a#0 = 2
          Sort: a#0 ASC limit=3
            Filter: a#0 = 1
              Limit: limit=10
                Scan: t columns=[a#0]
        """)
    }

    func testWindowPassesPartitionKeyPredicatesOnly() {
        let q = PlanDSL()
        let t = q.scan("t", ["p", "v"])
        let rank = PlanColumn(id: q.ids.next(), name: "rn", type: .int64)
        let call = WindowCall(name: "row_number", arguments: [], partitionBy: [col(t, "p")], orderBy: [SortKey(col(t, "v"))],
                              frame: .runningRange, type: .int64)
        let window = LogicalPlan.window(Window(input: t, functions: [call], columns: [rank]))
        let plan = q.filter(window, and(eq(col(t, "p"), lit(1)), eq(col(t, "v"), lit(2)), eq(rank.reference, lit(1))))
        assertOptimized(plan, [PredicatePushdown()], q, """
        Filter: (v#1 = 2) AND (rn#2 = 1)
          Window: row_number() OVER (PARTITION BY p#0 ORDER BY v#1 ASC) AS rn#2
            Scan: t columns=[p#0, v#1] filters=[p#0 = 1]
        """)
    }

    func testNullRejectingPredicateTurnsOuterJoinInner() {
        let q = PlanDSL()
        let a = q.scan("a", ["x"])
        let b = q.scan("b", ["z"])
        let left = q.join(.left, a, b, eq(col(a, "x"), col(b, "z")))
        assertOptimized(q.filter(left, call(">", call("+", col(b, "z"), lit(1)), lit(1))), [PredicatePushdown()], q, """
        Join: inner on x#0 = z#1
          Scan: a columns=[x#0]
          Scan: b columns=[z#1] filters=[(z#1 + 1) > 1]
        """)
        let coalesced = BoundExpression.call("coalesce", [col(b, "z"), lit(0)], .int32)
        assertOptimized(q.filter(left, eq(coalesced, lit(0))), [PredicatePushdown()], q, """
        Filter: coalesce(z#1, 0) = 0
          Join: left on x#0 = z#1
            Scan: a columns=[x#0]
            Scan: b columns=[z#1]
        """)
    }

    func testScanWithLimitDoesNotTakeFilters() {
        let q = PlanDSL()
        var t = q.scan("t", ["a"])
        if case .scan(var s) = t { s.limit = 5; t = .scan(s) }
        assertOptimized(q.filter(t, eq(col(t, "a"), lit(1))), [PredicatePushdown()], q, """
        Filter: a#0 = 1
          Scan: t columns=[a#0] limit=5
        """)
    }

    func testSemiJoinConditionSidesMoveIntoInputs() {
        let q = PlanDSL()
        let a = q.scan("a", ["x"])
        let b = q.scan("b", ["z"])
        let semi = q.join(.semi, a, b, and(eq(col(a, "x"), col(b, "z")), eq(col(a, "x"), lit(1)), eq(col(b, "z"), lit(2))))
        assertOptimized(semi, [PredicatePushdown()], q, """
        Join: semi on x#0 = z#1
          Scan: a columns=[x#0] filters=[x#0 = 1]
          Scan: b columns=[z#1] filters=[z#1 = 2]
        """)
    }

    /// TPC-H Q19: the join key shared by every arm is taken out of the `OR`, and each
    /// input is filtered by what every arm requires of it.
    func testDisjunctionAcrossJoinInputsYieldsKeyAndImpliedFilters() {
        let q = PlanDSL()
        let part = q.scan("part", ["p_partkey", "p_brand", "p_size"])
        let lineitem = q.scan("lineitem", ["l_partkey", "l_quantity"])
        let key = eq(col(part, "p_partkey"), col(lineitem, "l_partkey"))
        func arm(_ brand: Int, _ quantity: Int) -> BoundExpression {
            and(key, eq(col(part, "p_brand"), lit(brand)), call(">=", col(lineitem, "l_quantity"), lit(quantity)))
        }
        let predicate = BoundExpression.call("or", [arm(12, 1), arm(23, 10)], .boolean)
        assertOptimized(q.filter(q.cross(part, lineitem), predicate), [PredicatePushdown()], q, """
        Join: inner on (p_partkey#0 = l_partkey#3) AND (((p_brand#1 = 12) AND (l_quantity#4 >= 1)) OR ((p_brand#1 = 23) AND (l_quantity#4 >= 10)))
          Scan: part columns=[p_partkey#0, p_brand#1, p_size#2] filters=[(p_brand#1 = 12) OR (p_brand#1 = 23)]
          Scan: lineitem columns=[l_partkey#3, l_quantity#4] filters=[(l_quantity#4 >= 1) OR (l_quantity#4 >= 10)]
        """)
        XCTAssertEqual(BoundExpression.call("or", [col(part, "p_size"), and(col(part, "p_size"), col(part, "p_brand"))], .boolean)
            .factoredConjuncts, [col(part, "p_size")])
    }
}
