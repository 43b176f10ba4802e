import XCTest
import LodeCore
@testable import LodePlan

final class DecorrelationTests: XCTestCase {
    let rules: [any OptimizerRule] = [SubqueryDecorrelation()]

    /// TPC-H Q4: `WHERE EXISTS (SELECT * FROM lineitem WHERE l_orderkey = o_orderkey AND l_commitdate < l_receiptdate)`.
    func testCorrelatedExistsBecomesSemiJoin() {
        let q = PlanDSL()
        let orders = q.scan("orders", ["o_orderkey", "o_orderpriority"])
        let lineitem = q.scan("lineitem", ["l_orderkey", "l_commitdate", "l_receiptdate"])
        let inner = q.project(q.filter(lineitem, and(eq(col(lineitem, "l_orderkey"), col(orders, "o_orderkey")),
                                                     call("<", col(lineitem, "l_commitdate"), col(lineitem, "l_receiptdate")))),
                              ["l_orderkey", "l_commitdate", "l_receiptdate"])
        let plan = q.filter(orders, and(eq(col(orders, "o_orderpriority"), lit(1)),
                                        q.subquery(.exists, inner, outer: [column(orders, "o_orderkey")])))
        assertOptimized(plan, rules, q, """
        Filter: o_orderpriority#1 = 1
          Join: semi on l_orderkey#2 = o_orderkey#0
            Scan: orders columns=[o_orderkey#0, o_orderpriority#1]
            Filter: l_commitdate#3 < l_receiptdate#4
              Scan: lineitem columns=[l_orderkey#2, l_commitdate#3, l_receiptdate#4]
        """)
    }

    /// TPC-H Q21: EXISTS with `<>` correlation and NOT EXISTS over the same table.
    func testNotExistsBecomesAntiJoinWithNonEquiCorrelation() {
        let q = PlanDSL()
        let l1 = q.scan("lineitem", ["l_orderkey", "l_suppkey"])
        let l2 = q.scan("lineitem", ["l_orderkey", "l_suppkey"])
        let l3 = q.scan("lineitem", ["l_orderkey", "l_suppkey"])
        let outer = [column(l1, "l_orderkey"), column(l1, "l_suppkey")]
        func correlated(_ l: LogicalPlan) -> LogicalPlan {
            q.filter(l, and(eq(col(l, "l_orderkey"), col(l1, "l_orderkey")), call("<>", col(l, "l_suppkey"), col(l1, "l_suppkey"))))
        }
        let plan = q.filter(l1, and(q.subquery(.exists, correlated(l2), outer: outer),
                                    not(q.subquery(.exists, correlated(l3), outer: outer))))
        assertOptimized(plan, rules, q, """
        Join: anti on (l_orderkey#4 = l_orderkey#0) AND (l_suppkey#5 <> l_suppkey#1)
          Join: semi on (l_orderkey#2 = l_orderkey#0) AND (l_suppkey#3 <> l_suppkey#1)
            Scan: lineitem columns=[l_orderkey#0, l_suppkey#1]
            Scan: lineitem columns=[l_orderkey#2, l_suppkey#3]
          Scan: lineitem columns=[l_orderkey#4, l_suppkey#5]
        """)
    }

    func testInAndNotInBecomeSemiAndNullAwareAntiJoins() {
        let q = PlanDSL()
        let t = q.scan("t", ["x"])
        let u = q.scan("u", ["y"])
        let v = q.scan("v", ["w"])
        let plan = q.filter(t, and(q.subquery(.inSubquery(col(t, "x")), u),
                                   not(q.subquery(.inSubquery(col(t, "x")), q.filter(v, call(">", col(v, "w"), lit(0)))))))
        assertOptimized(plan, rules, q, """
        Join: anti(null-aware) on x#0 = w#2
          Join: semi on x#0 = y#1
            Scan: t columns=[x#0]
            Scan: u columns=[y#1]
          Filter: w#2 > 0
            Scan: v columns=[w#2]
        """)
    }

    func testExistsUnderOrBecomesMarkJoin() {
        let q = PlanDSL()
        let t = q.scan("t", ["x"])
        let u = q.scan("u", ["y"])
        let inner = q.filter(u, eq(col(u, "y"), col(t, "x")))
        let plan = q.filter(t, .call("or", [eq(col(t, "x"), lit(1)), q.subquery(.exists, inner, outer: [column(t, "x")])], .boolean))
        assertOptimized(plan, rules, q, """
        Projection: x#0
          Filter: (x#0 = 1) OR mark#2
            Join: mark(mark#2) on (coalesce(y#1, 0) = coalesce(x#0, 0)) AND (y#1 IS NOT NULL AND x#0 IS NOT NULL)
              Scan: t columns=[x#0]
              Scan: u columns=[y#1]
        """)
    }

    func testInInSelectListBecomesMarkJoin() {
        let q = PlanDSL()
        let t = q.scan("t", ["x"])
        let u = q.scan("u", ["y"])
        let plan = q.project(t, [("found", q.subquery(.inSubquery(col(t, "x")), u))])
        assertOptimized(plan, rules, q, """
        Projection: mark#3 AS found#2
          Join: mark(mark#3) on x#0 = y#1
            Scan: t columns=[x#0]
            Scan: u columns=[y#1]
        """)
    }

    /// TPC-H Q22's `c_acctbal > (SELECT avg(c_acctbal) FROM customer WHERE ...)`.
    func testUncorrelatedScalarBecomesSingleJoin() {
        let q = PlanDSL()
        let c = q.scan("customer", ["c_custkey", "c_acctbal"])
        let c2 = q.scan("customer", ["c_custkey", "c_acctbal"])
        let average = q.aggregate(q.filter(c2, call(">", col(c2, "c_acctbal"), lit(0))), groups: [], [("avg", "avg", [col(c2, "c_acctbal")])])
        let plan = q.filter(c, call(">", col(c, "c_acctbal"), q.subquery(.scalar, average)))
        assertOptimized(plan, rules, q, """
        Projection: c_custkey#0, c_acctbal#1
          Filter: c_acctbal#1 > avg#4
            Join: single
              Scan: customer columns=[c_custkey#0, c_acctbal#1]
              Aggregate: groups=[] aggregates=[avg(c_acctbal#3) AS avg#4]
                Filter: c_acctbal#3 > 0
                  Scan: customer columns=[c_custkey#2, c_acctbal#3]
        """)
    }

    /// TPC-H Q17: `l_quantity < (SELECT 0.2 * avg(l_quantity) FROM lineitem WHERE l_partkey = p_partkey)`.
    func testCorrelatedScalarAggregateIsGroupedAndLeftJoined() {
        let q = PlanDSL()
        let part = q.scan("part", ["p_partkey"])
        let lineitem = q.scan("lineitem", ["l_partkey", "l_quantity"])
        let inner = q.scan("lineitem", ["l_partkey", "l_quantity"])
        let average = q.aggregate(q.filter(inner, eq(col(inner, "l_partkey"), col(part, "p_partkey"))), groups: [],
                                  [("avg", "avg", [col(inner, "l_quantity")])])
        let scaled = q.project(average, [("x", call("*", lit(2), col(average, "avg")))])
        let joined = q.join(.inner, lineitem, part, eq(col(lineitem, "l_partkey"), col(part, "p_partkey")))
        let plan = q.filter(joined, call("<", col(lineitem, "l_quantity"), q.subquery(.scalar, scaled, outer: [column(part, "p_partkey")])))
        assertOptimized(plan, rules, q, """
        Projection: l_partkey#1, l_quantity#2, p_partkey#0
          Filter: l_quantity#2 < (2 * avg#5)
            Join: left on p_partkey#0 = l_partkey#7
              Join: inner on l_partkey#1 = p_partkey#0
                Scan: lineitem columns=[l_partkey#1, l_quantity#2]
                Scan: part columns=[p_partkey#0]
              Aggregate: groups=[l_partkey#3 AS l_partkey#7] aggregates=[avg(l_quantity#4) AS avg#5]
                Scan: lineitem columns=[l_partkey#3, l_quantity#4]
        """)
    }

    func testCorrelatedCountReadsZeroWithoutMatches() {
        let q = PlanDSL()
        let customer = q.scan("customer", ["c_custkey"])
        let orders = q.scan("orders", ["o_custkey"])
        let count = q.aggregate(q.filter(orders, eq(col(orders, "o_custkey"), col(customer, "c_custkey"))), groups: [],
                                [("n", "count_star", [])])
        let plan = q.project(customer, [("c_custkey", col(customer, "c_custkey")),
                                        ("orders", q.subquery(.scalar, count, outer: [column(customer, "c_custkey")]))])
        assertOptimized(plan, rules, q, """
        Projection: c_custkey#0, coalesce(n#2, 0) AS orders#3
          Join: left on c_custkey#0 = o_custkey#4
            Scan: customer columns=[c_custkey#0]
            Aggregate: groups=[o_custkey#1 AS o_custkey#4] aggregates=[count(*) AS n#2]
              Scan: orders columns=[o_custkey#1]
        """)
    }

    /// TPC-H Q20: an IN subquery whose own filter holds a scalar subquery correlated to it.
    func testNestedSubqueriesAreDecorrelatedInsideOut() {
        let q = PlanDSL()
        let supplier = q.scan("supplier", ["s_suppkey"])
        let partsupp = q.scan("partsupp", ["ps_suppkey", "ps_availqty"])
        let lineitem = q.scan("lineitem", ["l_suppkey", "l_quantity"])
        let total = q.aggregate(q.filter(lineitem, eq(col(lineitem, "l_suppkey"), col(partsupp, "ps_suppkey"))), groups: [],
                                [("sum", "sum", [col(lineitem, "l_quantity")])])
        let available = q.filter(partsupp, call(">", col(partsupp, "ps_availqty"),
                                                q.subquery(.scalar, total, outer: [column(partsupp, "ps_suppkey")])))
        let plan = q.filter(supplier, q.subquery(.inSubquery(col(supplier, "s_suppkey")), q.project(available, ["ps_suppkey"])))
        assertOptimized(plan, rules, q, """
        Join: semi on s_suppkey#0 = ps_suppkey#1
          Scan: supplier columns=[s_suppkey#0]
          Projection: ps_suppkey#1
            Projection: ps_suppkey#1, ps_availqty#2
              Filter: ps_availqty#2 > sum#5
                Join: left on ps_suppkey#1 = l_suppkey#6
                  Scan: partsupp columns=[ps_suppkey#1, ps_availqty#2]
                  Aggregate: groups=[l_suppkey#3 AS l_suppkey#6] aggregates=[sum(l_quantity#4) AS sum#5]
                    Scan: lineitem columns=[l_suppkey#3, l_quantity#4]
        """)
    }

    func testUnsupportedCorrelationIsNotImplemented() {
        let q = PlanDSL()
        let t = q.scan("t", ["x"])
        let u = q.scan("u", ["y"])
        let v = q.scan("v", ["z"])
        let inner = q.join(.full, v, q.filter(u, eq(col(u, "y"), col(t, "x"))), eq(col(v, "z"), col(u, "y")))
        let plan = q.filter(t, q.subquery(.exists, inner, outer: [column(t, "x")]))
        XCTAssertThrowsError(try SubqueryDecorrelation().rewrite(plan, context: q.context())) { error in
            XCTAssertEqual((error as? PlanError)?.kind, .notImplemented)
            XCTAssertTrue("\(error)".contains("correlated subquery of this shape"), "\(error)")
        }
    }

    func testCorrelatedScalarWithoutAggregateBecomesSingleJoinOnTheCorrelation() {
        let q = PlanDSL()
        let orders = q.scan("orders", ["o_custkey"])
        let customer = q.scan("customer", ["c_custkey", "c_name"])
        let name = q.project(q.filter(customer, eq(col(customer, "c_custkey"), col(orders, "o_custkey"))), ["c_name"])
        let plan = q.project(orders, [("name", q.subquery(.scalar, name, outer: [column(orders, "o_custkey")]))])
        assertOptimized(plan, rules, q, """
        Projection: c_name#2 AS name#3
          Join: single on c_custkey#1 = o_custkey#0
            Scan: orders columns=[o_custkey#0]
            Projection: c_name#2, c_custkey#1
              Scan: customer columns=[c_custkey#1, c_name#2]
        """)
    }
}
