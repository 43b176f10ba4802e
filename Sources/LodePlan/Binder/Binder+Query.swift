import LodeCore
import LodeSQL

/// A bound query: its plan, of which the first `visibleCount` columns are the result
/// (the rest are `ORDER BY` keys outside the select list, dropped after the limit).
struct BoundQuery {
    var plan: LogicalPlan
    var visibleCount: Int
}

extension Binder {
    /// Binds `WITH`, the body, `ORDER BY`, `LIMIT` and `OFFSET`.
    func bindQuery(_ query: Query, parent: BindFrame?) throws -> BoundQuery {
        var frame = parent
        if let with = query.with {
            if with.isRecursive { throw PlanError(.notImplemented, "WITH RECURSIVE is not supported") }
            for table in with.tables {
                let holder = BindFrame(parent: frame)
                holder.commonTables[table.name.name] = CommonTableDefinition(table: table, parent: frame)
                frame = holder
            }
        }
        let bodyFrame = frame ?? BindFrame(parent: nil)
        var bound: BoundQuery
        if case .select(let core) = query.body {
            bound = try bindSelect(core, orderBy: query.orderBy, parent: bodyFrame)
        } else {
            let plan = try bindBody(query.body, parent: bodyFrame)
            bound = BoundQuery(plan: try orderOutput(plan, by: query.orderBy, parent: bodyFrame), visibleCount: plan.columns.count)
        }
        let limit = try query.limit.map { try constantCount($0, "LIMIT") }
        let offset = try query.offset.map { try constantCount($0, "OFFSET") } ?? 0
        if limit != nil || offset != 0 {
            bound.plan = .limit(Limit(input: bound.plan, limit: limit, offset: offset))
        }
        return BoundQuery(plan: visiblePlan(bound), visibleCount: bound.visibleCount)
    }

    /// The plan without the hidden columns after the visible ones.
    func visiblePlan(_ bound: BoundQuery) -> LogicalPlan {
        let columns = bound.plan.columns
        guard columns.count > bound.visibleCount else { return bound.plan }
        let visible = Array(columns.prefix(bound.visibleCount))
        return .project(Project(input: bound.plan, expressions: visible.map { .column($0.id, $0.type) }, columns: visible))
    }

    /// A query body without its own `ORDER BY`: a `SELECT`, `VALUES`, a nested query or a set operation.
    func bindBody(_ body: QueryBody, parent: BindFrame) throws -> LogicalPlan {
        switch body {
        case .select(let core):
            return visiblePlan(try bindSelect(core, orderBy: [], parent: parent))
        case .values(let rows):
            return try bindValues(rows, parent: parent)
        case .nested(let query):
            let bound = try bindQuery(query, parent: parent)
            return bound.plan
        case .setOperation(let op, let all, let left, let right):
            return try bindSetOperation(op, all: all, try bindBody(left, parent: parent), try bindBody(right, parent: parent))
        }
    }

    /// `ORDER BY` over the output of a set operation, `VALUES` or nested query: names,
    /// ordinals or expressions over the output columns.
    private func orderOutput(_ plan: LogicalPlan, by items: [OrderItem], parent: BindFrame) throws -> LogicalPlan {
        guard !items.isEmpty else { return plan }
        let columns = plan.columns
        let frame = BindFrame(scope: BindScope(columns: columns, qualifier: nil), parent: parent)
        let context = ExpressionContext(frame: frame, clause: "ORDER BY")
        let keys = try items.map { item -> SortKey in
            if let ordinal = try ordinalReference(item.expression, count: columns.count) {
                let column = columns[ordinal]
                return SortKey(.column(column.id, column.type), ascending: item.ascending ?? true, nullsFirst: item.nullsFirst ?? false)
            }
            return try sortKey(item, context)
        }
        return .sort(Sort(input: plan, keys: keys))
    }

    /// The 0-based position named by an integer constant in `ORDER BY` or `GROUP BY`, or
    /// `nil` when the expression is not an integer constant.
    func ordinalReference(_ expression: Expression, count: Int) throws -> Int? {
        guard case .literal(.integer(let text)) = expression else { return nil }
        guard let value = Int(text), value >= 1, value <= count else {
            throw PlanError(.binding, "position \(text) is not in the select list (1 to \(count))")
        }
        return value - 1
    }

    /// A non-negative integer constant for `LIMIT` or `OFFSET`.
    private func constantCount(_ expression: Expression, _ clause: String) throws -> Int {
        let frame = BindFrame(parent: nil)
        let value = try bind(expression, ExpressionContext(frame: frame, clause: clause))
        guard case .literal(.int(let count), let type) = value, type.isInteger, count >= 0, let result = Int(exactly: count) else {
            throw PlanError(.binding, "\(clause) must be a non-negative integer constant, not \(expression.sql)")
        }
        return result
    }

    /// `VALUES (…), (…)`: columns `col0`, `col1`, … typed by their common type.
    private func bindValues(_ rows: [[Expression]], parent: BindFrame) throws -> LogicalPlan {
        let context = ExpressionContext(frame: BindFrame(parent: parent), clause: "VALUES")
        let bound = try rows.map { row in try row.map { try bind($0, context) } }
        guard let width = bound.first?.count, bound.allSatisfy({ $0.count == width }) else {
            throw PlanError(.binding, "all rows of VALUES must have the same number of values")
        }
        var columns: [PlanColumn] = []
        for index in 0..<width {
            var type = try commonType(of: bound.map { $0[index] }, what: "VALUES column \(index + 1)")
            if bound.allSatisfy({ if case .literal(.null, _) = $0[index] { return true } else { return false } }) { type = .int32 }
            columns.append(newColumn("col\(index)", type))
        }
        let typed = bound.map { row in zip(row, columns).map { cast($0, to: $1.type) } }
        return .values(Values(columns: columns, rows: typed))
    }

    /// `UNION`, `INTERSECT`, `EXCEPT`: column types unified, names from the left input.
    private func bindSetOperation(_ op: SetOperator, all: Bool, _ left: LogicalPlan, _ right: LogicalPlan) throws -> LogicalPlan {
        let leftColumns = left.columns, rightColumns = right.columns
        guard leftColumns.count == rightColumns.count else {
            throw PlanError(.binding, "both sides of \(op.rawValue) must have the same number of columns (\(leftColumns.count) and \(rightColumns.count))")
        }
        var types: [DataType] = []
        for (l, r) in zip(leftColumns, rightColumns) {
            guard let type = TypeCoercion.commonType(l.type, r.type) else {
                throw PlanError(.type, "\(op.rawValue) column \"\(l.name)\" mixes \(l.type) and \(r.type)")
            }
            types.append(type)
        }
        let columns = zip(leftColumns, types).map { newColumn($0.name, $1) }
        let kind: SetOperation.Kind = op == .union ? .union : op == .intersect ? .intersect : .except
        return .setOperation(SetOperation(kind: kind, all: all, left: castColumns(left, to: types), right: castColumns(right, to: types),
                                          columns: columns))
    }

    /// `plan` with its columns cast to `types` by a projection (fresh ids), when any differs.
    func castColumns(_ plan: LogicalPlan, to types: [DataType]) -> LogicalPlan {
        let columns = plan.columns
        guard zip(columns, types).contains(where: { $0.type != $1 }) else { return plan }
        let expressions = zip(columns, types).map { cast(.column($0.id, $0.type), to: $1) }
        let outputs = zip(columns, types).map { newColumn($0.name, $1) }
        return .project(Project(input: plan, expressions: expressions, columns: outputs))
    }
}
