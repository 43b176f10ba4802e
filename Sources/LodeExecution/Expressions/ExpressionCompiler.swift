import LodeCore
import LodePlan

/// Turns bound expressions into vectorized ``PhysicalExpression``s over column positions.
///
/// Calls whose arguments are all constants are folded once at compile time (when folding
/// raises an error, the error is left for run time, where the row may never be evaluated).
public enum ExpressionCompiler {
    /// The physical form of `expression`, reading columns at the positions `layout` gives.
    public static func compile(_ expression: BoundExpression, layout: ColumnLayout) throws -> any PhysicalExpression {
        switch expression {
        case .column(let id, let type):
            guard let index = layout[id] else { throw ExecutionError(.internal, "column \(id) is not in the operator's input") }
            return ColumnExpression(index: index, type: type)
        case .literal(let value, let type):
            return try LiteralExpression(value, type)
        case .cast(let inner, let target, let isTry):
            let compiled = try compile(inner, layout: layout)
            if compiled.type == target { return compiled }
            try Cast.check(from: compiled.type, to: target)
            return folded(CastExpression(input: compiled, type: target, isTry: isTry))
        case .call(let name, let arguments, let type):
            let compiled = try arguments.map { try compile($0, layout: layout) }
            return folded(try compileCall(name, compiled, type))
        case .caseWhen(let whens, let otherwise, let type):
            let arms = try whens.map { (try compile($0.condition, layout: layout), try compile($0.result, layout: layout)) }
            let otherwiseCompiled = try otherwise.map { try compile($0, layout: layout) }
            return CaseExpression(arms: arms, otherwise: otherwiseCompiled, type: type)
        case .subquery:
            throw ExecutionError(.internal, "a subquery reached expression compilation; decorrelation should have removed it")
        }
    }

    /// A call by its registry name.
    static func compileCall(_ name: String, _ arguments: [any PhysicalExpression], _ type: DataType) throws -> any PhysicalExpression {
        switch name {
        case "and", "or":
            guard arguments.count == 2 else { throw arity(name, arguments.count) }
            return LogicalExpression(isAnd: name == "and", left: arguments[0], right: arguments[1])
        case "in":
            guard arguments.count >= 2 else { throw arity(name, arguments.count) }
            return try InListExpression(value: arguments[0], candidates: Array(arguments.dropFirst()))
        case "like", "ilike":
            guard arguments.count == 2 || arguments.count == 3 else { throw arity(name, arguments.count) }
            return try LikeExpression.make(arguments, caseInsensitive: name == "ilike")
        case "coalesce":
            guard !arguments.isEmpty else { throw arity(name, 0) }
            return CoalesceExpression(arguments: arguments, type: type)
        default:
            let kernel = try ScalarKernels.kernel(name, arguments, type)
            return FunctionExpression(name: name, arguments: arguments, type: type, kernel: kernel)
        }
    }

    /// `expression` evaluated once when it reads only constants, else `expression`.
    static func folded(_ expression: any PhysicalExpression) -> any PhysicalExpression {
        guard !(expression is LiteralExpression), expression.readsOnlyConstants,
              let result = try? expression.evaluate(ExecutionConstantEvaluator.oneRow), result.count == 1 else {
            return expression
        }
        return LiteralExpression(single: result)
    }

    static func arity(_ name: String, _ count: Int) -> ExecutionError {
        ExecutionError(.internal, "\(name) compiled with \(count) argument\(count == 1 ? "" : "s")")
    }
}

extension PhysicalExpression {
    /// Whether evaluation reads no column (its direct inputs are all literals).
    var readsOnlyConstants: Bool {
        switch self {
        case let f as FunctionExpression: return !f.arguments.isEmpty && f.arguments.allSatisfy { $0 is LiteralExpression }
        case let c as CastExpression: return c.input is LiteralExpression
        default: return false
        }
    }
}
