import XCTest
import LodeCore
@testable import LodePlan

final class RuleJoinReorderTests: XCTestCase {
    func testGreedyOrderStartsFromTheSmallestConnectedPair() {
        let q = PlanDSL()
        let big = q.scan("big", ["b_id", "b_mid"], rows: 1_000_000)
        let mid = q.scan("mid", ["m_id", "m_small"], rows: 10_000)
        let small = q.scan("small", ["s_id"], rows: 10)
        let plan = q.join(.inner, q.join(.inner, big, small, nil), mid,
                          and(eq(col(big, "b_mid"), col(mid, "m_id")), eq(col(mid, "m_small"), col(small, "s_id"))))
        assertOptimized(plan, [JoinReorder()], q, """
        Projection: b_id#0, b_mid#1, s_id#4, m_id#2, m_small#3
          Join: inner on b_mid#1 = m_id#2
            Join: inner on m_small#3 = s_id#4
              Scan: small columns=[s_id#4]
              Scan: mid columns=[m_id#2, m_small#3]
            Scan: big columns=[b_id#0, b_mid#1]
        """)
    }

    func testBuildSideIsTheSmallerInput() {
        let q = PlanDSL()
        let small = q.scan("small", ["s_id"], rows: 10)
        let big = q.scan("big", ["b_id"], rows: 1000)
        let inner = q.join(.inner, small, big, eq(col(small, "s_id"), col(big, "b_id")))
        assertOptimized(inner, [BuildSideSelection()], q, """
        Projection: s_id#0, b_id#1
          Join: inner on s_id#0 = b_id#1
            Scan: big columns=[b_id#1]
            Scan: small columns=[s_id#0]
        """)
        let left = q.join(.left, small, big, eq(col(small, "s_id"), col(big, "b_id")))
        assertOptimized(left, [BuildSideSelection()], q, """
        Projection: s_id#0, b_id#1
          Join: right on s_id#0 = b_id#1
            Scan: big columns=[b_id#1]
            Scan: small columns=[s_id#0]
        """)
        let semi = q.join(.semi, small, big, eq(col(small, "s_id"), col(big, "b_id")))
        assertOptimized(semi, [BuildSideSelection()], q, """
        Join: semi on s_id#0 = b_id#1
          Scan: small columns=[s_id#0]
          Scan: big columns=[b_id#1]
        """)
    }

    func testFiltersMakeAScanSmaller() {
        let q = PlanDSL()
        var a = q.scan("a", ["x"], rows: 100)
        if case .scan(var s) = a { s.filters = [eq(col(a, "x"), lit(1)), call("<", col(a, "x"), lit(9))]; a = .scan(s) }
        let b = q.scan("b", ["y"], rows: 10)
        XCTAssertEqual(CardinalityEstimate.rows(a), 2.5, accuracy: 0.01)
        assertOptimized(q.join(.inner, a, b, eq(col(a, "x"), col(b, "y"))), [BuildSideSelection()], q, """
        Projection: x#0, y#1
          Join: inner on x#0 = y#1
            Scan: b columns=[y#1]
            Scan: a columns=[x#0] filters=[x#0 = 1, x#0 < 9]
        """)
    }

    func testDisconnectedInputsJoinLastWithoutCondition() {
        let q = PlanDSL()
        let a = q.scan("a", ["x"], rows: 100)
        let b = q.scan("b", ["y"], rows: 1000)
        let c = q.scan("c", ["z"], rows: 5)
        let plan = q.join(.inner, q.cross(a, c), b, eq(col(a, "x"), col(b, "y")))
        assertOptimized(plan, [JoinReorder()], q, """
        Projection: x#0, z#2, y#1
          Join: cross
            Join: inner on x#0 = y#1
              Scan: a columns=[x#0]
              Scan: b columns=[y#1]
            Scan: c columns=[z#2]
        """)
    }
}
