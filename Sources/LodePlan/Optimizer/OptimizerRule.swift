import LodeCore

/// One rewrite of a logical plan that keeps its result: same rows, same output columns.
public protocol OptimizerRule: Sendable {
    /// Shown in errors and when tracing rules.
    var name: String { get }
    func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan
}

/// What rules share while optimizing one statement.
public final class OptimizerContext {
    /// Fresh ids for columns that rules create (mark columns, decorrelated group keys).
    public let ids: ColumnIDGenerator
    /// Folds constant expressions; constant folding is skipped without one.
    public let evaluator: (any ConstantEvaluator)?

    public init(ids: ColumnIDGenerator, evaluator: (any ConstantEvaluator)?) {
        self.ids = ids
        self.evaluator = evaluator
    }
}
