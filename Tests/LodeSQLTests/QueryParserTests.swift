import XCTest
@testable import LodeSQL

final class QueryParserTests: XCTestCase {
    func testSelectListAliasesAndStars() {
        guard let core = parseSelect("select distinct a as x, b y, t.*, * from layer.t") else { return }
        XCTAssertTrue(core.isDistinct)
        XCTAssertEqual(core.items.map { $0.alias?.name }, ["x", "y", nil, nil])
        XCTAssertEqual(core.items[2].expression, .star(qualifier: QualifiedName(dotted: "t")))
        XCTAssertEqual(core.from, [.table(QualifiedName(dotted: "layer.t"), timeTravel: nil, alias: nil)])
    }

    func testClauses() {
        guard let query = parseQuery("""
            with recursive r (n) as (select 1), s as (select 2)
            select a, sum(b) from t where c > 1 group by a having sum(b) > 2
            window w as (partition by a) qualify row_number() over w = 1
            order by a desc nulls first, 2 limit 10 offset 5
            """) else { return }
        XCTAssertEqual(query.with?.isRecursive, true)
        XCTAssertEqual(query.with?.tables.map(\.name.name), ["r", "s"])
        XCTAssertEqual(query.orderBy.first?.ascending, false)
        XCTAssertEqual(query.orderBy.first?.nullsFirst, true)
        XCTAssertEqual(query.limit, .literal(.integer("10")))
        XCTAssertEqual(query.offset, .literal(.integer("5")))
        guard case .select(let core) = query.body else { return XCTFail() }
        XCTAssertNotNil(core.whereClause)
        XCTAssertNotNil(core.having)
        XCTAssertNotNil(core.qualify)
        XCTAssertEqual(core.windows.map(\.name.name), ["w"])
    }

    func testGroupingSets() {
        guard let core = parseSelect("select a, b from t group by rollup (a, b), cube (a), grouping sets ((a, b), (a), ())") else { return }
        let a = Expression.column(QualifiedName(dotted: "a"))
        let b = Expression.column(QualifiedName(dotted: "b"))
        XCTAssertEqual(core.groupBy, [.rollup([a, b]), .cube([a]), .groupingSets([[a, b], [a], []])])
        XCTAssertEqual(parseSelect("select a from t group by all")?.groupBy, [.all])
    }

    func testSetOperations() {
        guard let query = parseQuery("select 1 union all select 2 intersect select 3 except select 4") else { return }
        guard case .setOperation(.except, false, .setOperation(.union, true, _, .setOperation(.intersect, false, _, _)), _) = query.body else {
            return XCTFail("\(query.body)")
        }
        guard let nested = parseQuery("(select 1 union select 2) intersect select 3 order by 1") else { return }
        guard case .setOperation(.intersect, false, .nested, .select) = nested.body else { return XCTFail("\(nested.body)") }
        XCTAssertEqual(nested.orderBy.count, 1)
    }

    func testJoins() {
        guard let core = parseSelect("""
            select * from a join b on a.x = b.x left outer join c using (y) right join d on true
            full join e on false cross join f natural join g inner join (h join i on h.k = i.k) on g.k = h.k
            """) else { return }
        XCTAssertEqual(core.from.count, 1)
        var kinds: [JoinKind] = []
        var reference = core.from[0]
        while case .join(let left, let kind, _, _) = reference {
            kinds.append(kind)
            reference = left
        }
        XCTAssertEqual(kinds, [.inner, .inner, .cross, .full, .right, .left, .inner])
    }

    func testTableReferenceForms() {
        guard let core = parseSelect("""
            select * from read_parquet('data/*.parquet') as p (a, b),
              delta_scan('s3://x', version => 12) d,
              (select 1 as one) as s,
              lateral (select 2) l,
              gold.orders version as of 12 o,
              gold.orders timestamp as of '2024-01-01' as o2,
              nation n1
            """) else { return }
        XCTAssertEqual(core.from.count, 7)
        XCTAssertEqual(core.from[0], .function(
            QualifiedName(dotted: "read_parquet"), arguments: [FunctionArgument(value: .literal(.string("data/*.parquet")))],
            alias: TableAlias(name: Identifier("p"), columns: [Identifier("a"), Identifier("b")])))
        guard case .function(_, let arguments, _) = core.from[1] else { return XCTFail() }
        XCTAssertEqual(arguments.last?.name?.name, "version")
        guard case .subquery(_, false, let alias) = core.from[2] else { return XCTFail() }
        XCTAssertEqual(alias?.name.name, "s")
        guard case .subquery(_, true, _) = core.from[3] else { return XCTFail() }
        XCTAssertEqual(core.from[4], .table(QualifiedName(dotted: "gold.orders"), timeTravel: .version(.literal(.integer("12"))), alias: TableAlias(name: Identifier("o"))))
        guard case .table(_, .timestamp(.literal(.string("2024-01-01"))), _) = core.from[5] else { return XCTFail("\(core.from[5])") }
    }

    func testVersionWithoutAsOfIsAnAlias() {
        guard let core = parseSelect("select * from t version") else { return }
        XCTAssertEqual(core.from, [.table(QualifiedName(dotted: "t"), timeTravel: nil, alias: TableAlias(name: Identifier("version")))])
    }

    func testValuesAndSubqueries() {
        assertRoundTrip("values (1, 'a'), (2, 'b')")
        assertRoundTrip("select * from (values (1), (2)) as v (x)")
        assertRoundTrip("select (select max(x) from t) as m, a in (select b from u) from w")
        assertRoundTrip("select * from ((select 1) union (select 2)) as u")
        assertRoundTrip("select ((select 1) + 2)")
        assertRoundTrip("select distinct on (a) a, b from t order by a")
        assertRoundTrip("select \"Mixed Case\" as \"Out\"\"put\" from \"My Table\"")
    }
}
