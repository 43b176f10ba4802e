import XCTest
@testable import LodeSQL

/// Builds random syntax trees, prints them and parses the print: the trees must match.
final class PrinterRoundTripTests: XCTestCase {
    private var generator = RobustnessTests.SplitMix(state: 99)

    private func pick<T>(_ items: [T]) -> T {
        items[Int.random(in: 0..<items.count, using: &generator)]
    }

    private func column(_ name: String) -> LodeSQL.Expression { .column(QualifiedName(dotted: name)) }

    private func expression(depth: Int) -> LodeSQL.Expression {
        let leaves: [LodeSQL.Expression] = [
            column("a"), column("t.b"), .literal(.integer("1")), .literal(.decimal("0.06")), .literal(.float("1e3")),
            .literal(.string("it's")), .literal(.boolean(false)), .literal(.null), .parameter("$1"),
            .literal(.typed(.named("date"), "1998-12-01")), .literal(.interval("3", unit: "day")),
            .column(QualifiedName([Identifier("Odd \"Name\"", quoted: true)])),
        ]
        if depth == 0 { return pick(leaves) }
        let next = depth - 1
        switch Int.random(in: 0..<14, using: &generator) {
        case 0: return pick(leaves)
        case 1: return .unary(pick([.not, .minus, .plus]), expression(depth: next))
        case 2, 3:
            let op = pick([BinaryOperator.or, .and, .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual,
                           .concat, .plus, .minus, .multiply, .divide, .modulo])
            return .binary(expression(depth: next), op, expression(depth: next))
        case 4: return .isNull(expression(depth: next), negated: pick([true, false]))
        case 5: return .isDistinctFrom(expression(depth: next), expression(depth: next), negated: pick([true, false]))
        case 6: return .between(expression(depth: next), low: expression(depth: next), high: expression(depth: next), negated: pick([true, false]))
        case 7:
            return .like(expression(depth: next), pattern: expression(depth: next), escape: pick([nil, .literal(.string("!"))]),
                         caseInsensitive: pick([true, false]), negated: pick([true, false]))
        case 8: return .inList(expression(depth: next), [expression(depth: next), expression(depth: next)], negated: pick([true, false]))
        case 9:
            return .caseWhen(operand: pick([nil, expression(depth: next)]),
                             branches: [WhenBranch(condition: expression(depth: next), result: expression(depth: next))],
                             otherwise: pick([nil, expression(depth: next)]))
        case 10:
            return .cast(expression(depth: next), pick([.named("decimal", parameters: ["15", "2"]), .list(.named("int")), .named("timestamp with time zone")]),
                         style: pick([.cast, .tryCast, .doubleColon]))
        case 11:
            return .function(FunctionCall(name: QualifiedName(dotted: "f"), arguments: [FunctionArgument(value: expression(depth: next))],
                                          isDistinct: pick([true, false]), filter: pick([nil, expression(depth: next)])))
        case 12: return .extract(field: "year", expression(depth: next))
        default: return .isBoolean(expression(depth: next), pick([true, false]), negated: pick([true, false]))
        }
    }

    func testRandomExpressionsRoundTrip() throws {
        for _ in 0..<3000 {
            let tree = expression(depth: 4)
            let printed = tree.sql
            do {
                let reparsed = try SQL.parseExpression(printed)
                XCTAssertEqual(reparsed, tree, printed)
                if reparsed != tree { return }
            } catch {
                XCTFail("\(error): \(printed)")
                return
            }
        }
    }
}
