import LodeCore
import LodeSQL

/// One select-list entry after `*` expansion.
enum SelectEntry {
    /// An expression as written, with its alias.
    case expression(Expression, alias: Identifier?)
    /// A column from `*` or `t.*`.
    case column(BoundExpression, name: String)

    var name: String {
        switch self {
        case .expression(let expression, let alias): return alias?.spelling ?? expression.displayName
        case .column(_, let name): return name
        }
    }
}

/// A sort key over a position of the select projection.
struct PositionalSortKey {
    var position: Int
    var ascending: Bool
    var nullsFirst: Bool
}

extension Binder {
    /// Binds one `SELECT` block with the `ORDER BY` of its query.
    func bindSelect(_ core: SelectCore, orderBy: [OrderItem], parent: BindFrame) throws -> BoundQuery {
        let frame = BindFrame(parent: parent)
        let from = try bindFrom(core.from, frame: frame)
        frame.scope = from.scope
        var plan = from.plan
        let entries = try expandSelectList(core.items, scope: from.scope)
        var aliases: [String: Expression] = [:]
        for entry in entries {
            if case .expression(let expression, let alias?) = entry, aliases[alias.name.lowercased()] == nil {
                aliases[alias.name.lowercased()] = expression
            }
        }
        if let condition = core.whereClause {
            var context = ExpressionContext(frame: frame, clause: "WHERE")
            context.aliases = aliases
            plan = .filter(Filter(input: plan, predicate: try requireBoolean(try bind(condition, context), "WHERE")))
        }
        let windows = WindowState(namedWindows: core.windows, ids: ids)
        var aggregation: AggregationState?
        if try isAggregated(core, entries: entries, orderBy: orderBy) {
            let state = AggregationState(input: from.scope, ids: ids)
            try bindGroupBy(core.groupBy, entries: entries, state: state, frame: frame)
            aggregation = state
        }
        frame.aggregation = aggregation
        defer { frame.aggregation = nil }
        let post = { (clause: String, allowWindows: Bool) in
            var context = ExpressionContext(frame: frame, clause: clause, aggregation: aggregation, windows: allowWindows ? windows : nil)
            if clause == "HAVING" || clause == "QUALIFY" { context.aliases = aliases }
            return context
        }
        var outputs: [BoundExpression] = []
        for entry in entries {
            switch entry {
            case .expression(let expression, _):
                outputs.append(try finalize(try bind(expression, post("the select list", true)), aggregation, expression))
            case .column(let value, let name):
                outputs.append(try finalize(value, aggregation, .column(QualifiedName([Identifier(name)]))))
            }
        }
        let having = try core.having.map { condition in
            try requireBoolean(try finalize(try bind(condition, post("HAVING", false)), aggregation, condition), "HAVING")
        }
        let qualify = try core.qualify.map { condition in
            try requireBoolean(try finalize(try bind(condition, post("QUALIFY", true)), aggregation, condition), "QUALIFY")
        }
        var projected = outputs
        var names = entries.map(\.name)
        let keys = try orderKeys(orderBy, entries: entries, projected: &projected, names: &names,
                                 distinct: core.isDistinct && core.distinctOn.isEmpty) { item in
            try finalize(try bind(item, post("ORDER BY", true)), aggregation, item)
        }
        var distinctOn: [Int] = []
        for expression in core.distinctOn {
            let value = try finalize(try bind(expression, post("DISTINCT ON", true)), aggregation, expression)
            if let index = projected.firstIndex(of: value) {
                distinctOn.append(index)
            } else {
                projected.append(value)
                names.append(expression.displayName)
                distinctOn.append(projected.count - 1)
            }
        }

        if let aggregation { plan = aggregation.plan(over: plan) }
        if let having { plan = .filter(Filter(input: plan, predicate: having)) }
        plan = windows.plan(over: plan)
        if let qualify { plan = .filter(Filter(input: plan, predicate: qualify)) }
        let columns = zip(projected, names).map { newColumn($1, $0.type) }
        plan = .project(Project(input: plan, expressions: projected, columns: columns))
        if core.isDistinct {
            plan = core.distinctOn.isEmpty ? distinct(plan) : try distinctOnFilter(plan, partition: distinctOn, keys: keys)
        }
        if !keys.isEmpty {
            let columns = plan.columns
            plan = .sort(Sort(input: plan, keys: keys.map {
                SortKey(.column(columns[$0.position].id, columns[$0.position].type), ascending: $0.ascending, nullsFirst: $0.nullsFirst)
            }))
        }
        return BoundQuery(plan: plan, visibleCount: outputs.count)
    }

    /// Rewrites a post-aggregation expression onto the aggregate's output, pointing at
    /// the offending column of `source` on error.
    private func finalize(_ value: BoundExpression, _ aggregation: AggregationState?, _ source: Expression) throws -> BoundExpression {
        guard let aggregation else { return value }
        do {
            return try aggregation.finalize(value)
        } catch var error as PlanError {
            if error.location == nil, let name = error.message.split(separator: "\"").dropFirst().first {
                error.location = source.location(ofColumn: String(name))
            }
            throw error
        }
    }

    /// Expands `*` and `t.*` into the columns they stand for.
    private func expandSelectList(_ items: [SelectItem], scope: BindScope) throws -> [SelectEntry] {
        var entries: [SelectEntry] = []
        for item in items {
            guard case .star(let qualifier) = item.expression else {
                entries.append(.expression(item.expression, alias: item.alias))
                continue
            }
            let table = qualifier?.parts.last
            let columns = scope.starEntries(qualifier: table)
            if columns.isEmpty {
                if let table {
                    throw PlanError(.binding, "table \"\(table.spelling)\" is not in the FROM clause", at: table.location)
                }
                throw PlanError(.binding, "SELECT * needs a FROM clause with at least one column")
            }
            entries += columns.map { .column($0.expression, name: $0.name) }
        }
        return entries
    }

    private func isAggregated(_ core: SelectCore, entries: [SelectEntry], orderBy: [OrderItem]) throws -> Bool {
        if !core.groupBy.isEmpty || core.having != nil { return true }
        for entry in entries {
            if case .expression(let expression, _) = entry, containsAggregate(expression) { return true }
        }
        if let qualify = core.qualify, containsAggregate(qualify) { return true }
        return orderBy.contains { containsAggregate($0.expression) }
    }

    /// `SELECT DISTINCT`: a grouping on every output column.
    private func distinct(_ plan: LogicalPlan) -> LogicalPlan {
        let columns = plan.columns
        return .aggregate(Aggregate(input: plan, groups: columns.map { .column($0.id, $0.type) },
                                    groupColumns: columns.map { newColumn($0.name, $0.type) }, aggregates: [], aggregateColumns: []))
    }

    /// `SELECT DISTINCT ON (k)`: the first row of each `k` in `ORDER BY` order, by
    /// `row_number()` over `k` kept where it is 1.
    private func distinctOnFilter(_ plan: LogicalPlan, partition: [Int], keys: [PositionalSortKey]) throws -> LogicalPlan {
        let columns = plan.columns
        let rowNumber = try functions.window("row_number", [])
        let call = WindowCall(
            name: rowNumber.name, arguments: [], partitionBy: partition.map { .column(columns[$0].id, columns[$0].type) },
            orderBy: keys.map { SortKey(.column(columns[$0.position].id, columns[$0.position].type), ascending: $0.ascending, nullsFirst: $0.nullsFirst) },
            frame: keys.isEmpty ? .entirePartition : .runningRange, type: rowNumber.returnType)
        let number = newColumn("row_number", rowNumber.returnType)
        let window = LogicalPlan.window(Window(input: plan, functions: [call], columns: [number]))
        let first = try self.call("=", [.column(number.id, number.type), .literal(.int(1), .int64)])
        return .filter(Filter(input: window, predicate: first))
    }
}
