import XCTest
import LodeCore
@testable import LodePlan

final class RuleProjectionPushdownTests: XCTestCase {
    func testScanReadsOnlyProjectedAndFilteredColumns() {
        let q = PlanDSL()
        let t = q.scan("t", ["a", "b", "c"])
        let plan = q.project(q.filter(t, eq(col(t, "b"), lit(1))), [("d", call("+", col(t, "a"), lit(1)))])
        assertOptimized(plan, [ProjectionPushdown()], q, """
        Projection: a#0 + 1 AS d#3
          Filter: b#1 = 1
            Scan: t columns=[a#0, b#1]
        """)
    }

    func testUnusedAggregatesAndPassThroughProjectionsGo() {
        let q = PlanDSL()
        let t = q.scan("t", ["k", "v", "w"])
        let g = q.aggregate(t, groups: ["k"], [("s", "sum", [col(t, "v")]), ("m", "max", [col(t, "w")])])
        let plan = q.project(q.project(g, ["k", "s", "m"]), ["s"])
        assertOptimized(plan, [ProjectionPushdown()], q, """
        Projection: s#4
          Aggregate: groups=[k#0 AS k#3] aggregates=[sum(v#1) AS s#4]
            Scan: t columns=[k#0, v#1]
        """)
    }

    func testJoinInputsKeepConditionColumns() {
        let q = PlanDSL()
        let a = q.scan("a", ["x", "y", "unused"])
        let b = q.scan("b", ["z", "w"])
        let plan = q.project(q.join(.inner, a, b, eq(col(a, "x"), col(b, "z"))), ["y", "w"])
        assertOptimized(plan, [ProjectionPushdown()], q, """
        Projection: y#1, w#4
          Join: inner on x#0 = z#3
            Scan: a columns=[x#0, y#1]
            Scan: b columns=[z#3, w#4]
        """)
    }

    func testCountStarKeepsOneColumnAndSemiJoinRightSide() {
        let q = PlanDSL()
        let a = q.scan("a", ["x", "y"])
        let b = q.scan("b", ["z", "w"])
        let semi = q.join(.semi, a, b, nil)
        let plan = q.aggregate(semi, groups: [], [("n", "count_star", [])])
        assertOptimized(plan, [ProjectionPushdown()], q, """
        Aggregate: groups=[] aggregates=[count(*) AS n#4]
          Join: semi
            Scan: a columns=[x#0]
            Scan: b columns=[z#2]
        """)
    }

    func testRootColumnsStayInOrder() {
        let q = PlanDSL()
        let t = q.scan("t", ["a", "b", "c"])
        let plan = q.project(t, ["c", "a"])
        assertOptimized(plan, [ProjectionPushdown()], q, """
        Projection: c#2, a#0
          Scan: t columns=[a#0, c#2]
        """)
        assertOptimized(q.project(t, ["a", "b", "c"]), [ProjectionPushdown()], q, """
        Scan: t columns=[a#0, b#1, c#2]
        """)
    }

    func testUnionAllPrunesPositionsOnBothSides() {
        let q = PlanDSL()
        let a = q.scan("a", ["x", "y"])
        let b = q.scan("b", ["z", "w"])
        let out = [PlanColumn(id: q.ids.next(), name: "x", type: .int32), PlanColumn(id: q.ids.next(), name: "y", type: .int32)]
        let union = LogicalPlan.setOperation(SetOperation(kind: .union, all: true, left: a, right: b, columns: out))
        assertOptimized(q.project(union, ["y"]), [ProjectionPushdown()], q, """
        Union all: columns=[y#5]
          Scan: a columns=[y#1]
          Scan: b columns=[w#3]
        """)
    }

    func testValuesDropUnreadColumnsButKeepOne() {
        let q = PlanDSL()
        let columns = [PlanColumn(id: q.ids.next(), name: "a", type: .int32), PlanColumn(id: q.ids.next(), name: "b", type: .int32)]
        let values = LogicalPlan.values(Values(columns: columns, rows: [[lit(1), lit(2)], [lit(3), lit(4)]]))
        assertOptimized(q.project(values, ["b"]), [ProjectionPushdown()], q, """
        Values: columns=[b#1] rows=2
        """)
        assertOptimized(q.aggregate(values, groups: [], [("n", "count_star", [])]), [ProjectionPushdown()], q, """
        Aggregate: groups=[] aggregates=[count(*) AS n#2]
          Values: columns=[a#0] rows=2
        """)
    }
}
