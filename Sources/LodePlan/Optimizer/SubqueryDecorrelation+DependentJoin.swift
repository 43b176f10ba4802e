import LodeCore

/// The distinct values of the outer columns a correlated subquery reads: the relation a
/// dependent join is pushed down with (Neumann & Kemper, "Unnesting Arbitrary Queries").
struct OuterKeys {
    /// The outer columns, as the enclosing query names them.
    var outer: [PlanColumn]
    /// One fresh column per outer column, output by `plan`.
    var keys: [PlanColumn]
    /// `SELECT DISTINCT outer… FROM input`, its columns renamed to `keys`.
    var plan: LogicalPlan

    var outerIDs: Set<ColumnID> { Set(outer.map(\.id)) }

    /// The same keys under fresh column ids, for a second copy in one join.
    func renamed(_ context: OptimizerContext) -> OuterKeys {
        let fresh = keys.map { PlanColumn(id: context.ids.next(), name: $0.name, type: $0.type) }
        guard case .aggregate(var distinct) = plan else { return self }
        distinct.groupColumns = fresh
        return OuterKeys(outer: outer, keys: fresh, plan: .aggregate(distinct))
    }

    /// Outer column → key column, for rewriting the subquery's expressions.
    var substitution: [ColumnID: BoundExpression] {
        Dictionary(zip(outer.map(\.id), keys.map(\.reference)), uniquingKeysWith: { a, _ in a })
    }

    /// `outer IS NOT DISTINCT FROM key` for each column: the condition joining the
    /// enclosing query with the flattened subquery.
    func joinCondition(_ keyColumns: [PlanColumn]) -> [BoundExpression] {
        zip(outer, keyColumns).flatMap { BoundExpression.notDistinct($0.reference, $1.reference) }
    }
}

extension BoundExpression {
    /// `a IS NOT DISTINCT FROM b` as equalities a hash join can take as keys: whether
    /// each is NULL, and each with NULL replaced by a constant of its type.
    static func notDistinct(_ a: BoundExpression, _ b: BoundExpression) -> [BoundExpression] {
        guard let filler = nullFiller(a.type), a.type == b.type else {
            return [.call("is_not_distinct_from", [a, b], .boolean)]
        }
        return [
            .equality(.call("is_null", [a], .boolean), .call("is_null", [b], .boolean)),
            .equality(.call("coalesce", [a, filler], a.type), .call("coalesce", [b, filler], b.type)),
        ]
    }

    /// A constant of `type`, for standing in for NULL in a join key.
    static func nullFiller(_ type: DataType) -> BoundExpression? {
        switch type {
        case .boolean: return .literal(.boolean(false), type)
        case .int8, .int16, .int32, .int64: return .literal(.int(0), type)
        case .float32, .float64: return .literal(.double(0), type)
        case .decimal(let precision, let scale): return .literal(.decimal(Decimal128(0, precision: precision, scale: scale)), type)
        case .string: return .literal(.string(""), type)
        case .binary: return .literal(.binary([]), type)
        case .date: return .literal(.date(0), type)
        case .timestamp(let unit, let utc): return .literal(.timestamp(0, unit, utc: utc), type)
        default: return nil
        }
    }
}

extension SubqueryDecorrelation {
    /// The outer keys of `input` that `plan` reads.
    func outerKeys(of plan: LogicalPlan, outer: Set<ColumnID>, input: LogicalPlan, _ context: OptimizerContext) throws -> OuterKeys {
        let read = input.columns.filter { outer.contains($0.id) && plan.reads([$0.id]) }
        let elsewhere = outer.filter { plan.reads([$0]) }.subtracting(read.map(\.id))
        guard elsewhere.isSubset(of: enclosing) else {
            throw PlanError(.notImplemented, "correlated subquery of this shape (reading columns of a query more than one level out)")
        }
        let keys = read.map { PlanColumn(id: context.ids.next(), name: $0.name, type: $0.type) }
        let distinct = Aggregate(input: input, groups: read.map(\.reference), groupColumns: keys, aggregates: [], aggregateColumns: [])
        return OuterKeys(outer: read, keys: keys, plan: .aggregate(distinct))
    }

    /// `plan` evaluated once per row of `keys.plan`, without outer references: its columns
    /// followed (somewhere) by the key columns.
    func pushDependentJoin(_ plan: LogicalPlan, _ keys: OuterKeys, _ context: OptimizerContext) throws -> LogicalPlan {
        guard plan.reads(keys.outerIDs) else {
            return .join(Join(kind: .inner, left: plan, right: keys.plan, condition: nil))
        }
        let substitution = keys.substitution
        let keyReferences = keys.keys.map(\.reference)
        switch plan {
        case .filter(var n):
            n.input = try pushDependentJoin(n.input, keys, context)
            n.predicate = n.predicate.substituting(substitution)
            return .filter(n)
        case .project(var n):
            n.input = try pushDependentJoin(n.input, keys, context)
            n.expressions = n.expressions.map { $0.substituting(substitution) } + keyReferences
            n.columns += keys.keys
            return .project(n)
        case .aggregate(var n) where n.groupingSets == nil:
            n.input = try pushDependentJoin(n.input, keys, context)
            n.aggregates = n.aggregates.map { call in
                var call = call
                call.arguments = call.arguments.map { $0.substituting(substitution) }
                call.filter = call.filter?.substituting(substitution)
                return call
            }
            n.groups = n.groups.map { $0.substituting(substitution) }
            if !n.groups.isEmpty {
                n.groups += keyReferences
                n.groupColumns += keys.keys
                return .aggregate(n)
            }
            return try keyedScalarAggregate(n, keys, context)
        case .join(var n):
            let leftReads = n.left.reads(keys.outerIDs), rightReads = n.right.reads(keys.outerIDs)
            let conditionReads = !(n.condition?.referencedColumns ?? []).isDisjoint(with: keys.outerIDs)
            switch n.kind {
            case .inner where leftReads && rightReads:
                let copy = keys.renamed(context)
                n.left = try pushDependentJoin(n.left, keys, context)
                n.right = try pushDependentJoin(n.right, copy, context)
                let same = zip(keys.keys, copy.keys).flatMap { BoundExpression.notDistinct($0.reference, $1.reference) }
                n.condition = .conjunction((n.condition.map { [$0.substituting(substitution)] } ?? []) + same)
                return .join(n)
            case .inner where !(leftReads && rightReads), .left where !rightReads, .semi where !rightReads,
                 .anti where !rightReads, .mark where !rightReads, .single where !rightReads:
                if leftReads || (conditionReads && !rightReads) { n.left = try pushDependentJoin(n.left, keys, context) }
                if rightReads { n.right = try pushDependentJoin(n.right, keys, context) }
                n.condition = n.condition?.substituting(substitution)
                return .join(n)
            default:
                throw unsupportedShape
            }
        case .sort(var n):
            n.input = try pushDependentJoin(n.input, keys, context)
            n.keys = n.keys.map { SortKey($0.expression.substituting(substitution), ascending: $0.ascending, nullsFirst: $0.nullsFirst) }
            guard let limit = n.limit else { return .sort(n) }
            return try firstRowsPerKey(n.input, order: n.keys, limit: limit, offset: 0, keys, context)
        case .limit(let n):
            var order: [SortKey] = []
            var input = n.input
            if case .sort(let sort) = input, sort.limit == nil {
                order = sort.keys.map { SortKey($0.expression.substituting(substitution), ascending: $0.ascending, nullsFirst: $0.nullsFirst) }
                input = sort.input
            }
            let pushed = try pushDependentJoin(input, keys, context)
            guard let limit = n.limit else {
                return try firstRowsPerKey(pushed, order: order, limit: nil, offset: n.offset, keys, context)
            }
            return try firstRowsPerKey(pushed, order: order, limit: limit, offset: n.offset, keys, context)
        case .window(var n):
            n.input = try pushDependentJoin(n.input, keys, context)
            n.functions = n.functions.map { call in
                var call = call
                call.arguments = call.arguments.map { $0.substituting(substitution) }
                call.filter = call.filter?.substituting(substitution)
                call.partitionBy = call.partitionBy.map { $0.substituting(substitution) } + keyReferences
                call.orderBy = call.orderBy.map { SortKey($0.expression.substituting(substitution), ascending: $0.ascending, nullsFirst: $0.nullsFirst) }
                return call
            }
            return .window(n)
        case .values(let n):
            var rows: [LogicalPlan] = []
            for row in n.rows {
                let columns = (n.columns + keys.keys).map { PlanColumn(id: context.ids.next(), name: $0.name, type: $0.type) }
                rows.append(.project(Project(input: keys.plan, expressions: row.map { $0.substituting(substitution) } + keyReferences,
                                             columns: columns)))
            }
            guard var result = rows.first else { throw unsupportedShape }
            for (index, row) in rows.enumerated().dropFirst() {
                let columns = index == rows.count - 1
                    ? n.columns + keys.keys
                    : result.columns.map { PlanColumn(id: context.ids.next(), name: $0.name, type: $0.type) }
                result = .setOperation(SetOperation(kind: .union, all: true, left: result, right: row, columns: columns))
            }
            return result.projected(onto: n.columns + keys.keys)
        case .setOperation(var n):
            n.left = try pushDependentJoin(n.left, keys, context).projected(onto: n.left.columns + keys.keys)
            n.right = try pushDependentJoin(n.right, keys, context).projected(onto: n.right.columns + keys.keys)
            n.columns += keys.keys
            return .setOperation(n)
        default:
            throw unsupportedShape
        }
    }

    /// An aggregate without groups, per key: grouped by the keys, and left-joined to every
    /// key so that a key without rows still gets its one row (`count` reading 0).
    func keyedScalarAggregate(_ aggregate: Aggregate, _ keys: OuterKeys, _ context: OptimizerContext) throws -> LogicalPlan {
        var grouped = aggregate
        let renamed = keys.keys.map { PlanColumn(id: context.ids.next(), name: $0.name, type: $0.type) }
        grouped.groups = keys.keys.map(\.reference)
        grouped.groupColumns = renamed
        let condition = zip(keys.keys, renamed).flatMap { BoundExpression.notDistinct($0.reference, $1.reference) }
        let joined = LogicalPlan.join(Join(kind: .left, left: keys.plan, right: .aggregate(grouped), condition: .conjunction(condition)))
        var expressions: [BoundExpression] = []
        for (call, column) in zip(aggregate.aggregates, aggregate.aggregateColumns) {
            if call.name == "count" || call.name == "count_star" {
                expressions.append(.call("coalesce", [column.reference, .literal(.int(0), column.type)], column.type))
            } else {
                expressions.append(column.reference)
            }
        }
        return .project(Project(input: joined, expressions: expressions + keys.keys.map(\.reference),
                                columns: aggregate.aggregateColumns + keys.keys))
    }

    /// The first `limit` rows (after `offset`) per key in `order`: `row_number()` over the keys.
    func firstRowsPerKey(_ input: LogicalPlan, order: [SortKey], limit: Int?, offset: Int, _ keys: OuterKeys,
                         _ context: OptimizerContext) throws -> LogicalPlan {
        let call = WindowCall(name: "row_number", arguments: [], partitionBy: keys.keys.map(\.reference), orderBy: order,
                              frame: order.isEmpty ? .entirePartition : .runningRange, type: .int64)
        let number = PlanColumn(id: context.ids.next(), name: "row_number", type: .int64)
        let window = LogicalPlan.window(Window(input: input, functions: [call], columns: [number]))
        var conditions: [BoundExpression] = []
        if offset > 0 { conditions.append(.call(">", [number.reference, .literal(.int(Int64(offset)), .int64)], .boolean)) }
        if let limit {
            let (last, overflow) = Int64(offset).addingReportingOverflow(Int64(limit))
            if !overflow { conditions.append(.call("<=", [number.reference, .literal(.int(last), .int64)], .boolean)) }
        }
        return window.filtered(by: conditions).projected(onto: input.columns)
    }
}
