import XCTest
import LodeCore
import LodePlan
@testable import LodeExecution

/// Math, text and calendar functions checked against DuckDB 2.0.1.
final class ScalarFunctionDuckDBTests: XCTestCase {
    typealias B = Build

    func check(_ cases: [(String, BoundExpression, String)]) {
        for (sql, expression, expected) in cases {
            XCTAssertEqual(try Build.render(expression), expected, sql)
        }
    }

    func testMathMatchesDuckDB() throws {
        check([
            ("cbrt(-8)", try B.call("cbrt", B.int(-8)), "-2.0"),
            ("log(100)", try B.call("log", B.int(100)), "2.0"),
            ("log(2, 1024)", try B.call("log", B.int(2), B.int(1024)), "10.0"),
            ("atan2(1, -1)", try B.call("atan2", B.int(1), B.int(-1)), "2.356194490192345"),
            ("degrees(pi())", try B.call("degrees", B.call("pi")), "180.0"),
            ("radians(180)", try B.call("radians", B.int(180)), "3.141592653589793"),
            ("cos(0)", try B.call("cos", B.int(0)), "1.0"),
            ("isnan(CAST('nan' AS DOUBLE))", try B.call("isnan", B.cast(B.text("nan"), .float64)), "true"),
            ("isinf(-1e308 * 10)", try B.call("isinf", B.call("*", B.double(-1e308), B.double(10))), "true"),
            ("isfinite(1.0)", try B.call("isfinite", B.decimal("1.0", 2, 1)), "true"),
        ])
    }

    func testTextMatchesDuckDB() throws {
        check([
            ("'a' || 'b'", try B.call("||", B.text("a"), B.text("b")), "ab"),
            ("ascii('A')", try B.call("ascii", B.text("A")), "65"),
            ("ascii('Ü')", try B.call("ascii", B.text("Ü")), "220"),
            ("ascii('')", try B.call("ascii", B.text("")), "0"),
            ("chr(220)", try B.call("chr", B.int(220)), "Ü"),
            ("split_part('héllo', '', 2)", try B.call("split_part", B.text("héllo"), B.text(""), B.int(2)), "é"),
            ("split_part('abc', '', -1)", try B.call("split_part", B.text("abc"), B.text(""), B.int(-1)), "c"),
            ("upper('straße ﬁ')", try B.call("upper", B.text("straße ﬁ")), "STRAẞE ﬁ"),
            ("lower('İ ǅ ΑΣ')", try B.call("lower", B.text("İ ǅ ΑΣ")), "i ǆ ασ"),
        ])
        XCTAssertEqual(try ExecutionConstantEvaluator().evaluate(try B.call("||", B.text("a"), B.null(.string))), .null)
        XCTAssertThrowsError(try Build.render(try B.call("chr", B.int(-1))))
    }

    func testCalendarMatchesDuckDB() throws {
        check([
            ("last_day(DATE '2023-12-05')", try B.call("last_day", B.date("2023-12-05")), "2023-12-31"),
            ("last_day(DATE '2024-02-10')", try B.call("last_day", B.date("2024-02-10")), "2024-02-29"),
            ("last_day(TIMESTAMP '2023-02-10 10:00')", try B.call("last_day", B.timestamp("2023-02-10 10:00:00")), "2023-02-28"),
            ("monthname(DATE '2024-07-01')", try B.call("monthname", B.date("2024-07-01")), "July"),
            ("dayname(DATE '1969-07-20')", try B.call("dayname", B.date("1969-07-20")), "Sunday"),
            ("strptime('20240315 0712', '%Y%m%d %H%M')", try B.call("strptime", B.text("20240315 0712"), B.text("%Y%m%d %H%M")),
             "2024-03-15 07:12:00"),
        ])
        XCTAssertEqual(try ExecutionConstantEvaluator().evaluate(try B.call("try_strptime", B.text("2024-13-01"), B.text("%Y-%m-%d"))), .null)
        XCTAssertThrowsError(try Build.render(try B.call("strptime", B.text("2024-13-01"), B.text("%Y-%m-%d"))))
        XCTAssertThrowsError(try Build.render(try B.call("try_strptime", B.text("2024"), B.text("%Q"))))
        XCTAssertThrowsError(try Build.render(try B.call("strptime", B.text("12024-01-02"), B.text("%Y-%m-%d"))))
    }
}
