import XCTest
import LodeCore
@testable import LodePlan

final class BinderJoinTests: XCTestCase {
    func testJoinKindsAndConditions() throws {
        for (sql, kind) in [("join", JoinKind.inner), ("left join", JoinKind.left), ("right outer join", JoinKind.right), ("full join", JoinKind.full)] {
            let plan = try bind("select * from t \(sql) u on t.a = u.a")
            let join = try XCTUnwrap(plan.joins.first)
            XCTAssertEqual(join.kind, kind, sql)
            guard case .call("=", let args, .boolean) = join.condition else { return XCTFail(sql) }
            XCTAssertEqual(args.map(\.type), [.int32, .int32])
            XCTAssertEqual(plan.columns.map(\.name), ["a", "b", "c", "d", "e", "a", "x", "y"], sql)
        }
        let cross = try XCTUnwrap(try bind("select * from t cross join u").joins.first)
        XCTAssertEqual(cross.kind, JoinKind.inner)
        XCTAssertNil(cross.condition)
    }

    func testCommaJoinsAreCrossJoinsUnderTheWhereFilter() throws {
        let plan = try bind("select t.a, x from t, u where t.a = u.a")
        XCTAssertEqual(plan.spine, "project filter join scan")
        XCTAssertNil(plan.joins.first?.condition)
    }

    func testUsingMergesTheKeyInStarAndBareNames() throws {
        let plan = try bind("select * from t join u using (a)")
        XCTAssertEqual(plan.columns.map(\.name), ["a", "b", "c", "d", "e", "x", "y"])
        let join = try XCTUnwrap(plan.joins.first)
        guard case .call("=", _, .boolean) = join.condition else { return XCTFail() }
        XCTAssertEqual(try bind("select a, t.a, u.a from t join u using (a)").columns.map(\.name), ["a", "a", "a"])
        XCTAssertEqual(try bind("select u.* from t join u using (a)").columns.map(\.name), ["a", "x", "y"])
    }

    func testNaturalJoinUsesTheCommonNames() throws {
        let plan = try bind("select * from t natural join u")
        XCTAssertEqual(plan.columns.map(\.name), ["a", "b", "c", "d", "e", "x", "y"])
        XCTAssertNotNil(plan.joins.first?.condition)
        let noCommon = try bind("select * from nation natural join region")
        XCTAssertNil(noCommon.joins.first?.condition)
    }

    func testFullJoinUsingCoalescesTheKey() throws {
        let plan = try bind("select a from t full join u using (a)")
        guard case .project(let project) = plan, case .call("coalesce", let args, .int32) = project.expressions[0] else {
            return XCTFail("\(plan)")
        }
        XCTAssertEqual(args.count, 2)
        let right = try bind("select a from t right join u using (a)")
        guard case .project(let rightProject) = right, case .column(let id, _) = rightProject.expressions[0] else { return XCTFail() }
        XCTAssertEqual(right.scans[1].columns[0].id, id)
    }

    func testNestedJoinsAndOnSeesBothSides() throws {
        let plan = try bind("""
            select n_name, r_name, count(*) from nation join region on n_regionkey = r_regionkey
            left join supplier on s_nationkey = n_nationkey group by n_name, r_name
            """)
        XCTAssertEqual(plan.joins.count, 2)
        XCTAssertEqual(plan.joins.map(\.kind), [JoinKind.left, JoinKind.inner])
    }

    func testOnConditionSubqueryCanSeeOuterQuery() throws {
        let plan = try bind("select a from t where exists (select 1 from u join nation on n_nationkey = u.x and u.a = t.a)")
        var outer: [String] = []
        plan.filters[0].predicate.forEachSubquery { outer += $0.outerColumns.map(\.name) }
        XCTAssertEqual(outer, ["a"])
    }
}
