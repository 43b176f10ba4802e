import XCTest
import LodeCore
@testable import LodePlan
import LodeSQL

/// Correlated subqueries the plain rewrite cannot flatten: evaluated once per distinct
/// outer key and joined back on the keys.
final class DependentJoinDecorrelationTests: XCTestCase {
    let rules: [any OptimizerRule] = [SubqueryDecorrelation()]

    /// `(SELECT count(*) FROM u WHERE u.k = t.k AND u.d <= t.d)`: a non-equality correlation.
    func testScalarCountWithNonEqualityCorrelationGroupsByOuterKeys() {
        let q = PlanDSL()
        let t = q.scan("t", ["k", "d"])
        let u = q.scan("u", ["k", "d"])
        let inner = q.aggregate(q.filter(u, and(eq(col(u, "k"), col(t, "k")), call("<=", col(u, "d"), col(t, "d")))),
                                groups: [], [("n", "count_star", [])])
        let plan = q.project(t, [("n", q.subquery(.scalar, inner, outer: [column(t, "k"), column(t, "d")]))])
        assertOptimized(plan, rules, q, """
        Projection: coalesce(n#4, 0) AS n#5
          Join: left on (((k#0 IS NULL = k#9 IS NULL) AND (coalesce(k#0, 0) = coalesce(k#9, 0))) AND (d#1 IS NULL = d#10 IS NULL)) AND (coalesce(d#1, 0) = coalesce(d#10, 0))
            Scan: t columns=[k#0, d#1]
            Aggregate: groups=[k#7 AS k#9, d#8 AS d#10] aggregates=[count(*) AS n#4]
              Filter: (k#2 = k#7) AND (d#3 <= d#8)
                Join: cross
                  Scan: u columns=[k#2, d#3]
                  Aggregate: groups=[k#0 AS k#7, d#1 AS d#8] aggregates=[]
                    Scan: t columns=[k#0, d#1]
        """)
    }

    /// `(SELECT u.v FROM u WHERE u.k = t.k ORDER BY u.v DESC LIMIT 1)`: the first row per key.
    func testScalarTopRowBecomesRowNumberPerKey() {
        let q = PlanDSL()
        let t = q.scan("t", ["k"])
        let u = q.scan("u", ["k", "v"])
        let inner = q.project(q.sort(q.filter(u, eq(col(u, "k"), col(t, "k"))), ["v"], limit: 1), ["v"])
        let plan = q.project(t, [("v", q.subquery(.scalar, inner, outer: [column(t, "k")]))])
        assertOptimized(plan, rules, q, """
        Projection: v#2 AS v#3
          Join: single on (k#0 IS NULL = k#4 IS NULL) AND (coalesce(k#0, 0) = coalesce(k#4, 0))
            Scan: t columns=[k#0]
            Projection: v#2, k#4
              Projection: k#1, v#2, k#4
                Filter: row_number#5 <= 1
                  Window: row_number() OVER (PARTITION BY k#4 ORDER BY v#2 ASC) AS row_number#5
                    Filter: k#1 = k#4
                      Join: cross
                        Scan: u columns=[k#1, v#2]
                        Aggregate: groups=[k#0 AS k#4] aggregates=[]
                          Scan: t columns=[k#0]
        """)
    }

    /// `FROM t, LATERAL (SELECT u.v FROM u WHERE u.k = t.k)`: the correlation moves into the join.
    func testLateralSubqueryBecomesJoinOnItsCorrelation() throws {
        let ids = ColumnIDGenerator()
        guard case .query(let query) = try SQL.parseStatement(
            "select n_name, r.r_name from nation, lateral (select r_name from region where r_regionkey = n_regionkey) r") else {
            return XCTFail("not a query")
        }
        let plan = try makeBinder(ids: ids).bind(query)
        let optimized = try SubqueryDecorrelation().rewrite(plan, context: OptimizerContext(ids: ids, evaluator: nil))
        XCTAssertEqual(optimized.explain(), """
        Projection: n_name#1 AS n_name#8, r_name#7 AS r_name#9
          Projection: n_nationkey#0, n_name#1, n_regionkey#2, n_comment#3, r_name#7
            Join: inner on r_regionkey#4 = n_regionkey#2
              Scan: nation columns=[n_nationkey#0, n_name#1, n_regionkey#2, n_comment#3]
              Projection: r_name#5 AS r_name#7, r_regionkey#4
                Scan: region columns=[r_regionkey#4, r_name#5, r_comment#6]
        """)
    }
}
