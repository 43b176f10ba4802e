import LodeCore
import XCTest

/// The runner prints values exactly as Tests/Interop/slt.py prints DuckDB's.
final class SQLLogicTestFormatTests: XCTestCase {
    func testValuesPrintLikeTheRecorder() {
        let cases: [(Value, String)] = [
            (.null, "NULL"), (.string(""), "(empty)"), (.string("a\tb\nc"), "a\\tb\\nc"), (.string("  x "), "  x "),
            (.boolean(true), "true"), (.int(-42), "-42"),
            (.decimal(Decimal128(1250, precision: 10, scale: 2)), "12.50"),
            (.decimal(Decimal128(-5, precision: 10, scale: 3)), "-0.005"),
            (.decimal(Decimal128(0, precision: 10, scale: 2)), "0.00"),
            (.double(1.0 / 3.0), "0.3333333333"), (.double(2.5), "2.5"), (.double(1e10), "1e+10"), (.double(123456.5), "123456.5"),
            (.double(1.5e20), "1.5e+20"), (.double(-0.0), "0"), (.double(.nan), "nan"), (.double(-.infinity), "-inf"),
            (.double(1_706_745_599.5), "1706745600"), (.double(0.000025), "2.5e-05"),
            (.date(19753), "2024-01-31"), (.date(-165), "1969-07-20"),
            (.timestamp(1_706_745_599_500_000, .microsecond, utc: false), "2024-01-31 23:59:59.5"),
            (.timestamp(0, .microsecond, utc: true), "1970-01-01 00:00:00+00"),
            (.binary([0x61, 0x00, 0x5c]), "a\\x00\\x5C"),
            (.list([.int(1), .null, .string("a")]), "[1, NULL, 'a']"),
        ]
        for (value, text) in cases {
            XCTAssertEqual(SQLLogicTestFormat.format(value), text, "\(value)")
        }
    }

    func testTypeLetters() {
        XCTAssertEqual([DataType.int8, .int32, .int64, .float64, .decimal(precision: 38, scale: 2), .boolean, .string,
                        .date, .timestampNTZ].map(SQLLogicTestFormat.letter(of:)),
                       ["I", "I", "I", "R", "D", "B", "T", "T", "T"])
    }

    func testRowSortOrdersByCodePointLikePython() {
        let rows: [[Value]] = [[.string("b")], [.string("B")], [.string("é")], [.null], [.string("a")]]
        XCTAssertEqual(SQLLogicTestFormat.lines(rows, sort: .rowsort), ["B", "NULL", "a", "b", "é"])
        XCTAssertEqual(SQLLogicTestFormat.lines([[.int(2), .int(1)], [.int(0), .int(3)]], sort: .valuesort),
                       ["0", "1", "2", "3"])
    }

    func testFloatingPointColumnsAllowTheLastDigitToRound() {
        XCTAssertTrue(SQLLogicTestRunner.rowsAgree(expected: ["1\t0.3333333333"], actual: ["1\t0.3333333334"],
                                                   letters: ["I", "R"]))
        XCTAssertFalse(SQLLogicTestRunner.rowsAgree(expected: ["1\t0.3333333333"], actual: ["1\t0.3333334"],
                                                    letters: ["I", "R"]))
        XCTAssertFalse(SQLLogicTestRunner.rowsAgree(expected: ["10"], actual: ["11"], letters: ["I"]))
        XCTAssertFalse(SQLLogicTestRunner.rowsAgree(expected: ["0.10"], actual: ["0.1"], letters: ["D"]))
        XCTAssertFalse(SQLLogicTestRunner.rowsAgree(expected: ["nan"], actual: ["inf"], letters: ["R"]))
    }
}
