extension Expression {
    /// The expression as SQL; every compound operand is parenthesized, so printing and
    /// parsing again yields the same tree.
    public var sql: String {
        switch self {
        case .literal(let literal): return literal.sql
        case .column(let name): return name.sql
        case .star(let qualifier): return qualifier.map { $0.sql + ".*" } ?? "*"
        case .parameter(let text): return text
        case .unary(let op, let operand):
            return op == .not ? "NOT \(operand.operandSQL)" : "\(op.rawValue)\(operand.operandSQL)"
        case .binary(let left, let op, let right):
            return "\(left.operandSQL) \(op.rawValue) \(right.operandSQL)"
        case .isNull(let operand, let negated):
            return "\(operand.operandSQL) IS \(negated ? "NOT " : "")NULL"
        case .isBoolean(let operand, let value, let negated):
            return "\(operand.operandSQL) IS \(negated ? "NOT " : "")\(value ? "TRUE" : "FALSE")"
        case .isDistinctFrom(let left, let right, let negated):
            return "\(left.operandSQL) IS \(negated ? "NOT " : "")DISTINCT FROM \(right.operandSQL)"
        case .inList(let operand, let values, let negated):
            return "\(operand.operandSQL) \(negated ? "NOT " : "")IN (\(values.map(\.sql).joined(separator: ", ")))"
        case .inSubquery(let operand, let query, let negated):
            return "\(operand.operandSQL) \(negated ? "NOT " : "")IN (\(query.sql))"
        case .exists(let query, let negated):
            return "\(negated ? "NOT " : "")EXISTS (\(query.sql))"
        case .subquery(let query):
            return "(\(query.sql))"
        case .between(let operand, let low, let high, let negated):
            return "\(operand.operandSQL) \(negated ? "NOT " : "")BETWEEN \(low.operandSQL) AND \(high.operandSQL)"
        case .like(let operand, let pattern, let escape, let caseInsensitive, let negated):
            let keyword = caseInsensitive ? "ILIKE" : "LIKE"
            let escapeSQL = escape.map { " ESCAPE \($0.operandSQL)" } ?? ""
            return "\(operand.operandSQL) \(negated ? "NOT " : "")\(keyword) \(pattern.operandSQL)\(escapeSQL)"
        case .caseWhen(let operand, let branches, let otherwise):
            var text = "CASE"
            if let operand { text += " " + operand.sql }
            for branch in branches { text += " WHEN \(branch.condition.sql) THEN \(branch.result.sql)" }
            if let otherwise { text += " ELSE " + otherwise.sql }
            return text + " END"
        case .cast(let operand, let type, let style):
            switch style {
            case .cast: return "CAST(\(operand.sql) AS \(type.sql))"
            case .tryCast: return "TRY_CAST(\(operand.sql) AS \(type.sql))"
            case .doubleColon: return "\(operand.operandSQL)::\(type.sql)"
            }
        case .function(let call): return call.sql
        case .extract(let field, let operand):
            return "EXTRACT(\(field.uppercased()) FROM \(operand.sql))"
        case .substring(let operand, let start, let length):
            var text = "SUBSTRING(\(operand.sql)"
            if let start { text += " FROM \(start.sql)" }
            if let length { text += " FOR \(length.sql)" }
            return text + ")"
        case .list(let elements):
            return "[" + elements.map(\.sql).joined(separator: ", ") + "]"
        }
    }

    /// The expression as an operand of another: parenthesized unless it is atomic.
    var operandSQL: String {
        switch self {
        case .literal, .column, .star, .parameter, .subquery, .function, .extract, .substring, .list, .caseWhen,
            .exists(_, negated: false):
            return sql
        case .cast(_, _, let style) where style != .doubleColon:
            return sql
        default:
            return "(\(sql))"
        }
    }
}

extension FunctionCall {
    /// The call as SQL: `sum(DISTINCT x) FILTER (WHERE y) OVER (PARTITION BY z)`.
    public var sql: String {
        var text = name.sql + "("
        if isDistinct { text += "DISTINCT " }
        text += arguments.map(\.sql).joined(separator: ", ")
        if !orderBy.isEmpty { text += " ORDER BY " + orderBy.map(\.sql).joined(separator: ", ") }
        text += ")"
        if let filter { text += " FILTER (WHERE \(filter.sql))" }
        if let window {
            if let base = window.baseName, window.partitionBy.isEmpty, window.orderBy.isEmpty, window.frame == nil {
                text += " OVER " + base.sql
            } else {
                text += " OVER (\(window.sql))"
            }
        }
        return text
    }
}

extension FunctionArgument {
    var sql: String { name.map { "\($0.sql) => \(value.sql)" } ?? value.sql }
}

extension WindowSpecification {
    /// The inside of `OVER (...)`.
    public var sql: String {
        var parts: [String] = []
        if let baseName { parts.append(baseName.sql) }
        if !partitionBy.isEmpty { parts.append("PARTITION BY " + partitionBy.map(\.sql).joined(separator: ", ")) }
        if !orderBy.isEmpty { parts.append("ORDER BY " + orderBy.map(\.sql).joined(separator: ", ")) }
        if let frame { parts.append(frame.sql) }
        return parts.joined(separator: " ")
    }
}

extension WindowFrame {
    var sql: String {
        guard let end else { return "\(unit.rawValue) \(start.sql)" }
        return "\(unit.rawValue) BETWEEN \(start.sql) AND \(end.sql)"
    }
}

extension WindowFrame.Bound {
    var sql: String {
        switch self {
        case .unboundedPreceding: return "UNBOUNDED PRECEDING"
        case .preceding(let offset): return "\(offset.operandSQL) PRECEDING"
        case .currentRow: return "CURRENT ROW"
        case .following(let offset): return "\(offset.operandSQL) FOLLOWING"
        case .unboundedFollowing: return "UNBOUNDED FOLLOWING"
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
