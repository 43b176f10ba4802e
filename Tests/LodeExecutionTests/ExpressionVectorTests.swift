import Foundation
import XCTest
import LodeCore
import LodePlan
@testable import LodeExecution

/// Expressions over columns: NULLs, constants on either side, CASE laziness, IN, LIKE.
final class ExpressionVectorTests: XCTestCase {
    let columns = [
        PlanColumn(id: ColumnID(0), name: "i", type: .int32),
        PlanColumn(id: ColumnID(1), name: "s", type: .string),
        PlanColumn(id: ColumnID(2), name: "p", type: .decimal(precision: 15, scale: 2)),
    ]

    var batch: RecordBatch {
        try! RecordBatch(schema: Schema(columns.map(\.field)), columns: [
            PrimitiveArray<Int32>(.int32, [1, 0, nil, -4]),
            BinaryArray(strings: ["STANDARD BRASS", "abc", nil, "brass"]),
            PrimitiveArray<Int128>(.decimal(precision: 15, scale: 2), [1050, 5, 7, nil]),
        ])
    }

    func column(_ k: Int) -> BoundExpression { .column(columns[k].id, columns[k].type) }

    func run(_ e: BoundExpression) throws -> [Value] {
        try ExpressionCompiler.compile(e, layout: ColumnLayout(columns)).evaluate(batch).values
    }

    func testComparisonWithConstantKeepsNulls() throws {
        XCTAssertEqual(try run(try Build.call("<=", column(0), Build.int(0))), [.boolean(false), .boolean(true), .null, .boolean(true)])
        XCTAssertEqual(try run(try Build.call(">", Build.int(0), column(0))), [.boolean(false), .boolean(false), .null, .boolean(true)])
        XCTAssertEqual(try run(try Build.call("is_distinct_from", column(0), Build.null(.int32))),
                       [.boolean(true), .boolean(true), .boolean(false), .boolean(true)])
        XCTAssertEqual(try run(try Build.call("<", column(1), Build.text("abc"))), [.boolean(true), .boolean(false), .null, .boolean(false)])
    }

    func testDecimalArithmeticWithIntegerConstant() throws {
        // l_extendedprice * (1 - l_discount) shape.
        let oneMinus = try Build.call("-", Build.int(1), column(2))
        XCTAssertEqual(oneMinus.type, .decimal(precision: 16, scale: 2))
        let values = try run(oneMinus)
        XCTAssertEqual(values.map(\.description), ["-9.50", "0.95", "0.93", "NULL"])
    }

    func testCaseEvaluatesArmsOnlyOnTheirRows() throws {
        let divide = try Build.call("//", Build.int(100), column(0))
        let e = BoundExpression.caseWhen([BoundWhen(condition: try Build.call("<>", column(0), Build.int(0)), result: divide)],
                                         otherwise: Build.int(-1), .int32)
        XCTAssertEqual(try run(e), [.int(100), .int(-1), .int(-1), .int(-25)])
    }

    func testCaseBlendsTextArms() throws {
        let e = BoundExpression.caseWhen([BoundWhen(condition: try Build.call("like", column(1), Build.text("%BRASS")), result: Build.text("brass")),
                                          BoundWhen(condition: try Build.call(">", column(0), Build.int(-1)), result: column(1))],
                                         otherwise: nil, .string)
        XCTAssertEqual(try run(e), [.string("brass"), .string("abc"), .null, .null])
    }

    func testInListNullSemantics() throws {
        XCTAssertEqual(try run(try Build.call("in", column(0), Build.int(1), Build.int(-4))), [.boolean(true), .boolean(false), .null, .boolean(true)])
        XCTAssertEqual(try run(try Build.call("in", column(0), Build.int(1), Build.null(.int32))), [.boolean(true), .null, .null, .null])
    }

    func testLikeShapes() throws {
        func like(_ pattern: String, _ name: String = "like") throws -> [Value] {
            try run(try Build.call(name, column(1), Build.text(pattern)))
        }
        let t = Value.boolean(true), f = Value.boolean(false)
        XCTAssertEqual(try like("%BRASS"), [t, f, .null, f])
        XCTAssertEqual(try like("STANDARD%"), [t, f, .null, f])
        XCTAssertEqual(try like("%AND%"), [t, f, .null, f])
        XCTAssertEqual(try like("a_c"), [f, t, .null, f])
        XCTAssertEqual(try like("%b%s_"), [f, f, .null, t])
        XCTAssertEqual(try like("%brass", "ilike"), [t, f, .null, t])
        XCTAssertEqual(try run(try Build.call("like", Build.text("10%"), Build.text("10!%"), Build.text("!"))), [t, t, t, t])
    }

    func testLikeWithPatternColumn() throws {
        let patterns = try run(try Build.call("like", Build.text("abc"), column(1)))
        XCTAssertEqual(patterns, [.boolean(false), .boolean(true), .null, .boolean(false)])
    }

    func testNullifKeepsTheFirstArgumentsType() throws {
        let e = try Build.call("nullif", column(0), Build.cast(Build.int(0), .int64))
        XCTAssertEqual(e.type, .int32)
        XCTAssertEqual(try run(e), [.int(1), .null, .null, .int(-4)])
    }

    func testSubstringAndYearOverColumns() throws {
        let texts = BinaryArray(strings: ["héllo", "ab", nil, ""])
        let batch = try RecordBatch(schema: Schema([Field("s", .string)]), columns: [texts])
        let layout = ColumnLayout([PlanColumn(id: ColumnID(9), name: "s", type: .string)])
        let e = try Build.call("substring", .column(ColumnID(9), .string), Build.int(2), Build.int(3))
        XCTAssertEqual(try ExpressionCompiler.compile(e, layout: layout).evaluate(batch).values,
                       [.string("éll"), .string("b"), .null, .string("")])
        for days in stride(from: -200_000, through: 200_000, by: 97) {
            XCTAssertEqual(YearTable.year(ofDays: Int32(days)), Temporal.civil(days: days).year, "\(days)")
        }
    }

    func testLogicIsThreeValued() throws {
        let isPositive = try Build.call(">", column(0), Build.int(0))
        let and = try Build.call("and", isPositive, Build.null(.boolean))
        let or = try Build.call("or", isPositive, Build.null(.boolean))
        XCTAssertEqual(try run(and), [.null, .boolean(false), .null, .boolean(false)])
        XCTAssertEqual(try run(or), [.boolean(true), .null, .null, .null])
    }

    func testCoalesceAndTryCast() throws {
        XCTAssertEqual(try run(try Build.call("coalesce", column(0), Build.int(9))), [.int(1), .int(0), .int(9), .int(-4)])
        XCTAssertEqual(try run(Build.cast(column(1), .int32, isTry: true)), [.null, .null, .null, .null])
    }

    func testHashVectors() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        XCTAssertEqual(hex(MD5.digest([UInt8]())), "d41d8cd98f00b204e9800998ecf8427e")
        XCTAssertEqual(hex(MD5.digest(Array("The quick brown fox jumps over the lazy dog".utf8))), "9e107d9d372bb6826bd81d3542a419d6")
        XCTAssertEqual(hex(SHA256.digest([UInt8]())), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(hex(SHA256.digest(Array("abc".utf8))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(hex(SHA256.digest(Array(repeating: UInt8(ascii: "a"), count: 1000))),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
