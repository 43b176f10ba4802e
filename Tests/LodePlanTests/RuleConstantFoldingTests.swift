import XCTest
import LodeCore
@testable import LodePlan

final class RuleConstantFoldingTests: XCTestCase {
    func testFoldsConstantsAndDropsTrueConjuncts() {
        let q = PlanDSL()
        let t = q.scan("t", ["a"])
        let plan = q.filter(t, and(eq(col(t, "a"), call("+", lit(1), lit(2))), .trueLiteral))
        assertOptimized(plan, [ConstantFolding()], q, evaluator: FakeEvaluator(), """
        Filter: a#0 = 3
          Scan: t columns=[a#0]
        """)
    }

    func testEvaluationErrorsStayForRunTime() {
        let q = PlanDSL()
        let t = q.scan("t", ["a"])
        let plan = q.filter(t, eq(col(t, "a"), call("/", lit(1), lit(0))))
        assertOptimized(plan, [ConstantFolding()], q, evaluator: FakeEvaluator(), """
        Filter: a#0 = (1 / 0)
          Scan: t columns=[a#0]
        """)
    }

    func testWithoutEvaluatorOnlyLogicIsSimplified() {
        let q = PlanDSL()
        let t = q.scan("t", ["a"])
        let plan = q.filter(t, .call("or", [.falseLiteral, not(not(eq(col(t, "a"), call("+", lit(1), lit(2)))))], .boolean))
        assertOptimized(plan, [ConstantFolding()], q, """
        Filter: a#0 = (1 + 2)
          Scan: t columns=[a#0]
        """)
    }

    func testTrueFilterDisappearsAndFalseFilterIsEmpty() {
        let q = PlanDSL()
        let t = q.scan("t", ["a"])
        assertOptimized(q.filter(t, eq(lit(1), lit(1))), [ConstantFolding()], q, evaluator: FakeEvaluator(), """
        Scan: t columns=[a#0]
        """)
        assertOptimized(q.filter(t, and(eq(col(t, "a"), lit(1)), .falseLiteral)), [ConstantFolding()], q, """
        Values: columns=[a#0] rows=0
        """)
        assertOptimized(q.filter(t, .literal(.null, .boolean)), [ConstantFolding()], q, """
        Values: columns=[a#0] rows=0
        """)
    }

    func testNullAndTrueIsKept() {
        let q = PlanDSL()
        let t = q.scan("t", ["a"])
        let plan = q.filter(t, .call("or", [.literal(.null, .boolean), eq(col(t, "a"), lit(1))], .boolean))
        assertOptimized(plan, [ConstantFolding()], q, """
        Filter: NULL OR (a#0 = 1)
          Scan: t columns=[a#0]
        """)
    }
}
