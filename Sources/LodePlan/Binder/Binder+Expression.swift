import LodeCore
import LodeSQL

extension Binder {
    /// Binds one scalar expression in `context`.
    func bind(_ expression: Expression, _ context: ExpressionContext) throws -> BoundExpression {
        switch expression {
        case .literal(let literal):
            return try bindLiteral(literal)
        case .column(let name):
            return try resolveColumn(name, context)
        case .star:
            throw PlanError(.binding, "* can only be used in a select list or in count(*)")
        case .parameter(let text):
            throw PlanError(.notImplemented, "query parameters such as \(text) are not supported")
        case .unary(let op, let operand):
            return try bindUnary(op, operand, context)
        case .binary(let left, let op, let right):
            return try bindBinary(left, op, right, context)
        case .isNull(let operand, let negated):
            return try call(negated ? "is_not_null" : "is_null", [try bind(operand, context)])
        case .isBoolean(let operand, let value, let negated):
            let bound = try bind(operand, context)
            return try call(negated ? "is_distinct_from" : "is_not_distinct_from", [bound, .literal(.boolean(value), .boolean)])
        case .isDistinctFrom(let left, let right, let negated):
            return try call(negated ? "is_not_distinct_from" : "is_distinct_from", [try bind(left, context), try bind(right, context)])
        case .inList(let operand, let candidates, let negated):
            let values = try ([operand] + candidates).map { try bind($0, context) }
            let type = try commonType(of: values, what: "IN list")
            return try negate(try call("in", values.map { cast($0, to: type) }), if: negated)
        case .inSubquery(let operand, let query, let negated):
            return try negate(try bindInSubquery(operand, query, context), if: negated)
        case .exists(let query, let negated):
            return try negate(try bindSubquery(query, kind: .exists, context), if: negated)
        case .subquery(let query):
            return try bindSubquery(query, kind: .scalar, context)
        case .between(let operand, let low, let high, let negated):
            let value = try bind(operand, context)
            let lower = try call(">=", [value, try bind(low, context)])
            let upper = try call("<=", [value, try bind(high, context)])
            return try negate(try call("and", [lower, upper]), if: negated)
        case .like(let operand, let pattern, let escape, let caseInsensitive, let negated):
            var args = [try bind(operand, context), try bind(pattern, context)]
            if let escape { args.append(try bind(escape, context)) }
            return try negate(try call(caseInsensitive ? "ilike" : "like", args), if: negated)
        case .caseWhen(let operand, let branches, let otherwise):
            return try bindCase(operand, branches, otherwise, context)
        case .cast(let operand, let typeName, let style):
            let type = try Self.resolveType(typeName)
            let value = try bind(operand, context)
            if value.type == type, style != .tryCast { return value }
            return .cast(value, to: type, isTry: style == .tryCast)
        case .function(let function):
            return try bindFunction(function, context)
        case .extract(let field, let operand):
            return try call("date_part", [.literal(.string(field), .string), try bind(operand, context)])
        case .substring(let operand, let start, let length):
            var args = [try bind(operand, context), try start.map { try bind($0, context) } ?? .literal(.int(1), .int64)]
            if let length { args.append(try bind(length, context)) }
            return try call("substring", args)
        case .list(let elements):
            let values = try elements.map { try bind($0, context) }
            let type = values.isEmpty ? DataType.int32 : try commonType(of: values, what: "list")
            return try call("list_value", values.map { cast($0, to: type) })
        }
    }

    /// Resolves a scalar function or operator through the registry and casts the arguments
    /// to its signature.
    func call(_ name: String, _ arguments: [BoundExpression], at location: SourceLocation? = nil) throws -> BoundExpression {
        let resolved: ResolvedFunction
        do {
            resolved = try functions.scalar(name, arguments.map(\.type))
        } catch var error as PlanError {
            if error.location == nil { error.location = location }
            throw error
        }
        return .call(resolved.name, castArguments(arguments, to: resolved.argumentTypes), resolved.returnType)
    }

    func castArguments(_ arguments: [BoundExpression], to types: [DataType]) -> [BoundExpression] {
        guard types.count == arguments.count else { return arguments }
        return zip(arguments, types).map { cast($0, to: $1) }
    }

    /// `value` as `type`, with an implicit cast when the types differ.
    func cast(_ value: BoundExpression, to type: DataType) -> BoundExpression {
        if value.type == type { return value }
        if case .literal(.null, _) = value { return .literal(.null, type) }
        return .cast(value, to: type, isTry: false)
    }

    func negate(_ value: BoundExpression, if negated: Bool) throws -> BoundExpression {
        negated ? try call("not", [value]) : value
    }

    /// The type all `values` meet at; untyped NULLs take any type.
    func commonType(of values: [BoundExpression], what: String) throws -> DataType {
        let typed = values.filter { if case .literal(.null, _) = $0 { return false } else { return true } }
        guard var type = typed.first?.type ?? values.first?.type else { return .int32 }
        for value in typed.dropFirst() {
            guard let common = TypeCoercion.commonType(type, value.type) else {
                throw PlanError(.type, "\(what) mixes \(type) and \(value.type), which have no common type")
            }
            type = common
        }
        return type
    }

    /// Checks that a `WHERE`, `HAVING`, `QUALIFY` or `ON` condition is boolean.
    func requireBoolean(_ value: BoundExpression, _ clause: String) throws -> BoundExpression {
        if value.type == .boolean { return value }
        if case .literal(.null, _) = value { return .literal(.null, .boolean) }
        throw PlanError(.type, "\(clause) condition must be BOOLEAN, not \(value.type)")
    }

    private func bindUnary(_ op: UnaryOperator, _ operand: Expression, _ context: ExpressionContext) throws -> BoundExpression {
        switch op {
        case .not:
            return try call("not", [try bind(operand, context)])
        case .plus:
            return try bind(operand, context)
        case .minus:
            if case .literal(.integer(let text)) = operand { return try bindLiteral(.integer("-" + text)) }
            if case .literal(.decimal(let text)) = operand { return try bindLiteral(.decimal("-" + text)) }
            if case .literal(.float(let text)) = operand { return try bindLiteral(.float("-" + text)) }
            return try call("negate", [try bind(operand, context)])
        }
    }

    private static let operatorNames: [BinaryOperator: String] = [
        .or: "or", .and: "and", .equal: "=", .notEqual: "<>", .less: "<", .lessOrEqual: "<=", .greater: ">",
        .greaterOrEqual: ">=", .concat: "concat", .plus: "+", .minus: "-", .multiply: "*", .divide: "/", .integerDivide: "//", .modulo: "%",
    ]

    private func bindBinary(_ left: Expression, _ op: BinaryOperator, _ right: Expression, _ context: ExpressionContext) throws -> BoundExpression {
        if op == .plus || op == .minus {
            if case .literal(.interval(let text, let unit)) = right {
                return try addInterval(try bind(left, context), try IntervalLiteral(text, unit: unit), subtract: op == .minus)
            }
            if op == .plus, case .literal(.interval(let text, let unit)) = left {
                return try addInterval(try bind(right, context), try IntervalLiteral(text, unit: unit), subtract: false)
            }
        }
        let name = Self.operatorNames[op] ?? op.rawValue
        return try call(name, [try bind(left, context), try bind(right, context)])
    }

    /// `x ± INTERVAL '…'` as `add_interval(x, months, days, micros)`; a DATE becomes a TIMESTAMP first.
    func addInterval(_ value: BoundExpression, _ interval: IntervalLiteral, subtract: Bool) throws -> BoundExpression {
        var value = value
        switch value.type {
        case .timestamp: break
        case .date, .string: value = cast(value, to: .timestampNTZ)
        default: throw PlanError(.type, "cannot add an interval to \(value.type)")
        }
        var amounts = [Int64(interval.months), Int64(interval.days), interval.micros]
        if subtract {
            amounts = try amounts.map { amount in
                let (negated, overflow) = Int64(0).subtractingReportingOverflow(amount)
                guard !overflow else { throw PlanError(.type, "interval is out of range") }
                return negated
            }
        }
        guard Int32(exactly: amounts[0]) != nil, Int32(exactly: amounts[1]) != nil else {
            throw PlanError(.type, "interval is out of range")
        }
        let arguments: [BoundExpression] = [
            value, .literal(.int(amounts[0]), .int32), .literal(.int(amounts[1]), .int32), .literal(.int(amounts[2]), .int64),
        ]
        if functions.kind("add_interval") == .scalar { return try call("add_interval", arguments) }
        return .call("add_interval", arguments, value.type)
    }

    private func bindCase(_ operand: Expression?, _ branches: [WhenBranch], _ otherwise: Expression?,
                          _ context: ExpressionContext) throws -> BoundExpression {
        let subject = try operand.map { try bind($0, context) }
        var conditions: [BoundExpression] = []
        var results: [BoundExpression] = []
        for branch in branches {
            if let subject {
                conditions.append(try call("=", [subject, try bind(branch.condition, context)]))
            } else {
                conditions.append(try requireBoolean(try bind(branch.condition, context), "CASE WHEN"))
            }
            results.append(try bind(branch.result, context))
        }
        let elseValue = try otherwise.map { try bind($0, context) }
        let type = try commonType(of: results + (elseValue.map { [$0] } ?? []), what: "CASE")
        let arms = zip(conditions, results).map { BoundWhen(condition: $0, result: cast($1, to: type)) }
        return .caseWhen(arms, otherwise: elseValue.map { cast($0, to: type) }, type)
    }
}
