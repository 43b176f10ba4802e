import LodeCore
import LodeSQL

extension Binder {
    /// Resolves a column reference in the current frame, then in enclosing ones
    /// (a correlated reference, recorded on every frame it crosses).
    func resolveColumn(_ name: QualifiedName, _ context: ExpressionContext) throws -> BoundExpression {
        let parts = name.parts
        var frame: BindFrame? = context.frame
        var crossed: [BindFrame] = []
        while let current = frame {
            switch current.scope.lookup(parts) {
            case .found(let entry):
                var expression = entry.expression
                if !crossed.isEmpty {
                    if let aggregation = current.aggregation {
                        expression = try aggregation.finalize(expression, location: parts.last?.location)
                    }
                    for inner in crossed { inner.recordOuterReferences(of: expression) { _ in entry.name } }
                }
                return expression
            case .ambiguous(let entries):
                let choices = entries.map { "\($0.qualifier.map { $0 + "." } ?? "")\($0.name)" }
                throw PlanError(.binding, "column reference \"\(name.sql)\" is ambiguous: it could be \(choices.joined(separator: " or "))",
                                at: parts.first?.location)
            case .notFound:
                if current === context.frame, parts.count == 1, let key = parts.last?.name.lowercased(),
                   let aliased = context.aliases[key] {
                    var inner = context
                    inner.aliases[key] = nil
                    return try bind(aliased, inner)
                }
                crossed.append(current)
                frame = current.parent
            }
        }
        throw unknownColumn(name, context)
    }

    private func unknownColumn(_ name: QualifiedName, _ context: ExpressionContext) -> PlanError {
        let parts = name.parts
        let location = parts.first?.location
        let qualifier = parts.count > 1 ? parts[parts.count - 2] : nil
        var candidates: [String] = []
        var qualifierKnown = qualifier == nil
        var tables: [String] = []
        var frame: BindFrame? = context.frame
        while let current = frame {
            candidates += current.scope.candidateNames(qualifier: qualifier)
            if let qualifier, current.scope.hasQualifier(qualifier) { qualifierKnown = true }
            tables += current.scope.qualifiers
            frame = current.parent
        }
        if let qualifier, !qualifierKnown {
            let suggestion = closestName(to: qualifier.name, in: tables).map { "; did you mean \"\($0)\"?" } ?? ""
            return PlanError(.binding, "table \"\(qualifier.spelling)\" is not in the FROM clause\(suggestion)", at: location)
        }
        let base = parts.last?.spelling ?? name.sql
        let suggestion = closestName(to: base, in: candidates).map { "; did you mean \"\(qualifier.map { $0.spelling + "." } ?? "")\($0)\"?" } ?? ""
        return PlanError(.binding, "column \"\(name.sql)\" not found\(suggestion)", at: location)
    }
}

extension Expression {
    /// The result column name DuckDB gives an unaliased select item: the column's name,
    /// `sum(l_quantity)`, `count_star()`, `(x + 1)`.
    var displayName: String {
        switch self {
        case .column(let name): return name.base?.spelling ?? name.sql
        case .function(let call):
            var name = call.name.base?.name ?? call.name.sql
            var arguments = call.arguments
            if name == "count", arguments.count == 1, case .star(nil) = arguments[0].value { arguments = [] }
            if name == "count", arguments.isEmpty { name = "count_star" }
            var text = name + "("
            if call.isDistinct { text += "DISTINCT " }
            text += arguments.map { $0.value.displayName }.joined(separator: ", ")
            if !call.orderBy.isEmpty { text += " ORDER BY " + call.orderBy.map(\.sql).joined(separator: ", ") }
            text += ")"
            if let filter = call.filter { text += " FILTER (WHERE \(filter.sql))" }
            if let window = call.window {
                if let base = window.baseName, window.partitionBy.isEmpty, window.orderBy.isEmpty, window.frame == nil {
                    text += " OVER " + base.sql
                } else {
                    text += " OVER (\(window.sql))"
                }
            }
            return text
        case .binary(let left, let op, let right):
            return "(\(left.displayName) \(op.rawValue) \(right.displayName))"
        case .unary(.minus, let operand):
            return "(-(\(operand.displayName)))"
        case .unary(.not, _), .isNull, .isBoolean, .isDistinctFrom, .inList, .between, .like:
            return "(\(sql))"
        case .literal(let literal):
            if case .string(let text) = literal { return "'\(text)'" }
            if case .boolean(let value) = literal { return value ? "true" : "false" }
            return literal.sql
        default:
            return sql
        }
    }
}

extension OrderItem {
    var sql: String {
        var text = expression.sql
        if let ascending { text += ascending ? " ASC" : " DESC" }
        if let nullsFirst { text += nullsFirst ? " NULLS FIRST" : " NULLS LAST" }
        return text
    }
}
