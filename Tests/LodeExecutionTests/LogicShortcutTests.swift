import XCTest
import LodeCore
import LodePlan
@testable import LodeExecution

final class LogicShortcutTests: XCTestCase {
    let x = BoundExpression.column(ColumnID(0), .int32)
    let layout = ColumnLayout([PlanColumn(id: ColumnID(0), name: "x", type: .int32)])

    func batch(_ values: [Int32?]) throws -> RecordBatch {
        try RecordBatch(schema: Schema([Field("x", .int32)]), columns: [PrimitiveArray<Int32>(.int32, values)])
    }

    func compare(_ op: String, _ value: Int32) -> BoundExpression { .call(op, [x, .literal(.int(Int64(value)), .int32)], .boolean) }

    func evaluate(_ e: BoundExpression, _ values: [Int32?]) throws -> [Value] {
        try ExpressionCompiler.compile(e, layout: layout).evaluate(batch(values)).values
    }

    func testAnAllTrueLeftSideStillEvaluatesTheRightSideOfAnd() throws {
        let both = BoundExpression.call("and", [compare(">=", 1), compare("<", 2)], .boolean)
        XCTAssertEqual(try evaluate(both, [1, 2, 3]), [.boolean(true), .boolean(false), .boolean(false)])
        let either = BoundExpression.call("or", [compare("<", 9), compare(">", 2)], .boolean)
        XCTAssertEqual(try evaluate(either, [1, 2, nil]), [.boolean(true), .boolean(true), .null])
        let neither = BoundExpression.call("or", [compare("<", 2), compare(">", 2)], .boolean)
        XCTAssertEqual(try evaluate(neither, [5, 1, 2]), [.boolean(true), .boolean(true), .boolean(false)])
    }

    func testTheRightSideOfAndIsNotEvaluatedWhereTheLeftDecided() throws {
        let ten = BoundExpression.literal(.int(10), .int32)
        let quotient = BoundExpression.call("/", [.cast(ten, to: .float64, isTry: false), .cast(x, to: .float64, isTry: false)], .float64)
        let guarded = BoundExpression.call("and", [compare("<>", 0), .call(">", [quotient, .literal(.double(1), .float64)], .boolean)], .boolean)
        XCTAssertEqual(try evaluate(guarded, [0, 5, 20, nil]), [.boolean(false), .boolean(true), .boolean(false), .null])
        let unguarded = BoundExpression.call("and", [compare(">=", 0), .call(">", [quotient, .literal(.double(1), .float64)], .boolean)], .boolean)
        XCTAssertThrowsError(try evaluate(unguarded, [0, 5])) { XCTAssertEqual(($0 as? ExecutionError)?.kind, .divisionByZero) }
    }
}
