import LodePlan

/// A column of a table a model reads.
public struct LineageColumn: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// `layer.table` as the scan names it.
    public var table: String
    public var column: String

    public init(table: String, column: String) {
        self.table = table
        self.column = column
    }

    public static func < (a: LineageColumn, b: LineageColumn) -> Bool { (a.table, a.column) < (b.table, b.column) }

    public var description: String { "\(table).\(column)" }
}

/// Where each output column of a bound query comes from, traced through projections,
/// joins, aggregates, windows, set operations and subqueries down to the scanned columns.
public struct ColumnLineage: Sendable {
    /// For each output column (by name, in order), the source columns its values derive from.
    public var columns: [(name: String, sources: Set<LineageColumn>)]
    /// Every table the query reads.
    public var tables: Set<String>

    public init(plan: LogicalPlan) {
        var tracer = LineageTracer()
        tracer.visit(plan)
        columns = plan.columns.map { ($0.name, tracer.origins[$0.id] ?? []) }
        tables = tracer.tables
    }
}

private struct LineageTracer {
    /// The source columns behind every column id seen so far.
    var origins: [ColumnID: Set<LineageColumn>] = [:]
    var tables: Set<String> = []

    mutating func visit(_ plan: LogicalPlan) {
        for child in plan.children { visit(child) }
        switch plan {
        case .scan(let scan):
            let table = scan.source.displayName
            tables.insert(table)
            for (column, index) in zip(scan.columns, scan.sourceIndices) {
                let name = index < scan.source.schema.count ? scan.source.schema.fields[index].name : column.name
                origins[column.id] = [LineageColumn(table: table, column: name)]
            }
            for filter in scan.filters { visitSubqueries(filter) }
        case .values, .sort, .limit: break
        case .filter(let filter): visitSubqueries(filter.predicate)
        case .project(let project):
            for (column, expression) in zip(project.columns, project.expressions) { origins[column.id] = sources(of: expression) }
        case .aggregate(let aggregate):
            for (column, expression) in zip(aggregate.groupColumns, aggregate.groups) { origins[column.id] = sources(of: expression) }
            for (column, call) in zip(aggregate.aggregateColumns, aggregate.aggregates) {
                origins[column.id] = call.arguments.reduce(into: Set()) { $0.formUnion(sources(of: $1)) }
            }
        case .join(let join):
            if let condition = join.condition { visitSubqueries(condition) }
        case .window(let window):
            for (column, call) in zip(window.columns, window.functions) {
                origins[column.id] = call.arguments.reduce(into: Set()) { $0.formUnion(sources(of: $1)) }
            }
        case .setOperation(let operation):
            for (i, column) in operation.columns.enumerated() {
                var all = Set<LineageColumn>()
                for side in [operation.left, operation.right] where i < side.columns.count {
                    all.formUnion(origins[side.columns[i].id] ?? [])
                }
                origins[column.id] = all
            }
        }
    }

    /// The source columns an expression reads (subqueries traced too).
    mutating func sources(of expression: BoundExpression) -> Set<LineageColumn> {
        switch expression {
        case .column(let id, _): return origins[id] ?? []
        case .literal: return []
        case .cast(let inner, _, _): return sources(of: inner)
        case .call(_, let arguments, _): return arguments.reduce(into: Set()) { $0.formUnion(sources(of: $1)) }
        case .caseWhen(let branches, let otherwise, _):
            var all = otherwise.map { sources(of: $0) } ?? []
            for branch in branches {
                all.formUnion(sources(of: branch.condition))
                all.formUnion(sources(of: branch.result))
            }
            return all
        case .subquery(let subquery):
            visit(subquery.plan)
            var all = Set<LineageColumn>()
            if case .scalar = subquery.kind, let first = subquery.plan.columns.first { all = origins[first.id] ?? [] }
            if case .inSubquery(let value) = subquery.kind { all.formUnion(sources(of: value)) }
            return all
        }
    }

    mutating func visitSubqueries(_ expression: BoundExpression) {
        _ = sources(of: expression)
    }
}
