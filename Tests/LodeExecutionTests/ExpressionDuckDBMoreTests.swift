import XCTest
import LodeCore
import LodePlan
@testable import LodeExecution

/// More constant expressions checked against DuckDB 2.0.1: casts, calendar parts,
/// truncation and differences, and text functions at their edges.
final class ExpressionDuckDBMoreTests: XCTestCase {
    typealias B = Build

    func testCastsMatchDuckDB() throws {
        let cases: [(String, BoundExpression, String)] = [
            ("CAST('2024-02-29' AS DATE)", B.date("2024-02-29"), "2024-02-29"),
            ("CAST(TIMESTAMP '2024-02-29 23:59:59.5' AS DATE)", B.cast(B.timestamp("2024-02-29 23:59:59.5"), .date), "2024-02-29"),
            ("CAST(TIMESTAMP '1969-12-31 23:59:59.5' AS DATE)", B.cast(B.timestamp("1969-12-31 23:59:59.5"), .date), "1969-12-31"),
            ("CAST(1.25::decimal(5,2) AS DOUBLE)", B.cast(B.decimal("1.25", 5, 2), .float64), "1.25"),
            ("CAST(2.675::double AS DECIMAL(5,2))", B.cast(B.double(2.675), .decimal(precision: 5, scale: 2)), "2.68"),
            ("CAST(-0.5::double AS DECIMAL(3,0))", B.cast(B.double(-0.5), .decimal(precision: 3, scale: 0)), "-1"),
            ("CAST('t' AS BOOLEAN)", B.cast(B.text("t"), .boolean), "true"),
            ("CAST(123 AS DECIMAL(6,2))", B.cast(B.int(123), .decimal(precision: 6, scale: 2)), "123.00"),
            ("CAST('-12.345' AS DECIMAL(6,2))", B.cast(B.text("-12.345"), .decimal(precision: 6, scale: 2)), "-12.35"),
            ("CAST(0.1::float AS DOUBLE)", B.cast(B.cast(B.double(0.1), .float32), .float64), "0.10000000149011612"),
            ("CAST(1.5::double AS VARCHAR)", B.double(1.5), "1.5"),
            ("10::tinyint * 12::tinyint", try B.call("*", B.cast(B.int(10), .int8), B.cast(B.int(12), .int8)), "120"),
        ]
        for (sql, expression, expected) in cases { XCTAssertEqual(try Build.render(expression), expected, sql) }
    }

    func testCalendarMatchesDuckDB() throws {
        let t = B.timestamp("2024-05-17 13:45:30.123456")
        let cases: [(String, BoundExpression, String)] = [
            ("date_part('quarter', DATE '2024-08-17')", try B.call("date_part", B.text("quarter"), B.date("2024-08-17")), "3"),
            ("date_part('hour', t)", try B.call("date_part", B.text("hour"), t), "13"),
            ("date_part('minute', t)", try B.call("date_part", B.text("minute"), t), "45"),
            ("date_part('second', t)", try B.call("date_part", B.text("second"), t), "30"),
            ("date_part('millisecond', t)", try B.call("date_part", B.text("millisecond"), t), "30123"),
            ("date_part('microsecond', t)", try B.call("date_part", B.text("microsecond"), t), "30123456"),
            ("date_part('doy', DATE '2024-12-31')", try B.call("date_part", B.text("doy"), B.date("2024-12-31")), "366"),
            ("year(DATE '1969-12-31')", try B.call("year", B.date("1969-12-31")), "1969"),
            ("month(t)", try B.call("month", t), "5"),
            ("date_trunc('week', DATE '2024-05-19')", try B.call("date_trunc", B.text("week"), B.date("2024-05-19")), "2024-05-13 00:00:00"),
            ("date_trunc('quarter', TIMESTAMP '2024-05-19 10:11:12')",
             try B.call("date_trunc", B.text("quarter"), B.timestamp("2024-05-19 10:11:12")), "2024-04-01 00:00:00"),
            ("date_trunc('hour', TIMESTAMP '2024-05-19 10:11:12')",
             try B.call("date_trunc", B.text("hour"), B.timestamp("2024-05-19 10:11:12")), "2024-05-19 10:00:00"),
            ("date_diff('year', DATE '2024-12-31', DATE '2025-01-01')",
             try B.call("date_diff", B.text("year"), B.date("2024-12-31"), B.date("2025-01-01")), "1"),
            ("date_diff('week', DATE '2024-01-06', DATE '2024-01-08')",
             try B.call("date_diff", B.text("week"), B.date("2024-01-06"), B.date("2024-01-08")), "0"),
            ("date_diff('day', TIMESTAMP '2024-01-01 23:59:00', TIMESTAMP '2024-01-02 00:01:00')",
             try B.call("date_diff", B.text("day"), B.timestamp("2024-01-01 23:59:00"), B.timestamp("2024-01-02 00:01:00")), "1"),
            ("date_diff('minute', TIMESTAMP '2024-01-01 10:59:59', TIMESTAMP '2024-01-01 10:58:01')",
             try B.call("datediff", B.text("minute"), B.timestamp("2024-01-01 10:59:59"), B.timestamp("2024-01-01 10:58:01")), "-1"),
            ("date_diff('quarter', DATE '2024-03-31', DATE '2024-04-01')",
             try B.call("date_diff", B.text("quarter"), B.date("2024-03-31"), B.date("2024-04-01")), "1"),
            ("epoch_ms(TIMESTAMP '2024-01-01 00:00:00')", try B.call("epoch_ms", B.timestamp("2024-01-01 00:00:00")), "1704067200000"),
            ("epoch_ms(1000)", try B.call("epoch_ms", B.cast(B.int(1000), .int64)), "1970-01-01 00:00:01"),
            ("DATE '2024-03-01' - 1", try B.call("-", B.date("2024-03-01"), B.int(1)), "2024-02-29"),
            ("DATE '2024-03-01' - DATE '2024-02-01'", try B.call("-", B.date("2024-03-01"), B.date("2024-02-01")), "29"),
        ]
        for (sql, expression, expected) in cases { XCTAssertEqual(try Build.render(expression), expected, sql) }
    }

    func testFunctionsMatchDuckDB() throws {
        let cases: [(String, BoundExpression, String)] = [
            ("trunc(-1.5::double)", try B.call("trunc", B.double(-1.5)), "-1.0"),
            ("round(1.25::decimal(5,2))", try B.call("round", B.decimal("1.25", 5, 2)), "1"),
            ("greatest(1, 5, 3)", try B.call("greatest", B.int(1), B.int(5), B.int(3)), "5"),
            ("least('b', 'a', 'c')", try B.call("least", B.text("b"), B.text("a"), B.text("c")), "a"),
            ("nullif(1, 2)", try B.call("nullif", B.int(1), B.int(2)), "1"),
            ("right('hello', -2)", try B.call("right", B.text("hello"), B.int(-2)), "llo"),
            ("repeat('ab', 3)", try B.call("repeat", B.text("ab"), B.int(3)), "ababab"),
            ("reverse('abc')", try B.call("reverse", B.text("abc")), "cba"),
            ("strpos('hello', 'z')", try B.call("strpos", B.text("hello"), B.text("z")), "0"),
            ("split_part('a,b,c', ',', 5)", try B.call("split_part", B.text("a,b,c"), B.text(","), B.int(5)), ""),
            ("regexp_extract('abc', 'x')", try B.call("regexp_extract", B.text("abc"), B.text("x")), ""),
            ("ltrim('  hi  ')", try B.call("ltrim", B.text("  hi  ")), "hi  "),
            ("rtrim('  hi  ')", try B.call("rtrim", B.text("  hi  ")), "  hi"),
            ("starts_with('hello', 'he')", try B.call("starts_with", B.text("hello"), B.text("he")), "true"),
            ("ends_with('hello', 'lo')", try B.call("ends_with", B.text("hello"), B.text("lo")), "true"),
            ("contains('hello', 'ell')", try B.call("contains", B.text("hello"), B.text("ell")), "true"),
            ("7.5::double // 2", try B.call("//", B.double(7.5), B.int(2)), "3.75"),
            ("ln(1.0::double)", try B.call("ln", B.double(1)), "0.0"),
            ("log10(1000.0::double)", try B.call("log10", B.double(1000)), "3.0"),
            ("log2(8.0::double)", try B.call("log2", B.double(8)), "3.0"),
            ("exp(0.0::double)", try B.call("exp", B.double(0)), "1.0"),
            ("abs(-1.5::decimal(5,1))", try B.call("abs", B.decimal("-1.5", 5, 1)), "1.5"),
            ("-(1.5::decimal(5,1))", try B.call("negate", B.decimal("1.5", 5, 1)), "-1.5"),
        ]
        for (sql, expression, expected) in cases { XCTAssertEqual(try Build.render(expression), expected, sql) }
    }

    func testNullSemanticsMatchDuckDB() throws {
        typealias B = Build
        let evaluator = ExecutionConstantEvaluator()
        let cases: [(String, BoundExpression, Value)] = [
            ("greatest(1, NULL, 3)", try B.call("greatest", B.int(1), B.null(.int32), B.int(3)), .int(3)),
            ("least(NULL::int, NULL)", try B.call("least", B.null(.int32), B.null(.int32)), .null),
            ("concat_ws(NULL, 'a')", try B.call("concat_ws", B.null(.string), B.text("a")), .null),
            ("nullif(NULL, 1)", try B.call("nullif", B.null(.int32), B.int(1)), .null),
            ("'abc' like NULL", try B.call("like", B.text("abc"), B.null(.string)), .null),
            ("NULL in (1, 2)", try B.call("in", B.null(.int32), B.int(1), B.int(2)), .null),
            ("1 in (NULL, 1)", try B.call("in", B.int(1), B.null(.int32), B.int(1)), .boolean(true)),
            ("2 in (NULL, 1)", try B.call("in", B.int(2), B.null(.int32), B.int(1)), .null),
            ("regexp_matches(NULL, 'a')", try B.call("regexp_matches", B.null(.string), B.text("a")), .null),
            ("substring('abc', NULL, 1)", try B.call("substring", B.text("abc"), B.null(.int64), B.int(1)), .null),
            ("date_part('year', NULL::date)", try B.call("date_part", B.text("year"), B.null(.date)), .null),
            ("strftime(NULL::date, '%Y')", try B.call("strftime", B.null(.date), B.text("%Y")), .null),
            ("concat(NULL, NULL)", try B.call("concat", B.null(.string), B.null(.string)), .string("")),
            ("coalesce(NULL, NULL, 2)", try B.call("coalesce", B.null(.int32), B.null(.int32), B.int(2)), .int(2)),
        ]
        for (sql, expression, expected) in cases { XCTAssertEqual(try evaluator.evaluate(expression), expected, sql) }
    }
}
