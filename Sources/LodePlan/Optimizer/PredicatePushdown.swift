import LodeCore

/// Moves filter conjuncts as close to the scans as SQL semantics allow.
///
/// Conjuncts pass through projections (with the projected expressions substituted),
/// aggregates (group-key conjuncts only), windows (partition-key conjuncts only), sorts
/// without a limit and set operations (into both inputs), go into join inputs and join
/// conditions (a cross join with an equality becomes an inner join), and end in
/// ``Scan/filters``, which the scan applies exactly. Conjuncts common to every arm of an
/// `OR` are taken out of it, and an `OR` across the inputs of an inner join also filters
/// each input by what every arm requires of it (TPC-H Q19). Conjuncts that cannot move stay in a
/// filter where they stopped.
public struct PredicatePushdown: OptimizerRule {
    public var name: String { "predicate_pushdown" }

    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        push(plan, [])
    }

    /// `plan` with `predicates` (conjuncts over its output) applied as low as possible.
    func push(_ plan: LogicalPlan, _ predicates: [BoundExpression]) -> LogicalPlan {
        switch plan {
        case .filter(let n):
            return push(n.input, predicates + n.predicate.conjuncts.flatMap(\.factoredConjuncts))
        case .project(var n):
            let definitions = Dictionary(zip(n.columns.map(\.id), n.expressions), uniquingKeysWith: { a, _ in a })
            let (below, above) = partition(predicates) { p in
                p.referencedColumns.allSatisfy { id in definitions[id].map { !$0.isVolatile && !$0.containsSubquery } ?? false }
            }
            n.input = push(n.input, below.map { $0.substituting(definitions) })
            return LogicalPlan.project(n).filtered(by: above)
        case .aggregate(var n):
            var keys: [ColumnID: BoundExpression] = [:]
            for (i, (group, column)) in zip(n.groups, n.groupColumns).enumerated()
            where n.groupingSets?.allSatisfy({ $0.contains(i) }) ?? true {
                keys[column.id] = group
            }
            let (below, above) = partition(predicates) { p in
                let refs = p.referencedColumns
                return !refs.isEmpty && refs.allSatisfy { keys[$0] != nil }
            }
            n.input = push(n.input, below.map { $0.substituting(keys) })
            return LogicalPlan.aggregate(n).filtered(by: above)
        case .window(var n):
            var partitionKeys = Set(n.input.columns.map(\.id))
            for function in n.functions {
                partitionKeys.formIntersection(function.partitionBy.compactMap {
                    if case .column(let id, _) = $0 { return id } else { return nil }
                })
            }
            let (below, above) = partition(predicates) { p in
                let refs = p.referencedColumns
                return !refs.isEmpty && refs.isSubset(of: partitionKeys)
            }
            n.input = push(n.input, below)
            return LogicalPlan.window(n).filtered(by: above)
        case .sort(var n) where n.limit == nil:
            n.input = push(n.input, predicates)
            return .sort(n)
        case .setOperation(var n):
            let (below, above) = partition(predicates) { _ in true }
            n.left = push(n.left, below.map { $0.substituting(positional(n.columns, n.left.columns)) })
            n.right = push(n.right, below.map { $0.substituting(positional(n.columns, n.right.columns)) })
            return LogicalPlan.setOperation(n).filtered(by: above)
        case .join(let n):
            return pushJoin(n, predicates)
        case .scan(var n) where n.limit == nil:
            let ids = Set(n.columns.map(\.id))
            let (into, above) = partition(predicates) { $0.referencedColumns.isSubset(of: ids) }
            n.filters = (n.filters + into).uniqued()
            return LogicalPlan.scan(n).filtered(by: above)
        case .scan, .values, .limit, .sort:
            return plan.withChildren(plan.children.map { push($0, []) }).filtered(by: predicates)
        }
    }

    /// Splits `predicates` into those that may move (`movable` and free of subqueries and
    /// volatile calls) and the rest.
    func partition(_ predicates: [BoundExpression], _ movable: (BoundExpression) -> Bool)
        -> (moved: [BoundExpression], kept: [BoundExpression]) {
        var moved: [BoundExpression] = []
        var kept: [BoundExpression] = []
        for p in predicates {
            if !p.containsSubquery, !p.isVolatile, movable(p) { moved.append(p) } else { kept.append(p) }
        }
        return (moved, kept)
    }

    /// Replaces each output column of a set operation by the input's column at its position.
    func positional(_ outputs: [PlanColumn], _ inputs: [PlanColumn]) -> [ColumnID: BoundExpression] {
        var map: [ColumnID: BoundExpression] = [:]
        for (output, input) in zip(outputs, inputs) {
            map[output.id] = input.type == output.type ? input.reference : .cast(input.reference, to: output.type, isTry: false)
        }
        return map
    }
}

extension Array where Element == BoundExpression {
    /// The expressions without repeats, in first-seen order.
    func uniqued() -> [BoundExpression] {
        var seen: Set<BoundExpression> = []
        return filter { seen.insert($0).inserted }
    }
}
