import XCTest
import LodeCore
import LodeSQL
@testable import LodePlan

final class BinderSelectTests: XCTestCase {
    func testLiteralsAreTypedAsDuckDBTypesThem() throws {
        let plan = try bind("select 1, 3000000000, 0.06, .5, 123.450, 1e3, 'x', true, null, 12345678901234567890")
        XCTAssertEqual(plan.columns.map(\.type), [
            .int32, .int64, .decimal(precision: 3, scale: 2), .decimal(precision: 1, scale: 1), .decimal(precision: 6, scale: 3),
            .float64, .string, .boolean, .string, .decimal(precision: 20, scale: 0),
        ])
        XCTAssertEqual(plan.spine, "project values")
        guard case .values(let values) = plan.children[0] else { return XCTFail() }
        XCTAssertEqual(values.columns.count, 0)
        XCTAssertEqual(values.rows.count, 1)
    }

    func testStarExpandsEveryColumnWithItsName() throws {
        let plan = try bind("select * from t")
        XCTAssertEqual(outputs(plan), ["a INT", "b VARCHAR", "c DECIMAL(15,2)", "d DATE", "e DOUBLE"])
        XCTAssertEqual(plan.spine, "project scan")
        let scan = try XCTUnwrap(plan.scans.first)
        XCTAssertEqual(scan.sourceIndices, [0, 1, 2, 3, 4])
        guard case .project(let project) = plan else { return XCTFail() }
        XCTAssertEqual(project.expressions, scan.columns.map { .column($0.id, $0.type) })
    }

    func testAliasColumnListsRenameTheFirstColumns() throws {
        let plan = try bind("select *, x.q from t as x (p, q)")
        XCTAssertEqual(plan.columns.map(\.name), ["p", "q", "c", "d", "e", "q"])
        XCTAssertEqual(try bind("select z.k from (select a from t) z (k)").columns.map(\.name), ["k"])
    }

    func testSelectNamesFollowDuckDB() throws {
        let plan = try bind("select a, t.b, a + 1, count(*), sum(c), max(a) as biggest from t group by a, t.b")
        XCTAssertEqual(plan.columns.map(\.name), ["a", "b", "(a + 1)", "count_star()", "sum(c)", "biggest"])
    }

    func testOrderByAliasOrdinalAndHiddenExpression() throws {
        let plan = try bind("select a as k, b from t order by k desc, 2 nulls first, e")
        XCTAssertEqual(outputs(plan), ["k INT", "b VARCHAR"])
        XCTAssertEqual(plan.spine, "project sort project scan")
        let sort = try XCTUnwrap(plan.sorts.first)
        XCTAssertEqual(sort.keys.map(\.ascending), [false, true, true])
        XCTAssertEqual(sort.keys.map(\.nullsFirst), [false, true, false])
        let inner = try XCTUnwrap(plan.projects.last)
        XCTAssertEqual(inner.columns.map(\.name), ["k", "b", "e"])
        XCTAssertEqual(sort.keys.map(\.expression), inner.columns.map { .column($0.id, $0.type) })
    }

    func testOrderBySelectExpressionReusesItsColumn() throws {
        let plan = try bind("select a + 1 from t order by a + 1")
        XCTAssertEqual(plan.spine, "sort project scan")
    }

    func testLimitAndOffsetSitOnTheSortBeforeHiddenColumnsAreDropped() throws {
        let plan = try bind("select a from t order by e limit 10 offset 5")
        XCTAssertEqual(plan.spine, "project limit sort project scan")
        guard case .project(let top) = plan, case .limit(let limit) = top.input else { return XCTFail() }
        XCTAssertEqual(limit.limit, 10)
        XCTAssertEqual(limit.offset, 5)
        guard case .limit(let offsetOnly) = try bind("select a from t offset 3") else { return XCTFail() }
        XCTAssertNil(offsetOnly.limit)
        XCTAssertEqual(offsetOnly.offset, 3)
    }

    func testSelectDistinctGroupsOnEveryColumn() throws {
        let plan = try bind("select distinct a, b from t order by b")
        XCTAssertEqual(plan.spine, "sort aggregate project scan")
        let aggregate = try XCTUnwrap(plan.aggregates.first)
        XCTAssertEqual(aggregate.groupColumns.map(\.name), ["a", "b"])
        XCTAssertTrue(aggregate.aggregates.isEmpty)
        let sort = try XCTUnwrap(plan.sorts.first)
        XCTAssertEqual(sort.keys[0].expression, .column(aggregate.groupColumns[1].id, .string))
    }

    func testDistinctOnKeepsTheFirstRowPerKey() throws {
        let plan = try bind("select distinct on (b) a, b from t order by b, e desc")
        XCTAssertEqual(outputs(plan), ["a INT", "b VARCHAR"])
        XCTAssertEqual(plan.spine, "project sort filter window project scan")
        let window = try XCTUnwrap(plan.windows.first)
        XCTAssertEqual(window.functions.map(\.name), ["row_number"])
        XCTAssertEqual(window.functions[0].partitionBy.count, 1)
        XCTAssertEqual(window.functions[0].orderBy.map(\.ascending), [true, false])
        let filter = try XCTUnwrap(plan.filters.first)
        guard case .call("=", let args, .boolean) = filter.predicate else { return XCTFail("\(filter.predicate)") }
        XCTAssertEqual(args[0], .column(window.columns[0].id, .int64))
    }

    func testValuesRowsMeetAtACommonType() throws {
        let plan = try bind("values (1, 'a'), (2.5, null)")
        XCTAssertEqual(outputs(plan), ["col0 DECIMAL(11,1)", "col1 VARCHAR"])
        guard case .values(let values) = plan else { return XCTFail() }
        XCTAssertEqual(values.rows[0][0], .cast(.literal(.int(1), .int32), to: .decimal(precision: 11, scale: 1), isTry: false))
        XCTAssertEqual(values.rows[1][1], .literal(.null, .string))
    }

    func testSetOperationsCastToTheCommonType() throws {
        let plan = try bind("select a from t union all select x from u")
        XCTAssertEqual(outputs(plan), ["a BIGINT"])
        guard case .setOperation(let union) = plan else { return XCTFail() }
        XCTAssertEqual(union.kind, .union)
        XCTAssertTrue(union.all)
        XCTAssertEqual(union.left.spine, "project project scan")
        XCTAssertEqual(union.right.spine, "project scan")
        guard case .setOperation(let except) = try bind("select a from t except select a from u") else { return XCTFail() }
        XCTAssertEqual(except.kind, .except)
        XCTAssertFalse(except.all)
        guard case .setOperation(let intersect) = try bind("select b from t intersect all select y from u") else { return XCTFail() }
        XCTAssertEqual(intersect.kind, .intersect)
    }

    func testSetOperationOrderByUsesOutputNames() throws {
        let plan = try bind("select a, b from t union select x, y from u order by b desc, 1 limit 3")
        XCTAssertEqual(plan.spine, "limit sort set project project scan")
        XCTAssertEqual(plan.sorts.first?.keys.count, 2)
    }

    func testCommonTableReferencedTwiceGetsFreshIDs() throws {
        let plan = try bind("with c as (select a from t) select * from c as c1, c as c2 where c1.a = c2.a")
        XCTAssertEqual(plan.columns.map(\.name), ["a", "a"])
        let scans = plan.scans
        XCTAssertEqual(scans.count, 2)
        XCTAssertTrue(Set(scans[0].columns.map(\.id)).isDisjoint(with: scans[1].columns.map(\.id)))
    }

    func testCommonTablesSeeEarlierOnesAndColumnLists() throws {
        let plan = try bind("with a1 (k) as (select a from t), a2 as (select k + 1 as m from a1) select m from a2")
        XCTAssertEqual(outputs(plan), ["m INT"])
    }

    func testTableFunctionsAndTimeTravel() throws {
        let parquet = try XCTUnwrap(try bind("select * from read_parquet('x/*.parquet')").scans.first?.source as? SchemaTable)
        XCTAssertEqual(parquet.openedWith, "x/*.parquet")
        let delta = try XCTUnwrap(try bind("select a from delta_scan('p', version => 12) as d").scans.first?.source as? SchemaTable)
        XCTAssertEqual(delta.openedWith, "p,version=12")
        let version = try XCTUnwrap(try bind("select * from silver.events version as of 3").scans.first?.source as? SchemaTable)
        XCTAssertEqual(version.openedWith, "version(3)")
        XCTAssertEqual(version.displayName, "silver.events")
        let timestamp = try XCTUnwrap(try bind("select * from t timestamp as of '1970-01-02 00:00:00'").scans.first?.source as? SchemaTable)
        XCTAssertEqual(timestamp.openedWith, "timestamp(86400000000)")
    }

    func testSubqueryInFromWithQualifiedColumns() throws {
        let plan = try bind("select s.total from (select sum(c) as total from t) as s where s.total > 1")
        XCTAssertEqual(outputs(plan), ["total DECIMAL(38,2)"])
        XCTAssertEqual(plan.spine, "project filter project aggregate scan")
    }

    func testWhereFilterSitsOnTheScan() throws {
        let plan = try bind("select a from t where a > 1 and b = 'x'")
        XCTAssertEqual(plan.spine, "project filter scan")
        guard case .call("and", let args, .boolean) = plan.filters[0].predicate,
              case .call(">", let compare, _) = args[0] else { return XCTFail() }
        XCTAssertEqual(compare[1], .literal(.int(1), .int32))
    }

    func testBindExpressionOverColumns() throws {
        let columns = [PlanColumn(id: ColumnID(7), name: "price", type: .int64), PlanColumn(id: ColumnID(8), name: "Name", type: .string)]
        let binder = Binder(catalog: SchemaCatalog.tpch)
        let value = try binder.bindExpression(try SQL.parseExpression("price > 10 and name = 'x'"), over: columns)
        XCTAssertEqual(value, .call("and", [
            .call(">", [.column(ColumnID(7), .int64), .cast(.literal(.int(10), .int32), to: .int64, isTry: false)], .boolean),
            .call("=", [.column(ColumnID(8), .string), .literal(.string("x"), .string)], .boolean),
        ], .boolean))
        XCTAssertThrowsError(try binder.bindExpression(try SQL.parseExpression("count(*) > 1"), over: columns)) { error in
            XCTAssertEqual((error as? PlanError)?.message, "aggregate functions are not allowed in this expression")
        }
    }

    func testBindExpressionOverNamedTables() throws {
        let target = [PlanColumn(id: ColumnID(1), name: "id", type: .int64)]
        let source = [PlanColumn(id: ColumnID(2), name: "id", type: .int32), PlanColumn(id: ColumnID(3), name: "v", type: .string)]
        let binder = Binder(catalog: SchemaCatalog.tpch)
        let value = try binder.bindExpression(try SQL.parseExpression("Target.id = s.id and v = 'x'"),
                                              over: [(name: "target", columns: target), (name: "s", columns: source)])
        guard case .call("and", let args, _) = value, case .call("=", let ids, _) = args[0] else { return XCTFail("\(value)") }
        XCTAssertEqual(ids, [.column(ColumnID(1), .int64), .cast(.column(ColumnID(2), .int32), to: .int64, isTry: false)])
        XCTAssertThrowsError(try binder.bindExpression(try SQL.parseExpression("id = 1"),
                                                       over: [(name: "target", columns: target), (name: "s", columns: source)]))
    }

    func testFreshIDsComeFromTheGivenGenerator() throws {
        guard case .query(let query) = try SQL.parseStatement("select a from t") else { return XCTFail() }
        let plan = try makeBinder(ids: ColumnIDGenerator(startingAt: 100)).bind(query)
        XCTAssertGreaterThanOrEqual(plan.columns[0].id.raw, 100)
    }
}
