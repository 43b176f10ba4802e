import LodeCore
import LodeSQL

extension Binder {
    /// Binds `GROUP BY` (expressions, ordinals, select aliases, `ROLLUP`, `CUBE`,
    /// `GROUPING SETS`, `ALL`) into `state`'s groups and grouping sets.
    func bindGroupBy(_ elements: [GroupingElement], entries: [SelectEntry], state: AggregationState, frame: BindFrame) throws {
        let context = ExpressionContext(frame: frame, clause: "GROUP BY")
        func index(_ expression: Expression) throws -> Int {
            let (value, name) = try groupExpression(expression, entries: entries, context)
            return state.addGroup(value, name: name)
        }
        var sets: [[Int]] = [[]]
        var hasSets = false
        for element in elements {
            var elementSets: [[Int]]
            switch element {
            case .expression(let expression):
                elementSets = [[try index(expression)]]
            case .rollup(let expressions):
                let indices = try expressions.map(index)
                elementSets = (0...indices.count).reversed().map { Array(indices.prefix($0)) }
                hasSets = true
            case .cube(let expressions):
                guard expressions.count <= 12 else { throw PlanError(.binding, "CUBE takes at most 12 expressions") }
                let indices = try expressions.map(index)
                elementSets = (0..<(1 << indices.count)).reversed().map { mask in
                    indices.enumerated().filter { mask & (1 << (indices.count - 1 - $0.offset)) != 0 }.map(\.element)
                }
                hasSets = true
            case .groupingSets(let groupingSets):
                elementSets = try groupingSets.map { try $0.map(index) }
                hasSets = true
            case .all:
                var indices: [Int] = []
                for entry in entries {
                    switch entry {
                    case .expression(let expression, let alias):
                        guard !containsAggregate(expression), !containsWindow(expression) else { continue }
                        let value = try bind(expression, context)
                        indices.append(state.addGroup(value, name: alias?.spelling ?? expression.displayName))
                    case .column(let value, let name):
                        indices.append(state.addGroup(value, name: name))
                    }
                }
                elementSets = [indices]
            }
            guard sets.count * max(elementSets.count, 1) <= 4096 else {
                throw PlanError(.binding, "GROUP BY produces more than 4096 grouping sets")
            }
            sets = sets.flatMap { left in
                elementSets.map { right in
                    var combined = left
                    for index in right where !combined.contains(index) { combined.append(index) }
                    return combined
                }
            }
        }
        if hasSets { state.groupingSets = sets }
    }

    /// A `GROUP BY` item: an ordinal or alias of the select list, or an expression over `FROM`.
    private func groupExpression(_ expression: Expression, entries: [SelectEntry],
                                 _ context: ExpressionContext) throws -> (BoundExpression, String) {
        if let ordinal = try ordinalReference(expression, count: entries.count) {
            return try selectEntryGroup(entries[ordinal], context)
        }
        do {
            return (try bind(expression, context), expression.displayName)
        } catch let error as PlanError where error.kind == .binding {
            if case .column(let name) = expression, name.parts.count == 1, let identifier = name.base,
               let entry = entries.first(where: { entry in
                   if case .expression(_, let alias?) = entry { return BindScope.matches(alias.name, identifier) }
                   return false
               }) {
                return try selectEntryGroup(entry, context)
            }
            throw error
        }
    }

    private func selectEntryGroup(_ entry: SelectEntry, _ context: ExpressionContext) throws -> (BoundExpression, String) {
        switch entry {
        case .expression(let expression, _):
            if containsAggregate(expression) {
                throw PlanError(.binding, "GROUP BY cannot refer to an aggregate: \(expression.sql)", at: expression.firstLocation)
            }
            return (try bind(expression, context), entry.name)
        case .column(let value, let name):
            return (value, name)
        }
    }
}
