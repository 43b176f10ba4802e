import XCTest
import LodeCore
import LodeSQL
@testable import LodePlan

final class BinderAggregateTests: XCTestCase {
    func testCountStarAndAggregateModifiers() throws {
        let plan = try bind("select count(*), count(distinct a) filter (where a > 1), min(b order by e desc) from t")
        let aggregate = try XCTUnwrap(plan.aggregates.first)
        XCTAssertTrue(aggregate.groups.isEmpty)
        XCTAssertEqual(aggregate.aggregates.map(\.name), ["count_star", "count", "min"])
        XCTAssertEqual(aggregate.aggregates[0].arguments, [])
        XCTAssertTrue(aggregate.aggregates[1].isDistinct)
        XCTAssertNotNil(aggregate.aggregates[1].filter)
        XCTAssertEqual(aggregate.aggregates[2].orderBy.map(\.ascending), [false])
        XCTAssertEqual(outputs(plan), ["count_star() BIGINT", "count(DISTINCT a) FILTER (WHERE a > 1) BIGINT", "min(b ORDER BY e DESC) VARCHAR"])
    }

    func testRepeatedAggregatesAreComputedOnce() throws {
        let plan = try bind("select count(*), count(*) + 1 from t having count(*) > 2 order by count(*)")
        XCTAssertEqual(plan.aggregates.first?.aggregates.count, 1)
        XCTAssertEqual(plan.spine, "sort project filter aggregate scan")
    }

    func testGroupByOrdinalAliasAndExpression() throws {
        for sql in ["select a + 1 as k, count(*) from t group by k", "select a + 1 as k, count(*) from t group by 1",
                    "select a + 1 as k, count(*) from t group by a + 1"] {
            let plan = try bind(sql)
            let aggregate = try XCTUnwrap(plan.aggregates.first, sql)
            XCTAssertEqual(aggregate.groups.count, 1, sql)
            guard case .call("+", _, .int32) = aggregate.groups[0] else { return XCTFail(sql) }
            guard case .project(let project) = plan else { return XCTFail(sql) }
            XCTAssertEqual(project.expressions[0], .column(aggregate.groupColumns[0].id, .int32), sql)
        }
    }

    func testGroupByColumnPrefersTheSourceColumnOverAnAlias() {
        let error = bindingError("select b as a, count(*) from t group by a")
        XCTAssertEqual(error?.message, "column \"b\" must appear in the GROUP BY clause or be used in an aggregate function")
    }

    func testRollupCubeAndGroupingSets() throws {
        let rollup = try XCTUnwrap(try bind("select a, b, count(*) from t group by rollup (a, b)").aggregates.first)
        XCTAssertEqual(rollup.groupingSets, [[0, 1], [0], []])
        let cube = try XCTUnwrap(try bind("select a, b, count(*) from t group by cube (a, b)").aggregates.first)
        XCTAssertEqual(cube.groupingSets, [[0, 1], [0], [1], []])
        let sets = try XCTUnwrap(try bind("select a, b, count(*) from t group by grouping sets ((a), (b), ())").aggregates.first)
        XCTAssertEqual(sets.groupingSets, [[0], [1], []])
        let mixed = try XCTUnwrap(try bind("select a, b, count(*) from t group by a, rollup (b)").aggregates.first)
        XCTAssertEqual(mixed.groupingSets, [[0, 1], [0]])
        let plain = try XCTUnwrap(try bind("select a, b, count(*) from t group by a, b").aggregates.first)
        XCTAssertNil(plain.groupingSets)
    }

    func testGroupingFunctionReadsTheGroupingID() throws {
        let plan = try bind("select a, b, grouping(a, b), grouping(b) from t group by rollup (a, b)")
        let aggregate = try XCTUnwrap(plan.aggregates.first)
        let groupingID = try XCTUnwrap(aggregate.groupingIDColumn)
        XCTAssertEqual(groupingID.type, .int64)
        XCTAssertEqual(outputs(plan).suffix(2), ["grouping(a, b) BIGINT", "grouping(b) BIGINT"])
        guard case .project(let project) = plan, case .call("%", let args, .int64) = project.expressions[3],
              case .call("//", let shift, _) = args[0] else { return XCTFail() }
        XCTAssertEqual(shift, [.column(groupingID.id, .int64), .literal(.int(1), .int64)])
        let constant = try bind("select a, grouping(a) from t group by a")
        guard case .project(let constantProject) = constant else { return XCTFail() }
        XCTAssertEqual(constantProject.expressions[1], .literal(.int(0), .int64))
    }

    func testGroupByAllGroupsTheNonAggregatedItems() throws {
        let aggregate = try XCTUnwrap(try bind("select a, b as name, count(*) from t group by all").aggregates.first)
        XCTAssertEqual(aggregate.groupColumns.map(\.name), ["a", "name"])
    }

    func testHavingWithoutGroupByAggregatesEverything() throws {
        let plan = try bind("select count(*) from t having count(*) > 1")
        XCTAssertEqual(plan.spine, "project filter aggregate scan")
    }

    func testWindowFunctionsWithFramesAndNamedWindows() throws {
        let plan = try bind("""
            select a, row_number() over (partition by b order by e desc), count(*) over w,
                   min(a) over (w order by e rows between 2 preceding and current row), max(a) over ()
            from t window w as (partition by b)
            """)
        XCTAssertEqual(plan.spine, "project window scan")
        let window = try XCTUnwrap(plan.windows.first)
        XCTAssertEqual(window.functions.map(\.name), ["row_number", "count_star", "min", "max"])
        XCTAssertEqual(window.functions[0].frame, .runningRange)
        XCTAssertEqual(window.functions[1].frame, .entirePartition)
        XCTAssertEqual(window.functions[1].partitionBy.count, 1)
        XCTAssertEqual(window.functions[2].frame, WindowFrameSpec(unit: .rows, start: .preceding(.int(2)), end: .currentRow))
        XCTAssertEqual(window.functions[2].partitionBy, window.functions[1].partitionBy)
        XCTAssertEqual(window.functions[3].frame, .entirePartition)
        XCTAssertEqual(plan.columns[1].name, "row_number() OVER (PARTITION BY b ORDER BY e DESC)")
        XCTAssertEqual(plan.columns[2].name, "count_star() OVER w")
    }

    func testWindowOverAggregatesAndQualify() throws {
        let plan = try bind("select a, sum(count(*)) over () from t group by a")
        XCTAssertEqual(plan.spine, "project window aggregate scan")
        let aggregate = try XCTUnwrap(plan.aggregates.first)
        let window = try XCTUnwrap(plan.windows.first)
        XCTAssertEqual(window.functions[0].arguments, [.column(aggregate.aggregateColumns[0].id, .int64)])
        let qualified = try bind("select a, row_number() over (order by e) from t qualify row_number() over (order by e) = 1")
        XCTAssertEqual(qualified.spine, "project filter window scan")
        XCTAssertEqual(qualified.windows.first?.functions.count, 1)
    }

    func testCorrelatedSubqueryAfterGroupByReadsTheGroupColumn() throws {
        let plan = try bind("select a, (select max(x) from u where u.a = t.a) from t group by a")
        let aggregate = try XCTUnwrap(plan.aggregates.first)
        guard case .project(let project) = plan, case .subquery(let subquery) = project.expressions[1] else { return XCTFail() }
        XCTAssertEqual(subquery.outerColumns.map(\.id), [aggregate.groupColumns[0].id])
        XCTAssertEqual(subquery.type, .int64)
    }
}
