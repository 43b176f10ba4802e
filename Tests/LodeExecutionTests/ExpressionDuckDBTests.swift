import XCTest
import LodeCore
import LodePlan
@testable import LodeExecution

/// Constant expressions checked against DuckDB 2.0.1's output for the same SQL (shown in
/// each case's first field).
final class ExpressionDuckDBTests: XCTestCase {
    typealias B = Build

    func testCasesMatchDuckDB() throws {
        let cases: [(String, BoundExpression, String)] = [
            ("-7 // 2", try B.call("//", B.int(-7), B.int(2)), "-3"),
            ("-7 % 2", try B.call("%", B.int(-7), B.int(2)), "-1"),
            ("1.5::decimal(10,2) * 2.5::decimal(10,2)", try B.call("*", B.decimal("1.5", 10, 2), B.decimal("2.5", 10, 2)), "3.7500"),
            ("1.5::decimal(10,2) + 2.5::decimal(12,3)", try B.call("+", B.decimal("1.5", 10, 2), B.decimal("2.5", 12, 3)), "4.000"),
            ("1.005::decimal(5,3)::decimal(4,2)", B.cast(B.decimal("1.005", 5, 3), .decimal(precision: 4, scale: 2)), "1.01"),
            ("-1.005::decimal(5,3)::decimal(4,2)", B.cast(B.decimal("-1.005", 5, 3), .decimal(precision: 4, scale: 2)), "-1.01"),
            ("2.5::double::int", B.cast(B.double(2.5), .int32), "2"),
            ("2.5::decimal(3,1)::int", B.cast(B.decimal("2.5", 3, 1), .int32), "3"),
            ("'  12 '::int", B.cast(B.text("  12 "), .int32), "12"),
            ("round(2.567::double, 2)", try B.call("round", B.double(2.567), B.int(2)), "2.57"),
            ("round(-2.5::double)", try B.call("round", B.double(-2.5)), "-3.0"),
            ("ceil(-1.5::decimal(5,1))", try B.call("ceil", B.decimal("-1.5", 5, 1)), "-1"),
            ("floor(1.25::decimal(5,2))", try B.call("floor", B.decimal("1.25", 5, 2)), "1"),
            ("sqrt(16.0::double)", try B.call("sqrt", B.double(16)), "4.0"),
            ("sign(-2)", try B.call("sign", B.int(-2)), "-1"),
            ("lower('HeLLo')", try B.call("lower", B.text("HeLLo")), "hello"),
            ("upper('héllo')", try B.call("upper", B.text("héllo")), "HÉLLO"),
            ("trim('xxhixx', 'x')", try B.call("trim", B.text("xxhixx"), B.text("x")), "hi"),
            ("substring('hello', 2, 3)", try B.call("substring", B.text("hello"), B.int(2), B.int(3)), "ell"),
            ("substring('hello', -3, 2)", try B.call("substring", B.text("hello"), B.int(-3), B.int(2)), "ll"),
            ("substring('hello', 0, 2)", try B.call("substring", B.text("hello"), B.int(0), B.int(2)), "h"),
            ("replace('banana', 'an', 'AN')", try B.call("replace", B.text("banana"), B.text("an"), B.text("AN")), "bANANa"),
            ("regexp_replace('abc', '(b)', '<\\1>')", try B.call("regexp_replace", B.text("abc"), B.text("(b)"), B.text("<\\1>")), "a<b>c"),
            ("regexp_replace('aaa', 'a', 'b', 'g')", try B.call("regexp_replace", B.text("aaa"), B.text("a"), B.text("b"), B.text("g")), "bbb"),
            ("regexp_matches('abc', 'B', 'i')", try B.call("regexp_matches", B.text("abc"), B.text("B"), B.text("i")), "true"),
            ("regexp_extract('abc', '(b)(c)', 2)", try B.call("regexp_extract", B.text("abc"), B.text("(b)(c)"), B.int(2)), "c"),
            ("split_part('a,b,c', ',', -1)", try B.call("split_part", B.text("a,b,c"), B.text(","), B.int(-1)), "c"),
            ("concat('a', NULL, 'b')", try B.call("concat", B.text("a"), B.null(.string), B.text("b")), "ab"),
            ("concat_ws('-', 'a', NULL, 'b')", try B.call("concat_ws", B.text("-"), B.text("a"), B.null(.string), B.text("b")), "a-b"),
            ("length('héllo')", try B.call("length", B.text("héllo")), "5"),
            ("strlen('héllo')", try B.call("strlen", B.text("héllo")), "6"),
            ("lpad('ab', 5, 'xy')", try B.call("lpad", B.text("ab"), B.int(5), B.text("xy")), "xyxab"),
            ("rpad('ab', 5, 'xy')", try B.call("rpad", B.text("ab"), B.int(5), B.text("xy")), "abxyx"),
            ("left('hello', -2)", try B.call("left", B.text("hello"), B.int(-2)), "hel"),
            ("strpos('hello', 'l')", try B.call("strpos", B.text("hello"), B.text("l")), "3"),
            ("md5('hello')", try B.call("md5", B.text("hello")), "5d41402abc4b2a76b9719d911017c592"),
            ("sha256('hello')", try B.call("sha256", B.text("hello")), "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"),
            ("date_trunc('month', DATE '2024-05-17')", try B.call("date_trunc", B.text("month"), B.date("2024-05-17")), "2024-05-01 00:00:00"),
            ("date_part('dow', DATE '2024-05-19')", try B.call("date_part", B.text("dow"), B.date("2024-05-19")), "0"),
            ("date_part('week', DATE '2024-12-30')", try B.call("date_part", B.text("week"), B.date("2024-12-30")), "1"),
            ("date_diff('month', DATE '2024-01-31', DATE '2024-02-01')",
             try B.call("date_diff", B.text("month"), B.date("2024-01-31"), B.date("2024-02-01")), "1"),
            ("date_diff('hour', TIMESTAMP '2024-01-01 10:59:00', TIMESTAMP '2024-01-01 11:01:00')",
             try B.call("date_diff", B.text("hour"), B.timestamp("2024-01-01 10:59:00"), B.timestamp("2024-01-01 11:01:00")), "1"),
            ("strftime(TIMESTAMP '2024-05-07 13:04:05.25', '%Y/%m/%d %H:%M:%S.%f %j %a %b %I %p')",
             try B.call("strftime", B.timestamp("2024-05-07 13:04:05.25"), B.text("%Y/%m/%d %H:%M:%S.%f %j %a %b %I %p")),
             "2024/05/07 13:04:05.250000 128 Tue May 01 PM"),
            ("strptime('2024-05-07 13:04', '%Y-%m-%d %H:%M')", try B.call("strptime", B.text("2024-05-07 13:04"), B.text("%Y-%m-%d %H:%M")),
             "2024-05-07 13:04:00"),
            ("TIMESTAMP '2024-01-31 10:00:00' + INTERVAL 1 MONTH",
             try B.call("add_interval", B.timestamp("2024-01-31 10:00:00"), B.int(1), B.int(0), .literal(.int(0), .int64)), "2024-02-29 10:00:00"),
            ("CAST(1e20 AS DOUBLE)", B.double(1e20), "1e+20"),
            ("CAST(DATE '2024-01-02' AS TIMESTAMP)", B.cast(B.date("2024-01-02"), .timestampNTZ), "2024-01-02 00:00:00"),
        ]
        for (sql, expression, expected) in cases {
            XCTAssertEqual(try Build.render(expression), expected, sql)
        }
    }

    func testNullInputsGiveNull() throws {
        for name in ["lower", "md5", "length", "reverse"] {
            XCTAssertEqual(try ExecutionConstantEvaluator().evaluate(try Build.call(name, Build.null(.string))), .null, name)
        }
        XCTAssertEqual(try ExecutionConstantEvaluator().evaluate(try Build.call("+", Build.int(1), Build.null(.int32))), .null)
    }

    func testErrorsAreTyped() throws {
        func kind(_ e: BoundExpression) -> ExecutionError.Kind? {
            do { _ = try ExecutionConstantEvaluator().evaluate(e); return nil } catch { return (error as? ExecutionError)?.kind }
        }
        XCTAssertEqual(kind(try Build.call("/", Build.int(1), Build.int(0))), .divisionByZero)
        XCTAssertEqual(kind(try Build.call("+", Build.int(Int64(Int32.max)), Build.int(1))), .outOfRange)
        XCTAssertEqual(kind(Build.cast(Build.text("abc"), .int32)), .conversion)
        XCTAssertEqual(kind(Build.cast(Build.int(300), .int8)), .conversion)
        XCTAssertEqual(kind(try Build.call("regexp_matches", Build.text("a"), Build.text("("))), .invalidInput)
        XCTAssertEqual(try ExecutionConstantEvaluator().evaluate(Build.cast(Build.text("abc"), .int32, isTry: true)), .null)
    }
}
