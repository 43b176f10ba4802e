import XCTest
import LodeCore
@testable import LodePlan

final class ExplainTests: XCTestCase {
    func testNodesPrintIndentedWithNamedColumns() {
        let q = PlanDSL()
        let lineitem = q.scan(FakeTable("lineitem", [("l_returnflag", .string), ("l_quantity", .int64), ("l_shipdate", .date)], rows: 10))
        let filtered = q.filter(lineitem, .call("<=", [col(lineitem, "l_shipdate"), .literal(.date(10471), .date)], .boolean))
        let grouped = q.aggregate(filtered, groups: ["l_returnflag"], [("sum(l_quantity)", "sum", [col(lineitem, "l_quantity")])])
        let plan = q.sort(q.project(grouped, ["l_returnflag", "sum(l_quantity)"]), ["l_returnflag"], limit: 3)
        XCTAssertEqual(plan.explain(), """
        Sort: l_returnflag#3 ASC limit=3
          Projection: l_returnflag#3, sum(l_quantity)#4
            Aggregate: groups=[l_returnflag#0 AS l_returnflag#3] aggregates=[sum(l_quantity#1) AS sum(l_quantity)#4]
              Filter: l_shipdate#2 <= DATE '1998-09-02'
                Scan: lineitem columns=[l_returnflag#0, l_quantity#1, l_shipdate#2]
        """)
    }

    func testExpressionsPrintLikeSQL() {
        let a = BoundExpression.column(ColumnID(1), .int32)
        let names = [ColumnID(1): "a"]
        let sum = BoundExpression.call("+", [a, lit(1)], .int32)
        let e = BoundExpression.call("or", [
            .call("and", [.call(">", [.call("*", [sum, lit(2)], .int32), lit(3)], .boolean), .call("is_null", [a], .boolean)], .boolean),
            .call("like", [.cast(a, to: .string, isTry: false), str("it's%")], .boolean),
        ], .boolean)
        XCTAssertEqual(e.displayText(names: names),
                       "((((a#1 + 1) * 2) > 3) AND a#1 IS NULL) OR (CAST(a#1 AS VARCHAR) LIKE 'it''s%')")
        XCTAssertEqual(BoundExpression.call("coalesce", [a, lit(0)], .int32).displayText(), "coalesce(#1, 0)")
    }

    func testJoinKindsAndSubqueriesPrint() {
        let q = PlanDSL()
        let orders = q.scan("orders", ["o_orderkey"])
        let lineitem = q.scan("lineitem", ["l_orderkey"])
        let exists = q.subquery(.exists, q.filter(lineitem, eq(col(lineitem, "l_orderkey"), col(orders, "o_orderkey"))),
                                outer: [column(orders, "o_orderkey")])
        XCTAssertEqual(q.filter(orders, exists).explain(), """
        Filter: EXISTS (<subquery>)
          Subquery:
            Filter: l_orderkey#1 = o_orderkey#0
              Scan: lineitem columns=[l_orderkey#1]
          Scan: orders columns=[o_orderkey#0]
        """)
        let anti = q.join(.anti(nullAware: true), orders, lineitem, eq(col(orders, "o_orderkey"), col(lineitem, "l_orderkey")))
        XCTAssertEqual(anti.explain(), """
        Join: anti(null-aware) on o_orderkey#0 = l_orderkey#1
          Scan: orders columns=[o_orderkey#0]
          Scan: lineitem columns=[l_orderkey#1]
        """)
        XCTAssertEqual(q.limit(q.join(.inner, orders, lineitem), 5, offset: 2).explain(), """
        Limit: limit=5 offset=2
          Join: cross
            Scan: orders columns=[o_orderkey#0]
            Scan: lineitem columns=[l_orderkey#1]
        """)
    }
}
