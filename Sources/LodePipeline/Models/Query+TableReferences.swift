import LodeSQL

extension Query {
    /// The `layer.table` names the query reads, CTE names excluded; the edges of the model graph.
    func tableReferences() -> Set<String> {
        var collector = TableReferenceCollector()
        collector.visit(self, ctes: [])
        return collector.tables
    }
}

/// Walks a query's syntax tree collecting two-part table names.
private struct TableReferenceCollector {
    var tables: Set<String> = []

    mutating func visit(_ query: Query, ctes: Set<String>) {
        var scope = ctes
        for cte in query.with?.tables ?? [] {
            visit(cte.query, ctes: scope)
            scope.insert(cte.name.name)
        }
        visit(query.body, ctes: scope)
        for item in query.orderBy { visit(item.expression, ctes: scope) }
    }

    mutating func visit(_ body: QueryBody, ctes: Set<String>) {
        switch body {
        case .select(let core):
            for from in core.from { visit(from, ctes: ctes) }
            for item in core.items { visit(item.expression, ctes: ctes) }
            for e in [core.whereClause, core.having, core.qualify].compactMap({ $0 }) { visit(e, ctes: ctes) }
        case .values(let rows): for row in rows { for e in row { visit(e, ctes: ctes) } }
        case .nested(let query): visit(query, ctes: ctes)
        case .setOperation(_, _, let left, let right):
            visit(left, ctes: ctes)
            visit(right, ctes: ctes)
        }
    }

    mutating func visit(_ reference: TableReference, ctes: Set<String>) {
        switch reference {
        case .table(let name, _, _):
            if name.parts.count == 1, ctes.contains(name.parts[0].name) { return }
            if name.parts.count >= 2 { tables.insert(name.parts.suffix(2).map(\.name).joined(separator: ".")) }
        case .function: return
        case .subquery(let query, _, _): visit(query, ctes: ctes)
        case .join(let left, _, let right, let condition):
            visit(left, ctes: ctes)
            visit(right, ctes: ctes)
            if case .on(let e) = condition { visit(e, ctes: ctes) }
        }
    }

    mutating func visit(_ expression: Expression, ctes: Set<String>) {
        switch expression {
        case .inSubquery(let e, let query, _):
            visit(e, ctes: ctes)
            visit(query, ctes: ctes)
        case .exists(let query, _), .subquery(let query): visit(query, ctes: ctes)
        case .unary(_, let e), .isNull(let e, _), .isBoolean(let e, _, _), .cast(let e, _, _), .extract(_, let e):
            visit(e, ctes: ctes)
        case .binary(let a, _, let b), .isDistinctFrom(let a, let b, _):
            visit(a, ctes: ctes)
            visit(b, ctes: ctes)
        case .inList(let e, let items, _):
            visit(e, ctes: ctes)
            for item in items { visit(item, ctes: ctes) }
        case .between(let e, let low, let high, _):
            for x in [e, low, high] { visit(x, ctes: ctes) }
        case .like(let e, let pattern, let escape, _, _):
            for x in [e, pattern] + (escape.map { [$0] } ?? []) { visit(x, ctes: ctes) }
        case .caseWhen(let operand, let branches, let otherwise):
            for x in [operand, otherwise].compactMap({ $0 }) { visit(x, ctes: ctes) }
            for b in branches {
                visit(b.condition, ctes: ctes)
                visit(b.result, ctes: ctes)
            }
        case .function(let call):
            for argument in call.arguments { visit(argument.value, ctes: ctes) }
            if let filter = call.filter { visit(filter, ctes: ctes) }
        case .substring(let e, let from, let length):
            for x in [e, from, length].compactMap({ $0 }) { visit(x, ctes: ctes) }
        case .list(let items): for item in items { visit(item, ctes: ctes) }
        case .literal, .column, .star, .parameter: return
        }
    }
}
