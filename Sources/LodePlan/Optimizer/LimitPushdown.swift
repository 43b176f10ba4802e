import LodeCore

/// Moves limits toward the data: a limit over a sort becomes a top-N sort, a limit passes
/// below projections, and a scan without filters stops after the rows needed.
public struct LimitPushdown: OptimizerRule {
    public var name: String { "limit_pushdown" }

    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        plan.transformUp { node in
            guard case .limit(let limit) = node, let count = limit.limit else { return node }
            let (rows, overflow) = count.addingReportingOverflow(limit.offset)
            if overflow { return node }
            return push(limit, rows: rows)
        }
    }

    /// `limit` over its input, with the first `rows` rows (limit plus offset) pushed below.
    func push(_ limit: Limit, rows: Int) -> LogicalPlan {
        switch limit.input {
        case .sort(var sort):
            sort.limit = min(sort.limit ?? rows, rows)
            if limit.offset == 0, sort.limit == limit.limit { return .sort(sort) }
            return .limit(Limit(input: .sort(sort), limit: limit.limit, offset: limit.offset))
        case .project(var project) where !project.expressions.contains(where: \.isVolatile):
            project.input = push(Limit(input: project.input, limit: limit.limit, offset: limit.offset), rows: rows)
            return .project(project)
        case .scan(var scan) where scan.filters.isEmpty:
            scan.limit = min(scan.limit ?? rows, rows)
            return .limit(Limit(input: .scan(scan), limit: limit.limit, offset: limit.offset))
        default:
            return .limit(limit)
        }
    }
}
