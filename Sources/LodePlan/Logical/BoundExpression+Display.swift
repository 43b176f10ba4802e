import LodeCore

extension BoundExpression {
    /// SQL-like text of the expression; columns print as `name#id` using `names`
    /// (`#id` alone when the name is unknown).
    public func displayText(names: [ColumnID: String] = [:]) -> String {
        ExpressionPrinter(names: names).text(self)
    }
}

/// Prints bound expressions for EXPLAIN and errors.
struct ExpressionPrinter {
    let names: [ColumnID: String]

    static let infixOperators: [String: String] = [
        "=": "=", "<>": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">=", "+": "+", "-": "-", "*": "*", "/": "/",
        "//": "//", "%": "%", "and": "AND", "or": "OR", "||": "||", "like": "LIKE", "ilike": "ILIKE",
        "is_distinct_from": "IS DISTINCT FROM", "is_not_distinct_from": "IS NOT DISTINCT FROM",
    ]

    func column(_ id: ColumnID) -> String { (names[id] ?? "") + id.description }

    func text(_ e: BoundExpression) -> String {
        switch e {
        case .column(let id, _): return column(id)
        case .literal(let value, let type): return literal(value, type)
        case .cast(let inner, let type, let isTry): return "\(isTry ? "TRY_CAST" : "CAST")(\(text(inner)) AS \(type))"
        case .call(let name, let args, _): return call(name, args)
        case .caseWhen(let whens, let otherwise, _):
            var parts = ["CASE"]
            for w in whens { parts.append("WHEN \(text(w.condition)) THEN \(text(w.result))") }
            if let otherwise { parts.append("ELSE \(text(otherwise))") }
            return (parts + ["END"]).joined(separator: " ")
        case .subquery(let s):
            switch s.kind {
            case .scalar: return "(<subquery>)"
            case .exists: return "EXISTS (<subquery>)"
            case .inSubquery(let value): return "\(operand(value)) IN (<subquery>)"
            }
        }
    }

    func operand(_ e: BoundExpression) -> String {
        if case .call(let name, let args, _) = e, args.count == 2, ExpressionPrinter.infixOperators[name] != nil {
            return "(\(text(e)))"
        }
        return text(e)
    }

    func call(_ name: String, _ args: [BoundExpression]) -> String {
        if let op = ExpressionPrinter.infixOperators[name], args.count == 2 {
            return "\(operand(args[0])) \(op) \(operand(args[1]))"
        }
        switch (name, args.count) {
        case ("not", 1): return "NOT \(operand(args[0]))"
        case ("negate", 1): return "-\(operand(args[0]))"
        case ("is_null", 1): return "\(operand(args[0])) IS NULL"
        case ("is_not_null", 1): return "\(operand(args[0])) IS NOT NULL"
        case ("in", _) where !args.isEmpty:
            return "\(operand(args[0])) IN (\(args.dropFirst().map(text).joined(separator: ", ")))"
        default: return "\(name)(\(args.map(text).joined(separator: ", ")))"
        }
    }

    func literal(_ value: Value, _ type: DataType) -> String {
        switch (value, type) {
        case (.null, _): return "NULL"
        case (.string(let s), _): return "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
        case (.date, _): return "DATE '\(value)'"
        case (.timestamp, _): return "TIMESTAMP '\(value)'"
        default: return value.description
        }
    }
}
