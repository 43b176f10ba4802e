import LodeCore
import LodeSQL

extension Binder {
    /// `(SELECT ...)` as a value, or `EXISTS (SELECT ...)`; the subquery sees the
    /// enclosing scopes and lists the outer columns it reads.
    func bindSubquery(_ query: Query, kind: BoundSubquery.Kind, _ context: ExpressionContext) throws -> BoundExpression {
        let frame = BindFrame(parent: context.frame)
        let plan = try bindQuery(query, parent: frame).plan
        let type: DataType
        switch kind {
        case .scalar:
            guard plan.columns.count == 1 else {
                throw PlanError(.binding, "a subquery used as a value must return one column, not \(plan.columns.count)")
            }
            type = plan.columns[0].type
        default:
            type = .boolean
        }
        return .subquery(BoundSubquery(kind: kind, plan: plan, outerColumns: frame.outerReferences, type: type))
    }

    /// `value IN (SELECT x ...)`: the value and the column are cast to their common type.
    func bindInSubquery(_ operand: Expression, _ query: Query, _ context: ExpressionContext) throws -> BoundExpression {
        let value = try bind(operand, context)
        let frame = BindFrame(parent: context.frame)
        var plan = try bindQuery(query, parent: frame).plan
        guard plan.columns.count == 1 else {
            throw PlanError(.binding, "a subquery after IN must return one column, not \(plan.columns.count)")
        }
        let column = plan.columns[0]
        guard let type = TypeCoercion.commonType(value.type, column.type) else {
            throw PlanError(.type, "cannot compare \(value.type) with the subquery's \(column.type) in IN")
        }
        if column.type != type {
            let cast = newColumn(column.name, type)
            plan = .project(Project(input: plan, expressions: [self.cast(.column(column.id, column.type), to: type)], columns: [cast]))
        }
        return .subquery(BoundSubquery(kind: .inSubquery(self.cast(value, to: type)), plan: plan,
                                       outerColumns: frame.outerReferences, type: .boolean))
    }
}
