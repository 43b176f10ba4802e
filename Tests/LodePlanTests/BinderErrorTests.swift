import XCTest
import LodeCore
import LodeSQL
@testable import LodePlan

final class BinderErrorTests: XCTestCase {
    func testUnknownColumnNamesPositionAndSuggestion() {
        let error = bindingError("select l_quantiy from lineitem")
        XCTAssertEqual(error?.description, "binder error at line 1, column 8: column \"l_quantiy\" not found; did you mean \"l_quantity\"?")
        XCTAssertEqual(error?.kind, .binding)
    }

    func testUnknownColumnOnALaterLine() {
        let error = bindingError("select\n  l_orderkey,\n  l_quantiy\nfrom lineitem")
        XCTAssertEqual(error?.location?.line, 3)
        XCTAssertEqual(error?.location?.column, 3)
    }

    func testUnknownQualifiedColumnAndTable() {
        let column = bindingError("select t.zz from t")
        XCTAssertEqual(column?.kind, .binding)
        XCTAssertTrue(column?.message.contains("column \"t.zz\" not found") ?? false, "\(String(describing: column))")
        let table = bindingError("select z.a from t")
        XCTAssertEqual(table?.message, "table \"z\" is not in the FROM clause; did you mean \"t\"?")
        XCTAssertEqual(table?.location?.column, 8)
    }

    func testUnknownTableSuggestsACatalogName() {
        let error = bindingError("select * from lineitems")
        XCTAssertEqual(error?.kind, .binding)
        XCTAssertEqual(error?.message, "table \"lineitems\" does not exist; did you mean \"lineitem\"?")
        XCTAssertEqual(error?.location?.column, 15)
    }

    func testUnknownTableSuggestsACommonTableName() {
        let error = bindingError("with revenue as (select 1 as r) select * from revenu")
        XCTAssertEqual(error?.message, "table \"revenu\" does not exist; did you mean \"revenue\"?")
    }

    func testUnknownFunctionNamesPosition() {
        let unknown = bindingError("select a, foo_bar(a) from t")
        XCTAssertEqual(unknown?.kind, .binding)
        XCTAssertEqual(unknown?.location?.column, 11)
        XCTAssertTrue(unknown?.message.contains("function foo_bar does not exist") ?? false)
        let typo = bindingError("select cout(a) from t")
        XCTAssertEqual(typo?.description, "binder error at line 1, column 8: function cout does not exist; did you mean count?")
    }

    func testUnknownTableFunction() {
        let error = bindingError("select * from read_parket('x')")
        XCTAssertEqual(error?.message, "table function read_parket does not exist")
    }

    func testAmbiguousColumn() {
        let error = bindingError("select a from t, u")
        XCTAssertEqual(error?.kind, .binding)
        XCTAssertEqual(error?.message, "column reference \"a\" is ambiguous: it could be t.a or u.a")
        XCTAssertEqual(error?.location?.column, 8)
    }

    func testColumnOutsideGroupBy() {
        let error = bindingError("select a, b from t group by a")
        XCTAssertEqual(error?.description,
                       "binder error at line 1, column 11: column \"b\" must appear in the GROUP BY clause or be used in an aggregate function")
        XCTAssertNotNil(bindingError("select a, count(*) from t group by a + 1"))
        XCTAssertNotNil(bindingError("select b from t group by a order by e"))
        XCTAssertNotNil(bindingError("select count(*) from t having b = 'x'"))
        XCTAssertNotNil(bindingError("select * from t group by a"))
    }

    func testAggregatesWhereTheyAreNotAllowed() {
        XCTAssertEqual(bindingError("select a from t where count(*) > 1")?.message, "aggregate functions are not allowed in WHERE")
        XCTAssertEqual(bindingError("select max(count(*)) from t")?.message, "aggregate function calls cannot be nested")
        XCTAssertEqual(bindingError("select count(*) from t group by count(*)")?.message, "aggregate functions are not allowed in GROUP BY")
        XCTAssertEqual(bindingError("select * from t join u on count(*) > 0")?.message, "aggregate functions are not allowed in ON")
        XCTAssertEqual(bindingError("select a from t where row_number() over () > 1")?.message, "window functions are not allowed in WHERE")
        XCTAssertEqual(bindingError("select count(*) from t having row_number() over () > 1")?.message, "window functions are not allowed in HAVING")
        XCTAssertEqual(bindingError("select max(row_number() over ()) from t")?.message, "window functions are not allowed in aggregate function arguments")
    }

    func testConditionsMustBeBoolean() {
        XCTAssertEqual(bindingError("select a from t where a")?.description, "type error: WHERE condition must be BOOLEAN, not INT")
        XCTAssertEqual(bindingError("select a from t group by a having count(*)")?.kind, .type)
        XCTAssertEqual(bindingError("select * from t join u on t.a")?.kind, .type)
        XCTAssertEqual(bindingError("select a from t qualify a")?.kind, .type)
        XCTAssertEqual(bindingError("select case when a then 1 end from t")?.kind, .type)
    }

    func testTypeErrors() {
        XCTAssertEqual(bindingError("select a from t where d = true")?.kind, .type)
        XCTAssertEqual(bindingError("select a from t union select true")?.kind, .type)
        XCTAssertEqual(bindingError("select case when true then d else true end from t")?.kind, .type)
        XCTAssertEqual(bindingError("select b + interval '1' day from u")?.kind, .binding)
        XCTAssertEqual(bindingError("select a + interval '1' day from t")?.kind, .type)
        XCTAssertEqual(bindingError("select date '2024-02-30'")?.kind, .type)
        XCTAssertEqual(bindingError("select d + interval '1' fortnight from t")?.kind, .type)
    }

    func testUnknownAndInvalidTypes() {
        let error = bindingError("select cast(a as intt) from t")
        XCTAssertEqual(error?.message, "type INTT does not exist; did you mean INT?")
        XCTAssertEqual(bindingError("select cast(a as decimal(40, 2)) from t")?.kind, .type)
        XCTAssertEqual(bindingError("select cast(a as uuid) from t")?.kind, .notImplemented)
    }

    func testShapeErrors() {
        XCTAssertEqual(bindingError("select a from t order by 3")?.message, "position 3 is not in the select list (1 to 1)")
        XCTAssertEqual(bindingError("select a from t limit -1")?.message, "LIMIT must be a non-negative integer constant, not -1")
        XCTAssertEqual(bindingError("select a from t limit 1 offset a")?.kind, .binding)
        XCTAssertEqual(bindingError("select a from t union select a, b from t")?.kind, .binding)
        XCTAssertEqual(bindingError("select (select a, b from t)")?.message, "a subquery used as a value must return one column, not 2")
        XCTAssertEqual(bindingError("select a from t where a in (select a, b from t)")?.kind, .binding)
        XCTAssertEqual(bindingError("select distinct a from t order by b")?.kind, .binding)
        XCTAssertEqual(bindingError("values (1), (1, 2)")?.kind, .binding)
        XCTAssertEqual(bindingError("select *")?.kind, .binding)
        XCTAssertEqual(bindingError("select q.* from t")?.message, "table \"q\" is not in the FROM clause")
        XCTAssertEqual(bindingError("select * from t as x (p, q, r, s, v, w)")?.kind, .binding)
        XCTAssertEqual(bindingError("select count(*) + * from t")?.kind, .binding)
    }

    func testUsingAndWindowNameErrors() {
        XCTAssertEqual(bindingError("select * from t join u using (y)")?.message,
                       "column \"y\" in USING is not a column of the left side of the join")
        XCTAssertEqual(bindingError("select row_number() over w from t")?.message, "window \"w\" is not defined")
        XCTAssertEqual(bindingError("select sum(a) over (rows between a preceding and current row) from t")?.kind, .binding)
        XCTAssertEqual(bindingError("select sum(a) over (order by a rows between unbounded following and current row) from t")?.kind, .binding)
    }

    func testUnsupportedConstructs() {
        XCTAssertEqual(bindingError("select interval '1' day")?.kind, .notImplemented)
        XCTAssertEqual(bindingError("with recursive r as (select 1) select * from r")?.kind, .notImplemented)
        XCTAssertEqual(bindingError("select $1")?.kind, .notImplemented)
    }

    func testScalarFunctionRejectsAggregateModifiers() {
        XCTAssertEqual(bindingError("select upper(distinct b) from t")?.kind, .binding)
    }
}

final class BinderLimitTests: XCTestCase {
    func testGroupingSetExplosionIsRefused() {
        let cubes = Array(repeating: "cube (a, b, c, d, e)", count: 4).joined(separator: ", ")
        XCTAssertEqual(bindingError("select count(*) from t group by \(cubes)")?.message, "GROUP BY produces more than 4096 grouping sets")
    }

    func testSelfReferencingAliasesDoNotLoop() {
        XCTAssertEqual(bindingError("select y as x, x as y from t where x > 1")?.kind, .binding)
    }
}

final class BinderIntervalLimitTests: XCTestCase {
    func testIntervalsOutOfRangeAreTypeErrors() {
        XCTAssertEqual(bindingError("select d - interval '-9223372036854775808 microseconds' from t")?.kind, .type)
        XCTAssertEqual(bindingError("select d + interval '9223372036854775807' year from t")?.kind, .type)
        XCTAssertEqual(bindingError("select d - interval '-2147483648' day from t")?.kind, .type)
    }
}

final class BinderTimeTravelLimitTests: XCTestCase {
    func testFarFutureTimeTravelIsATypeError() {
        XCTAssertEqual(bindingError("select * from t timestamp as of '999999999-01-01'")?.kind, .type)
        XCTAssertEqual(bindingError("select * from t version as of 'x'")?.kind, .binding)
    }
}
