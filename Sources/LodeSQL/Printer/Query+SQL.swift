extension Query {
    /// The query as SQL on one line.
    public var sql: String {
        var text = ""
        if let with {
            text += with.isRecursive ? "WITH RECURSIVE " : "WITH "
            text += with.tables.map { table in
                let columns = table.columns.isEmpty ? "" : " (" + table.columns.map(\.sql).joined(separator: ", ") + ")"
                return "\(table.name.sql)\(columns) AS (\(table.query.sql))"
            }.joined(separator: ", ")
            text += " "
        }
        text += body.sql
        if !orderBy.isEmpty { text += " ORDER BY " + orderBy.map(\.sql).joined(separator: ", ") }
        if let limit { text += " LIMIT " + limit.sql }
        if let offset { text += " OFFSET " + offset.sql }
        return text
    }
}

extension QueryBody {
    /// The body as SQL; nested queries are parenthesized.
    public var sql: String {
        switch self {
        case .select(let core): return core.sql
        case .values(let rows):
            return "VALUES " + rows.map { "(" + $0.map(\.sql).joined(separator: ", ") + ")" }.joined(separator: ", ")
        case .nested(let query): return "(\(query.sql))"
        case .setOperation(let op, let all, let left, let right):
            return "\(left.sql) \(op.rawValue)\(all ? " ALL" : "") \(right.sql)"
        }
    }
}

extension SelectCore {
    /// The `SELECT` block as SQL.
    public var sql: String {
        var text = "SELECT "
        if isDistinct {
            text += "DISTINCT "
            if !distinctOn.isEmpty { text += "ON (" + distinctOn.map(\.sql).joined(separator: ", ") + ") " }
        }
        text += items.map { item in item.alias.map { "\(item.expression.sql) AS \($0.sql)" } ?? item.expression.sql }
            .joined(separator: ", ")
        if !from.isEmpty { text += " FROM " + from.map(\.sql).joined(separator: ", ") }
        if let whereClause { text += " WHERE " + whereClause.sql }
        if !groupBy.isEmpty { text += " GROUP BY " + groupBy.map(\.sql).joined(separator: ", ") }
        if let having { text += " HAVING " + having.sql }
        if !windows.isEmpty {
            text += " WINDOW " + windows.map { "\($0.name.sql) AS (\($0.specification.sql))" }.joined(separator: ", ")
        }
        if let qualify { text += " QUALIFY " + qualify.sql }
        return text
    }
}

extension GroupingElement {
    var sql: String {
        func list(_ expressions: [Expression]) -> String { "(" + expressions.map(\.sql).joined(separator: ", ") + ")" }
        switch self {
        case .expression(let expression): return expression.sql
        case .rollup(let expressions): return "ROLLUP " + list(expressions)
        case .cube(let expressions): return "CUBE " + list(expressions)
        case .groupingSets(let sets): return "GROUPING SETS (" + sets.map(list).joined(separator: ", ") + ")"
        case .all: return "ALL"
        }
    }
}

extension TableReference {
    /// The `FROM` entry as SQL; joins are parenthesized on the right.
    public var sql: String {
        switch self {
        case .table(let name, let timeTravel, let alias):
            var text = name.sql
            switch timeTravel {
            case .version(let version)?: text += " VERSION AS OF " + version.operandSQL
            case .timestamp(let timestamp)?: text += " TIMESTAMP AS OF " + timestamp.operandSQL
            case nil: break
            }
            return text + aliasSQL(alias)
        case .function(let name, let arguments, let alias):
            return name.sql + "(" + arguments.map(\.sql).joined(separator: ", ") + ")" + aliasSQL(alias)
        case .subquery(let query, let lateral, let alias):
            return (lateral ? "LATERAL " : "") + "(\(query.sql))" + aliasSQL(alias)
        case .join(let left, let kind, let right, let condition):
            let rightSQL: String
            if case .join = right { rightSQL = "(\(right.sql))" } else { rightSQL = right.sql }
            let natural = condition == .natural ? "NATURAL " : ""
            var text = "\(left.sql) \(natural)\(kind.rawValue) \(rightSQL)"
            switch condition {
            case .on(let expression): text += " ON " + expression.sql
            case .using(let columns): text += " USING (" + columns.map(\.sql).joined(separator: ", ") + ")"
            case .none, .natural: break
            }
            return text
        }
    }

    private func aliasSQL(_ alias: TableAlias?) -> String {
        guard let alias else { return "" }
        let columns = alias.columns.isEmpty ? "" : " (" + alias.columns.map(\.sql).joined(separator: ", ") + ")"
        return " AS \(alias.name.sql)\(columns)"
    }
}
