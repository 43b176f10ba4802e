import LodeCore

extension LogicalPlan {
    /// The plan as indented text, one node per line, inputs indented under their parent:
    /// ```
    /// Projection: l_returnflag#3, sum(l_quantity)#20
    ///   Aggregate: groups=[l_returnflag#3] aggregates=[sum(l_quantity#4) AS sum(l_quantity)#20]
    ///     Scan: lineitem columns=[l_returnflag#3, l_quantity#4] filters=[l_quantity#4 > 1]
    /// ```
    /// Subqueries still inside expressions print their plans under a `Subquery:` line.
    public func explain() -> String {
        var names: [ColumnID: String] = [:]
        collectNames(into: &names)
        var lines: [String] = []
        PlanPrinter(printer: ExpressionPrinter(names: names)).print(self, depth: 0, into: &lines)
        return lines.joined(separator: "\n")
    }

    func collectNames(into names: inout [ColumnID: String]) {
        for c in columns where names[c.id] == nil { names[c.id] = c.name }
        for child in children { child.collectNames(into: &names) }
        for e in expressions {
            _ = e.contains {
                if case .subquery(let s) = $0 { s.plan.collectNames(into: &names) }
                return false
            }
        }
    }
}

/// Renders one line per plan node.
struct PlanPrinter {
    let printer: ExpressionPrinter

    func print(_ plan: LogicalPlan, depth: Int, into lines: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        lines.append(indent + line(plan))
        for e in plan.expressions {
            _ = e.contains {
                if case .subquery(let s) = $0 {
                    lines.append(indent + "  Subquery:")
                    print(s.plan, depth: depth + 2, into: &lines)
                }
                return false
            }
        }
        for child in plan.children { print(child, depth: depth + 1, into: &lines) }
    }

    func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    func named(_ e: BoundExpression, _ c: PlanColumn) -> String {
        if case .column(let id, _) = e, id == c.id { return printer.column(id) }
        return "\(printer.text(e)) AS \(printer.column(c.id))"
    }

    func sortKey(_ k: SortKey) -> String {
        printer.text(k.expression) + (k.ascending ? " ASC" : " DESC") + (k.nullsFirst ? " NULLS FIRST" : "")
    }

    func aggregate(_ a: AggregateCall) -> String {
        let args = a.name == "count_star" ? "*" : (a.isDistinct ? "DISTINCT " : "") + a.arguments.map(printer.text).joined(separator: ", ")
        let name = a.name == "count_star" ? "count" : a.name
        var text = "\(name)(\(args)"
        if !a.orderBy.isEmpty { text += " ORDER BY " + a.orderBy.map(sortKey).joined(separator: ", ") }
        text += ")"
        if let filter = a.filter { text += " FILTER (WHERE \(printer.text(filter)))" }
        return text
    }

    func line(_ plan: LogicalPlan) -> String {
        switch plan {
        case .scan(let n):
            var text = "Scan: \(n.source.displayName) columns=\(list(n.columns.map { printer.column($0.id) }))"
            if !n.filters.isEmpty { text += " filters=\(list(n.filters.map(printer.text)))" }
            if let limit = n.limit { text += " limit=\(limit)" }
            return text
        case .values(let n):
            return "Values: columns=\(list(n.columns.map { printer.column($0.id) })) rows=\(n.rows.count)"
        case .filter(let n): return "Filter: \(printer.text(n.predicate))"
        case .project(let n):
            return "Projection: " + zip(n.expressions, n.columns).map(named).joined(separator: ", ")
        case .aggregate(let n):
            var text = "Aggregate: groups=\(list(zip(n.groups, n.groupColumns).map(named)))"
            text += " aggregates=\(list(zip(n.aggregates, n.aggregateColumns).map { "\(aggregate($0)) AS \(printer.column($1.id))" }))"
            if let sets = n.groupingSets { text += " sets=\(sets)" }
            return text
        case .join(let n):
            var text = "Join: \(kind(n))"
            if let condition = n.condition { text += " on \(printer.text(condition))" }
            return text
        case .sort(let n):
            return "Sort: " + n.keys.map(sortKey).joined(separator: ", ") + (n.limit.map { " limit=\($0)" } ?? "")
        case .limit(let n):
            return "Limit: limit=\(n.limit.map(String.init) ?? "none")" + (n.offset > 0 ? " offset=\(n.offset)" : "")
        case .window(let n):
            return "Window: " + zip(n.functions, n.columns).map { "\(window($0)) AS \(printer.column($1.id))" }.joined(separator: ", ")
        case .setOperation(let n):
            let kind = n.kind == .union ? "Union" : n.kind == .intersect ? "Intersect" : "Except"
            return "\(kind)\(n.all ? " all" : ""): columns=\(list(n.columns.map { printer.column($0.id) }))"
        }
    }

    func kind(_ n: Join) -> String {
        switch n.kind {
        case .inner: return n.condition == nil ? "cross" : "inner"
        case .left: return "left"
        case .right: return "right"
        case .full: return "full"
        case .semi: return "semi"
        case .anti(let nullAware): return nullAware ? "anti(null-aware)" : "anti"
        case .mark: return "mark(\(n.markColumn.map { printer.column($0.id) } ?? "?"))"
        case .single: return "single"
        }
    }

    func window(_ w: WindowCall) -> String {
        var over: [String] = []
        if !w.partitionBy.isEmpty { over.append("PARTITION BY " + w.partitionBy.map(printer.text).joined(separator: ", ")) }
        if !w.orderBy.isEmpty { over.append("ORDER BY " + w.orderBy.map(sortKey).joined(separator: ", ")) }
        let args = (w.isDistinct ? "DISTINCT " : "") + w.arguments.map(printer.text).joined(separator: ", ")
        return "\(w.name)(\(args)) OVER (\(over.joined(separator: " ")))"
    }
}
