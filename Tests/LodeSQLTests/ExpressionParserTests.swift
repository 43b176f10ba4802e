import XCTest
@testable import LodeSQL

final class ExpressionParserTests: XCTestCase {
    func testArithmeticPrecedence() {
        XCTAssertEqual(parenthesized("1 + 2 * 3"), "1 + (2 * 3)")
        XCTAssertEqual(parenthesized("1 - 2 - 3"), "(1 - 2) - 3")
        XCTAssertEqual(parenthesized("a * b % c / d"), "((a * b) % c) / d")
        XCTAssertEqual(parenthesized("(1 + 2) * 3"), "(1 + 2) * 3")
        XCTAssertEqual(parenthesized("-a * b"), "(-a) * b")
        XCTAssertEqual(parenthesized("-a::int"), "-(a::INT)")
        XCTAssertEqual(parenthesized("a || b + c"), "a || (b + c)")
    }

    func testBooleanPrecedence() {
        XCTAssertEqual(parenthesized("a or b and c"), "a OR (b AND c)")
        XCTAssertEqual(parenthesized("not a = b and c"), "(NOT (a = b)) AND c")
        XCTAssertEqual(parenthesized("a = 1 or not b is null"), "(a = 1) OR (NOT (b IS NULL))")
        XCTAssertEqual(parenthesized("a + 1 > b * 2"), "(a + 1) > (b * 2)")
        XCTAssertEqual(parenthesized("a || 'x' like 'y%'"), "(a || 'x') LIKE 'y%'")
    }

    func testBetweenBindsItsOwnAnd() {
        XCTAssertEqual(
            parenthesized("d between 0.06 - 0.01 and 0.06 + 0.01 and q < 24"),
            "(d BETWEEN (0.06 - 0.01) AND (0.06 + 0.01)) AND (q < 24)")
        XCTAssertEqual(parenthesized("x not between 1 and 2"), "x NOT BETWEEN 1 AND 2")
    }

    func testLiterals() throws {
        XCTAssertEqual(try SQL.parseExpression("0.06"), .literal(.decimal("0.06")))
        XCTAssertEqual(try SQL.parseExpression("1e5"), .literal(.float("1e5")))
        XCTAssertEqual(try SQL.parseExpression("'a''b'"), .literal(.string("a'b")))
        XCTAssertEqual(try SQL.parseExpression("TRUE"), .literal(.boolean(true)))
        XCTAssertEqual(try SQL.parseExpression("null"), .literal(.null))
        XCTAssertEqual(try SQL.parseExpression("date '1998-12-01'"), .literal(.typed(.named("date"), "1998-12-01")))
        XCTAssertEqual(try SQL.parseExpression("TIMESTAMP '2024-01-01 10:00:00'"), .literal(.typed(.named("timestamp"), "2024-01-01 10:00:00")))
        XCTAssertEqual(try SQL.parseExpression("interval '3' day"), .literal(.interval("3", unit: "day")))
        XCTAssertEqual(try SQL.parseExpression("INTERVAL '3 days'"), .literal(.interval("3 days", unit: nil)))
        XCTAssertEqual(try SQL.parseExpression("$2"), .parameter("$2"))
    }

    func testColumnsAndStars() throws {
        XCTAssertEqual(try SQL.parseExpression("Orders.O_Id"), .column(QualifiedName([Identifier("Orders"), Identifier("O_Id")])))
        let quoted = try SQL.parseExpression("\"Weird Name\"")
        XCTAssertEqual(quoted, .column(QualifiedName([Identifier("Weird Name", quoted: true)])))
        XCTAssertEqual(try SQL.parseExpression("t.*"), .star(qualifier: QualifiedName(dotted: "t")))
        XCTAssertEqual(Identifier("Orders").name, "orders")
        XCTAssertEqual(Identifier("Orders").spelling, "Orders")
    }

    func testPredicates() {
        XCTAssertEqual(parenthesized("a is not null"), "a IS NOT NULL")
        XCTAssertEqual(parenthesized("a is distinct from b"), "a IS DISTINCT FROM b")
        XCTAssertEqual(parenthesized("a is not distinct from b + 1"), "a IS NOT DISTINCT FROM (b + 1)")
        XCTAssertEqual(parenthesized("a is true"), "a IS TRUE")
        XCTAssertEqual(parenthesized("a not in (1, 2, 3)"), "a NOT IN (1, 2, 3)")
        XCTAssertEqual(parenthesized("a in (select x from t)"), "a IN (SELECT x FROM t)")
        XCTAssertEqual(parenthesized("not exists (select 1)"), "NOT EXISTS (SELECT 1)")
        XCTAssertEqual(parenthesized("exists (select 1)"), "EXISTS (SELECT 1)")
        XCTAssertEqual(parenthesized("a not like 'x%' escape '!'"), "a NOT LIKE 'x%' ESCAPE '!'")
        XCTAssertEqual(parenthesized("a ilike 'x%'"), "a ILIKE 'x%'")
        XCTAssertEqual(parenthesized("(select max(x) from t) + 1"), "(SELECT max(x) FROM t) + 1")
    }

    func testCaseExpressions() {
        XCTAssertEqual(parenthesized("case when a > 1 then 'x' when a < 0 then 'y' else 'z' end"),
                       "CASE WHEN a > 1 THEN 'x' WHEN a < 0 THEN 'y' ELSE 'z' END")
        XCTAssertEqual(parenthesized("case a when 1 then 2 end"), "CASE a WHEN 1 THEN 2 END")
    }

    func testCastsAndTypes() throws {
        XCTAssertEqual(parenthesized("cast(a as decimal(15, 2))"), "CAST(a AS DECIMAL(15,2))")
        XCTAssertEqual(parenthesized("try_cast(a as varchar(10))"), "TRY_CAST(a AS VARCHAR(10))")
        XCTAssertEqual(parenthesized("a::timestamp with time zone"), "a::TIMESTAMP WITH TIME ZONE")
        XCTAssertEqual(parenthesized("a::int[]"), "a::INT[]")
        XCTAssertEqual(parenthesized("cast(a as list(double precision))"), "CAST(a AS DOUBLE PRECISION[])")
        XCTAssertEqual(parenthesized("cast(a as struct(x int, y map(varchar, int)))"), "CAST(a AS STRUCT(x INT, y MAP(VARCHAR, INT)))")
        XCTAssertEqual(try SQL.parseExpression("a::decimal(15,2)"),
                       .cast(.column(QualifiedName(dotted: "a")), .named("decimal", parameters: ["15", "2"]), style: .doubleColon))
    }

    func testFunctionCalls() {
        XCTAssertEqual(parenthesized("count(*)"), "count(*)")
        XCTAssertEqual(parenthesized("count(distinct a)"), "count(DISTINCT a)")
        XCTAssertEqual(parenthesized("sum(x) filter (where y > 0)"), "sum(x) FILTER (WHERE y > 0)")
        XCTAssertEqual(parenthesized("string_agg(x, ',' order by y desc)"), "string_agg(x, ',' ORDER BY y DESC)")
        XCTAssertEqual(parenthesized("f(a, name => 2)"), "f(a, name => 2)")
        XCTAssertEqual(parenthesized("extract(year from o_orderdate)"), "EXTRACT(YEAR FROM o_orderdate)")
        XCTAssertEqual(parenthesized("substring(c_phone from 1 for 2)"), "SUBSTRING(c_phone FROM 1 FOR 2)")
        XCTAssertEqual(parenthesized("substring(c_phone, 1, 2)"), "substring(c_phone, 1, 2)")
        XCTAssertEqual(parenthesized("left(s, 2)"), "left(s, 2)")
        XCTAssertEqual(parenthesized("[1, 2][1]"), "list_extract([1, 2], 1)")
    }

    func testWindowFunctions() {
        XCTAssertEqual(
            parenthesized("row_number() over (partition by a, b order by c desc nulls last rows between unbounded preceding and current row)"),
            "row_number() OVER (PARTITION BY a, b ORDER BY c DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)")
        XCTAssertEqual(parenthesized("sum(x) over (order by d range between 3 preceding and 1 following)"),
                       "sum(x) OVER (ORDER BY d RANGE BETWEEN 3 PRECEDING AND 1 FOLLOWING)")
        XCTAssertEqual(parenthesized("sum(x) over w"), "sum(x) OVER w")
        XCTAssertEqual(parenthesized("sum(x) over (w rows 2 preceding)"), "sum(x) OVER (w ROWS 2 PRECEDING)")
    }

    func testExpressionsRoundTrip() throws {
        let samples = [
            "-(-a)", "- -a", "not not a", "a - -1", "(a = b) = c", "a || b || c", "date '2020-01-01' + interval '1' month",
            "cast(a + b as bigint) * 2", "a::int::varchar", "current_date", "current_timestamp()", "-1 + -2.5", "e'x\\'y'", "case when a then b end is null", "x between y and z is not null",
        ]
        for sample in samples {
            let tree = try SQL.parseExpression(sample)
            XCTAssertEqual(try SQL.parseExpression(tree.sql), tree, sample)
        }
    }
}
