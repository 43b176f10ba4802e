import LodeCore

/// Runs optimizer rules in order over a logical plan.
///
/// Every rule must keep the root's output columns (ids, names, types, order); the
/// optimizer checks it after each rule and throws an internal error when one does not.
public struct Optimizer {
    public let rules: [any OptimizerRule]

    public init(rules: [any OptimizerRule] = Optimizer.defaultRules) {
        self.rules = rules
    }

    /// Decorrelation, folding, predicate pushdown, join order and build sides, column
    /// pruning and limit pushdown, in that order.
    public static var defaultRules: [any OptimizerRule] {
        [
            SubqueryDecorrelation(), ConstantFolding(), PredicatePushdown(), ConstantFolding(),
            JoinReorder(), BuildSideSelection(), ProjectionPushdown(), SemiJoinReduction(), LimitPushdown(),
        ]
    }

    public func optimize(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        let expected = plan.columns
        var plan = plan
        for rule in rules {
            plan = try rule.rewrite(plan, context: context)
            guard plan.columns == expected else {
                throw PlanError(.internal, "optimizer rule \(rule.name) changed the output columns from \(expected) to \(plan.columns)")
            }
        }
        return plan
    }
}
