import LodeCore
import LodeSQL

/// The groups and aggregate calls of one aggregated `SELECT`, and the rewrite of its
/// post-aggregation expressions onto the ``Aggregate`` node's output.
final class AggregationState {
    private(set) var groups: [BoundExpression] = []
    private(set) var groupColumns: [PlanColumn] = []
    var groupingSets: [[Int]]?
    private(set) var aggregates: [AggregateCall] = []
    private(set) var aggregateColumns: [PlanColumn] = []
    private(set) var groupingIDColumn: PlanColumn?
    /// Columns of the `FROM` scope: reading one after aggregation needs it to be grouped.
    let inputColumnIDs: Set<ColumnID>
    let inputNames: [ColumnID: String]
    private let ids: ColumnIDGenerator

    init(input: BindScope, ids: ColumnIDGenerator) {
        inputColumnIDs = input.columnIDs
        var names: [ColumnID: String] = [:]
        for entry in input.entries {
            if case .column(let id, _) = entry.expression, names[id] == nil { names[id] = entry.name }
        }
        inputNames = names
        self.ids = ids
    }

    /// The index of a group expression, adding it when new.
    func addGroup(_ expression: BoundExpression, name: String) -> Int {
        if let index = groups.firstIndex(of: expression) { return index }
        groups.append(expression)
        groupColumns.append(PlanColumn(id: ids.next(), name: name, type: expression.type))
        return groups.count - 1
    }

    /// The column holding an aggregate call's value, adding the call when new.
    func addAggregate(_ call: AggregateCall, name: String) -> BoundExpression {
        if let index = aggregates.firstIndex(of: call) {
            return .column(aggregateColumns[index].id, call.type)
        }
        let column = PlanColumn(id: ids.next(), name: name, type: call.type)
        aggregates.append(call)
        aggregateColumns.append(column)
        return .column(column.id, call.type)
    }

    /// The `grouping_id` column, created on first use.
    func groupingID() -> BoundExpression {
        if let column = groupingIDColumn { return .column(column.id, column.type) }
        let column = PlanColumn(id: ids.next(), name: "grouping_id", type: .int64, nullable: false)
        groupingIDColumn = column
        return .column(column.id, .int64)
    }

    /// Rewrites an expression bound over the `FROM` scope onto the aggregate's output:
    /// group expressions become group columns; any other input column is an error.
    func finalize(_ expression: BoundExpression, location: SourceLocation? = nil) throws -> BoundExpression {
        if let index = groups.firstIndex(of: expression) {
            return .column(groupColumns[index].id, groupColumns[index].type)
        }
        switch expression {
        case .column(let id, _):
            guard inputColumnIDs.contains(id) else { return expression }
            let name = inputNames[id] ?? id.description
            throw PlanError(.binding, "column \"\(name)\" must appear in the GROUP BY clause or be used in an aggregate function",
                            at: location)
        case .literal:
            return expression
        case .cast(let inner, let type, let isTry):
            return .cast(try finalize(inner, location: location), to: type, isTry: isTry)
        case .call(let name, let args, let type):
            return .call(name, try args.map { try finalize($0, location: location) }, type)
        case .caseWhen(let branches, let otherwise, let type):
            let arms = try branches.map {
                BoundWhen(condition: try finalize($0.condition, location: location), result: try finalize($0.result, location: location))
            }
            return .caseWhen(arms, otherwise: try otherwise.map { try finalize($0, location: location) }, type)
        case .subquery(let subquery):
            for column in subquery.outerColumns where inputColumnIDs.contains(column.id) {
                throw PlanError(.notImplemented, "a correlated subquery after GROUP BY cannot read the ungrouped column \"\(column.name)\"",
                                at: location)
            }
            guard case .inSubquery(let value) = subquery.kind else { return expression }
            let kind = BoundSubquery.Kind.inSubquery(try finalize(value, location: location))
            return .subquery(BoundSubquery(kind: kind, plan: subquery.plan, outerColumns: subquery.outerColumns, type: subquery.type))
        }
    }

    /// The aggregate node over `input`.
    func plan(over input: LogicalPlan) -> LogicalPlan {
        .aggregate(Aggregate(input: input, groups: groups, groupColumns: groupColumns, aggregates: aggregates,
                             aggregateColumns: aggregateColumns, groupingSets: groupingSets,
                             groupingIDColumn: groupingSets == nil ? nil : groupingIDColumn))
    }
}
