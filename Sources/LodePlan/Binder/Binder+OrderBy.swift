import LodeCore
import LodeSQL

extension Binder {
    /// Binds `ORDER BY` of a `SELECT`: an ordinal, a select alias, a select-list expression,
    /// or another expression appended to `projected` as a hidden column.
    func orderKeys(_ items: [OrderItem], entries: [SelectEntry], projected: inout [BoundExpression], names: inout [String],
                   distinct: Bool, bindExpression: (Expression) throws -> BoundExpression) throws -> [PositionalSortKey] {
        var keys: [PositionalSortKey] = []
        for item in items {
            let position = try orderPosition(item.expression, entries: entries, projected: &projected, names: &names,
                                             distinct: distinct, bindExpression: bindExpression)
            keys.append(PositionalSortKey(position: position, ascending: item.ascending ?? true, nullsFirst: item.nullsFirst ?? false))
        }
        return keys
    }

    private func orderPosition(_ expression: Expression, entries: [SelectEntry], projected: inout [BoundExpression],
                               names: inout [String], distinct: Bool,
                               bindExpression: (Expression) throws -> BoundExpression) throws -> Int {
        if let ordinal = try ordinalReference(expression, count: entries.count) { return ordinal }
        if case .column(let name) = expression, name.parts.count == 1, let identifier = name.base,
           let index = entries.firstIndex(where: { entry in
               if case .expression(_, let alias?) = entry { return BindScope.matches(alias.name, identifier) }
               return false
           }) {
            return index
        }
        let value: BoundExpression
        do {
            value = try bindExpression(expression)
        } catch let error as PlanError where error.kind == .binding {
            if case .column(let name) = expression, name.parts.count == 1, let identifier = name.base,
               let index = entries.firstIndex(where: { BindScope.matches($0.name, identifier) }) {
                return index
            }
            throw error
        }
        if let index = projected.prefix(entries.count).firstIndex(of: value) { return index }
        if distinct {
            throw PlanError(.binding, "for SELECT DISTINCT, ORDER BY expressions must appear in the select list: \(expression.sql)",
                            at: expression.firstLocation)
        }
        if let index = projected.firstIndex(of: value) { return index }
        projected.append(value)
        names.append(expression.displayName)
        return projected.count - 1
    }
}

extension Expression {
    /// The position of the first name in the expression, if any.
    var firstLocation: SourceLocation? {
        var found: SourceLocation?
        visitNodes { node in
            guard found == nil else { return }
            if case .column(let name) = node { found = name.parts.first?.location }
            if case .function(let call) = node { found = call.name.parts.first?.location }
        }
        return found
    }
}
