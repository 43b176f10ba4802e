import LodeCore
import LodeSQL

extension Binder {
    /// Binds a function call: a window function (`OVER`), an aggregate, `grouping(...)`
    /// or a scalar function.
    func bindFunction(_ function: FunctionCall, _ context: ExpressionContext) throws -> BoundExpression {
        let nameIdentifier = function.name.base
        let location = nameIdentifier?.location
        let name = FunctionRegistry.canonicalName(nameIdentifier?.name ?? function.name.sql)
        if function.window != nil {
            return try bindWindowFunction(function, name: name, context)
        }
        if name == "grouping" {
            return try bindGrouping(function, context, location: location)
        }
        if isAggregate(function) {
            return try bindAggregate(function, name: name, context)
        }
        if function.isDistinct || !function.orderBy.isEmpty || function.filter != nil {
            throw PlanError(.binding, "DISTINCT, ORDER BY and FILTER apply only to aggregate functions, not \(name)", at: location)
        }
        if function.arguments.contains(where: { $0.name != nil }) {
            throw PlanError(.binding, "\(name) does not take named arguments", at: location)
        }
        let args = try function.arguments.map { try bind($0.value, context) }
        return try call(name, args, at: location)
    }

    /// True for an aggregate call without `OVER`, including `count(*)`.
    func isAggregate(_ function: FunctionCall) -> Bool {
        guard function.window == nil, let base = function.name.base else { return false }
        let name = FunctionRegistry.canonicalName(base.name)
        if name == "count" { return true }
        return functions.kind(name) == .aggregate
    }

    /// The aggregate's name and bound, cast arguments: `count(*)` is `count_star()`.
    func aggregateSignature(_ function: FunctionCall, name: String, _ context: ExpressionContext,
                            window: Bool) throws -> (ResolvedFunction, [BoundExpression]) {
        let location = function.name.base?.location
        var name = name
        var arguments = function.arguments
        if name == "count", arguments.count == 1, case .star(nil) = arguments[0].value {
            name = "count_star"
            arguments = []
        } else if name == "count", arguments.isEmpty {
            name = "count_star"
        }
        let args = try arguments.map { try bind($0.value, context) }
        do {
            let resolved = window
                ? try functions.window(name, args.map(\.type))
                : try functions.aggregate(name, args.map(\.type), function.isDistinct)
            return (resolved, castArguments(args, to: resolved.argumentTypes))
        } catch var error as PlanError {
            if error.location == nil { error.location = location }
            throw error
        }
    }

    private func bindAggregate(_ function: FunctionCall, name: String, _ context: ExpressionContext) throws -> BoundExpression {
        let location = function.name.base?.location
        if context.insideAggregate {
            throw PlanError(.binding, "aggregate function calls cannot be nested", at: location)
        }
        guard let aggregation = context.aggregation else {
            throw PlanError(.binding, "aggregate functions are not allowed in \(context.clause)", at: location)
        }
        var inner = context
        inner.aggregation = nil
        inner.windows = nil
        inner.insideAggregate = true
        inner.clause = "aggregate function arguments"
        let saved = context.frame.aggregation
        context.frame.aggregation = nil
        defer { context.frame.aggregation = saved }
        let (resolved, args) = try aggregateSignature(function, name: name, inner, window: false)
        let filter = try function.filter.map { try requireBoolean(try bind($0, inner), "FILTER") }
        let orderBy = try function.orderBy.map { try sortKey($0, inner) }
        let call = AggregateCall(name: resolved.name, arguments: args, isDistinct: function.isDistinct, filter: filter,
                                 orderBy: orderBy, type: resolved.returnType)
        return aggregation.addAggregate(call, name: Expression.function(function).displayName)
    }

    /// `grouping(a, b)`: bit i (from the most significant) set when argument i is not
    /// grouped in the current grouping set; 0 without grouping sets.
    private func bindGrouping(_ function: FunctionCall, _ context: ExpressionContext, location: SourceLocation?) throws -> BoundExpression {
        guard let aggregation = context.aggregation, !context.insideAggregate else {
            throw PlanError(.binding, "grouping() is only allowed in the select list, HAVING or ORDER BY of a grouped query", at: location)
        }
        guard !function.arguments.isEmpty, function.arguments.count <= 62 else {
            throw PlanError(.binding, "grouping() takes between 1 and 62 arguments", at: location)
        }
        var inner = context
        inner.aggregation = nil
        inner.windows = nil
        inner.insideAggregate = true
        let saved = context.frame.aggregation
        context.frame.aggregation = nil
        let args = try function.arguments.map { try bind($0.value, inner) }
        context.frame.aggregation = saved
        var positions: [Int] = []
        for arg in args {
            guard let index = aggregation.groups.firstIndex(of: arg) else {
                throw PlanError(.binding, "arguments of grouping() must be GROUP BY expressions", at: location)
            }
            positions.append(index)
        }
        guard aggregation.groupingSets != nil else { return .literal(.int(0), .int64) }
        let id = aggregation.groupingID()
        let groupCount = aggregation.groups.count
        var result: BoundExpression?
        for (j, position) in positions.enumerated() {
            let shift = Int64(1) << Int64(groupCount - 1 - position)
            var bit = try call("//", [id, .literal(.int(shift), .int64)])
            bit = try call("%", [bit, .literal(.int(2), .int64)])
            let weight = Int64(1) << Int64(positions.count - 1 - j)
            if weight != 1 { bit = try call("*", [bit, .literal(.int(weight), .int64)]) }
            result = try result.map { try call("+", [$0, bit]) } ?? bit
        }
        return result ?? .literal(.int(0), .int64)
    }
}

extension Binder {
    /// True when the expression calls an aggregate outside any subquery (the query is
    /// then aggregated even without `GROUP BY`).
    func containsAggregate(_ expression: Expression) -> Bool {
        var found = false
        expression.visitFunctions { call in
            if isAggregate(call) || (call.window == nil && call.name.base?.name == "grouping") { found = true }
        }
        return found
    }

    /// True when the expression calls a window function outside any subquery.
    func containsWindow(_ expression: Expression) -> Bool {
        var found = false
        expression.visitFunctions { if $0.window != nil { found = true } }
        return found
    }
}

extension Expression {
    /// Calls `body` on every function call outside subqueries.
    func visitFunctions(_ body: (FunctionCall) -> Void) {
        visitNodes { if case .function(let call) = $0 { body(call) } }
    }

    /// The position of the first reference to column `name` outside subqueries.
    func location(ofColumn name: String) -> SourceLocation? {
        var found: SourceLocation?
        visitNodes { node in
            if found == nil, case .column(let qualified) = node, let base = qualified.base,
               base.name.lowercased() == name.lowercased() {
                found = qualified.parts.first?.location
            }
        }
        return found
    }

    /// Calls `body` on this node and every node below it, outside subqueries.
    func visitNodes(_ body: (Expression) -> Void) {
        body(self)
        switch self {
        case .literal, .column, .star, .parameter, .exists, .subquery: return
        case .unary(_, let e), .isNull(let e, _), .isBoolean(let e, _, _), .cast(let e, _, _), .extract(_, let e),
             .inSubquery(let e, _, _):
            e.visitNodes(body)
        case .binary(let a, _, let b), .isDistinctFrom(let a, let b, _):
            a.visitNodes(body)
            b.visitNodes(body)
        case .inList(let e, let list, _):
            e.visitNodes(body)
            for item in list { item.visitNodes(body) }
        case .between(let e, let low, let high, _):
            for item in [e, low, high] { item.visitNodes(body) }
        case .like(let e, let pattern, let escape, _, _):
            for item in [e, pattern] + (escape.map { [$0] } ?? []) { item.visitNodes(body) }
        case .caseWhen(let operand, let branches, let otherwise):
            operand?.visitNodes(body)
            for branch in branches {
                branch.condition.visitNodes(body)
                branch.result.visitNodes(body)
            }
            otherwise?.visitNodes(body)
        case .function(let call):
            for argument in call.arguments { argument.value.visitNodes(body) }
            call.filter?.visitNodes(body)
            for item in call.orderBy { item.expression.visitNodes(body) }
            if let window = call.window {
                for item in window.partitionBy { item.visitNodes(body) }
                for item in window.orderBy { item.expression.visitNodes(body) }
            }
        case .substring(let e, let from, let length):
            for item in [e] + [from, length].compactMap({ $0 }) { item.visitNodes(body) }
        case .list(let elements):
            for item in elements { item.visitNodes(body) }
        }
    }
}
