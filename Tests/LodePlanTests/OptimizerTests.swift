import XCTest
import LodeCore
@testable import LodePlan

final class OptimizerTests: XCTestCase {
    /// TPC-H Q5: six comma-joined tables with the join conditions in WHERE.
    func q5(_ q: PlanDSL) -> LogicalPlan {
        let customer = q.scan(FakeTable("customer", [("c_custkey", .int32), ("c_nationkey", .int32), ("c_name", .string)], rows: 150_000))
        let orders = q.scan(FakeTable("orders", [("o_orderkey", .int32), ("o_custkey", .int32), ("o_orderdate", .date)], rows: 1_500_000))
        let lineitem = q.scan(FakeTable("lineitem", [("l_orderkey", .int32), ("l_suppkey", .int32), ("l_extendedprice", .int64),
                                                     ("l_discount", .int64), ("l_comment", .string)], rows: 6_000_000))
        let supplier = q.scan(FakeTable("supplier", [("s_suppkey", .int32), ("s_nationkey", .int32)], rows: 10_000))
        let nation = q.scan(FakeTable("nation", [("n_nationkey", .int32), ("n_name", .string), ("n_regionkey", .int32)], rows: 25))
        let region = q.scan(FakeTable("region", [("r_regionkey", .int32), ("r_name", .string)], rows: 5))
        let from = q.cross(customer, orders, lineitem, supplier, nation, region)
        let date = { (days: Int32) in BoundExpression.literal(.date(days), .date) }
        let predicate = and(
            eq(col(customer, "c_custkey"), col(orders, "o_custkey")), eq(col(lineitem, "l_orderkey"), col(orders, "o_orderkey")),
            eq(col(lineitem, "l_suppkey"), col(supplier, "s_suppkey")), eq(col(customer, "c_nationkey"), col(supplier, "s_nationkey")),
            eq(col(supplier, "s_nationkey"), col(nation, "n_nationkey")), eq(col(nation, "n_regionkey"), col(region, "r_regionkey")),
            eq(col(region, "r_name"), str("ASIA")), call(">=", col(orders, "o_orderdate"), date(8766)),
            call("<", col(orders, "o_orderdate"), date(9131)))
        let revenue = BoundExpression.call("*", [col(lineitem, "l_extendedprice"),
                                                  .call("-", [lit(1), col(lineitem, "l_discount")], .int64)], .int64)
        let filtered = q.filter(from, predicate)
        let grouped = q.aggregate(filtered, groups: ["n_name"], [("revenue", "sum", [revenue])])
        return .sort(Sort(input: q.project(grouped, ["n_name", "revenue"]), keys: [SortKey(col(grouped, "revenue"), ascending: false)]))
    }

    func testQ5BecomesAConnectedJoinTreeWithFiltersInScans() throws {
        let q = PlanDSL()
        let plan = q5(q)
        let optimized = try Optimizer().optimize(plan, context: q.context())
        let text = optimized.explain()
        XCTAssertFalse(text.contains("cross"), text)
        XCTAssertFalse(text.contains("Filter:"), text)
        XCTAssertFalse(text.contains("c_name") || text.contains("l_comment"), text)
        XCTAssertEqual(optimized.columns, plan.columns)
        XCTAssertEqual(text, """
        Sort: revenue#19 DESC
          Aggregate: groups=[n_name#14 AS n_name#18] aggregates=[sum(l_extendedprice#8 * (1 - l_discount#9)) AS revenue#19]
            Join: inner on (l_orderkey#6 = o_orderkey#3) AND (l_suppkey#7 = s_suppkey#11)
              Scan: lineitem columns=[l_orderkey#6, l_suppkey#7, l_extendedprice#8, l_discount#9]
              Join: inner on c_custkey#0 = o_custkey#4
                Join: inner on c_nationkey#1 = s_nationkey#12
                  Scan: customer columns=[c_custkey#0, c_nationkey#1]
                  Join: inner on s_nationkey#12 = n_nationkey#13
                    Scan: supplier columns=[s_suppkey#11, s_nationkey#12]
                    Join: inner on n_regionkey#15 = r_regionkey#16
                      Scan: nation columns=[n_nationkey#13, n_name#14, n_regionkey#15]
                      Scan: region columns=[r_regionkey#16, r_name#17] filters=[r_name#17 = 'ASIA']
                Scan: orders columns=[o_orderkey#3, o_custkey#4, o_orderdate#5] filters=[o_orderdate#5 >= DATE '1994-01-01', o_orderdate#5 < DATE '1995-01-01']
        """)
    }

    func testOutputColumnsArePreservedByEveryDefaultRule() throws {
        let q = PlanDSL()
        let t = q.scan("t", ["a", "b", "c"])
        let u = q.scan("u", ["d", "e"], rows: 10)
        let joined = q.join(.inner, t, u, eq(col(t, "a"), col(u, "d")))
        let plan = q.limit(q.sort(q.project(q.filter(joined, eq(col(t, "b"), lit(1))), ["e", "a", "c"]), ["a"]), 5)
        let optimized = try Optimizer().optimize(plan, context: q.context())
        XCTAssertEqual(optimized.columns, plan.columns)
        XCTAssertEqual(optimized.explain(), """
        Projection: e#4, a#0, c#2
          Sort: a#0 ASC limit=5
            Join: inner on a#0 = d#3
              Scan: t columns=[a#0, b#1, c#2] filters=[b#1 = 1]
              Scan: u columns=[d#3, e#4]
        """)
    }

    func testRuleChangingOutputColumnsIsAnInternalError() {
        struct DropColumns: OptimizerRule {
            var name: String { "drop" }
            func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan { .empty([]) }
        }
        let q = PlanDSL()
        XCTAssertThrowsError(try Optimizer(rules: [DropColumns()]).optimize(q.scan("t", ["a"]), context: q.context())) { error in
            XCTAssertEqual((error as? PlanError)?.kind, .internal)
        }
    }

    /// TPC-H Q17 through every default rule: the decorrelated aggregate's left join turns
    /// inner under the `<` filter and is joined to the filtered part first.
    func testQ17DecorrelatesAndPushesDown() throws {
        let q = PlanDSL()
        let lineitem = q.scan(FakeTable("lineitem", [("l_partkey", .int32), ("l_quantity", .int64), ("l_price", .int64)], rows: 6_000_000))
        let part = q.scan(FakeTable("part", [("p_partkey", .int32), ("p_brand", .string)], rows: 200_000))
        let inner = q.scan(FakeTable("lineitem", [("l_partkey", .int32), ("l_quantity", .int64), ("l_price", .int64)], rows: 6_000_000))
        let average = q.aggregate(q.filter(inner, eq(col(inner, "l_partkey"), col(part, "p_partkey"))), groups: [],
                                  [("avg", "avg", [col(inner, "l_quantity")])])
        let scaled = q.project(average, [("x", call("*", lit(2), col(average, "avg")))])
        let subquery = q.subquery(.scalar, scaled, outer: [column(part, "p_partkey")])
        let predicate = and(eq(col(part, "p_partkey"), col(lineitem, "l_partkey")), eq(col(part, "p_brand"), str("Brand#23")),
                            call("<", col(lineitem, "l_quantity"), subquery))
        let total = q.aggregate(q.filter(q.cross(lineitem, part), predicate), groups: [], [("total", "sum", [col(lineitem, "l_price")])])
        let optimized = try Optimizer().optimize(total, context: q.context())
        XCTAssertEqual(optimized.explain(), """
        Aggregate: groups=[] aggregates=[sum(l_price#2) AS total#10]
          Join: inner on (p_partkey#3 = l_partkey#0) AND (l_quantity#1 < (2 * avg#8))
            Scan: lineitem columns=[l_partkey#0, l_quantity#1, l_price#2]
            Join: inner on p_partkey#3 = l_partkey#11
              Aggregate: groups=[l_partkey#5 AS l_partkey#11] aggregates=[avg(l_quantity#6) AS avg#8]
                Join: semi on l_partkey#5 = p_partkey#3
                  Scan: lineitem columns=[l_partkey#5, l_quantity#6]
                  Scan: part columns=[p_partkey#3, p_brand#4] filters=[p_brand#4 = 'Brand#23']
              Scan: part columns=[p_partkey#3, p_brand#4] filters=[p_brand#4 = 'Brand#23']
        """)
    }

    /// TPC-H Q21: comma joins with EXISTS and NOT EXISTS over the same table.
    func testQ21SemiAndAntiJoinsSitOverTheReorderedJoins() throws {
        let q = PlanDSL()
        let supplier = q.scan(FakeTable("supplier", [("s_suppkey", .int32), ("s_nationkey", .int32), ("s_name", .string)], rows: 10_000))
        let l1 = q.scan(FakeTable("lineitem", [("l_orderkey", .int32), ("l_suppkey", .int32), ("l_late", .boolean)], rows: 6_000_000))
        let orders = q.scan(FakeTable("orders", [("o_orderkey", .int32), ("o_status", .string)], rows: 1_500_000))
        let nation = q.scan(FakeTable("nation", [("n_nationkey", .int32), ("n_name", .string)], rows: 25))
        let outer = [column(l1, "l_orderkey"), column(l1, "l_suppkey")]
        func correlated(_ late: Bool) -> LogicalPlan {
            let l = q.scan(FakeTable("lineitem", [("l_orderkey", .int32), ("l_suppkey", .int32), ("l_late", .boolean)], rows: 6_000_000))
            let conjuncts = [eq(col(l, "l_orderkey"), col(l1, "l_orderkey")), call("<>", col(l, "l_suppkey"), col(l1, "l_suppkey"))]
            return q.project(q.filter(l, and(conjuncts + (late ? [col(l, "l_late")] : []))), ["l_orderkey"])
        }
        let predicate = and(eq(col(supplier, "s_suppkey"), col(l1, "l_suppkey")), eq(col(orders, "o_orderkey"), col(l1, "l_orderkey")),
                            eq(col(orders, "o_status"), str("F")), col(l1, "l_late"),
                            q.subquery(.exists, correlated(false), outer: outer),
                            not(q.subquery(.exists, correlated(true), outer: outer)),
                            eq(col(supplier, "s_nationkey"), col(nation, "n_nationkey")), eq(col(nation, "n_name"), str("SAUDI ARABIA")))
        let from = q.filter(q.cross(supplier, l1, orders, nation), predicate)
        let plan = q.aggregate(from, groups: ["s_name"], [("numwait", "count_star", [])])
        let optimized = try Optimizer().optimize(plan, context: q.context())
        XCTAssertEqual(optimized.explain(), """
        Aggregate: groups=[s_name#2 AS s_name#16] aggregates=[count(*) AS numwait#17]
          Join: anti on (l_orderkey#13 = l_orderkey#3) AND (l_suppkey#14 <> l_suppkey#4)
            Join: semi on (l_orderkey#10 = l_orderkey#3) AND (l_suppkey#11 <> l_suppkey#4)
              Join: inner on o_orderkey#6 = l_orderkey#3
                Join: inner on s_suppkey#0 = l_suppkey#4
                  Scan: lineitem columns=[l_orderkey#3, l_suppkey#4, l_late#5] filters=[l_late#5]
                  Join: inner on s_nationkey#1 = n_nationkey#8
                    Scan: supplier columns=[s_suppkey#0, s_nationkey#1, s_name#2]
                    Scan: nation columns=[n_nationkey#8, n_name#9] filters=[n_name#9 = 'SAUDI ARABIA']
                Scan: orders columns=[o_orderkey#6, o_status#7] filters=[o_status#7 = 'F']
              Scan: lineitem columns=[l_orderkey#10, l_suppkey#11]
            Scan: lineitem columns=[l_orderkey#13, l_suppkey#14, l_late#15] filters=[l_late#15]
        """)
    }

    /// TPC-H Q2: `ps_supplycost = (SELECT min(ps_supplycost) FROM partsupp, supplier WHERE p_partkey = ps_partkey AND ...)`.
    func testQ2CorrelatedMinimumJoinsTheOuterJoinTree() throws {
        let q = PlanDSL()
        let part = q.scan(FakeTable("part", [("p_partkey", .int32), ("p_size", .int32)], rows: 200_000))
        let partsupp = q.scan(FakeTable("partsupp", [("ps_partkey", .int32), ("ps_suppkey", .int32), ("ps_supplycost", .int64)], rows: 800_000))
        let supplier = q.scan(FakeTable("supplier", [("s_suppkey", .int32), ("s_name", .string)], rows: 10_000))
        let ps2 = q.scan(FakeTable("partsupp", [("ps_partkey", .int32), ("ps_suppkey", .int32), ("ps_supplycost", .int64)], rows: 800_000))
        let s2 = q.scan(FakeTable("supplier", [("s_suppkey", .int32), ("s_name", .string)], rows: 10_000))
        let minimum = q.aggregate(q.filter(q.cross(ps2, s2), and(eq(col(part, "p_partkey"), col(ps2, "ps_partkey")),
                                                                 eq(col(s2, "s_suppkey"), col(ps2, "ps_suppkey")))),
                                  groups: [], [("min", "min", [col(ps2, "ps_supplycost")])])
        let predicate = and(eq(col(part, "p_partkey"), col(partsupp, "ps_partkey")), eq(col(supplier, "s_suppkey"), col(partsupp, "ps_suppkey")),
                            eq(col(part, "p_size"), lit(15)),
                            eq(col(partsupp, "ps_supplycost"), q.subquery(.scalar, minimum, outer: [column(part, "p_partkey")])))
        let plan = q.project(q.filter(q.cross(part, supplier, partsupp), predicate), ["s_name", "p_partkey"])
        let optimized = try Optimizer().optimize(plan, context: q.context())
        XCTAssertEqual(optimized.columns, plan.columns)
        XCTAssertEqual(optimized.explain(), """
        Projection: s_name#6, p_partkey#0
          Join: inner on s_suppkey#5 = ps_suppkey#3
            Join: inner on (p_partkey#0 = ps_partkey#2) AND (ps_supplycost#4 = min#12)
              Scan: partsupp columns=[ps_partkey#2, ps_suppkey#3, ps_supplycost#4]
              Join: inner on p_partkey#0 = ps_partkey#13
                Aggregate: groups=[ps_partkey#7 AS ps_partkey#13] aggregates=[min(ps_supplycost#9) AS min#12]
                  Join: semi on ps_partkey#7 = p_partkey#0
                    Join: inner on s_suppkey#10 = ps_suppkey#8
                      Scan: partsupp columns=[ps_partkey#7, ps_suppkey#8, ps_supplycost#9]
                      Scan: supplier columns=[s_suppkey#10]
                    Scan: part columns=[p_partkey#0, p_size#1] filters=[p_size#1 = 15]
                Scan: part columns=[p_partkey#0, p_size#1] filters=[p_size#1 = 15]
            Scan: supplier columns=[s_suppkey#5, s_name#6]
        """)
    }

    /// `SELECT x, x IN (SELECT y FROM u) FROM t` keeps the mark column through pruning.
    func testMarkJoinColumnSurvivesPruning() throws {
        let q = PlanDSL()
        let t = q.scan("t", ["x", "unused"], rows: 100)
        let u = q.scan("u", ["y", "other"], rows: 10)
        let plan = q.project(t, [("x", col(t, "x")), ("found", q.subquery(.inSubquery(col(t, "x")), q.project(u, ["y"])))])
        let optimized = try Optimizer().optimize(plan, context: q.context())
        XCTAssertEqual(optimized.explain(), """
        Projection: x#0, mark#5 AS found#4
          Join: mark(mark#5) on x#0 = y#2
            Scan: t columns=[x#0]
            Scan: u columns=[y#2]
        """)
    }

    /// TPC-H Q13: the ON filter of a left join goes into the orders scan, and the smaller
    /// preserved side becomes the build side of a right join.
    func testQ13LeftJoinBuildsOnTheSmallerSide() throws {
        let q = PlanDSL()
        let customer = q.scan(FakeTable("customer", [("c_custkey", .int32)], rows: 150_000))
        let orders = q.scan(FakeTable("orders", [("o_orderkey", .int32), ("o_custkey", .int32), ("o_comment", .string)], rows: 1_500_000))
        let on = and(eq(col(customer, "c_custkey"), col(orders, "o_custkey")),
                     not(.call("like", [col(orders, "o_comment"), str("%special%requests%")], .boolean)))
        let counts = q.aggregate(q.join(.left, customer, orders, on), groups: ["c_custkey"], [("c_count", "count", [col(orders, "o_orderkey")])])
        let optimized = try Optimizer().optimize(counts, context: q.context())
        XCTAssertEqual(optimized.explain(), """
        Aggregate: groups=[c_custkey#0 AS c_custkey#4] aggregates=[count(o_orderkey#1) AS c_count#5]
          Join: right on c_custkey#0 = o_custkey#2
            Scan: orders columns=[o_orderkey#1, o_custkey#2, o_comment#3] filters=[NOT (o_comment#3 LIKE '%special%requests%')]
            Scan: customer columns=[c_custkey#0]
        """)
    }
}
